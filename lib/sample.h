/* sample: statistics of a benchmark's repeated measurements: summary (mean, stddev, median,
 * min, max, MAD), a distribution-free 95% confidence interval of the median, outliers by
 * modified Z-score (Iglewicz and Hoaglin, hyperfine's 14.8 threshold), and the ratio of two
 * medians with a percentile-bootstrap interval from a fixed seed. Nothing here allocates
 * except sample_ratio, which allocates and frees its own scratch; nothing prints. */
#ifndef COOKBOX_SAMPLE_H
#define COOKBOX_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

struct sample_sum {
	size_t n;
	double mean, stddev;	/* stddev: the sample (n - 1) one; 0 when n < 2 */
	double median, min, max;
	double mad;		/* median absolute deviation from the median, unscaled */
	double lo, hi;		/* 95% confidence interval of the median (order statistics) */
};

/* Summarise the N values of X (X is left as it is); SCRATCH holds N doubles. N may be 0. */
void sample_summary(const double *x, size_t n, double *scratch, struct sample_sum *s);
/* The median of the N values of X, reordering X. N > 0. */
double sample_median(double *x, size_t n);
/* How many of X's N values have a modified Z-score 0.6745 |x - median| / MAD above LIMIT. */
size_t sample_outliers(const double *x, size_t n, const struct sample_sum *s, double limit);
/* median(A) / median(B) into *R with a 95% percentile-bootstrap interval [*LO, *HI] from
 * REPS resamplings seeded with SEED. 0, or -1 (ENOMEM, or an empty sample or a zero median). */
int sample_ratio(const double *a, size_t na, const double *b, size_t nb, unsigned reps,
	uint64_t seed, double *r, double *lo, double *hi);
/* splitmix64: the next value of the generator whose state is *S. */
uint64_t sample_rand(uint64_t *s);

#endif
