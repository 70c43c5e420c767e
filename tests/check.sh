#!/usr/bin/env bash
# check.sh: run every quick test and end with "N passed, M failed" (exit 1 on any failure).
# usage: tests/check.sh BINARY BUILDDIR   (BUILDDIR holds tests/unit/test_* built for BINARY)
# Runs the lib/ unit tests, the data-driven CLI tests tests/*.t and the scripts tests/*.test.sh;
# each prints lines "KIND NAME: N passed, M failed[, K skipped]" that are summed here.
set -u
bin=$1 build=$2
tests=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp "${TMPDIR:-/tmp}/cookbox-check.XXXXXX")
trap 'rm -f "$log"' EXIT
pass=0 fail=0 skip=0

tally() {	# tally NAME STATUS: add up the summary lines in $log
	local name=$1 rc=$2 line n=0
	while IFS= read -r line; do
		case $line in
		*": "*" passed, "*" failed"*)
			n=1
			set -- $(printf '%s\n' "${line##*: }" | tr -dc '0-9 ')
			pass=$((pass + $1)); fail=$((fail + $2)); skip=$((skip + ${3:-0})) ;;
		esac
	done <"$log"
	if [ $n = 0 ] || { [ "$rc" != 0 ] && ! grep -q ' [1-9][0-9]* failed' "$log"; }; then
		echo "FAIL $name exited with status $rc without reporting its failures"
		fail=$((fail + 1))
	fi
}

for t in "$build"/tests/unit/test_*; do
	case $t in *.o|*.d) continue ;; esac
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1; rc=$?
	grep -v ' 0 failed' "$log" | grep -v '^unit .*: ' || true
	grep '^unit ' "$log"
	tally "$t" $rc
	skip=$((skip + $(grep -c '^SKIP' "$log")))	# unit tests say what they skip, not how many
done
# lib/io has a second gzip inflater when built with ISA-L: its tests run on zlib's as well.
if [ -x "$build/tests/unit/test_io" ]; then
	COOKBOX_INFLATE=zlib "$build/tests/unit/test_io" >"$log" 2>&1; rc=$?
	sed -i 's/^unit io:/unit io (COOKBOX_INFLATE=zlib):/' "$log"
	grep -v '^unit ' "$log" | grep -v ' 0 failed' || true
	grep '^unit ' "$log"
	tally "test_io with zlib" $rc
fi
for t in "$tests"/*.t; do
	[ -e "$t" ] || continue
	bash "$tests/run-t.sh" "$bin" "$t" >"$log" 2>&1; rc=$?
	cat "$log"
	tally "$t" $rc
done
for t in "$tests"/*.test.sh; do
	[ -e "$t" ] || continue
	bash "$t" "$bin" >"$log" 2>&1; rc=$?
	cat "$log"
	tally "$t" $rc
done
[ $skip = 0 ] || echo "$skip skipped (../shared or a peer tool absent; see SKIP lines)"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
