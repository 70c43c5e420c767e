/* globscan: records of a buffer against a globset, through an anchored-key prefilter (see
 * globscan.h). A record is a candidate when its first two bytes or last two bytes are a key
 * of some pattern (or both, for a pattern keyed at both ends), when it holds two or three
 * bytes of a literal some pattern needs, or when it is shorter than two bytes or starts or
 * ends outside ASCII; only candidates are matched. Keys come from each pattern's shapes
 * (globset_shape), so they are sound for every flag: a shape is a superset.
 * The scan of 64-byte blocks comes at three levels: AVX-512 (VBMI), which also marks the
 * candidate records itself (the sparse scan); AVX2; and 8 bytes at a time. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2 1
#endif

#include "globscan.h"
#include "globset.h"

#define CHUNK 65536		/* bytes whose record ends are listed at a time */
#define MAX_INF 8		/* literals (two or three bytes) the vector pass looks for */
#define SEG_MAX 16		/* an inner run of more positions is confirmed by the automaton */
#define KEY_MAX 16384		/* a key of more byte pairs than this is no key */
#define IDS_MAX (1u << 20)	/* pattern entries in both pair tables */
#define PROBE 8192		/* records seen before judging the prefilter */
#define BATCH 32		/* records matched together without the prefilter */
#define BATCH_BYTES 16384

enum { K_NONE, K_PRE, K_SUF, K_INF, K_BOTH };
enum { C_PRE = 1, C_SUF = 2, C_INF = 4, C_FULL = 8, C_BOTH = 16 };
/* What an ASCII byte may be in the sparse scan: the last byte of a suffix pair, the one before
 * it, the last byte of a suffix key that takes any byte before it; the same for prefixes. */
enum { F_S1 = 1, F_S2 = 2, F_SA = 4, F_P1 = 8, F_P2 = 16, F_PA = 32 };

/* A run of positions between two stars, found through its rarest single-byte position. */
struct seg {
	uint32_t a, k;		/* its first position in the shape, and how many */
	int d;			/* the offset of that byte in the run, or -1 when there is none */
	unsigned char byte;
};

/* One shape of a pattern; the pair tables and literal groups list these. */
struct pat {
	struct glob_atom *v;
	size_t n, first, last;	/* the first and last star, or n */
	int never;		/* the pattern matches nothing */
	int direct;		/* confirmed from its shape on ASCII records */
	struct seg *seg;	/* the runs between the first and last star */
	size_t nseg;
	/* when the runs before the first star and after the last are single bytes, at most 8
	 * each: those bytes as the first and last 8 of a record, to compare at once */
	int words;
	uint64_t hval, hmask, tval, tmask;
	/* a pattern that is "*" LITERAL "*" keyed by a literal: its bytes, and where the key's
	 * bytes are in them, to check the literal where the key was found */
	unsigned char *lit;
	size_t litlen, keyoff;
};

/* Byte pairs (first << 8 | second) to the patterns keyed by them: for a pair in BITS, its
 * patterns are ids[start[k]..end[k]); the other entries are never touched. */
struct pairtab {
	uint64_t bits[1024];
	uint32_t *start, *end;	/* 65536 each */
	uint32_t *ids;
};

struct globscan {
	struct globset *g;
	int delim, on, vec;
	int wide;		/* the chunk being matched has a non-ASCII byte */
	struct pat *pat;
	size_t npat;
	struct pairtab pre, suf;
	struct pairtab both;	/* patterns with both keys, by the first; their last pairs: */
	uint64_t bothsuf[1024];
	int ninf;
	unsigned char inf[MAX_INF][3], inflen[MAX_INF];	/* literal bytes looked for */
	uint32_t infoff[MAX_INF + 1], *infids;
	unsigned long long seen, cands;
	uint32_t *ends, *hits;	/* CHUNK + slack entries each */
	size_t *starts;		/* the sparse scan's record starts, CHUNK + slack */
	unsigned char ftab[128];	/* the sparse scan's byte flags (F_*) */
	const char *req;	/* a literal every match holds, for the unfiltered path */
	size_t reqlen;
};

static int bit(const uint64_t *t, unsigned k)
{
	return (int)(t[k >> 6] >> (k & 63) & 1);
}

static int has(const struct glob_atom *a, unsigned c)
{
	return c < 0x80 && (a->ascii[c >> 6] >> (c & 63) & 1);
}

/* The bytes a position may start (or end, for a suffix) with next to an ASCII neighbour:
 * all for a star or past the pattern's edge when MORE, none when not. */
static void byteset(const struct glob_atom *a, int more, uint64_t m[4])
{
	if (!a) {
		m[0] = m[1] = m[2] = m[3] = more ? ~(uint64_t)0 : 0;
		return;
	}
	if (a->star) {
		m[0] = m[1] = m[2] = m[3] = ~(uint64_t)0;
		return;
	}
	m[0] = a->ascii[0];
	m[1] = a->ascii[1];
	m[2] = m[3] = a->wide ? ~(uint64_t)0 : 0;
}

static size_t popcount4(const uint64_t m[4])
{
	return (size_t)(__builtin_popcountll(m[0]) + __builtin_popcountll(m[1]) +
		__builtin_popcountll(m[2]) + __builtin_popcountll(m[3]));
}

/* The pairs of a prefix key (SUF 0) or suffix key (SUF 1) of P: the outer byte is ASCII
 * (records with a non-ASCII first or last byte are always candidates); its count, or 0 for
 * none (a star at that end). */
static size_t key_sets(const struct pat *p, int suf, uint64_t outer[4], uint64_t inner[4])
{
	const struct glob_atom *o, *in;

	if (p->n == 0)
		return 0;
	o = suf ? &p->v[p->n - 1] : &p->v[0];
	if (o->star)
		return 0;
	in = p->n >= 2 ? (suf ? &p->v[p->n - 2] : &p->v[1]) : NULL;
	outer[0] = o->ascii[0];
	outer[1] = o->ascii[1];
	outer[2] = outer[3] = 0;
	byteset(in, 0, inner);
	return popcount4(outer) * popcount4(inner);
}

/* How common byte C is in names, roughly: lower case, digits and the usual separators are;
 * among equals the earliest bytes of a literal are taken, which keeps a leading '/'. */
static int rarity(unsigned c)
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
		c == '_' || c == '-')
		return 2;
	return 1;
}

/* A position that matches one ASCII byte among ASCII bytes. */
static int single(const struct glob_atom *a)
{
	return !a->star && __builtin_popcountll(a->ascii[0]) + __builtin_popcountll(a->ascii[1]) == 1;
}

/* The byte of a single position. */
static unsigned lit1(const struct glob_atom *a)
{
	return a->ascii[0] ? (unsigned)__builtin_ctzll(a->ascii[0]) :
		64 + (unsigned)__builtin_ctzll(a->ascii[1]);
}

/* A position that matches one ASCII byte and nothing else, in any name: that byte, or -1. */
static int lit(const struct glob_atom *a)
{
	return single(a) && !a->wide ? (int)lit1(a) : -1;
}

/* The least common three bytes of P's longest literal run (two if that is all), or any two
 * or three of its bytes that another pattern already looks for: their index in S->inf, or -1
 * when there is no literal or no room for one. */
static int inf_key(struct globscan *s, const struct pat *p)
{
	size_t best = 0, bstart = 0, run = 0;
	int pick = -1, pickscore = 1 << 20;

	for (size_t i = 0; i <= p->n; i++) {
		if (i < p->n && lit(&p->v[i]) >= 0) {
			run++;
			continue;
		}
		if (run > best) {
			best = run;
			bstart = i - run;
		}
		run = 0;
	}
	for (size_t w = 3; w >= 2; w--)
		for (size_t i = bstart; best >= 2 && i + w <= bstart + best; i++) {
			unsigned char c[3] = { 0, 0, 0 };
			int score = w == 3 ? 0 : 10, k;	/* three bytes hit less often than two */
			for (size_t j = 0; j < w; j++) {
				c[j] = (unsigned char)lit(&p->v[i + j]);
				score += rarity(c[j]);
			}
			for (k = 0; k < s->ninf; k++)
				if (s->inflen[k] == w && !memcmp(s->inf[k], c, w))
					break;
			if (k < s->ninf)
				score -= 100;	/* shared with a pattern already keyed */
			else if (s->ninf == MAX_INF)
				continue;
			if (score < pickscore) {
				pickscore = score;
				pick = k;
				if (k == s->ninf) {
					memcpy(s->inf[k], c, 3);	/* tentative until chosen */
					s->inflen[k] = (unsigned char)w;
				}
			}
		}
	if (pick == s->ninf)
		s->ninf++;
	return pick;
}

/* When P is "*" LITERAL "*" (on ASCII records) and the bytes of literal group G are in it,
 * keep its bytes and their offset: 0, or -1 on ENOMEM. */
static int star_literal(const struct globscan *s, struct pat *p, int g)
{
	const unsigned char *k;

	if (!p->direct || p->n < 3 || p->first != 0 || p->last != p->n - 1 || p->nseg != 1)
		return 0;
	for (size_t j = 1; j + 1 < p->n; j++)
		if (!single(&p->v[j]))
			return 0;
	p->litlen = p->n - 2;
	p->lit = malloc(p->litlen);
	if (!p->lit)
		return -1;
	for (size_t j = 0; j < p->litlen; j++)
		p->lit[j] = (unsigned char)lit1(&p->v[j + 1]);
	k = memmem(p->lit, p->litlen, s->inf[g], s->inflen[g]);
	if (!k) {
		free(p->lit);
		p->lit = NULL;
		return 0;
	}
	p->keyoff = (size_t)(k - p->lit);
	return 0;
}

/* Set P's end words when its outer runs are bytes that fit them. */
static void end_words(struct pat *p)
{
	size_t suf = p->n - p->last - 1;

	if (p->first == p->n || p->first > 8 || suf > 8)
		return;
	for (size_t j = 0; j < p->first; j++) {
		if (!single(&p->v[j]))
			return;
		p->hval |= (uint64_t)lit1(&p->v[j]) << (8 * j);
		p->hmask |= (uint64_t)0xff << (8 * j);
	}
	for (size_t j = 0; j < suf; j++) {
		if (!single(&p->v[p->last + 1 + j]))
			return;
		p->tval |= (uint64_t)lit1(&p->v[p->last + 1 + j]) << (8 * (8 - suf + j));
		p->tmask |= (uint64_t)0xff << (8 * (8 - suf + j));
	}
	p->words = 1;
}

/* List P's runs between its first and last star: 0, or -1 on ENOMEM. */
static int segments(struct pat *p)
{
	for (size_t a = p->first + 1; a < p->last; a++) {
		struct seg *v, *sg;
		size_t b = a;
		int best = 1 << 20;
		if (p->v[a].star)
			continue;
		while (!p->v[b].star)
			b++;
		v = realloc(p->seg, (p->nseg + 1) * sizeof *v);
		if (!v)
			return -1;
		p->seg = v;
		sg = &v[p->nseg++];
		sg->a = (uint32_t)a;
		sg->k = (uint32_t)(b - a);
		sg->d = -1;
		sg->byte = 0;
		for (size_t j = a; j < b; j++)
			if (single(&p->v[j])) {
				unsigned c = lit1(&p->v[j]);
				/* a separator would stop the search at every path component */
				int r = rarity(c) + 2 * (c == '/' || c == '.');
				if (r < best) {
					best = r;
					sg->d = (int)(j - a);
					sg->byte = (unsigned char)c;
				}
			}
		a = b;
	}
	return 0;
}

/* Add pattern ID to table T under every pair of OUTER x INNER (SUF: inner byte first);
 * before T->ids exists, only count. */
static void tab_add(struct pairtab *t, const uint64_t outer[4], const uint64_t inner[4], int suf,
	uint32_t id)
{
	for (unsigned x = 0; x < 256; x++) {
		if (!(outer[x >> 6] >> (x & 63) & 1))
			continue;
		for (unsigned y = 0; y < 256; y++) {
			unsigned k;
			if (!(inner[y >> 6] >> (y & 63) & 1))
				continue;
			k = suf ? y << 8 | x : x << 8 | y;
			if (t->ids)
				t->ids[t->end[k]++] = id;
			else {
				t->end[k]++;
				t->bits[k >> 6] |= (uint64_t)1 << (k & 63);
			}
		}
	}
}

static int tab_alloc(struct pairtab *t)
{
	t->start = calloc(65536, sizeof *t->start);
	t->end = calloc(65536, sizeof *t->end);
	return t->start && t->end ? 0 : -1;
}

/* After counting: place each pair's list, in pair order. */
static int tab_fill_prepare(struct pairtab *t)
{
	uint32_t total = 0;

	for (unsigned w = 0; w < 1024; w++)
		for (uint64_t m = t->bits[w]; m; m &= m - 1) {
			unsigned k = w << 6 | (unsigned)__builtin_ctzll(m);
			uint32_t c = t->end[k];
			t->start[k] = t->end[k] = total;
			total += c;
		}
	t->ids = malloc(((size_t)total + 1) * sizeof *t->ids);
	return t->ids ? 0 : -1;
}

static void tab_free(struct pairtab *t)
{
	free(t->start);
	free(t->end);
	free(t->ids);
}

/* Build the prefilter: 0 (S->on tells whether there is one), or -1 on ENOMEM. */
static int build(struct globscan *s)
{
	size_t np = globset_count(s->g), cap = 0, total = 0;
	unsigned char *kind = NULL;
	int *infk = NULL;
	int rc = -1;

	/* every shape of every pattern (a pattern matches only where one of its shapes does) */
	for (size_t i = 0; i < np; i++)
		for (size_t k = 0;; k++) {
			struct glob_shape sh;
			struct pat *p;
			size_t seg = 0;
			int r;
			if (s->npat == cap) {
				struct pat *v = realloc(s->pat, (cap = cap ? 2 * cap : 16) * sizeof *v);
				if (!v)
					goto out;
				s->pat = v;
			}
			if ((r = globset_shape(s->g, i, k, &sh)) < 0)
				goto out;
			if (r == 0)
				break;
			p = &s->pat[s->npat++];
			memset(p, 0, sizeof *p);
			p->v = sh.v;
			p->n = sh.n;
			p->never = sh.never;
			p->first = p->last = sh.n;
			for (size_t j = 0; j < sh.n; j++)
				if (sh.v[j].star) {
					if (p->first == sh.n)
						p->first = j;
					p->last = j;
				}
			p->direct = sh.exact;
			for (size_t j = p->first; j < p->last; j++) {
				seg = sh.v[j].star ? 0 : seg + 1;
				if (seg > SEG_MAX)
					p->direct = 0;
			}
			if (p->direct && segments(p) < 0)
				goto out;
			if (p->direct)
				end_words(p);
		}
	kind = calloc(s->npat + 1, 1);
	infk = calloc(s->npat + 1, sizeof *infk);
	if (!kind || !infk)
		goto out;
	s->on = s->npat > 0;
	for (size_t i = 0; i < s->npat; i++) {
		struct pat *p = &s->pat[i];
		uint64_t o[4], in[4];
		size_t pre, suf;
		if (p->never || p->n == 0 || (p->n == 1 && !p->v[0].star))
			continue;	/* it matches no record, or only ones that are candidates anyway:
				 * shorter than two bytes, or one non-ASCII character */
		pre = key_sets(p, 0, o, in);
		suf = key_sets(p, 1, o, in);
		if (pre && pre <= KEY_MAX && suf && suf <= KEY_MAX)
			kind[i] = K_BOTH;	/* a candidate only when both pairs hit */
		else if (pre && pre <= KEY_MAX && (!suf || pre <= suf) && pre <= 48)
			kind[i] = K_PRE;
		else if (suf && suf <= KEY_MAX && suf <= 48)
			kind[i] = K_SUF;
		else if ((infk[i] = inf_key(s, p)) >= 0)
			kind[i] = K_INF;
		else if (pre && pre <= KEY_MAX && (!suf || pre <= suf))
			kind[i] = K_PRE;
		else if (suf && suf <= KEY_MAX)
			kind[i] = K_SUF;
		else {
			s->on = 0;	/* a pattern with no key: every record is a candidate */
			break;
		}
		if (kind[i] == K_INF && star_literal(s, p, infk[i]) < 0)
			goto out;
		total += kind[i] == K_PRE || kind[i] == K_BOTH ? pre : kind[i] == K_SUF ? suf : 0;
		if (total > IDS_MAX) {
			s->on = 0;
			break;
		}
	}
	if (!s->on) {
		rc = 0;
		goto out;
	}
	if (tab_alloc(&s->pre) < 0 || tab_alloc(&s->suf) < 0 || tab_alloc(&s->both) < 0)
		goto out;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && (tab_fill_prepare(&s->pre) < 0 || tab_fill_prepare(&s->suf) < 0 ||
			tab_fill_prepare(&s->both) < 0))
			goto out;
		for (size_t i = 0; i < s->npat; i++) {
			uint64_t o[4], in[4];
			if (kind[i] == K_BOTH) {
				key_sets(&s->pat[i], 0, o, in);
				tab_add(&s->both, o, in, 0, (uint32_t)i);
				key_sets(&s->pat[i], 1, o, in);
				for (unsigned x = 0; x < 128 && pass == 0; x++)
					for (unsigned y = 0; y < 256; y++)
						if ((o[x >> 6] >> (x & 63) & 1) && (in[y >> 6] >> (y & 63) & 1))
							s->bothsuf[(y << 8 | x) >> 6] |=
								(uint64_t)1 << ((y << 8 | x) & 63);
			} else if (kind[i] == K_PRE || kind[i] == K_SUF) {
				int suf = kind[i] == K_SUF;
				key_sets(&s->pat[i], suf, o, in);
				tab_add(suf ? &s->suf : &s->pre, o, in, suf, (uint32_t)i);
			} else if (kind[i] == K_INF && pass == 0)
				s->infoff[infk[i] + 1]++;
		}
	}
	for (int k = 0; k < MAX_INF; k++)
		s->infoff[k + 1] += s->infoff[k];
	s->infids = malloc((s->infoff[MAX_INF] + 1) * sizeof *s->infids);
	if (!s->infids)
		goto out;
	{
		uint32_t fill[MAX_INF];
		memcpy(fill, s->infoff, sizeof fill);
		for (size_t i = 0; i < s->npat; i++)
			if (kind[i] == K_INF)
				s->infids[fill[infk[i]]++] = (uint32_t)i;
	}
	rc = 0;
out:
	free(kind);
	free(infk);
	return rc;
}

/* Project the pair tables onto bytes for the sparse scan: a record is a candidate only if its
 * last two bytes (or first two) have the flags of some key's. The outer byte of a key that
 * takes any inner byte gets FA, the others F1, and their inner bytes F2. */
static void flag_side(unsigned char *ft, const uint64_t *t1, const uint64_t *t2, int suf,
	int f1, int f2, int fa)
{
	unsigned cnt[256] = { 0 };

	for (int pass = 0; pass < 2; pass++)
		for (unsigned w = 0; w < 1024; w++)
			for (uint64_t m = t1[w] | (t2 ? t2[w] : 0); m; m &= m - 1) {
				unsigned k = w << 6 | (unsigned)__builtin_ctzll(m);
				unsigned o = suf ? k & 0xff : k >> 8, i = suf ? k >> 8 : k & 0xff;
				if (pass == 0)
					cnt[o]++;
				else if (o < 128 && cnt[o] < 256 && i < 128)
					ft[i] |= (unsigned char)f2;
			}
	for (unsigned o = 0; o < 128; o++)
		if (cnt[o])
			ft[o] |= (unsigned char)(cnt[o] == 256 ? fa : f1);
}

static void flag_table(struct globscan *s)
{
	memset(s->ftab, 0, sizeof s->ftab);
	flag_side(s->ftab, s->suf.bits, s->bothsuf, 1, F_S1, F_S2, F_SA);
	flag_side(s->ftab, s->pre.bits, NULL, 0, F_P1, F_P2, F_PA);
}

/* 2 with AVX-512 (BW, VBMI) and BMI2, 1 with AVX2, else 0; at most COOKBOX_SIMD when that
 * is set (so that one machine can run the tests of every level). */
static int best_vector(void)
{
	const char *e = getenv("COOKBOX_SIMD");
	int best = 0, cap = e && *e >= '0' && *e <= '2' && !e[1] ? *e - '0' : 2;

#ifdef HAVE_AVX2
	if (__builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi") &&
		__builtin_cpu_supports("bmi2"))
		best = 2;
	else if (__builtin_cpu_supports("avx2"))
		best = 1;
#endif
	return best < cap ? best : cap;
}

struct globscan *globscan_new(struct globset *g, int delim)
{
	struct globscan *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->g = g;
	s->delim = delim & 0xff;
	s->vec = best_vector();
	s->ends = malloc((CHUNK + 8) * sizeof *s->ends);
	s->starts = malloc((CHUNK + 8) * sizeof *s->starts);
	s->hits = malloc((CHUNK + 8) * sizeof *s->hits);
	if (!s->ends || !s->hits || !s->starts || build(s) < 0) {
		globscan_free(s);
		errno = ENOMEM;
		return NULL;
	}
	s->reqlen = globset_required(g, &s->req);
	if (s->on)
		flag_table(s);
	return s;
}

void globscan_free(struct globscan *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->npat; i++) {
		free(s->pat[i].v);
		free(s->pat[i].seg);
		free(s->pat[i].lit);
	}
	free(s->pat);
	tab_free(&s->pre);
	tab_free(&s->suf);
	tab_free(&s->both);
	free(s->infids);
	free(s->ends);
	free(s->hits);
	free(s->starts);
	free(s);
}

int globscan_filtering(const struct globscan *s)
{
	return s->on;
}

void globscan_stats(const struct globscan *s, unsigned long long *records,
	unsigned long long *candidates)
{
	*records = s->seen;
	*candidates = s->cands;
}

int globscan_vector(struct globscan *s, int level)
{
	int best = best_vector();

	s->vec = level < best ? (level < 0 ? 0 : level) : best;
	return s->vec;
}

/* ---------- confirming a candidate ---------- */

static int seg_at(const struct glob_atom *a, size_t k, const unsigned char *u)
{
	for (size_t i = 0; i < k; i++)
		if (!has(&a[i], u[i]))
			return 0;
	return 1;
}

/* Whether ASCII record U (LEN bytes) matches P's shape: the first and last runs anchored, the
 * inner runs each at its leftmost place after the one before, which is exact when stars match
 * any bytes. */
static int shape_match(const struct pat *p, const unsigned char *u, size_t len)
{
	size_t pre = p->first, suf, i, end;

	if (p->first == p->n)
		return len == p->n && seg_at(p->v, len, u);
	suf = p->n - p->last - 1;
	if (len < pre + suf)
		return 0;
	if (p->words && len >= 8) {
		uint64_t h, t;
		memcpy(&h, u, 8);
		memcpy(&t, u + len - 8, 8);
		if ((h & p->hmask) != p->hval || (t & p->tmask) != p->tval)
			return 0;
	} else if (!seg_at(p->v, pre, u) || !seg_at(p->v + p->last + 1, suf, u + len - suf))
		return 0;
	i = pre;
	end = len - suf;
	for (size_t j = 0; j < p->nseg; j++) {
		const struct seg *sg = &p->seg[j];
		const struct glob_atom *a = p->v + sg->a;
		size_t k = sg->k;
		if (i + k > end)
			return 0;
		if (sg->d >= 0) {
			/* from one place of the run's rarest byte to the next, left to right */
			const unsigned char *q = u + i + (size_t)sg->d, *lim = u + end - k + (size_t)sg->d + 1;
			for (;; q++) {
				q = memchr(q, sg->byte, (size_t)(lim - q));
				if (!q)
					return 0;
				if (seg_at(a, k, q - sg->d))
					break;
			}
			i = (size_t)(q - sg->d - u) + k;
		} else {
			for (;; i++) {
				if (i + k > end)
					return 0;
				if (seg_at(a, k, u + i))
					break;
			}
			i += k;
		}
	}
	return 1;
}

static int ascii(const unsigned char *u, size_t n)
{
	uint64_t acc = 0, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, u + i, 8);
		acc |= w;
	}
	for (; i < n; i++)
		acc |= u[i];
	return !(acc & 0x8080808080808080u);
}

/* Match one record against the patterns of IDS[0..K): 1, 0, or -1 when the automaton must
 * answer (a pattern not confirmed from its shape). */
static int confirm_list(const struct globscan *s, const uint32_t *ids, size_t k,
	const unsigned char *u, size_t len, const unsigned char *hit)
{
	for (size_t j = 0; j < k; j++) {
		const struct pat *p = &s->pat[ids[j]];
		if (!p->direct)
			return -1;
		if (p->words && !p->nseg && len >= 8) {
			/* only its outer runs: two words, without a call */
			uint64_t h, t;
			memcpy(&h, u, 8);
			memcpy(&t, u + len - 8, 8);
			if (len >= p->first + (p->n - p->last - 1) && (h & p->hmask) == p->hval &&
				(t & p->tmask) == p->tval)
				return 1;
			continue;
		}
		if (p->lit && hit && (size_t)(hit - u) >= p->keyoff &&
			(size_t)(hit - u) - p->keyoff + p->litlen <= len &&
			!memcmp(hit - p->keyoff, p->lit, p->litlen))
			return 1;	/* the literal where its key was found */
		if (shape_match(p, u, len))
			return 1;
	}
	return 0;
}

/* The literal groups (bits) of the hits CHUNK + HIT[0..NH) that lie whole in record U (LEN
 * bytes). */
static unsigned hit_groups(const struct globscan *s, const unsigned char *u, size_t len,
	const unsigned char *chunk, const uint32_t *hit, size_t nh)
{
	unsigned groups = 0;

	for (size_t h = 0; h < nh; h++) {
		const unsigned char *q = chunk + hit[h];
		for (int g = 0; g < s->ninf; g++)
			if (q + s->inflen[g] <= u + len && q[0] == s->inf[g][0] &&
				q[1] == s->inf[g][1] && (s->inflen[g] < 3 || q[2] == s->inf[g][2]))
				groups |= 1u << g;
	}
	return groups;
}

/* Whether candidate record U (LEN bytes) with candidate bits C matches: 1, 0, or -1 ENOMEM.
 * GROUPS: the literals (bits of S->inf) found in it, with C_INF; HIT where one was, or NULL. */
static int confirm(struct globscan *s, const unsigned char *u, size_t len, int c,
	unsigned groups, const unsigned char *hit)
{
	int r = 0;

	if (!(c & C_FULL) && (!s->wide || ascii(u, len))) {
		if (c & C_PRE) {
			unsigned k = (unsigned)u[0] << 8 | u[1];
			r = confirm_list(s, s->pre.ids + s->pre.start[k],
				s->pre.end[k] - s->pre.start[k], u, len, NULL);
		}
		if (r == 0 && (c & C_BOTH)) {
			unsigned k = (unsigned)u[0] << 8 | u[1];
			r = confirm_list(s, s->both.ids + s->both.start[k],
				s->both.end[k] - s->both.start[k], u, len, NULL);
		}
		if (r == 0 && (c & C_SUF)) {
			unsigned k = (unsigned)u[len - 2] << 8 | u[len - 1];
			r = confirm_list(s, s->suf.ids + s->suf.start[k],
				s->suf.end[k] - s->suf.start[k], u, len, NULL);
		}
		for (int g = 0; r == 0 && (c & C_INF) && g < s->ninf; g++)
			if (groups >> g & 1)
				r = confirm_list(s, s->infids + s->infoff[g],
					s->infoff[g + 1] - s->infoff[g], u, len, hit);
		if (r >= 0)
			return r;
	}
	{
		long m = globset_match(s->g, (const char *)u, len);
		if (m == -2)
			return -1;
		return m >= 0;
	}
}

/* The candidate bits of record U[START..E) from the pairs at its ends: C_FULL when it is
 * shorter than two bytes or not ASCII at an end. */
static inline int end_keys(const struct globscan *s, const unsigned char *u, size_t start,
	size_t e)
{
	unsigned f2, l2;

	if (e - start < 2)
		return C_FULL;
	f2 = (unsigned)u[start] << 8 | u[start + 1];
	l2 = (unsigned)u[e - 2] << 8 | u[e - 1];
	return bit(s->pre.bits, f2) | bit(s->suf.bits, l2) << 1 |
		((u[start] | u[e - 1]) >> 7) << 3 | (bit(s->both.bits, f2) & bit(s->bothsuf, l2)) << 4;
}

/* ---------- finding record ends and literals ---------- */

/* Append BASE + the position of each set bit of M to Q, which has 3 spare entries: four at a
 * time, with no branch per bit. */
static inline __attribute__((always_inline)) uint32_t *flatten(uint32_t *q, uint64_t m,
	uint32_t base)
{
	const uint64_t top = (uint64_t)1 << 63;	/* keeps ctz defined once M runs out */
	uint32_t *end = q + __builtin_popcountll(m);

	while (m) {
		q[0] = base + (uint32_t)__builtin_ctzll(m);
		m &= m - 1;
		q[1] = base + (uint32_t)__builtin_ctzll(m | top);
		m &= m - 1;
		q[2] = base + (uint32_t)__builtin_ctzll(m | top);
		m &= m - 1;
		q[3] = base + (uint32_t)__builtin_ctzll(m | top);
		m &= m - 1;
		q += 4;
	}
	return end;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES 0x0101010101010101u
#define HIGH 0x8080808080808080u

/* The top bit of each byte of W that is B, the other bits clear (no carry between bytes). */
static inline uint64_t eq8(uint64_t w, unsigned b)
{
	uint64_t t = w ^ (ONES * b);

	return ~(((t & ~HIGH) + ~HIGH) | t) & HIGH;
}

/* Those top bits as 8 bits, the first byte's lowest. */
static inline uint64_t pack8(uint64_t m)
{
	return ((m >> 7) * 0x0102040810204080u) >> 56;
}

/* Delimiter and literal masks of the 64 bytes at U (66 readable), 8 bytes at a time; the
 * bytes' top bits are ORed into *WIDE. */
static inline __attribute__((always_inline)) void masks64(const struct globscan *s,
	const unsigned char *u, uint64_t *dm, uint64_t *hm, unsigned *wide)
{
	uint64_t d = 0, h = 0, any = 0;

	for (int k = 0; k < 8; k++) {
		uint64_t w, w1, w2, m = 0;
		memcpy(&w, u + 8 * k, 8);
		any |= w;
		d |= pack8(eq8(w, (unsigned)s->delim)) << (8 * k);
		if (!s->ninf)
			continue;
		memcpy(&w1, u + 8 * k + 1, 8);
		memcpy(&w2, u + 8 * k + 2, 8);
		for (int g = 0; g < s->ninf; g++)
			m |= eq8(w, s->inf[g][0]) & eq8(w1, s->inf[g][1]) &
				(s->inflen[g] < 3 ? HIGH : eq8(w2, s->inf[g][2]));
		h |= pack8(m) << (8 * k);
	}
	*dm = d;
	*hm = h;
	*wide |= (any & HIGH) != 0;
}
#else
/* Delimiter and literal masks of the 64 bytes at U (66 readable), a byte at a time; the
 * bytes' top bits are ORed into *WIDE. */
static inline __attribute__((always_inline)) void masks64(const struct globscan *s,
	const unsigned char *u, uint64_t *dm, uint64_t *hm, unsigned *wide)
{
	uint64_t d = 0, h = 0;
	unsigned w = 0;

	for (int i = 0; i < 64; i++) {
		d |= (uint64_t)(u[i] == s->delim) << i;
		w |= u[i];
		for (int g = 0; g < s->ninf; g++)
			h |= (uint64_t)(u[i] == s->inf[g][0] && u[i + 1] == s->inf[g][1] &&
				(s->inflen[g] < 3 || u[i + 2] == s->inf[g][2])) << i;
	}
	*dm = d;
	*hm = h;
	*wide |= w & 0x80;
}
#endif

#ifdef HAVE_AVX2
static inline __attribute__((target("avx2"))) void masks64_avx2(const struct globscan *s,
	const unsigned char *u, uint64_t *dm, uint64_t *hm, unsigned *wide)
{
	__m256i a = _mm256_loadu_si256((const void *)u);
	__m256i b = _mm256_loadu_si256((const void *)(u + 32));
	__m256i d = _mm256_set1_epi8((char)s->delim);
	uint64_t h = 0;

	*wide |= (unsigned)_mm256_movemask_epi8(_mm256_or_si256(a, b));
	*dm = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, d)) |
		(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, d)) << 32;
	if (s->ninf) {
		__m256i a1 = _mm256_loadu_si256((const void *)(u + 1));
		__m256i b1 = _mm256_loadu_si256((const void *)(u + 33));
		__m256i a2 = _mm256_loadu_si256((const void *)(u + 2));
		__m256i b2 = _mm256_loadu_si256((const void *)(u + 34));
		__m256i ha = _mm256_setzero_si256(), hb = _mm256_setzero_si256();
		for (int g = 0; g < s->ninf; g++) {
			__m256i c0 = _mm256_set1_epi8((char)s->inf[g][0]);
			__m256i c1 = _mm256_set1_epi8((char)s->inf[g][1]);
			__m256i c2 = _mm256_set1_epi8((char)s->inf[g][2]);
			__m256i any = _mm256_set1_epi8(s->inflen[g] < 3 ? -1 : 0);
			ha = _mm256_or_si256(ha, _mm256_and_si256(_mm256_and_si256(
				_mm256_cmpeq_epi8(a, c0), _mm256_cmpeq_epi8(a1, c1)),
				_mm256_or_si256(_mm256_cmpeq_epi8(a2, c2), any)));
			hb = _mm256_or_si256(hb, _mm256_and_si256(_mm256_and_si256(
				_mm256_cmpeq_epi8(b, c0), _mm256_cmpeq_epi8(b1, c1)),
				_mm256_or_si256(_mm256_cmpeq_epi8(b2, c2), any)));
		}
		h = (uint32_t)_mm256_movemask_epi8(ha) |
			(uint64_t)(uint32_t)_mm256_movemask_epi8(hb) << 32;
	}
	*hm = h;
}
#endif

/* The last block of U[0..N) from O, padded with a byte that is no delimiter, appended to the
 * lists at E and H; WIDE: a byte before O was not ASCII. The number of ends; *NH of hits. */
static size_t scan_tail(struct globscan *s, const unsigned char *u, size_t n, size_t avail,
	size_t o, uint32_t *e, uint32_t *h, unsigned wide, size_t *nh)
{
	if (o < n) {
		unsigned char pad[66];
		uint64_t dm, hm, valid = n - o >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (n - o)) - 1;
		memset(pad, s->delim ^ 1, sizeof pad);
		memcpy(pad, u + o, avail - o < sizeof pad ? avail - o : sizeof pad);
		masks64(s, pad, &dm, &hm, &wide);
		e = flatten(e, dm & valid, (uint32_t)o);
		h = flatten(h, hm & valid, (uint32_t)o);
	}
	s->wide = wide != 0;
	*nh = (size_t)(h - s->hits);
	return (size_t)(e - s->ends);
}

/* List the record ends and literal hits of U[0..N) (N <= CHUNK; AVAIL >= N bytes readable)
 * as offsets from U: the number of ends; *NH the number of hits. VEC: with AVX2. */
static inline __attribute__((always_inline)) size_t scan_body(struct globscan *s,
	const unsigned char *u, size_t n, size_t avail, size_t *nh, int vec)
{
	uint32_t *e = s->ends, *h = s->hits;
	size_t o = 0;
	unsigned wide = 0;

	for (; o + 64 <= n && o + 66 <= avail; o += 64) {
		uint64_t dm, hm;
		__builtin_prefetch(u + o + 4096);	/* a mapped file is read ahead only by this */
#ifdef HAVE_AVX2
		if (vec)
			masks64_avx2(s, u + o, &dm, &hm, &wide);
		else
#endif
			masks64(s, u + o, &dm, &hm, &wide);
		e = flatten(e, dm, (uint32_t)o);
		if (hm)
			h = flatten(h, hm, (uint32_t)o);
	}
	return scan_tail(s, u, n, avail, o, e, h, wide, nh);
}

#ifdef HAVE_AVX2
__attribute__((target("avx2,popcnt,bmi")))
static size_t scan_avx2(struct globscan *s, const unsigned char *u, size_t n, size_t avail,
	size_t *nh)
{
	return scan_body(s, u, n, avail, nh, 1);
}

/* scan_body with 64-byte vectors and compare masks. */
__attribute__((target("avx512f,avx512bw,popcnt,bmi")))
static size_t scan_avx512(struct globscan *s, const unsigned char *u, size_t n, size_t avail,
	size_t *nh)
{
	uint32_t *e = s->ends, *h = s->hits;
	size_t o = 0;
	int ninf = s->ninf;
	__m512i d = _mm512_set1_epi8((char)s->delim), c[MAX_INF][3];
	__mmask64 any[MAX_INF], wide = 0;

	for (int g = 0; g < ninf; g++) {
		for (int j = 0; j < 3; j++)
			c[g][j] = _mm512_set1_epi8((char)s->inf[g][j]);
		any[g] = s->inflen[g] < 3 ? ~(__mmask64)0 : 0;
	}
	for (; o + 64 <= n && o + 66 <= avail; o += 64) {
		__m512i a = _mm512_loadu_si512((const void *)(u + o));
		uint64_t dm = _mm512_cmpeq_epi8_mask(a, d), hm = 0;
		__builtin_prefetch(u + o + 4096);
		wide |= _mm512_movepi8_mask(a);
		if (ninf) {
			__m512i a1 = _mm512_loadu_si512((const void *)(u + o + 1));
			__m512i a2 = _mm512_loadu_si512((const void *)(u + o + 2));
			for (int g = 0; g < ninf; g++) {
				__mmask64 k = _mm512_cmpeq_epi8_mask(a, c[g][0]);
				k = _mm512_mask_cmpeq_epi8_mask(k, a1, c[g][1]);
				hm |= k & (_mm512_cmpeq_epi8_mask(a2, c[g][2]) | any[g]);
			}
		}
		e = flatten(e, dm, (uint32_t)o);
		if (hm)
			h = flatten(h, hm, (uint32_t)o);
	}
	return scan_tail(s, u, n, avail, o, e, h, wide != 0, nh);
}
#endif

static size_t scan_chunk(struct globscan *s, const unsigned char *u, size_t n, size_t avail,
	size_t *nh)
{
#ifdef HAVE_AVX2
	if (s->vec == 2)
		return scan_avx512(s, u, n, avail, nh);
	if (s->vec == 1)
		return scan_avx2(s, u, n, avail, nh);
#endif
	return scan_body(s, u, n, avail, nh, 0);
}

#ifdef HAVE_AVX2
/* Block to block state of the sparse scan. */
struct sparse {
	size_t start;		/* where the open record starts */
	uint64_t pa, pb, pc, pd;	/* the last block's masks, for bits shifted in */
	int cstart;		/* the record after the last delimiter is flagged by its start */
	unsigned cinf;		/* the literal groups the open record holds */
};

#define SPARSE_TARGET "avx512f,avx512bw,avx512vbmi,popcnt,bmi,bmi2,lzcnt"

/* sparse_chunk for NINF literals, a constant in each copy so that their vectors stay in
 * registers. */
static inline __attribute__((always_inline, target(SPARSE_TARGET))) size_t sparse_body(
	struct globscan *s, struct sparse *stp, const unsigned char *u, size_t base, size_t n,
	size_t avail, unsigned long long *seen, const int ninf)
{
	const __m512i tlo = _mm512_loadu_si512((const void *)s->ftab);
	const __m512i thi = _mm512_loadu_si512((const void *)(s->ftab + 64));
	const __m512i dl = _mm512_set1_epi8((char)s->delim);
	const __m512i fs1 = _mm512_set1_epi8(F_S1), fs2 = _mm512_set1_epi8(F_S2);
	const __m512i fsa = _mm512_set1_epi8(F_SA), fp1 = _mm512_set1_epi8(F_P1);
	const __m512i fp2 = _mm512_set1_epi8(F_P2), fpa = _mm512_set1_epi8(F_PA);
	__m512i c[MAX_INF][3];
	__mmask64 any[MAX_INF];
	uint32_t *ends = s->ends, *hits = s->hits;
	size_t *starts = s->starts, k = 0;
	uint64_t wide = 0;
	unsigned long long nrec = 0;
	struct sparse st = *stp;
	unsigned char pad[66];

	for (int g = 0; g < ninf; g++) {
		for (int j = 0; j < 3; j++)
			c[g][j] = _mm512_set1_epi8((char)s->inf[g][j]);
		any[g] = s->inflen[g] < 3 ? ~(__mmask64)0 : 0;
	}
	for (size_t o = 0; o < n; o += 64) {
		const unsigned char *p = u + o;
		uint64_t valid = ~(uint64_t)0, D, H0, H1, H2, A, B, C, P, E, G = 0, GI = 0, F, hm = 0;
		uint64_t hg[MAX_INF];
		unsigned char gdel[64];
		uint32_t hfirst[64];	/* the first literal found in the record ending at each bit */
		__m512i x0, x1, x2, t0, t1, t2;
		if (o + 64 > n || o + 66 > avail) {
			/* the last block, padded with a byte that is no delimiter */
			memset(pad, s->delim ^ 1, sizeof pad);
			memcpy(pad, p, avail - o < sizeof pad ? avail - o : sizeof pad);
			if (n - o < 64)
				valid = ((uint64_t)1 << (n - o)) - 1;
			p = pad;
		}
		__builtin_prefetch(p + 4096);	/* a mapped file is read ahead only by this */
		x0 = _mm512_loadu_si512((const void *)p);
		x1 = _mm512_loadu_si512((const void *)(p + 1));
		x2 = _mm512_loadu_si512((const void *)(p + 2));
		D = _mm512_cmpeq_epi8_mask(x0, dl) & valid;
		H0 = _mm512_movepi8_mask(x0);
		wide |= H0 & valid;
		H1 = _mm512_movepi8_mask(x1);
		H2 = _mm512_movepi8_mask(x2);
		t0 = _mm512_permutex2var_epi8(tlo, x0, thi);
		t1 = _mm512_permutex2var_epi8(tlo, x1, thi);
		t2 = _mm512_permutex2var_epi8(tlo, x2, thi);
		/* at a delimiter: its record's last two bytes, and short records */
		A = _mm512_test_epi8_mask(t0, fs1) & ~H0;
		B = _mm512_test_epi8_mask(t0, fs2) | H0;
		C = (_mm512_test_epi8_mask(t0, fsa) & ~H0) | H0;
		E = ((A << 1 | st.pa >> 63) & (B << 2 | st.pb >> 62)) | (C << 1 | st.pc >> 63) |
			(D << 1 | st.pd >> 63) | (D << 2 | st.pd >> 62);
		st.pa = A;
		st.pb = B;
		st.pc = C;
		st.pd = D;
		/* after a delimiter: the next record's first two bytes, moved to its end */
		P = (_mm512_test_epi8_mask(t1, fp1) & ~H1 & (_mm512_test_epi8_mask(t2, fp2) | H2)) |
			(_mm512_test_epi8_mask(t1, fpa) & ~H1) | H1;
		if (D) {
			int nd = __builtin_popcountll(D);
			uint64_t r = _pext_u64(P & D, D);
			G = _pdep_u64(r << 1 | (uint64_t)st.cstart, D);
			st.cstart = (int)(r >> (nd - 1) & 1);
		}
		/* literals: flag the record each ends in, with the groups found in it */
		for (int g = 0; g < ninf; g++) {
			__mmask64 m = _mm512_cmpeq_epi8_mask(x0, c[g][0]);
			m = _mm512_mask_cmpeq_epi8_mask(m, x1, c[g][1]);
			hg[g] = m & (_mm512_cmpeq_epi8_mask(x2, c[g][2]) | any[g]) & valid;
			hm |= hg[g];
		}
		if ((hm || st.cinf) && D) {
			if (st.cinf) {
				GI = D & -D;
				gdel[__builtin_ctzll(D)] = (unsigned char)st.cinf;
				hfirst[__builtin_ctzll(D)] = UINT32_MAX;	/* in a block before */
				st.cinf = 0;
			}
			while (hm) {
				uint64_t m = D & (~(uint64_t)0 << __builtin_ctzll(hm)), d = m & -m;
				uint64_t upto = (d << 1) - 1;	/* the hits up to that delimiter */
				unsigned gb = 0;
				int j;
				if (!m) {
					for (int g = 0; g < ninf; g++)
						gb |= (unsigned)((hg[g] & hm) != 0) << g;
					st.cinf |= gb;
					break;
				}
				for (int g = 0; g < ninf; g++)
					gb |= (unsigned)((hg[g] & hm & upto) != 0) << g;
				j = __builtin_ctzll(d);
				if (!(GI & d) || hfirst[j] == UINT32_MAX)
					hfirst[j] = (uint32_t)(o + (size_t)__builtin_ctzll(hm));
				gdel[j] = (unsigned char)((GI & d ? gdel[j] : 0) | gb);
				GI |= d;
				hm &= ~upto;
			}
		} else if (hm)
			for (int g = 0; g < ninf; g++)
				st.cinf |= (unsigned)((hg[g] & hm) != 0) << g;
		F = D & (E | G | GI);
		while (F) {
			int j = __builtin_ctzll(F);
			uint64_t below = D & (((uint64_t)1 << j) - 1);
			starts[k] = below ? base + o + (size_t)(64 - __builtin_clzll(below)) : st.start;
			hits[k] = GI >> j & 1 ? hfirst[j] : UINT32_MAX;
			ends[k++] = (uint32_t)(o + (size_t)j) | (GI >> j & 1 ? (uint32_t)gdel[j] << 16 : 0);
			F &= F - 1;
		}
		if (D)
			st.start = base + o + (size_t)(64 - __builtin_clzll(D));
		nrec += (unsigned long long)__builtin_popcountll(D);
	}
	*stp = st;
	*seen += nrec;
	s->wide = wide != 0;
	return k;
}

/* The sparse scan of U[0..N) (N <= CHUNK, AVAIL readable), whose offset in the buffer is
 * BASE: from 64-byte vectors alone, the records that may be candidates (their last bytes or
 * first bytes carry key flags, they hold a literal, or they are short or not ASCII at an
 * end), as ENDS (offset from U; bits 16-23: the literal groups it holds), STARTS (offset in
 * the buffer) and HITS (the offset from U of a literal in it, or UINT32_MAX): their number.
 * *SEEN counts every record. */
__attribute__((target(SPARSE_TARGET)))
static size_t sparse_chunk(struct globscan *s, struct sparse *st, const unsigned char *u,
	size_t base, size_t n, size_t avail, unsigned long long *seen)
{
	switch (s->ninf) {
	case 0: return sparse_body(s, st, u, base, n, avail, seen, 0);
	case 1: return sparse_body(s, st, u, base, n, avail, seen, 1);
	case 2: return sparse_body(s, st, u, base, n, avail, seen, 2);
	case 3: return sparse_body(s, st, u, base, n, avail, seen, 3);
	case 4: return sparse_body(s, st, u, base, n, avail, seen, 4);
	default: return sparse_body(s, st, u, base, n, avail, seen, MAX_INF < s->ninf ? MAX_INF : s->ninf);
	}
}

/* globscan_run without -v on a processor with the sparse scan: only flagged records are
 * looked at, one by one. */
static int run_sparse(struct globscan *s, const char *buf, size_t n,
	int (*fn)(void *arg, const char *rec, size_t len), void *arg, size_t *done)
{
	const unsigned char *u = (const unsigned char *)buf;
	/* as if a record ended just before the buffer: the first one is short or flagged */
	struct sparse st = { .pd = (uint64_t)1 << 63, .cstart = 1 };
	size_t base = 0;
	int r;

	while (base < n) {
		/* small pieces until the prefilter is judged, so that it is judged near PROBE */
		size_t len = n - base < CHUNK ? n - base : CHUNK;
		unsigned long long seen = s->seen;
		size_t nf;
		if (seen < PROBE && len > 4096)
			len = 4096;
		nf = sparse_chunk(s, &st, u + base, base, len, n - base, &s->seen);
		for (size_t j = 0; j < nf; j++) {
			size_t e = base + (s->ends[j] & 0xffff), start = s->starts[j], l = e - start;
			unsigned groups = s->ends[j] >> 16;
			int c = end_keys(s, u, start, e), m;
			if (groups)
				c |= C_INF;
			if (!c)
				continue;
			if (start < base)
				c |= C_FULL;	/* begun in an earlier chunk: its bytes were not all seen */
			s->cands++;
			m = confirm(s, u + start, l, c, groups,
				s->hits[j] != UINT32_MAX ? u + base + s->hits[j] : NULL);
			if (m < 0)
				return -1;
			if (m && (r = fn(arg, buf + start, l)) != 0)
				return r;
		}
		base += len;
		if (seen < PROBE && s->seen >= PROBE && s->cands * 4 > s->seen * 3) {
			s->on = 0;	/* most records are candidates: the prefilter does not pay */
			break;
		}
	}
	*done = base < n ? st.start : n;
	return 0;
}
#endif

/* ---------- the scans ---------- */

/* Without the prefilter: batches of records through globset_match_many, skipping with memmem
 * to the records that hold the required literal when there is one. */
static int run_plain(struct globscan *s, const char *p, const char *end, int invert,
	int (*fn)(void *, const char *, size_t), void *arg)
{
	const char *name[BATCH];
	size_t len[BATCH], nb = 0, bytes = 0;
	long m[BATCH];
	int delim = s->delim, r;

	while (p < end) {
		const char *e;
		if (s->reqlen && !invert) {
			const char *hit = memmem(p, (size_t)(end - p), s->req, s->reqlen);
			if (!hit)
				break;
			while (hit > p && hit[-1] != delim)
				hit--;
			p = hit;
		}
		e = memchr(p, delim, (size_t)(end - p));
		name[nb] = p;
		len[nb++] = (size_t)(e - p);
		bytes += (size_t)(e - p);
		p = e + 1;
		if (nb == BATCH || bytes >= BATCH_BYTES || p >= end) {
			if (globset_match_many(s->g, name, len, m, nb) < 0)
				return -1;
			for (size_t i = 0; i < nb; i++)
				if ((m[i] >= 0) != invert && (r = fn(arg, name[i], len[i])) != 0)
					return r;
			nb = bytes = 0;
		}
	}
	if (nb) {
		if (globset_match_many(s->g, name, len, m, nb) < 0)
			return -1;
		for (size_t i = 0; i < nb; i++)
			if ((m[i] >= 0) != invert && (r = fn(arg, name[i], len[i])) != 0)
				return r;
	}
	return 0;
}


int globscan_run(struct globscan *s, const char *buf, size_t n, int invert,
	int (*fn)(void *arg, const char *rec, size_t len), void *arg)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t start = 0, base = 0;
	int r;

#ifdef HAVE_AVX2
	if (s->on && s->vec == 2 && !invert) {
		r = run_sparse(s, buf, n, fn, arg, &start);
		if (r != 0 || start == n)
			return r;
		base = n;	/* the prefilter was dropped: the rest without it */
	}
#endif
	while (s->on && base < n) {
		size_t len = n - base < CHUNK ? n - base : CHUNK, nh, ne, hi = 0, nexthit;
		unsigned long long seen = s->seen, cands = s->cands;
		const uint32_t *ends = s->ends, *hits = s->hits;
		ne = scan_chunk(s, u + base, len, n - base, &nh);
		nexthit = nh ? base + hits[0] : SIZE_MAX;
		for (size_t j = 0; j < ne; j++) {
			size_t e = base + ends[j], l = e - start;
			int c = end_keys(s, u, start, e), m = 0;
			unsigned groups = 0;
			const unsigned char *hit = NULL;
			if (nexthit < e) {
				/* literals: the ones inside this record, past those before it */
				size_t h0;
				while (hi < nh && base + hits[hi] < start)
					hi++;
				h0 = hi;
				while (hi < nh && base + hits[hi] < e)
					hi++;
				nexthit = hi < nh ? base + hits[hi] : SIZE_MAX;
				if (hi > h0 && (groups = hit_groups(s, u + start, l, u + base, hits + h0,
					hi - h0)) != 0) {
					c |= C_INF;
					hit = u + base + hits[h0];
				}
			}
			if (start < base)
				c |= C_FULL;	/* begun in an earlier chunk, whose literals and bytes are gone */
			if (c) {
				cands++;
				m = confirm(s, u + start, l, c, groups, hit);
			}
			if (m < 0)
				return -1;
			if (m != invert && (r = fn(arg, buf + start, l)) != 0) {
				s->seen = seen + j + 1;
				s->cands = cands;
				return r;
			}
			start = e + 1;
			if (seen + j + 1 == PROBE && cands * 4 > PROBE * 3) {
				s->on = 0;	/* most records are candidates: the prefilter does not pay */
				break;
			}
		}
		s->seen = seen + ne;
		s->cands = cands;
		if (!s->on)
			break;
		base += len;
	}
	if (start < n)
		return run_plain(s, buf + start, buf + n, invert, fn, arg);
	return 0;
}

/* ---------- threads ---------- */

#define PART ((size_t)8 << 20)	/* bytes per thread per round */

/* A thread that matches one part of each round into a list the caller then selects from. */
struct worker {
	struct globscan sc;	/* shares S's tables; its own set, scratch and counts */
	const char *buf;	/* this round's part */
	size_t n;
	int invert, rc, nomem, quit, started;
	size_t *sel;		/* the selected records: offset, length pairs */
	size_t nsel, capsel;
	pthread_t tid;
	sem_t go, done;
};

static int collect(void *arg, const char *rec, size_t len)
{
	struct worker *w = arg;

	if (w->nsel == w->capsel) {
		size_t cap = w->capsel ? 2 * w->capsel : 4096;
		size_t *v = realloc(w->sel, 2 * cap * sizeof *v);
		if (!v) {
			w->nomem = 1;
			return 1;
		}
		w->sel = v;
		w->capsel = cap;
	}
	w->sel[2 * w->nsel] = (size_t)(rec - w->buf);
	w->sel[2 * w->nsel + 1] = len;
	w->nsel++;
	return 0;
}

static void work(struct worker *w)
{
	w->nsel = 0;
	w->nomem = 0;
	w->rc = w->n ? globscan_run(&w->sc, w->buf, w->n, w->invert, collect, w) : 0;
	if (w->nomem)
		w->rc = -1;
}

static void *work_loop(void *arg)
{
	struct worker *w = arg;

	for (;;) {
		while (sem_wait(&w->go) < 0)
			;
		if (w->quit)
			return NULL;
		work(w);
		sem_post(&w->done);
	}
}

static void worker_free(struct worker *w)
{
	if (w->started) {
		w->quit = 1;
		sem_post(&w->go);
		pthread_join(w->tid, NULL);
	}
	sem_destroy(&w->go);
	sem_destroy(&w->done);
	free(w->sc.ends);
	free(w->sc.hits);
	free(w->sc.starts);
	globset_free(w->sc.g);
	free(w->sel);
}

/* A worker for S with its own copy of the set, its thread started: 0, or -1. */
static int worker_init(struct worker *w, const struct globscan *s, int invert)
{
	memset(w, 0, sizeof *w);
	w->sc = *s;
	w->invert = invert;
	w->sc.g = globset_copy(s->g);
	w->sc.ends = malloc((CHUNK + 8) * sizeof *w->sc.ends);
	w->sc.hits = malloc((CHUNK + 8) * sizeof *w->sc.hits);
	w->sc.starts = malloc((CHUNK + 8) * sizeof *w->sc.starts);
	w->sc.seen = w->sc.cands = 0;
	sem_init(&w->go, 0, 0);
	sem_init(&w->done, 0, 0);
	if (w->sc.g && w->sc.ends && w->sc.hits && w->sc.starts) {
		w->sc.reqlen = globset_required(w->sc.g, &w->sc.req);
		if (pthread_create(&w->tid, NULL, work_loop, w) == 0) {
			w->started = 1;
			return 0;
		}
	}
	worker_free(w);
	return -1;
}

/* The end of the part of BUF[0..N) that starts at FROM: just past the first delimiter from
 * FROM + SIZE on, or N. */
static size_t part_end(const struct globscan *s, const char *buf, size_t n, size_t from,
	size_t size)
{
	const char *d;

	if (n - from <= size)
		return n;
	d = memchr(buf + from + size - 1, s->delim, n - from - size + 1);
	return d ? (size_t)(d - buf) + 1 : n;
}

int globscan_run_threads(struct globscan *s, const char *buf, size_t n, int invert,
	int threads, int (*fn)(void *arg, const char *rec, size_t len), void *arg)
{
	struct worker *w;
	size_t pos = 0, nw = 0;
	int r = 0;

	if (threads <= 1 || n < 2 * PART)
		return globscan_run(s, buf, n, invert, fn, arg);
	/* with the prefilter on, the scan runs at the speed of the memory's mapping into the
	 * process, which threads share: they would only add their start and their copies */
	while (s->on && pos < n) {
		/* in pieces: once the prefilter is dropped, the threads take the rest */
		size_t end = part_end(s, buf, n, pos, PART / 8);
		if ((r = globscan_run(s, buf + pos, end - pos, invert, fn, arg)) != 0)
			return r;
		pos = end;
	}
	if (pos == n)
		return 0;
	w = calloc((size_t)threads - 1, sizeof *w);
	if (!w)
		return -1;
	while (nw < (size_t)threads - 1 && worker_init(&w[nw], s, invert) == 0)
		nw++;
	while (pos < n && r == 0) {
		/* up to PART bytes a thread, in even parts of whole records: part 0 here, part
		 * k + 1 in worker k */
		size_t stop = part_end(s, buf, n, pos, PART * (nw + 1)), each = (stop - pos) / (nw + 1);
		size_t end0 = part_end(s, buf, stop, pos, each ? each : 1), next = end0;
		for (size_t k = 0; k < nw; k++) {
			w[k].buf = buf + next;
			next = k + 1 < nw ? part_end(s, buf, stop, next, each ? each : 1) : stop;
			w[k].n = (size_t)(buf + next - w[k].buf);
			sem_post(&w[k].go);
		}
		r = globscan_run(s, buf + pos, end0 - pos, invert, fn, arg);
		for (size_t k = 0; k < nw; k++)
			while (sem_wait(&w[k].done) < 0)
				;
		for (size_t k = 0; k < nw && r == 0; k++) {
			if (w[k].rc < 0) {
				r = -1;
				break;
			}
			for (size_t j = 0; j < w[k].nsel && r == 0; j++)
				r = fn(arg, w[k].buf + w[k].sel[2 * j], w[k].sel[2 * j + 1]);
		}
		pos = next;
	}
	for (size_t k = 0; k < nw; k++) {
		s->seen += w[k].sc.seen;
		s->cands += w[k].sc.cands;
		worker_free(&w[k]);
	}
	free(w);
	return r;
}
