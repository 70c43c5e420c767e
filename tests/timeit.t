# timeit: the interface, its messages and exit statuses. Timing values vary from run to run,
# so these tests check counts, orders, structure and messages; tests/timeit.test.sh checks
# the measured values (sleep, max RSS, limits, timeouts, JSON).

=== no command
$ timeit
2> timeit: missing PROGRAM or -c CMD
2> Try 'timeit --help' for more information.
? 125

=== unknown option is 125, as GNU time
$ timeit --frob true
2> timeit: unknown option '--frob'
2> Try 'timeit --help' for more information.
? 125

=== -c and PROGRAM together
$ timeit -c true true
2> timeit: give either -c CMD or PROGRAM, not both
2> Try 'timeit --help' for more information.
? 125

=== bad run count
$ timeit -n 0 true
2> timeit: invalid value '0' for -n
2> Try 'timeit --help' for more information.
? 125

=== bad timeout
$ timeit --timeout=-1 true
2> timeit: invalid value '-1' for --timeout
2> Try 'timeit --help' for more information.
? 125

=== bad size
$ timeit --mem-limit=12X true
2> timeit: invalid value '12X' for --mem-limit
2> Try 'timeit --help' for more information.
? 125

=== bad format
$ timeit -f xml true
2> timeit: unknown format 'xml': text, line or json
2> Try 'timeit --help' for more information.
? 125

=== bad order
$ timeit --order=random -c true
2> timeit: unknown order 'random': sequential or interleave
2> Try 'timeit --help' for more information.
? 125

=== -N needs -c
$ timeit -N true
2> timeit: -N splits -c commands: give -c CMD
2> Try 'timeit --help' for more information.
? 125

=== -N with an unterminated quote
$ timeit -N -c "echo 'a"
2> timeit: -c 'echo 'a': unterminated quote
2> Try 'timeit --help' for more information.
? 125

=== --max-runs below --min-runs
$ timeit -m 5 -M 3 true
2> timeit: --max-runs 3 is below --min-runs 5
2> Try 'timeit --help' for more information.
? 125

=== options end at PROGRAM
$ timeit -n 1 -f line printf -n x | cut -d' ' -f1,2
> runs=1 failed=0

=== nonexistent program is 127
$ timeit -n 1 no-such-program-xyz
2> timeit: cannot run 'no-such-program-xyz': No such file or directory
? 127

=== a file that cannot be executed is 126
$ echo x > f; timeit -n 1 ./f
2> timeit: cannot run './f': Permission denied
? 126

=== a missing shell for -S is 127
$ timeit -S no-such-shell-xyz -c true
2> timeit: cannot run 'no-such-shell-xyz': No such file or directory
? 127

=== a failing run: its status, the command and the run named
$ timeit -n 3 false
2> timeit: 'false': run 1 exited with status 1
? 1

=== a command that holds a single quote is shown in double quotes
$ timeit -n 2 -- sh -c 'exit 3'
2> timeit: "sh -c 'exit 3'": run 1 exited with status 3
? 3

=== a failing command string
$ timeit -n 3 -c 'exit 3'
2> timeit: 'exit 3': run 1 exited with status 3
? 3

=== the failing run is named
$ timeit -n 5 -c 'echo x >> n; test $(wc -l < n) -lt 3'
2> timeit: 'echo x >> n; test $(wc -l < n) -lt 3': run 3 exited with status 1
? 1

=== a failing warm-up run
$ timeit -n 1 -w 2 false
2> timeit: 'false': warm-up run 1 exited with status 1
? 1

=== a run killed by a signal is 128+N
$ timeit -n 2 -c 'kill -TERM $$'
2> timeit: 'kill -TERM $$': run 1 killed by signal 15 (SIGTERM: Terminated)
? 143

=== -i records failures and exits 0
$ timeit -i -n 4 -f line false | cut -d' ' -f1,2
> runs=4 failed=4

=== -i in the text report
$ timeit -i -n 2 false | grep Failed
>   Failed runs: 2 of 2 (the last exited with status 1)

=== -T: a timeout is 124
$ timeit -n 1 -T 0.2 sleep 5
2> timeit: 'sleep 5': run 1 timed out after 0.2 s
? 124

=== --cpu-limit ends a spin by SIGXCPU and says so
$ timeit -n 1 --cpu-limit=1 -c 'while :; do :; done'
2> timeit: 'while :; do :; done': run 1 killed by signal 24 (SIGXCPU: CPU time limit exceeded)
? 152

=== --mem-limit sets RLIMIT_AS (in KiB for ulimit -v)
$ timeit -n 1 --mem-limit=50M --show-output -f line -c 'ulimit -v' | head -1
> 51200

=== --mem-limit with a G suffix
$ timeit -n 1 --mem-limit=2g --show-output -f line -c 'ulimit -v' | head -1
> 2097152

=== output goes to /dev/null by default
$ timeit -n 2 -f line echo hi | cut -d' ' -f1
> runs=2

=== --show-output lets it through
$ timeit -n 2 --show-output -f line echo hi | cut -c1-4
> hi
> hi
> runs

=== standard input is /dev/null by default
$ timeit -n 1 --show-output -f line wc -c | head -1
> 0

=== --input gives each run the file from its start
$ printf 'abc\n' > in; timeit -n 3 --show-output --input=in -f line cat | cut -c1-4
> abc
> abc
> abc
> runs

=== --input that cannot be opened
$ timeit -n 1 --input=nope cat
2> timeit: cannot open 'nope': No such file or directory
? 125

=== -w runs untimed first
$ timeit -n 2 -w 3 -f line -c 'echo x >> log' | cut -d' ' -f1; wc -l < log
> runs=2
> 5

=== -m with --min-time=0 runs exactly the minimum
$ timeit -m 4 --min-time=0 -f line -c 'echo x >> log' | cut -d' ' -f1; wc -l < log
> runs=4
> 4

=== -M caps the runs
$ timeit -m 1 -M 3 --min-time=100 -f line true | cut -d' ' -f1
> runs=3

=== -M below the default minimum lowers it
$ timeit -M 2 -f line true | cut -d' ' -f1
> runs=2

=== -n wins over -m and -M
$ timeit -n 2 -m 5 -M 7 -f line true | cut -d' ' -f1
> runs=2

=== --setup, --prepare and --cleanup around the runs
$ timeit -n 3 --setup='echo s >> log' -p 'echo p >> log' --cleanup='echo c >> log' -f line -c 'echo r >> log' > /dev/null; tr '\n' ' ' < log; echo
> s p r p r p r c 

=== --setup runs once per command
$ timeit -n 2 --setup='echo s >> log' -f line -c 'echo a >> log' -c 'echo b >> log' > /dev/null; tr '\n' ' ' < log; echo
> s a a s b b 

=== a failing --prepare
$ timeit -n 2 -p 'exit 4' true
2> timeit: --prepare command 'exit 4' exited with status 4
? 4

=== sequential order
$ timeit -n 3 -f line -c 'echo a >> log' -c 'echo b >> log' > /dev/null; tr '\n' ' ' < log; echo
> a a a b b b 

=== interleaved order alternates
$ timeit -n 3 --order=interleave -f line -c 'echo a >> log' -c 'echo b >> log' > /dev/null; tr '\n' ' ' < log; echo
> a b a b a b 

=== -N splits words without a shell
$ timeit -n 1 -N --show-output -f line -c "printf '<%s>' 'a b' \"c d\" e\\ f" | cut -c1-16
> <a b><c d><e f>r

=== -N does not expand
$ timeit -n 1 -N --show-output -f line -c 'echo $HOME *' | head -1
> $HOME *

=== -S chooses the shell
$ timeit -n 1 -S bash --show-output -f line -c 'echo ${BASH_VERSION:+bash}' | head -1
> bash

=== the text report
$ timeit -n 3 true | sed -n 1,5p | sed 's/ *[0-9][0-9.]*/ N/g; s/µs/U/g; s/ ms/ U/g'
> Benchmark N: true
>   Time (mean ± σ): N U ± N U    [User: N U, System: N U]
>   Median ( N% CI): N U [ N U … N U]    MAD: N U
>   Range (min … max): N U … N U N runs
>   Max RSS (mean ± σ): N MiB ± N MiB    [min N MiB, max N MiB]

=== with a shell, its cost is reported beside, not subtracted
$ timeit -n 2 -c true | head -1 | sed 's/[0-9][0-9.]*/N/g; s/µs/U/; s/ ms/ U/'
> Shell: 'sh -c ""' takes N U (median of N runs); included in the times below, not subtracted.

=== several commands are compared by their medians
$ timeit -n 5 -c 'sleep 0.05' -c true | sed -n '/^Summary/,$p' | sed 's/[0-9][0-9.]*/N/g'
> Summary (ratio of medians, N% bootstrap interval)
>   'true' ran fastest
>   N [N … N] times slower: 'sleep N'

=== "no significant difference" exactly when the interval holds 1
$ for i in 1 2 3; do timeit -n 8 -c true -c true; done | awk '/times slower/ { gsub(/[][]/, ""); lo = $2; hi = $4; no = /no significant difference/; print (lo <= 1 && hi >= 1) == no ? "ok" : "bad: " $0 }'
> ok
> ok
> ok

=== -f line: one line per command
$ timeit -n 2 -f line -c true -c : | sed 's/=[0-9][0-9.,]*/=N/g'
> runs=N failed=N mean=N stddev=N median=N median_ci=N mad=N min=N max=N user=N system=N max_rss=N page_faults=N context_switches=N command=true
> runs=N failed=N mean=N stddev=N median=N median_ci=N mad=N min=N max=N user=N system=N max_rss=N page_faults=N context_switches=N command=:

=== the report names the command as typed
$ timeit -n 1 -f line sh -c 'exit 0' "it's" | sed 's/.*command=//'
> sh -c 'exit 0' 'it'\''s'

=== --export-csv
$ timeit -n 2 -f line --export-csv=out.csv -c 'echo "a, b"' > /dev/null; head -1 out.csv; sed -n 2p out.csv | sed 's/",[0-9].*,2,0$/",N,2,0/'
> command,mean,stddev,median,user,system,min,max,mad,median_ci_low,median_ci_high,max_rss,runs,failed
> "echo ""a, b""",N,2,0

=== --export-markdown
$ timeit -n 2 -f line --export-markdown=out.md -c true -c 'exit 0' > /dev/null; sed -n '1,2p' out.md | sed 's/\[[µm]s\]/[U]/g'; grep -c ' 1.00 |$' out.md; grep -c '^| `exit 0` | ' out.md
> | Command | Mean [U] | Median [U] | Min [U] | Max [U] | Relative |
> |:---|---:|---:|---:|---:|---:|
> 1
> 1

=== an export that cannot be written is 125
$ timeit -n 1 -f line --export-json=no/such/dir.json true > /dev/null
2> timeit: cannot write 'no/such/dir.json': No such file or directory
? 125
