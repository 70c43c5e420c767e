#!/usr/bin/env bash
# bench/timeit.sh BINARY: the cost timeit adds to what it measures, in one run.
# 1. The median wall time of /bin/true by cookbox timeit, by hyperfine -N (Debian hyperfine)
#    and by a bare posix_spawn+wait4 loop in C (built here): the lowest a spawning timer can
#    read. Issue 8: timeit at most 5% above the bare loop and not above hyperfine -N.
# 2. The CPU time of a spin that burns 100 ms of its own CPU time, by timeit (user + system,
#    mean) against perf stat's task-clock and GNU time's %U+%S (10 ms resolution). Issue 8:
#    within 2% of the reference (perf stat).
# REPS repetitions (5) of RUNS runs (1000) each, alternating the tools; medians of the medians.
set -u
bin=${1:-./cookbox}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
reps=${REPS:-5}
runs=${RUNS:-1000}
work=$(mktemp -d "${TMPDIR:-/tmp}/timeit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

cat >bare.c <<'C'
/* bare: N runs of PROGRAM by posix_spawn (stdio on /dev/null) and wait4; the median wall. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
extern char **environ;
static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}
int main(int argc, char **argv)
{
	int n = atoi(argv[1]), status;
	double *t = malloc(n * sizeof *t);
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	posix_spawn_file_actions_init(&fa);
	for (int i = 0; i < 3; i++)
		posix_spawn_file_actions_adddup2(&fa, fd, i);
	for (int i = 0; i < n; i++) {
		struct timespec a, b;
		pid_t pid;
		clock_gettime(CLOCK_MONOTONIC, &a);
		if (posix_spawn(&pid, argv[2], &fa, NULL, argv + 2, environ) != 0)
			return 1;
		wait4(pid, &status, 0, &ru);
		clock_gettime(CLOCK_MONOTONIC, &b);
		t[i] = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
	}
	qsort(t, n, sizeof *t, cmp);
	printf("%.9f\n", n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2);
	return 0;
}
C
cat >spin.c <<'C'
/* spin: burn 100 ms of this process's own CPU time. */
#include <time.h>
int main(void)
{
	struct timespec ts;
	volatile unsigned long x = 0;
	do {
		for (int i = 0; i < 10000; i++)
			x++;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	} while (ts.tv_sec == 0 && ts.tv_nsec < 100000000);
	return 0;
}
C
cc -O2 -o bare bare.c && cc -O2 -o spin spin.c || exit 2
have_hf=0; command -v hyperfine >/dev/null 2>&1 && have_hf=1
have_perf=0; perf stat -x, -e task-clock true >/dev/null 2>&1 && have_perf=1
have_time=0; [ -x /usr/bin/time ] && have_time=1

med() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
json_median() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

: >t.bare; : >t.ti; : >t.hf; : >c.ti; : >c.perf; : >c.time
for r in $(seq "$reps"); do
	./bare "$runs" /bin/true >>t.bare
	"$bin" timeit -n "$runs" -f json /bin/true >ti.json && json_median ti.json >>t.ti
	if [ $have_hf = 1 ]; then
		hyperfine -N -r "$runs" --export-json hf.json /bin/true >/dev/null 2>&1 && json_median hf.json >>t.hf
	fi
	"$bin" timeit -n 20 -f json ./spin >sp.json &&
		python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]; print(r["user"] + r["system"])' sp.json >>c.ti
	if [ $have_perf = 1 ]; then
		for i in $(seq 20); do perf stat -x, -e task-clock ./spin 2>&1 >/dev/null | awk -F, '/task-clock/ { print $1 / 1000 }'; done | awk '{ s += $1 } END { print s / NR }' >>c.perf
	fi
	if [ $have_time = 1 ]; then
		for i in $(seq 20); do /usr/bin/time -f '%U %S' ./spin 2>&1 | awk '{ print $1 + $2 }'; done | awk '{ s += $1 } END { print s / NR }' >>c.time
	fi
done

bare=$(med <t.bare); ti=$(med <t.ti)
echo "timeit bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $reps reps of $runs runs"
echo
printf '%-34s %14s %10s\n' "median wall of /bin/true" "median (µs)" "vs bare"
row() { awk -v n="$1" -v v="$2" -v b="$bare" 'BEGIN { printf "%-34s %14.1f %9.3fx\n", n, v * 1e6, v / b }'; }
row "bare posix_spawn+wait4 loop (C)" "$bare"
row "cookbox timeit" "$ti"
if [ -s t.hf ]; then hf=$(med <t.hf); row "hyperfine -N" "$hf"; else echo "hyperfine -N: not installed (apt-get install hyperfine)"; fi
echo
printf '%-34s %14s %10s\n' "CPU time of a 100 ms spin" "mean (ms)" "vs perf"
ref=$(med <c.perf 2>/dev/null); [ -n "$ref" ] || ref=0.1
crow() { awk -v n="$1" -v v="$2" -v b="$ref" 'BEGIN { printf "%-34s %14.2f %9.3fx\n", n, v * 1e3, v / b }'; }
[ -s c.perf ] && crow "perf stat task-clock" "$ref"
crow "cookbox timeit user+system" "$(med <c.ti)"
[ -s c.time ] && crow "GNU time %U+%S (10 ms steps)" "$(med <c.time)"
echo
echo "Each line: the median over $reps repetitions; the machine is shared, so expect a few % of noise."
