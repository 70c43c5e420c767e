/* csvstat: per-column statistics of CSV files (RFC 4180), following csvkit's csvstat report.
 * One pass: each column keeps its distinct non-null strings with counts and first rows
 * (lib/tally); past 16K of them, cells that are numbers, dates or datetimes are kept as compact
 * codes counted by sorting (lib/sortcount). Types, typed distinct values and every statistic
 * come from those at the end (lib/decimal, lib/stats). */
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "cellcode.h"
#include "csv.h"
#include "decimal.h"
#include "io.h"
#include "msg.h"
#include "out.h"
#include "sortcount.h"
#include "stats.h"
#include "tally.h"
#include "utf8.h"

enum { O_CSV = 256, O_JSON, O_COUNT, O_NULLS, O_UNIQUE, O_MIN, O_MAX, O_SUM, O_MEAN, O_MEDIAN,
	O_STDEV, O_LEN, O_FREQ, O_NULLVALUE, O_DATEFMT, O_STRICT };

static const struct opt opts[] = {
	{ 'C', "not-columns", OPT_REQ, "LIST", "report all columns but these" },
	{ 'c', "columns", OPT_REQ, "LIST", "report only these columns (names, 1-based indices, ranges)" },
	{ O_COUNT, "count", OPT_NONE, NULL, "print only the row count" },
	{ O_CSV, "csv", OPT_NONE, NULL, "one CSV row per column" },
	{ O_DATEFMT, "date-format", OPT_REQ, "FMT", "dates as strptime(3) FMT" },
	{ 'd', "delimiter", OPT_REQ, "C", "field delimiter (,)" },
	{ O_FREQ, "freq", OPT_NONE, NULL, "print only the most common values" },
	{ 'H', "no-header-row", OPT_NONE, NULL, "the first row is data; columns are a, b, c, ..." },
	{ 'I', "no-inference", OPT_NONE, NULL, "treat every column as Text" },
	{ O_JSON, "json", OPT_NONE, NULL, "a JSON array of one object per column" },
	{ O_LEN, "len", OPT_NONE, NULL, "print only the longest value's length" },
	{ O_MAX, "max", OPT_NONE, NULL, "print only the maximum" },
	{ O_MEAN, "mean", OPT_NONE, NULL, "print only the mean" },
	{ O_MEDIAN, "median", OPT_NONE, NULL, "print only the median" },
	{ O_MIN, "min", OPT_NONE, NULL, "print only the minimum" },
	{ 'n', "freq-count", OPT_REQ, "N", "how many common values to list (5)" },
	{ O_NULLVALUE, "null-value", OPT_REQ, "STR", "also count STR as null (repeatable)" },
	{ O_NULLS, "nulls", OPT_NONE, NULL, "print only the count of nulls" },
	{ 'q', "quotechar", OPT_REQ, "C", "quote character (\")" },
	{ O_STDEV, "stdev", OPT_NONE, NULL, "print only the sample standard deviation" },
	{ O_STRICT, "strict", OPT_NONE, NULL, "ragged rows are an error" },
	{ O_SUM, "sum", OPT_NONE, NULL, "print only the sum" },
	{ 't', "tabs", OPT_NONE, NULL, "fields are separated by tabs" },
	{ O_UNIQUE, "unique", OPT_NONE, NULL, "print only the count of distinct values" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] [FILE...]",
	"Print statistics of every column of each CSV FILE (gzip and bzip2 read too; - or none is "
	"standard input).",
	opts, 0, CB_ERR
};

enum type { T_BOOL, T_NUM, T_DATE, T_DT, T_TEXT };
static const char *const type_name[] = { "Boolean", "Number", "Date", "DateTime", "Text" };
enum { M_BOOL = 1, M_NUM = 2, M_DATE = 4, M_DT = 8 };

enum fmt { F_TEXT, F_CSV, F_JSON };

struct conf {
	int delim, quote, header, infer, strict, count_only, one, nfreq, code;
	enum fmt fmt;
	const char *cols, *notcols, *datefmt;
	const char **nullv;
	size_t nnullv;
	int nfiles, csv_header_done, printed;
};

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

struct col {
	char *name;
	size_t idx;		/* 0-based in the file */
	struct tally *h;		/* distinct non-null strings without a code -> count */
	uint64_t *srow;		/* the first row of each key of h */
	size_t nsrow, capsrow;
	struct sortcount enc;	/* distinct codes -> count and first row */
	int coded;		/* cells with a code go to enc (else all to h) */
	uint64_t ncoded;	/* cells in enc */
	size_t elen, eminlen;	/* the longest and shortest coded cell */
	uint64_t nulls;
	const struct csv_field *cell;	/* this row's cell, when not null */
	struct tally_hint hint;
	/* results */
	enum type type;
	uint64_t nonnulls;
	size_t unique, len, minlen;
	long places;
	int has_len;
	struct group *g;	/* typed values, sorted for order statistics */
	struct decnum *nums;	/* Number: each key's value, by key index */
	size_t ng;
	struct group *freq;	/* the most common values, most common first */
	size_t nfreqv;
	char **ftext;		/* their text as first seen */
	size_t *flen;
	char *min, *max;	/* display text */
	struct stats_dec st;
	int has_num;
	char *digits;
};

/* Null cells: empty, na, n/a, none, null, "." in any case, and --null-value. */
static int is_null(const struct conf *cf, const char *p, size_t len)
{
	size_t i;

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
		if ((p[0] | 0x20) == 'n' && (strncasecmp(p, "none", 4) == 0 || strncasecmp(p, "null", 4) == 0))
			return 1;
		break;
	}
	for (i = 0; i < cf->nnullv; i++)
		if (strlen(cf->nullv[i]) == len && strncasecmp(cf->nullv[i], p, len) == 0)
			return 1;
	return 0;
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

static int parse_date(const struct conf *cf, const char *p, size_t len, long long *days)
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
static int cell_mask(const struct conf *cf, const char *p, size_t len, char *dig, int want)
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

static const struct decnum *sort_nums;

static int by_key(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int by_num(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	int r = dec_cmp(&sort_nums[x->src], &sort_nums[y->src]);

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
static void radix_sort(struct group *g, size_t n)
{
	enum { BITS = 11, NB = 1 << BITS, PASSES = 12 };
	size_t *cnt, i;
	struct group *tmp = xmalloc(n * sizeof *g), *src = g, *dst = tmp, *t;
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
	cnt = xcalloc((size_t)(nd ? nd : 1) * NB, sizeof *cnt);
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
}

static int sorted(const struct group *g, size_t n, int (*cmp)(const void *, const void *))
{
	size_t i;

	for (i = 1; i < n; i++)
		if (cmp(&g[i - 1], &g[i]) > 0)
			return 0;
	return 1;
}

static const uint64_t pow10_u64[] = { 1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
	10000000ull, 100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
	10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
	100000000000000000ull, 1000000000000000000ull };

/* The text of group item SRC as first seen (in BUF, 48 bytes, or in the table). */
static const char *item_text(const struct col *c, size_t src, char *buf, size_t *len)
{
	if (src < c->enc.nrun) {
		const struct sc_run *r = &c->enc.run[src];
		*len = cc_text(r->key, sc_tag(r), buf);
		return buf;
	}
	return tally_key(c->h, src - c->enc.nrun, len);
}

/* The values of a Number column's N items (the first NE coded): as integers at one scale in
 * G[i].hi with 1 and the scale in *EMIN when all fit in 18 digits, else as decnums in c->nums
 * (digits in DIG, room for the table's keys and 19 per code) with 0. Sets c->places. */
static int num_keys(struct col *c, size_t ne, size_t n, char *dig, long *emin)
{
	struct cc_num *cn = xmalloc((n ? n : 1) * sizeof *cn);
	size_t i, len;
	int keyed = 1, first = 1;
	long e = 0;

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
		if (x->places > c->places)
			c->places = x->places;
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
		c->nums = xmalloc((n ? n : 1) * sizeof *c->nums);
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
	char *s;

	if (big_set_digits(&b, d->dig, d->nd) < 0)
		msg_nomem();
	if (!(s = big_to_text(&b, d->neg, d->exp)))
		msg_nomem();
	big_free(&b);
	return s;
}

static char *scaled_text(int64_t v, long e)
{
	struct big b = BIG_INIT;
	char *s;

	if (big_set_u64(&b, v < 0 ? -(uint64_t)v : (uint64_t)v) < 0 || !(s = big_to_text(&b, v < 0, e)))
		msg_nomem();
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
	return xstrdup(buf);
}

/* The canonical value of table key I of a Number column (digits to DIG). */
static void key_num(const struct col *c, size_t i, char *dig, struct cc_num *x)
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
 * per-item record. 0 when the column needs the general way. */
static int finish_fast(const struct conf *cf, struct col *c, size_t ne, size_t ns, const uint64_t *counts, char *dig)
{
	size_t n = ne + ns, i, j, len, want = n < (size_t)cf->nfreq ? n : (size_t)cf->nfreq;
	const struct sc_run *run = c->enc.run;
	struct sc_raw *kv;
	struct walk w;
	const uint64_t sign = (uint64_t)1 << 63;
	long emin = 0;
	int first = 1;
	char buf[48];

	if (n == 0)
		return 0;
	if (c->type == T_NUM) {
		/* the common scale: the smallest exponent as written (the codes of one tag, sorted by
		 * key, share theirs); every value must fit 18 digits at it */
		for (i = 0; i < ne; i = j) {
			uint64_t t = sc_tag(&run[i]);
			long e = cc_exp(t);

			j = tag_end(run, i, ne);
			if (-e > c->places)
				c->places = -e;
			if (run[j - 1].key && (first || e < emin)) {
				emin = e;
				first = 0;
			}
		}
		for (i = 0; i < ns; i++) {
			struct cc_num x;

			key_num(c, i, dig, &x);
			if (x.places > c->places)
				c->places = x.places;
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
	w.heap = xmalloc((want ? want : 1) * sizeof *w.heap);
	if (ns == 0) {
		/* codes in value order already (ids, times, one written form): group as they come */
		int ordered = 1;

		w.sv = xmalloc(n * sizeof *w.sv);
		for (i = 0; i < ne && ordered; i = j) {
			uint64_t t = sc_tag(&run[i]), k, p = 0;
			int64_t mul = c->type == T_DT && CC_NI(t) == 0 ? 86400 : 1;

			j = tag_end(run, i, ne);
			if (c->type == T_NUM && run[j - 1].key)
				p = pow10_u64[cc_exp(t) - emin];
			for (k = i; k < j; k++) {
				int64_t v;

				if (c->type == T_NUM) {
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
	kv = xmalloc(n * sizeof *kv);
	for (i = 0; i < ne; i = j) {
		uint64_t t = sc_tag(&run[i]), k;

		j = tag_end(run, i, ne);
		if (c->type == T_NUM) {
			/* a tag of zeros only may be below the scale */
			uint64_t p = run[j - 1].key ? pow10_u64[cc_exp(t) - emin] : 0;

			for (k = i; k < j; k++) {
				int64_t v = (int64_t)(run[k].key * p);

				kv[k].key = (uint64_t)(CC_SIGN(t) == 1 ? -v : v) ^ sign;
				kv[k].aux = k;
			}
		} else {
			int64_t mul = c->type == T_DT && CC_NI(t) == 0 ? 86400 : 1;

			for (k = i; k < j; k++) {
				kv[k].key = (uint64_t)((int64_t)(run[k].key - CC_BIAS) * mul) ^ sign;
				kv[k].aux = k;
			}
		}
	}
	for (i = ne; i < n; i++) {
		int64_t v = 0;

		if (c->type == T_NUM) {
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
				if (c->type == T_DT)
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
		struct sc_raw *tmp = xmalloc(n * sizeof *tmp);

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
	c->ng = c->unique = w.ng;
	qsort(w.heap, w.nheap, sizeof *w.heap, by_freq);
	c->nfreqv = w.nheap;
	c->freq = w.heap;
	c->ftext = xmalloc((w.nheap ? w.nheap : 1) * sizeof *c->ftext);
	c->flen = xmalloc((w.nheap ? w.nheap : 1) * sizeof *c->flen);
	for (i = 0; i < w.nheap; i++) {
		const char *k = item_text(c, w.heap[i].src, buf, &len);

		c->ftext[i] = xmemdup(k, len + 1);
		c->flen[i] = len;
	}
	switch (c->type) {
	case T_NUM:
		if (stats_scaled(w.sv, c->ng, emin, &c->st) < 0)
			msg_nomem();
		c->has_num = 1;
		c->min = scaled_text(w.sv[0].v, emin);
		c->max = scaled_text(w.sv[c->ng - 1].v, emin);
		break;
	case T_DATE:
		c->min = date_text(w.sv[0].v);
		c->max = date_text(w.sv[c->ng - 1].v);
		break;
	default:
		c->min = xstrdup(item_text(c, w.src_min, buf, &len));
		c->max = xstrdup(item_text(c, w.src_max, buf, &len));
		break;
	}
	if (kv)
		free(kv);
	else
		free(w.sv);
	return 1;
}

/* Types, typed distinct values and statistics of column C from its distinct codes and strings. */
static void finish_col(const struct conf *cf, struct col *c)
{
	size_t ns = tally_count(c->h), ne, n, i, j, len, total = 0;
	int mask = M_BOOL | M_NUM | M_DATE | M_DT, keyed = 1;
	char *dig, buf[48];
	uint64_t nn = 0, *counts;
	long emin = 0;
	struct group *g;

	if (sc_finish(&c->enc) < 0)
		msg_nomem();
	ne = c->enc.nrun;
	n = ne + ns;
	c->minlen = (size_t)-1;
	if (ne) {
		c->len = c->elen;
		c->minlen = c->eminlen;
	}
	nn = c->ncoded;
	for (i = 0; i < ne; i = tag_end(c->enc.run, i, ne)) {
		uint64_t t = sc_tag(&c->enc.run[i]);

		mask &= CC_SIGN(t) != 3 ? M_NUM : CC_NI(t) == 0 ? M_DATE | M_DT : M_DT;
	}
	counts = xmalloc((ns ? ns : 1) * sizeof *counts);
	tally_counts(c->h, counts);
	for (i = 0; i < ns; i++) {
		tally_key(c->h, i, &len);
		total += len;
		nn += counts[i];
	}
	c->nonnulls = nn;
	c->digits = dig = xmalloc(total + 19 * ne + 1);
	for (i = 0; i < ns; i++) {
		const char *k = tally_key(c->h, i, &len);
		size_t w = nchars(k, len);
		if (w > c->len)
			c->len = w;
		if (w < c->minlen)
			c->minlen = w;
		if (cf->infer && mask)
			mask &= cell_mask(cf, k, len, dig, mask);
	}
	c->has_len = n > 0;
	if (!c->has_len)
		c->minlen = 0;
	c->type = !cf->infer ? T_TEXT : mask & M_BOOL ? T_BOOL : mask & M_NUM ? T_NUM : mask & M_DATE ? T_DATE :
		mask & M_DT ? T_DT : T_TEXT;
	if ((c->type == T_NUM || c->type == T_DATE || c->type == T_DT) && finish_fast(cf, c, ne, ns, counts, dig)) {
		free(counts);
		goto out;
	}
	c->places = 0;
	c->g = g = xcalloc(n ? n : 1, sizeof *g);
	for (i = 0; i < n; i++) {
		g[i].count = i < ne ? c->enc.run[i].count : counts[i - ne];
		g[i].first = i < ne ? sc_index(&c->enc.run[i]) : c->srow[i - ne];
		g[i].src = i;
	}
	free(counts);
	if (c->type == T_NUM)
		keyed = num_keys(c, ne, n, dig, &emin);
	else if (c->type != T_TEXT)
		for (i = 0; i < n; i++) {
			const char *k;
			long long t = 0;
			long nsec = 0;
			int b;

			if (i < ne) {
				const struct sc_run *r = &c->enc.run[i];
				/* a date (Date or DateTime column) or a datetime (DateTime) */
				t = (long long)(r->key - CC_BIAS);
				if (c->type == T_DT && CC_NI(sc_tag(r)) == 0)
					t *= 86400;
				g[i].hi = t;
				continue;
			}
			k = tally_key(c->h, i - ne, &len);
			switch (c->type) {
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
	if (c->type != T_TEXT && n > 1) {
		int (*cmp)(const void *, const void *) = keyed ? by_key : by_num;

		sort_nums = c->nums;
		if (sorted(g, n, cmp))
			;
		else if (keyed && n > 4096)
			radix_sort(g, n);
		else
			qsort(g, n, sizeof *g, cmp);
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
	c->unique = c->ng;
	{
		size_t want = c->ng < (size_t)cf->nfreq ? c->ng : (size_t)cf->nfreq, *top;

		top = xmalloc((want ? want : 1) * sizeof *top);
		c->nfreqv = top_n(g, c->ng, want, top);
		c->freq = xmalloc((want ? want : 1) * sizeof *c->freq);
		c->ftext = xmalloc((want ? want : 1) * sizeof *c->ftext);
		c->flen = xmalloc((want ? want : 1) * sizeof *c->flen);
		for (i = 0; i < c->nfreqv; i++) {
			const char *k;

			c->freq[i] = g[top[i]];
			k = item_text(c, c->freq[i].src, buf, &len);
			c->ftext[i] = xmemdup(k, len + 1);
			c->flen[i] = len;
		}
		free(top);
	}
	if (c->ng == 0)
		goto out;
	switch (c->type) {
	case T_NUM:
		if (keyed) {
			struct stats_sval *sv = xmalloc(c->ng * sizeof *sv);
			for (i = 0; i < c->ng; i++) {
				sv[i].v = g[i].hi;
				sv[i].count = g[i].count;
			}
			if (stats_scaled(sv, c->ng, emin, &c->st) < 0)
				msg_nomem();
			free(sv);
			c->min = scaled_text(g[0].hi, emin);
			c->max = scaled_text(g[c->ng - 1].hi, emin);
		} else {
			struct stats_wval *wv = xmalloc(c->ng * sizeof *wv);
			for (i = 0; i < c->ng; i++) {
				wv[i].v = c->nums[g[i].src];
				wv[i].count = g[i].count;
			}
			if (stats_decimal(wv, c->ng, &c->st) < 0)
				msg_nomem();
			free(wv);
			c->min = num_text(&c->nums[g[0].src]);
			c->max = num_text(&c->nums[g[c->ng - 1].src]);
		}
		c->has_num = 1;
		break;
	case T_DATE:
		c->min = date_text(g[0].hi);
		c->max = date_text(g[c->ng - 1].hi);
		break;
	case T_DT:
		c->min = xstrdup(item_text(c, g[0].src, buf, &len));
		c->max = xstrdup(item_text(c, g[c->ng - 1].src, buf, &len));
		break;
	default:
		break;
	}
out:
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
}

static void free_col(struct col *c)
{
	size_t i;

	free(c->name);
	tally_free(c->h);
	free(c->srow);
	sc_free(&c->enc);
	free(c->g);
	free(c->freq);
	for (i = 0; c->ftext && i < c->nfreqv; i++)
		free(c->ftext[i]);
	free(c->ftext);
	free(c->flen);
	free(c->min);
	free(c->max);
	free(c->digits);
	free(c->nums);
	stats_dec_free(&c->st);
}

/* ---- output ---- */

static struct out *o = out_stdout;

/* Text with line breaks shown as \n and \r. */
static void put_esc(const char *p, size_t len)
{
	size_t i, s = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '\n' || p[i] == '\r') {
			out_write(o, p + s, i - s);
			out_puts(o, p[i] == '\n' ? "\\n" : "\\r");
			s = i + 1;
		}
	}
	out_write(o, p + s, len - s);
}

/* csvkit's format_decimal: rounded to 3 places (half even), trailing zeros dropped. */
static void put_readable(const char *s)
{
	char buf[64], *t;
	const char *dot = strchr(s, '.');
	size_t n, i, intlen;
	int neg = s[0] == '-';

	if (!dot || strlen(dot + 1) <= 3) {
		out_puts(o, s);
		return;
	}
	n = (size_t)(dot - s) + 4;	/* through 3 places */
	t = n + 2 <= sizeof buf ? buf : xmalloc(n + 2);
	/* digits of s without the point, up to 3 places, one spare leading digit for the carry */
	t[0] = '0';
	intlen = (size_t)(dot - s) - (size_t)neg;
	memcpy(t + 1, s + neg, intlen);
	memcpy(t + 1 + intlen, dot + 1, 3);
	{
		const char *rest = dot + 4;
		int up = 0;
		if (*rest > '5')
			up = 1;
		else if (*rest == '5') {
			const char *z = rest + 1;
			while (*z == '0')
				z++;
			up = *z != '\0' || ((t[intlen + 3] - '0') & 1);
		}
		if (up)
			for (i = intlen + 3; ; i--) {
				if (t[i] == '9')
					t[i] = '0';
				else {
					t[i]++;
					break;
				}
			}
	}
	/* t[0..intlen+4) = carry digit, integer digits, 3 places */
	{
		size_t end = intlen + 4, start = t[0] == '0' ? 1 : 0, k;
		int nonzero = 0;

		while (end > intlen + 1 && t[end - 1] == '0')
			end--;
		for (k = start; k < end; k++)
			nonzero |= t[k] != '0';
		if (neg && nonzero)
			out_putc(o, '-');
		out_write(o, t + start, intlen + 1 - start);
		if (end > intlen + 1) {
			out_putc(o, '.');
			out_write(o, t + intlen + 1, end - intlen - 1);
		}
	}
	if (t != buf)
		free(t);
}

static void put_readable_dbl(double x)
{
	char buf[400];
	size_t n;

	if (!isfinite(x)) {
		out_puts(o, isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
		return;
	}
	n = (size_t)snprintf(buf, sizeof buf, "%.3f", x);
	while (n > 0 && buf[n - 1] == '0')
		n--;
	if (n > 0 && buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	out_puts(o, strcmp(buf, "-0") == 0 ? "0" : buf);
}

/* The shortest text that reads back as X ("2", "0.1", "1e+22"). */
static const char *shortest(double x, char *buf)
{
	size_t n = strlen(dbl_repr(x, buf));

	if (n > 2 && strcmp(buf + n - 2, ".0") == 0)
		buf[n - 2] = '\0';
	return buf;
}

static void put_u64(uint64_t v)
{
	out_printf(o, "%llu", (unsigned long long)v);
}

static const char *key_of(const struct col *c, size_t k, size_t *len)
{
	*len = c->flen[k];
	return c->ftext[k];
}

static int has_stdev(const struct col *c)
{
	return c->has_num && c->nonnulls >= 2 && !isnan(c->st.stdev);
}

static const char *const labels[] = {
	"Type of data:", "Contains null values:", "Null values:", "Non-null values:", "Unique values:",
	"Smallest value:", "Largest value:", "Sum:", "Mean:", "Median:", "StDev:", "1st quartile:",
	"3rd quartile:", "Longest value:", "Shortest value:", "Most decimal places:", "Most common values:"
};

static void label(int i)
{
	out_printf(o, "\t%-22s ", labels[i]);
}

static void report_text(const struct conf *cf, struct col *cols, size_t ncols, uint64_t rows)
{
	size_t i, k;

	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];

		out_printf(o, "%3zu. \"", c->idx + 1);
		put_esc(c->name, strlen(c->name));
		out_puts(o, "\"\n\n");
		label(0);
		out_printf(o, "%s\n", type_name[c->type]);
		label(1);
		out_puts(o, c->nulls ? "True (excluded from calculations)\n" : "False\n");
		label(2);
		put_u64(c->nulls);
		out_putc(o, '\n');
		label(3);
		put_u64(c->nonnulls);
		out_putc(o, '\n');
		label(4);
		out_printf(o, "%zu\n", c->unique);
		if (c->min) {
			label(5);
			c->has_num ? put_readable(c->min) : out_puts(o, c->min);
			out_putc(o, '\n');
			label(6);
			c->has_num ? put_readable(c->max) : out_puts(o, c->max);
			out_putc(o, '\n');
		}
		if (c->has_num) {
			label(7);
			put_readable(c->st.sum);
			out_putc(o, '\n');
			label(8);
			put_readable_dbl(c->st.mean);
			out_putc(o, '\n');
			label(9);
			put_readable(c->st.median);
			out_putc(o, '\n');
			if (has_stdev(c)) {
				label(10);
				put_readable_dbl(c->st.stdev);
				out_putc(o, '\n');
			}
			label(11);
			put_readable(c->st.q1);
			out_putc(o, '\n');
			label(12);
			put_readable(c->st.q3);
			out_putc(o, '\n');
		}
		if (c->has_len) {
			label(13);
			out_printf(o, "%zu characters\n", c->len);
			label(14);
			out_printf(o, "%zu characters\n", c->minlen);
		}
		if (c->has_num) {
			label(15);
			out_printf(o, "%ld\n", c->places);
		}
		for (k = 0; k < c->nfreqv; k++) {
			size_t len;
			const char *v = key_of(c, k, &len);
			if (k == 0)
				label(16);
			else
				out_printf(o, "\t%-22s ", "");
			put_esc(v, len);
			out_printf(o, " (%llux)\n", (unsigned long long)c->freq[k].count);
		}
		out_putc(o, '\n');
	}
	(void)cf;
	out_printf(o, "Row count: %llu\n", (unsigned long long)rows);
}

static void csv_cell(const char *p, size_t len)
{
	size_t i;

	if (!memchr(p, ',', len) && !memchr(p, '"', len) && !memchr(p, '\n', len) && !memchr(p, '\r', len)) {
		out_write(o, p, len);
		return;
	}
	out_putc(o, '"');
	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			out_putc(o, '"');
		out_putc(o, p[i]);
	}
	out_putc(o, '"');
}

static void csv_str(const char *s)
{
	csv_cell(s, strlen(s));
}

static void report_csv(struct conf *cf, struct col *cols, size_t ncols, const char *file)
{
	size_t i, k;
	char buf[32];

	if (!cf->csv_header_done) {
		if (file)
			out_puts(o, "file,");
		out_puts(o, "column_id,column_name,type,nulls,nonnulls,unique,min,max,sum,mean,median,stdev,q1,q3,"
		"len,minlen,maxprecision,freq\n");
		cf->csv_header_done = 1;
	}
	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];
		struct buf fb = BUF_INIT;

		if (file) {
			csv_str(file);
			out_putc(o, ',');
		}
		out_printf(o, "%zu,", c->idx + 1);
		csv_str(c->name);
		out_printf(o, ",%s,%llu,%llu,%zu,", type_name[c->type], (unsigned long long)c->nulls,
			(unsigned long long)c->nonnulls, c->unique);
		if (c->min) {
			csv_str(c->min);
			out_putc(o, ',');
			csv_str(c->max);
		} else {
			out_putc(o, ',');
		}
		out_putc(o, ',');
		if (c->has_num) {
			out_printf(o, "%s,%s,%s,", c->st.sum, shortest(c->st.mean, buf), c->st.median);
			if (has_stdev(c))
				out_puts(o, shortest(c->st.stdev, buf));
			out_printf(o, ",%s,%s,", c->st.q1, c->st.q3);
		} else {
			out_puts(o, ",,,,,,");
		}
		if (c->has_len)
			out_printf(o, "%zu,%zu,", c->len, c->minlen);
		else
			out_puts(o, ",,");
		if (c->has_num)
			out_printf(o, "%ld", c->places);
		out_putc(o, ',');
		for (k = 0; k < c->nfreqv; k++) {
			size_t len;
			const char *v = key_of(c, k, &len);
			if ((k && buf_add(&fb, ", ", 2) < 0) || buf_add(&fb, v, len) < 0)
				msg_nomem();
		}
		csv_cell(fb.p ? fb.p : "", fb.len);
		buf_free(&fb);
		out_putc(o, '\n');
	}
}

static void json_str(const char *p, size_t len)
{
	size_t i = 0;

	out_putc(o, '"');
	while (i < len) {
		unsigned char ch = (unsigned char)p[i];
		if (ch < 0x80) {
			if (ch == '"' || ch == '\\') {
				out_putc(o, '\\');
				out_putc(o, ch);
			} else if (ch == '\n') {
				out_puts(o, "\\n");
			} else if (ch == '\r') {
				out_puts(o, "\\r");
			} else if (ch == '\t') {
				out_puts(o, "\\t");
			} else if (ch < 0x20 || ch == 0x7f) {
				out_printf(o, "\\u%04x", ch);
			} else {
				out_putc(o, ch);
			}
			i++;
		} else {
			int32_t cp;
			size_t k = utf8_decode(p + i, len - i, &cp);
			if (cp == UTF8_INVALID)
				out_puts(o, "\\ufffd");
			else
				out_write(o, p + i, k);
			i += k;
		}
	}
	out_putc(o, '"');
}

static void json_key(const char *k, int first)
{
	out_printf(o, "%s\"%s\": ", first ? "" : ", ", k);
}

static void report_json(const struct conf *cf, struct col *cols, size_t ncols)
{
	size_t i, k;
	char buf[32];

	(void)cf;
	out_putc(o, '[');
	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];
		out_puts(o, i ? ",\n  {" : "\n  {");
		json_key("column_id", 1);
		out_printf(o, "%zu", c->idx + 1);
		json_key("column_name", 0);
		json_str(c->name, strlen(c->name));
		json_key("type", 0);
		out_printf(o, "\"%s\"", type_name[c->type]);
		json_key("nulls", 0);
		put_u64(c->nulls);
		json_key("nonnulls", 0);
		put_u64(c->nonnulls);
		json_key("unique", 0);
		out_printf(o, "%zu", c->unique);
		json_key("min", 0);
		if (!c->min)
			out_puts(o, "null");
		else if (c->has_num)
			out_puts(o, c->min);
		else
			json_str(c->min, strlen(c->min));
		json_key("max", 0);
		if (!c->max)
			out_puts(o, "null");
		else if (c->has_num)
			out_puts(o, c->max);
		else
			json_str(c->max, strlen(c->max));
		json_key("sum", 0);
		out_puts(o, c->has_num ? c->st.sum : "null");
		json_key("mean", 0);
		out_puts(o, c->has_num && isfinite(c->st.mean) ? shortest(c->st.mean, buf) : "null");
		json_key("median", 0);
		out_puts(o, c->has_num ? c->st.median : "null");
		json_key("stdev", 0);
		out_puts(o, has_stdev(c) && isfinite(c->st.stdev) ? shortest(c->st.stdev, buf) : "null");
		json_key("q1", 0);
		out_puts(o, c->has_num ? c->st.q1 : "null");
		json_key("q3", 0);
		out_puts(o, c->has_num ? c->st.q3 : "null");
		json_key("len", 0);
		c->has_len ? out_printf(o, "%zu", c->len) : out_puts(o, "null");
		json_key("minlen", 0);
		c->has_len ? out_printf(o, "%zu", c->minlen) : out_puts(o, "null");
		json_key("maxprecision", 0);
		c->has_num ? out_printf(o, "%ld", c->places) : out_puts(o, "null");
		json_key("freq", 0);
		out_putc(o, '[');
		for (k = 0; k < c->nfreqv; k++) {
			size_t len;
			const char *v = key_of(c, k, &len);
			out_puts(o, k ? ", {\"value\": " : "{\"value\": ");
			json_str(v, len);
			out_printf(o, ", \"count\": %llu}", (unsigned long long)c->freq[k].count);
		}
		out_puts(o, "]}");
	}
	out_puts(o, ncols ? "\n]" : "]");
}

/* One statistic per column, as csvkit's print_one. */
static void report_one(const struct conf *cf, struct col *cols, size_t ncols)
{
	size_t i, k;

	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];

		if (ncols > 1)
			out_printf(o, "%3zu. %s: ", c->idx + 1, c->name);
		switch (cf->one) {
		case O_NULLS:
			put_u64(c->nulls);
			break;
		case O_UNIQUE:
			out_printf(o, "%zu", c->unique);
			break;
		case O_MIN:
		case O_MAX: {
			const char *v = cf->one == O_MIN ? c->min : c->max;
			if (!v)
				out_puts(o, "None");
			else if (c->has_num)
				put_readable(v);
			else
				out_puts(o, v);
			break;
		}
		case O_SUM:
		case O_MEDIAN:
			if (c->has_num)
				put_readable(cf->one == O_SUM ? c->st.sum : c->st.median);
			else
				out_puts(o, "None");
			break;
		case O_MEAN:
			if (c->has_num)
				put_readable_dbl(c->st.mean);
			else
				out_puts(o, "None");
			break;
		case O_STDEV:
			if (has_stdev(c))
				put_readable_dbl(c->st.stdev);
			else
				out_puts(o, "None");
			break;
		case O_LEN:
			if (c->has_len)
				out_printf(o, "%zu", c->len);
			else
				out_puts(o, "None");
			break;
		case O_FREQ:
			out_puts(o, "{ ");
			for (k = 0; k < c->nfreqv; k++) {
				size_t len;
				const char *v = key_of(c, k, &len);
				out_puts(o, k ? ", \"" : "\"");
				put_esc(v, len);
				out_printf(o, "\": %llu", (unsigned long long)c->freq[k].count);
			}
			out_puts(o, " }");
			break;
		}
		out_putc(o, '\n');
	}
}

/* ---- columns ---- */

static char *letter_name(size_t i)
{
	size_t reps = i / 26 + 1, k;
	char *s = xmalloc(reps + 1);

	for (k = 0; k < reps; k++)
		s[k] = (char)('a' + i % 26);
	s[reps] = '\0';
	return s;
}

/* Column indices of LIST ("name,3,5-7") among NAMES; -1 after a message on a bad item. */
static long resolve(const char *list, char **names, size_t n, const char *file, size_t **idx, size_t *nidx)
{
	char *copy = xstrdup(list), *item, *save = NULL;
	size_t cap = 16;

	*nidx = 0;
	*idx = xmalloc(cap * sizeof **idx);
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		size_t i, lo = 0, hi = 0;
		char *end;
		int found = 0;

		for (i = 0; i < n; i++)
			if (strcmp(names[i], item) == 0) {
				lo = hi = i + 1;
				found = 1;
				break;
			}
		if (!found) {
			/* N, N-M, N-, -M (and N:M), as csvkit reads them */
			const char *q = item;
			unsigned long a = 1, b;
			int ok = 1;

			if (*q >= '0' && *q <= '9') {
				a = strtoul(q, &end, 10);
				q = end;
			} else if (*q != '-' && *q != ':') {
				ok = 0;
			}
			b = a;
			if (ok && (*q == '-' || *q == ':')) {
				q++;
				b = n;
				if (*q >= '0' && *q <= '9') {
					b = strtoul(q, &end, 10);
					q = end;
				} else if (q == item + 1) {
					ok = 0;	/* "-" alone */
				}
			}
			if (!ok || *q || a < 1 || b < a || b > n) {
				msg_warnat(file, 0, "no column '%s' (%zu columns)", item, n);
				free(copy);
				free(*idx);
				*idx = NULL;
				return -1;
			}
			lo = a;
			hi = b;
		}
		for (i = lo; i <= hi; i++) {
			size_t j;

			for (j = 0; j < *nidx && (*idx)[j] != i - 1; j++)
				;
			if (j < *nidx)
				continue;
			if (*nidx == cap)
				*idx = xrealloc(*idx, (cap *= 2) * sizeof **idx);
			(*idx)[(*nidx)++] = i - 1;
		}
	}
	free(copy);
	return 0;
}

/* ---- one file ---- */

/* Distinct strings beyond which a column's cells that have a code are counted by sorting: the
 * string table stays small enough for the cache, the sorted codes take the many. */
#define TO_CODES 16384

/* Move the coded strings of C's table to its sorted codes; code its cells from now on. */
static void to_codes(struct col *c)
{
	size_t n = tally_count(c->h), i, nr = 0, nk = 0, len;
	struct sc_run *r = xmalloc(n * sizeof *r);
	struct tally *h = tally_new();
	uint64_t *counts = xmalloc(n * sizeof *counts), *srow = xmalloc(n * sizeof *srow);

	if (!h)
		msg_nomem();
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
				msg_nomem();
			srow[nk++] = c->srow[i];
		}
	}
	if (sc_add_runs(&c->enc, r, nr) < 0)
		msg_nomem();
	tally_free(c->h);
	c->h = h;
	free(c->srow);
	c->srow = srow;
	c->nsrow = nk;
	c->capsrow = n;
	c->coded = 1;
	free(counts);
	free(r);
}

static int stat_file(struct conf *cf, const char *path)
{
	struct in *in = in_open(path);
	struct csv *csv;
	struct csv_rec r;
	char **names = NULL;
	size_t ncolfile = 0, ncols = 0, i, *sel = NULL, nsel = 0;
	struct col *cols = NULL;
	uint64_t rows = 0, ragged = 0;
	unsigned long long rag_line = 0;
	size_t rag_n = 0;
	int k, status = CB_OK, have_header = 0, code;
	const char *name = !strcmp(path, "-") ? "(standard input)" : path;

	if (!in) {
		msg_warn("%s: %s", name, strerror(errno));
		return CB_ERR;
	}
	if (!(csv = csv_new_in(in, cf->delim, cf->quote)))
		msg_nomem();
	while ((k = csv_next(csv, &r)) == 1) {
		struct col *c;

		if (!have_header) {
			if (r.n == 0 && cf->header)
				continue;
			have_header = 1;
			ncolfile = r.n;
			names = xcalloc(ncolfile ? ncolfile : 1, sizeof *names);
			for (i = 0; i < ncolfile; i++)
				names[i] = cf->header ? xmemdup(r.f[i].p, r.f[i].len + 1) : letter_name(i);
			/* selection */
			if (cf->cols) {
				if (resolve(cf->cols, names, ncolfile, name, &sel, &nsel) < 0) {
					status = CB_ERR;
					goto done;
				}
			} else {
				sel = xmalloc((ncolfile ? ncolfile : 1) * sizeof *sel);
				for (i = 0; i < ncolfile; i++)
					sel[i] = i;
				nsel = ncolfile;
			}
			if (cf->notcols) {
				size_t *ex, nex, j, m = 0;
				if (resolve(cf->notcols, names, ncolfile, name, &ex, &nex) < 0) {
					status = CB_ERR;
					goto done;
				}
				for (i = 0; i < nsel; i++) {
					for (j = 0; j < nex && ex[j] != sel[i]; j++)
						;
					if (j == nex)
						sel[m++] = sel[i];
				}
				nsel = m;
				free(ex);
			}
			ncols = nsel;
			cols = xcalloc(ncols ? ncols : 1, sizeof *cols);
			for (i = 0; i < ncols; i++) {
				cols[i].idx = sel[i];
				cols[i].name = xstrdup(names[sel[i]]);
				if (!(cols[i].h = tally_new()))
					msg_nomem();
				cols[i].eminlen = (size_t)-1;
			}
			if (cf->header)
				continue;
		}
		rows++;
		if (r.n != ncolfile && r.n != 0) {
			if (ragged++ == 0) {
				rag_line = r.line;
				rag_n = r.n;
			}
			if (cf->strict) {
				msg_warnat(name, r.line, "%zu fields, header has %zu", r.n, ncolfile);
				status = CB_ERR;
				goto done;
			}
		}
		if (cf->count_only)
			continue;
		/* code what has a code; hash the rest and prefetch its slot, then count: the cache
		 * misses overlap */
		code = cf->code && rows <= SC_MAXIDX;
		for (i = 0, c = cols; i < ncols; i++, c++) {
			const struct csv_field *f;
			uint64_t key, tag;

			c->cell = NULL;
			if (c->idx >= r.n) {
				c->nulls++;
				continue;
			}
			f = &r.f[c->idx];
			if (is_null(cf, f->p, f->len)) {
				c->nulls++;
				continue;
			}
			if (c->coded && code && cc_encode(f->p, f->len, &key, &tag)) {
				if (sc_add(&c->enc, key, tag, rows) < 0)
					msg_nomem();
				c->ncoded++;
				if (f->len > c->elen)
					c->elen = f->len;
				if (f->len < c->eminlen)
					c->eminlen = f->len;
				continue;
			}
			c->cell = f;
			tally_prep(c->h, f->p, f->len, &c->hint);
		}
		for (i = 0, c = cols; i < ncols; i++, c++) {
			int added;

			if (!c->cell)
				continue;
			if ((added = tally_add_hint(c->h, c->cell->p, c->cell->len, &c->hint)) < 0)
				msg_nomem();
			if (added) {
				if (c->nsrow == c->capsrow) {
					c->capsrow = c->capsrow ? c->capsrow * 2 : 16;
					c->srow = xrealloc(c->srow, c->capsrow * sizeof *c->srow);
				}
				c->srow[c->nsrow++] = rows;
				if (c->nsrow > TO_CODES && code && !c->coded)
					to_codes(c);
			}
		}
	}
	if (k < 0) {
		if (csv_error(csv) == CSV_EQUOTE)
			msg_warnat(name, csv_errline(csv), "unterminated quoted field");
		else if (csv_error(csv) == CSV_EREAD)
			msg_warn("%s: %s", name, in_error(in));
		else
			msg_nomem();
		status = CB_ERR;
		goto done;
	}
	if (ragged)
		msg_warnat(name, rag_line, "%zu fields, header has %zu (%llu ragged row%s)", rag_n, ncolfile,
			(unsigned long long)ragged, ragged == 1 ? "" : "s");
	if (cf->nfiles > 1 && cf->fmt == F_TEXT)
		out_printf(o, "%s==> %s <==\n", cf->printed ? "\n" : "", name);
	cf->printed = 1;
	if (cf->count_only) {
		out_printf(o, "%llu\n", (unsigned long long)rows);
		goto done;
	}
	for (i = 0; i < ncols; i++)
		finish_col(cf, &cols[i]);
	if (cf->one)
		report_one(cf, cols, ncols);
	else if (cf->fmt == F_CSV)
		report_csv(cf, cols, ncols, cf->nfiles > 1 ? name : NULL);
	else if (cf->fmt == F_JSON) {
		report_json(cf, cols, ncols);
		if (cf->nfiles == 1)
			out_putc(o, '\n');
	}
	else
		report_text(cf, cols, ncols, rows);
done:
	for (i = 0; i < ncols; i++)
		free_col(&cols[i]);
	free(cols);
	for (i = 0; i < ncolfile; i++)
		free(names[i]);
	free(names);
	free(sel);
	csv_free(csv);
	in_close(in);
	return status;
}

static int one_char(const struct optstate *st, const char *arg, int *c)
{
	if (strcmp(arg, "\\t") == 0 || strcmp(arg, "tab") == 0) {
		*c = '\t';
		return 0;
	}
	if (strlen(arg) != 1 || arg[0] == '\n' || arg[0] == '\r') {
		msg_usage(st, "%s needs one character, not '%s'", st->name, arg);
		return -1;
	}
	*c = (unsigned char)arg[0];
	return 0;
}

int csvstat_main(int argc, char **argv)
{
	struct optstate st;
	struct conf cf;
	int c, status = CB_OK, i;
	const char *stdin_only[] = { "-" };
	char **files;

	/* Big tables come and go per column: keep freed memory for the next one instead of
	 * returning it, so its pages are not faulted in and zeroed again. */
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	memset(&cf, 0, sizeof cf);
	cf.delim = ',';
	cf.quote = '"';
	cf.header = 1;
	cf.infer = 1;
	cf.nfreq = 5;
	cf.fmt = F_TEXT;
	cf.nullv = xmalloc((size_t)(argc + 1) * sizeof *cf.nullv);
	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END) {
		switch (c) {
		case 'C':
			cf.notcols = st.arg;
			break;
		case 'c':
			cf.cols = st.arg;
			break;
		case O_COUNT:
			cf.count_only = 1;
			break;
		case O_CSV:
		case O_JSON:
			if (cf.fmt != F_TEXT && cf.fmt != (c == O_CSV ? F_CSV : F_JSON)) {
				free(cf.nullv);
				return msg_usage(&st, "--csv and --json exclude each other");
			}
			cf.fmt = c == O_CSV ? F_CSV : F_JSON;
			break;
		case O_DATEFMT:
			cf.datefmt = st.arg;
			break;
		case 'd':
			if (one_char(&st, st.arg, &cf.delim) < 0) {
				free(cf.nullv);
				return CB_ERR;
			}
			break;
		case 't':
			cf.delim = '\t';
			break;
		case 'q':
			if (one_char(&st, st.arg, &cf.quote) < 0) {
				free(cf.nullv);
				return CB_ERR;
			}
			break;
		case 'H':
			cf.header = 0;
			break;
		case 'I':
			cf.infer = 0;
			break;
		case 'n': {
			char *end;
			long v = strtol(st.arg, &end, 10);
			if (end == st.arg || *end || v < 1 || v > 1000000000L) {
				free(cf.nullv);
				return msg_usage(&st, "invalid count for %s: '%s'", st.name, st.arg);
			}
			cf.nfreq = (int)v;
			break;
		}
		case O_NULLVALUE:
			cf.nullv[cf.nnullv++] = st.arg;
			break;
		case O_STRICT:
			cf.strict = 1;
			break;
		case O_NULLS: case O_UNIQUE: case O_MIN: case O_MAX: case O_SUM: case O_MEAN:
		case O_MEDIAN: case O_STDEV: case O_LEN: case O_FREQ:
			if (cf.one && cf.one != c) {
				free(cf.nullv);
				return msg_usage(&st, "only one statistic may be asked for (--mean, --median, ...)");
			}
			cf.one = c;
			break;
		default:
			free(cf.nullv);
			return msg_option(&st, c);
		}
	}
	if (cf.delim == cf.quote) {
		free(cf.nullv);
		return msg_usage(&st, "the delimiter and the quote character must differ");
	}
	if (cf.one && cf.fmt != F_TEXT) {
		free(cf.nullv);
		return msg_usage(&st, "a single statistic cannot be printed as --csv or --json");
	}
	if (cf.one && cf.count_only) {
		free(cf.nullv);
		return msg_usage(&st, "--count and a single statistic exclude each other");
	}
	cf.code = cf.infer && !cf.datefmt;
	files = st.argc ? st.argv : (char **)stdin_only;
	cf.nfiles = st.argc ? st.argc : 1;
	if (cf.fmt == F_JSON && cf.nfiles > 1)
		out_putc(o, '{');
	for (i = 0; i < cf.nfiles; i++) {
		if (cf.nfiles > 1) {
			if (cf.fmt == F_JSON) {
				out_puts(o, i ? ",\n" : "\n");
				json_str(strcmp(files[i], "-") ? files[i] : "(standard input)",
					strlen(strcmp(files[i], "-") ? files[i] : "(standard input)"));
				out_puts(o, ": ");
			}
		}
		if (stat_file(&cf, files[i]) != CB_OK) {
			status = CB_ERR;
			if (cf.fmt == F_JSON && cf.nfiles > 1)
				out_puts(o, "null");
		}
	}
	if (cf.fmt == F_JSON && cf.nfiles > 1)
		out_puts(o, "\n}\n");
	free(cf.nullv);
	return status;
}
