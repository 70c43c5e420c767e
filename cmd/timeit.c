/* timeit: benchmark commands over repeated runs with per-run rusage, limits and robust
 * statistics; hyperfine's report and JSON, GNU time's exit statuses (125, 126, 127).
 * Not implemented yet: the interface is parsed and documented, the work is issue 8. */
#include "msg.h"

enum { O_CLEANUP = 256, O_CPULIMIT, O_EXPORTCSV, O_EXPORTJSON, O_EXPORTMD, O_INPUT,
	O_MEMLIMIT, O_MINTIME, O_ORDER, O_SETUP, O_SHOWOUTPUT };

static const struct opt opts[] = {
	{ 'c', NULL, OPT_REQ, "CMD", "benchmark the command string CMD (repeatable)" },
	{ O_CLEANUP, "cleanup", OPT_REQ, "CMD", "run CMD after each command's last run" },
	{ O_CPULIMIT, "cpu-limit", OPT_REQ, "SECS", "limit each run's CPU time (RLIMIT_CPU)" },
	{ O_EXPORTCSV, "export-csv", OPT_REQ, "FILE", "write the statistics as CSV to FILE" },
	{ O_EXPORTJSON, "export-json", OPT_REQ, "FILE", "write hyperfine-style JSON to FILE" },
	{ O_EXPORTMD, "export-markdown", OPT_REQ, "FILE", "write a Markdown table to FILE" },
	{ 'f', "format", OPT_REQ, "FMT", "text, line or json (text)" },
	{ 'i', "ignore-failure", OPT_NONE, NULL, "a failing run is not an error" },
	{ O_INPUT, "input", OPT_REQ, "FILE", "each run reads standard input from FILE" },
	{ 'M', "max-runs", OPT_REQ, "N", "at most N runs" },
	{ O_MEMLIMIT, "mem-limit", OPT_REQ, "SIZE", "limit each run's address space (K, M, G)" },
	{ 'm', "min-runs", OPT_REQ, "N", "at least N runs (10)" },
	{ O_MINTIME, "min-time", OPT_REQ, "SECS", "measure for at least SECS seconds (3)" },
	{ 'N', NULL, OPT_NONE, NULL, "split -c commands into words, without a shell" },
	{ 'n', "runs", OPT_REQ, "N", "exactly N runs" },
	{ O_ORDER, "order", OPT_REQ, "HOW", "sequential or interleave (sequential)" },
	{ 'p', "prepare", OPT_REQ, "CMD", "run CMD before every run, untimed" },
	{ 'S', NULL, OPT_REQ, "SHELL", "run -c commands with SHELL -c (sh)" },
	{ O_SETUP, "setup", OPT_REQ, "CMD", "run CMD once before each command's runs" },
	{ O_SHOWOUTPUT, "show-output", OPT_NONE, NULL, "keep the command's output (else /dev/null)" },
	{ 'T', "timeout", OPT_REQ, "SECS", "end a run that takes over SECS seconds (124)" },
	{ 'w', "warmup", OPT_REQ, "N", "N untimed runs first (0)" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] [--] PROGRAM [ARG...]\n"
	"[OPTIONS] -c CMD [-c CMD...]",
	"Run PROGRAM, or each command string CMD, many times and report the statistics of its "
	"wall, user and system time and maximum memory. Not implemented yet in this version of "
	"cookbox.",
	opts, OPT_POSIX, 125
};

int timeit_main(int argc, char **argv)
{
	struct optstate st;
	int c;

	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END)
		if (c < 0)
			return msg_option(&st, c);
	msg_warn("not implemented yet in this version of cookbox");
	return CB_ERR;
}
