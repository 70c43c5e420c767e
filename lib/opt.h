/* opt: GNU-style options from one table that also makes --help. Long options as --name=V or
 * --name V (unique prefixes accepted), short ones clustered (-iv, -w70, -w 70), "--" ends
 * options, operands may come between options unless OPT_POSIX. --help and --version are
 * always recognised. The parser never prints: on OPT_ERROR, st->err holds the message. */
#ifndef COOKBOX_OPT_H
#define COOKBOX_OPT_H

#include <stdio.h>

enum { OPT_NONE, OPT_REQ, OPT_OPTIONAL };	/* OPT_OPTIONAL: --name or --name=VALUE only */
enum { OPT_END = -1, OPT_HELP = -2, OPT_VERSION = -3, OPT_ERROR = -4 };
enum { OPT_POSIX = 1 };				/* options end at the first operand */

struct opt {
	int key;		/* what opt_next returns: the short letter, or >= 256 for long-only */
	const char *name;	/* long name without "--", or NULL */
	int arg;		/* OPT_NONE, OPT_REQ or OPT_OPTIONAL */
	const char *argname;	/* for --help: "N", "FILE" */
	const char *help;	/* one line for --help */
};

struct optspec {
	const char *usage;	/* synopsis after the applet name; several lines separated by \n */
	const char *about;	/* what the applet does, one or two sentences */
	const struct opt *opts;	/* ends with a zero entry */
	int flags;		/* OPT_POSIX */
	int usage_status;	/* exit status for a usage error: 2, or 125 for timeit */
};

struct optstate {
	const struct optspec *spec;
	int argc;		/* when opt_next returns OPT_END: the operands, in order */
	char **argv;
	const char *arg;	/* the argument of the option just returned, or NULL */
	const char *name;	/* the option as the user wrote it, for messages: "-w" or "--width" */
	char err[160];		/* after OPT_ERROR: "unknown option '--foo'" */
	int ind_, out_, dashdash_;
	const char *cluster_;
	char namebuf_[104];
};

void opt_init(struct optstate *st, const struct optspec *spec, int argc, char **argv);
/* The next option's key, OPT_HELP, OPT_VERSION, OPT_ERROR, or OPT_END (operands are then in
 * st->argc/st->argv; argv's array is reordered in place). */
int opt_next(struct optstate *st);
/* The --help text for applet PROG: usage lines, about, and one line per option. */
int opt_help(FILE *fp, const char *prog, const struct optspec *spec);

#endif
