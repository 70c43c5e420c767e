/* daemonize: start, stop and supervise a program as a daemon whose pidfile is its lock
 * (double fork, setsid, LSB status codes), after the cookbook recipe and start-stop-daemon.
 * Not implemented yet: the interface is parsed and documented, the work is issue 7. */
#include <string.h>

#include "msg.h"

enum { O_MAXRESTARTS = 256, O_OKNODO, O_SIGNAL, O_TIMEOUT, O_UMASK, O_WAIT };

static const struct opt opts[] = {
	{ 'C', "chdir", OPT_REQ, "DIR", "start: run in DIR (/)" },
	{ 'E', "env", OPT_REQ, "NAME=VALUE", "start: set an environment variable (repeatable)" },
	{ 'e', "stderr", OPT_REQ, "FILE", "start: append standard error to FILE (/dev/null)" },
	{ 'i', "stdin", OPT_REQ, "FILE", "start: read standard input from FILE (/dev/null)" },
	{ O_MAXRESTARTS, "max-restarts", OPT_REQ, "N", "with -r, give up after N restarts" },
	{ O_OKNODO, "oknodo", OPT_NONE, NULL, "exit 0 if already running (start) or not running (stop)" },
	{ 'o', "stdout", OPT_REQ, "FILE", "start: append standard output to FILE (/dev/null)" },
	{ 'p', NULL, OPT_REQ, "PIDFILE", "the pidfile, which is the lock; required" },
	{ 'r', "restart", OPT_NONE, NULL, "start: supervise, restarting PROGRAM when it fails" },
	{ O_SIGNAL, "signal", OPT_REQ, "SIG", "stop: the signal to send (TERM)" },
	{ O_TIMEOUT, "timeout", OPT_REQ, "SECS", "stop: SIGKILL after SECS seconds (10)" },
	{ O_UMASK, "umask", OPT_REQ, "MODE", "start: the daemon's umask (022)" },
	{ 'u', "user", OPT_REQ, "USER[:GROUP]", "start: run as USER and its groups (root only)" },
	{ O_WAIT, "wait", OPT_OPTIONAL, "SECS", "once: wait for the lock (forever, or SECS seconds)" },
	{ 0 }
};

static const struct optspec spec = {
	"start -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]\n"
	"stop -p PIDFILE [--signal=SIG] [--timeout=SECS]\n"
	"status -p PIDFILE\n"
	"restart -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]\n"
	"once -p LOCKFILE [--wait[=SECS]] [--] PROGRAM [ARG...]",
	"Start PROGRAM as a daemon that holds PIDFILE locked, stop it, report its status, or run "
	"it in the foreground under a lock for cron. Not implemented yet in this version of cookbox.",
	opts, OPT_POSIX, CB_ERR
};

static const char *const subcommands[] = { "start", "stop", "status", "restart", "once", NULL };

static int is_subcommand(const char *s)
{
	for (int i = 0; subcommands[i]; i++)
		if (strcmp(s, subcommands[i]) == 0)
			return 1;
	return 0;
}

int daemonize_main(int argc, char **argv)
{
	struct optstate st;
	int c;

	/* The subcommand comes first; options after it end at PROGRAM, whose own are its own. */
	if (argc > 1 && is_subcommand(argv[1])) {
		opt_init(&st, &spec, argc - 1, argv + 1);
		while ((c = opt_next(&st)) != OPT_END)
			if (c < 0)
				return msg_option(&st, c);
		msg_warn("not implemented yet in this version of cookbox");
		return CB_ERR;
	}
	/* No subcommand: --help and --version still work, anything else is a usage error. */
	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END)
		if (c < 0)
			return msg_option(&st, c);
	if (st.argc == 0)
		return msg_usage(&st, "missing subcommand: start, stop, status, restart or once");
	if (is_subcommand(st.argv[0]))
		return msg_usage(&st, "the subcommand '%s' must come before the options", st.argv[0]);
	return msg_usage(&st, "unknown subcommand '%s'", st.argv[0]);
}
