/* test_decimal: number scanning and ordering, arbitrary precision arithmetic, decimal text,
 * correctly rounded ratios and square roots (halfway cases included), Python's float repr. */
#include <math.h>
#include <stdlib.h>
#include "decimal.h"
#include "unit.h"

static char dig[64];

static int scan(const char *s, struct decnum *d)
{
	return dec_scan(s, strlen(s), dig, 1, d);
}

static char *text(const char *s)
{
	struct decnum d;
	struct big b = BIG_INIT;
	static char out[128];
	char *t;

	if (!dec_scan(s, strlen(s), dig, 0, &d))
		return strcpy(out, "(not a number)");
	big_set_digits(&b, d.dig, d.nd);
	t = big_to_text(&b, d.neg, d.exp);
	snprintf(out, sizeof out, "%s", t);
	free(t);
	big_free(&b);
	return out;
}

static void scanning(void)
{
	struct decnum d;
	static const char *const yes[] = { "0", "-0", "+1", "1.", ".5", "1e3", "1E+3", "-2.50e-1",
		"0.5", "0e0", "123456789012345678901234567890", "0.000", NULL };
	static const char *const no[] = { "", "-", "+", ".", "e3", "1e", "1e+", "1.2.3", "01", "-00.5",
		"1 ", " 1", "0x10", "inf", "nan", "1,000", "1e100001", NULL };
	int i;

	for (i = 0; yes[i]; i++)
		CHECK(scan(yes[i], &d) == 1);
	for (i = 0; no[i]; i++) {
		int r = scan(no[i], &d);
		if (r)
			fprintf(stderr, "accepted %s\n", no[i]);
		CHECK(r == 0);
	}
	CHECK(dec_scan("01", 2, dig, 0, &d) == 1);
	CHECK(scan("1.50", &d) && d.places == 2 && d.nd == 2 && d.exp == -1);
	CHECK(scan("1e3", &d) && d.places == 0 && d.nd == 1 && d.exp == 3);
	CHECK(scan("1.5e-3", &d) && d.places == 4);
	CHECK(scan("-0.0", &d) && d.nd == 0 && d.neg == 0);
	CHECK_STR(text("1.50"), "1.5");
	CHECK_STR(text("1e3"), "1000");
	CHECK_STR(text("-0.00120"), "-0.0012");
	CHECK_STR(text("12.5e-5"), "0.000125");
	CHECK_STR(text("-0"), "0");
	CHECK_STR(text("98765432109876543210.5"), "98765432109876543210.5");
}

static int cmp(const char *a, const char *b)
{
	struct decnum x, y;
	char da[64], db[64];

	dec_scan(a, strlen(a), da, 0, &x);
	dec_scan(b, strlen(b), db, 0, &y);
	return dec_cmp(&x, &y);
}

static void ordering(void)
{
	CHECK(cmp("1", "1.0") == 0);
	CHECK(cmp("1e0", "1.000") == 0);
	CHECK(cmp("0", "-0.0") == 0);
	CHECK(cmp("-1", "0") < 0);
	CHECK(cmp("0", "0.001") < 0);
	CHECK(cmp("-0.001", "0") < 0);
	CHECK(cmp("9", "10") < 0);
	CHECK(cmp("-9", "-10") > 0);
	CHECK(cmp("1.25", "1.3") < 0);
	CHECK(cmp("1.3", "1.25") > 0);
	CHECK(cmp("12345678901234567890", "12345678901234567891") < 0);
	CHECK(cmp("1e-5", "0.00001") == 0);
}

static void arithmetic(void)
{
	struct big a = BIG_INIT, b = BIG_INIT, r = BIG_INIT;
	int neg = 0;
	char *t;

	big_set_digits(&a, "340282366920938463463374607431768211456", 39);	/* 2^128 */
	CHECK_INT(big_bitlen(&a), 129);
	big_set_u64(&b, 1);
	big_sub(&a, &b);
	CHECK_INT(big_bitlen(&a), 128);
	big_mul(&r, &a, &a);
	t = big_to_text(&r, 0, 0);
	CHECK_STR(t, "115792089237316195423570985008687907852589419931798687112530834793049593217025");
	free(t);
	CHECK_INT(big_div_u64(&r, 1000000007u), 233580713);
	big_set_u64(&a, 5);
	big_set_u64(&b, 7);
	CHECK(big_add_signed(&a, &neg, &b, 1) == 0 && neg == 1);
	t = big_to_text(&a, neg, -1);
	CHECK_STR(t, "-0.2");
	free(t);
	big_set_u64(&a, 3);
	CHECK(big_mul_pow10(&a, 30) == 0 && big_shl(&a, 70) == 0);
	t = big_to_text(&a, 0, 0);
	CHECK_STR(t, "3541774862152233910272000000000000000000000000000000");
	free(t);
	big_free(&a);
	big_free(&b);
	big_free(&r);
}

static double ratio(uint64_t n, long e10, long e2, uint64_t d)
{
	struct big b = BIG_INIT;
	double r;

	big_set_u64(&b, n);
	r = big_ratio_double(&b, 0, e10, e2, d, 1);
	big_free(&b);
	return r;
}

static double sqrt_ratio(uint64_t n, long e10, uint64_t d1, uint64_t d2)
{
	struct big b = BIG_INIT;
	double r;

	big_set_u64(&b, n);
	r = big_sqrt_ratio_double(&b, e10, 0, d1, d2);
	big_free(&b);
	return r;
}

static void rounding(void)
{
	CHECK(ratio(1, 0, 0, 3) == 1.0 / 3);
	CHECK(ratio(2, 0, 0, 3) == 2.0 / 3);
	CHECK(ratio(1, -1, 0, 1) == 0.1);
	CHECK(ratio(6, -1, 0, 3) == 0.2);
	/* halfway between doubles: ties to even */
	CHECK(ratio((1ull << 53) + 1, 0, 0, 1) == 9007199254740992.0);
	CHECK(ratio((1ull << 53) + 3, 0, 0, 1) == 9007199254740996.0);
	/* just above halfway rounds up */
	CHECK(ratio(((1ull << 53) + 1) * 1000 + 1, -3, 0, 1) == 9007199254740994.0);
	CHECK(ratio(1, -400, 0, 1) == 0.0);
	CHECK(ratio(5, -324, 0, 1) == 5e-324);
	CHECK(ratio(17976931348623157ull, 292, 0, 1) == 1.7976931348623157e308);
	CHECK(isinf(ratio(2, 308, 0, 1)));
	CHECK(ratio(1, 0, -1074, 1) == 5e-324);
	/* below the smallest subnormal: up to it past half (found by fuzz_decimal), ties to 0 */
	CHECK(ratio(2635723986ull, -333, 0, 1) == 5e-324);
	CHECK(ratio(3, 0, -1076, 1) == 5e-324);
	CHECK(ratio(1, 0, -1075, 1) == 0.0);
	CHECK(ratio(1, 0, -1076, 1) == 0.0);
	CHECK(sqrt_ratio(2, 0, 1, 1) == 1.4142135623730951);
	CHECK(sqrt_ratio(1, 0, 4, 1) == 0.5);
	CHECK(sqrt_ratio(1, -2, 1, 1) == 0.1);
	CHECK(sqrt_ratio(49, 0, 1, 1) == 7.0);
	CHECK(sqrt_ratio(1, 0, 3, 1) == 0.5773502691896257);
	CHECK(sqrt_ratio(2, 20, 3, 7) == 3086066999.241838);
}

static void repr(void)
{
	char buf[32];

	CHECK_STR(dbl_repr(0.1, buf), "0.1");
	CHECK_STR(dbl_repr(3.0, buf), "3.0");
	CHECK_STR(dbl_repr(-0.0, buf), "-0.0");
	CHECK_STR(dbl_repr(1e22, buf), "1e+22");
	CHECK_STR(dbl_repr(1e16, buf), "1e+16");
	CHECK_STR(dbl_repr(1234567890123456.0, buf), "1234567890123456.0");
	CHECK_STR(dbl_repr(0.0001, buf), "0.0001");
	CHECK_STR(dbl_repr(0.00001, buf), "1e-05");
	CHECK_STR(dbl_repr(5e-324, buf), "5e-324");
	CHECK_STR(dbl_repr(1.7976931348623157e308, buf), "1.7976931348623157e+308");
	CHECK_STR(dbl_repr(0.1 + 0.2, buf), "0.30000000000000004");
	CHECK_STR(dbl_repr(123.456, buf), "123.456");
	CHECK_STR(dbl_repr(NAN, buf), "nan");
	CHECK_STR(dbl_repr(-INFINITY, buf), "-inf");
}

int main(void)
{
	scanning();
	ordering();
	arithmetic();
	rounding();
	repr();
	return unit_done("decimal");
}
