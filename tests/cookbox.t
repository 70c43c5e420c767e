# The multicall binary: dispatch, --list, --help, --version, --install, output errors.

=== --list prints the six applets, sorted
$ cookbox --list
> csvstat
> daemonize
> findrobots
> fnmatch
> textwrap
> timeit

=== --version
$ cookbox --version | sed 's/[0-9][0-9.]*$/V/'
> cookbox V

=== --help lists every applet with its summary
$ cookbox --help | grep -cE '^  [a-z]+ +[a-z]'
> 6

=== no applet is a usage error
$ cookbox 2>&1 >/dev/null | head -1
> Usage: cookbox APPLET [ARGS...]

=== no applet exits 2
$ cookbox 2>/dev/null
? 2

=== unknown applet by argument
$ cookbox frobnicate a b
2> cookbox: applet not found: frobnicate
? 127

=== unknown applet by link name
$ ln -s "$COOKBOX" frobnicate && ./frobnicate
2> cookbox: applet not found: frobnicate
? 127

=== unknown cookbox option
$ cookbox --frob
2> cookbox: unknown option '--frob'
2> Try 'cookbox --help' for more information.
? 2

=== a link named after an applet runs it
$ ln -s "$COOKBOX" csvstat && ./csvstat --version | sed 's/[0-9][0-9.]*$/V/'
> csvstat (cookbox) V

=== cookbox APPLET runs it the same
$ cookbox csvstat --version | sed 's/[0-9][0-9.]*$/V/'
> csvstat (cookbox) V

=== a link in another directory, called through PATH
$ mkdir d && ln -s "$COOKBOX" d/fnmatch && PATH=$PWD/d:$PATH fnmatch --version | cut -d' ' -f1-2
> fnmatch (cookbox)

=== every applet: --help on stdout with the usage line, exit 0
$ for a in $(cookbox --list); do cookbox $a --help | head -1 | cut -d' ' -f1-2; done
> Usage: csvstat
> Usage: daemonize
> Usage: findrobots
> Usage: fnmatch
> Usage: textwrap
> Usage: timeit

=== every applet: --version
$ for a in $(cookbox --list); do $a --version | cut -d' ' -f1-2; done
> csvstat (cookbox)
> daemonize (cookbox)
> findrobots (cookbox)
> fnmatch (cookbox)
> textwrap (cookbox)
> timeit (cookbox)

=== every applet: an unknown option is a usage error, 2 (timeit 125, as GNU time)
$ for a in $(cookbox --list); do $a --no-such-option 2>err; echo "$a $?"; head -1 err; done
> csvstat 2
> csvstat: unknown option '--no-such-option'
> daemonize 2
> daemonize: unknown option '--no-such-option'
> findrobots 2
> findrobots: unknown option '--no-such-option'
> fnmatch 2
> fnmatch: unknown option '--no-such-option'
> textwrap 2
> textwrap: unknown option '--no-such-option'
> timeit 125
> timeit: unknown option '--no-such-option'

=== the usage hint names the applet
$ csvstat -Z
2> csvstat: unknown option '-Z'
2> Try 'csvstat --help' for more information.
? 2

=== an option that needs an argument
$ csvstat --delimiter
2> csvstat: option '--delimiter' needs an argument
2> Try 'csvstat --help' for more information.
? 2

=== an ambiguous abbreviation
$ csvstat --no
2> csvstat: option '--no' is ambiguous
2> Try 'csvstat --help' for more information.
? 2

=== write error on stdout: message and exit 2
$ cookbox --list >/dev/full
2> cookbox: write error: No space left on device
? 2

=== write error on an applet's stdout
$ csvstat --help >/dev/full
2> csvstat: write error: No space left on device
? 2

=== a closed pipe is quiet
$ cookbox csvstat --help | head -1
> Usage: csvstat [OPTIONS] [FILE...]

=== --install -s makes a symlink per applet to the binary
$ mkdir bin && cookbox --install -s bin && ls bin && readlink bin/timeit | sed "s|^$(readlink -f "$COOKBOX")\$|BINARY|"
> csvstat
> daemonize
> findrobots
> fnmatch
> textwrap
> timeit
> BINARY

=== installed links run their applet
$ mkdir bin && cookbox --install -s bin && bin/textwrap --version | cut -d' ' -f1
> textwrap

=== --install makes hard links by default
$ mkdir bin && cookbox --install bin && test bin/csvstat -ef "$(readlink -f "$COOKBOX")" && bin/csvstat --version | cut -d' ' -f1
> csvstat
@ mkdir -p x && ln "$(readlink -f "$COOKBOX")" x/y 2>/dev/null

=== --install replaces links to cookbox, twice in a row
$ mkdir bin && cookbox --install -s bin && cookbox --install -s bin && ls bin | wc -l
> 6

=== --install replaces a symlink to another cookbox
$ mkdir bin && ln -s /opt/old/cookbox bin/fnmatch && cookbox --install -s bin && test "$(readlink -f bin/fnmatch)" = "$(readlink -f "$COOKBOX")" && echo replaced
> replaced

=== --install replaces an older cookbox copy (a stale hard link)
$ mkdir bin && cp "$COOKBOX" bin/timeit && cookbox --install -s bin && test -L bin/timeit && echo replaced
> replaced

=== --install leaves other files alone, warns, and says so in the exit status
$ mkdir bin && echo mine >bin/textwrap && cookbox --install -s bin; echo "status $?"; cat bin/textwrap; ls bin | wc -l
> status 2
> mine
> 6
2> cookbox: bin/textwrap exists and is not cookbox: left alone

=== --install into a missing directory
$ cookbox --install -s nodir
2> cookbox: nodir: No such file or directory
? 2

=== --install without a directory
$ cookbox --install
2> cookbox: usage: cookbox --install [-s] DIR
? 2

=== the binary's sources register each applet once, in one table
$ grep -c '^APPLET(' "$TESTS/../cmd/applets.h"; grep '^APPLET(' "$TESTS/../cmd/applets.h" | sort -c && echo sorted
> 6
> sorted

=== with SIGPIPE ignored, a closed pipe is a quiet failure, status 2
$ (trap '' PIPE; sleep 0.3; cookbox --list; echo "cookbox $?" >&2; csvstat --help; echo "csvstat $?" >&2) | true
2> cookbox 2
2> csvstat 2
