/* The applet registry: one line per applet, sorted by name: APPLET(name, summary).
 * NAME_main(int argc, char **argv) in cmd/NAME.c is its entry point. */
APPLET(csvstat, "per-column statistics of CSV files")
APPLET(daemonize, "start, stop and supervise a program as a daemon with a locked pidfile")
APPLET(findrobots, "list the hosts that fetched /robots.txt from access logs")
APPLET(fnmatch, "match names or lines against shell wildcard patterns")
APPLET(textwrap, "fill, wrap and align text to a width, Unicode-correct")
APPLET(timeit, "benchmark commands over repeated runs, with resource limits")
