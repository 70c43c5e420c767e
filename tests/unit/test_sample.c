/* Unit tests for lib/sample: summary values against hand-computed ones, the quickselect median
 * against sorting, the median's interval ranks, outliers, the bootstrap ratio's determinism. */
#include <stdlib.h>

#include "sample.h"
#include "unit.h"

static int near(double a, double b)
{
	double d = a - b;
	return (d < 0 ? -d : d) <= 1e-9 * (1 + (b < 0 ? -b : b));
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void test_summary(void)
{
	double x[10] = { 7, 3, 10, 1, 5, 9, 2, 8, 4, 6 }, scratch[10];
	struct sample_sum s;

	sample_summary(x, 10, scratch, &s);
	CHECK_INT(s.n, 10);
	CHECK(near(s.mean, 5.5));
	CHECK(near(s.stddev, 3.0276503540974917));
	CHECK(near(s.median, 5.5));
	CHECK(near(s.min, 1) && near(s.max, 10));
	CHECK(near(s.mad, 2.5));
	CHECK(near(s.lo, 1) && near(s.hi, 10));	/* ranks 1 and 10 for n = 10 */
	CHECK(x[0] == 7 && x[9] == 6);		/* X is left as it was */
	sample_summary(x, 1, scratch, &s);
	CHECK(near(s.mean, 7) && s.stddev == 0 && near(s.median, 7) && near(s.lo, 7) && near(s.hi, 7));
	sample_summary(x, 0, scratch, &s);
	CHECK_INT(s.n, 0);
}

static void test_ci(void)
{
	double x[100], scratch[100];
	struct sample_sum s;

	for (int i = 0; i < 100; i++)
		x[i] = 100 - i;		/* 1..100 */
	sample_summary(x, 100, scratch, &s);
	/* n = 100: ranks 50 - 9.8 and 51 + 9.8: the 40th and 61st values. */
	CHECK(near(s.lo, 40) && near(s.hi, 61));
	CHECK(near(s.median, 50.5));
}

static void test_median(void)
{
	uint64_t seed = 1;
	double x[64], y[64];

	for (int round = 0; round < 200; round++) {
		size_t n = 1 + sample_rand(&seed) % 64;
		for (size_t i = 0; i < n; i++)
			x[i] = y[i] = (double)(sample_rand(&seed) % 10);	/* many ties */
		qsort(y, n, sizeof *y, cmp);
		double want = n % 2 ? y[n / 2] : (y[n / 2 - 1] + y[n / 2]) / 2;
		CHECK(near(sample_median(x, n), want));
	}
}

static void test_outliers(void)
{
	double x[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000 }, scratch[10], same[5] = { 2, 2, 2, 2, 2 };
	struct sample_sum s;

	sample_summary(x, 10, scratch, &s);
	CHECK_INT(sample_outliers(x, 10, &s, 14.8), 1);
	x[9] = 10;
	sample_summary(x, 10, scratch, &s);
	CHECK_INT(sample_outliers(x, 10, &s, 14.8), 0);
	sample_summary(same, 5, scratch, &s);
	CHECK_INT(sample_outliers(same, 5, &s, 14.8), 0);	/* MAD 0: none */
}

static void test_ratio(void)
{
	double a[20], b[30], c[3] = { 3, 3, 3 }, d[2] = { 1.5, 1.5 }, r, lo, hi, r2, lo2, hi2;
	uint64_t seed = 7;

	CHECK_INT(sample_ratio(c, 3, d, 2, 500, 1, &r, &lo, &hi), 0);
	CHECK(near(r, 2) && near(lo, 2) && near(hi, 2));
	for (int i = 0; i < 20; i++)
		a[i] = 2.0 + (double)(sample_rand(&seed) % 100) / 1000;
	for (int i = 0; i < 30; i++)
		b[i] = 1.0 + (double)(sample_rand(&seed) % 100) / 1000;
	CHECK_INT(sample_ratio(a, 20, b, 30, 1000, 42, &r, &lo, &hi), 0);
	CHECK(lo <= r && r <= hi && lo > 1.8 && hi < 2.2);
	CHECK_INT(sample_ratio(a, 20, b, 30, 1000, 42, &r2, &lo2, &hi2), 0);
	CHECK(r == r2 && lo == lo2 && hi == hi2);	/* a fixed seed: the same interval */
	CHECK_INT(sample_ratio(a, 20, a, 20, 1000, 42, &r, &lo, &hi), 0);
	CHECK(near(r, 1) && lo <= 1 && hi >= 1);	/* a sample against itself: no difference */
	CHECK_INT(sample_ratio(a, 0, b, 30, 1000, 42, &r, &lo, &hi), -1);
	d[0] = d[1] = 0;
	CHECK_INT(sample_ratio(c, 3, d, 2, 10, 1, &r, &lo, &hi), -1);
}

int main(void)
{
	test_summary();
	test_ci();
	test_median();
	test_outliers();
	test_ratio();
	return unit_done("sample");
}
