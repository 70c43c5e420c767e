# findrobots: the hosts that fetched /robots.txt. examples/findrobots-hazards.log holds one
# line per hazard of issue 6 (IPv6, names, forwarded lists, vhost, escapes, quotes in the
# agent, no protocol, HEAD, CR, raw bytes, TLS garbage, cut and overlong lines).

=== every hazard: the expected host set, sorted IPv4, IPv6, then names
$ findrobots "$TESTS/../examples/findrobots-hazards.log"
> 192.0.2.10
> 192.0.2.20
> 192.0.2.30
> 192.0.2.40
> 192.0.2.41
> 192.0.2.50
> 192.0.2.60
> 192.0.2.70
> 192.0.2.71
> 192.0.2.72
> 192.0.2.73
> 192.0.2.99
> 198.51.100.7
> 203.0.113.5
> 2001:db8::1
> crawl-66-249-66-1.googlebot.com

=== --match=exact is the recipe's comparison: no query stripping, absolute form or decoding
$ findrobots --match=exact "$TESTS/../examples/findrobots-hazards.log" | tr '\n' ' '; echo
> 192.0.2.10 192.0.2.20 192.0.2.30 192.0.2.40 192.0.2.41 192.0.2.50 192.0.2.60 192.0.2.99 198.51.100.7 203.0.113.5 2001:db8::1 crawl-66-249-66-1.googlebot.com 

=== -v: bytes, lines, matches, malformed lines (blank lines are not), time
$ cp "$TESTS/../examples/findrobots-hazards.log" h.log && findrobots -v h.log 2>&1 >/dev/null | sed 's/[0-9.]* s$/T s/'
> findrobots: h.log: 72434 bytes, 28 lines, 17 matches, 4 malformed, T s

=== -c: COUNT HOST
$ findrobots -c "$TESTS/../examples/findrobots-hazards.log" | head -3
> 2 192.0.2.10
> 1 192.0.2.20
> 1 192.0.2.30

=== --details: tab-separated host, count, first and last time in UTC
$ findrobots --details "$TESTS/../examples/findrobots-hazards.log" | head -2
> 192.0.2.10	2	2026-11-24T01:00:00Z	2026-11-24T01:30:00Z
> 192.0.2.20	1	2026-11-24T01:00:05Z	2026-11-24T01:00:05Z

=== --format=csv with a header
$ findrobots --format=csv --details "$TESTS/../examples/findrobots-hazards.log" | sed -n '1,2p;$p'
> host,count,first_seen,last_seen
> 192.0.2.10,2,2026-11-24T01:00:00Z,2026-11-24T01:30:00Z
> crawl-66-249-66-1.googlebot.com,1,2026-11-24T01:00:03Z,2026-11-24T01:00:03Z

=== --format=csv of hosts and of counts
$ findrobots --format=csv "$TESTS/../examples/findrobots-hazards.log" | head -2; findrobots -c --format=csv "$TESTS/../examples/findrobots-hazards.log" | head -2
> host
> 192.0.2.10
> host,count
> 192.0.2.10,2

=== --format=json: one object per host
$ findrobots --format=json --details "$TESTS/../examples/findrobots-hazards.log" | sed -n '1p;$p'
> {"host":"192.0.2.10","count":2,"first_seen":"2026-11-24T01:00:00Z","last_seen":"2026-11-24T01:30:00Z"}
> {"host":"crawl-66-249-66-1.googlebot.com","count":1,"first_seen":"2026-11-24T01:00:03Z","last_seen":"2026-11-24T01:00:03Z"}

=== --format=json of hosts only
$ findrobots --format=json "$TESTS/../examples/findrobots-hazards.log" | head -1
> {"host":"192.0.2.10"}

=== sort: IPv4 numerically, IPv6 numerically (canonical text), names by bytes
< 10.0.0.2 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< b.example - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 9.0.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< ::10 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< B.example - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 2001:0DB8::0:1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< ::2 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< ::ffff:9.0.0.0 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< a - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 2001:db8::1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
$ findrobots -c
> 1 9.0.0.0
> 1 9.0.0.1
> 1 10.0.0.2
> 1 ::2
> 1 ::10
> 2 2001:db8::1
> 1 B.example
> 1 a
> 1 b.example

=== --path is repeatable and normalized like the requests
< 1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 2.2.2.2 - - [01/Jan/2026:00:00:00 +0000] "GET /sitemap.xml?x HTTP/1.1" 200 1
< 3.3.3.3 - - [01/Jan/2026:00:00:00 +0000] "GET /security.txt HTTP/1.1" 200 1
$ findrobots --path=/sitemap%2Exml --path /security.txt
> 2.2.2.2
> 3.3.3.3

=== -E: a PCRE2 regex on the normalized path (in place of the default path)
< 1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 2.2.2.2 - - [01/Jan/2026:00:00:00 +0000] "GET /wp-login.php?x HTTP/1.1" 200 1
< 3.3.3.3 - - [01/Jan/2026:00:00:00 +0000] "GET /wp-admin/ HTTP/1.1" 200 1
< 4.4.4.4 - - [01/Jan/2026:00:00:00 +0000] "GET /x/wp-login.php HTTP/1.1" 200 1
$ findrobots -E '^/wp-(login\.php|admin/)$'
> 2.2.2.2
> 3.3.3.3

=== -E with --path: either matches
< 1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 2.2.2.2 - - [01/Jan/2026:00:00:00 +0000] "GET /wp-login.php HTTP/1.1" 200 1
$ findrobots -E '^/wp-' --path=/robots.txt
> 1.1.1.1
> 2.2.2.2

=== an invalid regex is a usage error
$ findrobots -E '(' /dev/null
2> findrobots: invalid regex '(' at offset 1: missing closing parenthesis
2> Try 'findrobots --help' for more information.
? 2

=== --method: a comma-separated list, case kept
< 1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 2.2.2.2 - - [01/Jan/2026:00:00:00 +0000] "HEAD /robots.txt HTTP/1.1" 200 1
< 3.3.3.3 - - [01/Jan/2026:00:00:00 +0000] "POST /robots.txt HTTP/1.1" 200 1
< 4.4.4.4 - - [01/Jan/2026:00:00:00 +0000] "get /robots.txt HTTP/1.1" 200 1
$ cat > in.log && findrobots --method=HEAD in.log; findrobots --method GET,POST in.log
> 2.2.2.2
> 1.1.1.1
> 3.3.3.3

=== standard input as - with files
< 1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
$ printf '2.2.2.2 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1\n' > a.log && findrobots a.log -
> 1.1.1.1
> 2.2.2.2

=== gzip with many members, bzip2 with many streams, plain: by magic, not by name
$ H="$TESTS/../examples/findrobots-hazards.log"
$ (sed -n 1p "$H" | gzip -c; sed -n 2p "$H" | gzip -c; sed -n 3p "$H" | gzip -c) > one.txt
$ (sed -n 4p "$H" | bzip2 -c; sed -n 5p "$H" | bzip2 -c) > two.gz
$ sed -n 6p "$H" > three.bz2
$ findrobots -c one.txt two.gz three.bz2
> 1 192.0.2.10
> 1 192.0.2.20
> 1 198.51.100.7
> 1 203.0.113.5
> 1 2001:db8::1
> 1 crawl-66-249-66-1.googlebot.com

=== truncated gzip: the message, the hosts before the damage, the other files, status 1
$ H="$TESTS/../examples/findrobots-hazards.log"
$ head -n 26 "$H" | gzip -c | head -c 300 > cut.log.gz
$ sed -n 4p "$H" > b.log
$ findrobots cut.log.gz b.log
> 192.0.2.10
> 192.0.2.20
> 192.0.2.30
> 198.51.100.7
> 203.0.113.5
> 2001:db8::1
> crawl-66-249-66-1.googlebot.com
2> findrobots: cut.log.gz: truncated gzip data at byte 300 (8 lines read)
? 1

=== truncated bzip2: the same
$ head -c 100000 /dev/zero | bzip2 -c | head -c 30 > cut.bz2
$ findrobots cut.bz2
2> findrobots: cut.bz2: truncated bzip2 data at byte 30 (0 lines read)
? 1

=== corrupt gzip: trailing garbage after the last member
$ sed -n 1p "$TESTS/../examples/findrobots-hazards.log" | gzip -c > g.gz && printf 'junk' >> g.gz
$ findrobots g.gz
> 192.0.2.10
2> findrobots: g.gz: trailing garbage after gzip data at byte 108 (1 lines read)
? 1

=== empty files, plain and gzip: nothing found is still status 0
$ : > e.log && : | gzip -c > e.log.gz && : | bzip2 -c > e.log.bz2 && findrobots e.log e.log.gz e.log.bz2

=== an unreadable path: a message, the others are read, status 1
$ printf '1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1\n' > a.log
$ findrobots nosuch.log a.log
> 1.1.1.1
2> findrobots: nosuch.log: No such file or directory
? 1

=== CR line ends throughout and no final newline
$ printf '1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1\r\n2.2.2.2 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt" 200 1' > crlf.log
$ findrobots crlf.log
> 1.1.1.1
> 2.2.2.2

=== a directory: *.log* by default, subdirectories only with -r
$ mkdir -p logs/old logs/.hidden && L='"GET /robots.txt HTTP/1.1" 200 1'
$ for h in 1 2 3 4 5; do echo "10.0.0.$h - - [01/Jan/2026:00:00:00 +0000] $L" > f$h; done
$ mv f1 logs/access.log; mv f2 logs/access.log.1; mv f3 logs/notes.txt; mv f4 logs/old/access.log.2.gz; mv f5 logs/.hidden/x.log
$ findrobots logs | tr '\n' ' '; echo; findrobots -r logs | tr '\n' ' '; echo
> 10.0.0.1 10.0.0.2 
> 10.0.0.1 10.0.0.2 10.0.0.4 10.0.0.5 

=== --include and --exclude: repeatable globs on file names in directories
$ mkdir -p logs/old && L='"GET /robots.txt HTTP/1.1" 200 1'
$ for h in 1 2 3 4; do echo "10.0.0.$h - - [01/Jan/2026:00:00:00 +0000] $L" > f$h; done
$ mv f1 logs/a.log; mv f2 logs/b.txt; mv f3 logs/old/c.log.gz; mv f4 logs/old/d.txt
$ findrobots -r --include='*.txt' --include='*.gz' logs | tr '\n' ' '; echo; findrobots -r --exclude='*.gz' logs | tr '\n' ' '; echo; findrobots -r --include='*' --exclude='[ab].*' --exclude='d*' logs
> 10.0.0.2 10.0.0.3 10.0.0.4 
> 10.0.0.1 
> 10.0.0.3

=== a file named on the command line is read whatever its name
$ echo '10.0.0.9 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1' > notes.txt && findrobots --include='*.log' notes.txt
> 10.0.0.9

=== -j: any number of threads, the same result
$ H="$TESTS/../examples/findrobots-hazards.log"
$ for i in 1 2 3 4 5 6 7 8 9; do sed -n "${i}p;2${i}p" "$H" | gzip -c > $i.log.gz; done
$ findrobots -j1 --details . > one; findrobots -j3 --details . > three; findrobots -j16 --details . > many
$ cmp one three && cmp one many && wc -l < one
> 9

=== --merge: sums, earliest and latest, into the --details format
$ printf '1.1.1.1\t2\t2026-01-01T00:00:00Z\t2026-01-02T00:00:00Z\nb.example\t1\t2026-01-05T00:00:00Z\t2026-01-05T00:00:00Z\n' > a
$ printf '::ffff:1.1.1.1\t3\t2025-12-31T00:00:00Z\t2026-01-01T12:00:00Z\n2001:db8::1\t1\t2026-01-03T00:00:00Z\t2026-01-03T00:00:00Z\n' > b
$ findrobots --merge a b
> 1.1.1.1	5	2025-12-31T00:00:00Z	2026-01-02T00:00:00Z
> 2001:db8::1	1	2026-01-03T00:00:00Z	2026-01-03T00:00:00Z
> b.example	1	2026-01-05T00:00:00Z	2026-01-05T00:00:00Z

=== --merge from standard input, with -c and --format
< 1.1.1.1	2	2026-01-01T00:00:00Z	2026-01-02T00:00:00Z
< 1.1.1.1	1	2026-01-01T00:00:00Z	2026-01-03T00:00:00Z
$ findrobots --merge -c; findrobots --merge --format=json < /dev/null
> 3 1.1.1.1

=== --merge: a line that is not --details output is reported, the rest merged, status 1
< 1.1.1.1	2	2026-01-01T00:00:00Z	2026-01-02T00:00:00Z
< 1.1.1.1 2 2026-01-01T00:00:00Z 2026-01-02T00:00:00Z
< 2.2.2.2	x	2026-01-01T00:00:00Z	2026-01-02T00:00:00Z
$ findrobots --merge
> 1.1.1.1	2	2026-01-01T00:00:00Z	2026-01-02T00:00:00Z
2> findrobots: (standard input):2: not a --details line
2> findrobots: (standard input):3: not a --details line
? 1

=== usage errors
$ findrobots --format=xml; findrobots --match=fuzzy; findrobots -j0; findrobots --jobs=x; findrobots --frob
2> findrobots: unknown format 'xml' (text, csv or json)
2> Try 'findrobots --help' for more information.
2> findrobots: unknown match 'fuzzy' (exact or normalized)
2> Try 'findrobots --help' for more information.
2> findrobots: invalid number of jobs '0' (1 to 1024)
2> Try 'findrobots --help' for more information.
2> findrobots: invalid number of jobs 'x' (1 to 1024)
2> Try 'findrobots --help' for more information.
2> findrobots: unknown option '--frob'
2> Try 'findrobots --help' for more information.
? 2

=== --help is the option table
$ findrobots --help | sed -n '1p;/--merge/p'
> Usage: findrobots [OPTIONS] [PATH...]
>       --merge               combine earlier --details outputs

=== output to a full device is an error
$ findrobots "$TESTS/../examples/findrobots-hazards.log" > /dev/full
2> findrobots: write error: No space left on device
? 2

=== the quick look at each line never loses a match: -v (which parses every line) agrees
< a b] "c [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 1.1.1.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt\" x HTTP/1.1" 200 1
< 1.1.1.2 - - [01/Jan/2026:00:00:00 +0000] "\x47ET /robots.txt HTTP/1.1" 200 1
< 1.1.1.3 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt\x3fa=1 HTTP/1.1" 200 1
< 1.1.1.4 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.tx\x74 HTTP/1.1" 200 1
< 1.1.1.5 - - [01/Jan/2026:00:00:00 +0000] "GET  /robots.txt  HTTP/1.1" 200 1
< 1.1.1.6 - - [01/Jan/2026:00:00:00 +0000] "GET	/robots.txt" 200 1
< 1.1.1.7 - - [01/Jan/2026:00:00:00 +0000]  "GET /robots.txt HTTP/1.1" 200 1
< 1.1.1.8 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1 "-" "-"
< 1.1.1.9 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txtx HTTP/1.1" 200 1
$ cat > in.log; findrobots --method=GET in.log > quick; findrobots -v --method=GET in.log 2>/dev/null > full; cmp quick full && cat quick
> 1.1.1.2
> 1.1.1.3
> 1.1.1.4
> 1.1.1.5
> 1.1.1.6
> 1.1.1.7
> 1.1.1.8
> a

=== gzip members that end mid-line (as split buffers write them): the same as one member
$ H="$TESTS/../examples/findrobots-hazards.log"
$ split -b 500 --filter='gzip -c' "$H" > members.gz && gzip -c "$H" > one.gz
$ findrobots --details members.gz > a; findrobots --details one.gz > b; cmp a b && wc -l < a
> 16

=== a host of "-" (an empty X-Forwarded-For) is no host: the line is malformed
< - - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< -, 10.0.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
< 10.0.0.2 - - [01/Jan/2026:00:00:00 +0000] "GET /robots.txt HTTP/1.1" 200 1
$ findrobots -v 2>&1 | sed 's/[0-9.]* s$/T s/'
> findrobots: (standard input): 221 bytes, 3 lines, 1 matches, 2 malformed, T s
> 10.0.0.2
