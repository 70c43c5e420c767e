/* stats: order statistics and moments as Python's statistics module gives them: median,
 * quantiles (method='inclusive'), mean and sample standard deviation correctly rounded; over
 * doubles, and over exact decimals with counts (a column's distinct values).
 * Functions returning char * return malloc'd text the caller frees. */
#ifndef COOKBOX_STATS_H
#define COOKBOX_STATS_H

#include <stddef.h>
#include <stdint.h>
#include "decimal.h"

/* statistics.median of SORTED[0..N) (N > 0). */
double stats_median(const double *sorted, size_t n);
/* statistics.quantiles(SORTED, n=K, method='inclusive'): K-1 cut points into OUT; with one
 * value every cut point is that value (as Python 3.13). -1 when N == 0 or K < 1. */
int stats_quantiles(const double *sorted, size_t n, int k, double *out);
/* statistics.mean of X[0..N), correctly rounded (N > 0). NAN on ENOMEM. */
double stats_mean(const double *x, size_t n);
/* statistics.stdev of X[0..N) (a sample, N >= 2), correctly rounded. NAN on ENOMEM. */
double stats_stdev(const double *x, size_t n);

/* A distinct value and how many times it occurs. */
struct stats_wval {
	struct decnum v;
	uint64_t count;
};

struct stats_dec {
	char *sum, *median, *q1, *q3;	/* exact, plain decimal text */
	double mean, stdev;		/* correctly rounded; stdev NAN when fewer than 2 values */
};

/* The statistics of the values V[0..N) (ascending, distinct, counts > 0, N > 0) into *OUT:
 * 0, or -1 with errno ENOMEM. stats_dec_free releases the text. */
int stats_decimal(const struct stats_wval *v, size_t n, struct stats_dec *out);
void stats_dec_free(struct stats_dec *s);

/* A distinct value as an integer multiple of a common power of ten, |v| < 10^18. */
struct stats_sval {
	int64_t v;
	uint64_t count;
};

/* The same statistics of V[0..N) (ascending, distinct, counts > 0, N > 0) scaled by 10^E:
 * the results are those stats_decimal gives for the same values. */
int stats_scaled(const struct stats_sval *v, size_t n, long e, struct stats_dec *out);

#endif
