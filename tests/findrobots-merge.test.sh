#!/usr/bin/env bash
# findrobots-merge: --merge is associative and agrees with one run over all the logs:
# (a+b)+c == a+(b+c) == a+b+c in any order == one run; then the map-reduce recipes of the man
# page run here: GNU parallel (local sshlogin ":"), and Hadoop Streaming simulated with split,
# a mapper per part and sort before the reducer.
# usage: tests/findrobots-merge.test.sh BINARY
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
name=findrobots-merge
pass=0 fail=0 skip=0
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP $name: python3 absent (the log generator)"
	echo "script $name: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/findrobots-merge.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir bin logs
ln -s "$bin" bin/findrobots
PATH=$work/bin:$PATH

check() {	# check NAME FILE1 FILE2
	if [ -s "$2" ] && cmp -s "$2" "$3"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $1"
		diff "$2" "$3" | head -10
	fi
}

# Overlapping host sets (the same 300 hosts) over different days.
for s in 1 2 3; do
	python3 "$top/bench/findrobots-gen.py" $s 30000 300 7 | gzip -c >logs/$s.log.gz
done
findrobots --details logs/1.log.gz >a
findrobots --details logs/2.log.gz >b
findrobots --details logs/3.log.gz >c
findrobots --details logs >all
findrobots --merge a b >ab
findrobots --merge b c >bc
findrobots --merge ab c >ab_c
findrobots --merge a bc >a_bc
check "(a+b)+c == one run" all ab_c
check "a+(b+c) == one run" all a_bc
findrobots --merge c a b >cab
check "c+a+b == one run" all cab
cat c b a | findrobots --merge >cat
check "merge of the concatenation on stdin == one run" all cat
findrobots --merge all >again
check "merging one output is the identity" all again
findrobots --merge all all | awk -F'\t' '{ $2 /= 2; print }' OFS='\t' >half
check "merging an output with itself doubles the counts only" all half
findrobots -c logs >c1
findrobots --merge -c a b c >c2
check "--merge -c == -c" c1 c2

# GNU parallel: one findrobots --details per file (as per machine), merged here.
if command -v parallel >/dev/null 2>&1; then
	parallel --will-cite -j2 findrobots --details ::: logs/*.log.gz | findrobots --merge >par
	check "parallel findrobots --details ::: files | findrobots --merge" all par
	parallel --will-cite --nonall --sshlogin : findrobots --details -r "$work/logs" |
		findrobots --merge >par2
	check "parallel --nonall --sshlogin : (the man page recipe, local)" all par2
else
	echo "SKIP $name: GNU parallel absent (apt-get install parallel)"
	skip=$((skip + 1))
fi

# Hadoop Streaming, simulated: the input split in parts, a mapper per part on stdin, the
# shuffle's sort, one reducer.
zcat logs/*.log.gz | split -l 25000 - part.
for p in part.*; do findrobots --details - <"$p"; done | sort | findrobots --merge >hadoop
check "mapper 'findrobots --details -' per split, reducer 'findrobots --merge'" all hadoop

echo "script $name: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
