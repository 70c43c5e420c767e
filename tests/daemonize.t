# daemonize: the interface, its messages and exit codes. Tests that leave processes behind
# on failure live in tests/daemonize*.test.sh, which clean up in a trap.

=== no subcommand
$ daemonize
2> daemonize: missing subcommand: start, stop, status, restart, reload or once
2> Try 'daemonize --help' for more information.
? 2

=== unknown subcommand
$ daemonize frob
2> daemonize: unknown subcommand 'frob'
2> Try 'daemonize --help' for more information.
? 2

=== the subcommand comes first
$ daemonize -p x start
2> daemonize: the subcommand 'start' must come before the options
2> Try 'daemonize --help' for more information.
? 2

=== --help lists every subcommand
$ daemonize --help | sed -n '1,6p'
> Usage: daemonize start -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]
>        daemonize stop -p PIDFILE [--signal=SIG] [--timeout=SECS]
>        daemonize status -p PIDFILE
>        daemonize restart -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]
>        daemonize reload -p PIDFILE [--signal=SIG]
>        daemonize once -p LOCKFILE [--wait[=SECS]] [--] PROGRAM [ARG...]

=== --help after a subcommand
$ daemonize start --help | head -1
> Usage: daemonize start -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]

=== -p is required
$ daemonize status
2> daemonize: status needs -p PIDFILE
2> Try 'daemonize --help' for more information.
? 2

=== start needs a program
$ daemonize start -p x.pid
2> daemonize: start needs a PROGRAM to run
2> Try 'daemonize --help' for more information.
? 2

=== stop takes no operands
$ daemonize stop -p x.pid sleep
2> daemonize: unexpected argument 'sleep'
2> Try 'daemonize --help' for more information.
? 2

=== a start option given to stop
$ daemonize stop -p x.pid -o log
2> daemonize: option '-o' does not apply to stop
2> Try 'daemonize --help' for more information.
? 2

=== --wait is for once only
$ daemonize start -p x.pid --wait=3 -- true
2> daemonize: option '--wait' does not apply to start
2> Try 'daemonize --help' for more information.
? 2

=== --max-restarts needs -r
$ daemonize start -p x.pid --max-restarts=3 -- true
2> daemonize: --max-restarts needs -r
2> Try 'daemonize --help' for more information.
? 2

=== bad --max-restarts
$ daemonize start -p x.pid -r --max-restarts=-1 -- true
2> daemonize: invalid number of restarts '-1'
2> Try 'daemonize --help' for more information.
? 2

=== unknown signal
$ daemonize stop -p x.pid --signal=FOO
2> daemonize: unknown signal 'FOO'
2> Try 'daemonize --help' for more information.
? 2

=== bad timeout
$ daemonize stop -p x.pid --timeout=soon
2> daemonize: invalid timeout 'soon'
2> Try 'daemonize --help' for more information.
? 2

=== bad umask
$ daemonize start -p x.pid --umask=089 -- true
2> daemonize: invalid umask '089'
2> Try 'daemonize --help' for more information.
? 2

=== -E needs NAME=VALUE
$ daemonize start -p x.pid -E FOO -- true
2> daemonize: option '-E' needs NAME=VALUE, not 'FOO'
2> Try 'daemonize --help' for more information.
? 2

=== bad --wait
$ daemonize once -p x.lock --wait=abc -- true
2> daemonize: invalid wait 'abc'
2> Try 'daemonize --help' for more information.
? 2

=== status: no pidfile is 3
$ daemonize status -p x.pid
2> daemonize: not running
? 3

=== status: an unlocked pidfile is 1, whatever pid it names
$ echo $$ >x.pid; daemonize status -p x.pid
2> daemonize: not running (stale pidfile 'x.pid')
? 1

=== status: an unreadable pidfile is 4
@ [ "$(id -u)" != 0 ] || command -v setpriv
$ mkdir d && echo 1 >d/x.pid && chmod 700 d && if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups daemonize status -p d/x.pid; else chmod 0 d; daemonize status -p d/x.pid; fi 2>&1 | sed 's/: [^:]*$/: ERR/'; chmod 700 d
> daemonize: d/x.pid: ERR

=== status: an unreadable pidfile is 4 (exit code)
@ [ "$(id -u)" != 0 ] || command -v setpriv
$ mkdir d && echo 1 >d/x.pid && chmod 700 d && if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups daemonize status -p d/x.pid; else chmod 0 d; daemonize status -p d/x.pid; fi 2>/dev/null; echo $?; chmod 700 d
> 4

=== stop: not running is 1
$ daemonize stop -p x.pid
2> daemonize: not running
? 1

=== stop --oknodo: not running is 0, quietly
$ daemonize stop -p x.pid --oknodo

=== stop never signals the pid of an unlocked pidfile
$ sleep 30 & echo $! >x.pid; daemonize stop -p x.pid; echo "stop $?"; kill -0 $(cat x.pid) && echo alive; kill $(cat x.pid)
> stop 1
> alive
2> daemonize: not running

=== reload: not running is 1
$ daemonize reload -p x.pid
2> daemonize: not running
? 1

=== a symlinked pidfile is refused
$ echo 1 >real; ln -s real x.pid; daemonize start -p x.pid -- sleep 1 2>&1 | sed "s|$PWD/||"; ls
> daemonize: x.pid: refusing the pidfile: it is a symbolic link
> real
> x.pid

=== a symlinked pidfile is refused by status and stop
$ echo 1 >real; ln -s real x.pid; daemonize status -p x.pid; echo $?; daemonize stop -p x.pid; echo $?
> 4
> 2
2> daemonize: x.pid: refusing the pidfile: it is a symbolic link
2> daemonize: x.pid: refusing the pidfile: it is a symbolic link

=== a world-writable pidfile is refused
$ : >x.pid; chmod 666 x.pid; daemonize start -p x.pid -- sleep 1 2>&1 | sed "s|$PWD/||"; echo $?
> daemonize: x.pid: refusing the pidfile: it is writable by others
> 0

=== a directory is no pidfile
$ mkdir x.pid; daemonize start -p x.pid -- sleep 1 2>&1 | sed "s|$PWD/||"
> daemonize: x.pid: refusing the pidfile: it is not a regular file

=== a nonexistent program: exit 2, no pidfile
$ daemonize start -p x.pid -- ./nosuch; echo $?; ls
> 2
2> daemonize: cannot run './nosuch': No such file or directory

=== a program not in PATH
$ daemonize start -p x.pid -- no-such-program-anywhere; echo $?; ls
> 2
2> daemonize: cannot run 'no-such-program-anywhere': not found in PATH

=== a non-executable file
$ echo 'echo hi' >prog; daemonize start -p x.pid -- ./prog; echo $?; ls
> 2
> prog
2> daemonize: cannot run './prog': Permission denied

=== a directory as the program
$ mkdir prog; daemonize start -p x.pid -- ./prog; echo $?; ls
> 2
> prog
2> daemonize: cannot run './prog': Is a directory

=== a bad #! interpreter
$ printf '#!/no/such/interpreter -x\necho hi\n' >prog; chmod +x prog; daemonize start -p x.pid -- ./prog; echo $?; ls
> 2
> prog
2> daemonize: cannot run './prog': bad interpreter '/no/such/interpreter': No such file or directory

=== a file that is no program
$ printf '\177ELF garbage' >prog; chmod +x prog; daemonize start -p x.pid -- ./prog; echo $?; ls
> 2
> prog
2> daemonize: cannot run './prog': Exec format error

=== a bad --chdir
$ daemonize start -p x.pid -C nosuchdir -- sleep 1 2>&1 | sed "s|$PWD/||"; ls
> daemonize: cannot run 'sleep': cannot change directory to 'nosuchdir': No such file or directory

=== an unknown --user
$ daemonize start -p x.pid -u no-such-user-here -- sleep 1; echo $?; ls
> 2
2> daemonize: cannot run 'sleep': unknown user 'no-such-user-here'

=== an unknown group
$ daemonize start -p x.pid -u root:no-such-group-here -- sleep 1; echo $?; ls
> 2
2> daemonize: cannot run 'sleep': unknown group 'no-such-group-here'

=== --user without root
@ [ "$(id -u)" != 0 ] || command -v setpriv
$ d=$(mktemp -d /tmp/cookbox-dz.XXXXXX); chmod 777 $d; if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups daemonize start -p $d/x.pid -u root -- sleep 1; else daemonize start -p $d/x.pid -u root -- sleep 1; fi; echo $?; ls $d; rm -rf $d
> 2
2> daemonize: cannot run 'sleep': cannot switch to user 'root': Operation not permitted

=== an unopenable log file
$ daemonize start -p x.pid -o nodir/log -- sleep 1 2>&1 | sed "s|$PWD/||"; ls
> daemonize: cannot run 'sleep': cannot open 'nodir/log': No such file or directory

=== an unopenable stdin file
$ daemonize start -p x.pid -i nosuchfile -- sleep 1 2>&1 | sed "s|$PWD/||"; ls
> daemonize: cannot run 'sleep': cannot open 'nosuchfile': No such file or directory

=== start, status, already running, --oknodo, stop, status
$ daemonize start -p x.pid -- sleep 30; echo "start $?"; daemonize status -p x.pid >pid; echo "status $?"; daemonize start -p x.pid -- sleep 30 2>err; echo "again $?"; sed "s/$(cat pid)/N/" err; daemonize start -p x.pid --oknodo -- sleep 30; echo "oknodo $?"; daemonize stop -p x.pid; echo "stop $?"; daemonize status -p x.pid 2>/dev/null; echo "status $?"; ls
> start 0
> status 0
> again 1
> daemonize: already running (pid N)
> oknodo 0
> stop 0
> status 3
> err
> pid

=== the pidfile names the program, a child of the lock holder
$ daemonize start -p x.pid -- sleep 30; p=$(cat x.pid); cat /proc/$p/comm; daemonize stop -p x.pid

> sleep

=== -E sets the environment, relative -o is the caller's
$ daemonize start -p x.pid -E GREETING=hello -E HOME=/nowhere -o out -- sh -c 'echo "$GREETING $HOME $(pwd)"'; sleep 0.5; while [ -e x.pid ]; do sleep 0.1; done; cat out
> hello /nowhere /

=== -C and --umask
$ mkdir sub; daemonize start -p x.pid -C sub --umask=077 -o out -- sh -c 'pwd; umask; : >made'; while [ -e x.pid ]; do sleep 0.1; done; sed "s|$PWD/||" out; ls -l sub/made | cut -c1-10
> sub
> 0077
> -rw-------

=== -i gives standard input
$ printf 'from a file\n' >in; daemonize start -p x.pid -i in -o out -- cat; while [ -e x.pid ]; do sleep 0.1; done; cat out
> from a file

=== logs are created 0640 and appended
$ umask 077; echo old >out; daemonize start -p x.pid -o out -e err -- sh -c 'echo new; echo oops >&2'; while [ -e x.pid ]; do sleep 0.1; done; cat out err; ls -l err | cut -c1-10
> old
> new
> oops
> -rw-r-----

=== stdout and stderr into one file keep their order
$ daemonize start -p x.pid -o log -e log -- sh -c 'echo 1; echo 2 >&2; echo 3'; while [ -e x.pid ]; do sleep 0.1; done; cat log
> 1
> 2
> 3

=== the pidfile is removed when the program exits
$ daemonize start -p x.pid -- sleep 0.2; echo $?; sleep 0.1; test -e x.pid && echo present; while [ -e x.pid ]; do sleep 0.1; done; echo gone
> 0
> present
> gone

=== restart: starts when not running, replaces when running
$ daemonize restart -p x.pid -- sleep 30; a=$(cat x.pid); daemonize restart -p x.pid -- sleep 30; b=$(cat x.pid); [ "$a" != "$b" ] && echo replaced; sed 's/.*) //' /proc/$a/stat 2>/dev/null | grep -qv '^Z' && echo "old alive"; daemonize stop -p x.pid
> replaced

=== once: the exit status is the program's
$ daemonize once -p x.lock -- sh -c 'echo out; exit 7'
> out
? 7

=== once: a signal death is 128+N
$ daemonize once -p x.lock -- sh -c 'kill -TERM $$'
? 143

=== once: a program that cannot run
$ daemonize once -p x.lock -- ./nosuch; echo $?; ls
> 2
2> daemonize: cannot run './nosuch': No such file or directory

=== once: the lock file is removed afterwards
$ daemonize once -p x.lock -- true; ls

=== once: a second run while the first holds the lock exits 1
$ daemonize once -p x.lock -- sleep 1 & sleep 0.3; daemonize once -p x.lock -- echo second 2>err; echo "second $?"; wait $!; echo "first $?"; sed 's/[0-9][0-9]*/N/' err
> second 1
> first 0
> daemonize: already running (pid N)

=== once --wait: the second runs after the first
$ daemonize once -p x.lock -- sh -c 'sleep 0.5; echo first' & sleep 0.2; daemonize once -p x.lock --wait -- echo second; wait
> first
> second

=== once --wait=SECS gives up
$ daemonize once -p x.lock -- sleep 2 & sleep 0.2; daemonize once -p x.lock --wait=0.3 -- echo second 2>/dev/null; echo "second $?"; wait
> second 1

=== once: TERM is passed on to the program
$ daemonize once -p x.lock -- sh -c 'sleep 5 & s=$!; trap "kill $s; echo got TERM; exit 9" TERM; wait' & sleep 0.3; kill -TERM $!; wait $!; echo $?; ls
> got TERM
> 9

=== status prints the program's pid; stop removes the pidfile
$ daemonize start -p x.pid -- sleep 30; [ "$(daemonize status -p x.pid)" = "$(cat x.pid)" ] && echo same; daemonize stop -p x.pid; ls
> same

=== start with standard descriptors closed (as from cron)
$ daemonize start -p x.pid -- sleep 30 <&- >&- 2>&-; echo "start $?"; daemonize status -p x.pid >/dev/null && echo running; ls /proc/$(cat x.pid)/fd | tr '\n' ' '; echo; daemonize stop -p x.pid; echo "stop $?"
> start 0
> running
> 0 1 2 
> stop 0

=== -r: stop (even with --signal=KILL) while the supervisor waits to restart
$ printf '#!/bin/sh\nexit 1\n' >c; chmod +x c; daemonize start -p x.pid -r -C "$PWD" -- ./c; sleep 0.3; s=$(daemonize status -p x.pid); [ "$s" != "$(cat x.pid)" ] && kill -0 "$s" && echo "status: the supervisor"; daemonize stop -p x.pid --signal=KILL; echo "stop $?"; ls
> status: the supervisor
> stop 0
> c
