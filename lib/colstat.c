/* colstat: exact per-column statistics of text cells, typed as csvkit/agate type them; see
 * colstat.h. Cells go to a string table (lib/tally) or, past TO_CODES distinct strings, as
 * codes to sorted runs (lib/sortcount); colstat_finish types the distinct values and sorts and
 * groups them once (radix or sortcount's sort), feeding lib/stats. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cellcode.h"
#include "colstat.h"
#include "decimal.h"
#include "sortcount.h"
#include "stats.h"
#include "tally.h"
#include "utf8.h"

#define T_BOOL COLSTAT_BOOLEAN
#define T_NUM COLSTAT_NUMBER
#define T_DATE COLSTAT_DATE
#define T_DT COLSTAT_DATETIME
#define T_TEXT COLSTAT_TEXT
enum { M_BOOL = 1, M_NUM = 2, M_DATE = 4, M_DT = 8 };

/* Distinct strings beyond which a column's cells that have a code are counted by sorting: the
 * string table stays small enough for the cache, the sorted codes take the many. */
#define TO_CODES 16384

/* A typed distinct value (the strings that mean it, merged): ordered by (hi, lo), then by
 * first appearance. Number: hi the value scaled to an integer when every value fits, else
 * compared through nums[src]; Date: days; DateTime: seconds and nanoseconds; Boolean: 0/1. */
struct group {
	int64_t hi;
	uint64_t lo;
	uint64_t count;
	uint64_t first;		/* the row of the first appearance */
	size_t src;		/* the string that appeared first: a code (< enc.nrun) or a key of h */
};

struct colstat {
	/* per cell: the first two cache lines */
	struct tally *h;		/* distinct non-null strings without a code -> count */
	const char *cell;	/* this row's cell for h, when not null */
	size_t cell_len;
	uint64_t nulls;
	uint64_t ncoded;	/* cells in enc */
	size_t elen, eminlen;	/* the longest and shortest coded cell */
	int coded;		/* cells with a code go to enc (else all to h) */
	int code;		/* cells that have a code may be coded (inference on, ISO dates) */
	struct tally_hint hint;
	const char *const *nullv;	/* cf's, here beside the rest */
	size_t nnullv;
	struct sortcount enc;	/* distinct codes -> count and first row */
	struct colstat_conf cf;
	uint64_t *srow;		/* the first row of each key of h */
	size_t nsrow, capsrow;
	/* while finishing */
	struct group *g;	/* typed values, sorted for order statistics */
	struct decnum *nums;	/* Number: each key's value, by key index */
	size_t ng;
	char *digits;
	/* results: r points into min, max and vals */
	struct colstat_result r;
	char *min, *max;
	struct colstat_value *vals;
	size_t nvals;
};

/* The configured null tokens NULLV[0..N) and none/null, out of the per-cell loop. */
static __attribute__((noinline)) int is_null_slow(const char *const *nullv, size_t n, const char *p, size_t len)
{
	size_t i;

	if (len == 4 && (p[0] | 0x20) == 'n' && (strncasecmp(p, "none", 4) == 0 || strncasecmp(p, "null", 4) == 0))
		return 1;
	for (i = 0; i < n; i++)
		if (strlen(nullv[i]) == len && strncasecmp(nullv[i], p, len) == 0)
			return 1;
	return 0;
}

/* Null cells: empty, na, n/a, none, null, "." in any case, and NULLV[0..N). */
static inline __attribute__((always_inline)) int is_null(const char *const *nullv, size_t n, const char *p, size_t len)
{
	switch (len) {
	case 0:
		return 1;
	case 1:
		if (p[0] == '.')
			return 1;
		break;
	case 2:
		if ((p[0] | 0x20) == 'n' && (p[1] | 0x20) == 'a')
			return 1;
		break;
	case 3:
		if ((p[0] | 0x20) == 'n' && p[1] == '/' && (p[2] | 0x20) == 'a')
			return 1;
		break;
	case 4:
		if ((p[0] | 0x20) == 'n')
			return is_null_slow(nullv, n, p, len);
		break;
	}
	return n && is_null_slow(nullv, n, p, len);
}

static int is_bool(const char *p, size_t len, int *val)
{
	if ((len == 4 && strncasecmp(p, "true", 4) == 0) || (len == 3 && strncasecmp(p, "yes", 3) == 0))
		return *val = 1;
	if ((len == 5 && strncasecmp(p, "false", 5) == 0) || (len == 2 && strncasecmp(p, "no", 2) == 0)) {
		*val = 0;
		return 1;
	}
	return 0;
}

static int parse_date(const struct colstat_conf *cf, const char *p, size_t len, long long *days)
{
	struct tm tm;
	const char *end;

	if (!cf->datefmt)
		return len == 10 && cc_iso_date(p, days);
	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	if (len == 0 || !(end = strptime(p, cf->datefmt, &tm)) || end != p + len)
		return 0;
	if (!cc_valid_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return 0;
	*days = cc_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 1;
}

/* ISO 8601 date and time: YYYY-MM-DD[T ]HH:MM[:SS[.F+]][Z|+-HH[:MM]|+-HHMM], as seconds (UTC for
 * an offset, as if UTC without one) and nanoseconds. */
static int parse_datetime(const char *p, size_t len, long long *sec, long *nsec)
{
	long long days;
	int hh, mm, ss = 0, oh = 0, om = 0, sign = 0;
	size_t i = 16;
	long ns = 0, scale = 100000000;

	if (len < 16 || !cc_iso_date(p, &days) || (p[10] != 'T' && p[10] != ' '))
		return 0;
	hh = cc_dig2(p + 11);
	mm = cc_dig2(p + 14);
	if (hh < 0 || hh > 23 || p[13] != ':' || mm < 0 || mm > 59)
		return 0;
	if (i < len && p[i] == ':') {
		if (i + 3 > len || (ss = cc_dig2(p + i + 1)) < 0 || ss > 59)
			return 0;
		i += 3;
		if (i < len && (p[i] == '.' || p[i] == ',')) {
			size_t s = ++i;
			for (; i < len && p[i] >= '0' && p[i] <= '9'; i++)
				if (scale) {
					ns += (p[i] - '0') * scale;
					scale /= 10;
				}
			if (i == s)
				return 0;
		}
	}
	if (i < len) {
		if (p[i] == 'Z' && i + 1 == len) {
			i++;
		} else if (p[i] == '+' || p[i] == '-') {
			sign = p[i] == '-' ? -1 : 1;
			if (i + 3 > len || (oh = cc_dig2(p + i + 1)) < 0 || oh > 23)
				return 0;
			i += 3;
			if (i < len && p[i] == ':')
				i++;
			if (i < len) {
				if (i + 2 > len || (om = cc_dig2(p + i)) < 0 || om > 59)
					return 0;
				i += 2;
			}
		}
	}
	if (i != len)
		return 0;
	*sec = days * 86400 + hh * 3600 + mm * 60 + ss - sign * (oh * 3600 + om * 60);
	*nsec = ns;
	return 1;
}

/* The types among WANT that the cell P fits. */
static int cell_mask(const struct colstat_conf *cf, const char *p, size_t len, char *dig, int want)
{
	struct decnum d;
	long long t;
	long ns;
	int b, m = 0;

	if ((want & M_BOOL) && is_bool(p, len, &b))
		return M_BOOL;
	if ((want & M_NUM) && dec_scan(p, len, dig, 1, &d))
		m |= M_NUM;
	if ((want & (M_DATE | M_DT)) && parse_date(cf, p, len, &t))
		m |= M_DATE | M_DT;
	else if ((want & M_DT) && parse_datetime(p, len, &t, &ns))
		m |= M_DT;
	return m & want;
}

static size_t nchars(const char *p, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)p[i] & 0xc0) != 0x80;
	/* invalid bytes: each counts as one character */
	if (utf8_valid_prefix(p, len) != len) {
		int32_t cp;
		size_t k;
		for (n = 0, i = 0; i < len; i += k, n++)
			k = utf8_decode(p + i, len - i, &cp);
	}
	return n;
}

static int by_key(const void *a, const void *b, void *nums)
{
	const struct group *x = a, *y = b;

	(void)nums;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int by_num(const void *a, const void *b, void *nums)
{
	const struct group *x = a, *y = b;
	const struct decnum *d = nums;
	int r = dec_cmp(&d[x->src], &d[y->src]);

	if (r)
		return r;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* X is more common than Y, or as common and seen first. */
static int before(const struct group *x, const struct group *y)
{
	return x->count != y->count ? x->count > y->count : x->first < y->first;
}

/* The N most common of G[0..NG) into TOP, most common first: a heap of the best N so far,
 * whose root is the worst of them. */
static size_t top_n(const struct group *g, size_t ng, size_t n, size_t *top)
{
	size_t i, k, len = 0;

	if (n > ng)
		n = ng;
	for (i = 0; i < ng; i++) {
		if (len == n) {
			if (n == 0 || !before(&g[i], &g[top[0]]))
				continue;
			top[0] = i;
			k = 0;
		} else {
			/* sift up */
			k = len++;
			top[k] = i;
			while (k > 0 && before(&g[top[(k - 1) / 2]], &g[top[k]])) {
				size_t t = top[k];
				top[k] = top[(k - 1) / 2];
				top[(k - 1) / 2] = t;
				k = (k - 1) / 2;
			}
			continue;
		}
		/* sift down from the root */
		for (;;) {
			size_t l = 2 * k + 1, r = l + 1, w = k, t;
			if (l < len && before(&g[top[w]], &g[top[l]]))
				w = l;
			if (r < len && before(&g[top[w]], &g[top[r]]))
				w = r;
			if (w == k)
				break;
			t = top[k];
			top[k] = top[w];
			top[w] = t;
			k = w;
		}
	}
	/* heap to best-first order: repeatedly move the worst to the end */
	for (k = len; k > 1; k--) {
		size_t t = top[0], j = 0;
		top[0] = top[k - 1];
		top[k - 1] = t;
		for (;;) {
			size_t l = 2 * j + 1, r = l + 1, w = j;
			if (l < k - 1 && before(&g[top[w]], &g[top[l]]))
				w = l;
			if (r < k - 1 && before(&g[top[w]], &g[top[r]]))
				w = r;
			if (w == j)
				break;
			t = top[j];
			top[j] = top[w];
			top[w] = t;
			j = w;
		}
	}
	return len;
}

/* LSD radix sort by (hi, lo) in 11-bit digits, only on the digits that differ. */
static int radix_sort(struct group *g, size_t n)
{
	enum { BITS = 11, NB = 1 << BITS, PASSES = 12 };
	size_t *cnt, i;
	struct group *tmp = malloc(n * sizeof *g), *src = g, *dst = tmp, *t;
	uint64_t dhi = 0, dlo = 0;
	int p, dig[PASSES], nd = 0, d;

	for (i = 1; i < n; i++) {
		dhi |= (uint64_t)(g[i].hi ^ g[0].hi);
		dlo |= g[i].lo ^ g[0].lo;
	}
#define DIGIT(x, p) ((p) < 6 ? ((x)->lo >> (BITS * (p))) & (NB - 1) : \
		(((uint64_t)(x)->hi ^ (1ull << 63)) >> (BITS * ((p) - 6))) & (NB - 1))
	for (p = 0; p < PASSES; p++)
		if (((p < 6 ? dlo : dhi) >> (BITS * (p % 6))) & (NB - 1))
			dig[nd++] = p;
	if (!tmp || !(cnt = calloc((size_t)(nd ? nd : 1) * NB, sizeof *cnt))) {
		free(tmp);
		return -1;
	}
	for (i = 0; i < n; i++)
		for (d = 0; d < nd; d++)
			cnt[(size_t)d * NB + DIGIT(&g[i], dig[d])]++;
	for (d = 0; d < nd; d++) {
		size_t *c = cnt + (size_t)d * NB, sum = 0, k;

		p = dig[d];
		for (k = 0; k < NB; k++) {
			size_t v = c[k];
			c[k] = sum;
			sum += v;
		}
		for (i = 0; i < n; i++)
			dst[c[DIGIT(&src[i], p)]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
#undef DIGIT
	if (src != g)
		memcpy(g, src, n * sizeof *g);
	free(tmp);
	free(cnt);
	return 0;
}

static int sorted(const struct group *g, size_t n, int (*cmp)(const void *, const void *, void *), void *nums)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (cmp(&g[i - 1], &g[i], nums) > 0)
			return 0;
	return 1;
}

static const uint64_t pow10_u64[] = { 1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
	10000000ull, 100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
	10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
	100000000000000000ull, 1000000000000000000ull };

/* The text of group item SRC as first seen (in BUF, 48 bytes, or in the table). */
static const char *item_text(const struct colstat *c, size_t src, char *buf, size_t *len)
{
	if (src < c->enc.nrun) {
		const struct sc_run *r = &c->enc.run[src];
		*len = cc_text(r->key, sc_tag(r), buf);
		return buf;
	}
	return tally_key(c->h, src - c->enc.nrun, len);
}

/* A copy of the text of item SRC, its length in *LEN; NULL on ENOMEM. */
static char *item_dup(const struct colstat *c, size_t src, size_t *len)
{
	char buf[48];
	const char *k = item_text(c, src, buf, len);
	char *t = malloc(*len + 1);

	return t ? memcpy(t, k, *len + 1) : NULL;
}

/* Keep the N most common values, best first (G[TOP[i]], or G[i] without TOP), with their text
 * as first seen. */
static int keep_freq(struct colstat *c, const struct group *g, const size_t *top, size_t n)
{
	size_t i;

	if (!(c->vals = calloc(n ? n : 1, sizeof *c->vals)))
		return -1;
	for (i = 0; i < n; i++) {
		const struct group *x = &g[top ? top[i] : i];
		struct colstat_value *v = &c->vals[i];
		char *t = item_dup(c, x->src, &v->len);

		if (!t)
			return -1;
		v->text = t;
		v->count = x->count;
		c->nvals++;
	}
	return 0;
}

/* The values of a Number column's N items (the first NE coded): as integers at one scale in
 * G[i].hi with 1 and the scale in *EMIN when all fit in 18 digits, else as decnums in c->nums
 * (digits in DIG, room for the table's keys and 19 per code) with 0; -1 on ENOMEM. Sets
 * c->r.places. */
static int num_keys(struct colstat *c, size_t ne, size_t n, char *dig, long *emin)
{
	struct cc_num *cn = malloc((n ? n : 1) * sizeof *cn);
	size_t i, len;
	int keyed = 1, first = 1;
	long e = 0;

	if (!cn)
		return -1;

	for (i = 0; i < n; i++) {
		struct cc_num *x = &cn[i];

		if (i < ne) {
			cc_value(c->enc.run[i].key, sc_tag(&c->enc.run[i]), x);
		} else {
			const char *k = tally_key(c->h, i - ne, &len);
			struct decnum d;
			size_t j;

			dec_scan(k, len, dig, 1, &d);
			x->neg = d.neg;
			x->exp = d.exp;
			x->places = d.places;
			x->nd = d.nd > 19 ? 19 : (int)d.nd;
			x->coef = 0;
			for (j = 0; j < d.nd && j < 19; j++)
				x->coef = x->coef * 10 + (uint64_t)(d.dig[j] - '0');
		}
		if (x->places > c->r.places)
			c->r.places = x->places;
		if (x->nd > 18)
			keyed = 0;
		if (x->nd && (first || x->exp < e)) {
			e = x->exp;
			first = 0;
		}
	}
	for (i = 0; keyed && i < n; i++) {
		const struct cc_num *x = &cn[i];
		long sh = x->exp - e;
		uint64_t v;

		if (x->nd == 0) {
			c->g[i].hi = 0;
			continue;
		}
		if (x->nd + sh > 18)
			keyed = 0;
		else {
			v = x->coef * pow10_u64[sh];
			c->g[i].hi = x->neg ? -(int64_t)v : (int64_t)v;
		}
	}
	*emin = e;
	if (!keyed) {
		if (!(c->nums = malloc((n ? n : 1) * sizeof *c->nums))) {
			free(cn);
			return -1;
		}
		for (i = 0; i < n; i++) {
			struct decnum *d = &c->nums[i];

			if (i < ne) {
				uint64_t v = cn[i].coef;
				int k;

				for (k = cn[i].nd; k-- > 0; v /= 10)
					dig[k] = (char)('0' + v % 10);
				d->neg = cn[i].neg;
				d->exp = cn[i].exp;
				d->nd = (size_t)cn[i].nd;
				d->dig = dig;
				d->places = cn[i].places;
			} else {
				const char *k = tally_key(c->h, i - ne, &len);

				dec_scan(k, len, dig, 1, d);
			}
			dig += d->nd;
		}
	}
	free(cn);
	return keyed;
}

static char *num_text(const struct decnum *d)
{
	struct big b = BIG_INIT;
	char *s = NULL;

	if (big_set_digits(&b, d->dig, d->nd) == 0)
		s = big_to_text(&b, d->neg, d->exp);
	big_free(&b);
	return s;
}

static char *scaled_text(int64_t v, long e)
{
	struct big b = BIG_INIT;
	char *s = NULL;

	if (big_set_u64(&b, v < 0 ? -(uint64_t)v : (uint64_t)v) == 0)
		s = big_to_text(&b, v < 0, e);
	big_free(&b);
	return s;
}

static char *date_text(long long days)
{
	char buf[48];
	long long y;
	int m, d;

	cc_civil(days, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04lld-%02d-%02d", y, m, d);
	return strdup(buf);
}

/* The canonical value of table key I of a Number column (digits to DIG). */
static void key_num(const struct colstat *c, size_t i, char *dig, struct cc_num *x)
{
	size_t len, j;
	const char *k = tally_key(c->h, i, &len);
	struct decnum d;

	dec_scan(k, len, dig, 1, &d);
	x->neg = d.neg;
	x->exp = d.exp;
	x->places = d.places;
	x->nd = d.nd > 19 ? 20 : (int)d.nd;
	x->coef = 0;
	for (j = 0; j < d.nd && j < 19; j++)
		x->coef = x->coef * 10 + (uint64_t)(d.dig[j] - '0');
}

/* The end of the codes of one tag from R[I] (R[0..N) sorted by tag), by galloping. */
static size_t tag_end(const struct sc_run *r, size_t i, size_t n)
{
	uint64_t t = sc_tag(&r[i]);
	size_t lo = i, hi, step = 1;

	while (i + step < n && sc_tag(&r[i + step]) == t) {
		lo = i + step;
		step *= 2;
	}
	hi = i + step < n ? i + step : n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (sc_tag(&r[mid]) == t)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/* X more common than Y, or as common and seen first (for qsort: best first). */
static int by_freq(const void *a, const void *b)
{
	return before(a, b) ? -1 : 1;
}

/* Offer group X to HEAP[0..*LEN) of the best N so far, the worst at the root. */
static void offer(struct group *heap, size_t *len, size_t n, const struct group *x)
{
	size_t k;

	if (*len < n) {
		k = (*len)++;
		heap[k] = *x;
		while (k > 0 && before(&heap[(k - 1) / 2], &heap[k])) {
			struct group t = heap[k];
			heap[k] = heap[(k - 1) / 2];
			heap[(k - 1) / 2] = t;
			k = (k - 1) / 2;
		}
		return;
	}
	if (n == 0 || !before(x, &heap[0]))
		return;
	heap[0] = *x;
	for (k = 0;;) {
		size_t l = 2 * k + 1, r = l + 1, w = k;
		struct group t;

		if (l < *len && before(&heap[w], &heap[l]))
			w = l;
		if (r < *len && before(&heap[w], &heap[r]))
			w = r;
		if (w == k)
			break;
		t = heap[k];
		heap[k] = heap[w];
		heap[w] = t;
		k = w;
	}
}

/* Typed values in ascending order into groups: counts summed, the earliest string standing for
 * each, the most common kept in a heap, (value, count) pairs for the statistics. */
struct walk {
	struct group cur, *heap;
	size_t nheap, want, ng, src_min, src_max;
	struct stats_sval *sv;
	int open;
};

static void walk_close(struct walk *w)
{
	if (!w->open)
		return;
	offer(w->heap, &w->nheap, w->want, &w->cur);
	if (w->ng == 0)
		w->src_min = w->cur.src;
	w->src_max = w->cur.src;
	w->sv[w->ng].v = w->cur.hi;
	w->sv[w->ng++].count = w->cur.count;
	w->open = 0;
}

static void walk_add(struct walk *w, int64_t v, uint64_t count, uint64_t first, size_t src)
{
	if (w->open && v == w->cur.hi) {
		w->cur.count += count;
		if (first < w->cur.first) {
			w->cur.first = first;
			w->cur.src = src;
		}
		return;
	}
	walk_close(w);
	w->cur.hi = v;
	w->cur.lo = 0;
	w->cur.count = count;
	w->cur.first = first;
	w->cur.src = src;
	w->open = 1;
}

/* Number (every value in 18 digits at one scale), Date and DateTime (whole seconds) columns:
 * typed values as one integer each, sorted with the item's index in a pair (lib/sortcount),
 * then grouped in one walk that also keeps the most common and feeds the statistics; no
 * per-item record. 0 when the column needs the general way, -1 on ENOMEM. */
static int finish_fast(struct colstat *c, size_t ne, size_t ns, const uint64_t *counts, char *dig)
{
	const struct colstat_conf *cf = &c->cf;
	size_t n = ne + ns, i, j, len, want = n < cf->nfreq ? n : cf->nfreq;
	const struct sc_run *run = c->enc.run;
	struct sc_raw *kv = NULL;
	struct walk w;
	const uint64_t sign = (uint64_t)1 << 63;
	long emin = 0;
	int first = 1;

	if (n == 0)
		return 0;
	if (c->r.type == T_NUM) {
		/* the common scale: the smallest exponent as written (the codes of one tag, sorted by
		 * key, share theirs); every value must fit 18 digits at it */
		for (i = 0; i < ne; i = j) {
			uint64_t t = sc_tag(&run[i]);
			long e = cc_exp(t);

			j = tag_end(run, i, ne);
			if (-e > c->r.places)
				c->r.places = -e;
			if (run[j - 1].key && (first || e < emin)) {
				emin = e;
				first = 0;
			}
		}
		for (i = 0; i < ns; i++) {
			struct cc_num x;

			key_num(c, i, dig, &x);
			if (x.places > c->r.places)
				c->r.places = x.places;
			if (x.nd > 18)
				return 0;
			if (x.nd && (first || x.exp < emin)) {
				emin = x.exp;
				first = 0;
			}
		}
		for (i = 0; i < ne; i = j) {
			long sh = cc_exp(sc_tag(&run[i])) - emin;

			j = tag_end(run, i, ne);
			if (run[j - 1].key && (sh > 18 || run[j - 1].key >= pow10_u64[18 - sh]))
				return 0;
		}
		for (i = 0; i < ns; i++) {
			struct cc_num x;

			key_num(c, i, dig, &x);
			if (x.nd && x.nd + (x.exp - emin) > 18)
				return 0;
		}
	}
	memset(&w, 0, sizeof w);
	w.want = want;
	if (!(w.heap = malloc((want ? want : 1) * sizeof *w.heap)))
		return -1;
	if (ns == 0) {
		/* codes in value order already (ids, times, one written form): group as they come */
		int ordered = 1;

		if (!(w.sv = malloc(n * sizeof *w.sv)))
			goto nomem;
		for (i = 0; i < ne && ordered; i = j) {
			uint64_t t = sc_tag(&run[i]), k, p = 0;
			int64_t mul = c->r.type == T_DT && CC_NI(t) == 0 ? 86400 : 1;

			j = tag_end(run, i, ne);
			if (c->r.type == T_NUM && run[j - 1].key)
				p = pow10_u64[cc_exp(t) - emin];
			for (k = i; k < j; k++) {
				int64_t v;

				if (c->r.type == T_NUM) {
					v = (int64_t)(run[k].key * p);
					if (CC_SIGN(t) == 1)
						v = -v;
				} else {
					v = (int64_t)(run[k].key - CC_BIAS) * mul;
				}
				if (w.open && v < w.cur.hi) {
					ordered = 0;
					break;
				}
				walk_add(&w, v, run[k].count, sc_index(&run[k]), (size_t)k);
			}
		}
		if (ordered) {
			walk_close(&w);
			kv = NULL;
			goto done;
		}
		free(w.sv);
		w.sv = NULL;
		w.nheap = w.ng = 0;
		w.open = 0;
	}
	if (!(kv = malloc(n * sizeof *kv)))
		goto nomem;
	for (i = 0; i < ne; i = j) {
		uint64_t t = sc_tag(&run[i]), k;

		j = tag_end(run, i, ne);
		if (c->r.type == T_NUM) {
			/* a tag of zeros only may be below the scale */
			uint64_t p = run[j - 1].key ? pow10_u64[cc_exp(t) - emin] : 0;

			for (k = i; k < j; k++) {
				int64_t v = (int64_t)(run[k].key * p);

				kv[k].key = (uint64_t)(CC_SIGN(t) == 1 ? -v : v) ^ sign;
				kv[k].aux = k;
			}
		} else {
			int64_t mul = c->r.type == T_DT && CC_NI(t) == 0 ? 86400 : 1;

			for (k = i; k < j; k++) {
				kv[k].key = (uint64_t)((int64_t)(run[k].key - CC_BIAS) * mul) ^ sign;
				kv[k].aux = k;
			}
		}
	}
	for (i = ne; i < n; i++) {
		int64_t v = 0;

		if (c->r.type == T_NUM) {
			struct cc_num x;

			key_num(c, i - ne, dig, &x);
			if (x.nd) {
				v = (int64_t)(x.coef * pow10_u64[x.exp - emin]);
				if (x.neg)
					v = -v;
			}
		} else {
			const char *k = tally_key(c->h, i - ne, &len);
			long long t = 0;
			long nsec = 0;

			if (parse_date(cf, k, len, &t)) {
				if (c->r.type == T_DT)
					t *= 86400;
			} else {
				parse_datetime(k, len, &t, &nsec);
			}
			if (nsec) {
				free(kv);
				free(w.heap);
				return 0;
			}
			v = t;
		}
		kv[i].key = (uint64_t)v ^ sign;
		kv[i].aux = i;
	}
	for (i = 1; i < n && kv[i - 1].key <= kv[i].key; i++)
		;
	if (i < n) {
		struct sc_raw *tmp = malloc(n * sizeof *tmp);

		if (!tmp)
			goto nomem;
		sc_sort(kv, tmp, n);
		free(tmp);
	}
	/* one walk: equal values merge (the earliest string stands for them); the pairs read
	 * are overwritten by the groups' values */
	w.sv = (struct stats_sval *)(void *)kv;
	for (i = 0; i < n; i++) {
		size_t k = (size_t)kv[i].aux;

		walk_add(&w, (int64_t)(kv[i].key ^ sign), k < ne ? run[k].count : counts[k - ne],
			k < ne ? sc_index(&run[k]) : c->srow[k - ne], k);
	}
	walk_close(&w);
done:
	c->ng = c->r.unique = w.ng;
	qsort(w.heap, w.nheap, sizeof *w.heap, by_freq);
	if (keep_freq(c, w.heap, NULL, w.nheap) < 0)
		goto nomem;
	switch (c->r.type) {
	case T_NUM:
		if (stats_scaled(w.sv, c->ng, emin, &c->r.st) < 0)
			goto nomem;
		c->r.has_num = 1;
		c->min = scaled_text(w.sv[0].v, emin);
		c->max = scaled_text(w.sv[c->ng - 1].v, emin);
		break;
	case T_DATE:
		c->min = date_text(w.sv[0].v);
		c->max = date_text(w.sv[c->ng - 1].v);
		break;
	default:
		c->min = item_dup(c, w.src_min, &len);
		c->max = item_dup(c, w.src_max, &len);
		break;
	}
	if (!c->min || !c->max)
		goto nomem;
	free(w.heap);
	if (kv)
		free(kv);
	else
		free(w.sv);
	return 1;
nomem:
	free(w.heap);
	if (kv)
		free(kv);
	else
		free(w.sv);
	return -1;
}

/* Types, typed distinct values and statistics of column C from its distinct codes and strings. */
static int finish(struct colstat *c)
{
	const struct colstat_conf *cf = &c->cf;
	size_t ns = tally_count(c->h), ne, n, i, j, len, total = 0;
	int mask = M_BOOL | M_NUM | M_DATE | M_DT, keyed = 1, fast;
	char *dig;
	uint64_t nn = 0, *counts;
	long emin = 0;
	struct group *g;

	if (sc_finish(&c->enc) < 0)
		return -1;
	ne = c->enc.nrun;
	n = ne + ns;
	c->r.minlen = (size_t)-1;
	if (ne) {
		c->r.len = c->elen;
		c->r.minlen = c->eminlen;
	}
	nn = c->ncoded;
	for (i = 0; i < ne; i = tag_end(c->enc.run, i, ne)) {
		uint64_t t = sc_tag(&c->enc.run[i]);

		mask &= CC_SIGN(t) != 3 ? M_NUM : CC_NI(t) == 0 ? M_DATE | M_DT : M_DT;
	}
	if (!(counts = malloc((ns ? ns : 1) * sizeof *counts)))
		return -1;
	tally_counts(c->h, counts);
	for (i = 0; i < ns; i++) {
		tally_key(c->h, i, &len);
		total += len;
		nn += counts[i];
	}
	c->r.nonnulls = nn;
	if (!(c->digits = dig = malloc(total + 19 * ne + 1))) {
		free(counts);
		return -1;
	}
	for (i = 0; i < ns; i++) {
		const char *k = tally_key(c->h, i, &len);
		size_t w = nchars(k, len);
		if (w > c->r.len)
			c->r.len = w;
		if (w < c->r.minlen)
			c->r.minlen = w;
		if (!cf->noinfer && mask)
			mask &= cell_mask(cf, k, len, dig, mask);
	}
	c->r.has_len = n > 0;
	if (!c->r.has_len)
		c->r.minlen = 0;
	c->r.type = cf->noinfer ? T_TEXT : mask & M_BOOL ? T_BOOL : mask & M_NUM ? T_NUM : mask & M_DATE ? T_DATE :
		mask & M_DT ? T_DT : T_TEXT;
	if (c->r.type == T_NUM || c->r.type == T_DATE || c->r.type == T_DT) {
		fast = finish_fast(c, ne, ns, counts, dig);
		if (fast) {
			free(counts);
			return fast < 0 ? -1 : 0;
		}
	}
	c->r.places = 0;
	if (!(c->g = g = calloc(n ? n : 1, sizeof *g))) {
		free(counts);
		return -1;
	}
	for (i = 0; i < n; i++) {
		g[i].count = i < ne ? c->enc.run[i].count : counts[i - ne];
		g[i].first = i < ne ? sc_index(&c->enc.run[i]) : c->srow[i - ne];
		g[i].src = i;
	}
	free(counts);
	if (c->r.type == T_NUM) {
		if ((keyed = num_keys(c, ne, n, dig, &emin)) < 0)
			return -1;
	} else if (c->r.type != T_TEXT)
		for (i = 0; i < n; i++) {
			const char *k;
			long long t = 0;
			long nsec = 0;
			int b;

			if (i < ne) {
				const struct sc_run *r = &c->enc.run[i];
				/* a date (Date or DateTime column) or a datetime (DateTime) */
				t = (long long)(r->key - CC_BIAS);
				if (c->r.type == T_DT && CC_NI(sc_tag(r)) == 0)
					t *= 86400;
				g[i].hi = t;
				continue;
			}
			k = tally_key(c->h, i - ne, &len);
			switch (c->r.type) {
			case T_BOOL:
				is_bool(k, len, &b);
				g[i].hi = b;
				break;
			case T_DATE:
				parse_date(cf, k, len, &t);
				g[i].hi = t;
				break;
			case T_DT:
				if (parse_date(cf, k, len, &t))
					t *= 86400;
				else
					parse_datetime(k, len, &t, &nsec);
				g[i].hi = t;
				g[i].lo = (uint64_t)nsec;
				break;
			default:
				break;
			}
		}
	c->ng = n;
	if (c->r.type != T_TEXT && n > 1) {
		int (*cmp)(const void *, const void *, void *) = keyed ? by_key : by_num;

		if (sorted(g, n, cmp, c->nums))
			;
		else if (keyed && n > 4096) {
			if (radix_sort(g, n) < 0)
				return -1;
		} else {
			qsort_r(g, n, sizeof *g, cmp, c->nums);
		}
		for (i = 0, j = 0; i < n; i++) {
			if (j > 0 && (keyed ? g[j - 1].hi == g[i].hi && g[j - 1].lo == g[i].lo :
				      dec_cmp(&c->nums[g[j - 1].src], &c->nums[g[i].src]) == 0)) {
				/* one value: the earliest string stands for it */
				g[j - 1].count += g[i].count;
				if (g[i].first < g[j - 1].first) {
					g[j - 1].first = g[i].first;
					g[j - 1].src = g[i].src;
				}
			} else {
				g[j++] = g[i];
			}
		}
		c->ng = j;
	}
	c->r.unique = c->ng;
	{
		size_t want = c->ng < cf->nfreq ? c->ng : cf->nfreq, *top;
		int r;

		if (!(top = malloc((want ? want : 1) * sizeof *top)))
			return -1;
		r = keep_freq(c, g, top, top_n(g, c->ng, want, top));
		free(top);
		if (r < 0)
			return -1;
	}
	if (c->ng == 0)
		return 0;
	switch (c->r.type) {
	case T_NUM:
		if (keyed) {
			struct stats_sval *sv = malloc(c->ng * sizeof *sv);
			int r;

			if (!sv)
				return -1;
			for (i = 0; i < c->ng; i++) {
				sv[i].v = g[i].hi;
				sv[i].count = g[i].count;
			}
			r = stats_scaled(sv, c->ng, emin, &c->r.st);
			free(sv);
			if (r < 0)
				return -1;
			c->min = scaled_text(g[0].hi, emin);
			c->max = scaled_text(g[c->ng - 1].hi, emin);
		} else {
			struct stats_wval *wv = malloc(c->ng * sizeof *wv);
			int r;

			if (!wv)
				return -1;
			for (i = 0; i < c->ng; i++) {
				wv[i].v = c->nums[g[i].src];
				wv[i].count = g[i].count;
			}
			r = stats_decimal(wv, c->ng, &c->r.st);
			free(wv);
			if (r < 0)
				return -1;
			c->min = num_text(&c->nums[g[0].src]);
			c->max = num_text(&c->nums[g[c->ng - 1].src]);
		}
		c->r.has_num = 1;
		break;
	case T_DATE:
		c->min = date_text(g[0].hi);
		c->max = date_text(g[c->ng - 1].hi);
		break;
	case T_DT:
		c->min = item_dup(c, g[0].src, &len);
		c->max = item_dup(c, g[c->ng - 1].src, &len);
		break;
	default:
		return 0;
	}
	return c->min && c->max ? 0 : -1;
}

int colstat_finish(struct colstat *c)
{
	int r;

	c->r.nulls = c->nulls;
	r = finish(c);

	/* only the results stay: the values go back before the next column's */
	free(c->g);
	c->g = NULL;
	free(c->nums);
	c->nums = NULL;
	free(c->digits);
	c->digits = NULL;
	sc_free(&c->enc);
	tally_free(c->h);
	c->h = NULL;
	free(c->srow);
	c->srow = NULL;
	c->r.min = c->min;
	c->r.max = c->max;
	c->r.freq = c->vals;
	c->r.nfreq = c->nvals;
	return r;
}

const struct colstat_result *colstat_result(const struct colstat *c)
{
	return &c->r;
}

const char *colstat_type_name(enum colstat_type t)
{
	static const char *const name[] = { "Boolean", "Number", "Date", "DateTime", "Text" };

	return name[t];
}

struct colstat *colstat_new(const struct colstat_conf *cf)
{
	struct colstat *c = aligned_alloc(64, (sizeof *c + 63) / 64 * 64);

	if (!c)
		return NULL;
	memset(c, 0, sizeof *c);
	c->cf = *cf;
	c->nullv = cf->nullv;
	c->nnullv = cf->nnullv;
	c->code = !cf->noinfer && !cf->datefmt;
	c->eminlen = (size_t)-1;
	if (!(c->h = tally_new())) {
		free(c);
		return NULL;
	}
	return c;
}

void colstat_free(struct colstat *c)
{
	size_t i;

	if (!c)
		return;
	tally_free(c->h);
	free(c->srow);
	sc_free(&c->enc);
	free(c->g);
	free(c->nums);
	free(c->digits);
	for (i = 0; i < c->nvals; i++)
		free((char *)c->vals[i].text);
	free(c->vals);
	free(c->min);
	free(c->max);
	stats_dec_free(&c->r.st);
	free(c);
}

/* Move the coded strings of C's table to its sorted codes; code its cells from now on. */
static int to_codes(struct colstat *c)
{
	size_t n = tally_count(c->h), i, nr = 0, nk = 0, len;
	struct sc_run *r = malloc(n * sizeof *r);
	struct tally *h = tally_new();
	uint64_t *counts = malloc(n * sizeof *counts), *srow = malloc(n * sizeof *srow);

	if (!r || !h || !counts || !srow)
		goto nomem;
	tally_counts(c->h, counts);
	for (i = 0; i < n; i++) {
		const char *k = tally_key(c->h, i, &len);
		uint64_t key, tag;

		if (cc_encode(k, len, &key, &tag)) {
			r[nr].key = key;
			r[nr].aux = tag << SC_IDXBITS | c->srow[i];
			r[nr++].count = counts[i];
			c->ncoded += counts[i];
			if (len > c->elen)
				c->elen = len;
			if (len < c->eminlen)
				c->eminlen = len;
		} else {
			if (tally_add_n(h, k, len, counts[i]) < 0)
				goto nomem;
			srow[nk++] = c->srow[i];
		}
	}
	if (sc_add_runs(&c->enc, r, nr) < 0)
		goto nomem;
	tally_free(c->h);
	c->h = h;
	free(c->srow);
	c->srow = srow;
	c->nsrow = nk;
	c->capsrow = n;
	c->coded = 1;
	free(counts);
	free(r);
	return 0;
nomem:
	tally_free(h);
	free(srow);
	free(counts);
	free(r);
	return -1;
}

/* The first step of adding a non-missing cell (CODE: the row may be coded): count a null or a
 * code, or hash the string and prefetch its slot in the table, 1 when add_cell must follow.
 * This, add_cell and is_null are forced inline: colstat_add_row is the per-cell loop, and a
 * call per cell costs a few per cent of the whole run. */
static inline __attribute__((always_inline)) int prep_cell(struct colstat *c, const char *p, size_t len, uint64_t row, int code)
{
	uint64_t key, tag;

	if (is_null(c->nullv, c->nnullv, p, len)) {
		c->nulls++;
		return 0;
	}
	if (c->coded && code && cc_encode(p, len, &key, &tag)) {
		if (sc_add(&c->enc, key, tag, row) < 0)
			return -1;
		c->ncoded++;
		if (len > c->elen)
			c->elen = len;
		if (len < c->eminlen)
			c->eminlen = len;
		return 0;
	}
	c->cell = p;
	c->cell_len = len;
	tally_prep(c->h, p, len, &c->hint);
	return 1;
}

/* The second step: count the string in the table; past TO_CODES distinct, switch to codes. */
static inline __attribute__((always_inline)) int add_cell(struct colstat *c, uint64_t row, int code)
{
	int added = tally_add_hint(c->h, c->cell, c->cell_len, &c->hint);

	if (added < 0)
		return -1;
	if (added) {
		if (c->nsrow == c->capsrow) {
			size_t cap = c->capsrow ? c->capsrow * 2 : 16;
			uint64_t *p = realloc(c->srow, cap * sizeof *p);

			if (!p)
				return -1;
			c->srow = p;
			c->capsrow = cap;
		}
		c->srow[c->nsrow++] = row;
		if (c->nsrow > TO_CODES && code && c->code && !c->coded)
			return to_codes(c);
	}
	return 0;
}

int colstat_add(struct colstat *c, const char *p, size_t len, uint64_t row)
{
	int code = row <= SC_MAXIDX, r = prep_cell(c, p, len, row, code);

	return r > 0 ? add_cell(c, row, code) : r;
}

int colstat_add_row(const struct colstat_map *map, size_t n, const struct csv_field *f, size_t nf, uint64_t row)
{
	size_t i;
	int code = row <= SC_MAXIDX;

	/* hash every string and prefetch its slot, then count: the cache misses overlap */
	for (i = 0; i < n; i++) {
		struct colstat *c = map[i].col;
		size_t k = map[i].field;

		c->cell = NULL;
		if (k >= nf)
			c->nulls++;
		else if (prep_cell(c, f[k].p, f[k].len, row, code) < 0)
			return -1;
	}
	for (i = 0; i < n; i++)
		if (map[i].col->cell && add_cell(map[i].col, row, code) < 0)
			return -1;
	return 0;
}
