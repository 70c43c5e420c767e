#!/usr/bin/env bash
# bench/csvstat.sh BINARY [MB]: csvstat against Miller (mlr summary --all), pandas
# (read_csv + describe(include='all')) and csvkit's csvstat, in one run on the same generated
# mixed CSV (ints, floats, dates, datetimes, booleans, categories, quoted text with commas,
# quotes and newlines, nulls; bench/csvstat-gen.py, fixed seed). csvkit runs on a 5 MB file of
# the same kind and is scaled by MB/s; a last run of ours is on a file where few values are
# distinct. Prints the median wall and CPU (user+sys) seconds, MB/s
# and each peer's ratio to ours. A peer that is not installed is skipped.
set -u
bin=${1:?usage: bench/csvstat.sh BINARY [MB]}
mb=${2:-200}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
reps=${REPS:-5}

echo "generating $mb MB and 5 MB mixed CSV..." >&2
"$py" "$here/csvstat-gen.py" "$mb" 1 >"$work/big.csv"
"$py" "$here/csvstat-gen.py" 5 2 >"$work/small.csv"
big_mb=$(stat -c %s "$work/big.csv" | awk '{ printf "%.1f", $1 / 1e6 }')
small_mb=$(stat -c %s "$work/small.csv" | awk '{ printf "%.1f", $1 / 1e6 }')

# run NAME REPS MB CMD...: median wall and CPU seconds over REPS runs (output discarded)
results=$work/results
run() {
	local name=$1 n=$2 size=$3 i
	shift 3
	: >"$work/times"
	for ((i = 0; i < n; i++)); do
		if ! /usr/bin/time -f '%e %U %S' -o "$work/t1" "$@" >/dev/null 2>"$work/err"; then
			echo "$name failed: $(head -c 300 "$work/err")" >&2
			return
		fi
		tail -1 "$work/t1" >>"$work/times"
	done
	printf '%s %s %d %s %s\n' "$name" "$size" "$n" \
		"$(awk '{ print $1 }' "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
		"$(awk '{ print $2 + $3 }' "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
		>>"$results"
}

run "cookbox-csvstat" "$reps" "$big_mb" "$bin" csvstat "$work/big.csv"
run "cookbox-csvstat--csv" "$reps" "$big_mb" "$bin" csvstat --csv "$work/big.csv"
run "cookbox-csvstat--count" "$reps" "$big_mb" "$bin" csvstat --count "$work/big.csv"
if command -v mlr >/dev/null 2>&1; then
	run "mlr-summary--all" 3 "$big_mb" mlr --icsv --opprint summary --all "$work/big.csv"
else
	echo "mlr not found (apt-get install miller): skipped" >&2
fi
if "$py" -c 'import pandas' 2>/dev/null; then
	run "pandas-describe" 3 "$big_mb" "$py" -c 'import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
print(df.describe(include="all"))' "$work/big.csv"
else
	echo "pandas not found (apt-get install python3-pandas): skipped" >&2
fi
if command -v csvstat >/dev/null 2>&1 && [ "$(command -v csvstat)" != "$bin" ] && head -1 "$(command -v csvstat)" | grep -q python; then
	run "csvkit-csvstat(5MB)" 1 "$small_mb" csvstat "$work/small.csv"
	run "cookbox-csvstat(5MB)" "$reps" "$small_mb" "$bin" csvstat "$work/small.csv"
else
	echo "csvkit not found (apt-get install csvkit): skipped" >&2
fi

# The same generator with the id, ratio and stamp columns repeating: where the time goes when
# few values are distinct (ours only; the peers' speed hardly depends on it).
"$py" "$here/csvstat-gen.py" "$mb" 1 low >"$work/low.csv"
low_mb=$(stat -c %s "$work/low.csv" | awk '{ printf "%.1f", $1 / 1e6 }')
run "cookbox-csvstat(low-card)" "$reps" "$low_mb" "$bin" csvstat "$work/low.csv"
rm -f "$work/low.csv"

echo "csvstat bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
	function rate(mb, t) { return t > 0 ? mb / t : 0 }
	{ name[NR] = $1; mb[NR] = $2; n[NR] = $3; wall[NR] = $4; cpu[NR] = $5 }
	NR == 1 { ours = rate($2, $4); ourscpu = rate($2, $5) }
	END {
		printf "%-24s %7s %5s %8s %8s %8s %9s %8s %8s\n", "tool", "MB", "runs", "wall s", "cpu s", "MB/s", "MB/s cpu", "ours x", "cpu x"
		for (i = 1; i <= NR; i++) {
			w = rate(mb[i], wall[i]); c = rate(mb[i], cpu[i])
			printf "%-24s %7.1f %5d %8.2f %8.2f %8.1f %9.1f %8.1f %8.1f\n", name[i], mb[i], n[i], wall[i], cpu[i],
				w, c, (w > 0 ? ours / w : 0), (c > 0 ? ourscpu / c : 0)
		}
	}' "$results"
echo "(medians; MB/s = file size / time; 'ours x' = our full report's MB/s over the tool's, by wall time,"
echo " 'cpu x' the same by CPU time (user + sys; Miller and pandas use more than one core). csvkit runs on"
echo " the 5 MB file and is compared by MB/s. The machine is shared with other jobs: expect noise.)"
