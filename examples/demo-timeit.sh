# demo-timeit.sh: sourced by examples/demo.sh (show, PATH with the applet links, cwd examples/)
echo
echo "== timeit: benchmark with per-run rusage, limits, honest statistics and exit codes"
show timeit -n 10 sleep 0.1
show timeit -n 20 -N -c 'sh -c :' -c 'sleep 0'
show timeit -n 3 -f line -c 'head -c 50000000 /dev/zero | wc -c > /dev/null'
show timeit -n 1 --cpu-limit=1 -c 'while :; do :; done'
show timeit -n 1 -T 0.5 sh -c 'sleep 5 & sleep 5'
show timeit -n 1 no-such-program
