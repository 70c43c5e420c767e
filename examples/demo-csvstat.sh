# demo-csvstat.sh: sourced by demo.sh (show, PATH and the examples directory are set up there).
echo
echo "== csvstat: exact per-column statistics of CSV files, csvkit's report"
show csvstat -c amount,paid csvstat-sales.csv
show csvstat --sum -c amount csvstat-sales.csv
show csvstat --csv -c 1,4-6 csvstat-sales.csv
show csvstat --json -c customer -n 2 csvstat-sales.csv
