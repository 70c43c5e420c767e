/* fnmatch: match names or lines against shell wildcard patterns (POSIX fnmatch(3) as glibc,
 * or Python's fnmatch), and expand them against the file system like Python's glob.
 * Not implemented yet: the interface is parsed and documented, the work is issue 4. */
#include "msg.h"

enum { O_HIDDEN = 256, O_INPUT, O_LEADINGDIR, O_NOESCAPE, O_PERIOD, O_PYTHON, O_TRANSLATE };

static const struct opt opts[] = {
	{ 'b', "braces", OPT_NONE, NULL, "expand {a,b,c} alternatives (nestable)" },
	{ 'c', "count", OPT_NONE, NULL, "print only the number of matching names" },
	{ 'e', NULL, OPT_REQ, "PATTERN", "a pattern to match (repeatable)" },
	{ 'f', NULL, OPT_REQ, "FILE", "read patterns from FILE, one per line" },
	{ 'g', "glob", OPT_NONE, NULL, "expand the PATTERN operands against the file system" },
	{ O_HIDDEN, "hidden", OPT_NONE, NULL, "with -g, wildcards match names starting with ." },
	{ 'i', "ignore-case", OPT_NONE, NULL, "match with Unicode case folding" },
	{ O_INPUT, "input", OPT_REQ, "FILE", "read the names from FILE, not standard input" },
	{ 'L', NULL, OPT_NONE, NULL, "with -g, ** follows symbolic links to directories" },
	{ O_LEADINGDIR, "leading-dir", OPT_NONE, NULL, "the pattern may match a leading part up to a /" },
	{ O_NOESCAPE, "no-escape", OPT_NONE, NULL, "backslash is an ordinary character" },
	{ 'p', "pathname", OPT_NONE, NULL, "wildcards never match /; **/ matches directories" },
	{ O_PERIOD, "period", OPT_NONE, NULL, "a leading . must be matched explicitly" },
	{ O_PYTHON, "python", OPT_NONE, NULL, "exactly Python's fnmatch.fnmatchcase semantics" },
	{ 'q', "quiet", OPT_NONE, NULL, "print nothing; the exit status tells" },
	{ O_TRANSLATE, "translate", OPT_NONE, NULL, "print each pattern as a PCRE2 regex and exit" },
	{ 'v', "invert-match", OPT_NONE, NULL, "select the names that do not match" },
	{ 'x', "extmatch", OPT_NONE, NULL, "ksh extended patterns ?(a|b) *() +() @() !()" },
	{ 'z', "null", OPT_NONE, NULL, "names are NUL-terminated, in and out" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] PATTERN [NAME...]\n"
	"[OPTIONS] -e PATTERN ... [NAME...]\n"
	"[OPTIONS] -f FILE ... [NAME...]\n"
	"[OPTIONS] -g PATTERN...",
	"Print each NAME, or each line of standard input, that a shell wildcard PATTERN matches; "
	"with -g, the paths that match. Not implemented yet in this version of cookbox.",
	opts, 0, CB_ERR
};

int fnmatch_main(int argc, char **argv)
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
