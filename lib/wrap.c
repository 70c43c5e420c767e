/* wrap: Python 3.11 textwrap (TextWrapper._split, _wrap_chunks, _handle_long_word, shorten,
 * dedent) reimplemented over byte buffers, with widths in code points or in terminal columns
 * (UAX #11 over UAX #29 clusters), CJK, ZWSP and soft hyphen breaks or UAX #14, ANSI escapes
 * of width 0 carried over breaks, alignment, and minimum raggedness (Knuth-Plass style). */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"
#include "linebreak.h"
#include "utf8.h"
#include "wrap.h"

/* Classes of a unit (a code point, or a grapheme cluster in column mode). */
enum {
	U_WS = 1 << 0,		/* Python's whitespace class: \t \n \v \f \r and space */
	U_SPACE = 1 << 1,	/* str.isspace(): what strip() removes */
	U_WORD = 1 << 2,	/* \w */
	U_LETTER = 1 << 3,	/* [^\d\W] */
	U_WP = 1 << 4,		/* [\w!"'&.,?] */
	U_DASH = 1 << 5,	/* '-' */
	U_IDEO = 1 << 6,	/* CJK: a break may come on either side */
	U_NOSTART = 1 << 7,	/* closing punctuation: never at the start of a line */
	U_NOEND = 1 << 8,	/* opening punctuation: never at the end of a line */
	U_GLUE = 1 << 9,	/* NBSP, WJ, ZWJ: no break on either side */
	U_ZWSP = 1 << 10,	/* a break may follow */
	U_SHY = 1 << 11,	/* a break may follow, showing '-' */
	U_ESC = 1 << 12		/* an ANSI escape sequence */
};

enum { CK_WS = 1, CK_TWOSP = 2, CK_SHY = 4, CK_CUT = 8 };

struct chunk {
	size_t off, len, w;
	unsigned fl;
};

/* A chunk that may start a line, for the minimum-raggedness search. */
struct cand {
	size_t pre;	/* the width of the chunks before it */
	double cost;	/* the least cost of the lines before it */
	long long q;	/* the same, in dp_exact */
	size_t i;	/* its index */
};

/* A candidate in dp_mono's queue: a line from it ending where the chunks before the end are
 * E wide has slack A - E + P (A: the width of lines after the first) and costs Q plus the
 * square; from E = T on it is as good as the candidate before it in the queue. */
struct mq {
	long long p, q, t;
	size_t i;
};

/* A chunk that is not spaces, in optimal_ascii: its offsets (its width is E - S), the least
 * cost of lines up to its end, and the start of the last of them. */
struct item {
	size_t s, e;
	long long c;
	size_t prev;
};

struct piece {
	size_t off, len, w;
	unsigned fl;
};

struct wrap {
	struct wrap_opts o;
	char *ii, *si, *ph;
	size_t iilen, silen, phlen, iiw, siw, phw, phlw, phloff;
	int cols, ansi, uax14;
	int plain, phesc, pend_plain;
	uint32_t *memo;		/* per BMP code point: MEMO_* (NULL: none) */	/* text is plain ASCII; ESC in placeholder; in line */
	struct buf text, tmp, lb;
	struct chunk *ch;
	size_t nch, chcap;
	/* optimal */
	double *cost;
	size_t *prev, *pre, dpcap;
	struct cand *st;
	struct mq *mq;
	size_t mqcap;
	struct item *it;
	size_t itcap;
	size_t *ib, ibcap;	/* the items' bytes, for optimal_units */
	uint32_t *rcp;		/* 2^32 / 2d for d < nrcp, for dp_mono */
	size_t nrcp;
	/* state across the parts of a paragraph */
	unsigned long nlines;
	int pend, dropped, midword;
	size_t midlen;		/* the rest of the chunk cut at the stop, if its end is known */
	unsigned midfl;
	size_t pend_off, pend_content;
	char sgr[256], link[512];
	size_t sgrlen, linklen;
};

static const unsigned short asciitab[128] = {
	['\t'] = U_WS | U_SPACE, ['\n'] = U_WS | U_SPACE, ['\v'] = U_WS | U_SPACE,
	['\f'] = U_WS | U_SPACE, ['\r'] = U_WS | U_SPACE, [' '] = U_WS | U_SPACE,
	[0x1c] = U_SPACE, [0x1d] = U_SPACE, [0x1e] = U_SPACE, [0x1f] = U_SPACE,
	['!'] = U_WP | U_NOSTART, ['"'] = U_WP, ['\''] = U_WP, ['&'] = U_WP, ['.'] = U_WP | U_NOSTART,
	[','] = U_WP | U_NOSTART, ['?'] = U_WP | U_NOSTART, ['-'] = U_DASH,
	[')'] = U_NOSTART, [']'] = U_NOSTART, ['}'] = U_NOSTART, [':'] = U_NOSTART,
	[';'] = U_NOSTART, ['('] = U_NOEND, ['['] = U_NOEND, ['{'] = U_NOEND,
	['_'] = U_WORD | U_LETTER | U_WP,
#define D(c) [c] = U_WORD | U_WP
	D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
#undef D
#define L(c) [c] = U_WORD | U_LETTER | U_WP, [c + 32] = U_WORD | U_LETTER | U_WP
	L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
	L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
	L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

/* Columns of an ASCII byte on its own: printable 1, whitespace 1 (as Python counts it). */
static inline size_t asciiw(unsigned c)
{
	return (c >= 0x20 && c < 0x7F) || (asciitab[c] & U_WS);
}

/* str.isspace() beyond ASCII. */
static int pyspace(int32_t cp)
{
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
		cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static unsigned cpclass(int32_t cp, int cols)
{
	const utf8proc_property_t *p;
	unsigned c = 0;

	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return asciitab[cp];
	p = utf8proc_get_property(cp);
	switch (p->category) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		c = U_WORD | U_LETTER | U_WP;
		break;
	case UTF8PROC_CATEGORY_ND:
		c = U_WORD | U_WP;
		break;
	default:
		break;
	}
	if (pyspace(cp))
		c |= U_SPACE;
	if (!cols)
		return c;
	/* In columns the no-break spaces are glue, not space. */
	if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F)
		c &= ~(unsigned)U_SPACE;
	switch (lb_class(cp)) {
	case LB_ID: case LB_H2: case LB_H3: case LB_JL: case LB_JV: case LB_JT: case LB_EB:
		c |= U_IDEO;
		break;
	case LB_CJ: case LB_NS: case LB_CL: case LB_CP: case LB_EX: case LB_IS: case LB_CM:
		c |= U_NOSTART;
		break;
	case LB_OP:
		c |= U_NOEND;
		break;
	case LB_GL: case LB_WJ: case LB_ZWJ:
		c |= U_GLUE;
		break;
	case LB_ZW:
		c |= U_ZWSP;
		break;
	default:
		break;
	}
	if (cp == 0xAD)
		c |= U_SHY;
	return c;
}

/* Length of the escape sequence at S (S[0] is ESC): CSI, OSC (to BEL or ST), or ESC X. */
static size_t esclen(const unsigned char *s, size_t n)
{
	size_t i;

	if (n < 2)
		return 1;
	if (s[1] == '[') {
		for (i = 2; i < n && s[i] >= 0x20 && s[i] < 0x40; i++)
			;
		return i < n && s[i] >= 0x40 && s[i] <= 0x7E ? i + 1 : i;
	}
	if (s[1] == ']') {
		for (i = 2; i < n; i++) {
			if (s[i] == 7)
				return i + 1;
			if (s[i] == 0x1B)
				return i + 1 < n && s[i + 1] == '\\' ? i + 2 : i;
			if (s[i] < 0x20)
				return i;
		}
		return n;
	}
	return s[1] >= 0x20 && s[1] < 0x7F ? 2 : 1;
}

/* A valid 2- or 3-byte UTF-8 sequence at S: its length and code point, else 0. */
static inline size_t dec23(const unsigned char *s, size_t n, int32_t *cp)
{
	if (s[0] < 0xC2 || s[0] >= 0xF0)
		return 0;
	if (s[0] < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = (int32_t)((s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu));
		return 2;
	}
	if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
	    (s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F))
		return 0;
	*cp = (int32_t)((s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
	return 3;
}

/* The memo of a BMP code point: its class, its width alone, and whether it is of grapheme
 * break class Other (then it is a cluster of its own before another such or ASCII). */
enum { MEMO_KNOWN = 1u << 31, MEMO_OTHER = 1u << 30, MEMO_WSHIFT = 24 };

static inline uint32_t memo(const struct wrap *w, int32_t cp)
{
	uint32_t m = w->memo[cp];

	if (!m) {
		m = MEMO_KNOWN | cpclass(cp, w->cols) |
			(uint32_t)utf8_cpwidth(cp) << MEMO_WSHIFT;
		if (utf8proc_get_property(cp)->boundclass == UTF8PROC_BOUNDCLASS_OTHER)
			m |= MEMO_OTHER;
		w->memo[cp] = m;
	}
	return m;
}

static size_t slow_unit(const struct wrap *w, const unsigned char *s, size_t n, unsigned *cls,
	size_t *wd)
{
	int32_t cp;
	size_t l;


	if (s[0] == 0x1B && w->ansi) {
		*cls = U_ESC;
		*wd = 0;
		return esclen(s, n);
	}
	if (!w->cols) {
		l = utf8_decode((const char *)s, n, &cp);
		*cls = cpclass(cp, 0);
		*wd = 1;
		return l;
	}
	{
		int cw;
		size_t cl = utf8_cluster((const char *)s, n, &cw);

		l = utf8_decode((const char *)s, n, &cp);
		*cls = cpclass(cp, 1);
		*wd = (size_t)cw;
		if (cl > l) {
			/* A space with marks on it is not a space; no break inside the cluster. */
			*cls &= ~(unsigned)(U_WS | U_SPACE | U_SHY | U_ZWSP);
			if (cp >= 0 && cp < 0x80 && (asciitab[cp] & U_WS) && !cw)
				*wd = 1;
		} else if (cp >= 0 && cp < 0x80 && (asciitab[cp] & U_WS)) {
			*wd = 1;
		}
		return cl;
	}
}

/* The unit at S (N > 0): its length, class and width. */
static inline size_t unit(const struct wrap *w, const unsigned char *s, size_t n, unsigned *cls,
	size_t *wd)
{
	if (s[0] < 0x80 && s[0] != 0x1B && (n == 1 || s[1] < 0x80 || !w->cols)) {
		*cls = asciitab[s[0]];
		*wd = w->cols ? asciiw(s[0]) : 1;
		return 1;
	}
	if (w->memo) {
		/* Most of CJK text: a code point of class Other followed by ASCII, the end or
		 * another such is a cluster alone (GB999), as utf8_cluster would find. */
		int32_t cp, nx;
		size_t l = dec23(s, n, &cp);
		uint32_t m;

		if (l) {
			m = memo(w, cp);
			if (!w->cols) {
				*cls = m & 0xFFFF;
				*wd = 1;
				return l;
			}
			if ((m & MEMO_OTHER) && (l == n || s[l] < 0x80 ||
			    (dec23(s + l, n - l, &nx) && (memo(w, nx) & MEMO_OTHER)))) {
				*cls = m & 0xFFFF;
				*wd = m >> MEMO_WSHIFT & 3;
				return l;
			}
		}
	}
	return slow_unit(w, s, n, cls, wd);
}

size_t wrap_width(const struct wrap *w, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, t = 0;

	if (!w->cols) {
		while (i < n) {
			int32_t cp;

			if (u[i] < 0x80) {
				i++;
			} else {
				i += utf8_decode(s + i, n - i, &cp);
			}
			t++;
		}
		return t;
	}
	while (i < n) {
		unsigned c;
		size_t wd;

		while (i + 1 < n && u[i] < 0x80 && u[i + 1] < 0x80 && u[i] != 0x1B)
			t += asciiw(u[i++]);
		if (i == n)
			break;
		i += unit(w, u + i, n - i, &c, &wd);
		t += wd;
	}
	return t;
}

/* 1 if the units (code points or clusters) of S are all spaces, as str.strip() sees them. */
static int allspace(const struct wrap *w, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c;
		size_t wd;

		i += unit(w, u + i, n - i, &c, &wd);
		if (!(c & U_SPACE))
			return 0;
	}
	return 1;
}

void wrap_opts_init(struct wrap_opts *o)
{
	memset(o, 0, sizeof *o);
	o->width = 70;
	o->tabsize = 8;
	o->expand_tabs = o->replace_whitespace = o->drop_whitespace = 1;
	o->break_long_words = o->break_on_hyphens = 1;
	o->normalize = -1;
	o->max_lines = -1;
}

static char *dup(const char *s, size_t *len)
{
	char *p;

	*len = strlen(s);
	if (!(p = malloc(*len + 1)))
		return NULL;
	memcpy(p, s, *len + 1);
	return p;
}

struct wrap *wrap_new(const struct wrap_opts *o, char *err, size_t errlen)
{
	struct wrap *w = calloc(1, sizeof *w);
	size_t ind;

	if (!w)
		return NULL;
	w->o = *o;
	w->cols = o->count == WRAP_COLUMNS;
	w->ansi = w->cols && !o->strip_ansi;
	w->uax14 = w->cols && o->linebreak == WRAP_LB_UAX14;
	if (o->shorten)
		w->o.max_lines = 1;
	if (!(w->ii = dup(o->initial_indent ? o->initial_indent : "", &w->iilen)) ||
	    !(w->si = dup(o->subsequent_indent ? o->subsequent_indent : "", &w->silen)) ||
	    !(w->ph = dup(o->placeholder ? o->placeholder : " [...]", &w->phlen))) {
		wrap_free(w);
		errno = ENOMEM;
		return NULL;
	}
	w->phesc = memchr(w->ph, 0x1B, w->phlen) != NULL;
	w->memo = calloc(0x10000, sizeof *w->memo);	/* none is fine: slower */
	w->iiw = wrap_width(w, w->ii, w->iilen);
	w->siw = wrap_width(w, w->si, w->silen);
	w->phw = wrap_width(w, w->ph, w->phlen);
	{
		const unsigned char *u = (const unsigned char *)w->ph;
		size_t i = 0;

		while (i < w->phlen) {
			unsigned c;
			size_t wd, l = unit(w, u + i, w->phlen - i, &c, &wd);

			if (!(c & U_SPACE))
				break;
			i += l;
		}
		w->phloff = i;
		w->phlw = wrap_width(w, w->ph + i, w->phlen - i);
	}
	ind = w->o.max_lines > 1 ? w->siw : w->iiw;
	if (o->width <= 0) {
		snprintf(err, errlen, "invalid width %ld (must be > 0)", o->width);
	} else if ((size_t)o->width < w->iiw || (size_t)o->width < w->siw) {
		snprintf(err, errlen, "width %ld is smaller than the indent (%zu)", o->width,
			w->iiw > w->siw ? w->iiw : w->siw);
	} else if (w->o.max_lines >= 0 && ind + w->phlw > (size_t)o->width) {
		snprintf(err, errlen, "placeholder too large for max width");
	} else {
		return w;
	}
	wrap_free(w);
	errno = EINVAL;
	return NULL;
}

void wrap_free(struct wrap *w)
{
	if (!w)
		return;
	free(w->ii);
	free(w->si);
	free(w->ph);
	buf_free(&w->text);
	buf_free(&w->tmp);
	buf_free(&w->lb);
	free(w->ch);
	free(w->memo);
	free(w->cost);
	free(w->prev);
	free(w->pre);
	free(w->st);
	free(w->mq);
	free(w->rcp);
	free(w->it);
	free(w->ib);
	free(w);
}

int wrap_can_stream(const struct wrap *w)
{
	return w->o.max_lines < 0 && w->o.algorithm == WRAP_GREEDY && !w->o.shorten &&
		(w->o.drop_whitespace || !w->o.fix_sentence_endings);
}

void wrap_part_reset(struct wrap *w)
{
	w->nlines = 0;
	w->pend = 0;
	w->dropped = w->midword = 0;
	w->midlen = 0;
}

/* ---- Munging: strip escapes, normalise, collapse (shorten), expand tabs, replace. ---- */

/* Remove the escape sequences from B[START..). */
static void strip_esc(struct buf *b, size_t start)
{
	unsigned char *u = (unsigned char *)b->p;
	size_t i = start, o = start;

	while (i < b->len) {
		unsigned char *e = memchr(u + i, 0x1B, b->len - i);
		size_t k = e ? (size_t)(e - u) : b->len;

		memmove(u + o, u + i, k - i);
		o += k - i;
		i = k;
		if (e)
			i += esclen(u + i, b->len - i);
	}
	b->len = o;
	b->p[o] = '\0';
}

/* ' '.join(text.strip().split()), in place. */
static void collapse(const struct wrap *w, struct buf *b)
{
	const unsigned char *u = (const unsigned char *)b->p;
	size_t i = 0, o = 0;
	int space = 0;

	while (i < b->len) {
		unsigned c;
		size_t wd, l = unit(w, u + i, b->len - i, &c, &wd);

		if (c & U_SPACE) {
			space = o > 0;
		} else {
			if (space)
				b->p[o++] = ' ';
			space = 0;
			memmove(b->p + o, u + i, l);
			o += l;
		}
		i += l;
	}
	b->len = o;
	b->p[o] = '\0';
}

/* str.expandtabs on B[START..), in the wrapper's unit; *COL carries the column. */
static int expand_tabs(struct wrap *w, struct buf *b, size_t start, size_t *col)
{
	const unsigned char *u = (const unsigned char *)b->p;
	size_t i = start;
	long ts = w->o.tabsize;

	w->tmp.len = 0;
	while (i < b->len) {
		unsigned c;
		size_t wd, l;

		if (u[i] == '\t') {
			if (ts > 0) {
				size_t k = (size_t)ts - *col % (size_t)ts;

				if (buf_grow(&w->tmp, k) < 0)
					return -1;
				memset(w->tmp.p + w->tmp.len, ' ', k);
				w->tmp.len += k;
				*col += k;
			}
			i++;
			continue;
		}
		l = unit(w, u + i, b->len - i, &c, &wd);
		if (u[i] == '\n' || u[i] == '\r')
			*col = 0;
		else
			*col += w->cols ? wd : wrap_width(w, (const char *)u + i, l);
		if (buf_add(&w->tmp, u + i, l) < 0)
			return -1;
		i += l;
	}
	b->len = start;
	return buf_add(b, w->tmp.p, w->tmp.len);
}

/* 1 if S[0..N) has a byte below 0x20. */
static int has_ctl(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		if ((x - 0x20 * ones) & ~x & high)
			return 1;
	}
	for (; i < n; i++)
		if (s[i] < 0x20)
			return 1;
	return 0;
}

int wrap_munge(struct wrap *w, const char *s, size_t n, size_t *col, struct buf *b)
{
	size_t start = b->len, i;
	int ctl;
	unsigned char *u;

	if (buf_add(b, s, n) < 0)
		return -1;
	if (w->o.strip_ansi && memchr(b->p + start, 0x1B, n))
		strip_esc(b, start);
	if (w->o.normalize >= 0) {
		size_t l;
		char *p = utf8_normalize(b->p + start, b->len - start, (enum utf8_form)w->o.normalize, &l);
		int r;

		if (!p)
			return -1;
		b->len = start;
		r = buf_add(b, p, l);
		free(p);
		if (r < 0)
			return -1;
	}
	if (w->o.shorten)
		return 0;	/* collapsed before filling, as textwrap.shorten does first */
	/* Without control characters (most lines) there is no tab and nothing to replace. */
	ctl = has_ctl((const unsigned char *)b->p + start, b->len - start);
	if (w->o.expand_tabs) {
		int tab = ctl && memchr(b->p + start, '\t', b->len - start) != NULL;

		if (*col == SIZE_MAX && (tab || !n)) {
			/* The column was left unknown: measure the line so far. */
			size_t k = start;

			while (k > 0 && b->p[k - 1] != '\n' && b->p[k - 1] != '\r')
				k--;
			*col = wrap_width(w, b->p + k, start - k);
		}
		if (tab) {
			if (expand_tabs(w, b, start, col) < 0)
				return -1;
		} else if (n) {
			/* Only the column after the last line break matters, and only if a tab
			 * follows on the same line: 0 after a break, else unknown until then. */
			char last = b->p[b->len - 1];

			*col = last == '\n' || last == '\r' ? 0 : SIZE_MAX;
		}
	}
	if (w->o.replace_whitespace && ctl) {
		u = (unsigned char *)b->p;
		i = start;
#if defined(__SSE2__)
		{
			/* 32 bytes at a time: a byte is below 0x20 when max(byte, 0x20) is not
			 * itself; each one found is looked at alone. */
			const __m128i sp = _mm_set1_epi8(0x20);

			while (b->len - i >= 32) {
				__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
				__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 16));
				unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v0, sp), v0)) |
					(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v1, sp), v1)) << 16;

				for (m = ~m; m; m &= m - 1) {
					size_t k = i + (unsigned)__builtin_ctz(m);

					if (asciitab[u[k]] & U_WS)
						u[k] = ' ';
				}
				i += 32;
			}
		}
#endif
		while (i < b->len) {
			if (b->len - i >= 8) {
				/* Eight bytes at a time: skip words with no byte below 0x20. */
				uint64_t x;

				memcpy(&x, u + i, 8);
				x = (x - 0x2020202020202020u) & ~x & 0x8080808080808080u;
				if (!x) {
					i += 8;
					continue;
				}
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				/* The lowest byte marked is one below 0x20 (a false mark has one
				 * below it). */
				i += (unsigned)__builtin_ctzll(x) >> 3;
#endif
			}
			if (u[i] < 0x20 && (asciitab[u[i]] & U_WS))
				u[i] = ' ';
			i++;
		}
	}
	return 0;
}

/* ---- Chunking: TextWrapper.wordsep_re (or wordsep_simple_re), plus extra breaks. ---- */

static int grow_chunks(struct wrap *w)
{
	size_t cap = w->chcap ? w->chcap * 2 : 256;
	struct chunk *p = realloc(w->ch, cap * sizeof *p);

	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	w->ch = p;
	w->chcap = cap;
	return 0;
}

static inline int add_chunk(struct wrap *w, size_t off, size_t len, size_t wd, unsigned fl)
{
	struct chunk *c;

	if (w->nch == w->chcap && grow_chunks(w) < 0)
		return -1;
	c = &w->ch[w->nch++];
	c->off = off;
	c->len = len;
	c->w = wd;
	c->fl = fl;
	return 0;
}

/* -{2,} at P followed by \w: the end of the dashes, else 0. */
static size_t emdash_at(const struct wrap *w, const unsigned char *s, size_t p, size_t n)
{
	size_t q = p, k = 0;
	unsigned c = 0;
	size_t wd, l = 0;

	while (q < n) {
		l = unit(w, s + q, n - q, &c, &wd);
		if (!(c & U_DASH))
			break;
		q += l;
		k++;
	}
	return k >= 2 && q < n && (c & U_WORD) ? q : 0;
}

/* The hyphen alternative: a '-' ending at X after letters (L1 nearest; lt lt - or
 * lt - lt -) and followed by lt -? lt. */
static int hyphen_break(const struct wrap *w, const unsigned char *s, size_t x, size_t n,
	unsigned l1, unsigned l2, unsigned l3)
{
	unsigned a1 = 0, a2 = 0, a3 = 0;
	size_t aw;

	if (!((l1 & U_LETTER) && ((l2 & U_LETTER) || ((l2 & U_DASH) && (l3 & U_LETTER)))))
		return 0;
	if (x < n) {
		x += unit(w, s + x, n - x, &a1, &aw);
		if (x < n) {
			x += unit(w, s + x, n - x, &a2, &aw);
			if (x < n && (a2 & U_DASH))
				unit(w, s + x, n - x, &a3, &aw);
		}
	}
	return (a1 & U_LETTER) && ((a2 & U_LETTER) || ((a2 & U_DASH) && (a3 & U_LETTER)));
}

/* A break opportunity between units of classes X and Y in CJK text (kinsoku shori). */
static inline int cjk_break(unsigned x, unsigned y)
{
	if (x & (U_ZWSP | U_SHY))
		return !(y & U_NOSTART) || (y & U_IDEO);
	if (!((x | y) & U_IDEO))
		return 0;
	return !(y & (U_NOSTART | U_GLUE)) && !(x & (U_NOEND | U_GLUE));
}

/* 1 if S[0..N) is all printable ASCII and spaces (0x20..0x7E): then every unit is one byte
 * of width 1, no escape, cluster or CJK rule applies, and the only whitespace is ' '. */
static int plain_ascii(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t acc = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		/* a byte below 0x20, or one of 0x7F and up */
		acc |= ((x - 0x20 * ones) & ~x) | x | (x + ones);
		if ((i & 63) == 56 && (acc & high))
			return 0;	/* (not ASCII text: found early) */
	}
	if (acc & high)
		return 0;
	for (; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7E)
			return 0;
	return 1;
}

/* The first ' ' or '-' in S[E..N), or N. */
static inline size_t skip_word(const unsigned char *s, size_t e, size_t n)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;

	for (; e + 8 <= n; e += 8) {
		uint64_t x, a, b, m;

		memcpy(&x, s + e, 8);
		a = x ^ (0x20 * ones);
		b = x ^ (0x2D * ones);
		/* the lowest zero byte of A or B is exact (false hits only above it) */
		m = (((a - ones) & ~a) | ((b - ones) & ~b)) & high;
		if (m)
			return e + ((unsigned)__builtin_ctzll(m) >> 3);
	}
#endif
	while (e < n && s[e] != ' ' && s[e] != '-')
		e++;
	return e;
}

/* tokenize() for plain ASCII text (plain_ascii): the same rules over bytes. The units
 * before P0 have classes C1 (nearest), C2, C3; past P0 the class of a unit is its byte's. */
static int tokenize_ascii(struct wrap *w, const unsigned char *s, size_t p, size_t n,
	unsigned c1, unsigned c2, unsigned c3, int midword)
{
	const int hyph = w->o.break_on_hyphens;
	const size_t p0 = p;
	const unsigned ctx[3] = { c1, c2, c3 };
	/* the class of the unit D (1 to 3) before E */
#define BEFORE(e, d) ((e) - p0 >= (d) ? asciitab[s[(e) - (d)]] : ctx[(d) - 1 - ((e) - p0)])

	while (p < n) {
		size_t e, q;

		if (s[p] == ' ') {
			e = p + 1;
			while (e < n && s[e] == ' ')
				e++;
			if (add_chunk(w, p, e - p, e - p, CK_WS) < 0)
				return -1;
			p = e;
			continue;
		}
		if (midword) {
			midword = 0;
			if (hyph && s[p] == '-' &&
			    hyphen_break(w, s, p + 1, n, BEFORE(p, 1), BEFORE(p, 2), BEFORE(p, 3))) {
				if (add_chunk(w, p, 1, 1, 0) < 0)
					return -1;
				p++;
				continue;
			}
		} else if (hyph && s[p] == '-' && (BEFORE(p, 1) & U_WP) &&
		    (q = emdash_at(w, s, p, n))) {
			if (add_chunk(w, p, q - p, q - p, 0) < 0)
				return -1;
			p = q;
			continue;
		}
		e = p + 1;
		for (;;) {
			/* To the next ' ' or '-' (no rule can end the word before). */
			e = skip_word(s, e, n);
			if (e >= n || s[e] == ' ')
				break;
			/* s[e] is '-' */
			e++;
			if (hyph) {
				unsigned l1 = BEFORE(e - 1, 1);

				if (hyphen_break(w, s, e, n, l1, BEFORE(e - 1, 2), BEFORE(e - 1, 3)))
					break;
				if ((l1 & U_WP) && emdash_at(w, s, e - 1, n)) {
					e--;
					break;
				}
			}
		}
		if (add_chunk(w, p, e - p, e - p, 0) < 0)
			return -1;
		p = e;
	}
#undef BEFORE
	return 0;
}

/* A unit on the fast path of text in columns: where it starts, its length, class and width. */
struct fu {
	size_t off, len;
	unsigned cls, wd;
};

/* The unit at S[I] as unit() finds it, into *U, when that needs no escape, cluster or
 * hyphen rule: an ASCII byte but ESC (and '-' with HYPH), or a valid 2- or 3-byte sequence
 * of a code point of grapheme break class Other (then it is a cluster of its own, and so is
 * an ASCII byte before it). -1 for anything else. */
static inline size_t fu_len(struct wrap *w, const unsigned char *s, size_t i, size_t n, int hyph,
	unsigned *cls, unsigned *wd)
{
	unsigned c = s[i];
	int32_t cp;
	uint32_t m;
	size_t l;

	if (c < 0x80) {
		if (c == 0x1B || (hyph && c == '-'))
			return 0;
		*cls = asciitab[c];
		*wd = (unsigned)asciiw(c);
		return 1;
	}
	if (!(l = dec23(s + i, n - i, &cp)))
		return 0;
	m = memo(w, cp);
	if ((m & (MEMO_OTHER | U_SHY | U_ZWSP | U_ESC)) != MEMO_OTHER)
		return 0;
	*cls = m & 0xFFFF;
	*wd = m >> MEMO_WSHIFT & 3;
	return l;
}

static inline int fu_dec(struct wrap *w, const unsigned char *s, size_t i, size_t n, int hyph,
	struct fu *u)
{
	u->off = i;
	return (u->len = fu_len(w, s, i, n, hyph, &u->cls, &u->wd)) ? 0 : -1;
}

/* The chunk that starts with unit *U (decoded) in such text, as tokenize() finds it: a run
 * of whitespace, or a word up to whitespace or a CJK break. Its width and flags into *WD and
 * *FL; *U becomes the unit after it (at N: the end). -1 at a unit fu_dec does not take. */
static inline int fu_chunk(struct wrap *w, const unsigned char *s, size_t n, int hyph,
	struct fu *u, size_t *wd, unsigned *fl)
{
	unsigned lv = u->cls, all = u->cls, c, cw;
	size_t e = u->off + u->len, t = u->wd, l;
	int ws = (lv & U_WS) != 0;

	/* (In locals, not through U: a store and load per unit would be on the critical path.) */
	while (e < n) {
		if (!(l = fu_len(w, s, e, n, hyph, &c, &cw)))
			return -1;
		if (ws ? !(c & U_WS) : (c & U_WS) || cjk_break(lv, c)) {
			u->off = e;
			u->len = l;
			u->cls = c;
			u->wd = cw;
			goto done;
		}
		t += cw;
		all &= c;
		lv = c;
		e += l;
	}
	u->off = n;
done:
	*wd = t;
	*fl = (all & U_SPACE) ? CK_WS : 0;
	return 0;
}

/* tokenize() from P for text in columns with simple breaks whose units fu_dec all takes
 * (most CJK text): each code point decoded once, its class and width from the memo. 1 when
 * done, 0 when the text needs tokenize() (w->nch is then as it was), -1 on ENOMEM. */
static int tokenize_units(struct wrap *w, const unsigned char *s, size_t p, size_t n)
{
	int hyph = w->o.break_on_hyphens;
	size_t nch = w->nch;
	struct fu u;

	if (p < n && fu_dec(w, s, p, n, hyph, &u) < 0)
		return 0;
	while (p < n) {
		size_t wd;
		unsigned fl;

		if (fu_chunk(w, s, n, hyph, &u, &wd, &fl) < 0) {
			w->nch = nch;
			return 0;
		}
		if (add_chunk(w, p, u.off - p, wd, fl) < 0)
			return -1;
		p = u.off;
	}
	return 1;
}

/* The lookbehind context of tokenize: the classes of the last three units, C1 the latest, and
 * LV the last that is not an escape. */
struct ctx {
	unsigned c1, c2, c3, lv;
};

static inline void ctx_push(struct ctx *x, unsigned c)
{
	x->c3 = x->c2;
	x->c2 = x->c1;
	x->c1 = c;
	if (!(c & U_ESC))
		x->lv = c;
}

/* Push the units of S[P..E) into context X: their total width. */
static size_t ctx_walk(struct wrap *w, const unsigned char *s, size_t p, size_t e, struct ctx *x)
{
	size_t wd = 0;

	while (p < e) {
		unsigned c;
		size_t uw, l = unit(w, s + p, e - p, &c, &uw);

		ctx_push(x, c);
		wd += uw;
		p += l;
	}
	return wd;
}

static int tokenize(struct wrap *w, const char *text, size_t start, size_t n)
{
	const unsigned char *s = (const unsigned char *)text, *brk = NULL;
	int hyph = w->o.break_on_hyphens && !w->uax14, extra = w->cols && !w->uax14;
	struct ctx x = { 0, 0, 0, 0 };
	unsigned ccls = 0;
	size_t p = 0, cpos, cul = 0, cuw = 0;
	int midword;
	size_t midlen;

	w->nch = 0;
	w->plain = 0;
	midword = w->midword;
	w->midword = 0;
	midlen = w->midlen;
	w->midlen = 0;
	if (w->uax14) {
		w->lb.len = 0;
		if (buf_grow(&w->lb, n) < 0)
			return -1;
		lb_breaks_utf8(text, n, (unsigned char *)w->lb.p);
		brk = (const unsigned char *)w->lb.p;
	}
	/* The context before START feeds the lookbehinds only. */
	ctx_walk(w, s, p, start, &x);
	p = start;
	if (midword && midlen && midlen <= n - p) {
		/* The rest of a chunk cut when the last part stopped, whose end was known
		 * then (an em-dash's dashes are not a word's start): that chunk again. */
		size_t e = p + midlen, wd = ctx_walk(w, s, p, e, &x);

		p = e;
		if (add_chunk(w, e - midlen, midlen, wd, w->midfl) < 0)
			return -1;
		midword = 0;
	}
	cpos = SIZE_MAX;
	if (!brk && plain_ascii(s + p, n - p))
	{
		w->plain = 1;
		return tokenize_ascii(w, s, p, n, x.c1, x.c2, x.c3, midword);
	}
	if (extra && !midword && w->memo && !w->o.exhaustive) {
		int r = tokenize_units(w, s, p, n);

		if (r)
			return r < 0 ? -1 : (w->plain = 1, 0);	/* no escape in it */
	}
	while (p < n) {
		unsigned cls, l1, l2, l3, all;
		size_t uw, ul, e, wd, q;

		/* The unit that ended the last chunk was just measured (CJK: every one). */
		if (p == cpos) {
			cls = ccls;
			ul = cul;
			uw = cuw;
		} else {
			ul = unit(w, s + p, n - p, &cls, &uw);
		}
		if (cls & U_WS) {
			e = p;
			wd = 0;
			for (;;) {
				e += ul;
				wd += uw;
				ctx_push(&x, cls);
				if (e >= n)
					break;
				ul = unit(w, s + e, n - e, &cls, &uw);
				if (!(cls & U_WS)) {
					cpos = e;
					ccls = cls;
					cul = ul;
					cuw = uw;
					break;
				}
			}
			if (add_chunk(w, p, e - p, wd, CK_WS) < 0)
				return -1;
			p = e;
			continue;
		}
		if (midword) {
			/* The rest of a word cut when the last part stopped: the one rule that
			 * could end it at once is a hyphen there. */
			midword = 0;
			if (hyph && (cls & U_DASH) && hyphen_break(w, s, p + ul, n, x.c1, x.c2, x.c3)) {
				if (add_chunk(w, p, ul, uw, 0) < 0)
					return -1;
				ctx_push(&x, cls);
				p += ul;
				continue;
			}
		} else if (hyph && (cls & U_DASH) && (x.c1 & U_WP) && (q = emdash_at(w, s, p, n))) {
			/* The em-dash alternative: the dashes alone. */
			if (add_chunk(w, p, q - p, wrap_width(w, text + p, q - p), 0) < 0)
				return -1;
			x.c3 = x.c2 = x.c1 = x.lv = U_DASH;
			p = q;
			continue;
		}
		/* A word: the shortest run of non-whitespace that ends at a hyphen, before
		 * whitespace or the end, or before an em-dash. (Or the rest of a word cut
		 * at the end of the last part.) */
		e = p + ul;
		wd = uw;
		l1 = cls;
		l2 = x.c1;
		l3 = x.c2;
		all = cls;
		if (!(cls & U_ESC))
			x.lv = cls;
		while (e < n) {
			unsigned ce;
			size_t cw, cl;

			if (!brk && !(x.lv & (U_IDEO | U_ZWSP | U_SHY))) {
				/* Plain ASCII: no rule can end the word inside it. */
				size_t e0 = e;

				/* Printable ASCII but '-', in one tight loop; the byte before a
				 * non-ASCII one may start a cluster, so it is left to unit(). */
				while (e < n && s[e] > 0x20 && s[e] < 0x7F && s[e] != '-')
					e++;
				if (w->cols && e < n && s[e] >= 0x80 && e > e0)
					e--;
				if (e > e0) {
					all = 0;
					wd += e - e0;
					l3 = e - e0 >= 3 ? asciitab[s[e - 3]] : e - e0 == 2 ? l1 : l2;
					l2 = e - e0 >= 2 ? asciitab[s[e - 2]] : l1;
					l1 = x.lv = asciitab[s[e - 1]];
					if (e >= n)
						break;
				}
			}
			cl = unit(w, s + e, n - e, &ce, &cw);
			cpos = e;
			ccls = ce;
			cul = cl;
			cuw = cw;
			if (ce & U_WS)
				break;
			if (brk ? brk[e] != LB_NOBREAK : extra && !(ce & U_ESC) && cjk_break(x.lv, ce))
				break;
			if (hyph && (ce & U_DASH)) {
				if (hyphen_break(w, s, e + cl, n, l1, l2, l3)) {
					{
						e += cl;
						wd += cw;
						all &= ce;
						l3 = l2;
						l2 = l1;
						l1 = x.lv = ce;
						break;
					}
				}
				if ((l1 & U_WP) && emdash_at(w, s, e, n))
					break;
			}
			e += cl;
			wd += cw;
			all &= ce;
			l3 = l2;
			l2 = l1;
			l1 = ce;
			if (!(ce & U_ESC))
				x.lv = ce;
		}
		/* A soft hyphen is a break only with more of the word after it. */
		if (add_chunk(w, p, e - p, wd, ((all & U_SPACE) ? CK_WS : 0) |
		    (((x.lv & U_SHY) && (l1 & U_SHY) && e < n && !(ccls & U_WS)) ? CK_SHY : 0)) < 0)
			return -1;
		x.c1 = l1;
		x.c2 = l2;
		x.c3 = l3;
		p = e;
	}
	return 0;
}

/* TextWrapper._fix_sentence_endings: [a-z][.!?]["']?\Z then exactly " ". */
static void fix_sentences(struct wrap *w, const char *s)
{
	size_t i = 0;

	while (i + 1 < w->nch) {
		const struct chunk *c = &w->ch[i], *d = &w->ch[i + 1];
		const unsigned char *u = (const unsigned char *)s + c->off;
		size_t l = c->len;

		if (d->len == 1 && s[d->off] == ' ' && l >= 2) {
			if (l >= 3 && (u[l - 1] == '"' || u[l - 1] == '\''))
				l--;
			if ((u[l - 1] == '.' || u[l - 1] == '!' || u[l - 1] == '?') &&
			    u[l - 2] >= 'a' && u[l - 2] <= 'z') {
				w->ch[i + 1].fl |= CK_TWOSP;
				w->ch[i + 1].w = 2;
				i += 2;
				continue;
			}
		}
		i++;
	}
}

/* ---- Output: lines are written to OUT; the last one stays pending (no '\n') until the
 * next line or the paragraph's end, for the placeholder, alignment and colours. ---- */

static void ansi_scan(struct wrap *w, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		const unsigned char *e = memchr(u + i, 0x1B, n - i);
		size_t l;

		if (!e)
			break;
		i = (size_t)(e - u);
		l = esclen(u + i, n - i);
		if (l > 2 && u[i + 1] == '[' && u[i + l - 1] == 'm') {
			if (l == 3 || u[i + 2] == '0' || u[i + 2] == ';')
				w->sgrlen = 0;
			if (!(l == 3 || (l == 4 && u[i + 2] == '0'))) {
				if (w->sgrlen + l > sizeof w->sgr)
					w->sgrlen = 0;
				if (l <= sizeof w->sgr) {
					memcpy(w->sgr + w->sgrlen, u + i, l);
					w->sgrlen += l;
				}
			}
		} else if (l > 4 && u[i + 1] == ']' && u[i + 2] == '8' && u[i + 3] == ';') {
			const unsigned char *semi = memchr(u + i + 4, ';', l - 4);
			size_t uri = semi ? (size_t)(semi - u) + 1 : i + l;
			int empty = uri >= i + l || u[uri] == 0x1B || u[uri] == 7;

			w->linklen = 0;
			if (!empty && l <= sizeof w->link) {
				memcpy(w->link, u + i, l);
				w->linklen = l;
			}
		}
		i += l;
	}
}

static int justify(struct wrap *w, struct buf *out, size_t width)
{
	size_t start = w->pend_content, end = out->len, i, gaps = 0, extra, each, more, g = 0;
	const char *p = out->p;

	while (start < end && p[start] == ' ')
		start++;
	for (i = start; i < end; i++)
		if (p[i] == ' ' && p[i - 1] != ' ')
			gaps++;
	if (!gaps || width <= (i = wrap_width(w, p + w->pend_off, end - w->pend_off)))
		return 0;
	extra = width - i;
	each = extra / gaps;
	more = extra % gaps;
	w->tmp.len = 0;
	if (buf_add(&w->tmp, p + start, end - start) < 0 || buf_grow(out, extra) < 0)
		return -1;
	out->len = start;
	for (i = 0; i < w->tmp.len; i++) {
		char c = w->tmp.p[i];

		out->p[out->len++] = c;
		if (c == ' ' && (i + 1 < w->tmp.len && w->tmp.p[i + 1] != ' ')) {
			size_t k = each + (g < more);

			memset(out->p + out->len, ' ', k);
			out->len += k;
			g++;
		}
	}
	return 0;
}

static int finish_line(struct wrap *w, struct buf *out, int last)
{
	size_t width = (size_t)w->o.width;

	if (!w->pend)
		return 0;
	w->pend = 0;
	if (w->o.align == WRAP_RIGHT || w->o.align == WRAP_CENTER) {
		size_t lw = wrap_width(w, out->p + w->pend_off, out->len - w->pend_off);

		if (lw < width) {
			size_t marg = width - lw, left = marg, right = 0;

			if (w->o.align == WRAP_CENTER) {
				left = marg / 2 + (marg & width & 1);
				right = marg - left;
			}
			if (buf_grow(out, marg) < 0)
				return -1;
			memmove(out->p + w->pend_off + left, out->p + w->pend_off, out->len - w->pend_off);
			memset(out->p + w->pend_off, ' ', left);
			out->len += left;
			memset(out->p + out->len, ' ', right);
			out->len += right;
			w->pend_content += left;
		}
	} else if (w->o.align == WRAP_JUSTIFY && !last && justify(w, out, width) < 0) {
		return -1;
	}
	if (w->ansi) {
		/* A line of plain text has no escape sequence to scan for. */
		if (!w->pend_plain)
			ansi_scan(w, out->p + w->pend_content, out->len - w->pend_content);
		if (!last && w->sgrlen && buf_add(out, "\033[0m", 4) < 0)
			return -1;
		if (!last && w->linklen && buf_add(out, "\033]8;;\033\\", 7) < 0)
			return -1;
	}
	return buf_addc(out, '\n');
}

static int start_line(struct wrap *w, struct buf *out, const char *ind, size_t indlen)
{
	if (finish_line(w, out, 0) < 0)
		return -1;
	w->pend = 1;
	w->pend_plain = w->plain && !w->phesc;
	w->pend_off = out->len;
	w->nlines++;
	if (buf_add(out, ind, indlen) < 0)
		return -1;
	if (w->ansi && w->nlines > 1 && ((w->linklen && buf_add(out, w->link, w->linklen) < 0) ||
	    (w->sgrlen && buf_add(out, w->sgr, w->sgrlen) < 0)))
		return -1;
	w->pend_content = out->len;
	return 0;
}

/* A fast path gives the paragraph back to the general one: OUT and the line state as they
 * were before it (OUT0 bytes, no line); 0. */
static int back_out(struct wrap *w, struct buf *out, size_t out0)
{
	out->len = out0;
	w->nlines = 0;
	w->pend = 0;
	return 0;
}

/* A whole line of text P (N bytes) after the first line's indent or the later lines'. */
static int put_line(struct wrap *w, struct buf *out, const void *p, size_t n)
{
	if (start_line(w, out, w->nlines ? w->si : w->ii, w->nlines ? w->silen : w->iilen) < 0)
		return -1;
	return buf_add(out, p, n);
}

static int put_piece(struct buf *out, const char *s, size_t off, size_t len, unsigned fl, int last)
{
	if (fl & CK_TWOSP)
		return buf_add(out, "  ", 2);
	if (last && (fl & CK_SHY) && len >= 2)
		return buf_add(out, s + off, len - 2) < 0 ? -1 : buf_addc(out, '-');
	return buf_add(out, s + off, len);
}

/* Write indent and chunks [A, B) and the head piece HP (if any). */
static int emit(struct wrap *w, struct buf *out, const char *s, const char *ind, size_t indlen,
	size_t a, size_t b, const struct piece *hp, int ph, int shy)
{
	size_t j;

	if (start_line(w, out, ind, indlen) < 0)
		return -1;
	if (b > a) {
		/* The plain chunks at the start are adjacent in S: one copy. */
		size_t from = w->ch[a].off, to = from;

		for (j = a; j < b; j++) {
			const struct chunk *c = &w->ch[j];

			if ((c->fl & (CK_TWOSP | CK_SHY)) || c->off != to)
				break;
			to += c->len;
		}
		if (buf_add(out, s + from, to - from) < 0)
			return -1;
		a = j;
	}
	for (j = a; j < b; j++)
		if (put_piece(out, s, w->ch[j].off, w->ch[j].len, w->ch[j].fl, shy && j + 1 == b && !hp && !ph) < 0)
			return -1;
	if (hp && buf_add(out, s + hp->off, hp->len) < 0)
		return -1;
	if (ph && buf_add(out, w->ph, w->phlen) < 0)
		return -1;
	return 0;
}

/* _handle_long_word for chunk I: the head piece that fits SPACE_LEFT, cut from the chunk. */
static int long_word(struct wrap *w, const char *s, size_t i, size_t space_left, int empty_line,
	struct piece *hp)
{
	struct chunk *c = &w->ch[i];
	const unsigned char *u = (const unsigned char *)s + c->off;
	size_t k = 0, cw = 0, hyph = 0, hyphw = 0, units = 0;
	int nondash = 0, hyph_ok = 0, forced = 0;

	if ((c->fl & CK_TWOSP) && space_left) {
		/* The two spaces fix_sentence_endings made of one: a space each. */
		hp->off = c->off;
		hp->len = c->len;
		hp->w = 1;
		hp->fl = CK_WS;
		c->w = 1;
		c->fl = (c->fl & ~(unsigned)CK_TWOSP) | CK_CUT | CK_WS;
		return 0;
	}
	while (k < c->len) {
		unsigned cls;
		size_t wd, l = unit(w, u + k, c->len - k, &cls, &wd);

		if (cw + wd > space_left) {
			if (!empty_line || units)
				break;
			forced = 1;	/* a cluster wider than the line goes alone */
		}
		if ((cls & U_DASH) && l == 1 && units > 0 && nondash) {
			hyph = k + 1;
			hyphw = cw + wd;
			hyph_ok = 1;
		}
		if (!(cls & U_DASH) || l != 1)
			nondash = 1;
		cw += wd;
		k += l;
		units++;
		if (cw > space_left)
			break;
	}
	if (w->o.break_on_hyphens && k < c->len && hyph_ok) {
		k = hyph;
		cw = hyphw;
	}
	hp->off = c->off;
	hp->len = k;
	hp->w = cw;
	hp->fl = allspace(w, s + c->off, k) ? CK_WS : 0;
	c->off += k;
	c->len -= k;
	c->w -= cw;
	c->fl |= CK_CUT;
	if (allspace(w, s + c->off, c->len))
		c->fl |= CK_WS;
	/* Python never leaves an empty remainder on a line of width 1 or more. */
	return forced && c->len == 0;
}

/* TextWrapper._wrap_chunks over chunks [0, nch). Unless FINAL, stops at a line start when too
 * little text is left to be sure of the line, setting *STOP to where the text resumes. */
static int greedy(struct wrap *w, const char *s, int final, size_t *stop, struct buf *out)
{
	size_t i = 0, n = w->nch, rem = 0, j;
	long W = w->o.width, maxl = w->o.max_lines;
	int drop = w->o.drop_whitespace;

	int dropped = w->dropped;

	w->dropped = 0;
	if (!final)
		for (j = 0; j < n; j++)
			rem += w->ch[j].w;
	while (i < n) {
		const char *ind = w->nlines ? w->si : w->ii;
		size_t indlen = w->nlines ? w->silen : w->iilen, a, b, curlen = 0;
		long width = W - (long)(w->nlines ? w->siw : w->iiw);
		struct piece hp;
		int have_hp = 0;

		if (!final) {
			/* Stop where the rest could still change: near the end of what is known.
			 * A line drops one leading space: if it is dropped here, not again. */
			int skipped = 0;

			if (drop && w->nlines && (w->ch[i].fl & CK_WS) && !dropped) {
				rem -= w->ch[i].w;
				skipped = 1;
				if (++i == n) {
					/* The last chunk may go on in the next part: keep it whole. */
					*stop = w->ch[n - 1].off;
					return 0;
				}
			}
			if (rem < 2 * (size_t)W + 8) {
				*stop = w->ch[i].off;
				w->dropped = skipped;
				w->midword = (w->ch[i].fl & CK_CUT) != 0;
				w->midlen = w->midword ? w->ch[i].len : 0;
				w->midfl = w->ch[i].fl;
				return 0;
			}
			dropped |= skipped;
		}
		if (drop && (w->ch[i].fl & CK_WS) && w->nlines && !dropped) {
			rem -= final ? 0 : w->ch[i].w;
			i++;
		}
		dropped = 0;
		a = i;
		while (i < n) {
			size_t l = w->ch[i].w + ((w->ch[i].fl & CK_SHY) != 0);

			if ((long)(curlen + l) > width && !(i == a && (long)w->ch[i].w <= width))
				break;
			curlen += w->ch[i].w;
			rem -= final ? 0 : w->ch[i].w;
			i++;
		}
		b = i;
		if (i < n && (long)w->ch[i].w > width) {
			if (w->o.break_long_words) {
				size_t space_left = width < 1 ? 1 : (size_t)(width - (long)curlen);

				if (long_word(w, s, i, space_left, a == b, &hp))
					i++;
				have_hp = 1;
				rem -= final ? 0 : hp.w;
				curlen += hp.w;
			} else if (a == b) {
				curlen += w->ch[i].w;
				rem -= final ? 0 : w->ch[i].w;
				b = ++i;
			}
		}
		if (drop && (have_hp || a < b)) {
			if (have_hp) {
				if (hp.fl & CK_WS) {
					curlen -= hp.w;
					have_hp = 0;
				}
			} else if (w->ch[b - 1].fl & CK_WS) {
				curlen -= w->ch[b - 1].w;
				b--;
			}
		}
		if (!have_hp && a == b)
			continue;
		if (maxl < 0 || (long)w->nlines + 1 < maxl ||
		    ((i == n || (drop && n - i == 1 && (w->ch[i].fl & CK_WS))) && (long)curlen <= width)) {
			if (emit(w, out, s, ind, indlen, a, b, have_hp ? &hp : NULL, 0,
			    (long)curlen < width) < 0)
				return -1;
			continue;
		}
		/* Too many lines: end with the placeholder. */
		for (;;) {
			unsigned fl;
			size_t lw;

			if (!have_hp && a == b)
				break;
			fl = have_hp ? hp.fl : w->ch[b - 1].fl;
			lw = have_hp ? hp.w : w->ch[b - 1].w;
			if (!(fl & CK_WS) && (long)(curlen + w->phw) <= width)
				return emit(w, out, s, ind, indlen, a, b, have_hp ? &hp : NULL, 1, 0);
			curlen -= lw;
			if (have_hp)
				have_hp = 0;
			else
				b--;
		}
		if (w->nlines && w->pend) {
			/* lines[-1].rstrip() + placeholder, if it fits. */
			const unsigned char *u = (const unsigned char *)out->p + w->pend_off;
			size_t k = 0, keep = 0, len = out->len - w->pend_off;

			while (k < len) {
				unsigned cls;
				size_t wd, l = unit(w, u + k, len - k, &cls, &wd);

				k += l;
				if (!(cls & U_SPACE))
					keep = k;
			}
			if (wrap_width(w, (const char *)u, keep) + w->phw <= (size_t)W) {
				out->len = w->pend_off + keep;
				return buf_add(out, w->ph, w->phlen);
			}
		}
		if (start_line(w, out, ind, indlen) < 0 ||
		    buf_add(out, w->ph + w->phloff, w->phlen - w->phloff) < 0)
			return -1;
		return 0;
	}
	return 0;
}

/* The chunks of the plain ASCII word S[WS..WE) (no space in it, a space or the paragraph's
 * start before it), into w->ch: the same as tokenize_ascii finds in the whole text, as no
 * rule looks across a space. */
static int word_chunks(struct wrap *w, const unsigned char *s, size_t ws, size_t we)
{
	w->nch = 0;
	return tokenize_ascii(w, s, ws, we, ws >= 1 ? asciitab[s[ws - 1]] : 0,
		ws >= 2 ? asciitab[s[ws - 2]] : 0, ws >= 3 ? asciitab[s[ws - 3]] : 0, 0);
}

/* greedy() over a whole paragraph of plain ASCII (plain_ascii) without chunks, for
 * drop_whitespace without max_lines or sentence endings: a line is the text up to the last
 * chunk boundary within its width, found by looking back from the width's end over one
 * word. 1 when done; 0 when a chunk is wider than a line (then OUT and the state are as
 * they were, for greedy()); -1 on ENOMEM. */
static int greedy_ascii(struct wrap *w, const unsigned char *s, size_t n, struct buf *out)
{
	size_t out0 = out->len, pos = 0;
	int hyph = w->o.break_on_hyphens;

	w->plain = 1;
	while (pos < n) {
		size_t lim, b, e, ws, we, width;
		long long nx;
		long wl = w->o.width - (long)(w->nlines ? w->siw : w->iiw);

		if (w->nlines) {
			/* A line drops the whitespace chunk it would start with. */
			while (pos < n && s[pos] == ' ')
				pos++;
			if (pos == n)
				break;
		}
		if (wl < 1)
			goto general;
		width = (size_t)wl;
		lim = pos + width;
		if (lim >= n) {
			b = n;
		} else if (s[lim] == ' ') {
			/* The next chunk is spaces: the line ends where they start. */
			for (b = lim; b > pos && s[b - 1] == ' '; b--)
				;
			if (b == pos)
				goto general;
			for (e = lim + 1; e < n && s[e] == ' '; e++)
				;
			if (e - b > width)
				goto general;
		} else {
			/* LIM is in the word S[WS..WE): the line ends at a boundary in it, or at
			 * its start. The chunk after the line must fit a line of its own. */
			for (ws = lim; ws > pos && s[ws - 1] != ' '; ws--)
				;
			/* (Past LIM + WIDTH the chunk after the line would be too wide, or the
			 * word is long enough to leave to greedy(): no scan of a huge word
			 * for every line.) */
			for (we = lim + 1; we < n && s[we] != ' '; we++)
				if (we > lim + width)
					goto general;
			if (hyph && memchr(s + ws, '-', we - ws)) {
				size_t k;

				if (word_chunks(w, s, ws, we) < 0)
					return -1;
				b = ws;
				nx = (long long)(w->ch[0].off + w->ch[0].len);
				for (k = 0; k < w->nch; k++) {
					size_t ce = w->ch[k].off + w->ch[k].len;

					if (ce > lim)
						break;
					b = ce;
					nx = k + 1 < w->nch ? (long long)(w->ch[k + 1].off + w->ch[k + 1].len) :
						(long long)we;
				}
			} else {
				b = ws;
				nx = (long long)we;
			}
			if (b == pos || (size_t)nx - b > width)
				goto general;
		}
		/* The line, without the whitespace chunk it may end in. */
		for (e = b; e > pos && s[e - 1] == ' '; e--)
			;
		if (e > pos && put_line(w, out, s + pos, e - pos) < 0)
			return -1;
		pos = b;
	}
	return 1;
general:
	return back_out(w, out, out0);
}

/* greedy() over a whole paragraph whose units tokenize_units takes, without chunks: each
 * chunk found as the lines are, each unit decoded once; for drop_whitespace without
 * max_lines or sentence endings. 1 when done; 0 when greedy() must do it (a unit that
 * tokenize_units does not take, a chunk wider than a line: then OUT and the state are as
 * they were); -1 on ENOMEM. */
static int greedy_units(struct wrap *w, const unsigned char *s, size_t n, struct buf *out)
{
	size_t out0 = out->len, cs = 0, cw = 0;
	unsigned cf = 0;
	int hyph = w->o.break_on_hyphens;
	struct fu u;

	/* The next chunk is [cs, u.off), cw wide, with flags cf; cs == n: none. */
#define NEXT_CHUNK() do { \
		cs = u.off; \
		if (cs < n && fu_chunk(w, s, n, hyph, &u, &cw, &cf) < 0) \
			goto general; \
	} while (0)
	w->plain = 1;	/* no escape in it */
	if (n && (fu_dec(w, s, 0, n, hyph, &u) < 0 || fu_chunk(w, s, n, hyph, &u, &cw, &cf) < 0))
		goto general;
	while (cs < n) {
		long width = w->o.width - (long)(w->nlines ? w->siw : w->iiw);
		size_t a, e, last = 0, curlen = 0;
		unsigned lastf = 0;

		if (w->nlines && (cf & CK_WS)) {
			/* A line drops the whitespace chunk it would start with. */
			NEXT_CHUNK();
			if (cs == n)
				break;
		}
		a = cs;
		while (cs < n) {
			if ((long)(curlen + cw) > width) {
				if ((long)cw > width)
					goto general;	/* greedy() cuts it */
				break;
			}
			curlen += cw;
			last = cs;
			lastf = cf;
			NEXT_CHUNK();
		}
		/* The line, without the whitespace chunk it may end in. */
		e = (lastf & CK_WS) ? last : cs;
		if (e > a && put_line(w, out, s + a, e - a) < 0)
			return -1;
	}
#undef NEXT_CHUNK
	return 1;
general:
	return back_out(w, out, out0);
}

/* ---- Minimum raggedness: the sum of squared slack over all lines but the last. ---- */

/* The search of optimal() in integers, for prev[1..N], when no line overflows and every sum
 * of squares is below 2^53: then the doubles would be exact and make the same choices. 1 if
 * a line overflows (it costs 1e30, and sums with it round): use the doubles. */
/* One step of dp_exact: the least cost of a line ending after chunk J - 1 (*BI its start)
 * over the candidates ST[0..NS), newest first; INFQ if none fits. 1 if the chunk alone
 * overflows. */
static inline int dp_step(const struct cand *st, size_t ns, const struct chunk *ch,
	const size_t *pre, size_t j, size_t n, size_t avail0, size_t avail1, size_t maxavail,
	int drop, long long *bestp, size_t *bip)
{
	const long long INFQ = LLONG_MAX;
	size_t k, endw, bi = j - 1, shy = j < n && (ch[j - 1].fl & CK_SHY);
	long long best = INFQ, lim, base;
	int last = j == n;

	endw = (drop && (ch[j - 1].fl & CK_WS) ? pre[j - 1] : pre[j]) + shy;
	k = ns;
	if (k && st[k - 1].i == j - 1) {
		size_t avail = j == 1 ? avail0 : avail1, lw = ch[j - 1].w + shy;

		if (lw > avail)
			return 1;
		k--;
		if (st[k].q < INFQ)
			best = st[k].q + (last ? 0 : (long long)((avail - lw) * (avail - lw)));
	}
	lim = (long long)endw - (long long)maxavail;
	base = (long long)avail1 - (long long)endw;
	while (k > 0) {
		const struct cand *cd = &st[--k];
		long long pr = (long long)cd->pre, sl, c;
		size_t m;

		if (pr < lim)
			break;
		if (k == 0)
			base = (long long)avail0 - (long long)endw;
		sl = base + pr;
		if (sl < 0 || cd->q == INFQ)
			continue;
		c = cd->q + (last ? 0 : sl * sl);
		/* Branch-free (a mask): which candidate wins is hard to predict. */
		m = (size_t)0 - (size_t)(c < best);
		bi = (bi & ~m) | (cd->i & m);
		best = c < best ? c : best;
	}
	*bestp = best;
	*bip = bi;
	return 0;
}

/* The search of optimal() in integers, for prev[1..N], when no line overflows and every sum
 * of squares is below 2^53: then the doubles would be exact and make the same choices. 1 if
 * a line overflows (it costs 1e30, and sums with it round): use the doubles. */
static int dp_exact(struct wrap *w, size_t n, size_t avail0, size_t avail1, size_t maxavail,
	int drop)
{
	const long long INFQ = LLONG_MAX;
	struct cand *st = w->st;
	const struct chunk *ch = w->ch;
	long long cprev = 0;	/* cost[j - 1] */
	size_t ns = 0, j;

	for (j = 1; j <= n; j++) {
		w->prev[j] = j - 1;
		if (!drop || j == 1 || !(ch[j - 1].fl & CK_WS)) {
			st[ns].pre = w->pre[j - 1];
			st[ns].q = cprev;
			st[ns++].i = j - 1;
		}
		if (drop && j < n && (ch[j].fl & CK_WS)) {
			cprev = INFQ;
			continue;
		}
		if (dp_step(st, ns, ch, w->pre, j, n, avail0, avail1, maxavail, drop, &cprev,
		    &w->prev[j]))
			return 1;
	}
	return 0;
}

/* 1 if candidate Y (newer, P no smaller) is as good as X for a line ending at E (no less
 * than PY), or X no longer fits there. */
static inline int as_good(long long a, const struct mq *x, long long py, long long qy,
	long long e)
{
	long long sx = a - e + x->p, sy = a - e + py;

	return sx < 0 || qy + sy * sy <= x->q + sx * sx;
}

/* The least E from which candidate Y (newer, P no smaller) is as good as X, no less than
 * EMIN (no less than PY: before it nothing asks) and no more than where X stops fitting.
 * RCP[d] for d < NRCP is 2^32 / 2d rounded up (see optimal()). */
static inline long long takeover(long long a, const struct mq *x, long long py, long long qy,
	long long emin, const uint32_t *rcp, size_t nrcp)
{
	long long emax = a + x->p + 1, d = py - x->p, m, dd, t, lo, hi;

	if (emin >= emax)
		return emin;
	if (d == 0)
		return qy <= x->q ? emin : emax;
	/* As good: 2d(E - py) >= d(2a - d) + qy - qx =: m (and d <= a, as emin < emax):
	 * E - py = ceil(m / 2d), between emin - py and emax - py. */
	dd = 2 * d;
	m = d * (2 * a - d) + qy - x->q;
	/* m clamped to [dd lo, dd (hi - 1) + 1] gives the quotient clamped to [lo, hi], and
	 * 0 <= m < 2d(a + 1). The reciprocal gives the quotient or one more; two steps make
	 * it exact. No branches: which way they would go is hard to predict. */
	lo = dd * (emin - py);
	hi = dd * (emax - 1 - py) + 1;
	m = m < lo ? lo : m > hi ? hi : m;
	t = (size_t)d < nrcp ? (long long)(((unsigned long long)m * rcp[d]) >> 32) : m / dd;
	t += dd * t < m;
	t -= dd * (t - 1) >= m;
	return t + py;
}

/* dp_exact in constant time per chunk, amortised. A line from candidate X ending where the
 * chunks are E wide costs qx + (a - E + px)^2 while that slack is not negative; of two
 * candidates the newer (px no smaller) that is as good at some E stays so at every larger E
 * (the difference of the squares grows with E, and the older stops fitting first). Line ends
 * E only grow, so the candidates that can still win are a queue, oldest first, each taking
 * over from the one before at its T (increasing along the queue): the front wins, ties
 * going to the newest as in dp_exact. The first line (other width) and the last (no cost)
 * are dp_exact's steps. 2 if the line ends or the starts go back (a first line wider than
 * the others; a soft hyphen before a chunk of width 0): then use dp_exact. */
static int dp_mono(struct wrap *w, size_t n, size_t avail0, size_t avail1, size_t maxavail,
	int drop)
{
	const long long INFQ = LLONG_MAX, a = (long long)avail1;
	struct cand *st = w->st;
	struct mq *q = w->mq;
	const struct chunk *ch = w->ch;
	const size_t *pre = w->pre;
	long long cprev = 0, laste = 0, lastp = LLONG_MIN;
	size_t ns = 0, j, head = 0, tail = 0;

	for (j = 1; j <= n; j++) {
		long long e, sl;
		size_t shy;

		w->prev[j] = j - 1;
		if (!drop || j == 1 || !(ch[j - 1].fl & CK_WS)) {
			long long p = j == 1 ? (long long)avail0 - a : (long long)pre[j - 1];

			st[ns].pre = pre[j - 1];
			st[ns].q = cprev;
			st[ns++].i = j - 1;
			if (p < lastp)
				return 2;
			lastp = p;
			if (cprev != INFQ) {
				long long emin = p > laste ? p : laste;

				/* Drop the back while it wins nowhere: from where it would take
				 * over, the new one is as good. */
				while (tail > head + 1 && as_good(a, &q[tail - 1], p, cprev,
				    q[tail - 1].t > emin ? q[tail - 1].t : emin))
					tail--;
				q[tail].p = p;
				q[tail].q = cprev;
				q[tail].t = tail > head ? takeover(a, &q[tail - 1], p, cprev, emin,
					w->rcp, w->nrcp) : emin;
				q[tail++].i = j - 1;
			}
		}
		if (drop && j < n && (ch[j].fl & CK_WS)) {
			cprev = INFQ;
			continue;
		}
		if (j == 1 || j == n) {
			if (dp_step(st, ns, ch, pre, j, n, avail0, avail1, maxavail, drop, &cprev,
			    &w->prev[j]))
				return 1;
			continue;
		}
		shy = ch[j - 1].fl & CK_SHY ? 1 : 0;
		if (st[ns - 1].i == j - 1 && ch[j - 1].w + shy > avail1)
			return 1;	/* the chunk alone overflows */
		e = (long long)((drop && (ch[j - 1].fl & CK_WS) ? pre[j - 1] : pre[j]) + shy);
		if (e < laste)
			return 2;
		laste = e;
		while (head < tail && (a - e + q[head].p < 0 || (head + 1 < tail && q[head + 1].t <= e)))
			head++;
		if (head == tail) {
			cprev = INFQ;
			continue;
		}
		sl = a - e + q[head].p;
		cprev = q[head].q + sl * sl;
		w->prev[j] = q[head].i;
	}
	return 0;
}

/* dp_mono's reciprocals, once per wrapper: 0, or -1 with errno ENOMEM. */
static int make_rcp(struct wrap *w, size_t avail1)
{
	size_t i;

	if (w->rcp || avail1 >= 1 << 16)
		return 0;
	/* With m < 2d(a + 1) < 2^30 the product's high half is m / 2d or one more. */
	w->nrcp = (avail1 < 4095 ? avail1 : 4095) + 1;
	if (!(w->rcp = malloc(w->nrcp * sizeof *w->rcp))) {
		errno = ENOMEM;
		return -1;
	}
	for (i = 1; i < w->nrcp; i++)
		w->rcp[i] = (uint32_t)(((uint64_t)1 << 32) / (2 * i) + 1);
	return 0;
}

static int grow_mq(struct wrap *w, size_t need)
{
	struct mq *m;

	if (need <= w->mqcap)
		return 0;
	if (need < 2 * w->mqcap)
		need = 2 * w->mqcap;
	if (!(m = realloc(w->mq, need * sizeof *m))) {
		errno = ENOMEM;
		return -1;
	}
	w->mq = m;
	w->mqcap = need;
	return 0;
}

static int grow_items(struct wrap *w)
{
	size_t cap = w->itcap ? 2 * w->itcap : 1024;
	struct item *p = realloc(w->it, cap * sizeof *p);

	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	w->it = p;
	w->itcap = cap;
	return 0;
}

static inline int add_item(struct wrap *w, size_t *k, size_t s, size_t e)
{
	if (*k == w->itcap && grow_items(w) < 0)
		return -1;
	w->it[*k].s = s;
	w->it[(*k)++].e = e;
	return 0;
}

/* Words and spaces of plain ASCII text S[0..N): with SSE2, from bit masks of 64 bytes at a
 * time (' ' and '-'), else with skip_word. */
struct scan {
	const unsigned char *s;
	size_t n, wb;		/* the masks' bytes start at wb */
	uint64_t sp, ds;	/* past N all spaces */
};

static inline void scan_masks(struct scan *sc)
{
	const unsigned char *s = sc->s + sc->wb;
	uint64_t a = 0, b = 0;
	size_t k;

#if defined(__SSE2__)
	unsigned char pad[64];

	if (sc->wb + 64 > sc->n) {
		/* The last bytes, then spaces. */
		memset(pad, ' ', sizeof pad);
		memcpy(pad, s, sc->n - sc->wb);
		s = pad;
	}
	{
		const __m128i cs = _mm_set1_epi8(' '), cd = _mm_set1_epi8('-');

		for (k = 0; k < 4; k++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));

			a |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cs)) << (16 * k);
			b |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cd)) << (16 * k);
		}
	}
#else
	for (k = 0; k < 64; k++) {
		unsigned ch = sc->wb + k < sc->n ? s[k] : ' ';

		a |= (uint64_t)(ch == ' ') << k;
		b |= (uint64_t)(ch == '-') << k;
	}
#endif
	sc->sp = a;
	sc->ds = b;
}

static void scan_init(struct scan *sc, const unsigned char *s, size_t n)
{
	sc->s = s;
	sc->n = n;
	sc->wb = 0;
#if defined(__SSE2__)
	scan_masks(sc);
#endif
}

/* The end of the word that starts at P (the next ' ', or N); *DASH: whether it has a '-'. */
static inline size_t scan_word(struct scan *sc, size_t p, int *dash)
{
#if defined(__SSE2__)
	uint64_t d = 0;

	for (;;) {
		unsigned sh = (unsigned)(p - sc->wb);
		uint64_t m = sc->sp >> sh;

		if (m) {
			unsigned z = (unsigned)__builtin_ctzll(m);

			d |= (sc->ds >> sh) & (((uint64_t)1 << z) - 1);
			*dash = d != 0;
			return p + z;
		}
		d |= sc->ds >> sh;
		sc->wb += 64;
		p = sc->wb;
		if (p >= sc->n) {
			*dash = d != 0;
			return sc->n;
		}
		scan_masks(sc);
	}
#else
	size_t e = p;

	*dash = 0;
	for (;;) {
		e = skip_word(sc->s, e, sc->n);
		if (e >= sc->n || sc->s[e] == ' ')
			return e;
		*dash = 1;
		e++;
	}
#endif
}

/* The first byte at or after E that is not ' ', or N. */
static inline size_t scan_spaces(struct scan *sc, size_t e)
{
#if defined(__SSE2__)
	while (e < sc->n) {
		uint64_t m = ~sc->sp >> (e - sc->wb);

		if (m)
			return e + (unsigned)__builtin_ctzll(m);
		sc->wb += 64;
		e = sc->wb;
		if (e < sc->n)
			scan_masks(sc);
	}
	return sc->n;
#else
	while (e < sc->n && sc->s[e] == ' ')
		e++;
	return e;
#endif
}

/* optimal() for a whole plain-ASCII paragraph (plain_ascii) with drop_whitespace and no
 * sentence fixing, without chunks: a line may end after any chunk that is not spaces (an
 * item) and start at the next, its width the offsets' difference; dp_mono's queue over the
 * items. The same lines as optimal() (tokenize_ascii's chunks; the spaces between items
 * dropped at a line's end, never started with). 1 when done; 0 when optimal() must do it
 * (leading spaces, a chunk wider than a line, a first line wider than the others, sums
 * past 2^53); -1 on ENOMEM. */
static int optimal_items(struct wrap *w, const unsigned char *s, size_t nit, const size_t *ib,
	struct buf *out);

static int optimal_ascii(struct wrap *w, const unsigned char *s, size_t n, struct buf *out)
{
	size_t W = (size_t)w->o.width, avail0 = W - w->iiw, avail1 = W - w->siw;
	size_t p = 0, k = 0, i;
	struct scan sc;
	int hy = 1;

	if (!n || s[0] == ' ' || avail0 > avail1 || !avail0 || avail1 >= (size_t)1 << 26 ||
	    n + 1 > ((unsigned long long)1 << 53) / (avail1 * avail1 + 1))
		return 0;
	if (!w->o.break_on_hyphens)
		hy = 0;
	scan_init(&sc, s, n);
	while (p < n) {
		size_t e;
		int dash;

		e = scan_word(&sc, p, &dash);
		if (dash && hy) {
			size_t c0 = k;

			if (word_chunks(w, s, p, e) < 0)
				return -1;
			for (i = 0; i < w->nch; i++)
				if (add_item(w, &k, w->ch[i].off, w->ch[i].off + w->ch[i].len) < 0)
					return -1;
			for (i = c0; i < k; i++)
				if (w->it[i].e - w->it[i].s > avail1)
					return 0;
		} else {
			if (e - p > avail1 || add_item(w, &k, p, e) < 0)
				return e - p > avail1 ? 0 : -1;
		}
		p = scan_spaces(&sc, e);
	}
	return optimal_items(w, s, k, NULL, out);
}

/* The search and the lines of optimal_ascii over the items w->it[0..NIT) (NIT > 0), their S
 * and E in columns; their bytes are IB[2k..2k+1] (IB NULL: the columns are the bytes). */
static int optimal_items(struct wrap *w, const unsigned char *s, size_t nit, const size_t *ib,
	struct buf *out)
{
	size_t W = (size_t)w->o.width, avail0 = W - w->iiw, avail1 = W - w->siw;
	const long long a = (long long)avail1;
	struct mq *q;
	struct item *it = w->it;
	size_t k, head = 0, tail = 0, i;
	long long laste = 0;

	if (it[0].e - it[0].s > avail0)
		return 0;
	if (make_rcp(w, avail1) < 0)
		return -1;
	if (grow_mq(w, nit + 1) < 0)
		return -1;
	q = w->mq;
	for (k = 0; k < nit; k++) {
		long long pk = k ? (long long)it[k].s : (long long)avail0 - a;
		long long qk = k ? it[k - 1].c : 0, e = (long long)it[k].e, emin, sl;

		/* Item K as a start, as in dp_mono. */
		emin = pk > laste ? pk : laste;
		while (tail > head + 1 && as_good(a, &q[tail - 1], pk, qk,
		    q[tail - 1].t > emin ? q[tail - 1].t : emin))
			tail--;
		q[tail].p = pk;
		q[tail].q = qk;
		q[tail].t = tail > head ? takeover(a, &q[tail - 1], pk, qk, emin, w->rcp, w->nrcp) :
			emin;
		q[tail++].i = k;
		if (k + 1 == nit)
			break;
		/* The line ending with item K. */
		laste = e;
		while (head < tail && (a - e + q[head].p < 0 || (head + 1 < tail && q[head + 1].t <= e)))
			head++;
		sl = a - e + q[head].p;	/* the item alone fits: the queue is not empty */
		it[k].c = q[head].q + sl * sl;
		it[k].prev = q[head].i;
	}
	/* The last line costs nothing: the least cost before it, the latest start on ties. */
	{
		long long best = LLONG_MAX;
		size_t bi = nit - 1, e = it[nit - 1].e;

		for (i = nit; i-- > 0;) {
			long long c = i ? it[i - 1].c : 0;

			if (e - it[i].s > (i ? avail1 : avail0)) {
				if (i)
					break;
				continue;
			}
			if (c < best) {
				best = c;
				bi = i;
			}
		}
		it[nit - 1].prev = bi;
	}
	/* Turn the starts into next-line ends, then write the lines in order. */
	{
		size_t end = nit - 1, nxt = SIZE_MAX;

		for (;;) {
			size_t st = it[end].prev;

			it[end].prev = nxt;
			nxt = end;
			if (!st)
				break;
			end = st - 1;
		}
		for (i = 0, k = nxt; k != SIZE_MAX; i = k + 1, k = it[k].prev) {
			size_t bs = ib ? ib[2 * i] : it[i].s, be = ib ? ib[2 * k + 1] : it[k].e;

			if (put_line(w, out, s + bs, be - bs) < 0)
				return -1;
		}
	}
	return 1;
}

/* optimal_ascii for a whole paragraph whose units tokenize_units takes: the items are the
 * chunks that are not whitespace, in columns, their bytes in w->ib. 0 (optimal() must do it)
 * where optimal_ascii gives up, and at leading whitespace or two whitespace chunks in a row
 * (a line would keep the first); -1 on ENOMEM. */
static int optimal_units(struct wrap *w, const unsigned char *s, size_t n, struct buf *out)
{
	size_t W = (size_t)w->o.width, avail0 = W - w->iiw, avail1 = W - w->siw;
	size_t k = 0, col = 0, cs = 0, cw;
	unsigned cf, pf = CK_WS;
	int hyph = w->o.break_on_hyphens;
	struct fu u;

	if (!n || avail0 > avail1 || !avail0 || avail1 >= (size_t)1 << 26 ||
	    fu_dec(w, s, 0, n, hyph, &u) < 0)
		return 0;
	while (cs < n) {
		if (fu_chunk(w, s, n, hyph, &u, &cw, &cf) < 0)
			return 0;
		if (cf & CK_WS) {
			if (pf & CK_WS)
				return 0;
		} else {
			if (cw > avail1)
				return 0;
			if (add_item(w, &k, col, col + cw) < 0)
				return -1;
			if (2 * k > w->ibcap) {
				size_t cap = 2 * w->itcap, *p = realloc(w->ib, cap * sizeof *p);

				if (!p) {
					errno = ENOMEM;
					return -1;
				}
				w->ib = p;
				w->ibcap = cap;
			}
			w->ib[2 * k - 2] = cs;
			w->ib[2 * k - 1] = u.off;
		}
		pf = cf;
		col += cw;
		cs = u.off;
	}
	if (k + 1 > ((unsigned long long)1 << 53) / (avail1 * avail1 + 1))
		return 0;
	return optimal_items(w, s, k, w->ib, out);
}

static int optimal(struct wrap *w, const char *s, struct buf *out)
{
	size_t n, i, j, W = (size_t)w->o.width, avail0 = W - w->iiw, avail1 = W - w->siw;
	size_t maxavail = avail0 > avail1 ? avail0 : avail1;
	int drop = w->o.drop_whitespace;
	const double INF = 1e300, BIG = 1e30;

	/* Words wider than a line are cut first, as the greedy wrapper cuts them. Spaces
	 * that are dropped at a line's end are not: no line can have them inside. */
	if (w->o.break_long_words && avail1 > 0) {
		size_t old = w->nch, k = 0;

		for (i = 0; i < old; i++)
			k += w->ch[i].w > avail1 && !(drop && (w->ch[i].fl & CK_WS));
		if (k) {
			for (i = 0; i < old; i++) {
				while (w->ch[i].w > avail1 && !(drop && (w->ch[i].fl & CK_WS))) {
					struct piece hp;

					long_word(w, s, i, avail1, 1, &hp);
					if (add_chunk(w, hp.off, hp.len, hp.w, hp.fl) < 0)
						return -1;
				}
				if (w->ch[i].len && add_chunk(w, w->ch[i].off, w->ch[i].len, w->ch[i].w,
				    w->ch[i].fl) < 0)
					return -1;
			}
			memmove(w->ch, w->ch + old, (w->nch - old) * sizeof *w->ch);
			w->nch -= old;
		}
	}
	n = w->nch;
	if (n + 1 > w->dpcap) {
		size_t cap = n + 1 > 2 * w->dpcap ? n + 1 : 2 * w->dpcap;
		double *c = realloc(w->cost, cap * sizeof *c);
		size_t *p = NULL;

		if (c)
			w->cost = c;
		if (c && (p = realloc(w->prev, cap * sizeof *p)))
			w->prev = p;
		if (p && (p = realloc(w->pre, cap * sizeof *p)))
			w->pre = p;
		if (p) {
			struct cand *q = realloc(w->st, cap * sizeof *q);

			if (q)
				w->st = q;
			else
				p = NULL;
		}
		if (p && grow_mq(w, cap + 1) < 0)
			p = NULL;
		if (!p) {
			errno = ENOMEM;
			return -1;
		}
		w->dpcap = cap;
	}
	/* cost[j]: the least cost of lines ending after chunk j - 1. With drop_whitespace a
	 * line starts at a word and the space before it ends the previous line, dropped. */
	w->cost[0] = 0;
	w->pre[0] = 0;
	for (i = 0; i < n; i++)
		w->pre[i + 1] = w->pre[i] + w->ch[i].w;
	/* Only chunks that can start a line are tried as starts (with drop_whitespace, not
	 * a space but the first), newest first; widths come from the prefix sums pre[]. */
	size_t ns = 0;
	int r;

	if (make_rcp(w, avail1) < 0)
		return -1;

	if (maxavail < (size_t)1 << 26 &&
	    n + 1 <= ((unsigned long long)1 << 53) / (maxavail * maxavail + 1) &&
	    ((r = w->o.exhaustive ? 2 : dp_mono(w, n, avail0, avail1, maxavail, drop)) == 0 ||
	    (r == 2 && !dp_exact(w, n, avail0, avail1, maxavail, drop))))
		j = n + 1;	/* done in integers */
	else
		j = 1;
	for (; j <= n; j++) {
		const size_t *pre = w->pre;
		const struct cand *st = w->st;
		size_t k, endw, bi;
		double best;
		int last = j == n;

		w->cost[j] = INF;
		w->prev[j] = j - 1;
		if (!drop || j == 1 || !(w->ch[j - 1].fl & CK_WS)) {
			w->st[ns].pre = pre[j - 1];
			w->st[ns].cost = w->cost[j - 1];
			w->st[ns++].i = j - 1;
		}
		if (drop && j < n && (w->ch[j].fl & CK_WS))
			continue;
		/* A line of two chunks or more drops the space it ends in. */
		endw = (drop && (w->ch[j - 1].fl & CK_WS) ? pre[j - 1] : pre[j]) +
			(j < n && (w->ch[j - 1].fl & CK_SHY));
		best = INF;
		bi = j - 1;
		k = ns;
		if (k && st[k - 1].i == j - 1) {
			/* The chunk alone: it may overflow (at a cost of BIG). */
			size_t avail = j == 1 ? avail0 : avail1;
			size_t lw = w->ch[j - 1].w + (j < n && (w->ch[j - 1].fl & CK_SHY));

			k--;
			if (st[k].cost < INF) {
				double c = lw > avail ? BIG : last ? 0 :
					(double)(long long)((avail - lw) * (avail - lw));

				best = st[k].cost + c;
			}
		}
		/* Longer lines, back to the paragraph's start (st[0] is chunk 0, of avail0).
		 * Squares are exact in a long long (widths are ints) and converted once, as
		 * the product of the two exact doubles would round them. */
		{
			/* In signed arithmetic: the line from candidate K is too wide for any
			 * line when pre < lim, and its slack is base + pre. */
			long long lim = (long long)endw - (long long)maxavail;
			long long base = (long long)avail1 - (long long)endw;

			while (k > 0) {
				const struct cand *cd = &st[--k];
				long long pr = (long long)cd->pre, sl;
				double c;

				if (pr < lim)
					break;
				if (k == 0)
					base = (long long)avail0 - (long long)endw;
				sl = base + pr;
				if (sl < 0 || cd->cost >= INF)
					continue;
				c = cd->cost + (last ? 0 : (double)(sl * sl));
				/* Without a branch: which candidate wins is unpredictable. */
				bi = c < best ? cd->i : bi;
				best = c < best ? c : best;
			}
		}
		w->cost[j] = best;
		w->prev[j] = bi;
	}
	/* Turn prev[] into next-line starts, then write the lines in order. */
	{
		size_t k = n, nxt = n;

		while (k > 0) {
			size_t p = w->prev[k];

			w->prev[k] = nxt;
			nxt = k;
			k = p;
		}
		for (i = 0; i < n; i = nxt, nxt = w->prev[nxt]) {
			size_t a = i, b = nxt;

			if (drop && b - a > 1 && (w->ch[b - 1].fl & CK_WS))
				b--;
			size_t lw = 0, k2;

			/* A line of spaces alone is dropped, as Python drops it. */
			if (drop && b - a == 1 && (w->ch[a].fl & CK_WS))
				continue;
			for (k2 = a; k2 < b; k2++)
				lw += w->ch[k2].w;
			if (emit(w, out, s, w->nlines ? w->si : w->ii, w->nlines ? w->silen : w->iilen,
			    a, b, NULL, 0, lw < (a == 0 ? avail0 : avail1)) < 0)
				return -1;
		}
	}
	return 0;
}

int wrap_fill_part(struct wrap *w, const char *text, size_t ctx, size_t len, int final,
	size_t *used, struct buf *out)
{
	size_t stop = len, midlen = w->midlen;
	int midword = w->midword, dropped = w->dropped;

	if (w->o.shorten) {
		if (text != w->text.p) {
			w->text.len = 0;
			if (buf_add(&w->text, text + ctx, len - ctx) < 0)
				return -1;
		}
		collapse(w, &w->text);
		text = w->text.p;
		ctx = 0;
		len = w->text.len;
	}
	if (final && !ctx && !w->nlines && !w->midword && w->o.algorithm == WRAP_GREEDY &&
	    !w->o.exhaustive && w->o.max_lines < 0 && w->o.drop_whitespace &&
	    !w->o.fix_sentence_endings && !w->uax14) {
		const unsigned char *u = (const unsigned char *)text;
		int r = plain_ascii(u, len) ? greedy_ascii(w, u, len, out) :
			w->cols && w->memo ? greedy_units(w, u, len, out) : 0;

		if (r < 0)
			return -1;
		if (r) {
			if (used)
				*used = len;
			return w->nlines ? finish_line(w, out, 1) : buf_addc(out, '\n');
		}
	}
	if (final && !ctx && !w->nlines && w->o.algorithm == WRAP_OPTIMAL && !w->o.exhaustive &&
	    !w->o.shorten && w->o.drop_whitespace && !w->o.fix_sentence_endings && !w->uax14) {
		const unsigned char *u = (const unsigned char *)text;
		int r;

		w->plain = 1;	/* no escape: optimal_units gives up at one */
		r = plain_ascii(u, len) ? optimal_ascii(w, u, len, out) :
			w->cols && w->memo ? optimal_units(w, u, len, out) : 0;
		if (r < 0)
			return -1;
		if (r) {
			if (used)
				*used = len;
			return w->nlines ? finish_line(w, out, 1) : buf_addc(out, '\n');
		}
	}
	if (tokenize(w, text, ctx, len) < 0)
		return -1;
	if (!final) {
		/* Whether a word ends before a run of dashes depends on what follows the run
		 * (the em-dash rule's lookahead): a run at the end of the part is undecided, and
		 * so is the chunk that ends where it starts. Those wait for the next part. */
		size_t d = len;

		while (d > ctx && text[d - 1] == '-')
			d--;
		if (d < len)
			while (w->nch && w->ch[w->nch - 1].off + w->ch[w->nch - 1].len >= d)
				w->nch--;
		if (!w->nch) {
			/* Nothing decided yet: the next call starts where this one did. */
			if (used)
				*used = ctx;
			w->midword = midword;
			w->midlen = midlen;
			w->dropped = dropped;
			return 0;
		}
	}
	if (w->o.fix_sentence_endings)
		fix_sentences(w, text);
	if (w->o.algorithm == WRAP_OPTIMAL) {
		if (optimal(w, text, out) < 0)
			return -1;
	} else if (greedy(w, text, final, &stop, out) < 0) {
		return -1;
	}
	if (!final && w->midword && stop + w->midlen >= len)
		w->midlen = 0;	/* the cut chunk may go on in the next part */
	if (used)
		*used = final ? len : stop;
	/* textwrap.fill gave "": the paragraph is still a line. */
	if (final && !w->nlines)
		return buf_addc(out, '\n');
	return finish_line(w, out, final);
}

int wrap_fill(struct wrap *w, const char *text, size_t len, struct buf *out)
{
	size_t col = 0;

	wrap_part_reset(w);
	w->text.len = 0;
	if (buf_grow(&w->text, len) < 0 || wrap_munge(w, text, len, &col, &w->text) < 0)
		return -1;
	return wrap_fill_part(w, w->text.p, 0, w->text.len, 1, NULL, out);
}

char *wrap_dedent(const char *s, size_t n, size_t *outlen)
{
	size_t i = 0, mlen = 0, o = 0;
	const char *margin = NULL;
	char *r = malloc(n + 1);

	if (!r)
		return NULL;
	/* The margin: the common prefix of the leading [ \t]* of lines with other text. */
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, k = i;

		while (k < e && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k < e) {
			if (!margin) {
				margin = s + i;
				mlen = k - i;
			} else {
				size_t m = 0;

				while (m < mlen && m < k - i && margin[m] == s[i + m])
					m++;
				mlen = m;
			}
		}
		i = e + 1;
	}
	for (i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, k = i;

		while (k < e && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == e)
			k = e;		/* whitespace-only: emptied */
		else
			k = i + mlen;
		memcpy(r + o, s + k, e - k);
		o += e - k;
		if (nl)
			r[o++] = '\n';
		i = e + 1;
	}
	r[o] = '\0';
	*outlen = o;
	return r;
}
