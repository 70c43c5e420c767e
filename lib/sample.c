/* sample: benchmark statistics (see sample.h). Median by quickselect; the median's interval
 * from binomial order statistics (normal approximation); bootstrap with splitmix64. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sample.h"

static double absd(double v)
{
	return v < 0 ? -v : v;
}

uint64_t sample_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The K-th smallest (0-based) of X's N values; X is partially reordered (Hoare selection). */
static double select_k(double *x, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		double pivot = x[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;
		while (i <= j) {
			while (x[i] < pivot)
				i++;
			while (x[j] > pivot)
				j--;
			if (i <= j) {
				double t = x[i];
				x[i] = x[j];
				x[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return x[k];
}

double sample_median(double *x, size_t n)
{
	double a = select_k(x, n, n / 2), b;

	if (n % 2)
		return a;
	/* The lower middle is the largest of the values left below the upper one. */
	b = x[0];
	for (size_t i = 1; i < n / 2; i++)
		if (x[i] > b)
			b = x[i];
	return (a + b) / 2;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void sample_summary(const double *x, size_t n, double *scratch, struct sample_sum *s)
{
	double sum = 0, ss = 0;

	memset(s, 0, sizeof *s);
	s->n = n;
	if (n == 0)
		return;
	s->min = s->max = x[0];
	for (size_t i = 0; i < n; i++) {
		sum += x[i];
		if (x[i] < s->min)
			s->min = x[i];
		if (x[i] > s->max)
			s->max = x[i];
	}
	s->mean = sum / (double)n;
	for (size_t i = 0; i < n; i++)
		ss += (x[i] - s->mean) * (x[i] - s->mean);
	s->stddev = n > 1 ? sqrt(ss / (double)(n - 1)) : 0;
	memcpy(scratch, x, n * sizeof *x);
	qsort(scratch, n, sizeof *scratch, cmp_double);
	s->median = n % 2 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
	/* Ranks j < k with P(X(j) <= median <= X(k)) >= 95%: n/2 -+ 1.96 sqrt(n)/2, 1-based. */
	{
		double h = 1.959964 * sqrt((double)n) / 2;
		double fj = (double)n / 2 - h, fk = (double)n / 2 + 1 + h;
		long j = fj < 1 ? 1 : (long)fj, k = (long)fk + ((double)(long)fk < fk);
		if (j < 1)
			j = 1;
		if (k > (long)n)
			k = (long)n;
		s->lo = scratch[j - 1];
		s->hi = scratch[k - 1];
	}
	for (size_t i = 0; i < n; i++)
		scratch[i] = absd(x[i] - s->median);
	s->mad = sample_median(scratch, n);
}

size_t sample_outliers(const double *x, size_t n, const struct sample_sum *s, double limit)
{
	size_t k = 0;

	if (s->mad <= 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (0.6745 * absd(x[i] - s->median) / s->mad > limit)
			k++;
	return k;
}

int sample_ratio(const double *a, size_t na, const double *b, size_t nb, unsigned reps,
	uint64_t seed, double *r, double *lo, double *hi)
{
	double *ra, *rb, *rs, mb;
	uint64_t st = seed;

	if (!na || !nb || !reps) {
		errno = EINVAL;
		return -1;
	}
	if (!(ra = malloc((na + nb + reps) * sizeof *ra)))
		return -1;
	rb = ra + na;
	rs = rb + nb;
	memcpy(ra, a, na * sizeof *a);
	memcpy(rb, b, nb * sizeof *b);
	mb = sample_median(rb, nb);
	if (mb == 0) {
		free(ra);
		errno = EDOM;
		return -1;
	}
	*r = sample_median(ra, na) / mb;
	for (unsigned i = 0; i < reps; i++) {
		for (size_t j = 0; j < na; j++)
			ra[j] = a[sample_rand(&st) % na];
		for (size_t j = 0; j < nb; j++)
			rb[j] = b[sample_rand(&st) % nb];
		mb = sample_median(rb, nb);
		rs[i] = mb > 0 ? sample_median(ra, na) / mb : 1e300;
	}
	qsort(rs, reps, sizeof *rs, cmp_double);
	*lo = rs[(size_t)(0.025 * (reps - 1) + 0.5)];
	*hi = rs[(size_t)(0.975 * (reps - 1) + 0.5)];
	free(ra);
	return 0;
}
