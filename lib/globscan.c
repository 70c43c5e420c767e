/* globscan: records of a buffer against a globset, through an anchored-key prefilter (see
 * globscan.h). A record is a candidate when its first two bytes or last two bytes are a key
 * of some pattern, when it holds a literal pair some pattern needs, or when it is shorter than
 * two bytes or starts or ends outside ASCII; only candidates are matched. Keys come from each
 * pattern's shape (globset_shape), so they are sound for every flag: a shape is a superset. */
#include <errno.h>
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
#define MAX_INF 8		/* literal pairs the vector pass looks for */
#define SEG_MAX 16		/* an inner run of more positions is confirmed by the automaton */
#define KEY_MAX 16384		/* a key of more byte pairs than this is no key */
#define IDS_MAX (1u << 20)	/* pattern entries in both pair tables */
#define PROBE 8192		/* records seen before judging the prefilter */
#define BATCH 32		/* records matched together without the prefilter */
#define BATCH_BYTES 16384

enum { K_NONE, K_PRE, K_SUF, K_INF };
enum { C_PRE = 1, C_SUF = 2, C_INF = 4, C_FULL = 8 };

struct pat {
	struct glob_atom *v;
	size_t n, first, last;	/* the first and last star, or n */
	int direct;		/* confirmed from its shape on ASCII records */
};

/* Byte pairs (first << 8 | second) to the patterns keyed by them. */
struct pairtab {
	uint64_t bits[1024];
	uint32_t *off;		/* 65537 offsets into ids */
	uint32_t *ids;
};

struct globscan {
	struct globset *g;
	int delim, on, vec;
	struct pat *pat;
	size_t npat;
	struct pairtab pre, suf;
	int ninf;
	unsigned char inf[MAX_INF][2];
	uint32_t infoff[MAX_INF + 1], *infids;
	unsigned long long seen, cands;
	uint32_t *ends, *hits;	/* CHUNK + slack entries each */
	const char *req;	/* a literal every match holds, for the unfiltered path */
	size_t reqlen;
};

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

static int rarity(unsigned c)
{
	if (c == '/' || c == '.' || c == '_' || c == '-' || c == ' ')
		return 4;
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return 2;
	return 1;
}

/* The least common byte pair inside P's longest literal run (positions of one ASCII byte),
 * preferring pairs already chosen: its index in S->inf, or -1 when there is none or no room. */
static int inf_key(struct globscan *s, const struct pat *p)
{
	size_t best = 0, bstart = 0, run = 0;
	int pick = -1, pickscore = 1 << 20;

	for (size_t i = 0; i <= p->n; i++) {
		const struct glob_atom *a = i < p->n ? &p->v[i] : NULL;
		if (a && !a->star && !a->wide &&
			__builtin_popcountll(a->ascii[0]) + __builtin_popcountll(a->ascii[1]) == 1) {
			run++;
			continue;
		}
		if (run > best) {
			best = run;
			bstart = i - run;
		}
		run = 0;
	}
	if (best < 2)
		return -1;
	for (size_t i = bstart; i + 1 < bstart + best; i++) {
		unsigned c0 = (unsigned)__builtin_ctzll(p->v[i].ascii[0] | p->v[i].ascii[1]) +
			(p->v[i].ascii[0] ? 0 : 64);
		unsigned c1 = (unsigned)__builtin_ctzll(p->v[i + 1].ascii[0] | p->v[i + 1].ascii[1]) +
			(p->v[i + 1].ascii[0] ? 0 : 64);
		int score = rarity(c0) + rarity(c1), k;
		for (k = 0; k < s->ninf; k++)
			if (s->inf[k][0] == c0 && s->inf[k][1] == c1)
				break;
		if (k < s->ninf)
			score -= 100;	/* shared with a pattern already keyed */
		else if (s->ninf == MAX_INF)
			continue;
		if (score < pickscore) {
			pickscore = score;
			pick = k;
			if (k == s->ninf) {
				s->inf[k][0] = (unsigned char)c0;	/* tentative until chosen */
				s->inf[k][1] = (unsigned char)c1;
			}
		}
	}
	if (pick == s->ninf)
		s->ninf++;
	return pick;
}

/* Add pattern ID to table T under every pair of OUTER x INNER (SUF: inner byte first);
 * with IDS NULL, only count. */
static void tab_add(struct pairtab *t, const uint64_t outer[4], const uint64_t inner[4], int suf,
	uint32_t id, uint32_t *fill)
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
				t->ids[fill[k]++] = id;
			else {
				t->off[k + 1]++;
				t->bits[k >> 6] |= (uint64_t)1 << (k & 63);
			}
		}
	}
}

static int tab_alloc(struct pairtab *t)
{
	t->off = calloc(65537, sizeof *t->off);
	return t->off ? 0 : -1;
}

static int tab_fill_prepare(struct pairtab *t, uint32_t **fill)
{
	for (size_t k = 0; k < 65536; k++)
		t->off[k + 1] += t->off[k];
	t->ids = malloc((t->off[65536] + 1) * sizeof *t->ids);
	*fill = malloc(65536 * sizeof **fill);
	if (!t->ids || !*fill)
		return -1;
	memcpy(*fill, t->off, 65536 * sizeof **fill);
	return 0;
}

/* Build the prefilter: 0 (S->on tells whether there is one), or -1 on ENOMEM. */
static int build(struct globscan *s)
{
	size_t np = globset_count(s->g), total = 0;
	unsigned char *kind = calloc(np + 1, 1);
	int *infk = calloc(np + 1, sizeof *infk);
	uint32_t *pfill = NULL, *sfill = NULL;
	int rc = -1;

	s->pat = calloc(np + 1, sizeof *s->pat);
	if (!kind || !infk || !s->pat)
		goto out;
	s->npat = np;
	s->on = np > 0;
	for (size_t i = 0; i < np; i++) {
		struct glob_shape sh;
		struct pat *p = &s->pat[i];
		uint64_t o[4], in[4];
		size_t pre, suf, seg = 0;
		if (globset_shape(s->g, i, &sh) < 0)
			goto out;
		p->v = sh.v;
		p->n = sh.n;
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
		if (sh.never)
			continue;
		pre = key_sets(p, 0, o, in);
		suf = key_sets(p, 1, o, in);
		if (pre && pre <= KEY_MAX && (!suf || pre <= suf) && pre <= 48)
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
		total += kind[i] == K_PRE ? pre : kind[i] == K_SUF ? suf : 0;
		if (total > IDS_MAX) {
			s->on = 0;
			break;
		}
	}
	if (!s->on) {
		rc = 0;
		goto out;
	}
	if (tab_alloc(&s->pre) < 0 || tab_alloc(&s->suf) < 0)
		goto out;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && (tab_fill_prepare(&s->pre, &pfill) < 0 ||
			tab_fill_prepare(&s->suf, &sfill) < 0))
			goto out;
		for (size_t i = 0; i < np; i++) {
			uint64_t o[4], in[4];
			if (kind[i] == K_PRE || kind[i] == K_SUF) {
				int suf = kind[i] == K_SUF;
				key_sets(&s->pat[i], suf, o, in);
				tab_add(suf ? &s->suf : &s->pre, o, in, suf, (uint32_t)i,
					suf ? sfill : pfill);
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
		for (size_t i = 0; i < np; i++)
			if (kind[i] == K_INF)
				s->infids[fill[infk[i]]++] = (uint32_t)i;
	}
	rc = 0;
out:
	free(kind);
	free(infk);
	free(pfill);
	free(sfill);
	return rc;
}

struct globscan *globscan_new(struct globset *g, int delim)
{
	struct globscan *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->g = g;
	s->delim = delim & 0xff;
#ifdef HAVE_AVX2
	s->vec = __builtin_cpu_supports("avx2");
#endif
	s->ends = malloc((CHUNK + 8) * sizeof *s->ends);
	s->hits = malloc((CHUNK + 8) * sizeof *s->hits);
	if (!s->ends || !s->hits || build(s) < 0) {
		globscan_free(s);
		errno = ENOMEM;
		return NULL;
	}
	s->reqlen = globset_required(g, &s->req);
	return s;
}

void globscan_free(struct globscan *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->npat; i++)
		free(s->pat[i].v);
	free(s->pat);
	free(s->pre.off);
	free(s->pre.ids);
	free(s->suf.off);
	free(s->suf.ids);
	free(s->infids);
	free(s->ends);
	free(s->hits);
	free(s);
}

int globscan_filtering(const struct globscan *s)
{
	return s->on;
}

void globscan_portable(struct globscan *s)
{
	s->vec = 0;
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
	if (len < pre + suf || !seg_at(p->v, pre, u) ||
		!seg_at(p->v + p->last + 1, suf, u + len - suf))
		return 0;
	i = pre;
	end = len - suf;
	for (size_t a = p->first + 1; a < p->last;) {
		size_t b = a, k;
		if (p->v[a].star) {
			a++;
			continue;
		}
		while (!p->v[b].star)
			b++;
		k = b - a;
		for (;; i++) {
			if (i + k > end)
				return 0;
			if (seg_at(p->v + a, k, u + i))
				break;
		}
		i += k;
		a = b;
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
	const unsigned char *u, size_t len)
{
	for (size_t j = 0; j < k; j++) {
		const struct pat *p = &s->pat[ids[j]];
		if (!p->direct)
			return -1;
		if (shape_match(p, u, len))
			return 1;
	}
	return 0;
}

/* Whether candidate record U (LEN bytes) with candidate bits C matches: 1, 0, or -1 ENOMEM.
 * CHUNK + HIT[0..NH) are the literal pairs inside it. */
static int confirm(struct globscan *s, const unsigned char *u, size_t len, int c,
	const unsigned char *chunk, const uint32_t *hit, size_t nh)
{
	int r = 0;

	if (!(c & C_FULL) && ascii(u, len)) {
		if (c & C_PRE) {
			unsigned k = (unsigned)u[0] << 8 | u[1];
			r = confirm_list(s, s->pre.ids + s->pre.off[k], s->pre.off[k + 1] - s->pre.off[k],
				u, len);
		}
		if (r == 0 && (c & C_SUF)) {
			unsigned k = (unsigned)u[len - 2] << 8 | u[len - 1];
			r = confirm_list(s, s->suf.ids + s->suf.off[k], s->suf.off[k + 1] - s->suf.off[k],
				u, len);
		}
		if (r == 0 && (c & C_INF)) {
			unsigned groups = 0;
			for (size_t h = 0; h < nh; h++) {
				const unsigned char *q = chunk + hit[h];
				for (int g = 0; g < s->ninf; g++)
					if (q[0] == s->inf[g][0] && q[1] == s->inf[g][1])
						groups |= 1u << g;
			}
			for (int g = 0; r == 0 && g < s->ninf; g++)
				if (groups >> g & 1)
					r = confirm_list(s, s->infids + s->infoff[g],
						s->infoff[g + 1] - s->infoff[g], u, len);
		}
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

/* ---------- finding record ends and literal pairs ---------- */

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

/* Delimiter and pair masks of the 64 bytes at U, whose 65th byte is readable, portably. */
static inline __attribute__((always_inline)) void masks64(const struct globscan *s, const unsigned char *u, uint64_t *dm, uint64_t *hm)
{
	uint64_t d = 0, h = 0;

	for (int i = 0; i < 64; i++) {
		d |= (uint64_t)(u[i] == s->delim) << i;
		for (int g = 0; g < s->ninf; g++)
			h |= (uint64_t)(u[i] == s->inf[g][0] && u[i + 1] == s->inf[g][1]) << i;
	}
	*dm = d;
	*hm = h;
}

#ifdef HAVE_AVX2
static inline __attribute__((target("avx2"))) void masks64_avx2(const struct globscan *s, const unsigned char *u, uint64_t *dm,
	uint64_t *hm)
{
	__m256i a = _mm256_loadu_si256((const void *)u);
	__m256i b = _mm256_loadu_si256((const void *)(u + 32));
	__m256i d = _mm256_set1_epi8((char)s->delim);
	uint64_t h = 0;

	*dm = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, d)) |
		(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, d)) << 32;
	if (s->ninf) {
		__m256i a1 = _mm256_loadu_si256((const void *)(u + 1));
		__m256i b1 = _mm256_loadu_si256((const void *)(u + 33));
		__m256i ha = _mm256_setzero_si256(), hb = _mm256_setzero_si256();
		for (int g = 0; g < s->ninf; g++) {
			__m256i c0 = _mm256_set1_epi8((char)s->inf[g][0]);
			__m256i c1 = _mm256_set1_epi8((char)s->inf[g][1]);
			ha = _mm256_or_si256(ha, _mm256_and_si256(_mm256_cmpeq_epi8(a, c0),
				_mm256_cmpeq_epi8(a1, c1)));
			hb = _mm256_or_si256(hb, _mm256_and_si256(_mm256_cmpeq_epi8(b, c0),
				_mm256_cmpeq_epi8(b1, c1)));
		}
		h = (uint32_t)_mm256_movemask_epi8(ha) |
			(uint64_t)(uint32_t)_mm256_movemask_epi8(hb) << 32;
	}
	*hm = h;
}
#endif

/* List the record ends and pair hits of U[0..N) (N <= CHUNK; AVAIL >= N bytes readable) as
 * offsets from U: the number of ends; *NH the number of hits. VEC: with AVX2. */
static inline __attribute__((always_inline)) size_t scan_body(struct globscan *s,
	const unsigned char *u, size_t n, size_t avail, size_t *nh, int vec)
{
	uint32_t *e = s->ends, *h = s->hits;
	size_t o = 0;

	for (; o + 64 <= n && o + 65 <= avail; o += 64) {
		uint64_t dm, hm;
#ifdef HAVE_AVX2
		if (vec)
			masks64_avx2(s, u + o, &dm, &hm);
		else
#endif
			masks64(s, u + o, &dm, &hm);
		e = flatten(e, dm, (uint32_t)o);
		if (hm)
			h = flatten(h, hm, (uint32_t)o);
	}
	if (o < n) {
		/* the last block, padded with a byte that is no delimiter */
		unsigned char pad[65];
		uint64_t dm, hm, valid = n - o >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (n - o)) - 1;
		memset(pad, s->delim ^ 1, sizeof pad);
		memcpy(pad, u + o, avail - o < sizeof pad ? avail - o : sizeof pad);
		masks64(s, pad, &dm, &hm);
		e = flatten(e, dm & valid, (uint32_t)o);
		h = flatten(h, hm & valid, (uint32_t)o);
	}
	*nh = (size_t)(h - s->hits);
	return (size_t)(e - s->ends);
}

#ifdef HAVE_AVX2
__attribute__((target("avx2,popcnt,bmi")))
static size_t scan_avx2(struct globscan *s, const unsigned char *u, size_t n, size_t avail,
	size_t *nh)
{
	return scan_body(s, u, n, avail, nh, 1);
}
#endif

static size_t scan_chunk(struct globscan *s, const unsigned char *u, size_t n, size_t avail,
	size_t *nh)
{
#ifdef HAVE_AVX2
	if (s->vec)
		return scan_avx2(s, u, n, avail, nh);
#endif
	return scan_body(s, u, n, avail, nh, 0);
}

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

static int bit(const uint64_t *t, unsigned k)
{
	return (int)(t[k >> 6] >> (k & 63) & 1);
}

int globscan_run(struct globscan *s, const char *buf, size_t n, int invert,
	int (*fn)(void *arg, const char *rec, size_t len), void *arg)
{
	const unsigned char *u = (const unsigned char *)buf;
	const uint64_t *pre = s->pre.bits, *suf = s->suf.bits;
	size_t start = 0, base = 0;
	int r, carry = 0;

	while (s->on && base < n) {
		size_t len = n - base < CHUNK ? n - base : CHUNK, nh, ne, hi = 0, nexthit;
		unsigned long long seen = s->seen, cands = s->cands;
		const uint32_t *ends = s->ends, *hits = s->hits;
		ne = scan_chunk(s, u + base, len, n - base, &nh);
		nexthit = nh ? base + hits[0] : SIZE_MAX;
		for (size_t j = 0; j < ne; j++) {
			size_t e = base + ends[j], l = e - start;
			int c, m = 0;
			if (l >= 2) {
				unsigned f2 = (unsigned)u[start] << 8 | u[start + 1];
				unsigned l2 = (unsigned)u[e - 2] << 8 | u[e - 1];
				c = bit(pre, f2) | bit(suf, l2) << 1 | ((u[start] | u[e - 1]) >> 7) << 3;
			} else
				c = C_FULL;
			if (nexthit < e) {
				/* literal pairs: the ones inside this record, past those before it */
				size_t h0;
				while (hi < nh && base + hits[hi] < start)
					hi++;
				h0 = hi;
				while (hi < nh && base + hits[hi] < e)
					hi++;
				nexthit = hi < nh ? base + hits[hi] : SIZE_MAX;
				if (hi > h0) {
					c |= C_INF;
					cands++;
					m = confirm(s, u + start, l, c | (carry ? C_FULL : 0), u + base,
						hits + h0, hi - h0);
					c = 0;
				}
			}
			if (carry) {
				c |= C_FULL;	/* a record longer than a chunk had a pair in one before */
				carry = 0;
			}
			if (c) {
				cands++;
				m = confirm(s, u + start, l, c, u + base, NULL, 0);
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
		carry = carry || nexthit != SIZE_MAX;
		base += len;
	}
	if (start < n)
		return run_plain(s, buf + start, buf + n, invert, fn, arg);
	return 0;
}
