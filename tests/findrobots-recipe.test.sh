#!/usr/bin/env bash
# findrobots-recipe: findrobots --match=exact against the cookbook's Python recipe
# (bench/findrobots-recipe.py) and against zcat|awk|sort -u, on generated clean logs with
# fixed seeds: the same host set, and -c's counts equal awk's.
# usage: tests/findrobots-recipe.test.sh BINARY
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
name=findrobots-recipe
pass=0 fail=0
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import gzip, concurrent.futures' 2>/dev/null; then
	echo "SKIP $name: python3 absent"
	echo "script $name: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/findrobots-recipe.XXXXXX")
trap 'rm -rf "$work"' EXIT

check() {	# check NAME FILE1 FILE2
	if cmp -s "$2" "$3"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $1"
		diff "$2" "$3" | head -10
	fi
}

for round in 1 2 3; do
	d=$work/logs$round
	mkdir "$d"
	for f in 1 2 3 4; do
		python3 "$top/bench/findrobots-gen.py" $((round * 10 + f)) $((4000 * f)) $((200 * round)) |
			gzip -c >"$d/access-$f.log.gz"
	done
	python3 "$top/bench/findrobots-recipe.py" "$d" | LC_ALL=C sort >"$work/recipe"
	"$bin" findrobots --match=exact "$d" | LC_ALL=C sort >"$work/ours"
	check "round $round: hosts as the recipe finds them" "$work/recipe" "$work/ours"
	zcat "$d"/*.log.gz | awk '$7 == "/robots.txt" { n[$1]++ } END { for (h in n) print n[h], h }' |
		LC_ALL=C sort >"$work/awk"
	"$bin" findrobots -j2 -c --match=exact "$d" | LC_ALL=C sort >"$work/ours"
	check "round $round: counts as awk finds them" "$work/awk" "$work/ours"
	# Normalized matching also takes /robots.txt?x=1, which the logs hold too.
	zcat "$d"/*.log.gz | awk '$7 == "/robots.txt" || $7 ~ /^\/robots\.txt\?/ { print $1 }' |
		LC_ALL=C sort -u >"$work/awk"
	"$bin" findrobots -j1 "$d" | LC_ALL=C sort >"$work/ours"
	check "round $round: normalized takes the query form too" "$work/awk" "$work/ours"
	# The quick look at each line (used unless -v) against the full parse of every line
	# (-v), on the logs with hazards mixed into one line in ten.
	zcat "$d"/*.log.gz | awk -v seed=$round 'BEGIN { srand(seed) }
		{ r = rand(); k = int(rand() * 8) }
		r < 0.1 && k == 0 { sub(/"GET /, "\"\\x47ET ") }
		r < 0.1 && k == 1 { sub(/ HTTP\/1\.1"/, "\"") }
		r < 0.1 && k == 2 { sub(/\/robots\.txt/, "/robots%2Etxt") }
		r < 0.1 && k == 3 { sub(/\/robots\.txt/, "http://h/robots.txt#x") }
		r < 0.1 && k == 4 { sub(/ - - \[/, ", 10.0.0.1 - - [") }
		r < 0.1 && k == 5 { sub(/"GET /, "\"GET  ") }
		r < 0.1 && k == 6 { sub(/\.txt/, "\\x2etxt") }
		r < 0.1 && k == 7 { $0 = $0 "\r" }
		{ print }' >"$work/mixed.log"
	"$bin" findrobots -c --method=GET "$work/mixed.log" >"$work/quick"
	"$bin" findrobots -v -c --method=GET "$work/mixed.log" 2>/dev/null >"$work/full"
	check "round $round: the quick look finds what the full parse finds" "$work/full" "$work/quick"
done
echo "script $name: $pass passed, $fail failed"
[ $fail = 0 ]
