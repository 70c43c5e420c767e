/* cellcode: compact codes for CSV cells that are decimal numbers of up to 19 digits, ISO 8601
 * dates (YYYY-MM-DD) or ISO datetimes without fraction or offset (YYYY-MM-DD[T ]HH:MM[:SS]): a
 * 64-bit key and a 26-bit tag that together give the cell's text back, so distinct codes are
 * distinct strings; counted by sorting where hashing every cell's text would cost more. Also
 * the proleptic Gregorian day arithmetic of ISO dates. No allocation.
 *
 * Number tag: sign (2 bits: none, -, +), integer digits (5), fraction digits (5), a point (1),
 * the exponent's letter and sign (3: none, e, e+, e-, E, E+, E-) and its value (10, written
 * without leading zeros); key: the digits as one integer, so within one tag the keys order the
 * magnitudes. Sign 3 marks a date (integer digits 0, key days since 1970-01-01) or a datetime
 * (integer digits 1; point: a space before the time; exponent field: has seconds; key seconds
 * since 1970-01-01T00:00); both keys plus CC_BIAS, to be unsigned and ordered. */
#ifndef COOKBOX_CELLCODE_H
#define COOKBOX_CELLCODE_H

#include <stddef.h>
#include <stdint.h>

#define CC_BIAS ((uint64_t)1 << 62)
#define CC_SIGN(t) ((unsigned)((t) >> 24) & 3)
#define CC_NI(t) ((unsigned)((t) >> 19) & 31)
#define CC_NF(t) ((unsigned)((t) >> 14) & 31)
#define CC_DOT(t) ((unsigned)((t) >> 13) & 1)
#define CC_EST(t) ((unsigned)((t) >> 10) & 7)
#define CC_X(t) ((unsigned)(t) & 1023)

/* 1 and the code of P[0..LEN) (LEN > 0) if it has one, else 0. A number's
 * integer part of two or more digits never starts with 0 (such cells are text). */
int cc_encode(const char *p, size_t len, uint64_t *key, uint64_t *tag);
/* The text of a code into BUF (48 bytes), NUL-terminated; its length. */
size_t cc_text(uint64_t key, uint64_t tag, char *buf);

/* A number's value, (-1)^neg * coef * 10^exp with coef free of trailing zeros (zero: 0, 0, 0),
 * the digits of coef, and the decimal places as written (1.50 has 2, 1e3 has 0). */
struct cc_num {
	uint64_t coef;
	long exp;
	int neg, nd;
	long places;
};

/* The value of a number code. */
void cc_value(uint64_t key, uint64_t tag, struct cc_num *n);
/* A number code's exponent as written: the value is the key times 10^exp. */
long cc_exp(uint64_t tag);

/* The value of the two decimal digits at P, or -1. */
int cc_dig2(const char *p);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long long cc_days(long long y, int m, int d);
void cc_civil(long long days, long long *y, int *m, int *d);
/* Y-M-D is a date (year 1 or later). */
int cc_valid_ymd(int y, int m, int d);
/* 1 and the days of the YYYY-MM-DD at P (10 bytes readable) if it is a valid date, else 0. */
int cc_iso_date(const char *p, long long *days);

#endif
