#!/usr/bin/env bash
# bench/findrobots.sh: findrobots against its peers on the same ~500 MB of generated combined
# logs in 8 .gz files, in one run: findrobots -j1 and -j2, the cookbook's Python recipe,
# zcat|awk|sort -u, gzip -dc >/dev/null, and a bare zlib inflate loop (the floor); then the
# same logs as one multi-member file (64 KiB members at level 1, as nginx's gzip=1 writes),
# which -j2 splits between two threads.
# usage: bench/findrobots.sh BINARY [ISAL_BINARY]   (a BINARY built with ISA-L serves for both)
# env: REPS (default 5), LINES per file (default 310000), KEEP=1 keeps the logs' directory.
set -eu
bin=$1 isal=${2:-}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
case $isal in ''|/*) ;; *) isal=$PWD/$isal ;; esac
here=$(cd "$(dirname "$0")" && pwd)
reps=${REPS:-5} lines=${LINES:-310000}
work=$(mktemp -d "${TMPDIR:-/tmp}/findrobots-bench.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
mkdir "$work/logs" "$work/zlib" "$work/isal"
# A build with ISA-L (the default when libisal-dev is installed) is measured twice: with
# COOKBOX_INFLATE=zlib for the zlib rows, and as it is for the ISA-L rows.
if [ -z "$isal" ] && ldd "$bin" 2>/dev/null | grep -q libisal; then
	isal=$bin
fi
printf '#!/bin/sh\nCOOKBOX_INFLATE=zlib exec "%s" findrobots "$@"\n' "$bin" >"$work/zlib/findrobots"
chmod +x "$work/zlib/findrobots"
[ -z "$isal" ] || ln -s "$isal" "$work/isal/findrobots"
bin=$work/zlib/findrobots isal=${isal:+$work/isal/findrobots}

echo "generating 8 x $lines lines into $work/logs ..." >&2
for f in 1 2 3 4 5 6 7 8; do
	echo "python3 '$here/findrobots-gen.py' $f $lines 3000 1 | gzip -6 > '$work/logs/access-$f.log.gz'"
done | xargs -P 2 -I{} sh -c '{}'
echo "and the same as one file of 64 KiB gzip members ..." >&2
mkdir "$work/big"
zcat "$work"/logs/*.gz | python3 "$here/findrobots-members.py" 65536 1 >"$work/big/access.log.gz"
raw=$(zcat "$work"/logs/*.gz | wc -c)
gz=$(cat "$work"/logs/*.gz | wc -c)
cc -O2 -o "$work/inflate" "$here/findrobots-inflate.c" -lz -lpthread

names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
L="$work/logs"
add "findrobots -j1" "'$bin' -j1 --match=exact '$L' >/dev/null"
add "findrobots -j2" "'$bin' -j2 --match=exact '$L' >/dev/null"
if [ -n "$isal" ]; then
	add "findrobots -j1 (ISA-L)" "'$isal' -j1 --match=exact '$L' >/dev/null"
	add "findrobots -j2 (ISA-L)" "'$isal' -j2 --match=exact '$L' >/dev/null"
fi
add "python recipe" "python3 '$here/findrobots-recipe.py' '$L' >/dev/null"
add "zcat|awk|sort -u" "zcat '$L'/*.gz | awk '\$7 == \"/robots.txt\" { print \$1 }' | sort -u >/dev/null"
add "gzip -dc" "gzip -dc '$L'/*.gz >/dev/null"
add "zlib inflate -j1" "'$work/inflate' -j 1 '$L'/*.gz >/dev/null"
add "zlib inflate -j2" "'$work/inflate' -j 2 '$L'/*.gz >/dev/null"
B="$work/big/access.log.gz"
add "1 file: findrobots -j1" "'$bin' -j1 --match=exact '$B' >/dev/null"
add "1 file: findrobots -j2" "'$bin' -j2 --match=exact '$B' >/dev/null"
if [ -n "$isal" ]; then
	add "1 file: -j1 (ISA-L)" "'$isal' -j1 --match=exact '$B' >/dev/null"
	add "1 file: -j2 (ISA-L)" "'$isal' -j2 --match=exact '$B' >/dev/null"
fi
add "1 file: gzip -dc" "gzip -dc '$B' >/dev/null"

# The answers agree before anything is timed.
"$bin" --match=exact "$L" | LC_ALL=C sort >"$work/ours"
python3 "$here/findrobots-recipe.py" "$L" | LC_ALL=C sort >"$work/recipe"
zcat "$L"/*.gz | awk '$7 == "/robots.txt" { print $1 }' | LC_ALL=C sort -u >"$work/awk"
"$bin" -j2 --match=exact "$B" | LC_ALL=C sort >"$work/big1"
cmp -s "$work/ours" "$work/recipe" && cmp -s "$work/ours" "$work/awk" && cmp -s "$work/ours" "$work/big1" ||
	{ echo "findrobots.sh: the outputs differ" >&2; exit 1; }

# Repetitions interleaved, so that load from elsewhere spreads over every command.
# Wall time and CPU time (user + system of the command and its children) of each run.
declare -A t cpu
for ((r = 0; r < reps; r++)); do
	for i in "${!cmds[@]}"; do
		s=$(date +%s.%N)
		/usr/bin/time -o "$work/cpu" -f '%U %S' sh -c "${cmds[$i]}"
		c=$(tail -1 "$work/cpu")
		e=$(date +%s.%N)
		t[$i]="${t[$i]:-} $(echo "$e - $s" | bc)"
		cpu[$i]="${cpu[$i]:-} $(echo "$c" | awk '{ print $1 + $2 }')"
	done
done
median() { printf '%s\n' $1 | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A med medcpu
for i in "${!cmds[@]}"; do med[$i]=$(median "${t[$i]}"); medcpu[$i]=$(median "${cpu[$i]}"); done
idx() { local i; for i in "${!names[@]}"; do [ "${names[$i]}" != "$1" ] || echo "$i"; done; }
j1=${med[$(idx "findrobots -j1")]}

echo "findrobots bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $((raw / 1000000)) MB of logs ($((gz / 1000000)) MB gzip) in 8 files, median of $reps"
echo "(load average before: $(cut -d' ' -f1-3 /proc/loadavg); wall times are noisy on a shared machine, CPU times less so)"
printf '%-24s %10s %10s %10s %14s\n' command "median s" "CPU s" "MB/s" "time vs -j1"
for i in "${!cmds[@]}"; do
	m=${med[$i]}
	printf '%-24s %10.3f %10.2f %10.0f %13.2fx\n' "${names[$i]}" "$m" "${medcpu[$i]}" "$(echo "$raw / 1000000 / $m" | bc -l)" "$(echo "$m / $j1" | bc -l)"
done
ratio() { echo "scale=2; ${med[$(idx "$1")]} / ${med[$(idx "$2")]}" | bc -l; }
cpuratio() { echo "scale=2; ${medcpu[$(idx "$1")]} / ${medcpu[$(idx "$2")]}" | bc -l; }
echo "findrobots -j1 throughput / bare zlib inflate -j1: $(ratio "zlib inflate -j1" "findrobots -j1")  (issue: >= 0.85; by CPU time $(cpuratio "zlib inflate -j1" "findrobots -j1"))"
echo "findrobots -j2 speed-up over -j1:                 $(ratio "findrobots -j1" "findrobots -j2")  (issue: >= 1.7; bare inflate -j2 over -j1: $(ratio "zlib inflate -j1" "zlib inflate -j2"))"
echo "findrobots -j2 vs the Python recipe:              $(ratio "python recipe" "findrobots -j2")x faster  (issue: >= 4)"
echo "findrobots -j1 vs zcat|awk|sort -u:               $(ratio "zcat|awk|sort -u" "findrobots -j1")x faster"
echo "1 file of members: -j2 speed-up over -j1:       $(ratio "1 file: findrobots -j1" "1 file: findrobots -j2")  (by CPU time -j2/-j1: $(cpuratio "1 file: findrobots -j2" "1 file: findrobots -j1"))"
[ -z "$isal" ] || echo "1 file of members, ISA-L: -j2 over -j1:         $(ratio "1 file: -j1 (ISA-L)" "1 file: -j2 (ISA-L)")"
[ -z "$isal" ] || echo "ISA-L -j1 vs zlib -j1:                            $(ratio "findrobots -j1" "findrobots -j1 (ISA-L)")x faster"
