/* stats: Python statistics' median, quantiles (inclusive) and correctly rounded mean and
 * stdev, from exact sums: decimal values are summed per exponent in 256-bit accumulators
 * (no overflow before 2^64 values) and combined in arbitrary precision at the end. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

__extension__ typedef unsigned __int128 u128;

double stats_median(const double *s, size_t n)
{
	if (n % 2)
		return s[n / 2];
	return (s[n / 2 - 1] + s[n / 2]) / 2;
}

int stats_quantiles(const double *s, size_t n, int k, double *out)
{
	size_t m, j, delta;
	int i;

	if (n == 0 || k < 1)
		return -1;
	for (i = 1; i < k; i++) {
		if (n == 1) {
			out[i - 1] = s[0];
			continue;
		}
		m = n - 1;
		j = (size_t)i * m / (size_t)k;
		delta = (size_t)i * m - j * (size_t)k;
		out[i - 1] = (s[j] * (double)((size_t)k - delta) + s[j + 1] * (double)delta) / k;
	}
	return 0;
}

/* X[0..N) as integers times 2^*E: S = sum, Q = sum of squares (at 2^(2E)). */
static int dbl_sums(const double *x, size_t n, struct big *s, int *sneg, struct big *q, long *e)
{
	struct big t = BIG_INIT, t2 = BIG_INIT;
	long emin = 0;
	size_t i;
	int ex, first = 1, r = -1;

	for (i = 0; i < n; i++) {
		if (x[i] == 0 || !isfinite(x[i]))
			continue;
		frexp(x[i], &ex);
		if (first || ex - 53 < emin)
			emin = ex - 53;
		first = 0;
	}
	*sneg = 0;
	for (i = 0; i < n; i++) {
		double f;
		if (x[i] == 0 || !isfinite(x[i]))
			continue;
		f = frexp(fabs(x[i]), &ex);
		if (big_set_u64(&t, (uint64_t)ldexp(f, 53)) < 0 || big_shl(&t, (unsigned long)(ex - 53 - emin)) < 0 ||
		    big_add_signed(s, sneg, &t, x[i] < 0) < 0 || big_mul(&t2, &t, &t) < 0 || big_add(q, &t2) < 0)
			goto out;
	}
	*e = emin;
	r = 0;
out:
	big_free(&t);
	big_free(&t2);
	return r;
}

double stats_mean(const double *x, size_t n)
{
	struct big s = BIG_INIT, q = BIG_INIT;
	long e;
	int neg;
	double r = NAN;

	if (dbl_sums(x, n, &s, &neg, &q, &e) == 0)
		r = big_ratio_double(&s, neg, 0, e, n, 1);
	big_free(&s);
	big_free(&q);
	return r;
}

/* sqrt((N*Q - S^2) * 10^(2*E10) * 2^(2*E2) / (N * (N-1))) */
static double sdev(const struct big *s, struct big *q, uint64_t n, long e10, long e2)
{
	struct big s2 = BIG_INIT;
	double r = NAN;

	if (n < 2)
		return NAN;
	if (big_mul(&s2, s, s) == 0 && big_mul_u64(q, n) == 0) {
		if (big_cmp(q, &s2) < 0)	/* cannot happen with exact sums */
			r = 0;
		else {
			big_sub(q, &s2);
			r = big_sqrt_ratio_double(q, 2 * e10, 2 * e2, n, n - 1);
		}
	}
	big_free(&s2);
	return r;
}

double stats_stdev(const double *x, size_t n)
{
	struct big s = BIG_INIT, q = BIG_INIT;
	long e;
	int neg;
	double r = NAN;

	if (n >= 2 && dbl_sums(x, n, &s, &neg, &q, &e) == 0)
		r = sdev(&s, &q, n, 0, e);
	big_free(&s);
	big_free(&q);
	return r;
}

struct acc {
	uint64_t w[4];
};

static void acc_add(struct acc *a, u128 v, int word)
{
	u128 t = (u128)a->w[word] + (uint64_t)v;
	int i;

	a->w[word] = (uint64_t)t;
	t = (t >> 64) + (u128)a->w[word + 1] + (uint64_t)(v >> 64);
	a->w[word + 1] = (uint64_t)t;
	for (i = word + 2; i < 4 && (t >> 64); i++) {
		t = (t >> 64) + a->w[i];
		a->w[i] = (uint64_t)t;
	}
}

static int acc_big(const struct acc *a, struct big *b)
{
	int i;

	b->n = 0;
	for (i = 3; i >= 0; i--) {
		struct big t = BIG_INIT;
		if (big_shl(b, 64) < 0 || big_set_u64(&t, a->w[i]) < 0 || big_add(b, &t) < 0) {
			big_free(&t);
			return -1;
		}
		big_free(&t);
	}
	return 0;
}

struct bucket {
	long exp;
	struct acc pos, neg, sq;
};

#define NBUCKETS 64

static int coef_u64(const struct decnum *v, uint64_t *c)
{
	size_t i;

	if (v->nd > 19)
		return 0;
	*c = 0;
	for (i = 0; i < v->nd; i++)
		*c = *c * 10 + (uint64_t)(v->dig[i] - '0');
	return 1;
}

/* B = V's digits * 10^SHIFT */
static int dec_big(const struct decnum *v, unsigned long shift, struct big *b)
{
	return big_set_digits(b, v->dig, v->nd) < 0 || big_mul_pow10(b, shift) < 0 ? -1 : 0;
}

/* (A*WA + B*WB) / D for D 2 or 4, as text. */
static char *lin(const struct decnum *a, uint32_t wa, const struct decnum *b, uint32_t wb, uint32_t d)
{
	struct big x = BIG_INIT, y = BIG_INIT;
	long e = a->exp < b->exp ? a->exp : b->exp;
	int neg = a->neg;
	char *r = NULL;

	if (dec_big(a, (unsigned long)(a->exp - e), &x) < 0 || big_mul_small(&x, wa) < 0 ||
	    dec_big(b, (unsigned long)(b->exp - e), &y) < 0 || big_mul_small(&y, wb) < 0 ||
	    big_add_signed(&x, &neg, &y, b->neg) < 0 || big_mul_small(&x, d == 2 ? 5 : 25) < 0)
		goto out;
	r = big_to_text(&x, neg, e - (d == 2 ? 1 : 2));
out:
	big_free(&x);
	big_free(&y);
	return r;
}

/* The value at 0-based rank R of the weighted list. */
static const struct decnum *at(const struct stats_wval *v, size_t n, uint64_t r)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (r < v[i].count)
			return &v[i].v;
		r -= v[i].count;
	}
	return &v[n - 1].v;
}

int stats_decimal(const struct stats_wval *v, size_t n, struct stats_dec *out)
{
	struct bucket *bk = NULL;
	struct big s = BIG_INIT, q = BIG_INIT, t = BIG_INIT, t2 = BIG_INIT;
	size_t i, nb = 0, last = 0;
	uint64_t total = 0, c, m;
	long emin = 0;
	int sneg = 0, r = -1, qneg = 0;

	memset(out, 0, sizeof *out);
	out->stdev = NAN;
	for (i = 0; i < n; i++) {
		total += v[i].count;
		if (v[i].v.nd && (i == 0 || v[i].v.exp < emin))
			emin = v[i].v.exp;
	}
	if (!(bk = calloc(NBUCKETS, sizeof *bk)))
		goto out;
	for (i = 0; i < n; i++) {
		const struct decnum *d = &v[i].v;
		c = v[i].count;
		if (d->nd == 0)
			continue;
		if (coef_u64(d, &m)) {
			u128 sq = (u128)m * m;
			if (nb == 0 || last >= nb || bk[last].exp != d->exp) {
				for (last = 0; last < nb && bk[last].exp != d->exp; last++)
					;
				if (last == nb && nb < NBUCKETS)
					bk[nb++].exp = d->exp;
			}
			if (last < nb) {
				acc_add(d->neg ? &bk[last].neg : &bk[last].pos, (u128)m * c, 0);
				acc_add(&bk[last].sq, (u128)(uint64_t)sq * c, 0);
				acc_add(&bk[last].sq, (u128)(uint64_t)(sq >> 64) * c, 1);
				continue;
			}
		}
		if (dec_big(d, (unsigned long)(d->exp - emin), &t) < 0 || big_mul(&t2, &t, &t) < 0 ||
		    big_mul_u64(&t, c) < 0 || big_mul_u64(&t2, c) < 0 ||
		    big_add_signed(&s, &sneg, &t, d->neg) < 0 || big_add(&q, &t2) < 0)
			goto out;
	}
	for (i = 0; i < nb; i++) {
		unsigned long sh = (unsigned long)(bk[i].exp - emin);
		if (acc_big(&bk[i].pos, &t) < 0 || big_mul_pow10(&t, sh) < 0 || big_add_signed(&s, &sneg, &t, 0) < 0 ||
		    acc_big(&bk[i].neg, &t) < 0 || big_mul_pow10(&t, sh) < 0 || big_add_signed(&s, &sneg, &t, 1) < 0 ||
		    acc_big(&bk[i].sq, &t) < 0 || big_mul_pow10(&t, 2 * sh) < 0 || big_add_signed(&q, &qneg, &t, 0) < 0)
			goto out;
	}
	if (!(out->sum = big_to_text(&s, sneg, emin)))
		goto out;
	out->mean = big_ratio_double(&s, sneg, emin, 0, total, 1);
	if (total >= 2)
		out->stdev = sdev(&s, &q, total, emin, 0);
	if (total % 2)
		out->median = lin(at(v, n, total / 2), 1, at(v, n, total / 2), 1, 2);
	else
		out->median = lin(at(v, n, total / 2 - 1), 1, at(v, n, total / 2), 1, 2);
	if (total == 1) {
		out->q1 = lin(&v[0].v, 2, &v[0].v, 2, 4);
		out->q3 = lin(&v[0].v, 2, &v[0].v, 2, 4);
	} else {
		uint64_t mm = total - 1, j;
		uint32_t delta;
		j = mm / 4;
		delta = (uint32_t)(mm - j * 4);
		out->q1 = lin(at(v, n, j), 4 - delta, at(v, n, j + 1), delta, 4);
		j = 3 * mm / 4;
		delta = (uint32_t)(3 * mm - j * 4);
		out->q3 = lin(at(v, n, j), 4 - delta, at(v, n, j + 1), delta, 4);
	}
	if (out->median && out->q1 && out->q3)
		r = 0;
out:
	free(bk);
	big_free(&s);
	big_free(&q);
	big_free(&t);
	big_free(&t2);
	if (r < 0) {
		stats_dec_free(out);
		errno = ENOMEM;
	}
	return r;
}

void stats_dec_free(struct stats_dec *s)
{
	free(s->sum);
	free(s->median);
	free(s->q1);
	free(s->q3);
	s->sum = s->median = s->q1 = s->q3 = NULL;
}

/* (A*WA + B*WB) / D for D 2 or 4, of values scaled by 10^E, as text. */
static char *lin_scaled(int64_t a, uint32_t wa, int64_t b, uint32_t wb, uint32_t d, long e)
{
	__extension__ typedef __int128 i128;
	i128 x = ((i128)a * wa + (i128)b * wb) * (d == 2 ? 5 : 25);
	u128 m = x < 0 ? -(u128)x : (u128)x;
	struct big t = BIG_INIT, hi = BIG_INIT;
	char *r = NULL;

	if (big_set_u64(&t, (uint64_t)m) == 0 && big_set_u64(&hi, (uint64_t)(m >> 64)) == 0 &&
	    big_shl(&hi, 64) == 0 && big_add(&t, &hi) == 0)
		r = big_to_text(&t, x < 0, e - (d == 2 ? 1 : 2));
	big_free(&t);
	big_free(&hi);
	return r;
}

static int64_t at_scaled(const struct stats_sval *v, size_t n, uint64_t r)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (r < v[i].count)
			return v[i].v;
		r -= v[i].count;
	}
	return v[n - 1].v;
}

int stats_scaled(const struct stats_sval *v, size_t n, long e, struct stats_dec *out)
{
	struct acc pos, neg, sq;
	u128 ps = 0, ns = 0, qs = 0;
	uint64_t pc = 0, nc = 0, qc = 0;
	struct big s = BIG_INIT, q = BIG_INIT, t = BIG_INIT;
	size_t i;
	uint64_t total = 0;
	int sneg = 0, qneg = 0, r = -1;

	memset(out, 0, sizeof *out);
	memset(&pos, 0, sizeof pos);
	memset(&neg, 0, sizeof neg);
	memset(&sq, 0, sizeof sq);
	out->stdev = NAN;
	/* single counts in 128-bit sums (a carry counted past them), the rest the long way */
	for (i = 0; i < n; i++) {
		uint64_t m = v[i].v < 0 ? -(uint64_t)v[i].v : (uint64_t)v[i].v, c = v[i].count;
		u128 s2 = (u128)m * m;

		total += c;
		if (c == 1) {
			if (v[i].v < 0) {
				ns += m;
				nc += ns < m;
			} else {
				ps += m;
				pc += ps < m;
			}
			qs += s2;
			qc += qs < s2;
			continue;
		}
		acc_add(v[i].v < 0 ? &neg : &pos, (u128)m * c, 0);
		acc_add(&sq, (u128)(uint64_t)s2 * c, 0);
		acc_add(&sq, (u128)(uint64_t)(s2 >> 64) * c, 1);
	}
	acc_add(&pos, ps, 0);
	acc_add(&pos, pc, 2);
	acc_add(&neg, ns, 0);
	acc_add(&neg, nc, 2);
	acc_add(&sq, qs, 0);
	acc_add(&sq, qc, 2);
	if (acc_big(&pos, &t) < 0 || big_add_signed(&s, &sneg, &t, 0) < 0 ||
	    acc_big(&neg, &t) < 0 || big_add_signed(&s, &sneg, &t, 1) < 0 ||
	    acc_big(&sq, &t) < 0 || big_add_signed(&q, &qneg, &t, 0) < 0)
		goto out;
	if (!(out->sum = big_to_text(&s, sneg, e)))
		goto out;
	out->mean = big_ratio_double(&s, sneg, e, 0, total, 1);
	if (total >= 2)
		out->stdev = sdev(&s, &q, total, e, 0);
	if (total % 2)
		out->median = lin_scaled(at_scaled(v, n, total / 2), 1, at_scaled(v, n, total / 2), 1, 2, e);
	else
		out->median = lin_scaled(at_scaled(v, n, total / 2 - 1), 1, at_scaled(v, n, total / 2), 1, 2, e);
	if (total == 1) {
		out->q1 = lin_scaled(v[0].v, 2, v[0].v, 2, 4, e);
		out->q3 = lin_scaled(v[0].v, 2, v[0].v, 2, 4, e);
	} else {
		uint64_t mm = total - 1, j;
		uint32_t delta;
		j = mm / 4;
		delta = (uint32_t)(mm - j * 4);
		out->q1 = lin_scaled(at_scaled(v, n, j), 4 - delta, at_scaled(v, n, j + 1), delta, 4, e);
		j = 3 * mm / 4;
		delta = (uint32_t)(3 * mm - j * 4);
		out->q3 = lin_scaled(at_scaled(v, n, j), 4 - delta, at_scaled(v, n, j + 1), delta, 4, e);
	}
	if (out->median && out->q1 && out->q3)
		r = 0;
out:
	big_free(&s);
	big_free(&q);
	big_free(&t);
	if (r < 0) {
		stats_dec_free(out);
		errno = ENOMEM;
	}
	return r;
}
