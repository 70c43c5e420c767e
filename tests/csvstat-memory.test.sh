#!/usr/bin/env bash
# csvstat's memory grows with distinct values, not with the file: a 40 MB file of few distinct
# values must run in a small, fixed amount of memory (the 1 GB case at a smaller scale).
# usage: tests/csvstat-memory.test.sh BINARY   prints "script csvstat-memory: N passed, M failed"
set -u
bin=$1
name=csvstat-memory
if [ ! -x /usr/bin/time ]; then
	echo "SKIP $name: /usr/bin/time not found (apt-get install time)"
	echo "script $name: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-csvmem.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

# 40 MB: an integer, a decimal, a date, a category and a quoted text with a newline, 500 rows
# repeated, so a few hundred distinct values per column.
awk 'BEGIN {
	print "n,price,day,city,note"
	for (i = 0; i < 500; i++)
		line[i] = sprintf("%d,%d.%02d,2024-%02d-%02d,city%d,\"a, \"\"b\"\"\nc%d\"", i % 97, i % 89, i % 100, i % 12 + 1, i % 28 + 1, i % 7, i % 5)
	for (j = 0; j < 40000000; ) {
		for (i = 0; i < 500; i++) { print line[i]; j += length(line[i]) + 1 }
	}
}' >"$work/big.csv"
size=$(stat -c %s "$work/big.csv")
/usr/bin/time -f %M -o "$work/rss" "$bin" csvstat --csv "$work/big.csv" >"$work/out" 2>"$work/err"
rc=$?
rss=$(tail -1 "$work/rss")
rows=$(( ($(grep -c "" "$work/big.csv") - 1) / 2 ))
if [ $rc = 0 ] && [ ! -s "$work/err" ] && grep -q "^1,n,Number,0,$rows,97," "$work/out"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL $name: status $rc, $(head -c 300 "$work/err") $(head -c 300 "$work/out")"
fi
case $bin in
*asan*)
	echo "SKIP $name: the memory bound under ASan (its shadow memory)" ;;
*)
	# the whole file is $size bytes; the reader keeps one block and the tallies a few KB
	if [ "$rss" -lt 20000 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: ${rss} KB resident for a $size-byte file of few distinct values"
	fi ;;
esac
echo "script $name: $pass passed, $fail failed"
