#!/usr/bin/env bash
# bench/findrobots-split.sh: findrobots -j1 against -j2 on one multi-member gzip file (64 KiB
# members at level 1, as nginx's gzip=1 writes), zlib and ISA-L, ROUNDS rounds, each after a
# probe of how many cores are free now (two busy loops at once against one: 2.0 when both
# cores are free, 1.0 when other work holds one). Prints the rounds, then the medians over
# all rounds and over the rounds whose probe was >= 1.8, so that -j2 is judged on a machine
# that had a second core to give.
# usage: bench/findrobots-split.sh BINARY [ROUNDS]   env: LINES (default 2480000), KEEP=1
set -eu
bin=$1 rounds=${2:-20}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/findrobots-split.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
echo "generating ${LINES:-2480000} lines as 64 KiB members ..." >&2
python3 "$here/findrobots-gen.py" 1 "${LINES:-2480000}" 3000 1 |
	python3 "$here/findrobots-members.py" 65536 1 >"$work/access.log.gz"
printf 'int main(void){volatile unsigned long x=0,i;for(i=0;i<100000000UL;i++)x+=i;return (int)(x&1);}\n' >"$work/spin.c"
cc -O1 -o "$work/spin" "$work/spin.c"
F=$work/access.log.gz
t() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
echo "findrobots split bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(($(stat -c %s "$F") / 1000000)) MB gzip, $(cut -d' ' -f1-3 /proc/loadavg)"
echo "probe zlib-j1 zlib-j2 isal-j1 isal-j2"
for ((r = 0; r < rounds; r++)); do
	one=$(t "$work/spin") two=$(t sh -c "'$work/spin' & '$work/spin'; wait")
	echo "$(echo "$one * 2 / $two" | bc -l | cut -c1-4) $(COOKBOX_INFLATE=zlib t "$bin" findrobots -j1 "$F") \
$(COOKBOX_INFLATE=zlib t "$bin" findrobots -j2 "$F") $(t "$bin" findrobots -j1 "$F") $(t "$bin" findrobots -j2 "$F")"
done | tee "$work/rounds"
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; else print "-" }'; }
for sel in all free; do
	if [ $sel = all ]; then cat "$work/rounds"; else awk '$1 >= 1.8' "$work/rounds"; fi >"$work/sel"
	n=$(wc -l <"$work/sel")
	[ "$n" -gt 0 ] || { echo "$sel rounds: none"; continue; }
	m() { awk -v c="$1" '{ print $c }' "$work/sel" | median; }
	echo "$sel rounds ($n): zlib -j1 $(m 2) s, -j2 $(m 3) s, ratio $(echo "scale=2; $(m 2) / $(m 3)" | bc); ISA-L -j1 $(m 4) s, -j2 $(m 5) s, ratio $(echo "scale=2; $(m 4) / $(m 5)" | bc)"
done
