/* Unit tests for lib/globscan: whatever its prefilter does, the records it selects are the ones
 * globset_match selects one record at a time. Random pattern sets under every flag combination
 * fnmatch allows, records placed across the 64-byte blocks and 65536-byte chunks it scans,
 * records longer than a chunk, the portable path, early stops, and the probe that drops the
 * prefilter. Every buffer is malloc'd to its exact length, so ASan sees any read past it. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "globscan.h"
#include "globset.h"
#include "unit.h"

#define CHUNK 65536

static unsigned rnd(unsigned n)
{
	return (unsigned)(unit_rand() % n);
}

/* ---------- selections ---------- */

/* The records a scan selected, as offsets and lengths; STOP_AT > 0 ends the scan with STOP_RC
 * at that many. */
struct pick {
	const char *base;
	size_t *off, *len, n, cap;
	size_t stop_at;
	int stop_rc;
};

static int collect(void *arg, const char *rec, size_t len)
{
	struct pick *p = arg;

	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->off = realloc(p->off, p->cap * sizeof *p->off);
		p->len = realloc(p->len, p->cap * sizeof *p->len);
		if (!p->off || !p->len)
			abort();
	}
	p->off[p->n] = (size_t)(rec - p->base);
	p->len[p->n++] = len;
	return p->stop_at && p->n == p->stop_at ? p->stop_rc : 0;
}

static void pick_init(struct pick *p, const char *base)
{
	memset(p, 0, sizeof *p);
	p->base = base;
}

static void pick_free(struct pick *p)
{
	free(p->off);
	free(p->len);
}

/* The reference: each record of BUF[0..N) through globset_match on its own. */
static void expect(struct globset *h, const char *buf, size_t n, int delim, int invert,
	struct pick *out)
{
	const char *p = buf, *end = buf + n;

	pick_init(out, buf);
	while (p < end) {
		const char *e = memchr(p, delim, (size_t)(end - p));
		long m = globset_match(h, p, (size_t)(e - p));
		if (m < -1)
			abort();
		if ((m >= 0) != invert)
			collect(out, p, (size_t)(e - p));
		p = e + 1;
	}
}

/* The first place A and B differ, or -1. */
static long differ(const struct pick *a, const struct pick *b)
{
	size_t i;

	for (i = 0; i < a->n && i < b->n; i++)
		if (a->off[i] != b->off[i] || a->len[i] != b->len[i])
			return (long)i;
	return a->n == b->n ? -1 : (long)i;
}

static void show(const char *what, const char *s, size_t n)
{
	fprintf(stderr, "%s \"", what);
	for (size_t i = 0; i < n && i < 120; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fprintf(stderr, "\"%s (%zu bytes)\n", n > 120 ? "..." : "", n);
}

/* Print the first disagreement of GOT with WANT: the patterns, flags and record. */
static void report(const char *what, int flags, int delim, int invert, int level,
	const char *const *pats, const size_t *plen, size_t np, const char *buf,
	const struct pick *got, const struct pick *want)
{
	long i = differ(got, want);
	int in_got = 0;
	size_t off, len;

	fprintf(stderr, "globscan %s: flags %d delim %d invert %d %s: %zu selected, %zu expected\n",
		what, flags, delim, invert, level == 0 ? "portable" : level == 1 ? "AVX2" : "AVX-512",
		got->n, want->n);
	for (size_t k = 0; k < np; k++)
		show("  pattern", pats[k], plen[k]);
	if (i < 0)
		return;
	/* the record at the first difference, from whichever list has the earlier one */
	if ((size_t)i < got->n && ((size_t)i >= want->n || got->off[i] < want->off[i]))
		in_got = 1;
	off = in_got ? got->off[i] : want->off[i];
	len = in_got ? got->len[i] : want->len[i];
	fprintf(stderr, "  at offset %zu: %s\n", off,
		in_got ? "selected, not expected" : "expected, not selected");
	show("  record", buf + off, len);
}

/* Patterns under FLAGS with records ending in DELIM: a set for the scans, a scan of it at
 * each vector level (portable, AVX2, AVX-512 with the sparse scan, as far as the processor
 * has them), and a second set for the reference. */
struct checker {
	const char *what;
	const char *const *pats;
	const size_t *plen;
	size_t np;
	int flags, delim;
	struct globset *g, *h;
	struct globscan *s[3];
};

static void checker_open(struct checker *c, const char *what, const char *const *pats,
	const size_t *plen, size_t np, int flags, int delim)
{
	c->what = what;
	c->pats = pats;
	c->plen = plen;
	c->np = np;
	c->flags = flags;
	c->delim = delim;
	c->g = globset_new(flags);
	c->h = globset_new(flags);
	if (!c->g || !c->h)
		abort();
	for (size_t k = 0; k < np; k++)
		CHECK_INT(globset_add(c->g, pats[k], plen[k]), globset_add(c->h, pats[k], plen[k]));
	for (int level = 0; level < 3; level++) {
		c->s[level] = globscan_new(c->g, delim);
		if (!c->s[level])
			abort();
		globscan_vector(c->s[level], level);
	}
}

static void checker_close(struct checker *c)
{
	for (int level = 0; level < 3; level++)
		globscan_free(c->s[level]);
	globset_free(c->g);
	globset_free(c->h);
}

/* Scan BUF[0..N) with both scans and both invert values, against per-record globset_match:
 * the number of disagreements. *SEL, when given, gets how many records the reference selects;
 * *RECS how many records there are. */
static int check(struct checker *c, const char *buf, size_t n, size_t *sel, size_t *recs)
{
	struct pick want[2];
	int bad = 0;

	expect(c->h, buf, n, c->delim, 0, &want[0]);
	expect(c->h, buf, n, c->delim, 1, &want[1]);
	if (sel)
		*sel = want[0].n;
	if (recs)
		*recs = want[0].n + want[1].n;
	for (int level = 0; level < 3; level++)
		for (int invert = 0; invert < 2; invert++) {
			struct pick got;
			int rc;
			pick_init(&got, buf);
			rc = globscan_run(c->s[level], buf, n, invert, collect, &got);
			if (rc != 0 || differ(&got, &want[invert]) >= 0) {
				if (bad++ < 3)
					report(c->what, c->flags, c->delim, invert, level, c->pats, c->plen,
						c->np, buf, &got, &want[invert]);
			}
			pick_free(&got);
		}
	pick_free(&want[0]);
	pick_free(&want[1]);
	return bad;
}

/* check() with fresh scans. */
static int agree(const char *what, const char *const *pats, const size_t *plen, size_t np,
	int flags, int delim, const char *buf, size_t n, size_t *sel, size_t *recs)
{
	struct checker c;
	int bad;

	checker_open(&c, what, pats, plen, np, flags, delim);
	bad = check(&c, buf, n, sel, recs);
	checker_close(&c);
	return bad;
}

/* A malloc'd copy of S[0..N) of exactly N bytes (at least one, for malloc's sake). */
static char *exact(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);

	if (!p)
		abort();
	memcpy(p, s, n);
	return p;
}

/* ---------- random pattern sets ---------- */

static const char *const pbase[] = { "*", "*", "*", "?", "[", "]", "!", "^", "-", "\\", "/",
	".", "a", "b", "c", "\xc3\xa9", "\xe4\xb8\xad", "\xff", "[a-c]", "[!b]", "[/.]",
	"/node_modules/", ".o", "build/", "no", "/n", "ab", "a", "b", ".", "/" };
static const char *const pext[] = { "@(", "|", ")", "!(", "*(", "+(", "?(" };
static const char *const pbrace[] = { "{", ",", "}", "{a,b}", "{,.o}" };
static const char *const pgit[] = { "**/", "/**", "**" };
/* Kelvin sign and long s fold to ASCII k and s; A and E acute have upper cases */
static const char *const pfold[] = { "\xe2\x84\xaa", "\xc5\xbf", "k", "s", "K", "S", "A",
	"\xc3\x89" };
static const char *const rbase[] = { "a", "b", "c", "/", ".", "-", "*", "[", "]", "\\", "!",
	"^", "\xc3\xa9", "\xe4\xb8\xad", "\xff", "node_modules", "build", ".o", "no", "x", "ab",
	"k", "s", "K", "A", "\xc3\x89", "\xe2\x84\xaa", "\xc5\xbf", ".", "/", "a", "b" };

struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const void *s, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void putrep(struct buf *b, int c, size_t n)
{
	while (n--) {
		char ch = (char)c;
		put(b, &ch, 1);
	}
}

/* A random pattern under FLAGS, at most about 12 tokens, into OUT. */
static size_t gen_pattern(char *out, size_t cap, int flags, int delim)
{
	unsigned len = rnd(9) + (rnd(4) == 0 ? 4 : 0);
	size_t k = 0;

	for (unsigned i = 0; i < len; i++) {
		const char *t;
		unsigned r = rnd(100);
		if ((flags & GLOB_EXTMATCH) && r < 25)
			t = pext[rnd(sizeof pext / sizeof *pext)];
		else if ((flags & GLOB_BRACES) && r < 25)
			t = pbrace[rnd(sizeof pbrace / sizeof *pbrace)];
		else if ((flags & GLOB_GITSTAR) && r < 15)
			t = pgit[rnd(sizeof pgit / sizeof *pgit)];
		else if ((flags & GLOB_CASEFOLD) && r < 25)
			t = pfold[rnd(sizeof pfold / sizeof *pfold)];
		else if (delim == '\0' && r < 5)
			t = "\n";
		else
			t = pbase[rnd(sizeof pbase / sizeof *pbase)];
		if (k + strlen(t) >= cap)
			break;
		memcpy(out + k, t, strlen(t));
		k += strlen(t);
	}
	return k;
}

static void rand_text(struct buf *b, unsigned tokens, int delim)
{
	for (unsigned i = 0; i < tokens; i++) {
		if (delim == '\0' && rnd(20) == 0)
			puts_(b, "\n");
		else
			puts_(b, rbase[rnd(sizeof rbase / sizeof *rbase)]);
	}
}

/* A record made to match pattern P more often than chance: stars become random text, '?' one
 * token, a bracket one of its bytes, escapes their byte, group syntax dropped. */
static void mutate(struct buf *b, const char *p, size_t pl, int flags, int delim)
{
	size_t start = b->n;

	for (size_t i = 0; i < pl; i++) {
		char c = p[i];
		if (c == '*')
			rand_text(b, rnd(4), delim);
		else if (c == '?')
			rand_text(b, 1, delim);
		else if (c == '\\' && !(flags & (GLOB_NOESCAPE | GLOB_PYTHON)) && i + 1 < pl)
			put(b, &p[++i], 1);
		else if (c == '[') {
			/* a ']' first in the bracket is a member */
			size_t lo = i + 1 < pl && (p[i + 1] == '!' || p[i + 1] == '^') ? i + 2 : i + 1;
			const char *e = lo + 1 < pl ? memchr(p + lo + 1, ']', pl - lo - 1) : NULL;
			if (!e) {
				put(b, &c, 1);
				continue;
			}
			put(b, &p[lo + rnd((unsigned)((size_t)(e - p) - lo))], 1);
			i = (size_t)(e - p);
		} else if (strchr("{},()|@+", c) && (flags & (GLOB_BRACES | GLOB_EXTMATCH)) && c)
			continue;
		else
			put(b, &c, 1);
	}
	if ((flags & GLOB_LEADING_DIR) && rnd(2)) {
		puts_(b, "/");
		rand_text(b, rnd(3), delim);
	}
	if (flags & GLOB_CASEFOLD)
		for (size_t i = start; i < b->n; i++)
			if (rnd(2) && ((b->p[i] | 0x20) >= 'a' && (b->p[i] | 0x20) <= 'z'))
				b->p[i] ^= 0x20;
	/* the delimiter cannot be inside a record */
	for (size_t i = start; i < b->n; i++)
		if (b->p[i] == (char)delim)
			b->p[i] = 'x';
}

/* NP random patterns under FLAGS (ANCHORED: each starting or ending with two literal bytes, so
 * that the prefilter has keys for all) against a few hundred records, a third of them made
 * from the patterns: disagreements; *SEL and *RECS add up the records selected and seen,
 * *FILTERED the sets scanned with the prefilter. */
static int random_set(const char *name, int flags, int delim, size_t np, int anchored,
	size_t *sel, size_t *recs, int *filtered)
{
	static const char *const lit[] = { "ab", "ba", "c.", "/n", "no", "x/", "bu", ".o", "-a" };
	char pbuf[20][64];
	const char *pats[20];
	size_t plen[20], nrec = 100 + rnd(200), a, r;
	struct buf b = { 0 };
	struct checker c;
	char *buf;
	int bad;

	for (size_t k = 0; k < np; k++) {
		plen[k] = gen_pattern(pbuf[k], sizeof pbuf[k] - 2, flags, delim);
		pats[k] = pbuf[k];
		if (anchored) {
			const char *l = lit[rnd(sizeof lit / sizeof *lit)];
			if (rnd(2)) {
				memmove(pbuf[k] + 2, pbuf[k], plen[k]);
				memcpy(pbuf[k], l, 2);
			} else
				memcpy(pbuf[k] + plen[k], l, 2);
			plen[k] += 2;
		}
	}
	for (size_t j = 0; j < nrec; j++) {
		if (rnd(3) == 0) {
			size_t k = rnd((unsigned)np);
			mutate(&b, pats[k], plen[k], flags, delim);
		} else
			rand_text(&b, rnd(rnd(4) ? 12 : 30), delim);
		putrep(&b, delim, 1);
	}
	buf = exact(b.p, b.n);
	checker_open(&c, name, pats, plen, np, flags, delim);
	*filtered += globscan_filtering(c.s[0]);
	bad = check(&c, buf, b.n, &a, &r);
	checker_close(&c);
	*sel += a;
	*recs += r;
	free(buf);
	free(b.p);
	return bad;
}

static void differential(void)
{
	static const struct { int flags; const char *name; } modes[] = {
		{ 0, "default" },
		{ GLOB_PATHNAME | GLOB_GITSTAR, "pathname" },
		{ GLOB_PERIOD, "period" },
		{ GLOB_NOESCAPE, "noescape" },
		{ GLOB_CASEFOLD, "casefold" },
		{ GLOB_LEADING_DIR, "leading-dir" },
		{ GLOB_EXTMATCH, "extmatch" },
		{ GLOB_BRACES, "braces" },
		{ GLOB_PYTHON, "python" },
		/* fnmatch allows --python only with -i and -b */
		{ GLOB_PYTHON | GLOB_CASEFOLD | GLOB_BRACES, "python+casefold+braces" },
		{ GLOB_PATHNAME | GLOB_GITSTAR | GLOB_PERIOD | GLOB_LEADING_DIR, "pathname+period+lead" },
		{ GLOB_CASEFOLD | GLOB_EXTMATCH | GLOB_BRACES, "casefold+extmatch+braces" },
	};
	static const size_t sizes[] = { 1, 2, 5, 20 };
	int sets = getenv("GLOBSCAN_SETS") ? atoi(getenv("GLOBSCAN_SETS")) : 30;
	int filtered[2][4] = { { 0 } };

	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		int flags = modes[m].flags, bad = 0;
		size_t recs = 0, sel = 0;
		CHECK(!(flags & GLOB_PYTHON) || !(flags & ~(GLOB_PYTHON | GLOB_CASEFOLD | GLOB_BRACES)));
		for (int d = 0; d < 2; d++)
			for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
				for (int it = 0; it < sets; it++)
					bad += random_set(modes[m].name, flags, d ? '\0' : '\n', sizes[z], it % 2,
						&sel, &recs, &filtered[it % 2][z]);
		CHECK_INT(bad, 0);
		/* the sets select some records and leave most: neither answer is trivial */
		CHECK(sel > recs / 50);
		CHECK(sel < recs / 2);
	}
	/* the prefilter is in use for most sets of one or two patterns, and for most anchored ones */
	{
		int per = (int)(sizeof modes / sizeof *modes) * 2 * (sets / 2);
		CHECK(filtered[0][0] * 2 > per);
		CHECK(filtered[0][1] * 2 > per);
		for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
			CHECK(filtered[1][z] * 4 > per * 3);
	}
}

/* ---------- blocks and chunks ---------- */

/* A buffer with record R starting at offset AT: before it one long filler record and up to 8
 * short ones, after it TAIL records of 5 bytes, with a last one to make the length a multiple
 * of 64 when ROUND. Fillers are 'x's, which none of the sets below match. */
static char *place(const char *r, size_t rl, size_t at, int delim, int tail, int round,
	size_t *n)
{
	struct buf b = { 0 };
	size_t shorts = at >= 9 * 8 ? 8 : 0;
	char *out;

	if (at > 0) {
		putrep(&b, 'x', at - 1 - 8 * shorts);
		putrep(&b, delim, 1);
		for (size_t i = 0; i < shorts; i++) {
			putrep(&b, 'x', 7);
			putrep(&b, delim, 1);
		}
	}
	if (b.n != at)
		abort();
	put(&b, r, rl);
	putrep(&b, delim, 1);
	for (int i = 0; i < tail; i++) {
		putrep(&b, 'x', 4);
		putrep(&b, delim, 1);
	}
	if (round && b.n % 64) {
		size_t k = 64 - b.n % 64;
		putrep(&b, 'x', k - 1);
		putrep(&b, delim, 1);
	}
	out = exact(b.p, b.n);
	*n = b.n;
	free(b.p);
	return out;
}

/* The reference selects only the record at AT (RL bytes), or none when !HIT; check() holds
 * the scans to the reference. */
static int only(struct checker *c, const char *buf, size_t n, size_t at, size_t rl, int hit)
{
	struct pick want;
	int bad = 0;

	expect(c->h, buf, n, c->delim, 0, &want);
	if (hit ? !(want.n == 1 && want.off[0] == at && want.len[0] == rl) : want.n != 0) {
		bad++;
		fprintf(stderr, "globscan only: %s at %zu (%zu bytes) of %zu: %zu selected\n",
			c->pats[0], at, rl, n, want.n);
	}
	pick_free(&want);
	return bad + check(c, buf, n, NULL, NULL);
}

/* Records placed at every offset around block and chunk boundaries, so that the first two
 * bytes, the last two, and each literal pair sit across one. */
static void boundaries(void)
{
	static const char *const nm[] = { "*/node_modules/*" };
	static const char *const n1[] = { "*/n*" };
	static const char *const pre[] = { "build/*" };
	static const char *const suf[] = { "*.o" };
	static const char *const all[] = { "*.o", "build/*", "*/node_modules/*" };
	static const struct {
		const char *const *pats;
		size_t np;
		int flags;
		const char *hit, *miss;
	} t[] = {
		{ nm, 1, 0, "a/node_modules/b", "a/node_module/b" },
		{ nm, 1, GLOB_PATHNAME | GLOB_GITSTAR, "a/node_modules/b", "a/b/node_modules/" },
		{ n1, 1, 0, "x/ny", "xny/" },
		{ pre, 1, 0, "build/x", "buildx/" },
		{ suf, 1, 0, "dir/a.o", "dir/a.o/" },
		{ all, 3, 0, "/node_modules/", "bui/node_module" },
		{ all + 1, 1, GLOB_CASEFOLD, "BUILD/", "build" },
		{ all, 3, GLOB_CASEFOLD, "x/NODE_modules/", "build" },	/* no filter: no key */
	};
	static const size_t bounds[] = { 64, 128, CHUNK, CHUNK + 64, 2 * CHUNK };
	int bad = 0, cases = 0, on, filtered = 0, scans = 0;

	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		for (size_t j = 0; j < sizeof bounds / sizeof *bounds; j++)
			for (int hit = 0; hit < 2; hit++) {
				const char *r = hit ? t[i].hit : t[i].miss;
				size_t rl = strlen(r), B = bounds[j];
				if (B > CHUNK && (i % 2 || hit == 0))
					continue;	/* the far boundaries for a few sets: time */
				for (int v = 0; v < 3; v++) {
					struct checker c;
					int delim = v == 2 ? '\0' : '\n';
					size_t plen[3];
					for (size_t k = 0; k < t[i].np; k++)
						plen[k] = strlen(t[i].pats[k]);
					checker_open(&c, "boundary", t[i].pats, plen, t[i].np, t[i].flags, delim);
					on = globscan_filtering(c.s[0]);
					filtered += on;
					for (size_t at = B - rl - 2; at <= B + 2; at++) {
						size_t n;
						char *buf = place(r, rl, at, delim, v, v == 1, &n);
						bad += only(&c, buf, n, at, rl, hit);
						cases++;
						free(buf);
					}
					/* a few hundred records a scan: the probe never drops the filter */
					CHECK_INT(globscan_filtering(c.s[0]), on);
					checker_close(&c);
					scans++;
				}
			}
	CHECK_INT(bad, 0);
	CHECK(cases > 500);
	CHECK(filtered > scans * 3 / 4);
}

/* Records longer than a chunk: the literal, the first or the last bytes in one chunk and the
 * record's end in another, with and without chunks of no record end between. */
static void long_records(void)
{
	static const char *const nm[] = { "*/node_modules/*" };
	static const char *const all[] = { "*.o", "build/*", "*/node_modules/*" };
	static const struct { size_t len, lit; int hit; } t[] = {
		{ 70000, 0, 1 }, { 70000, 100, 1 }, { 70000, CHUNK - 8, 1 }, { 70000, CHUNK - 3, 1 },
		{ 70000, CHUNK - 1, 1 }, { 70000, CHUNK, 1 }, { 70000, 69000, 1 }, { 70000, 69986, 1 },
		{ 200000, 1000, 1 }, { 200000, 2 * CHUNK - 7, 1 }, { 200000, 199986, 1 },
		{ 200000, 0, 0 }, { 70000, 0, 0 },
	};
	int bad = 0;

	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		for (size_t lead = 0; lead < 3; lead++)
			for (int set = 0; set < 2; set++) {
				struct buf b = { 0 };
				size_t at, n;
				char *buf;
				/* lead: none, a matching record before it, or one a chunk long */
				if (lead == 1)
					puts_(&b, "x/node_modules/\n");
				if (lead == 2) {
					putrep(&b, 'x', CHUNK - 10);
					puts_(&b, "\n");
				}
				at = b.n;
				putrep(&b, 'x', t[i].len);
				if (t[i].hit)
					memcpy(b.p + at + t[i].lit, "/node_modules/", 14);
				puts_(&b, "\nbuild/a\nyy\n");
				buf = exact(b.p, b.n);
				n = b.n;
				{
					static const size_t plen[3] = { 3, 7, 16 };
					struct checker c;
					size_t sel;
					checker_open(&c, "long", set ? all : nm, set ? plen : plen + 2, set ? 3 : 1,
						0, '\n');
					bad += check(&c, buf, n, &sel, NULL);
					CHECK_INT(sel, (size_t)t[i].hit + (lead == 1) + set);
					if (lead == 0 && set == 0)
						bad += only(&c, buf, n, at, t[i].len, t[i].hit);
					checker_close(&c);
				}
				free(buf);
				free(b.p);
			}
	/* first two bytes in one chunk, last two in the next, or across the boundary */
	for (int set = 0; set < 6; set++) {
		struct buf b = { 0 };
		size_t plen[3] = { 3, 7, 16 }, sel;
		char *buf;
		putrep(&b, 'y', CHUNK - 4 + (size_t)set / 2);
		puts_(&b, "\nbuild/");
		putrep(&b, 'x', 100000);
		puts_(&b, ".o\n");
		buf = exact(b.p, b.n);
		bad += agree("long", set % 2 ? all : all + 1, plen + !(set % 2), set % 2 ? 3 : 1, 0,
			'\n', buf, b.n, &sel, NULL);
		CHECK_INT(sel, 1);
		free(buf);
		free(b.p);
	}
	CHECK_INT(bad, 0);
}

/* ---------- the scan's contract ---------- */

static void stops(void)
{
	static const char *const sets[][3] = {
		{ "*.o", "build/*", "*/node_modules/*" },	/* prefiltered */
		{ "*", "*.o", "b*" },				/* not */
	};
	static const char recs[] = "a.o\nb.c\nbuild/x\nq\nx/node_modules/y\nz.o\nbb\n.o\n";
	int bad = 0;

	for (size_t s = 0; s < 2; s++) {
		struct globset *g = globset_new(0), *h = globset_new(0);
		for (int k = 0; k < 3; k++) {
			globset_add(g, sets[s][k], strlen(sets[s][k]));
			globset_add(h, sets[s][k], strlen(sets[s][k]));
		}
		for (int level = 0; level < 3; level++)
			for (int invert = 0; invert < 2; invert++) {
				char *buf = exact(recs, sizeof recs - 1);
				struct pick want;
				expect(h, buf, sizeof recs - 1, '\n', invert, &want);
				for (size_t stop = 1; stop <= want.n; stop++) {
					struct globscan *sc = globscan_new(g, '\n');
					struct pick got;
					int rc;
					globscan_vector(sc, level);
					pick_init(&got, buf);
					got.stop_at = stop;
					got.stop_rc = 40 + (int)stop;
					rc = globscan_run(sc, buf, sizeof recs - 1, invert, collect, &got);
					CHECK_INT(rc, 40 + (int)stop);
					CHECK_INT(got.n, stop);
					for (size_t i = 0; i < got.n && i < stop; i++)
						if (got.off[i] != want.off[i])
							bad++;
					pick_free(&got);
					globscan_free(sc);
				}
				if (s == 1 && invert == 0)
					CHECK_INT(want.n, 8);	/* "*" selects every record */
				if (s == 0 && invert == 0)
					CHECK_INT(want.n, 5);
				pick_free(&want);
				free(buf);
			}
		globset_free(g);
		globset_free(h);
	}
	CHECK_INT(bad, 0);
}

static int never(void *arg, const char *rec, size_t len)
{
	(void)rec;
	(void)len;
	++*(int *)arg;
	return 0;
}

static void filtering(void)
{
	static const char *const on[] = { "*.o", "build/*", "*/node_modules/*" };
	static const char *const off[] = { "*.o", "*", "build/*" };
	struct globset *g = globset_new(0), *h = globset_new(0), *e = globset_new(0);
	struct globscan *s, *t, *u;
	int calls = 0;

	for (int k = 0; k < 3; k++) {
		globset_add(g, on[k], strlen(on[k]));
		globset_add(h, off[k], strlen(off[k]));
	}
	s = globscan_new(g, '\n');
	t = globscan_new(h, '\n');
	u = globscan_new(e, '\n');	/* no patterns: nothing to filter for */
	CHECK(s && t && u);
	CHECK_INT(globscan_filtering(s), 1);
	CHECK_INT(globscan_filtering(t), 0);
	CHECK_INT(globscan_filtering(u), 0);
	/* an empty buffer selects nothing, either way */
	CHECK_INT(globscan_run(s, "", 0, 0, never, &calls), 0);
	CHECK_INT(globscan_run(s, "", 0, 1, never, &calls), 0);
	CHECK_INT(globscan_run(t, "", 0, 1, never, &calls), 0);
	CHECK_INT(calls, 0);
	/* an empty set selects nothing, and with invert everything */
	{
		char *buf = exact("a\n\nb.o\n", 7);
		CHECK_INT(globscan_run(u, buf, 7, 0, never, &calls), 0);
		CHECK_INT(calls, 0);
		CHECK_INT(globscan_run(u, buf, 7, 1, never, &calls), 0);
		CHECK_INT(calls, 3);
		free(buf);
	}
	globscan_free(s);
	globscan_free(t);
	globscan_free(u);
	globset_free(g);
	globset_free(h);
	globset_free(e);
}

/* After PROBE (8192) records, a prefilter that lets more than 3 in 4 through is dropped: the
 * answers are the same before, across and after the switch, in one run or over several. */
static void probe(void)
{
	static const char *const all[] = { "*.o", "build/*", "*/node_modules/*" };
	static const char *const nm[] = { "*/node_modules/*" };
	static const size_t plen[] = { 3, 7, 16 };
	/* records that are candidates: a key pair at an end, or inside the three bytes "/no"
	 * that the node_modules pattern is looked for by */
	static const char *const cand[] = { "a.o", "bu", "build", "x.o", "/no", "x/nonono",
		"a/node_modules/b", "b.c.o", "bux", "a/no" };
	static const char *const cand1[] = { "/no", "a/nonono", "a/node_modules/b", "x/no",
		"/node_modules/", "/nob", "/node_modules" };
	int bad = 0;

	for (int set = 0; set < 2; set++)
		for (int mostly = 0; mostly < 2; mostly++)
			for (int runs = 1; runs <= 3; runs++) {
				struct globset *g = globset_new(0), *h = globset_new(0);
				struct globscan *s;
				struct buf b = { 0 };
				size_t np = set ? 1 : 3, sel = 0;
				const char *const *pats = set ? nm : all;
				const size_t *pl = set ? plen + 2 : plen;
				for (size_t k = 0; k < np; k++) {
					globset_add(g, pats[k], pl[k]);
					globset_add(h, pats[k], pl[k]);
				}
				/* 9000 records that are candidates (MOSTLY: 9 in 10; else 1 in 2), then
				 * 9000 random ones */
				for (int j = 0; j < 9000; j++) {
					if (mostly ? j % 10 != 9 : j % 2)
						puts_(&b, set ? cand1[rnd(7)] : cand[rnd(10)]);
					else
						puts_(&b, j % 3 ? "zzzz" : "qq/r");
					putrep(&b, '\n', 1);
				}
				for (int j = 0; j < 9000; j++) {
					rand_text(&b, rnd(8), '\n');
					if (rnd(5) == 0)
						puts_(&b, j % 2 ? ".o" : "/node_modules/");
					putrep(&b, '\n', 1);
				}
				s = globscan_new(g, '\n');
				CHECK_INT(globscan_filtering(s), 1);
				for (int invert = 0; invert < 2; invert++) {
					struct pick want, got;
					char *buf = exact(b.p, b.n);
					expect(h, buf, b.n, '\n', invert, &want);
					pick_init(&got, buf);
					/* RUNS calls over consecutive pieces of whole records */
					for (int r = 0, from = 0; r < runs; r++) {
						size_t to = r == runs - 1 ? b.n : b.n * (size_t)(r + 1) / (size_t)runs;
						while (to < b.n && buf[to - 1] != '\n')
							to++;
						CHECK_INT(globscan_run(s, buf + from, to - (size_t)from, invert, collect,
							&got), 0);
						from = (int)to;
					}
					if (differ(&got, &want) >= 0 && bad++ < 3)
						report("probe", 0, '\n', invert, 0, pats, pl, np, buf, &got, &want);
					if (!invert)
						sel = want.n;
					pick_free(&got);
					pick_free(&want);
					free(buf);
				}
				CHECK(sel > 100);
				/* dropped when 9 in 10 were candidates, kept when half were */
				CHECK_INT(globscan_filtering(s), !mostly);
				globscan_free(s);
				globset_free(g);
				globset_free(h);
				free(b.p);
			}
	CHECK_INT(bad, 0);
}

/* More literal pairs than the vector pass looks for (8): later patterns share the pairs of
 * earlier ones, and records hold several pairs of several groups. */
static void many_pairs(void)
{
	static const char *const alpha[] = { "q", "z", "a", "b", "c", "d", "e", "f", "g", "h",
		"x", "/" };
	char pbuf[24][8];
	const char *pats[24];
	size_t plen[24], sel, recs;
	struct buf b = { 0 };
	struct checker c;
	char *buf;

	for (int i = 0; i < 24; i++) {
		/* "*qa*" .. "*qh*", then the same pairs after "z" or before "/" */
		if (i < 8)
			plen[i] = (size_t)snprintf(pbuf[i], sizeof pbuf[i], "*q%c*", 'a' + i);
		else
			plen[i] = (size_t)snprintf(pbuf[i], sizeof pbuf[i], i % 2 ? "*zq%c*" : "*q%c/*",
				'a' + i % 8);
		pats[i] = pbuf[i];
	}
	for (int j = 0; j < 3000; j++) {
		unsigned len = rnd(12);
		for (unsigned k = 0; k < len; k++)
			puts_(&b, alpha[rnd(sizeof alpha / sizeof *alpha)]);
		puts_(&b, "\n");
	}
	buf = exact(b.p, b.n);
	for (size_t np = 8; np <= 24; np += 16) {
		checker_open(&c, "many pairs", pats, plen, np, 0, '\n');
		CHECK_INT(globscan_filtering(c.s[0]), 1);
		CHECK_INT(check(&c, buf, b.n, &sel, &recs), 0);
		CHECK(sel > recs / 10 && sel < recs / 2);
		checker_close(&c);
	}
	free(buf);
	free(b.p);
}

/* Patterns confirmed from their shape alone: inner runs that could overlap each other or the
 * anchored ends, which must not. PATS[i] selects WANT[i] of the records. */
static void shapes(void)
{
	static const struct { const char *pat; int want; } t[] = {
		{ "*ab*ab*", 5 }, { "*aba*aba*", 2 }, { "*aa*aa*", 2 }, { "ab*ba", 5 },
		{ "ab*b", 3 }, { "a*ab", 5 }, { "*ab*ba*", 6 }, { "abc", 1 }, { "a?a*a?a", 3 },
	};
	static const char *const recs[] = { "aab", "abab", "ababa", "abababa", "aaa", "aaaa",
		"aba", "abba", "ab", "abXba", "abc", "abcd", "aab", "abb", "abbab", "aaab", "xabax",
		"aaaaa", "abababa", "aXaaaXa" };
	struct buf b = { 0 };
	char *buf;
	int bad = 0;

	for (size_t j = 0; j < sizeof recs / sizeof *recs; j++) {
		puts_(&b, recs[j]);
		puts_(&b, "\n");
	}
	buf = exact(b.p, b.n);
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		size_t pl = strlen(t[i].pat), sel;
		bad += agree("shapes", &t[i].pat, &pl, 1, 0, '\n', buf, b.n, &sel, NULL);
		if ((int)sel != t[i].want)
			fprintf(stderr, "shapes: %s selects %zu\n", t[i].pat, sel);
		CHECK_INT(sel, t[i].want);
	}
	CHECK_INT(bad, 0);
	free(buf);
	free(b.p);
}

/* "*" LITERAL "*" patterns are checked first where their key was found: every record that
 * holds the key but not the whole literal there (one byte changed, cut by the record's end,
 * or whole only at a later place) gets the same answer as one by one. */
static void star_literals(void)
{
	static const char *const pats[] = { "*/node_modules/*", "*abcdefgh*", "*/.git/*", "*.o" };
	static const size_t plen[] = { 16, 10, 8, 3 };
	static const char *const lits[] = { "/node_modules/", "abcdefgh", "/.git/" };
	struct buf b = { 0 };
	size_t sel = 0, recs = 0;
	char *buf;

	for (int l = 0; l < 3; l++) {
		const char *lit = lits[l];
		size_t n = strlen(lit);
		for (size_t j = 0; j <= n; j++) {
			/* byte J changed (J == N: whole), at the start, inside, at the end */
			char m[32];
			memcpy(m, lit, n);
			if (j < n)
				m[j] = m[j] == 'x' ? 'y' : 'x';
			for (int where = 0; where < 3; where++) {
				if (where)
					puts_(&b, "pre");
				put(&b, m, n);
				if (where < 2)
					puts_(&b, where ? "post" : "z");
				puts_(&b, "\n");
				/* a broken copy first, the whole literal later */
				put(&b, m, n);
				puts_(&b, "/");
				put(&b, lit, n);
				puts_(&b, "\n");
				/* cut by the end: all but the last J + 1 bytes */
				put(&b, lit, n - (j < n ? j + 1 : n));
				puts_(&b, "\n");
			}
		}
	}
	buf = exact(b.p, b.n);
	CHECK_INT(agree("star literals", pats, plen, 4, 0, '\n', buf, b.n, &sel, &recs), 0);
	CHECK(sel > recs / 3 && sel < recs);
	free(buf);
	free(b.p);
}

/* Case folding, where non-ASCII characters fold to ASCII letters (Kelvin sign, long s), at the
 * first and last bytes the prefilter keys on. */
static void folding(void)
{
	static const char *const pats[] = { "ks*", "*sk", "ak*", "*ka", "k", "s?" };
	static const char *const recs[] = { "ks", "\xe2\x84\xaa\xc5\xbf", "k\xc5\xbfx", "\xc5\xbfk",
		"s\xe2\x84\xaa", "a\xe2\x84\xaa", "\xe2\x84\xaa" "a", "AK", "KA", "\xe2\x84\xaa",
		"S\xc3\xa9", "sK", "x" };
	struct buf b = { 0 };
	size_t plen[6], sel;
	char *buf;

	for (int k = 0; k < 6; k++)
		plen[k] = strlen(pats[k]);
	for (int rep = 0; rep < 3; rep++)
		for (size_t j = 0; j < sizeof recs / sizeof *recs; j++) {
			puts_(&b, recs[j]);
			puts_(&b, "\n");
		}
	buf = exact(b.p, b.n);
	for (int k = 0; k < 6; k++) {
		CHECK_INT(agree("folding", pats + k, plen + k, 1, GLOB_CASEFOLD, '\n', buf, b.n, &sel,
			NULL), 0);
		CHECK(sel > 0);
	}
	CHECK_INT(agree("folding", pats, plen, 6, GLOB_CASEFOLD, '\n', buf, b.n, &sel, NULL), 0);
	CHECK(sel >= 3 * 11);
	free(buf);
	free(b.p);
}

/* globscan_run_threads over 20 MB: the selections of every thread come out in order, the
 * prefilter's part alone and the automaton's split between threads, and an early stop in a
 * worker's part returns at the right record. */
static void threads(void)
{
	static const char *const sets[2][3] = { { "*.o", "build/*", "*/node_modules/*" },
		{ "*.o", "*/node_modules/*", "*[!a]b*" } };	/* no key for the last: no prefilter */
	static const char *const words[] = { "src", "a", "node_modules", "b.o", "x", "build",
		"lib", "\xc3\xa9" };
	struct buf b = { 0 };
	char *buf;

	while (b.n < ((size_t)20 << 20)) {
		unsigned k = 1 + rnd(12);
		for (unsigned j = 0; j < k; j++) {
			puts_(&b, words[rnd(sizeof words / sizeof *words)]);
			puts_(&b, j + 1 < k ? "/" : "\n");
		}
	}
	buf = exact(b.p, b.n);
	for (int set = 0; set < 2; set++) {
		struct globset *g = globset_new(0), *h = globset_new(0);
		for (int k = 0; k < 3; k++) {
			globset_add(g, sets[set][k], strlen(sets[set][k]));
			globset_add(h, sets[set][k], strlen(sets[set][k]));
		}
		for (int invert = 0; invert < 2; invert++)
			for (int nt = 1; nt <= 3; nt += 2) {
				struct globscan *s = globscan_new(g, '\n');
				struct pick want, got;
				expect(h, buf, b.n, '\n', invert, &want);
				pick_init(&got, buf);
				CHECK_INT(globscan_filtering(s), !set);
				CHECK_INT(globscan_run_threads(s, buf, b.n, invert, nt, collect, &got), 0);
				CHECK_INT(differ(&got, &want), -1);
				CHECK(want.n > 1000);
				pick_free(&got);
				globscan_free(s);
				/* stop at a record in the last third, which a worker matched */
				s = globscan_new(g, '\n');
				pick_init(&got, buf);
				got.stop_at = want.n - want.n / 6;
				got.stop_rc = 9;
				CHECK_INT(globscan_run_threads(s, buf, b.n, invert, nt, collect, &got), 9);
				CHECK_INT(got.n, got.stop_at);
				CHECK(got.n > 0 && got.off[got.n - 1] == want.off[got.n - 1]);
				pick_free(&got);
				pick_free(&want);
				globscan_free(s);
			}
		globset_free(g);
		globset_free(h);
	}
	free(buf);
	free(b.p);
}

int main(void)
{
	/* each scan allocates about 1.5 MB of tables: keep it off mmap, or page faults are
	 * most of the run time (ASan's allocator ignores this) */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	differential();
	boundaries();
	long_records();
	stops();
	filtering();
	probe();
	many_pairs();
	shapes();
	star_literals();
	folding();
	threads();
	return unit_done("globscan");
}
