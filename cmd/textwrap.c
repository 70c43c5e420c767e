/* textwrap: fill, wrap, align and normalise text, paragraph by paragraph, as Python's
 * textwrap.fill does, with widths in terminal columns (UAX #11, #29) and UAX #14 breaks.
 * Not implemented yet: the interface is parsed and documented, the work is issue 3. */
#include "msg.h"

enum { O_ALGORITHM = 256, O_COUNT, O_DEDENT, O_FIXSENT, O_INITIAL, O_LINEBREAK, O_MAXLINES,
	O_NOBREAKLONG, O_NOBREAKHYPH, O_NODROP, O_NOEXPAND, O_NOREPLACE, O_PLACEHOLDER, O_SHORTEN,
	O_STRIPANSI, O_SUBSEQUENT, O_TABSIZE };

static const struct opt opts[] = {
	{ O_ALGORITHM, "algorithm", OPT_REQ, "NAME", "greedy, or optimal: least ragged (greedy)" },
	{ 'a', "align", OPT_REQ, "HOW", "left, right, center or justify (left)" },
	{ O_COUNT, "count", OPT_REQ, "UNIT", "measure width in columns or codepoints (columns)" },
	{ O_DEDENT, "dedent", OPT_NONE, NULL, "remove the input's common leading whitespace first" },
	{ O_FIXSENT, "fix-sentence-endings", OPT_NONE, NULL, "two spaces after a sentence's end" },
	{ 'i', "indent", OPT_REQ, "STR", "put STR before every line (both indents)" },
	{ O_INITIAL, "initial-indent", OPT_REQ, "STR", "put STR before a paragraph's first line" },
	{ O_LINEBREAK, "linebreak", OPT_REQ, "RULES", "break opportunities: simple or uax14 (simple)" },
	{ O_MAXLINES, "max-lines", OPT_REQ, "N", "at most N lines per paragraph, then the placeholder" },
	{ O_NOBREAKLONG, "no-break-long-words", OPT_NONE, NULL, "let words wider than the width overflow" },
	{ O_NOBREAKHYPH, "no-break-on-hyphens", OPT_NONE, NULL, "do not break after hyphens" },
	{ O_NODROP, "no-drop-whitespace", OPT_NONE, NULL, "keep whitespace at line ends" },
	{ O_NOEXPAND, "no-expand-tabs", OPT_NONE, NULL, "do not expand tabs to spaces" },
	{ O_NOREPLACE, "no-replace-whitespace", OPT_NONE, NULL, "keep each whitespace character as is" },
	{ 'n', "normalize", OPT_REQ, "FORM", "normalise to nfc, nfd, nfkc or nfkd before measuring" },
	{ O_PLACEHOLDER, "placeholder", OPT_REQ, "STR", "marks truncated text (\" [...]\")" },
	{ 'p', "prefix", OPT_REQ, "STR", "reformat only lines starting with STR, kept on output" },
	{ O_SHORTEN, "shorten", OPT_NONE, NULL, "collapse and truncate each paragraph to one line" },
	{ O_STRIPANSI, "strip-ansi", OPT_NONE, NULL, "remove ANSI escape sequences" },
	{ O_SUBSEQUENT, "subsequent-indent", OPT_REQ, "STR", "put STR before a paragraph's other lines" },
	{ O_TABSIZE, "tabsize", OPT_REQ, "N", "tab stops every N columns (8)" },
	{ 'w', "width", OPT_REQ, "N", "the widest line, in columns (70)" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] [FILE...]",
	"Fill each paragraph of each FILE to a width, as Python's textwrap.fill, counting terminal "
	"columns (gzip and bzip2 read too; - or none is standard input). "
	"Not implemented yet in this version of cookbox.",
	opts, 0, CB_ERR
};

int textwrap_main(int argc, char **argv)
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
