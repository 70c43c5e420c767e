/* opt: GNU getopt_long-style parsing from one table, and --help made from the same table. */
#include <stdio.h>
#include <string.h>

#include "opt.h"

void opt_init(struct optstate *st, const struct optspec *spec, int argc, char **argv)
{
	memset(st, 0, sizeof *st);
	st->spec = spec;
	st->argc = argc;
	st->argv = argv;
	st->ind_ = 1;
	st->out_ = 1;
}

static int fail(struct optstate *st, const char *fmt, const char *what)
{
	snprintf(st->err, sizeof st->err, fmt, what);
	return OPT_ERROR;
}

static int finish(struct optstate *st)
{
	/* Operands were compacted to argv[1..out_); the rest after "--" or the first operand in
	 * POSIX mode follow them. */
	while (st->ind_ < st->argc)
		st->argv[st->out_++] = st->argv[st->ind_++];
	st->argv = st->argv + 1;
	st->argc = st->out_ - 1;
	st->ind_ = st->out_ = 0;
	st->dashdash_ = 2;
	return OPT_END;
}

static int longopt(struct optstate *st, const char *arg)
{
	const struct opt *o, *hit = NULL;
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	int nhit = 0;

	st->name = NULL;
	for (o = st->spec->opts; o->key; o++) {
		if (!o->name || strncmp(o->name, arg, len) != 0)
			continue;
		if (o->name[len] == '\0') {	/* exact match wins */
			hit = o;
			nhit = 1;
			break;
		}
		if (!hit || hit->key != o->key)
			nhit++;
		hit = o;
	}
	if (!hit) {
		if (strncmp(arg, "help", len) == 0 && len > 0 && !eq)
			return OPT_HELP;
		if (strncmp(arg, "version", len) == 0 && len > 0 && !eq)
			return OPT_VERSION;
		snprintf(st->namebuf_, sizeof st->namebuf_, "%.*s", (int)len, arg);
		return fail(st, "unknown option '--%s'", st->namebuf_);
	}
	if (nhit > 1) {
		snprintf(st->namebuf_, sizeof st->namebuf_, "%.*s", (int)len, arg);
		return fail(st, "option '--%s' is ambiguous", st->namebuf_);
	}
	snprintf(st->namebuf_, sizeof st->namebuf_, "--%s", hit->name);
	st->name = st->namebuf_;
	if (eq) {
		if (hit->arg == OPT_NONE)
			return fail(st, "option '--%s' takes no argument", hit->name);
		st->arg = eq + 1;
	} else if (hit->arg == OPT_REQ) {
		if (st->ind_ >= st->argc)
			return fail(st, "option '--%s' needs an argument", hit->name);
		st->arg = st->argv[st->ind_++];
	}
	return hit->key;
}

static int shortopt(struct optstate *st)
{
	int c = (unsigned char)*st->cluster_++;
	const struct opt *o;
	char *name = st->namebuf_;

	name[0] = '-';
	name[1] = (char)c;
	name[2] = '\0';
	st->name = name;
	for (o = st->spec->opts; o->key; o++)
		if (o->key == c)
			break;
	if (!o->key) {
		st->cluster_ = NULL;
		return fail(st, "unknown option '%s'", name);
	}
	if (o->arg == OPT_REQ) {
		if (*st->cluster_) {
			st->arg = st->cluster_;
		} else if (st->ind_ < st->argc) {
			st->arg = st->argv[st->ind_++];
		} else {
			st->cluster_ = NULL;
			return fail(st, "option '%s' needs an argument", name);
		}
		st->cluster_ = NULL;
	} else if (!*st->cluster_) {
		st->cluster_ = NULL;
	}
	return c;
}

int opt_next(struct optstate *st)
{
	st->arg = NULL;
	if (st->dashdash_ == 2)
		return OPT_END;
	if (st->cluster_)
		return shortopt(st);
	while (st->ind_ < st->argc) {
		char *a = st->argv[st->ind_];
		if (a[0] != '-' || a[1] == '\0') {	/* an operand; "-" is one too */
			if (st->spec->flags & OPT_POSIX)
				return finish(st);
			st->argv[st->out_++] = a;
			st->ind_++;
			continue;
		}
		st->ind_++;
		if (a[1] == '-') {
			if (a[2] == '\0')
				return finish(st);
			return longopt(st, a + 2);
		}
		st->cluster_ = a + 1;
		return shortopt(st);
	}
	return finish(st);
}

int opt_help(FILE *fp, const char *prog, const struct optspec *spec)
{
	const char *u = spec->usage;
	const struct opt *o;
	int first = 1;

	/* Each usage line, prefixed by "Usage: PROG" and then by spaces. */
	while (*u) {
		size_t n = strcspn(u, "\n");
		fprintf(fp, "%s %s %.*s\n", first ? "Usage:" : "      ", prog, (int)n, u);
		first = 0;
		u += n + (u[n] == '\n');
	}
	if (spec->about)
		fprintf(fp, "\n%s\n", spec->about);
	fprintf(fp, "\nOptions:\n");
	for (o = spec->opts; o->key; o++) {
		char left[80];
		int n = 0;
		if (o->key < 256)
			n += snprintf(left + n, sizeof left - n, "-%c%s", o->key, o->name ? ", " : "");
		else
			n += snprintf(left + n, sizeof left - n, "    ");
		if (o->name)
			n += snprintf(left + n, sizeof left - n, "--%s", o->name);
		if (o->arg == OPT_REQ && o->name)
			snprintf(left + n, sizeof left - n, "=%s", o->argname ? o->argname : "ARG");
		else if (o->arg == OPT_REQ)
			snprintf(left + n, sizeof left - n, " %s", o->argname ? o->argname : "ARG");
		else if (o->arg == OPT_OPTIONAL)
			snprintf(left + n, sizeof left - n, "[=%s]", o->argname ? o->argname : "ARG");
		if (strlen(left) < 24)
			fprintf(fp, "  %-24s  %s\n", left, o->help);
		else
			fprintf(fp, "  %s\n  %-24s  %s\n", left, "", o->help);
	}
	fprintf(fp, "  %-24s  %s\n", "    --help", "show this help and exit");
	fprintf(fp, "  %-24s  %s\n", "    --version", "show the version and exit");
	return ferror(fp) ? -1 : 0;
}
