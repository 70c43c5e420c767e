/* test_stats: lib/stats against Python 3.11's statistics module (vectors made with a fixed seed:
 * mean, median, quantiles(method='inclusive'), stdev) and exact decimal statistics. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "stats.h"
#include "unit.h"

struct vec {
	size_t n;
	double x[40];
	double mean, median, q[3], stdev;
};

static const struct vec vecs[] = {
	{ 1, { 0x1.eb9b55e7b8f60p+7 }, 0x1.eb9b55e7b8f60p+7, 0x1.eb9b55e7b8f60p+7, { 0x1.eb9b55e7b8f60p+7, 0x1.eb9b55e7b8f60p+7, 0x1.eb9b55e7b8f60p+7 }, NAN },
	{ 2, { 0x1.045e5559f2b35p-17, -0x1.82cb45e6869cfp+9 }, -0x1.82cb45a56f07ap+8, -0x1.82cb45a56f07ap+8, { -0x1.2218745c9f106p+9, -0x1.82cb45a56f07ap+8, -0x1.82cb45233fdcfp+7 }, 0x1.1181333c97165p+9 },
	{ 3, { 0x1.19a0050baaed2p-23, 0x1.a0586a496eb0ep+9, -0x1.693b8a77c25ccp+9 }, 0x1.25ef54641fc0cp+5, 0x1.19a0050baaed2p-23, { -0x1.693b8a76a8bccp+8, 0x1.19a0050baaed2p-23, 0x1.a0586a4a8850ep+8 }, 0x1.851d46d3de67bp+9 },
	{ 4, { -0x1.d000000000000p+4, 0x1.0af1da2dbd058p-19, -0x1.0000000000000p+0, -0x1.1000000000000p+4 }, -0x1.77fffef50e25dp+3, -0x1.2000000000000p+3, { -0x1.4000000000000p+4, -0x1.2000000000000p+3, -0x1.7fffef50e25d2p-1 }, 0x1.bc76555932e87p+3 },
	{ 7, { 0x1.a000000000000p+4, -0x1.6000000000000p+3, -0x1.3b3a0cefd9030p+9, 0x1.06ead0738621fp+44, 0x1.843cc72d6b1bap-18, 0x1.57ab4c3438faep+49, 0x1.c85f9a46ad142p+47 }, 0x1.0a46054e91d9ep+47, 0x1.a000000000000p+4, { -0x1.5ffff3de19c69p+2, 0x1.a000000000000p+4, 0x1.e93cf4551dd86p+46 }, 0x1.026c5715bd7d9p+48 },
	{ 10, { -0x1.87f2772c47929p+9, -0x1.8000000000000p+4, 0x1.3800000000000p+5, -0x1.4000000000000p+5, 0x1.26863aaf1ab35p+46, 0x1.77c1753ae9b15p+49, 0x1.dc280b160fbcbp+44, 0x1.15e93c9fdc0e7p-19, -0x1.2800000000000p+5, 0x1.1b7216d7b9c92p-17 }, 0x1.55f5fd87964bcp+46, 0x1.60ec65ffb0cccp-18, { -0x1.0e00000000000p+5, 0x1.60ec65ffb0cccp-18, 0x1.651e08508c698p+44 }, 0x1.d674d6ef2febap+47 },
	{ 33, { 0x1.8000000000000p+3, -0x1.4f521fcbedcf0p+5, 0x1.1d1c5430b02b8p+49, 0x1.8000000000000p+3, -0x1.b4e42627bf471p+9, 0x1.2fe93ce833f31p+49, 0x1.4800000000000p+5, -0x1.8800000000000p+5, -0x1.c000000000000p+3, 0x1.aa5521ba2b0d2p+49, 0x1.3000000000000p+5, 0x1.5bb7ad24b8c0ap-18, 0x1.509ecac240ecep+9, 0x1.187ab1d644d0bp+49, -0x1.8aaaf59610d3ap+8, 0x1.898f0966c800bp-18, 0x1.309580a1aa1dcp+45, 0x1.bceb6d9916f11p-20, 0x1.a7371f1d6337dp+48, -0x1.8000000000000p+4, -0x1.f356e1e22f592p+9, -0x1.7000000000000p+5, -0x1.c000000000000p+2, 0x1.8000000000000p+1, 0x1.a4d744b15a83ap-20, 0x1.d3ff360f9f750p+9, 0x1.c000000000000p+4, 0x1.2b10859f3eee6p-17, 0x1.41d651bf442b6p-18, 0x1.c3632150a1f5ap+48, -0x1.6000000000000p+3, 0x1.1ab5d923a125ap+49, -0x1.fcffd7e4b966dp+8 }, 0x1.ed4dfd96cd90ep+46, 0x1.2b10859f3eee6p-17, { -0x1.c000000000000p+3, 0x1.2b10859f3eee6p-17, 0x1.d3ff360f9f750p+9 }, 0x1.ec3de600d7fecp+47 },
};

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void doubles(void)
{
	size_t i;

	for (i = 0; i < sizeof vecs / sizeof vecs[0]; i++) {
		const struct vec *v = &vecs[i];
		double s[40], q[3];

		memcpy(s, v->x, v->n * sizeof *s);
		qsort(s, v->n, sizeof *s, cmpd);
		CHECK(stats_mean(v->x, v->n) == v->mean);
		CHECK(stats_median(s, v->n) == v->median);
		CHECK(stats_quantiles(s, v->n, 4, q) == 0);
		CHECK(q[0] == v->q[0] && q[1] == v->q[1] && q[2] == v->q[2]);
		if (v->n > 1)
			CHECK(stats_stdev(v->x, v->n) == v->stdev);
		else
			CHECK(isnan(stats_stdev(v->x, v->n)));
	}
	{
		double x[] = { 0.1, 0.2, 0.3 };
		CHECK(stats_stdev(x, 3) == 0.09999999999999999);
		CHECK(stats_mean(x, 3) == 0x1.999999999999ap-3);
	}
	CHECK(stats_quantiles(NULL, 0, 4, NULL) == -1);
}

static struct stats_wval wv[8];
static char digs[8][32];

static void set(size_t i, const char *s, uint64_t count)
{
	CHECK(dec_scan(s, strlen(s), digs[i], 0, &wv[i].v) == 1);
	wv[i].count = count;
}

static void decimals(void)
{
	struct stats_dec st;

	/* 0.1, 0.2, 0.2, 0.3: exact sums, Python: mean 0.2, median 0.2, stdev 0.08164965809277261 */
	set(0, "0.1", 1);
	set(1, "0.2", 2);
	set(2, "0.3", 1);
	CHECK(stats_decimal(wv, 3, &st) == 0);
	CHECK_STR(st.sum, "0.8");
	CHECK(st.mean == 0.2);
	CHECK_STR(st.median, "0.2");
	CHECK_STR(st.q1, "0.175");
	CHECK_STR(st.q3, "0.225");
	CHECK(st.stdev == 0.08164965809277261);
	stats_dec_free(&st);

	/* 20-digit values and an exponent: -7, 1e3, 12345678901234567890 */
	set(0, "-7", 1);
	set(1, "1e3", 1);
	set(2, "12345678901234567890", 3);
	CHECK(stats_decimal(wv, 3, &st) == 0);
	CHECK_STR(st.sum, "37037036703703704663");
	CHECK(st.mean == 7.407407340740741e+18);
	CHECK_STR(st.median, "12345678901234567890");
	CHECK_STR(st.q1, "1000");
	CHECK(st.stdev == 6.762006821921766e+18);
	stats_dec_free(&st);

	/* one value */
	set(0, "-2.50", 1);
	CHECK(stats_decimal(wv, 1, &st) == 0);
	CHECK_STR(st.sum, "-2.5");
	CHECK_STR(st.median, "-2.5");
	CHECK_STR(st.q3, "-2.5");
	CHECK(isnan(st.stdev));
	stats_dec_free(&st);
}

/* stats_scaled gives what stats_decimal gives for the same values; more exponents than the
 * decimal sums keep buckets for. */
static void scaled(void)
{
	static char d[100][24];
	static struct stats_wval w[100];
	struct stats_sval sv[100];
	struct stats_dec a, b;
	uint64_t rng = 1234567;
	size_t i, n, bad = 0;
	int rep;

	for (rep = 0; rep < 200; rep++) {
		int64_t v = -(int64_t)(rng % 1000000000);

		n = 1 + rep % 97;
		for (i = 0; i < n; i++) {
			char txt[40];
			long e = -6;

			rng ^= rng << 13;
			rng ^= rng >> 7;
			rng ^= rng << 17;
			v += 1 + (int64_t)(rng % 100000000000ull);
			sv[i].v = v;
			sv[i].count = 1 + rng % (rep % 3 ? 3 : 1000000);
			snprintf(txt, sizeof txt, "%lldE%ld", (long long)v, e);
			dec_scan(txt, strlen(txt), d[i], 0, &w[i].v);
			w[i].count = sv[i].count;
		}
		if (stats_scaled(sv, n, -6, &a) < 0 || stats_decimal(w, n, &b) < 0) {
			bad++;
			continue;
		}
		if (strcmp(a.sum, b.sum) || strcmp(a.median, b.median) || strcmp(a.q1, b.q1) || strcmp(a.q3, b.q3) ||
		    a.mean != b.mean || (n > 1 || sv[0].count > 1 ? a.stdev != b.stdev : !isnan(a.stdev)))
			bad++;
		stats_dec_free(&a);
		stats_dec_free(&b);
	}
	CHECK_INT(bad, 0);

	/* squares of values near 10^18 pass 2^128 in 341 values */
	{
		static char dd[400][24];
		static struct stats_wval ww[400];
		static struct stats_sval ss[400];

		for (i = 0; i < 400; i++) {
			char txt[40];

			ss[i].v = (int64_t)(999999999999999999ll - 400 + (long long)i);
			ss[i].count = 1 + (i == 7);
			snprintf(txt, sizeof txt, "%lld", (long long)ss[i].v);
			dec_scan(txt, strlen(txt), dd[i], 0, &ww[i].v);
			ww[i].count = ss[i].count;
		}
		CHECK(stats_scaled(ss, 400, 0, &a) == 0 && stats_decimal(ww, 400, &b) == 0);
		CHECK_STR(a.sum, b.sum);
		CHECK(a.mean == b.mean && a.stdev == b.stdev);
		stats_dec_free(&a);
		stats_dec_free(&b);
	}

	/* 0.1 + 0.01 + ... + 1e-100: a hundred exponents */
	for (i = 0; i < 100; i++) {
		char txt[16];

		snprintf(txt, sizeof txt, "1e-%zu", i + 1);
		CHECK(dec_scan(txt, strlen(txt), d[99 - i], 0, &w[99 - i].v) == 1);
		w[99 - i].count = 1;
	}
	CHECK(stats_decimal(w, 100, &a) == 0);
	CHECK(strlen(a.sum) == 102 && strncmp(a.sum, "0.1111111111", 12) == 0 && a.sum[101] == '1');
	stats_dec_free(&a);
}

int main(void)
{
	doubles();
	decimals();
	scaled();
	return unit_done("stats");
}
