/* Unit tests of lib/opt: GNU-style parsing and --help from the table. */
#include <stdlib.h>
#include "opt.h"
#include "unit.h"

enum { O_LONG = 256, O_MAXL, O_MAXP, O_OPTARG };
static const struct opt opts[] = {
	{ 'i', "ignore-case", OPT_NONE, NULL, "ignore case" },
	{ 'v', "invert", OPT_NONE, NULL, "invert" },
	{ 'w', "width", OPT_REQ, "N", "width" },
	{ O_LONG, "long-only", OPT_NONE, NULL, "long only" },
	{ O_MAXL, "max-lines", OPT_REQ, "N", "max lines" },
	{ O_MAXP, "max-places", OPT_REQ, "N", "max places" },
	{ O_OPTARG, "wait", OPT_OPTIONAL, "SECS", "wait" },
	{ 0 }
};
static const struct optspec spec = { "[OPTIONS] FILE...", "About.", opts, 0, 2 };
static const struct optspec posix = { "[OPTIONS] PROG [ARG...]", NULL, opts, OPT_POSIX, 125 };

/* Parse a space-separated command line; return the keys seen as a string of letters/digits. */
static char *parse(const struct optspec *sp, const char *line, struct optstate *st, char *seen)
{
	static char copy[512];
	static char *argv[64];
	int argc = 0;
	snprintf(copy, sizeof copy, "%s", line);
	for (char *t = strtok(copy, " "); t; t = strtok(NULL, " "))
		argv[argc++] = t;
	argv[argc] = NULL;
	opt_init(st, sp, argc, argv);
	seen[0] = '\0';
	int c;
	while ((c = opt_next(st)) != OPT_END) {
		char k[64];
		if (c == OPT_ERROR) {
			strcat(seen, "!");
			break;
		}
		if (c == OPT_HELP) snprintf(k, sizeof k, "H");
		else if (c == OPT_VERSION) snprintf(k, sizeof k, "V");
		else if (c >= 256) snprintf(k, sizeof k, "<%d>", c - 256);
		else snprintf(k, sizeof k, "%c", c);
		strcat(seen, k);
		if (st->arg) {
			strcat(seen, "=");
			strcat(seen, st->arg);
		}
		strcat(seen, ";");
	}
	return seen;
}

static char *operands(const struct optstate *st, char *out)
{
	out[0] = '\0';
	for (int i = 0; i < st->argc; i++) {
		strcat(out, st->argv[i]);
		strcat(out, "|");
	}
	return out;
}

int main(void)
{
	struct optstate st;
	char seen[512], ops[512];

	CHECK_STR(parse(&spec, "p -iv", &st, seen), "i;v;");
	CHECK_STR(parse(&spec, "p -w70", &st, seen), "w=70;");
	CHECK_STR(parse(&spec, "p -w 70", &st, seen), "w=70;");
	CHECK_STR(parse(&spec, "p -ivw70 a", &st, seen), "i;v;w=70;");
	CHECK_STR(operands(&st, ops), "a|");
	CHECK_STR(parse(&spec, "p -iw 5 b", &st, seen), "i;w=5;");
	CHECK_STR(operands(&st, ops), "b|");
	CHECK_STR(parse(&spec, "p --width=70", &st, seen), "w=70;");
	CHECK_STR(st.name, "--width");
	CHECK_STR(parse(&spec, "p --width 70", &st, seen), "w=70;");
	CHECK_STR(parse(&spec, "p --width=", &st, seen), "w=;");
	CHECK_STR(parse(&spec, "p --wid=3", &st, seen), "w=3;");
	CHECK_STR(st.name, "--width");
	CHECK_STR(parse(&spec, "p --long-only", &st, seen), "<0>;");
	CHECK_STR(parse(&spec, "p --long", &st, seen), "<0>;");
	CHECK_STR(parse(&spec, "p --max-l 3", &st, seen), "<1>=3;");
	CHECK_STR(parse(&spec, "p --max 3", &st, seen), "!");
	CHECK_STR(st.err, "option '--max' is ambiguous");
	CHECK_STR(parse(&spec, "p --wait", &st, seen), "<3>;");
	CHECK_STR(parse(&spec, "p --wait=5", &st, seen), "<3>=5;");
	CHECK_STR(parse(&spec, "p --wait 5", &st, seen), "<3>;");
	CHECK_STR(operands(&st, ops), "5|");	/* an optional argument is only ever --name=VALUE */
	CHECK_STR(parse(&spec, "p --invert=x", &st, seen), "!");
	CHECK_STR(st.err, "option '--invert' takes no argument");
	CHECK_STR(parse(&spec, "p --bogus=1", &st, seen), "!");
	CHECK_STR(st.err, "unknown option '--bogus'");
	CHECK_STR(parse(&spec, "p -x", &st, seen), "!");
	CHECK_STR(st.err, "unknown option '-x'");
	CHECK_STR(parse(&spec, "p -iq", &st, seen), "i;!");
	CHECK_STR(st.err, "unknown option '-q'");
	CHECK_STR(parse(&spec, "p -w", &st, seen), "!");
	CHECK_STR(st.err, "option '-w' needs an argument");
	CHECK_STR(parse(&spec, "p --width", &st, seen), "!");
	CHECK_STR(st.err, "option '--width' needs an argument");
	CHECK_STR(parse(&spec, "p --help", &st, seen), "H;");
	CHECK_STR(parse(&spec, "p --he", &st, seen), "H;");
	CHECK_STR(parse(&spec, "p --version", &st, seen), "V;");

	/* Operands between options keep their order; "-" is an operand; "--" ends options. */
	CHECK_STR(parse(&spec, "p a -i b - -w 3 c -- -v d", &st, seen), "i;w=3;");
	CHECK_STR(operands(&st, ops), "a|b|-|c|-v|d|");
	CHECK_STR(parse(&spec, "p", &st, seen), "");
	CHECK_INT(st.argc, 0);
	CHECK_STR(parse(&spec, "p --", &st, seen), "");
	CHECK_INT(st.argc, 0);
	/* An option's argument may look like an option. */
	CHECK_STR(parse(&spec, "p -w -v x", &st, seen), "w=-v;");
	CHECK_STR(operands(&st, ops), "x|");
	/* OPT_POSIX: the first operand ends the options. */
	CHECK_STR(parse(&posix, "p -i prog -v --width=3 x", &st, seen), "i;");
	CHECK_STR(operands(&st, ops), "prog|-v|--width=3|x|");
	CHECK_STR(parse(&posix, "p -- -i", &st, seen), "");
	CHECK_STR(operands(&st, ops), "-i|");
	/* Repeated calls after the end keep returning OPT_END. */
	CHECK_INT(opt_next(&st), OPT_END);
	CHECK_INT(st.argc, 1);

	/* --help lists the usage line and every option. */
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	CHECK_INT(opt_help(fp, "tool", &spec), 0);
	fclose(fp);
	CHECK(strncmp(text, "Usage: tool [OPTIONS] FILE...\n\nAbout.\n\nOptions:\n", 48) == 0);
	CHECK(strstr(text, "\n  -w, --width=N             width\n") != NULL);
	CHECK(strstr(text, "\n      --long-only           long only\n") != NULL);
	CHECK(strstr(text, "\n      --wait[=SECS]         wait\n") != NULL);
	CHECK(strstr(text, "\n      --help                show this help and exit\n") != NULL);
	free(text);
	return unit_done("opt");
}
