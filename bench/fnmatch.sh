#!/usr/bin/env bash
# bench/fnmatch.sh BINARY [LINES]: cookbox fnmatch against Python's fnmatch.filter, grep -E with
# the equivalent regex and a C loop over glibc fnmatch(3), on a generated list of file paths
# (1,000,000 lines by default) with 1, 20 and 1,000 patterns; then pathological patterns.
# Every tool counts the matching lines (the counts are checked equal); medians of REPS runs.
# Slow peers run on the first 20,000 lines (grep -E with 1,000 patterns: 2,000) and are
# quoted in lines per second.
set -u
bin=${1:-./cookbox}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
lines=${2:-1000000}
reps=${REPS:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fnmatch-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$here/fnmatch-gen.py" "$work" "$lines" || exit 2
cc -O2 -o "$work/glibc" "$here/fnmatch-glibc.c" || exit 2
export LC_ALL=C.UTF-8

cat >"$work/py.py" <<'PY'
import fnmatch, re, sys
pats = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
lines = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1][:int(sys.argv[3])]
if len(pats) == 1:
    print(len(fnmatch.filter(lines, pats[0])))
else:
    # fnmatch.filter per pattern, a line counted once: what a script with a pattern list does
    seen = set()
    for p in pats:
        match = re.compile(fnmatch.translate(p)).match
        seen.update(i for i, l in enumerate(lines) if match(l))
    print(len(seen))
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run NAME LINES CMD...: median seconds over $reps runs; the count goes to $work/count
run() {
	local name=$1 n=$2 i t0 t1; shift 2
	# bash's clock, not date(1): a 1-pattern run takes milliseconds, and two date processes
	# per run would be a large part of it
	for i in $(seq "$reps"); do
		t0=$EPOCHREALTIME
		"$@" >"$work/count" 2>/dev/null
		t1=$EPOCHREALTIME
		echo "$t1 - $t0" | bc -l
	done | median
}

printf '%-10s %-28s %9s %9s %12s %10s\n' patterns tool lines seconds lines/s "ours/x"
for set in p1 p20 p1000; do
	np=$(wc -l <"$work/$set")
	sub=$lines
	[ "$set" = p1000 ] && sub=$(( lines < 20000 ? lines : 20000 ))
	head -n "$sub" "$work/paths.txt" >"$work/sub.txt"
	grepsub=$(( sub < ${GREPSUB:-2000} ? sub : ${GREPSUB:-2000} ))
	head -n "$grepsub" "$work/paths.txt" >"$work/grepsub.txt"
	"$bin" fnmatch -c -f "$work/$set" --input="$work/grepsub.txt" >"$work/grepcount"
	t=$(run ours "$lines" "$bin" fnmatch -c -f "$work/$set" --input="$work/paths.txt")
	ours_count=$(cat "$work/count")
	ours_rate=$(echo "$lines / $t" | bc -l)
	printf '%-10s %-28s %9d %9.4f %12.0f %10s\n' "$np" "cookbox fnmatch" "$lines" "$t" "$ours_rate" "1.0"
	"$bin" fnmatch -c -f "$work/$set" --input="$work/sub.txt" >"$work/subcount"
	for tool in grep python glibc; do
		n=$lines; f="$work/paths.txt"
		case $tool in
		grep)   [ "$set" = p1 ] || { n=$sub; f="$work/sub.txt"; }
			# grep -E takes minutes on the 1,000-pattern alternation: its first GREPSUB lines
			[ "$set" = p1000 ] && { n=$grepsub; f="$work/grepsub.txt"; }
			t=$(run grep "$n" grep -E -c -f "$work/$set.ere" "$f"); label="grep -E (one regex)" ;;
		python) [ "$set" = p1 ] || { n=$sub; f="$work/sub.txt"; }
			t=$(run python "$n" python3 "$work/py.py" "$work/$set" "$f" "$n"); label="python fnmatch.filter" ;;
		glibc)  [ "$set" = p1000 ] && { n=$sub; f="$work/sub.txt"; }
			t=$(run glibc "$n" "$work/glibc" "$work/$set" "$f"); label="C loop over glibc fnmatch" ;;
		esac
		want=$([ "$n" = "$lines" ] && echo "$ours_count" || { [ "$n" = "$sub" ] && cat "$work/subcount"; } || cat "$work/grepcount")
		got=$(cat "$work/count")
		[ "$got" = "$want" ] || label="$label (count $got != $want!)"
		rate=$(echo "$n / $t" | bc -l)
		printf '%-10s %-28s %9d %9.4f %12.0f %10.1f\n' "$np" "$label" "$n" "$t" "$rate" \
			"$(echo "$ours_rate / $rate" | bc -l)"
	done
done

echo
echo "pathological patterns (one run each, seconds; timeout 60 s)"
a100k=$(head -c 100000 /dev/zero | tr '\0' a)
printf '%s\n' "$a100k" >"$work/a100k"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac\n' >"$work/a30c"
printf '*a*a*a*a*a*a*a*a*a*a*b\n' >"$work/patho1"
printf '*(*(a))b\n' >"$work/patho2"
one() {	# one LABEL CMD...
	local t0 t1 st
	t0=$(date +%s.%N); timeout 60 "${@:2}" >/dev/null 2>&1; st=$?; t1=$(date +%s.%N)
	if [ $st = 124 ]; then printf '  %-58s  >60 (timed out)\n' "$1"
	else printf '  %-58s %8.4f\n' "$1" "$(echo "$t1 - $t0" | bc -l)"; fi
}
one "cookbox: *a*a*a*a*a*a*a*a*a*a*b vs 100,000 a" "$bin" fnmatch -f "$work/patho1" --input="$work/a100k"
one "glibc fnmatch: same" "$work/glibc" "$work/patho1" "$work/a100k"
one "python fnmatch: same" python3 "$work/py.py" "$work/patho1" "$work/a100k" 1
one "cookbox -x: *(*(a))b vs 30 a + c" "$bin" fnmatch -x -f "$work/patho2" --input="$work/a30c"
one "glibc fnmatch FNM_EXTMATCH: same" "$work/glibc" "$work/patho2" "$work/a30c" -1 32
echo "($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs shared with other jobs: expect noise)"
