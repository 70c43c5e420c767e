/* test_cellcode: lib/cellcode on random cells in every written form of numbers, dates and
 * datetimes, and on junk of the same characters: a code gives its text back byte for byte, a
 * coded number is one dec_scan reads the same (value, places), a coded date or datetime is a
 * valid one; and the day arithmetic against a day-by-day count. */
#include <stdio.h>
#include <stdlib.h>
#include "cellcode.h"
#include "decimal.h"
#include "unit.h"

static uint64_t next(void)
{
	return unit_rand();
}

static size_t digits(char *p, size_t n, int lead)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (char)('0' + next() % 10);
	if (n && lead >= 0)
		p[0] = (char)('0' + lead);
	return n;
}

/* A cell that may or may not have a code. */
static size_t cell(char *p)
{
	size_t n = 0, k;
	int kind = (int)(next() % 4);

	if (kind == 0) {
		/* a number: sign, integer digits, point, fraction digits, exponent */
		if (next() % 3 == 0)
			p[n++] = "-+"[next() % 2];
		k = next() % 21;
		n += digits(p + n, k, k > 1 && next() % 8 ? (int)(1 + next() % 9) : -1);
		if (next() % 2) {
			p[n++] = '.';
			n += digits(p + n, next() % 21, -1);
		}
		if (next() % 3 == 0) {
			p[n++] = "eE"[next() % 2];
			if (next() % 2)
				p[n++] = "-+"[next() % 2];
			n += digits(p + n, next() % 5, next() % 4 ? (int)(1 + next() % 9) : -1);
		}
	} else if (kind == 1 || kind == 2) {
		/* a date, maybe with a time; sometimes out of range */
		n += (size_t)sprintf(p + n, "%04d-%02d-%02d", (int)(next() % 10000), (int)(next() % 14),
			(int)(next() % 32));
		if (kind == 2) {
			n += (size_t)sprintf(p + n, "%c%02d:%02d", "T x"[next() % 3], (int)(next() % 25),
				(int)(next() % 61));
			if (next() % 2)
				n += (size_t)sprintf(p + n, ":%02d", (int)(next() % 61));
			if (next() % 8 == 0)
				n += (size_t)sprintf(p + n, "%s", next() % 2 ? "Z" : ".5");
		}
	} else {
		static const char junk[] = "0123456789.-+eE :T";

		for (k = next() % 22; n < k; n++)
			p[n] = junk[next() % (sizeof junk - 1)];
	}
	p[n] = '\0';
	return n;
}

int main(void)
{
	char c[96], t[48], dig[96];
	size_t i, n, coded = 0, bad_text = 0, bad_num = 0, bad_date = 0;
	long long d, y;
	int m, dd;

	for (i = 0; i < 2000000; i++) {
		uint64_t key, tag;
		struct decnum dn;
		long long days;

		if ((n = cell(c)) == 0 || !cc_encode(c, n, &key, &tag))
			continue;
		coded++;
		if (cc_text(key, tag, t) != n || memcmp(t, c, n + 1) != 0) {
			if (bad_text++ < 5)
				fprintf(stderr, "'%s' comes back as '%s'\n", c, t);
			continue;
		}
		if (CC_SIGN(tag) != 3) {
			struct cc_num v;

			cc_value(key, tag, &v);
			if (!dec_scan(c, n, dig, 1, &dn) || (size_t)v.nd != dn.nd || v.neg != dn.neg ||
			    (dn.nd && v.exp != dn.exp) || v.places != dn.places) {
				bad_num++;
			} else {
				uint64_t coef = 0;
				size_t j;

				for (j = 0; j < dn.nd; j++)
					coef = coef * 10 + (uint64_t)(dn.dig[j] - '0');
				bad_num += coef != v.coef;
			}
		} else {
			long long v = (long long)(key - CC_BIAS), day = v >= 0 ? v / 86400 : -((-v + 86399) / 86400);

			bad_date += !cc_iso_date(c, &days) || (CC_NI(tag) == 0 ? v : day) != days;
		}
	}
	CHECK(coded > 500000);
	CHECK_INT(bad_text, 0);
	CHECK_INT(bad_num, 0);
	CHECK_INT(bad_date, 0);

	/* days from 0001-01-01 to 9999-12-31 one by one, both ways */
	d = cc_days(1, 1, 1);
	n = 0;
	for (y = 1; y <= 9999; y++)
		for (m = 1; m <= 12; m++)
			for (dd = 1; dd <= 31; dd++) {
				long long yy;
				int mm, d2;

				if (!cc_valid_ymd((int)y, m, dd))
					continue;
				cc_civil(d, &yy, &mm, &d2);
				n += cc_days(y, m, dd) != d || yy != y || mm != m || d2 != dd;
				d++;
			}
	CHECK_INT(n, 0);
	CHECK_INT(cc_days(1970, 1, 1), 0);
	CHECK_INT(cc_days(2000, 3, 1), 11017);
	CHECK(!cc_valid_ymd(1900, 2, 29) && cc_valid_ymd(2000, 2, 29) && !cc_valid_ymd(0, 1, 1));
	return unit_done("cellcode");
}
