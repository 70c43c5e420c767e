#!/usr/bin/env bash
# csvstat's text report against csvkit's csvstat (1.0.7 here) on generated files with fixed
# seeds: the layout (column headings, labels, alignment) and every line both report alike:
# Type of data, Contains null values, Smallest/Largest value, Sum, Mean, Median, StDev,
# Longest value and Row count. Lines where csvkit 1.0.7 departs from the specification (unique
# counts and common values including nulls, typed display of values) are left out.
# usage: tests/csvstat-csvkit.test.sh BINARY   prints "script csvstat-csvkit: N passed, M failed"
set -u
bin=$1
name=csvstat-csvkit
ref=/usr/bin/csvstat
if [ ! -x "$ref" ] || ! head -1 "$ref" | grep -q python || ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP $name: csvkit's csvstat not found (apt-get install csvkit)"
	echo "script $name: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-csvkit.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

for seed in 1 2 3; do
	python3 - "$seed" >"$work/in.csv" <<'EOF'
import random, sys
rng = random.Random(int(sys.argv[1]))
print('id,price,qty,day,ok,name,note')
for i in range(rng.randint(20, 200)):
    price = '%.2f' % rng.uniform(-500, 5000) if rng.random() > 0.05 else ''
    qty = str(rng.randint(0, 40))
    day = '20%02d-%02d-%02d' % (rng.randint(0, 24), rng.randint(1, 12), rng.randint(1, 28))
    ok = rng.choice(['true', 'false'])
    name = rng.choice(['ann', 'bob', 'cy', 'dee', '', 'émile'])
    note = rng.choice(['"a, b"', 'plain', '"say ""hi"""', 'x' * rng.randint(1, 40)])
    print(','.join([str(i + 1), price, qty, day, ok, name, note]))
EOF
	LC_ALL=C.UTF-8 "$ref" "$work/in.csv" 2>/dev/null >"$work/ref" </dev/null
	"$bin" csvstat "$work/in.csv" >"$work/ours"
	keep='^ *[0-9]+\. "|^	(Type of data|Contains null values|Smallest value|Largest value|Sum|Mean|Median|StDev|Longest value): |^Row count'
	grep -E "$keep" "$work/ref" >"$work/ref.k"
	# csvkit reports the longest value of Text columns only
	awk '/^ *[0-9]+\. "/ { text = 0 } /Type of data: +Text/ { text = 1 } !/Longest value/ || text' "$work/ours" |
		grep -E "$keep" >"$work/ours.k"
	if [ -s "$work/ref.k" ] && cmp -s "$work/ref.k" "$work/ours.k"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: seed $seed"
		diff "$work/ref.k" "$work/ours.k" | head -20
	fi
done
echo "script $name: $pass passed, $fail failed"
