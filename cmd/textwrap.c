/* textwrap: fill, wrap, align and normalise text, paragraph by paragraph, as Python's
 * textwrap.fill does, with widths in terminal columns (UAX #11, #29) and UAX #14 breaks.
 * Paragraphs are separated by blank lines; the filling itself is lib/wrap. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "io.h"
#include "msg.h"
#include "out.h"
#include "utf8.h"
#include "wrap.h"

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
	"columns (gzip and bzip2 read too; - or none is standard input).",
	opts, 0, CB_ERR
};

#define BLOCK (256 * 1024)
#define DECIDE (64 * 1024)	/* a line longer than this is streamed into its paragraph */
#define PART (1024 * 1024)	/* paragraph text filled in parts past this, when possible */
#define CONTEXT 64

struct tw {
	struct wrap *w;
	int stream;
	const char *prefix, *name;
	size_t plen, prlen;		/* the prefix, and without its trailing whitespace */
	struct buf para, line, out;
	size_t col, ctx;
	int inpara, open, warned;
	unsigned long long lineno;
};

static int blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\v' && p[i] != '\f')
			return 0;
	return 1;
}

/* Write the wrapped lines, with the prefix before each in -p mode. */
static void put_out(struct tw *t)
{
	if (!t->prefix) {
		out_write(out_stdout, t->out.p, t->out.len);
	} else {
		size_t i = 0;

		while (i < t->out.len) {
			const char *nl = memchr(t->out.p + i, '\n', t->out.len - i);
			size_t e = nl ? (size_t)(nl - t->out.p) + 1 : t->out.len;

			out_write(out_stdout, t->prefix, t->plen);
			out_write(out_stdout, t->out.p + i, e - i);
			i = e;
		}
	}
	t->out.len = 0;
}

static void flush_para(struct tw *t)
{
	if (!t->inpara)
		return;
	if (wrap_fill_part(t->w, t->para.p, t->ctx, t->para.len, 1, NULL, &t->out) < 0)
		msg_nomem();
	put_out(t);
	t->para.len = t->ctx = t->col = 0;
	t->inpara = 0;
	wrap_part_reset(t->w);
}

/* Add text of the current line or lines (munged) to the paragraph; fill what can be
 * filled. */
static void add_text(struct tw *t, const char *p, size_t n)
{
	size_t bad;

	if (!t->warned && (bad = utf8_valid_prefix(p, n)) < n) {
		unsigned long long line = t->lineno + 1;
		const char *q = p;

		while ((q = memchr(q, '\n', (size_t)(p + bad - q))))
			q++, line++;
		msg_warnat(t->name, line, "invalid UTF-8");
		t->warned = 1;
	}
	if (wrap_munge(t->w, p, n, &t->col, &t->para) < 0)
		msg_nomem();
	if (t->stream && t->para.len - t->ctx > PART) {
		size_t used, keep;

		if (wrap_fill_part(t->w, t->para.p, t->ctx, t->para.len, 0, &used, &t->out) < 0)
			msg_nomem();
		put_out(t);
		if (wrap_munge(t->w, "", 0, &t->col, &t->para) < 0)
			msg_nomem();
		keep = used < CONTEXT ? used : CONTEXT;
		memmove(t->para.p, t->para.p + used - keep, t->para.len - (used - keep));
		t->para.len -= used - keep;
		t->ctx = keep;
	}
}

/* A line that is text (not blank, prefix handled): start or continue a paragraph. */
static void text_line(struct tw *t, const char *p, size_t n)
{
	if (t->inpara)
		add_text(t, "\n", 1);
	t->inpara = 1;
	add_text(t, p, n);
}

/* A whole line, or the start of a long one (then t->open is set by the caller). */
static int classify(struct tw *t, const char **pp, size_t *np)
{
	const char *p = *pp;
	size_t n = *np;

	if (t->prefix) {
		if (n >= t->plen && !memcmp(p, t->prefix, t->plen)) {
			p += t->plen;
			n -= t->plen;
		} else if (n >= t->prlen && !memcmp(p, t->prefix, t->prlen) &&
		    blank(p + t->prlen, n - t->prlen)) {
			p += n;
			n = 0;
		} else {
			flush_para(t);
			return -1;	/* not ours: copied as is */
		}
	}
	*pp = p;
	*np = n;
	return !blank(p, n);
}

static void end_line_at(struct tw *t, const char *p, size_t n)
{
	const char *line = p;
	size_t len = n;
	int c;

	if (t->open) {
		t->open = 0;
	} else if ((c = classify(t, &p, &n)) < 0) {
		if (!t->warned && utf8_valid_prefix(line, len) < len) {
			msg_warnat(t->name, t->lineno + 1, "invalid UTF-8");
			t->warned = 1;
		}
		out_write(out_stdout, line, len);
		out_putc(out_stdout, '\n');
	} else if (c == 0) {
		flush_para(t);
		if (t->prefix)
			out_write(out_stdout, t->prefix, t->prlen);
		out_putc(out_stdout, '\n');
	} else {
		text_line(t, p, n);
	}
	t->line.len = 0;
	t->lineno++;
}

static void end_line(struct tw *t)
{
	end_line_at(t, t->line.p, t->line.len);
}

static void line_piece(struct tw *t, const char *p, size_t n)
{
	if (t->open) {
		add_text(t, p, n);
		return;
	}
	if (buf_add(&t->line, p, n) < 0)
		msg_nomem();
	if (t->line.len > DECIDE && t->stream && !blank(t->line.p, t->line.len)) {
		const char *q = t->line.p;
		size_t m = t->line.len;

		if (classify(t, &q, &m) > 0) {
			text_line(t, q, m);
			t->line.len = 0;
			t->open = 1;
		}
	}
}

/* The text lines that start P and end in it, added to the paragraph at once, their line
 * breaks included, as text_line would add them one by one: the bytes used (0 at a blank
 * line or one that goes on past P). */
static size_t text_lines(struct tw *t, const char *p, size_t n)
{
	const char *q = p, *e = p + n, *nl;
	unsigned long long k = 0;

	while (q < e && (nl = memchr(q, '\n', (size_t)(e - q)))) {
		if (nl == q || ((*q == ' ' || *q == '\t' || *q == '\r' || *q == '\v' || *q == '\f') &&
		    blank(q, (size_t)(nl - q))))
			break;
		q = nl + 1;
		k++;
	}
	if (!k)
		return 0;
	if (t->inpara)
		add_text(t, "\n", 1);
	t->inpara = 1;
	add_text(t, p, (size_t)(q - 1 - p));
	t->lineno += k;
	return (size_t)(q - p);
}

static void feed(struct tw *t, const char *p, size_t n)
{
	while (n) {
		const char *nl;

		if (!t->prefix && !t->open && !t->line.len) {
			size_t k = text_lines(t, p, n);

			p += k;
			n -= k;
			if (!n)
				return;
		}
		nl = memchr(p, '\n', n);

		if (!nl) {
			line_piece(t, p, n);
			return;
		}
		if (!t->open && !t->line.len) {
			end_line_at(t, p, (size_t)(nl - p));	/* whole in the block: no copy */
		} else {
			line_piece(t, p, (size_t)(nl - p));
			end_line(t);
		}
		n -= (size_t)(nl - p) + 1;
		p = nl + 1;
	}
}

/* Bytes at the end of P that may be the start of a UTF-8 sequence cut by the block. */
static size_t cut_tail(const char *p, size_t n)
{
	size_t k;

	for (k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = (unsigned char)p[n - k];

		if (c < 0x80)
			return 0;
		if (c >= 0xC0)
			return (c >= 0xF0 ? 4u : c >= 0xE0 ? 3u : 2u) > k ? k : 0;
	}
	return 0;
}

static int do_file(struct tw *t, const char *path, int dedent, char *blk)
{
	struct in *in = in_open(path);
	size_t carry = 0;
	int rc = 0;

	if (!in) {
		msg_warnsys("%s", path);
		return -1;
	}
	t->name = in_name(in);
	t->lineno = 0;
	t->warned = 0;
	if (dedent) {
		struct buf all = BUF_INIT;
		char *d;
		size_t dl;
		ssize_t r;

		while ((r = in_read(in, blk, BLOCK)) > 0)
			if (buf_add(&all, blk, (size_t)r) < 0)
				msg_nomem();
		if (r < 0) {
			msg_warn("%s: %s", t->name, in_error(in));
			rc = -1;
		}
		if (!(d = wrap_dedent(all.p ? all.p : "", all.len, &dl)))
			msg_nomem();
		feed(t, d, dl);
		free(d);
		buf_free(&all);
	} else {
		for (;;) {
			ssize_t r = in_read(in, blk + carry, BLOCK - carry);
			size_t n, keep;

			if (r < 0) {
				feed(t, blk, carry);
				msg_warn("%s: %s", t->name, in_error(in));
				rc = -1;
				break;
			}
			n = carry + (size_t)r;
			if (r == 0) {
				feed(t, blk, n);
				break;
			}
			keep = cut_tail(blk, n);
			feed(t, blk, n - keep);
			memmove(blk, blk + n - keep, keep);
			carry = keep;
		}
	}
	if (t->line.len || t->open)
		end_line(t);
	flush_para(t);
	in_close(in);
	return rc;
}

static int number(struct optstate *st, long *v, long min)
{
	char *end;

	errno = 0;
	*v = strtol(st->arg, &end, 10);
	if (errno || end == st->arg || *end || *v < min || *v > INT_MAX)
		return msg_usage(st, "invalid %s: '%s'", st->name, st->arg);
	return 0;
}

static int choose(struct optstate *st, const char *const *names, int *v)
{
	int i;

	for (i = 0; names[i]; i++) {
		if (!strcmp(st->arg, names[i])) {
			*v = i;
			return 0;
		}
	}
	return msg_usage(st, "invalid %s: '%s'", st->name, st->arg);
}

int textwrap_main(int argc, char **argv)
{
	static const char *const counts[] = { "columns", "codepoints", NULL };
	static const char *const aligns[] = { "left", "right", "center", "justify", NULL };
	static const char *const algos[] = { "greedy", "optimal", NULL };
	static const char *const lbs[] = { "simple", "uax14", NULL };
	static const char *const forms[] = { "nfc", "nfd", "nfkc", "nfkd", NULL };
	struct optstate st;
	struct wrap_opts o;
	struct tw t;
	char err[160], *blk;
	int c, i, v, dedent = 0, status = CB_OK;
	long width;

	memset(&t, 0, sizeof t);
	wrap_opts_init(&o);
	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END) {
		switch (c) {
		case O_ALGORITHM:
			if (choose(&st, algos, &v))
				return CB_ERR;
			o.algorithm = (enum wrap_algorithm)v;
			break;
		case 'a':
			if (choose(&st, aligns, &v))
				return CB_ERR;
			o.align = (enum wrap_align)v;
			break;
		case O_COUNT:
			if (choose(&st, counts, &v))
				return CB_ERR;
			o.count = (enum wrap_count)v;
			break;
		case O_DEDENT:
			dedent = 1;
			break;
		case O_FIXSENT:
			o.fix_sentence_endings = 1;
			break;
		case 'i':
			o.initial_indent = o.subsequent_indent = st.arg;
			break;
		case O_INITIAL:
			o.initial_indent = st.arg;
			break;
		case O_LINEBREAK:
			if (choose(&st, lbs, &v))
				return CB_ERR;
			o.linebreak = (enum wrap_linebreak)v;
			break;
		case O_MAXLINES:
			if (number(&st, &o.max_lines, 0))
				return CB_ERR;
			break;
		case O_NOBREAKLONG:
			o.break_long_words = 0;
			break;
		case O_NOBREAKHYPH:
			o.break_on_hyphens = 0;
			break;
		case O_NODROP:
			o.drop_whitespace = 0;
			break;
		case O_NOEXPAND:
			o.expand_tabs = 0;
			break;
		case O_NOREPLACE:
			o.replace_whitespace = 0;
			break;
		case 'n':
			if (choose(&st, forms, &o.normalize))
				return CB_ERR;
			break;
		case O_PLACEHOLDER:
			o.placeholder = st.arg;
			break;
		case 'p':
			t.prefix = st.arg;
			break;
		case O_SHORTEN:
			o.shorten = 1;
			break;
		case O_STRIPANSI:
			o.strip_ansi = 1;
			break;
		case O_SUBSEQUENT:
			o.subsequent_indent = st.arg;
			break;
		case O_TABSIZE:
			if (number(&st, &o.tabsize, LONG_MIN))
				return CB_ERR;
			break;
		case 'w':
			if (number(&st, &o.width, LONG_MIN))
				return CB_ERR;
			break;
		default:
			return msg_option(&st, c);
		}
	}
	if (o.shorten && o.max_lines >= 0)
		return msg_usage(&st, "--shorten and --max-lines cannot be used together");
	if (o.algorithm == WRAP_OPTIMAL && (o.max_lines >= 0 || o.shorten))
		return msg_usage(&st, "--algorithm=optimal does not truncate: no --max-lines or --shorten");
	if (o.linebreak == WRAP_LB_UAX14 && o.count == WRAP_CODEPOINTS)
		return msg_usage(&st, "--linebreak=uax14 needs --count=columns");
	width = o.width;
	if (t.prefix) {
		struct wrap_opts po = o;
		struct wrap *pw;

		/* The prefix is part of the width. */
		po.width = 1 << 20;
		if (!(pw = wrap_new(&po, err, sizeof err)))
			return errno == ENOMEM ? (msg_nomem(), CB_ERR) : msg_usage(&st, "%s", err);
		t.plen = strlen(t.prefix);
		o.width -= (long)wrap_width(pw, t.prefix, t.plen);
		wrap_free(pw);
		for (t.prlen = t.plen; t.prlen && blank(t.prefix + t.prlen - 1, 1); t.prlen--)
			;
		if (o.width <= 0)
			return msg_usage(&st, "width %ld leaves no room after the prefix '%s'", width, t.prefix);
	}
	if (!(t.w = wrap_new(&o, err, sizeof err))) {
		if (errno == ENOMEM)
			msg_nomem();
		return msg_usage(&st, "%s", err);
	}
	t.stream = wrap_can_stream(t.w);
	blk = xmalloc(BLOCK);
	if (st.argc == 0) {
		if (do_file(&t, "-", dedent, blk) < 0)
			status = CB_ERR;
	}
	for (i = 0; i < st.argc; i++)
		if (do_file(&t, st.argv[i], dedent, blk) < 0)
			status = CB_ERR;
	free(blk);
	buf_free(&t.para);
	buf_free(&t.line);
	buf_free(&t.out);
	wrap_free(t.w);
	return status;
}
