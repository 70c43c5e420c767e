/* globset: POSIX fnmatch(3) patterns with glibc's reading of them (UTF-8 locale, FNM_* flags and
 * FNM_EXTMATCH), or Python's fnmatch, compiled to regular expressions with complement and
 * matched by a DFA built lazily from Brzozowski derivatives (hash-consed terms, ACI-normalised
 * alternations), so every name is matched in linear time. Literal, prefix and suffix patterns
 * skip the automaton through hash tables keyed by length. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "globset.h"
#include "hash.h"
#include "utf8.h"

#define END_SYM (-1)		/* the end of a decoded pattern */
#define NO_SYM (-2)		/* a symbol no bracket item matches: to find a bracket's end */
#define BYTE_SYM 0x110000	/* an invalid byte B of a name or pattern is BYTE_SYM + B */
#define MAX_DEPTH 100
#define CLASS_MAX 256
#ifndef DFA_MAX_BYTES
#define DFA_MAX_BYTES ((size_t)64 << 20)	/* past this the DFA cache is dropped and rebuilt */
#endif

enum { T_NONE, T_EPS, T_CHR, T_ANY, T_SET, T_WSTAR, T_CAT, T_ALT, T_KSTAR, T_NOT, T_MARK };

struct term {
	unsigned char type, nullable;
	int a, b;		/* CHR: symbol; SET: bracket; CAT: left, right; ALT: kids offset, count;
				 * KSTAR, NOT: operand; MARK: pattern index */
	uint32_t h;
};

/* A bracket expression: its pattern symbols (glibc's reading is replayed per symbol) or, for
 * Python, its ranges. */
struct bracket {
	int32_t *pat;		/* glibc: from just after '[' to the pattern's end, END_SYM-terminated */
	int32_t *rng;		/* Python: lo, hi pairs */
	int nrng, neg, py;
};

struct dstate {
	int term, leading;
	long accept;		/* the first pattern matched when the name ends here, or -1 */
};

struct dfa {
	size_t lo, hi;		/* roots[lo..hi) */
	int root;
	struct dstate *ds;
	int *trans;		/* [row + byte class]: the next state's row, -1 until computed */
	int nds, capds, dead;
	int *dtab;
	size_t dtabmask;
	uint64_t *xkey;		/* non-ASCII transitions: (state << 32 | symbol) + 1 */
	int *xval;
	size_t xmask, nx;
	int start[2];
};

struct fastgroup {
	size_t len;
	struct hash *h;		/* keys of length LEN; value: pattern index */
};

struct globset {
	int flags;
	size_t npat;
	/* terms */
	struct term *t;
	int nt, capt;
	int *kids;
	size_t nkids, capkids;
	int *tab;		/* hash-cons index: term id + 1, 0 empty */
	size_t tabmask;
	struct bracket *br;
	int nbr, capbr;
	/* per-derivative memo */
	unsigned *memo_gen;
	int *memo_val;
	unsigned gen;
	int32_t dc;		/* the symbol of the derivative being taken, folded */
	int32_t draw;		/* the same, unfolded (for character classes) */
	int dldot;		/* the symbol is a '.' at a leading position */
	/* patterns */
	int *roots;
	size_t nroots, caproots;
	int *froots;		/* the fast-path patterns, parsed too: few go to the DFA instead */
	size_t nfroots, capfroots;
	int *droots;		/* what the DFAs range over */
	size_t ndroots;
	int use_fast;
	size_t nfast;
	int *pterm;		/* each pattern's term, by index */
	size_t cappterm;
	char req[64];		/* globset_required's answer */
	struct buf src;		/* every pattern: length (size_t) then bytes, to rebuild from */
	struct hash *lit;
	struct fastgroup *pre, *suf;
	size_t npre, nsuf;
	/* DFAs, each over a range of the roots: one until its states explode, then halves */
	struct dfa *dfa;
	size_t ndfa;
	unsigned char cls[128];	/* ASCII bytes that every pattern treats alike share a class */
	unsigned char rep[128];	/* a byte of each class */
	int ncls;
	int sshift;		/* a DFA row is 1 << sshift >= ncls transitions: state = row >> sshift */
	int dirty;		/* patterns added since the DFA was built */
	int err;
};

/* ---------- symbols ---------- */

static int32_t fold(int32_t c)
{
	if (c < 0 || c >= BYTE_SYM)
		return c;
	if (c < 128)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	{
		utf8proc_int32_t out[4];
		int opt = UTF8PROC_CASEFOLD;
		utf8proc_ssize_t k = utf8proc_decompose_char(c, out, 4, (utf8proc_option_t)opt, NULL);
		if (k == 1)
			return out[0];
		return utf8proc_tolower(c);
	}
}

/* Decode N bytes at S into symbols (invalid bytes as BYTE_SYM + b), END_SYM-terminated. */
static int32_t *decode(const char *s, size_t n, size_t *len)
{
	int32_t *v = malloc((n + 1) * sizeof *v);
	size_t i = 0, k = 0;

	if (!v)
		return NULL;
	while (i < n) {
		int32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		v[k++] = cp == UTF8_INVALID ? BYTE_SYM + (unsigned char)s[i] : cp;
		i += l;
	}
	v[k] = END_SYM;
	if (len)
		*len = k;
	return v;
}

/* ---------- terms ---------- */

static uint32_t mix(uint32_t h, uint32_t v)
{
	h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
	return h;
}

static uint32_t term_hash(int type, int a, int b, const int *kids)
{
	uint32_t h = mix(mix((uint32_t)type * 0x85ebca6bu, (uint32_t)a), (uint32_t)b);
	if (type == T_ALT)
		for (int i = 0; i < b; i++)
			h = mix(h, (uint32_t)kids[i]);
	return h ? h : 1;
}

static int term_eq(const struct globset *g, const struct term *t, int type, int a, int b,
	const int *kids)
{
	if (t->type != type || t->b != b)
		return 0;
	if (type == T_ALT)
		return memcmp(g->kids + t->a, kids, (size_t)b * sizeof *kids) == 0;
	return t->a == a;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	q = realloc(*p, c * size);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static int rehash_terms(struct globset *g)
{
	size_t n = (g->tabmask + 1) * 2;
	int *tab = calloc(n, sizeof *tab);

	if (!tab)
		return -1;
	for (int i = 0; i < g->nt; i++) {
		size_t j = g->t[i].h & (n - 1);
		while (tab[j])
			j = (j + 1) & (n - 1);
		tab[j] = i + 1;
	}
	free(g->tab);
	g->tab = tab;
	g->tabmask = n - 1;
	return 0;
}

/* The term (TYPE, A, B) (ALT: B kids in KIDS, sorted), made once. -1 on ENOMEM. */
static int mk(struct globset *g, int type, int a, int b, const int *kids)
{
	uint32_t h = term_hash(type, a, b, kids);
	size_t j = h & g->tabmask;
	struct term *t;
	int id;

	if (g->err)
		return 0;
	for (; g->tab[j]; j = (j + 1) & g->tabmask) {
		struct term *u = &g->t[g->tab[j] - 1];
		if (u->h == h && term_eq(g, u, type, a, b, kids))
			return g->tab[j] - 1;
	}
	if (g->nt == g->capt) {
		size_t cap = (size_t)g->capt;
		size_t mcap = cap;
		unsigned *mg;
		int *mv;
		if (grow((void **)&g->t, &cap, (size_t)g->nt + 1, sizeof *g->t) < 0)
			goto nomem;
		mg = realloc(g->memo_gen, cap * sizeof *mg);
		if (mg)
			g->memo_gen = mg;
		mv = realloc(g->memo_val, cap * sizeof *mv);
		if (mv)
			g->memo_val = mv;
		if (!mg || !mv)
			goto nomem;
		memset(mg + mcap, 0, (cap - mcap) * sizeof *mg);
		g->capt = (int)cap;
	}
	id = g->nt;
	t = &g->t[id];
	t->type = (unsigned char)type;
	t->b = b;
	t->h = h;
	t->a = a;
	if (type == T_ALT) {
		if (grow((void **)&g->kids, &g->capkids, g->nkids + (size_t)b, sizeof *g->kids) < 0)
			goto nomem;
		memcpy(g->kids + g->nkids, kids, (size_t)b * sizeof *kids);
		t->a = (int)g->nkids;
		g->nkids += (size_t)b;
	}
	switch (type) {
	case T_EPS: case T_WSTAR: case T_KSTAR: case T_MARK: t->nullable = 1; break;
	case T_CAT: t->nullable = g->t[a].nullable && g->t[b].nullable; break;
	case T_NOT: t->nullable = !g->t[a].nullable; break;
	case T_ALT:
		t->nullable = 0;
		for (int i = 0; i < b; i++)
			t->nullable |= g->t[kids[i]].nullable;
		break;
	default: t->nullable = 0;
	}
	g->nt++;
	if ((size_t)g->nt * 2 > g->tabmask && rehash_terms(g) < 0)
		goto nomem;
	if (g->tabmask == 0 || !g->tab[j]) {
		j = h & g->tabmask;
		while (g->tab[j])
			j = (j + 1) & g->tabmask;
		g->tab[j] = id + 1;
	}
	return id;
nomem:
	g->err = ENOMEM;
	return 0;
}

enum { NONE = 0, EPS = 1 };

static int mk_cat(struct globset *g, int a, int b)
{
	if (a == NONE || b == NONE)
		return NONE;
	if (a == EPS)
		return b;
	if (b == EPS)
		return a;
	if (g->t[a].type == T_CAT)
		return mk_cat(g, g->t[a].a, mk_cat(g, g->t[a].b, b));
	return mk(g, T_CAT, a, b, NULL);
}

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* The alternation of the N terms in V (V is scratch and reordered). */
static int mk_altv(struct globset *g, int *v, size_t n)
{
	size_t k = 0, total = 0;
	int *w, r;

	for (size_t i = 0; i < n; i++)
		total += g->t[v[i]].type == T_ALT ? (size_t)g->t[v[i]].b : 1;
	w = malloc((total + 1) * sizeof *w);
	if (!w) {
		g->err = ENOMEM;
		return NONE;
	}
	for (size_t i = 0; i < n; i++) {
		const struct term *t = &g->t[v[i]];
		if (t->type == T_ALT) {
			memcpy(w + k, g->kids + t->a, (size_t)t->b * sizeof *w);
			k += (size_t)t->b;
		} else if (v[i] != NONE)
			w[k++] = v[i];
	}
	qsort(w, k, sizeof *w, cmp_int);
	n = 0;
	for (size_t i = 0; i < k; i++)
		if (n == 0 || w[n - 1] != w[i])
			w[n++] = w[i];
	if (n == 0)
		r = NONE;
	else if (n == 1)
		r = w[0];
	else
		r = mk(g, T_ALT, 0, (int)n, w);
	free(w);
	return r;
}

static int mk_alt(struct globset *g, int a, int b)
{
	int v[2] = { a, b };
	if (a == b || b == NONE)
		return a;
	if (a == NONE)
		return b;
	return mk_altv(g, v, 2);
}

static int mk_kstar(struct globset *g, int a)
{
	if (a == NONE || a == EPS)
		return EPS;
	if (g->t[a].type == T_KSTAR)
		return a;
	return mk(g, T_KSTAR, a, 0, NULL);
}

static int mk_not(struct globset *g, int a)
{
	if (g->t[a].type == T_NOT)
		return g->t[a].a;
	return mk(g, T_NOT, a, 0, NULL);
}

static int mk_chr(struct globset *g, int32_t c)
{
	return mk(g, T_CHR, g->flags & GLOB_CASEFOLD ? fold(c) : c, 0, NULL);
}

/* ---------- character classes ---------- */

enum { C_ALNUM = 1, C_ALPHA, C_BLANK, C_CNTRL, C_DIGIT, C_GRAPH, C_LOWER, C_PRINT, C_PUNCT,
	C_SPACE, C_UPPER, C_XDIGIT };

static int class_id(const int32_t *s, size_t n)
{
	static const char *const names[] = { "alnum", "alpha", "blank", "cntrl", "digit", "graph",
		"lower", "print", "punct", "space", "upper", "xdigit" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t k = 0;
		while (k < n && names[i][k] && names[i][k] == s[k])
			k++;
		if (k == n && !names[i][k])
			return (int)i + 1;
	}
	return 0;
}

static int is_class(int32_t c, int cl)
{
	utf8proc_category_t cat;
	int alpha, space, cntrl, print;

	if (c < 0 || c >= BYTE_SYM)
		return 0;
	if (c < 128) {
		int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z', dg = c >= '0' && c <= '9';
		switch (cl) {
		case C_ALNUM: return lo || up || dg;
		case C_ALPHA: return lo || up;
		case C_BLANK: return c == ' ' || c == '\t';
		case C_CNTRL: return c < 32 || c == 127;
		case C_DIGIT: return dg;
		case C_GRAPH: return c > 32 && c < 127;
		case C_LOWER: return lo;
		case C_PRINT: return c >= 32 && c < 127;
		case C_PUNCT: return c > 32 && c < 127 && !lo && !up && !dg;
		case C_SPACE: return c == ' ' || (c >= 9 && c <= 13);
		case C_UPPER: return up;
		case C_XDIGIT: return dg || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
		}
		return 0;
	}
	cat = utf8proc_category(c);
	alpha = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
	space = cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
		cat == UTF8PROC_CATEGORY_ZP;
	if (c == 0xa0 || c == 0x2007 || c == 0x202f)
		space = 0;
	cntrl = cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_ZL ||
		cat == UTF8PROC_CATEGORY_ZP;
	print = cat != UTF8PROC_CATEGORY_CN && cat != UTF8PROC_CATEGORY_CC &&
		cat != UTF8PROC_CATEGORY_CS && cat != UTF8PROC_CATEGORY_ZL &&
		cat != UTF8PROC_CATEGORY_ZP;
	switch (cl) {
	case C_ALNUM: return alpha || cat == UTF8PROC_CATEGORY_ND;
	case C_ALPHA: return alpha;
	case C_BLANK: return space && cat == UTF8PROC_CATEGORY_ZS;
	case C_CNTRL: return cntrl;
	case C_DIGIT: return 0;
	case C_GRAPH: return print && !space;
	case C_LOWER: return utf8proc_toupper(c) != c || cat == UTF8PROC_CATEGORY_LL;
	case C_PRINT: return print;
	case C_PUNCT: return print && !space && !alpha && cat != UTF8PROC_CATEGORY_ND;
	case C_SPACE: return space;
	case C_UPPER: return utf8proc_tolower(c) != c || cat == UTF8PROC_CATEGORY_LU;
	case C_XDIGIT: return 0;
	}
	return 0;
}

/* ---------- brackets ---------- */

enum { BR_NOMATCH, BR_MATCH, BR_LITERAL };

/* glibc's bracket expression at P (just after '['), replayed for symbol C (NO_SYM: none):
 * BR_MATCH (then *AFTER is the index past ']'), BR_NOMATCH, or BR_LITERAL when the '[' is an
 * ordinary character because no ']' ends it. */
static int br_glibc(const int32_t *P, int32_t c, int flags, size_t *after)
{
	int fl = flags & GLOB_CASEFOLD, noesc = flags & GLOB_NOESCAPE, neg;
	size_t i = 0;
	int32_t fn = fl ? fold(c) : c, ch, cold, cend;

#define F(x) (fl ? fold(x) : (x))
	neg = P[i] == '!' || P[i] == '^';
	if (neg)
		i++;
	ch = P[i++];
	for (;;) {
		if (!noesc && ch == '\\') {
			if (P[i] == END_SYM)
				return BR_NOMATCH;
			ch = F(P[i]);
			i++;
			goto normal;
		} else if (ch == '[' && P[i] == ':') {
			int32_t str[CLASS_MAX + 1];
			size_t c1 = 0, startp = i;
			int wt;
			for (;;) {
				if (c1 == CLASS_MAX)
					return BR_NOMATCH;
				ch = P[++i];
				if (ch == ':' && P[i + 1] == ']') {
					i += 2;
					break;
				}
				if (ch < 'a' || ch >= 'z') {
					i = startp;
					ch = '[';
					goto normal;
				}
				str[c1++] = ch;
			}
			wt = class_id(str, c1);
			if (!wt)
				return BR_NOMATCH;
			if (is_class(c, wt))
				goto matched;
			ch = P[i++];
		} else if (ch == '[' && P[i] == '=') {
			size_t startp = i;
			int32_t s;
			ch = P[++i];
			if (ch == END_SYM) {
				i = startp;
				ch = '[';
				goto normal;
			}
			s = ch;
			ch = P[++i];
			if (ch != '=' || P[i + 1] != ']') {
				i = startp;
				ch = '[';
				goto normal;
			}
			i += 2;
			if (c == s)
				goto matched;
			ch = P[i++];
		} else if (ch == END_SYM) {
			return BR_LITERAL;
		} else {
			int is_range;
			if (ch == '[' && P[i] == '.') {
				size_t startp = i, c1 = 0;
				for (;;) {
					ch = P[++i];
					if (ch == '.' && P[i + 1] == ']') {
						i += 2;
						break;
					}
					if (ch == END_SYM)
						return BR_NOMATCH;
					c1++;
				}
				is_range = P[i] == '-' && P[i + 1] != END_SYM;
				if (c1 != 1)
					return BR_NOMATCH;
				if (!is_range && c == P[startp + 1])
					goto matched;
				cold = P[startp + 1];
				ch = P[i++];
			} else {
				ch = F(ch);
			normal:
				is_range = P[i] == '-' && P[i + 1] != END_SYM && P[i + 1] != ']';
				if (!is_range && ch == fn)
					goto matched;
				cold = ch;
				ch = P[i++];
			}
			if (ch == '-' && P[i] != ']') {
				cend = P[i++];
				if (cend == '[' && P[i] == '.') {
					size_t startp = i, c1 = 0;
					for (;;) {
						ch = P[++i];
						if (ch == '.' && P[i + 1] == ']') {
							i += 2;
							break;
						}
						if (ch == END_SYM)
							return BR_NOMATCH;
						c1++;
					}
					if (c1 != 1)
						return BR_NOMATCH;
					cend = P[startp + 1];
				} else {
					if (!noesc && cend == '\\')
						cend = P[i++];
					if (cend == END_SYM)
						return BR_NOMATCH;
					cend = F(cend);
				}
				if (fn >= 0 && fn < BYTE_SYM && cold <= fn && fn <= cend)
					goto matched;
				ch = P[i++];
			}
		}
		if (ch == ']')
			break;
	}
	*after = i;	/* the end, even when the answer is no: the parser wants it */
	if (!neg)
		return BR_NOMATCH;
	return BR_MATCH;
matched:
	while ((ch = P[i++]) != ']') {
		if (ch == END_SYM)
			return BR_LITERAL;	/* glibc 2.36: unterminated, so '[' is literal */
		if (!noesc && ch == '\\') {
			if (P[i] == END_SYM)
				return BR_NOMATCH;
			i++;
		} else if (ch == '[' && P[i] == ':') {
			size_t c1 = 0, startp = i;
			for (;;) {
				ch = P[++i];
				if (++c1 == CLASS_MAX)
					return BR_NOMATCH;
				if (P[i] == ':' && P[i + 1] == ']')
					break;
				if (ch < 'a' || ch >= 'z') {
					i = startp - 2;
					break;
				}
			}
			i += 2;
		} else if (ch == '[' && P[i] == '=') {
			ch = P[++i];
			if (ch == END_SYM)
				return BR_NOMATCH;
			ch = P[++i];
			if (ch != '=' || P[i + 1] != ']')
				return BR_NOMATCH;
			i += 2;
		} else if (ch == '[' && P[i] == '.') {
			for (;;) {
				ch = P[++i];
				if (ch == END_SYM)
					return BR_NOMATCH;
				if (ch == '.' && P[i + 1] == ']')
					break;
			}
			i += 2;
		}
	}
	if (neg)
		return BR_NOMATCH;
	*after = i;
	return BR_MATCH;
#undef F
}

static int br_python(const struct bracket *b, int32_t c)
{
	int in = 0;
	for (int k = 0; k < b->nrng && !in; k++)
		in = b->rng[2 * k] <= c && c <= b->rng[2 * k + 1];
	return in != b->neg;
}

static int new_bracket(struct globset *g, struct bracket *b)
{
	if (g->nbr == g->capbr) {
		size_t cap = (size_t)g->capbr;
		if (grow((void **)&g->br, &cap, (size_t)g->nbr + 1, sizeof *g->br) < 0) {
			g->err = ENOMEM;
			return -1;
		}
		g->capbr = (int)cap;
	}
	g->br[g->nbr] = *b;
	return g->nbr++;
}

/* Python 3.11 fnmatch.translate's bracket at P[i] (just after '['), ending at P[j] == ']'. */
static int py_bracket(struct globset *g, const int32_t *P, size_t i, size_t j)
{
	struct bracket b = { 0 };
	size_t n = j - i, nch = 0, k;
	int32_t *s = malloc((n + 1) * sizeof *s);
	size_t *cs = malloc((n + 2) * sizeof *cs), *ce = malloc((n + 2) * sizeof *ce);
	int32_t *r = malloc((2 * n + 4) * sizeof *r);
	int any = 0, never = 0;

	if (!s || !cs || !ce || !r)
		goto nomem;
	memcpy(s, P + i, n * sizeof *s);
	/* chunks as [cs, ce) spans of a working copy W that merges can rewrite */
	{
		int32_t *w = malloc((n + 1) * sizeof *w);
		size_t wl = 0;
		int has_dash = 0;
		if (!w)
			goto nomem;
		for (k = 0; k < n; k++)
			has_dash |= s[k] == '-';
		if (!has_dash) {
			cs[0] = 0;
			ce[0] = n;
			memcpy(w, s, n * sizeof *w);
			nch = n ? 1 : 0;
			wl = n;
		} else {
			size_t st = 0;
			k = s[0] == '!' ? 2 : 1;
			for (;;) {
				size_t f = k;
				while (f < n && s[f] != '-')
					f++;
				if (k >= n || f >= n)
					break;
				cs[nch] = wl;
				memcpy(w + wl, s + st, (f - st) * sizeof *w);
				wl += f - st;
				ce[nch++] = wl;
				st = f + 1;
				k = f + 3;
			}
			if (st < n) {
				cs[nch] = wl;
				memcpy(w + wl, s + st, (n - st) * sizeof *w);
				wl += n - st;
				ce[nch++] = wl;
			} else {
				/* chunks[-1] += '-': the chunk before is followed in W by its own end */
				int32_t *w2 = malloc((wl + 2) * sizeof *w2);
				size_t e = ce[nch - 1];
				if (!w2) {
					free(w);
					goto nomem;
				}
				memcpy(w2, w, e * sizeof *w2);
				w2[e] = '-';
				memcpy(w2 + e + 1, w + e, (wl - e) * sizeof *w2);
				free(w);
				w = w2;
				wl++;
				ce[nch - 1]++;
			}
			/* remove empty ranges */
			for (k = nch - 1; k > 0; k--) {
				size_t pe = ce[k - 1], ps = cs[k];
				if (ce[k - 1] > cs[k - 1] && ce[k] > cs[k] && w[pe - 1] > w[ps]) {
					/* chunks[k-1] = chunks[k-1][:-1] + chunks[k][1:] */
					int32_t *w2 = malloc((wl + 1) * sizeof *w2);
					size_t m = 0, shift;
					if (!w2) {
						free(w);
						goto nomem;
					}
					memcpy(w2, w, (pe - 1) * sizeof *w2);
					m = pe - 1;
					memcpy(w2 + m, w + ps + 1, (ce[k] - ps - 1) * sizeof *w2);
					m += ce[k] - ps - 1;
					shift = ce[k] - m;
					memcpy(w2 + m, w + ce[k], (wl - ce[k]) * sizeof *w2);
					wl -= shift;
					ce[k - 1] = m;
					for (size_t q = k + 1; q < nch; q++) {
						cs[q - 1] = cs[q] - shift;
						ce[q - 1] = ce[q] - shift;
					}
					nch--;
					free(w);
					w = w2;
				}
			}
		}
		/* the set: chunk chars literal, a range across each join */
		if (nch == 0 || (nch == 1 && ce[0] == cs[0]))
			never = 1;
		else if (nch == 1 && ce[0] - cs[0] == 1 && w[cs[0]] == '!')
			any = 1;
		else {
			size_t first = cs[0];
			if (w[first] == '!') {
				b.neg = 1;
				first++;
			}
			for (k = 0; k < nch; k++) {
				size_t from = k == 0 ? first : cs[k] + 1, to = k + 1 < nch ? ce[k] - 1 : ce[k];
				if (k > 0) {
					int32_t lo = ce[k - 1] > cs[k - 1] ? w[ce[k - 1] - 1] : '-';
					r[2 * b.nrng] = lo;
					r[2 * b.nrng + 1] = ce[k] > cs[k] ? w[cs[k]] : lo;
					b.nrng++;
				}
				for (size_t q = from; q < to; q++) {
					r[2 * b.nrng] = r[2 * b.nrng + 1] = w[q];
					b.nrng++;
				}
			}
			if (nch > 1 && b.neg && ce[0] - cs[0] == 1) {
				/* chunk 0 was only "!": the range's low end is '!' itself and the set is
				 * not negated (re reads "[!-x]" literally) */
				b.neg = 0;
			}
		}
		free(w);
	}
	free(s);
	free(cs);
	free(ce);
	b.py = 1;
	if (never) {
		free(r);
		return NONE;
	}
	if (any) {
		free(r);
		return mk(g, T_ANY, 0, 0, NULL);
	}
	b.rng = r;
	k = (size_t)new_bracket(g, &b);
	if ((int)k < 0) {
		free(r);
		return NONE;
	}
	return mk(g, T_SET, (int)k, 0, NULL);
nomem:
	free(s);
	free(cs);
	free(ce);
	free(r);
	g->err = ENOMEM;
	return NONE;
}

/* ---------- parser ---------- */

struct parse {
	struct globset *g;
	const int32_t *P;	/* the whole pattern, END_SYM-terminated */
	int depth;
};

static int parse_seq(struct parse *ps, size_t i, size_t end);

/* glibc's END: the index just past the ')' closing the list that opens at P[i] == '(',
 * or 0 when the list is not closed. */
static size_t ext_end(const int32_t *P, size_t i, size_t end)
{
	int level = 0;
	for (size_t p = i + 1; p < end; p++) {
		int32_t c = P[p];
		if (c == '[') {
			p++;
			if (p < end && (P[p] == '!' || P[p] == '^'))
				p++;
			if (p < end && P[p] == ']')
				p++;
			while (p < end && P[p] != ']')
				p++;
			if (p >= end)
				return 0;
		} else if ((c == '?' || c == '*' || c == '+' || c == '@' || c == '!') &&
			p + 1 < end && P[p + 1] == '(') {
			level++;
			p++;
		} else if (c == ')') {
			if (level-- == 0)
				return p + 1;
		}
	}
	return 0;
}

/* The extended pattern OP( ... ) whose '(' is at P[i] and whose end is E (past ')'). */
static int parse_ext(struct parse *ps, int32_t op, size_t i, size_t e)
{
	struct globset *g = ps->g;
	const int32_t *P = ps->P;
	size_t start = i + 1, p;
	int level = 0, alt = NONE;

	if (++ps->depth > MAX_DEPTH) {
		g->err = EINVAL;
		return NONE;
	}
	for (p = i + 1; p < e; p++) {
		int32_t c = P[p];
		if (c == '[') {
			p++;
			if (P[p] == '!' || P[p] == '^')
				p++;
			if (P[p] == ']')
				p++;
			while (P[p] != ']')
				p++;
		} else if ((c == '?' || c == '*' || c == '+' || c == '@' || c == '!') &&
			P[p + 1] == '(') {
			level++;
			p++;
		} else if (c == ')' || (c == '|' && level == 0)) {
			if (c == ')' && level-- > 0)
				continue;
			alt = mk_alt(g, alt, parse_seq(ps, start, p));
			start = p + 1;
		}
	}
	ps->depth--;
	switch (op) {
	case '?': return mk_alt(g, EPS, alt);
	case '*': return mk_kstar(g, alt);
	case '+': return mk_cat(g, alt, mk_kstar(g, alt));
	case '@': return alt;
	default: return mk_not(g, alt);
	}
}

/* Braces at P[i] == '{': their alternation and the index past '}', or NONE with *NEXT = 0
 * when the '{' is an ordinary character (no matching '}' or no ',' inside). */
static int parse_brace(struct parse *ps, size_t i, size_t end, size_t *next)
{
	struct globset *g = ps->g;
	const int32_t *P = ps->P;
	int level = 0, commas = 0, noesc = g->flags & GLOB_NOESCAPE, alt = NONE;
	size_t p, start = i + 1;

	*next = 0;
	for (p = i + 1; p < end; p++) {
		if (P[p] == '\\' && !noesc && p + 1 < end)
			p++;
		else if (P[p] == '{')
			level++;
		else if (P[p] == '}' && level-- == 0)
			break;
		else if (P[p] == ',' && level == 0)
			commas++;
	}
	if (p >= end || !commas)
		return NONE;
	if (++ps->depth > MAX_DEPTH) {
		g->err = EINVAL;
		return NONE;
	}
	*next = p + 1;
	end = p;
	level = 0;
	for (p = i + 1; p <= end; p++) {
		if (p < end && P[p] == '\\' && !noesc && p + 1 < end)
			p++;
		else if (p < end && P[p] == '{')
			level++;
		else if (p < end && P[p] == '}')
			level--;
		else if (p == end || (P[p] == ',' && level == 0)) {
			alt = mk_alt(g, alt, parse_seq(ps, start, p));
			start = p + 1;
		}
	}
	ps->depth--;
	return alt;
}

/* A growing list of atoms, concatenated right to left at the end. */
struct atoms {
	int *v;
	size_t n, cap;
};

static void push(struct globset *g, struct atoms *a, int t)
{
	if (grow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v) < 0) {
		g->err = ENOMEM;
		return;
	}
	a->v[a->n++] = t;
}

/* The pattern P[i..end) in the default (glibc) syntax, or Python's. */
static int parse_seq(struct parse *ps, size_t i, size_t end)
{
	struct globset *g = ps->g;
	const int32_t *P = ps->P;
	int fl = g->flags, ext = fl & GLOB_EXTMATCH, pathname = fl & GLOB_PATHNAME;
	int any = mk(g, T_ANY, 0, 0, NULL), wstar = mk(g, T_WSTAR, 0, 0, NULL), r = EPS;
	struct atoms a = { 0 };

	while (i < end && !g->err) {
		int32_t c = P[i++];
		size_t e;

		if (fl & GLOB_PYTHON) {
			if (c == '*') {
				while (i < end && P[i] == '*')
					i++;
				push(g, &a, wstar);
			} else if (c == '?')
				push(g, &a, any);
			else if (c == '[') {
				size_t j = i;
				if (j < end && P[j] == '!')
					j++;
				if (j < end && P[j] == ']')
					j++;
				while (j < end && P[j] != ']')
					j++;
				if (j >= end)
					push(g, &a, mk_chr(g, '['));
				else {
					push(g, &a, py_bracket(g, P, i, j));
					i = j + 1;
				}
			} else if (c == '{' && (fl & GLOB_BRACES)) {
				int t = parse_brace(ps, i - 1, end, &e);
				if (e) {
					push(g, &a, t);
					i = e;
				} else
					push(g, &a, mk_chr(g, c));
			} else
				push(g, &a, mk_chr(g, c));
			continue;
		}
		if (ext && (c == '?' || c == '*' || c == '+' || c == '@' || c == '!') && i < end &&
			P[i] == '(' && (e = ext_end(P, i, end)) != 0) {
			push(g, &a, parse_ext(ps, c, i, e));
			i = e;
			continue;
		}
		switch (c) {
		case '?':
			push(g, &a, any);
			break;
		case '*':
			if ((fl & GLOB_GITSTAR) && pathname && i < end && P[i] == '*' &&
				(i == 1 || P[i - 2] == '/') && (i + 1 == end || P[i + 1] == '/')) {
				/* a "**" component: any number of directories */
				int slash = mk_chr(g, '/');
				if (i + 1 == end) {
					push(g, &a, mk_cat(g, wstar, mk_kstar(g, mk_cat(g, slash, wstar))));
					i++;
				} else {
					push(g, &a, mk_kstar(g, mk_cat(g, wstar, slash)));
					i += 2;
				}
				break;
			}
			push(g, &a, wstar);
			while (i < end && (P[i] == '*' || P[i] == '?')) {
				if (ext && i + 1 < end && P[i + 1] == '(' && (e = ext_end(P, i + 1, end))) {
					i = e;
					continue;
				}
				if (P[i] == '?')
					push(g, &a, any);
				i++;
			}
			/* glibc never finds an escaped '/' after a star under FNM_PATHNAME */
			if (pathname && !(fl & GLOB_NOESCAPE) && i + 1 < end && P[i] == '\\' &&
				P[i + 1] == '/')
				push(g, &a, NONE);
			break;
		case '[': {
			size_t after = 0;
			int lit = br_glibc(P + i, '[', fl, &after) == BR_LITERAL;
			int r0;
			after = 0;
			r0 = br_glibc(P + i, NO_SYM, fl, &after);
			if (r0 == BR_LITERAL) {
				push(g, &a, lit ? mk_chr(g, '[') : NONE);
				break;
			}
			if (!after) {
				/* find the end through a symbol the bracket matches, if any */
				size_t q;
				after = 0;
				for (q = i; P[q] != END_SYM && !after; q++)
					if (br_glibc(P + i, P[q], fl, &after) != BR_MATCH)
						after = 0;
				if (!after) {
					push(g, &a, NONE);
					break;
				}
			}
			{
				struct bracket b = { 0 };
				size_t len = 0;
				int k;
				while (P[i + len] != END_SYM)
					len++;
				b.pat = malloc((len + 1) * sizeof *b.pat);
				if (!b.pat) {
					g->err = ENOMEM;
					break;
				}
				memcpy(b.pat, P + i, (len + 1) * sizeof *b.pat);
				k = new_bracket(g, &b);
				if (k < 0) {
					free(b.pat);
					break;
				}
				push(g, &a, mk(g, T_SET, k, 0, NULL));
			}
			i += after;
			break;
		}
		case '\\':
			if (!(fl & GLOB_NOESCAPE)) {
				if (i >= end) {
					push(g, &a, NONE);
					break;
				}
				c = P[i++];
			}
			push(g, &a, mk_chr(g, c));
			break;
		case '{':
			if (fl & GLOB_BRACES) {
				int t = parse_brace(ps, i - 1, end, &e);
				if (e) {
					push(g, &a, t);
					i = e;
					break;
				}
			}
			push(g, &a, mk_chr(g, c));
			break;
		default:
			push(g, &a, mk_chr(g, c));
		}
	}
	while (a.n > 0)
		r = mk_cat(g, a.v[--a.n], r);
	free(a.v);
	return g->err ? NONE : r;
}

/* ---------- derivatives ---------- */

static int deriv(struct globset *g, int t);

/* The derivative of A·B. */
static int dcat(struct globset *g, int a, int b)
{
	const struct term *ta = &g->t[a];
	int r;

	if (g->dldot && ta->type == T_WSTAR)
		return NONE;
	if (g->dldot && ta->type == T_ALT) {
		/* glibc tries each alternative with the rest: a '*' among them fails at a
		 * leading '.' even where it would match the empty string */
		int n = ta->b, *v = malloc((size_t)n * sizeof *v);
		if (!v) {
			g->err = ENOMEM;
			return NONE;
		}
		for (int k = 0; k < n; k++) {
			int kid = g->kids[g->t[a].a + k];
			v[k] = g->t[kid].type == T_CAT ?
				dcat(g, g->t[kid].a, mk_cat(g, g->t[kid].b, b)) :
				dcat(g, kid, b);
		}
		r = mk_altv(g, v, (size_t)n);
		free(v);
		return r;
	}
	r = mk_cat(g, deriv(g, a), b);
	if (g->t[a].nullable)
		r = mk_alt(g, r, deriv(g, b));
	return r;
}

static int deriv(struct globset *g, int t)
{
	const struct term *tt = &g->t[t];
	int r = NONE, fl = g->flags;
	int32_t c = g->dc;

	if (g->memo_gen[t] == g->gen)
		return g->memo_val[t];
	switch (tt->type) {
	case T_CHR:
		r = tt->a == c ? EPS : NONE;
		break;
	case T_ANY:
		r = g->dldot || (c == '/' && (fl & GLOB_PATHNAME)) ? NONE : EPS;
		break;
	case T_WSTAR:
		r = g->dldot || (c == '/' && (fl & GLOB_PATHNAME)) ? NONE : t;
		break;
	case T_SET: {
		const struct bracket *b = &g->br[tt->a];
		size_t after;
		if (b->py)
			r = br_python(b, g->draw) ? EPS : NONE;
		else if (g->dldot || (c == '/' && (fl & GLOB_PATHNAME)))
			r = NONE;
		else
			r = br_glibc(b->pat, g->draw, fl, &after) == BR_MATCH ? EPS : NONE;
		break;
	}
	case T_CAT:
		r = dcat(g, tt->a, tt->b);
		break;
	case T_ALT: {
		int n = tt->b, *v = malloc((size_t)n * sizeof *v);
		if (!v) {
			g->err = ENOMEM;
			return NONE;
		}
		for (int k = 0; k < n; k++)
			v[k] = deriv(g, g->kids[g->t[t].a + k]);
		r = mk_altv(g, v, (size_t)n);
		free(v);
		break;
	}
	case T_KSTAR:
		r = mk_cat(g, deriv(g, tt->a), t);
		break;
	case T_NOT:
		r = mk_not(g, deriv(g, tt->a));
		break;
	default:
		r = NONE;
	}
	if (g->err)
		return NONE;
	if ((size_t)t < (size_t)g->nt) {
		g->memo_gen[t] = g->gen;
		g->memo_val[t] = r;
	}
	return r;
}

/* The first pattern whose MARK the nullable term T reaches, or LONG_MAX. */
static long first_mark(const struct globset *g, int t)
{
	const struct term *tt = &g->t[t];
	long best = LONG_MAX;

	if (!tt->nullable)
		return LONG_MAX;
	switch (tt->type) {
	case T_MARK:
		return tt->a;
	case T_CAT:
		return first_mark(g, tt->b);
	case T_ALT:
		for (int k = 0; k < tt->b; k++) {
			long m = first_mark(g, g->kids[tt->a + k]);
			if (m < best)
				best = m;
		}
		return best;
	default:
		return LONG_MAX;
	}
}

static int dfa_state(struct globset *g, struct dfa *a, int term, int leading)
{
	uint32_t h = mix((uint32_t)term * 2654435761u, (uint32_t)leading);
	size_t j, ncls = (size_t)1 << g->sshift;
	struct dstate *d;

	if (!a->dtab || (size_t)a->nds * 2 >= a->dtabmask) {
		size_t n = a->dtab ? (a->dtabmask + 1) * 2 : 1024;
		int *tab = calloc(n, sizeof *tab);
		if (!tab)
			goto nomem;
		for (int i = 0; i < a->nds; i++) {
			uint32_t hh = mix((uint32_t)a->ds[i].term * 2654435761u,
				(uint32_t)a->ds[i].leading);
			size_t k = hh & (n - 1);
			while (tab[k])
				k = (k + 1) & (n - 1);
			tab[k] = i + 1;
		}
		free(a->dtab);
		a->dtab = tab;
		a->dtabmask = n - 1;
	}
	for (j = h & a->dtabmask; a->dtab[j]; j = (j + 1) & a->dtabmask) {
		d = &a->ds[a->dtab[j] - 1];
		if (d->term == term && d->leading == leading)
			return a->dtab[j] - 1;
	}
	if (a->nds == a->capds) {
		size_t cap = a->capds ? (size_t)a->capds * 2 : 64;
		struct dstate *ds = realloc(a->ds, cap * sizeof *ds);
		int *tr;
		if (!ds)
			goto nomem;
		a->ds = ds;
		tr = realloc(a->trans, cap * ncls * sizeof *tr);
		if (!tr)
			goto nomem;
		a->trans = tr;
		a->capds = (int)cap;
	}
	d = &a->ds[a->nds];
	d->term = term;
	d->leading = leading;
	{
		long m = first_mark(g, term);
		d->accept = m == LONG_MAX ? -1 : m;
	}
	memset(a->trans + (size_t)a->nds * ncls, 0xff, ncls * sizeof *a->trans);
	if (term == NONE)
		a->dead = a->nds;
	a->dtab[j] = a->nds + 1;
	return a->nds++;
nomem:
	g->err = ENOMEM;
	return -1;
}

static void dfa_reset(struct dfa *a)
{
	a->nds = 0;
	a->dead = -1;
	free(a->dtab);
	a->dtab = NULL;
	a->dtabmask = 0;
	if (a->xkey)
		memset(a->xkey, 0, (a->xmask + 1) * sizeof *a->xkey);
	a->nx = 0;
	a->start[0] = a->start[1] = -1;
}

/* The state after symbol C from state S. */
static int dfa_step(struct globset *g, struct dfa *a, int s, int32_t c)
{
	int leading = a->ds[s].leading, term = a->ds[s].term, nt, ns;

	g->gen++;
	if (g->gen == 0) {
		memset(g->memo_gen, 0, (size_t)g->capt * sizeof *g->memo_gen);
		g->gen = 1;
	}
	g->draw = c;
	g->dc = g->flags & GLOB_CASEFOLD ? fold(c) : c;
	g->dldot = leading && c == '.';
	nt = deriv(g, term);
	if (g->err)
		return -1;
	ns = dfa_state(g, a, nt, (g->flags & GLOB_PERIOD) && (g->flags & GLOB_PATHNAME) && c == '/' &&
		!(g->flags & GLOB_PYTHON));
	return ns;
}

/* Split the ASCII bytes into classes no pattern tells apart: a byte's signature is what
 * each literal and bracket of the patterns says of it. */
static int byte_classes(struct globset *g)
{
	size_t nsig = 0, words;
	uint64_t *sig;
	int fl = g->flags;

	for (int t = 0; t < g->nt; t++)
		nsig += g->t[t].type == T_CHR || g->t[t].type == T_SET;
	words = (nsig + 2 + 63) / 64;
	sig = calloc(128 * words, sizeof *sig);
	if (!sig)
		return -1;
	for (int c = 0; c < 128; c++) {
		uint64_t *w = sig + (size_t)c * words;
		size_t k = 2, after;
		int32_t fc = fl & GLOB_CASEFOLD ? fold(c) : c;
		w[0] = (uint64_t)(c == '/') | (uint64_t)(c == '.') << 1;
		for (int t = 0; t < g->nt; t++) {
			const struct term *tt = &g->t[t];
			int in;
			if (tt->type == T_CHR)
				in = tt->a == fc;
			else if (tt->type == T_SET)
				in = g->br[tt->a].py ? br_python(&g->br[tt->a], c) :
					br_glibc(g->br[tt->a].pat, c, fl, &after) == BR_MATCH;
			else
				continue;
			if (in)
				w[k / 64] |= (uint64_t)1 << (k % 64);
			k++;
		}
	}
	g->ncls = 0;
	for (int c = 0; c < 128; c++) {
		int k;
		for (k = 0; k < g->ncls; k++)
			if (!memcmp(sig + (size_t)c * words, sig + (size_t)g->rep[k] * words,
				words * sizeof *sig))
				break;
		if (k == g->ncls)
			g->rep[g->ncls++] = (unsigned char)c;
		g->cls[c] = (unsigned char)k;
	}
	for (g->sshift = 0; 1 << g->sshift < g->ncls; g->sshift++)
		;
	free(sig);
	return 0;
}

static void dfa_free(struct dfa *a);

/* ---------- public ---------- */

struct globset *globset_new(int flags)
{
	struct globset *g = calloc(1, sizeof *g);

	if (!g)
		return NULL;
	g->flags = flags;
	g->tab = calloc(1024, sizeof *g->tab);
	g->tabmask = 1023;
	g->lit = hash_new(0);
	if (!g->tab || !g->lit) {
		globset_free(g);
		errno = ENOMEM;
		return NULL;
	}
	if (mk(g, T_NONE, 0, 0, NULL) != NONE || mk(g, T_EPS, 0, 0, NULL) != EPS) {
		globset_free(g);
		errno = ENOMEM;
		return NULL;
	}
	return g;
}

void globset_free(struct globset *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->ndfa; i++)
		dfa_free(&g->dfa[i]);
	free(g->dfa);
	for (int i = 0; i < g->nbr; i++) {
		free(g->br[i].pat);
		free(g->br[i].rng);
	}
	free(g->br);
	free(g->t);
	free(g->kids);
	free(g->tab);
	free(g->memo_gen);
	free(g->memo_val);
	free(g->roots);
	free(g->froots);
	free(g->droots);
	free(g->pterm);
	hash_free(g->lit);
	for (size_t i = 0; i < g->npre; i++)
		hash_free(g->pre[i].h);
	for (size_t i = 0; i < g->nsuf; i++)
		hash_free(g->suf[i].h);
	free(g->pre);
	free(g->suf);
	buf_free(&g->src);
	free(g);
}

struct globset *globset_copy(const struct globset *g)
{
	struct globset *n = globset_new(g->flags);
	size_t off = 0;

	while (n && off < g->src.len) {
		size_t len;
		memcpy(&len, g->src.p + off, sizeof len);
		off += sizeof len;
		if (globset_add(n, g->src.p + off, len) < 0) {
			globset_free(n);
			errno = ENOMEM;
			return NULL;
		}
		off += len;
	}
	return n;
}

size_t globset_count(const struct globset *g)
{
	return g->npat;
}

void globset_stats(const struct globset *g, size_t *fast, size_t *automaton, size_t *states)
{
	*fast = g->use_fast ? g->nfast : 0;
	*automaton = g->npat - *fast;
	*states = 0;
	for (size_t i = 0; i < g->ndfa; i++)
		*states += (size_t)g->dfa[i].nds;
}

/* A byte that never needs the automaton in a literal part of a pattern under FLAGS. */
static int plain(int c, int flags)
{
	if (flags & GLOB_PYTHON)
		return c != '*' && c != '?' && c != '[' && !((flags & GLOB_BRACES) && (c == '{' || c == '}'));
	return !strchr("*?[]\\{}()|!+@", c) || c == 0;
}

static int add_group(struct fastgroup **gr, size_t *n, const char *key, size_t len, long idx)
{
	struct fastgroup *f = NULL;
	long k;
	int added;

	for (size_t i = 0; i < *n; i++)
		if ((*gr)[i].len == len)
			f = &(*gr)[i];
	if (!f) {
		struct fastgroup *v = realloc(*gr, (*n + 1) * sizeof *v);
		if (!v)
			return -1;
		*gr = v;
		f = &v[(*n)++];
		f->len = len;
		f->h = hash_new(0);
		if (!f->h) {
			(*n)--;
			return -1;
		}
	}
	k = hash_add(f->h, key, len, &added);
	if (k < 0)
		return -1;
	if (added)
		*hash_val(f->h, (size_t)k) = (uint64_t)idx;
	return 0;
}

/* Route P to a hash table when it is a literal, "lit*" or "*lit": 1, 0 if not, -1 ENOMEM. */
static int try_fast(struct globset *g, const char *p, size_t n, long idx)
{
	int fl = g->flags;
	size_t stars = 0, pos = 0;

	if (fl & (GLOB_CASEFOLD | GLOB_LEADING_DIR) || utf8_valid_prefix(p, n) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '*') {
			stars++;
			pos = i;
		} else if (!plain((unsigned char)p[i], fl))
			return 0;
	}
	if (stars == 0) {
		int added;
		long k = hash_add(g->lit, p, n, &added);
		if (k < 0)
			return -1;
		if (added)
			*hash_val(g->lit, (size_t)k) = (uint64_t)idx;
		return 1;
	}
	if (stars != 1 || n < 2 || (pos != 0 && pos != n - 1))
		return 0;
	if (!(fl & GLOB_PYTHON) && (fl & GLOB_PATHNAME) && memchr(p, '/', n))
		return 0;
	if (pos == 0)
		return add_group(&g->suf, &g->nsuf, p + 1, n - 1, idx) < 0 ? -1 : 1;
	return add_group(&g->pre, &g->npre, p, n - 1, idx) < 0 ? -1 : 1;
}

long globset_add(struct globset *g, const char *p, size_t n)
{
	struct parse ps;
	size_t len;
	long idx = (long)g->npat;
	int t, f;

	if (buf_add(&g->src, &n, sizeof n) < 0 || buf_add(&g->src, p, n) < 0) {
		errno = ENOMEM;
		return -1;
	}
	f = try_fast(g, p, n, idx);
	if (f < 0) {
		errno = ENOMEM;
		return -1;
	}
	ps.g = g;
	ps.P = decode(p, n, &len);
	ps.depth = 0;
	if (!ps.P) {
		errno = ENOMEM;
		return -1;
	}
	t = parse_seq(&ps, 0, len);
	free((void *)ps.P);
	if (g->err) {
		errno = g->err;
		g->err = 0;
		return -1;
	}
	t = mk_cat(g, t, mk(g, T_MARK, (int)idx, 0, NULL));
	if (grow((void **)&g->roots, &g->caproots, g->nroots + 1, sizeof *g->roots) < 0 ||
		grow((void **)&g->pterm, &g->cappterm, g->npat + 1, sizeof *g->pterm) < 0 || g->err) {
		errno = ENOMEM;
		return -1;
	}
	if (f) {
		if (grow((void **)&g->froots, &g->capfroots, g->nfroots + 1, sizeof *g->froots) < 0) {
			errno = ENOMEM;
			return -1;
		}
		g->froots[g->nfroots++] = t;
		g->nfast++;
	} else
		g->roots[g->nroots++] = t;
	g->pterm[g->npat++] = t;
	g->dirty = 1;
	return idx;
}

static int xfind(const struct dfa *a, int s, int32_t c)
{
	uint64_t key = ((uint64_t)(uint32_t)s << 32 | (uint32_t)c) + 1;
	if (!a->xkey)
		return -1;
	for (size_t j = (size_t)(key * 0x9e3779b97f4a7c15u >> 40) & a->xmask; a->xkey[j];
		j = (j + 1) & a->xmask)
		if (a->xkey[j] == key)
			return a->xval[j];
	return -1;
}

static int xput(struct dfa *a, int s, int32_t c, int v)
{
	uint64_t key = ((uint64_t)(uint32_t)s << 32 | (uint32_t)c) + 1;
	size_t j;

	if (!a->xkey || (a->nx + 1) * 2 > a->xmask + 1) {
		size_t n = a->xkey ? (a->xmask + 1) * 2 : 256;
		uint64_t *k2 = calloc(n, sizeof *k2);
		int *v2 = malloc(n * sizeof *v2);
		if (!k2 || !v2) {
			free(k2);
			free(v2);
			return -1;
		}
		for (size_t i = 0; a->xkey && i <= a->xmask; i++)
			if (a->xkey[i]) {
				size_t q = (size_t)(a->xkey[i] * 0x9e3779b97f4a7c15u >> 40) & (n - 1);
				while (k2[q])
					q = (q + 1) & (n - 1);
				k2[q] = a->xkey[i];
				v2[q] = a->xval[i];
			}
		free(a->xkey);
		free(a->xval);
		a->xkey = k2;
		a->xval = v2;
		a->xmask = n - 1;
	}
	for (j = (size_t)(key * 0x9e3779b97f4a7c15u >> 40) & a->xmask; a->xkey[j];
		j = (j + 1) & a->xmask)
		;
	a->xkey[j] = key;
	a->xval[j] = v;
	a->nx++;
	return 0;
}

static long fast_match(const struct globset *g, const char *name, size_t n)
{
	int fl = g->flags, py = fl & GLOB_PYTHON;
	long k;

	if (hash_count(g->lit) && (k = hash_find(g->lit, name, n)) >= 0)
		return (long)*hash_val(g->lit, (size_t)k);
	if (g->nsuf && (py || (!((fl & GLOB_PERIOD) && n && name[0] == '.') &&
		!((fl & GLOB_PATHNAME) && memchr(name, '/', n)))))
		for (size_t i = 0; i < g->nsuf; i++) {
			size_t l = g->suf[i].len;
			if (l <= n && (k = hash_find(g->suf[i].h, name + n - l, l)) >= 0)
				return (long)*hash_val(g->suf[i].h, (size_t)k);
		}
	for (size_t i = 0; i < g->npre; i++) {
		size_t l = g->pre[i].len;
		if (l <= n && (k = hash_find(g->pre[i].h, name, l)) >= 0 &&
			(py || !(fl & GLOB_PATHNAME) || !memchr(name + l, '/', n - l)))
			return (long)*hash_val(g->pre[i].h, (size_t)k);
	}
	return -1;
}

#ifndef TERM_MAX_BYTES
#define TERM_MAX_BYTES ((size_t)64 << 20)	/* past this the terms are rebuilt */
#endif
#define FAST_MIN 32	/* fewer fast-path patterns than this go to the automaton */
#define SPLIT_STATES 2000	/* a DFA over several patterns with more states is halved */

static int dfa_new(struct globset *g, size_t lo, size_t hi)
{
	struct dfa *v = realloc(g->dfa, (g->ndfa + 1) * sizeof *v), *a;

	if (!v)
		return -1;
	g->dfa = v;
	a = &v[g->ndfa];
	memset(a, 0, sizeof *a);
	a->lo = lo;
	a->hi = hi;
	a->start[0] = a->start[1] = -1;
	a->dead = -1;
	a->root = mk_altv(g, g->droots + lo, hi - lo);
	if (g->err)
		return -1;
	g->ndfa++;
	return 0;
}

static void dfa_free(struct dfa *a)
{
	dfa_reset(a);
	free(a->ds);
	free(a->trans);
	free(a->xkey);
	free(a->xval);
}

/* Build the DFAs afresh (after new patterns), or drop their states when they use too much
 * memory, or halve a DFA whose states explode: 0, or -1 on ENOMEM. */
static int dfa_prepare(struct globset *g)
{
	size_t bytes = 0, per = sizeof(struct dstate) + ((size_t)1 << g->sshift) * sizeof(int);

	if ((size_t)g->nt * sizeof *g->t + g->nkids * sizeof *g->kids > TERM_MAX_BYTES) {
		/* the derivatives of a pattern like "*a" + 20 "?" never end: start afresh */
		struct globset *n = globset_copy(g), tmp;
		if (!n)
			return -1;
		memcpy(n->req, g->req, sizeof n->req);	/* a caller may hold a pointer to it */
		tmp = *g;
		*g = *n;
		*n = tmp;
		globset_free(n);
	}
	if (g->dirty) {
		for (size_t i = 0; i < g->ndfa; i++)
			dfa_free(&g->dfa[i]);
		g->ndfa = 0;
		g->dirty = 0;
		/* hash lookups pay only for many patterns: a few go to the automaton */
		g->use_fast = g->nfast >= FAST_MIN;
		free(g->droots);
		g->droots = malloc((g->nroots + g->nfroots + 1) * sizeof *g->droots);
		if (!g->droots)
			return -1;
		if (g->nroots)
			memcpy(g->droots, g->roots, g->nroots * sizeof *g->droots);
		g->ndroots = g->nroots;
		if (!g->use_fast && g->nfroots) {
			memcpy(g->droots + g->nroots, g->froots, g->nfroots * sizeof *g->droots);
			g->ndroots += g->nfroots;
		}
		if (byte_classes(g) < 0)
			return -1;
		return g->ndroots ? dfa_new(g, 0, g->ndroots) : 0;
	}
	for (size_t i = 0; i < g->ndfa; i++) {
		struct dfa *a = &g->dfa[i];
		bytes += (size_t)a->nds * per;
		if (a->nds > SPLIT_STATES && a->hi - a->lo > 1) {
			size_t lo = a->lo, hi = a->hi, mid = lo + (hi - lo) / 2;
			dfa_free(a);
			g->dfa[i] = g->dfa[--g->ndfa];
			if (dfa_new(g, lo, mid) < 0 || dfa_new(g, mid, hi) < 0)
				return -1;
			i--;
		}
	}
	if (bytes > DFA_MAX_BYTES)
		for (size_t i = 0; i < g->ndfa; i++)
			dfa_reset(&g->dfa[i]);
	return 0;
}

/* The row of DFA A's start state, or -1 on ENOMEM. */
static long dfa_start(struct globset *g, struct dfa *a)
{
	int lead = (g->flags & GLOB_PERIOD) && !(g->flags & GLOB_PYTHON);

	if (a->start[lead] < 0 && (a->start[lead] = dfa_state(g, a, a->root, lead)) < 0)
		return -1;
	return (long)((size_t)a->start[lead] << g->sshift);
}

/* Run DFA A over NAME from byte I in the state whose row is ROW: the first pattern matched,
 * or -1; -2 on ENOMEM. */
static long dfa_resume(struct globset *g, struct dfa *a, const unsigned char *u, size_t n,
	size_t i, size_t row)
{
	int ldir = g->flags & GLOB_LEADING_DIR, s;
	int sh = g->sshift;
	size_t dead;
	const unsigned char *cls = g->cls;

	/* TRANS holds the next state's row: one dependent load per byte */
	for (;;) {
		dead = a->dead < 0 ? SIZE_MAX : (size_t)a->dead << sh;
		while (i < n && u[i] < 0x80) {
			int nx;
			if (ldir && u[i] == '/' && a->ds[row >> sh].accept >= 0)
				return a->ds[row >> sh].accept;
			nx = a->trans[row + cls[u[i]]];
			if (nx < 0)
				break;
			row = (size_t)nx;
			i++;
			if (row == dead)
				return -1;
		}
		if (i == n)
			break;
		s = (int)(row >> sh);
		if (u[i] < 0x80) {
			size_t k = row + cls[u[i]];
			int nx = dfa_step(g, a, s, u[i]);
			if (nx < 0)
				return -2;
			a->trans[k] = (int)((size_t)nx << sh);
			row = (size_t)nx << sh;
			i++;
		} else {
			int32_t cp;
			size_t l = utf8_decode((const char *)u + i, n - i, &cp);
			int nx;
			if (cp == UTF8_INVALID)
				cp = BYTE_SYM + u[i];
			nx = xfind(a, s, cp);
			if (nx < 0) {
				nx = dfa_step(g, a, s, cp);
				if (nx < 0 || xput(a, s, cp, nx) < 0)
					return -2;
			}
			row = (size_t)nx << sh;
			i += l;
		}
		if (a->dead >= 0 && row == (size_t)a->dead << sh)
			return -1;
	}
	return a->ds[row >> sh].accept;
}

/* Run DFA A over NAME: the first pattern matched, or -1; -2 on ENOMEM. */
static long dfa_run(struct globset *g, struct dfa *a, const unsigned char *u, size_t n)
{
	long row = dfa_start(g, a);

	return row < 0 ? -2 : dfa_resume(g, a, u, n, 0, (size_t)row);
}

#define LANES 4

/* Run DFA A over each name J of K whose OUT[J] is -1, setting OUT[J]; 0, or -1 on ENOMEM.
 * The names go through LANES at a time, a byte of each in turn: the automaton's one dependent
 * load per byte is what bounds a single run, and independent runs overlap those loads. A lane
 * leaves the fast loop at its name's end, at a transition not yet built or a non-ASCII byte,
 * and dfa_resume finishes it. */
static int dfa_many(struct globset *g, struct dfa *a, const unsigned char *const *u,
	const size_t *len, long *out, size_t k)
{
	const unsigned char *cls = g->cls;
	const unsigned char *lu[LANES];
	size_t li[LANES], ln[LANES], lrow[LANES], lj[LANES], next = 0, start, dead;
	const int *trans;
	int nl = 0;
	long r = dfa_start(g, a);

	if (r < 0)
		return -1;
	start = (size_t)r;
	if (g->flags & GLOB_LEADING_DIR) {	/* a '/' may end the match: the plain loop */
		for (size_t j = 0; j < k; j++)
			if (out[j] == -1 && (out[j] = dfa_resume(g, a, u[j], len[j], 0, start)) == -2)
				return -1;
		return 0;
	}
	for (;;) {
		/* fill the empty lanes */
		while (nl < LANES && next < k) {
			if (out[next] == -1) {
				lu[nl] = u[next];
				ln[nl] = len[next];
				li[nl] = 0;
				lrow[nl] = start;
				lj[nl] = next;
				nl++;
			}
			next++;
		}
		if (nl < LANES)
			break;
		trans = a->trans;
		dead = a->dead < 0 ? SIZE_MAX : (size_t)a->dead << g->sshift;
		{
			/* all lanes in registers while each has bytes left and no lane needs care */
			size_t m = SIZE_MAX, t;
			for (int l = 0; l < LANES; l++)
				if (ln[l] - li[l] < m)
					m = ln[l] - li[l];
			const unsigned char *p0 = lu[0] + li[0], *p1 = lu[1] + li[1];
			const unsigned char *p2 = lu[2] + li[2], *p3 = lu[3] + li[3];
			size_t r0 = lrow[0], r1 = lrow[1], r2 = lrow[2], r3 = lrow[3];
			for (t = 0; t < m; t++) {
				unsigned c0 = p0[t], c1 = p1[t], c2 = p2[t], c3 = p3[t];
				int n0, n1, n2, n3;
				if ((c0 | c1 | c2 | c3) >= 0x80)
					break;
				n0 = trans[r0 + cls[c0]];
				n1 = trans[r1 + cls[c1]];
				n2 = trans[r2 + cls[c2]];
				n3 = trans[r3 + cls[c3]];
				if ((n0 | n1 | n2 | n3) < 0 || (size_t)n0 == dead || (size_t)n1 == dead ||
					(size_t)n2 == dead || (size_t)n3 == dead)
					break;
				r0 = (size_t)n0;
				r1 = (size_t)n1;
				r2 = (size_t)n2;
				r3 = (size_t)n3;
			}
			lrow[0] = r0;
			lrow[1] = r1;
			lrow[2] = r2;
			lrow[3] = r3;
			for (int l = 0; l < LANES; l++)
				li[l] += t;
		}
		for (int l = 0;; l = (l + 1) & (LANES - 1)) {
			size_t i = li[l];
			int nx;
			if (i == ln[l] || lu[l][i] >= 0x80 || (nx = trans[lrow[l] + cls[lu[l][i]]]) < 0 ||
				(size_t)nx == dead) {
				long m = i == ln[l] ? a->ds[lrow[l] >> g->sshift].accept :
					dfa_resume(g, a, lu[l], ln[l], i, lrow[l]);
				if (m == -2)
					return -1;
				out[lj[l]] = m;
				nl--;
				lu[l] = lu[nl];
				ln[l] = ln[nl];
				li[l] = li[nl];
				lrow[l] = lrow[nl];
				lj[l] = lj[nl];
				break;
			}
			lrow[l] = (size_t)nx;
			li[l] = i + 1;
		}
	}
	for (int l = 0; l < nl; l++) {
		long m = dfa_resume(g, a, lu[l], ln[l], li[l], lrow[l]);
		if (m == -2)
			return -1;
		out[lj[l]] = m;
	}
	return 0;
}

int globset_match_many(struct globset *g, const char *const *names, const size_t *lens,
	long *out, size_t k)
{
	if (dfa_prepare(g) < 0 || g->err)
		goto fail;
	for (size_t j = 0; j < k; j++)
		out[j] = g->use_fast ? fast_match(g, names[j], lens[j]) : -1;
	for (size_t i = 0; i < g->ndfa; i++)
		if (dfa_many(g, &g->dfa[i], (const unsigned char *const *)names, lens, out, k) < 0)
			goto fail;
	return 0;
fail:
	g->err = 0;
	errno = ENOMEM;
	return -2;
}

long globset_match(struct globset *g, const char *name, size_t n)
{
	long m;

	if (dfa_prepare(g) < 0 || g->err)
		goto fail;
	if (g->use_fast && (m = fast_match(g, name, n)) >= 0)
		return m;
	for (size_t i = 0; i < g->ndfa; i++) {
		m = dfa_run(g, &g->dfa[i], (const unsigned char *)name, n);
		if (m == -2)
			goto fail;
		if (m >= 0)
			return m;
	}
	return -1;
fail:
	g->err = 0;
	errno = ENOMEM;
	return -2;
}

/* The ASCII bytes single-character term T matches, at a position that is not leading. */
static void atom_ascii(struct globset *g, int t, uint64_t m[2])
{
	const struct term *tt = &g->t[t];

	m[0] = m[1] = 0;
	if (tt->type == T_CHR && !(g->flags & GLOB_CASEFOLD)) {
		if (tt->a < 0x80)
			m[tt->a >> 6] = (uint64_t)1 << (tt->a & 63);
		return;
	}
	if (tt->type == T_ANY) {
		/* what deriv says of any symbol but '/' under PATHNAME, where it is not leading */
		m[0] = m[1] = ~(uint64_t)0;
		if (g->flags & GLOB_PATHNAME)
			m[0] &= ~((uint64_t)1 << '/');
		return;
	}
	for (int32_t c = 0; c < 0x80; c++) {
		if (++g->gen == 0) {
			memset(g->memo_gen, 0, (size_t)g->capt * sizeof *g->memo_gen);
			g->gen = 1;
		}
		g->draw = c;
		g->dc = g->flags & GLOB_CASEFOLD ? fold(c) : c;
		g->dldot = 0;
		if (deriv(g, t) != NONE)
			m[c >> 6] |= (uint64_t)1 << (c & 63);
	}
}

/* Shape position A for single-character term T. */
static void one_char(struct globset *g, int t, struct glob_atom *a)
{
	int type = g->t[t].type;

	memset(a, 0, sizeof *a);
	atom_ascii(g, t, a->ascii);
	a->wide = type != T_CHR || g->t[t].a >= 0x80 || (g->flags & GLOB_CASEFOLD);
}

/* Whether every alternative of T_ALT term T is a single character. */
static int one_char_alts(const struct globset *g, int t)
{
	for (int k = 0; k < g->t[t].b; k++) {
		int type = g->t[g->kids[g->t[t].a + k]].type;
		if (type != T_CHR && type != T_ANY && type != T_SET)
			return 0;
	}
	return 1;
}

#define SHAPE_VARIANTS 16	/* more choices of alternatives than this: the groups are stars */

/* Whether alternative T (a chain of terms) is single characters and stars, or empty. */
static int plain_alt(const struct globset *g, int t)
{
	for (; t != EPS; t = g->t[t].b) {
		int atom = g->t[t].type == T_CAT ? g->t[t].a : t, type = g->t[atom].type;
		if (type != T_CHR && type != T_ANY && type != T_SET && type != T_WSTAR)
			return 0;
		if (g->t[t].type != T_CAT)
			break;
	}
	return 1;
}

/* Whether T_ALT term T is a group that gives a shape per alternative. */
static int expands(const struct globset *g, int t)
{
	if (g->t[t].type != T_ALT || one_char_alts(g, t))
		return 0;
	for (int k = 0; k < g->t[t].b; k++)
		if (!plain_alt(g, g->kids[g->t[t].a + k]))
			return 0;
	return 1;
}

struct shaper {
	struct glob_shape *s;
	size_t cap;
	int err;
};

static struct glob_atom *shape_push(struct shaper *sp)
{
	struct glob_atom *a;

	if (sp->err || grow((void **)&sp->s->v, &sp->cap, sp->s->n + 1, sizeof *sp->s->v) < 0) {
		sp->err = 1;
		return NULL;
	}
	a = &sp->s->v[sp->s->n++];
	memset(a, 0, sizeof *a);
	return a;
}

/* Append the positions of chain T to the shape; an expanding group takes the alternative
 * that *K picks (K /= its number of alternatives), or is a star when not EXPAND. */
static void shape_chain(struct globset *g, struct shaper *sp, int t, size_t *k, int expand)
{
	for (; t != EPS; t = g->t[t].b) {
		int atom = g->t[t].type == T_CAT ? g->t[t].a : t, type = g->t[atom].type;
		struct glob_atom *a;
		if (type == T_MARK)
			break;
		if (expand && expands(g, atom)) {
			size_t n = (size_t)g->t[atom].b;
			shape_chain(g, sp, g->kids[g->t[atom].a + (int)(*k % n)], k, 0);
			*k /= n;
		} else if ((a = shape_push(sp)) == NULL)
			return;
		else if (type == T_CHR || type == T_ANY || type == T_SET)
			one_char(g, atom, a);
		else if (type == T_ALT && one_char_alts(g, atom)) {
			/* {c,h} or @(c|h): one character of any alternative */
			for (int j = 0; j < g->t[atom].b; j++) {
				struct glob_atom b;
				one_char(g, g->kids[g->t[atom].a + j], &b);
				a->ascii[0] |= b.ascii[0];
				a->ascii[1] |= b.ascii[1];
				a->wide |= b.wide;
			}
		} else {
			a->star = 1;
			if (type != T_WSTAR)
				sp->s->exact = 0;
		}
		if (g->t[t].type != T_CAT)
			break;
	}
}

int globset_shape(struct globset *g, size_t idx, size_t k, struct glob_shape *s)
{
	int fl = g->flags, t;
	size_t variants = 1;
	struct shaper sp = { s, 0, 0 };

	memset(s, 0, sizeof *s);
	if (idx >= g->npat) {
		errno = EINVAL;
		return -1;
	}
	t = g->pterm[idx];
	for (int u = t; u != NONE && u != EPS; u = g->t[u].b) {
		int atom = g->t[u].type == T_CAT ? g->t[u].a : u;
		if (expands(g, atom) && (variants *= (size_t)g->t[atom].b) > SHAPE_VARIANTS)
			break;
		if (g->t[u].type != T_CAT)
			break;
	}
	if (variants > SHAPE_VARIANTS)
		variants = 1;	/* the groups are stars */
	if (k >= variants)
		return 0;
	s->never = t == NONE;
	/* one alternative's shape says nothing of the others' names */
	s->exact = !(fl & (GLOB_PATHNAME | GLOB_PERIOD | GLOB_LEADING_DIR)) && variants == 1;
	if (!s->never)
		shape_chain(g, &sp, t, &k, variants > 1);
	if ((fl & GLOB_LEADING_DIR) && !s->never) {
		/* the pattern may stop at a '/' with anything after it */
		struct glob_atom *a = shape_push(&sp);
		if (a)
			a->star = 1;
	}
	if (sp.err) {
		free(s->v);
		s->v = NULL;
		errno = ENOMEM;
		return -1;
	}
	return 1;
}

size_t globset_required(struct globset *g, const char **lit)
{
	int t;
	size_t best = 0, cur = 0;
	char run[64];

	*lit = g->req;
	if (g->npat != 1 || (g->flags & GLOB_CASEFOLD))
		return 0;
	t = g->nroots ? g->roots[0] : g->froots[0];
	for (;;) {
		int atom = g->t[t].type == T_CAT ? g->t[t].a : t;
		if (g->t[atom].type == T_CHR) {
			char b[4];
			int32_t c = g->t[atom].a;
			size_t l = c >= BYTE_SYM ? (b[0] = (char)(c - BYTE_SYM), 1) : utf8_encode(c, b);
			if (cur + l > sizeof run)
				cur = 0;
			memcpy(run + cur, b, l);
			cur += l;
			if (cur > best) {
				best = cur;
				memcpy(g->req, run, cur);
			}
		} else
			cur = 0;
		if (g->t[t].type != T_CAT)
			break;
		t = g->t[t].b;
	}
	return best;
}

/* ---------- translate ---------- */

static void re_sym(struct buf *b, int32_t c)
{
	if (c >= BYTE_SYM)
		buf_printf(b, "\\x%02x", (unsigned)(c - BYTE_SYM));
	else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		c == '_')
		buf_addc(b, (int)c);
	else if (c > 32 && c < 127 && strchr("()[]{}?*+-|^$\\.&~#", (int)c))
		buf_printf(b, "\\%c", (int)c);
	else if (c > 32 && c < 127)
		buf_addc(b, (int)c);
	else
		buf_printf(b, "\\x{%x}", (unsigned)c);
}

static void re_class_sym(struct buf *b, int32_t c)
{
	if (c >= BYTE_SYM)
		buf_printf(b, "\\x%02x", (unsigned)(c - BYTE_SYM));
	else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		buf_addc(b, (int)c);
	else
		buf_printf(b, "\\x{%x}", (unsigned)c);
}

static void re_guard(const struct globset *g, struct buf *b)
{
	int fl = g->flags;
	if ((fl & GLOB_PERIOD) && !(fl & GLOB_PYTHON))
		buf_adds(b, fl & GLOB_PATHNAME ? "(?!(?<![^/])\\.)" : "(?!\\A\\.)");
}

static void re_set(const struct globset *g, struct buf *b, const struct bracket *br)
{
	if (br->py) {
		buf_adds(b, br->neg ? "[^" : "[");
		for (int k = 0; k < br->nrng; k++) {
			re_class_sym(b, br->rng[2 * k]);
			if (br->rng[2 * k + 1] != br->rng[2 * k]) {
				buf_addc(b, '-');
				re_class_sym(b, br->rng[2 * k + 1]);
			}
		}
		buf_addc(b, ']');
		return;
	}
	{
		const int32_t *P = br->pat;
		int neg = P[0] == '!' || P[0] == '^', fl = g->flags & ~GLOB_CASEFOLD;
		size_t after, i;
		re_guard(g, b);
		buf_adds(b, neg ? "[^" : "[");
		for (int c = 0; c < 128; c++) {
			int in = (br_glibc(P, c, fl, &after) == BR_MATCH) != neg;
			if (in && (g->flags & GLOB_PATHNAME) && c == '/' && !neg)
				in = 0;
			if (in) {
				int e = c;
				while (e + 1 < 128 && (br_glibc(P, e + 1, fl, &after) == BR_MATCH) != neg)
					e++;
				re_class_sym(b, c);
				if (e > c) {
					buf_addc(b, '-');
					re_class_sym(b, e);
				}
				c = e;
			}
		}
		if (neg && (g->flags & GLOB_PATHNAME))
			buf_adds(b, "/");
		/* the non-ASCII members: literal symbols, ranges reaching past ASCII, classes */
		for (i = neg ? 1 : 0; P[i] != END_SYM && !(P[i] == ']' && i > (size_t)(neg ? 1 : 0)); i++) {
			if (P[i] == '[' && P[i + 1] == ':') {
				size_t k = i + 2;
				while (P[k] >= 'a' && P[k] <= 'z')
					k++;
				if (P[k] == ':' && P[k + 1] == ']') {
					buf_adds(b, "[:");
					for (size_t q = i + 2; q < k; q++)
						buf_addc(b, (int)P[q]);
					buf_adds(b, ":]");
					i = k + 1;
					continue;
				}
			}
			if (P[i] >= 128 || (P[i + 1] == '-' && P[i + 2] >= 128 && P[i + 2] != END_SYM)) {
				int32_t lo = P[i], hi = lo;
				if (P[i + 1] == '-' && P[i + 2] != ']' && P[i + 2] != END_SYM) {
					hi = P[i + 2];
					i += 2;
				}
				if (lo < 128)
					lo = 128;
				if (lo <= hi) {
					re_class_sym(b, lo);
					if (hi > lo) {
						buf_addc(b, '-');
						re_class_sym(b, hi);
					}
				}
			}
		}
		buf_addc(b, ']');
	}
}

static int re_term(const struct globset *g, struct buf *b, int t)
{
	const struct term *tt = &g->t[t];
	int fl = g->flags, py = fl & GLOB_PYTHON, ps = (fl & GLOB_PATHNAME) && !py;

	switch (tt->type) {
	case T_NONE: buf_adds(b, "(?!)"); break;
	case T_EPS: case T_MARK: break;
	case T_CHR: re_sym(b, tt->a); break;
	case T_ANY:
		if (!py)
			re_guard(g, b);
		buf_adds(b, ps ? "[^/]" : ".");
		break;
	case T_WSTAR:
		if (!py)
			re_guard(g, b);
		buf_adds(b, ps ? "[^/]*" : ".*");
		break;
	case T_SET: re_set(g, b, &g->br[tt->a]); break;
	case T_CAT:
		if (re_term(g, b, tt->a) < 0 || re_term(g, b, tt->b) < 0)
			return -1;
		break;
	case T_ALT:
		buf_adds(b, "(?:");
		for (int k = 0; k < tt->b; k++) {
			if (k)
				buf_addc(b, '|');
			if (re_term(g, b, g->kids[tt->a + k]) < 0)
				return -1;
		}
		buf_addc(b, ')');
		break;
	case T_KSTAR:
		buf_adds(b, "(?:");
		if (re_term(g, b, tt->a) < 0)
			return -1;
		buf_adds(b, ")*");
		break;
	case T_NOT:
		errno = ENOTSUP;
		return -1;
	}
	return 0;
}

char *glob_translate(const char *p, size_t n, int flags)
{
	struct globset *g = globset_new(flags);
	struct parse ps;
	struct buf b = BUF_INIT;
	size_t len;
	int t;

	if (!g)
		return NULL;
	ps.g = g;
	ps.P = decode(p, n, &len);
	ps.depth = 0;
	if (!ps.P) {
		globset_free(g);
		errno = ENOMEM;
		return NULL;
	}
	t = parse_seq(&ps, 0, len);
	free((void *)ps.P);
	if (g->err) {
		errno = g->err;
		globset_free(g);
		return NULL;
	}
	buf_adds(&b, flags & GLOB_CASEFOLD ? "(?si:" : "(?s:");
	if (re_term(g, &b, t) < 0) {
		int e = errno;
		buf_free(&b);
		globset_free(g);
		errno = e;
		return NULL;
	}
	buf_adds(&b, (flags & GLOB_LEADING_DIR) ? ")(?:/.*)?\\z" : ")\\z");
	globset_free(g);
	if (!b.p) {
		errno = ENOMEM;
		return NULL;
	}
	return b.p;
}
