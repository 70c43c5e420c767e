/* decimal: exact decimal numbers for sums and averages that cannot overflow: arbitrary
 * precision magnitudes (struct big), decimal text in and out, and correctly rounded doubles of
 * ratios and square roots of ratios (for means and standard deviations).
 * A struct big owns its limbs: start it with BIG_INIT, release it with big_free. Functions that
 * grow a big return 0, or -1 with errno ENOMEM (the value is then unspecified). */
#ifndef COOKBOX_DECIMAL_H
#define COOKBOX_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

struct big {
	uint32_t *d;		/* little-endian base 2^32 limbs; n == 0 is zero */
	size_t n, cap;
};

#define BIG_INIT { NULL, 0, 0 }

/* A decimal number as scanned: (-1)^neg * 0.DIGITS * 10^(exp + nd), i.e. DIGITS * 10^exp, with
 * no leading or trailing zeros in DIGITS (zero: nd 0, exp 0, neg 0). places is the number of
 * decimal places as written (1.50 has 2, 1e3 has 0, 1e-3 has 3). */
struct decnum {
	int neg;
	long exp;
	size_t nd;
	const char *dig;
	long places;
};

/* The largest |exponent| (of the first digit) dec_scan accepts. */
#define DEC_MAXEXP 100000L

/* Scan S[0..LEN) as [+-](D+[.D*]|.D+)([eE][+-]D+)? and fill *OUT, copying the significant
 * digits to DIG (LEN bytes of room). 1 if it is such a number, 0 if not; with NOLEADZERO an
 * integer part of two or more digits starting with 0 (01234) is not a number. */
int dec_scan(const char *s, size_t len, char *dig, int noleadzero, struct decnum *out);
/* -1, 0 or 1 as A < B, A == B, A > B. */
int dec_cmp(const struct decnum *a, const struct decnum *b);

void big_free(struct big *b);
int big_set_u64(struct big *b, uint64_t v);
/* B = the decimal digits D[0..N) (each '0'..'9'). */
int big_set_digits(struct big *b, const char *d, size_t n);
int big_copy(struct big *dst, const struct big *src);
int big_mul_small(struct big *b, uint32_t m);
int big_mul_u64(struct big *b, uint64_t m);
int big_mul_pow10(struct big *b, unsigned long k);
int big_shl(struct big *b, unsigned long bits);
/* B = floor(B / D) (D > 0); returns B mod D. */
uint64_t big_div_u64(struct big *b, uint64_t d);
int big_add(struct big *a, const struct big *b);
/* A = A - B, requires A >= B. */
void big_sub(struct big *a, const struct big *b);
int big_mul(struct big *r, const struct big *a, const struct big *b);
int big_cmp(const struct big *a, const struct big *b);
size_t big_bitlen(const struct big *b);

/* Signed: *A (sign *ANEG) += (sign BNEG) B. */
int big_add_signed(struct big *a, int *aneg, const struct big *b, int bneg);

/* The plain decimal text of (-1)^neg * B * 10^exp ("-12.5", "0.001", "1000"), trailing zeros
 * after the point removed; malloc'd, NULL on ENOMEM. */
char *big_to_text(const struct big *b, int neg, long exp);

/* Correctly rounded (to nearest, ties even) double of (-1)^neg * N * 10^E10 * 2^E2 / (D1 * D2),
 * D1, D2 > 0; +-HUGE_VAL when too large. */
double big_ratio_double(const struct big *n, int neg, long e10, long e2, uint64_t d1, uint64_t d2);
/* Correctly rounded double of sqrt(N * 10^E10 * 2^E2 / (D1 * D2)); E10 and E2 even. */
double big_sqrt_ratio_double(const struct big *n, long e10, long e2, uint64_t d1, uint64_t d2);

/* The shortest text that reads back as X, as Python's repr(float): "0.1", "3.0", "1e+22",
 * "nan", "inf". BUF needs 32 bytes; returns BUF. */
char *dbl_repr(double x, char *buf);

#endif
