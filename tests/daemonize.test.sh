#!/usr/bin/env bash
# daemonize.test.sh: the process-level guarantees of daemonize (issue 7): one daemon out of 50
# concurrent starts, stale pidfiles taken over, the daemon's fds/session/tty/umask/cwd, stop's
# timeout, supervision with backoff, log reopening, once. Every process it starts is stopped
# in the EXIT trap. usage: tests/daemonize.test.sh BINARY
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
dz() { "$bin" daemonize "$@"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-dz.XXXXXX")
pass=0 fail=0

cleanup() {
	local f p
	for f in "$work"/*.pid; do
		[ -e "$f" ] && dz stop -p "$f" --timeout=1 --oknodo >/dev/null 2>&1
	done
	# Anything still alive that the tests recorded (never a pid we did not start).
	for p in $(cat "$work"/started 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$work" || exit 1

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL daemonize.test.sh: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
record() { echo "$@" >>"$work/started"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# alive PID: running and not a zombie
# statf PID N: field N of /proc/PID/stat counted after the command name (1 state, 2 ppid,
# 4 session, 5 tty); no procps needed.
statf() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f"$2"; }
alive() { local s; s=$(statf "$1" 1) && [ -n "$s" ] && [ "$s" != Z ] && [ "$s" != X ]; }
dead() { ! alive "$1"; }
waitgone() { local i; for i in $(seq 100); do [ -e "$1" ] || return 0; sleep 0.1; done; return 1; }
supervisor() { statf "$1" 2; }

# --- 50 concurrent starts leave exactly one daemon.
for i in $(seq 50); do
	( dz start -p c.pid -E "COOKBOX_DZ_TEST=$work" -- sleep 300 2>/dev/null; echo $? >>rcs ) &
done
wait
check "50 starts: one exit 0" [ "$(grep -c '^0$' rcs)" = 1 ]
check "50 starts: 49 exit 1" [ "$(grep -c '^1$' rcs)" = 49 ]
pid=$(cat c.pid); record "$pid" "$(supervisor "$pid")"
n=0
for d in /proc/[0-9]*; do
	tr '\0' '\n' 2>/dev/null <"$d/environ" | grep -qx "COOKBOX_DZ_TEST=$work" && alive "${d#/proc/}" && n=$((n + 1))
done
check "50 starts: one daemon running ($n)" [ "$n" = 1 ]
check "50 starts: the pidfile names it" alive "$pid"

# --- kill -9 of the program: the supervisor removes the pidfile; start works again.
kill -9 "$pid"
waitgone c.pid
check "kill -9 program: pidfile removed" [ ! -e c.pid ]
dz status -p c.pid 2>/dev/null; check "kill -9 program: status 3" [ $? = 3 ]
dz start -p c.pid -- sleep 300; check "kill -9 program: start again" [ $? = 0 ]
pid=$(cat c.pid); sup=$(supervisor "$pid"); record "$pid" "$sup"

# --- kill -9 of the supervisor (the lock holder): stale pidfile, program gone, taken over.
kill -9 "$sup"
for i in $(seq 50); do alive "$pid" || break; sleep 0.1; done
check "kill -9 supervisor: the program dies with it" dead "$pid"
dz status -p c.pid 2>/dev/null; check "kill -9 supervisor: status 1 (stale)" [ $? = 1 ]
dz start -p c.pid -- sleep 300; check "stale pidfile taken over" [ $? = 0 ]
pid=$(cat c.pid); record "$pid" "$(supervisor "$pid")"
dz status -p c.pid >st; check "status prints the new pid" [ "$(cat st)" = "$pid" ]

# --- a proper daemon.
check "daemon: fds are exactly 0 1 2" [ "$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')" = "0 1 2 " ]
check "daemon: stdin is /dev/null" [ "$(readlink /proc/"$pid"/fd/0)" = /dev/null ]
check "daemon: not a session leader" [ "$(statf "$pid" 4)" != "$pid" ]
check "daemon: its session is the supervisor's" [ "$(statf "$pid" 4)" = "$(supervisor "$pid")" ]
check "daemon: no controlling tty" [ "$(statf "$pid" 5)" = 0 ]
check "daemon: umask 022" [ "$(awk '/^Umask/{print $2}' /proc/"$pid"/status)" = 0022 ]
check "daemon: cwd /" [ "$(readlink /proc/"$pid"/cwd)" = / ]
check "daemon: no blocked signals" [ "$(awk '/^SigBlk/{print $2}' /proc/"$pid"/status)" = 0000000000000000 ]
check "daemon: no ignored signals ($(awk "/^SigIgn/{print \$2}" /proc/"$pid"/status))" [ "$(awk '/^SigIgn/{print $2}' /proc/"$pid"/status)" = 0000000000000000 ]
t0=$(ms); dz stop -p c.pid; rc=$?; t1=$(ms)
check "stop: exit 0" [ $rc = 0 ]
check "stop: the program is gone" dead "$pid"
check "stop: the pidfile is gone" [ ! -e c.pid ]
check "stop: quick ($((t1 - t0)) ms)" [ $((t1 - t0)) -lt 3000 ]

# --- exec failures are reported within 1 s and leave no pidfile.
for prog in ./nosuch ./plain ./badinterp; do
	printf 'echo hi\n' >plain; printf '#!/no/such/sh\n' >badinterp; chmod +x badinterp
	t0=$(ms); dz start -p f.pid -- "$prog" 2>/dev/null; rc=$?; t1=$(ms)
	check "$prog: exit 2" [ $rc = 2 ]
	check "$prog: within 1 s ($((t1 - t0)) ms)" [ $((t1 - t0)) -lt 1000 ]
	check "$prog: no pidfile" [ ! -e f.pid ]
done

# --- a program that ignores SIGTERM is gone after --timeout.
dz start -p t.pid -- sh -c 'trap "" TERM; while :; do sleep 0.1; done'
pid=$(cat t.pid); record "$pid" "$(supervisor "$pid")"
sleep 0.3	# let sh set its trap
t0=$(ms); dz stop -p t.pid --timeout=1; rc=$?; t1=$(ms)
check "TERM ignored: stop exits 0" [ $rc = 0 ]
check "TERM ignored: gone" dead "$pid"
check "TERM ignored: after the timeout ($((t1 - t0)) ms)" eval '[ $((t1 - t0)) -ge 900 ] && [ $((t1 - t0)) -lt 8000 ]'
check "TERM ignored: pidfile removed" [ ! -e t.pid ]

# --- --signal: the program sees the signal stop sends.
dz start -p s.pid -o s.log -- sh -c 'trap "echo got USR1; exit 0" USR1; while :; do sleep 0.1; done'
pid=$(cat s.pid); record "$pid" "$(supervisor "$pid")"
sleep 0.2
dz stop -p s.pid --signal=USR1 --timeout=5
check "--signal=USR1 reaches the program" grep -q 'got USR1' s.log
dz start -p s.pid -- sleep 300; pid=$(cat s.pid); record "$pid" "$(supervisor "$pid")"
dz stop -p s.pid --signal=KILL; rc=$?
check "--signal=KILL: exit 0, gone" eval '[ $rc = 0 ] && dead "$pid" && [ ! -e s.pid ]'

# --- a pidfile naming an unrelated live process: never signalled.
sleep 300 & victim=$!; record "$victim"
echo "$victim" >u.pid
dz stop -p u.pid 2>/dev/null; rc=$?
check "unrelated pid: stop says not running (1)" [ $rc = 1 ]
dz stop -p u.pid --signal=KILL 2>/dev/null
check "unrelated pid: still alive" alive "$victim"
dz status -p u.pid 2>/dev/null; check "unrelated pid: status 1" [ $? = 1 ]
kill "$victim"; wait "$victim" 2>/dev/null

# --- logs are appended across restarts.
for i in 1 2 3; do
	dz start -p l.pid -o app.log -- sh -c "echo run $i"; waitgone l.pid
done
check "logs appended across restarts" [ "$(cat app.log | tr '\n' ' ')" = "run 1 run 2 run 3 " ]

# --- -r: a crashing program is restarted with growing delays, then given up.
cat >crash <<'EOS'
#!/bin/sh
date +%s%N >>runs
exit 3
EOS
chmod +x crash
dz start -p r.pid -r --max-restarts=3 -C . -e r.log -- ./crash
check "-r: start exit 0" [ $? = 0 ]
for i in $(seq 150); do [ -e r.pid ] || break; sleep 0.1; done
check "-r: runs 4 times (3 restarts)" [ "$(wc -l <runs)" = 4 ]
read -r d1 d2 d3 <<<"$(awk 'NR > 1 { printf "%d ", ($1 - prev) / 1000000 } { prev = $1 }' runs)"
check "-r: delays grow (${d1:-} ${d2:-} ${d3:-} ms)" eval '[ "${d1:-0}" -ge 900 ] && [ "${d2:-0}" -ge 1800 ] && [ "${d3:-0}" -ge 3600 ] && [ "${d3:-0}" -lt 8000 ]'
check "-r: gives up, says so" grep -q "giving up after 3 restarts" r.log
check "-r: logs each restart" [ "$(grep -c 'restarting in' r.log)" = 3 ]
check "-r: pidfile removed" [ ! -e r.pid ]

# --- -r: stop while running stops for good; TERM reaches the program.
dz start -p r2.pid -r -o r2.log -- sh -c 'trap "echo term; exit 1" TERM; echo up; while :; do sleep 0.1; done'
pid=$(cat r2.pid); sup=$(supervisor "$pid"); record "$pid" "$sup"
sleep 0.3
dz stop -p r2.pid; rc=$?
check "-r stop: exit 0" [ $rc = 0 ]
sleep 1.5
check "-r stop: not restarted" eval '[ "$(grep -c up r2.log)" = 1 ] && [ ! -e r2.pid ] && dead "$sup"'
check "-r stop: the program saw TERM" grep -q term r2.log

# --- -r: SIGINT to the supervisor is forwarded and ends supervision, as TERM does.
dz start -p r3.pid -r -o r3.log -- sh -c 'trap "echo int; exit 1" INT; echo up; while :; do sleep 0.1; done'
pid=$(cat r3.pid); sup=$(supervisor "$pid"); record "$pid" "$sup"
sleep 0.3
kill -INT "$sup"
waitgone r3.pid
sleep 0.5
check "-r INT: forwarded" grep -q int r3.log
check "-r INT: not restarted, supervisor gone" eval '[ "$(grep -c up r3.log)" = 1 ] && dead "$sup"'

# --- -r: output through the supervisor; reload reopens the log; no line lost.
cat >tick <<'EOS'
#!/bin/sh
trap 'echo hup' HUP
i=0; while [ $i -lt 100000 ]; do i=$((i + 1)); echo "line $i"; sleep 0.01; done
EOS
chmod +x tick
dz start -p h.pid -r -o h.log -e h.log -- ./tick
pid=$(cat h.pid); record "$pid" "$(supervisor "$pid")"
sleep 0.5; mv h.log h.log.1
dz reload -p h.pid; check "reload: exit 0" [ $? = 0 ]
sleep 0.5
dz stop -p h.pid
check "reload: a new log file" [ -s h.log ]
check "reload: the program saw HUP" grep -q hup h.log
cat h.log.1 h.log | awk '/^line/ { n++; if ($2 != n) { bad = 1 } } END { exit bad || n < 20 }'
check "reload: no line lost or repeated" [ $? = 0 ]
check "reload: new log is 0640" [ "$(stat -c %a h.log)" = 640 ]

# --- once: two overlapping runs, the second exits 1.
dz once -p o.lock -- sleep 1 &
first=$!; sleep 0.3
dz once -p o.lock -- true 2>/dev/null; rc=$?
wait $first; rc1=$?
check "once: the second exits 1" [ $rc = 1 ]
check "once: the first exits 0" [ $rc1 = 0 ]

echo "script daemonize.test.sh: $pass passed, $fail failed"
[ $fail = 0 ]
