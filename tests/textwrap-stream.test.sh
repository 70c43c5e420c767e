#!/usr/bin/env bash
# textwrap-stream.test.sh: a paragraph that is one huge line is filled in bounded memory
# (greedy), with the same output as filling it whole (--max-lines with a huge N turns the
# streaming off), and in time linear in it (a huge hyphenated word is not rescanned for every
# line). Memory is checked with /usr/bin/time when present, not under ASan.
# usage: tests/textwrap-stream.test.sh BINARY   prints "script textwrap-stream: N passed, M failed"
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/textwrap-stream.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {	# check NAME COND
	if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL textwrap-stream: $1"; fi
}
yes 'lorem ipsum dolor sit amet, consectetur-adipiscing elit ' | head -c 3000000 | tr -d '\n' >"$tmp/words"
printf '\n\nsecond paragraph\n' >>"$tmp/words"
head -c 2500000 /dev/zero | tr '\0' 'a' >"$tmp/aaa"
printf '\033[31m' >"$tmp/ansi"; yes 'red 日本語の文章 text ' | head -c 2500000 | tr -d '\n' >>"$tmp/ansi"
# one word of 300,000 hyphenated parts, filled whole (under the 1 MB of a part): under a
# second, unless each line costs the whole word
yes 'ab-' | head -c 900000 | tr -d '\n' >"$tmp/hyph"
for f in words aaa ansi hyph; do
	for opts in "-w 70" "-w 33 -i >> --fix-sentence-endings" "-w 7 --no-break-on-hyphens"; do
		timeout 10 "$bin" textwrap $opts "$tmp/$f" >"$tmp/a" 2>&1
		"$bin" textwrap $opts --max-lines=999999999 "$tmp/$f" >"$tmp/b" 2>&1
		check "$f $opts: same output in parts" 'cmp -s "$tmp/a" "$tmp/b"'
	done
done
case $bin in
*asan*) ;;
*)
	if [ -x /usr/bin/time ]; then
		for f in words aaa ansi hyph; do
			kb=$(/usr/bin/time -f %M "$bin" textwrap "$tmp/$f" 2>&1 >/dev/null | tail -1)
			check "$f: $kb KB of memory, expected under 32 MB" '[ "$kb" -lt 32768 ]'
		done
	fi ;;
esac
echo "script textwrap-stream: $pass passed, $fail failed"
[ $fail = 0 ]
