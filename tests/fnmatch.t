# fnmatch: shell wildcard matching (glibc fnmatch(3) semantics, Python's on request), pattern
# sets, stdin filtering, globbing. Differential tests: tests/fnmatch-python.test.sh and the
# glibc table and random cases in tests/unit/test_globset.c.

=== NAME operands: the matching ones, in order
$ fnmatch '*.c' main.c README util.h io.c
> main.c
> io.c

=== nothing matches: exit 1, no output
$ fnmatch '*.rs' main.c README
? 1

=== stdin lines are filtered
$ fnmatch 'b*'
< apple
< banana
< blueberry
< cherry
> banana
> blueberry

=== a last line without a newline is printed with one
$ printf 'x.c\ny.c' | fnmatch '*.c'
> x.c
> y.c

=== --input reads a file, gzip detected
$ printf 'a.c\nb.h\nc.c\n' | gzip >names.gz && fnmatch --input=names.gz '*.c'
> a.c
> c.c

=== --input reads bzip2 too
$ printf 'a.c\nb.h\n' | bzip2 >names.bz2 && fnmatch --input names.bz2 '*.h'
> b.h

=== --input of a missing file
$ fnmatch --input=nope '*'
2> fnmatch: nope: No such file or directory
? 2

=== --input with NAME operands
$ fnmatch --input=x a b
2> fnmatch: --input and NAME operands cannot be combined
2> Try 'fnmatch --help' for more information.
? 2

=== no pattern
$ fnmatch
2> fnmatch: no PATTERN given
2> Try 'fnmatch --help' for more information.
? 2

=== -e repeated: any pattern matches; every operand is a name
$ fnmatch -e '*.c' -e 'Makefile' main.c Makefile README x.h
> main.c
> Makefile

=== -f: one pattern per line, blank lines ignored
$ printf '*.c\n\nREADME*\n' >pats && fnmatch -f pats main.c README.md x.h
> main.c
> README.md

=== -f and -e together
$ printf '*.c\n' >pats && fnmatch -f pats -e '*.h' a.c b.h c.o
> a.c
> b.h

=== -f of a missing file
$ fnmatch -f nope a
2> fnmatch: nope: No such file or directory
? 2

=== a pattern file whose pattern nests too deeply names its line
$ printf '*.c\n%s\n' "$(printf '@(%.0s' $(seq 120))a$(printf ')%.0s' $(seq 120))" >pats && fnmatch -x -f pats a.c 2>&1 | cut -c1-50
> fnmatch: pats:2: pattern nests too deeply: @(@(@(@

=== -v selects the names no pattern matches
$ fnmatch -v '*.c' a.c b.h c.o
> b.h
> c.o

=== -c counts
$ fnmatch -c '*.c' a.c b.c x.h
> 2

=== -c with no match prints 0 and exits 1
$ fnmatch -c '*.c' x.h
> 0
? 1

=== -c -v
$ fnmatch -cv '*.c' a.c b.c x.h
> 1

=== -q prints nothing: 0 on a match
$ fnmatch -q '*.c' x.h a.c
? 0

=== -q: 1 without one
$ fnmatch -q '*.c' x.h
? 1

=== -z: NUL-separated input and output
$ printf 'a b.c\0new\nline.c\0x.h\0' | fnmatch -z '*.c' | tr '\0' '|'; echo
> a b.c|new
> line.c|

=== -z with NAME operands
$ fnmatch -z '*.c' a.c b.h | od -An -c | tr -s ' '
>  a . c \0

=== ? is one character, not one byte
$ fnmatch '?' é ab e
> é
> e

=== brackets: ranges, negation with ! and ^, ] first, classes
$ fnmatch '[a-c]' a d && fnmatch '[!a-c]' a d && fnmatch '[^a]' a b && fnmatch '[]x]' ']' x y && fnmatch '[[:digit:]][[:alpha:]]' 1a a1 1é
> a
> d
> b
> ]
> x
> 1a
> 1é

=== an unmatched [ is an ordinary character
$ fnmatch 'a[b' 'a[b' ab
> a[b

=== backslash escapes; a trailing backslash matches nothing
$ fnmatch '\*' '*' a && fnmatch 'a\' 'a\' a
> *
? 1

=== --no-escape: backslash is ordinary
$ fnmatch --no-escape 'a\*' 'a\b' 'a*'
> a\b

=== * matches / by default
$ fnmatch '*.c' src/main.c
> src/main.c

=== -p: wildcards never match /
$ fnmatch -p '*.c' src/main.c main.c && fnmatch -p 's?c/*' src/a s/c/a
> main.c
> src/a

=== -p: **/ is zero or more directories, a trailing /** everything inside
$ fnmatch -p 'doc/**/*.md' doc/a.md doc/x/y/b.md doc2/a.md doc/a.txt && fnmatch -p 'a/**' a/b a/b/c a
> doc/a.md
> doc/x/y/b.md
> a/b
> a/b/c

=== --period: a leading . is matched only by a .
$ fnmatch --period '*' .profile x && fnmatch --period '.*' .profile x && fnmatch --period '[.]x' .x
> x
> .profile
? 1

=== --period -p: after each / too
$ fnmatch --period -p '*/*' a/.b a/b .a/b
> a/b

=== --leading-dir: the pattern may match a leading part up to a /
$ fnmatch --leading-dir 'src' src src/a/b srcx && fnmatch --leading-dir -p 's*' src/a/b
> src
> src/a/b
> src/a/b

=== -i: Unicode case folding
$ fnmatch -i '*.TXT' résumé.txt && fnmatch -i 'ÄR*' ärende && fnmatch -i '[A-C]x' bX
> résumé.txt
> ärende
> bX

=== -b: braces, nested
$ fnmatch -b '*.{c,h}' a.c a.h a.o && fnmatch -b 'x{a,b{1,2}}' xa xb1 xb2 xb3 && fnmatch -b '{a}' '{a}' a
> a.c
> a.h
> xa
> xb1
> xb2
> {a}

=== without -b braces are ordinary
$ fnmatch '{a,b}' a '{a,b}'
> {a,b}

=== -x: ksh extended patterns
$ fnmatch -x '+([0-9]).@(c|h)' 12.c 1.h x.c 1.o && fnmatch -x '!(*.c)' a.c a.h && fnmatch -x 'a?(b)c' ac abc abbc && fnmatch -x '*(ab)' '' abab aba
> 12.c
> 1.h
> a.h
> ac
> abc
> 
> abab

=== without -x, @( is ordinary
$ fnmatch '@(a)' '@(a)' a
> @(a)

=== pathological: *a*a*...*b against 100,000 a answers at once
$ a=$(head -c 100000 /dev/zero | tr '\0' a); timeout 5 fnmatch '*a*a*a*a*a*a*a*a*a*a*b' "$a"; echo $?; timeout 5 fnmatch -c '*a*a*a*a*a*a*a*a*a*a*' "$a"
> 1
> 1

=== pathological: -x *(*(a))b against 30 a and a c answers at once
$ timeout 5 fnmatch -x '*(*(a))b' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac; echo $?; timeout 5 fnmatch -x '*(*(a))c' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac
> 1
> aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac

=== invalid UTF-8 bytes match as themselves
$ printf 'a\377b\n\303\n' | fnmatch 'a?b' | od -An -c | tr -s ' '
>  a 377 b \n

=== --python: Python's fnmatch.fnmatchcase (no escapes, * matches /)
$ fnmatch --python '[\]*' '\x' 'a' && fnmatch --python 'a[!]' 'a[!]' && fnmatch --python '*.c' src/a.c
> \x
> a[!]
> src/a.c

=== --python with a glibc-only option
$ fnmatch --python -p x
2> fnmatch: --python cannot be combined with -p, --period, --leading-dir, --no-escape or -x
2> Try 'fnmatch --help' for more information.
? 2

=== --translate: a PCRE2 regex per pattern, like fnmatch.translate
$ fnmatch --translate '*.c' 'a?[!b-d]' && fnmatch --translate -p '**/x' && fnmatch --translate --python '[!]'
> (?s:.*\.c)\z
> (?s:a.[^b-d])\z
> (?s:(?:[^/]*/)*x)\z
> (?s:\[!\])\z

=== --translate of !(...) is an error
$ fnmatch -x --translate '!(a)'
2> fnmatch: !(a): !(...) has no regular-expression translation
? 2

=== -g: expand against the file system, sorted, hidden names left out
$ mkdir -p src/sub .git && touch src/a.c src/b.h src/sub/c.c .git/x.c .top.c z.c && fnmatch -g '**/*.c' '*.c'
> src/a.c
> src/sub/c.c
> z.c
> z.c

=== -g --hidden, and a component starting with .
$ mkdir -p src .git && touch src/a.c .git/x.c .top.c && fnmatch -g --hidden '**/*.c' && fnmatch -g '.*'
> .git/x.c
> .top.c
> src/a.c
> .git
> .top.c

=== -g: ** does not enter a symbolic link to a directory without -L
$ mkdir -p d/e && touch d/e/f.c && ln -s d/e l && fnmatch -g '**/*.c' && echo -- && fnmatch -g -L '**/*.c'
> d/e/f.c
> --
> d/e/f.c
> l/f.c

=== -g -L: a symbolic link loop is reported, not followed
$ mkdir -p d && touch d/a && ln -s .. d/up && fnmatch -g -L '**/a'
> d/a
2> fnmatch: d/up: symbolic link loop, not followed

=== -g: nothing found exits 1
$ fnmatch -g 'nothing*'
? 1

=== -g takes no -e
$ fnmatch -g -e x
2> fnmatch: -g takes only PATTERN operands (no -e, -f, -c, -v, --input or --translate)
2> Try 'fnmatch --help' for more information.
? 2

=== --hidden without -g
$ fnmatch --hidden x x
2> fnmatch: --hidden and -L go with -g
2> Try 'fnmatch --help' for more information.
? 2

=== many patterns at once: fast paths and automaton together
$ printf 'Makefile\n*.c\nREADME*\n*/test_*\n[ab]?x\ndoc/*\n' >pats && fnmatch -f pats Makefile main.c README.md src/test_a.py abx doc/x nope
> Makefile
> main.c
> README.md
> src/test_a.py
> abx
> doc/x

=== an unreadable stdin is an error
$ mkdir d && fnmatch x <d
2> fnmatch: (standard input): Is a directory
? 2

=== -j: a number of threads from 1 to 1024
$ fnmatch -j 0 x x
2> fnmatch: invalid number of jobs '0' (1 to 1024)
2> Try 'fnmatch --help' for more information.
? 2

=== -j: not a number
$ fnmatch --jobs=2x x x
2> fnmatch: invalid number of jobs '2x' (1 to 1024)
2> Try 'fnmatch --help' for more information.
? 2

=== -j with a small file: the same lines, in order
$ printf 'b.c\na.o\nc.c\n' >in && fnmatch -j 4 --input=in '*.c'
> b.c
> c.c

=== a regular file as standard input is matched in place, from where it stands
$ printf 'skip.c\nx.c\ny.o\nz.c\n' >in && { read -r first; fnmatch '*.c'; } <in
> x.c
> z.c

=== keys at both ends: a line must hit both
$ printf 'test_a.py\ntest_a.pyc\nxtest_a.py\ntest.py\ntest_.py\n' | fnmatch -e 'test_*.py' -e '*.o'
> test_a.py
> test_.py

=== a literal inside: the line that holds it, not its neighbours
$ printf 'a/node_modules/b\nnode_modules/b\na/node_module/b\nx/y/node_modules/z\n' | fnmatch '*/node_modules/*'
> a/node_modules/b
> x/y/node_modules/z

=== short lines and a last line without a newline
$ printf '\na\nab\n~\nb~' | fnmatch -e '*~' -e '?' -e 'ab'
> a
> ab
> ~
> b~

=== COOKBOX_SCAN_STATS: how many records the key scan let through
$ printf 'a.o\nb.c\nx.o\nsrc/build/y\n' >in && COOKBOX_SCAN_STATS=1 fnmatch -c -e '*.o' -e 'build/*' --input=in
> 2
2> fnmatch: in: key scan on; 4 records looked at, 2 of them candidates

=== COOKBOX_SCAN_STATS: a pattern with no key drops the scan
$ printf 'a\nb\n' | COOKBOX_SCAN_STATS=1 fnmatch -c '*[ab]*'
> 2
2> fnmatch: (standard input): key scan dropped; 0 records looked at, 0 of them candidates

=== braces of single characters are keyed like a bracket
$ printf 'a.c\nb.h\nc.o\nd.ch\n' >in && COOKBOX_SCAN_STATS=1 fnmatch -b '*.{c,h}' --input=in
> a.c
> b.h
2> fnmatch: in: key scan on; 4 records looked at, 2 of them candidates

=== braces of whole runs give a key per alternative
$ printf 'x.py\ny.pyc\nz.pyo\nsrc/a/q.c\nsrc/bb/r.o\nsrc/c/s.c\n' >in && COOKBOX_SCAN_STATS=1 fnmatch -b -e '*.{py,pyc}' -e 'src/{a,bb}/*.{c,o}' --input=in
> x.py
> y.pyc
> src/a/q.c
> src/bb/r.o
2> fnmatch: in: key scan on; 6 records looked at, 5 of them candidates
