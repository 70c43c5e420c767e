/* test_colstat: lib/colstat on columns of known cells, every statistic checked exactly against
 * Python's decimal and statistics: each type, nulls and extra null tokens, type fallbacks (a
 * late text cell, a leading zero, an invalid date), typed distinct values, --date-format and
 * no inference, the switch to cell codes past 16K distinct strings, and colstat_add_row giving
 * what colstat_add gives cell by cell. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "colstat.h"
#include "decimal.h"
#include "unit.h"

static struct colstat *feed(const struct colstat_conf *cf, const char *const *cells, size_t n)
{
	struct colstat *c = colstat_new(cf);
	size_t i;

	CHECK(c != NULL);
	for (i = 0; i < n; i++)
		CHECK_INT(colstat_add(c, cells[i], strlen(cells[i]), i + 1), 0);
	CHECK_INT(colstat_finish(c), 0);
	return c;
}

static const char *repr(double x)
{
	static char buf[32];

	return dbl_repr(x, buf);
}

/* The most common values are TEXT[0..N) with COUNT[0..N). */
static void check_freq(const struct colstat_result *r, const char *const *text, const uint64_t *count, size_t n)
{
	size_t i;

	CHECK_INT(r->nfreq, n);
	for (i = 0; i < n && i < r->nfreq; i++) {
		CHECK_MEM(r->freq[i].text, r->freq[i].len, text[i], strlen(text[i]));
		CHECK_INT(r->freq[i].count, count[i]);
	}
}

static void number(void)
{
	static const char *const cells[] = { "1", "2.50", "", "3", "NA", "1.0", "1e0", "-4" };
	static const char *const ft[] = { "1", "2.50", "3", "-4" };
	static const uint64_t fc[] = { 3, 1, 1, 1 };
	struct colstat_conf cf = { .nfreq = 5 };
	struct colstat *c = feed(&cf, cells, 8);
	const struct colstat_result *r = colstat_result(c);

	CHECK_STR(colstat_type_name(r->type), "Number");
	CHECK_INT(r->nulls, 2);
	CHECK_INT(r->nonnulls, 6);
	CHECK_INT(r->unique, 4);
	CHECK_STR(r->min, "-4");
	CHECK_STR(r->max, "3");
	CHECK(r->has_num);
	CHECK_STR(r->st.sum, "4.5");
	CHECK_STR(repr(r->st.mean), "0.75");
	CHECK_STR(r->st.median, "1");
	CHECK_STR(repr(r->st.stdev), "2.4849547279578355");
	CHECK_STR(r->st.q1, "1");
	CHECK_STR(r->st.q3, "2.125");
	CHECK(r->has_len);
	CHECK_INT(r->len, 4);
	CHECK_INT(r->minlen, 1);
	CHECK_INT(r->places, 2);
	check_freq(r, ft, fc, 4);
	colstat_free(c);

	/* more than 18 digits: exact decimals */
	{
		static const char *const big[] = { "12345678901234567890", "0.1", "-0.25" };
		c = feed(&cf, big, 3);
		r = colstat_result(c);
		CHECK_INT(r->type, COLSTAT_NUMBER);
		CHECK_STR(r->st.sum, "12345678901234567889.85");
		CHECK_STR(r->st.median, "0.1");
		CHECK_STR(r->st.q1, "-0.075");
		CHECK_STR(r->st.q3, "6172839450617283945.05");
		CHECK_STR(repr(r->st.mean), "4.1152263004115226e+18");
		CHECK_STR(r->min, "-0.25");
		CHECK_STR(r->max, "12345678901234567890");
		colstat_free(c);
	}
	/* one value: no stdev */
	{
		static const char *const one[] = { "7" };
		c = feed(&cf, one, 1);
		r = colstat_result(c);
		CHECK(isnan(r->st.stdev));
		CHECK_STR(r->st.q1, "7");
		colstat_free(c);
	}
}

static void fallbacks(void)
{
	static const char *const late[] = { "1", "2", "1.0", "x" };
	static const char *const lead[] = { "1", "01234", "2" };
	static const char *const baddate[] = { "2024-02-29", "2023-02-29" };
	static const char *const ft[] = { "1", "2", "1.0" };
	static const uint64_t fc[] = { 1, 1, 1 };
	struct colstat_conf cf = { .nfreq = 3 };
	struct colstat *c = feed(&cf, late, 4);
	const struct colstat_result *r = colstat_result(c);

	/* a late text cell: Text, exact strings are the distinct values */
	CHECK_INT(r->type, COLSTAT_TEXT);
	CHECK_INT(r->unique, 4);
	CHECK(r->min == NULL && r->max == NULL && !r->has_num);
	check_freq(r, ft, fc, 3);
	colstat_free(c);
	c = feed(&cf, lead, 3);
	CHECK_INT(colstat_result(c)->type, COLSTAT_TEXT);
	colstat_free(c);
	c = feed(&cf, baddate, 2);
	CHECK_INT(colstat_result(c)->type, COLSTAT_TEXT);
	colstat_free(c);
	/* no inference */
	cf.noinfer = 1;
	c = feed(&cf, lead + 0, 1);
	CHECK_INT(colstat_result(c)->type, COLSTAT_TEXT);
	colstat_free(c);
}

static void nulls_and_bools(void)
{
	static const char *const cells[] = { "TRUE", "no", "n/a", "Yes", "false", "None", "true", ".", "x", "X", "null" };
	static const char *const ft[] = { "TRUE", "no" };
	static const uint64_t fc[] = { 3, 2 };
	static const char *const extra[] = { "x" };
	struct colstat_conf cf = { .nfreq = 5, .nullv = extra, .nnullv = 1 };
	struct colstat *c = feed(&cf, cells, 11);
	const struct colstat_result *r = colstat_result(c);

	CHECK_STR(colstat_type_name(r->type), "Boolean");
	CHECK_INT(r->nulls, 6);
	CHECK_INT(r->nonnulls, 5);
	CHECK_INT(r->unique, 2);
	CHECK(r->min == NULL && !r->has_num);
	CHECK_INT(r->len, 5);
	CHECK_INT(r->minlen, 2);
	check_freq(r, ft, fc, 2);
	colstat_free(c);
	/* only nulls: no lengths, no values */
	c = feed(&cf, cells + 2, 1);
	r = colstat_result(c);
	CHECK_INT(r->nulls, 1);
	CHECK_INT(r->nonnulls, 0);
	CHECK_INT(r->unique, 0);
	CHECK(!r->has_len && r->nfreq == 0);
	colstat_free(c);
}

static void dates(void)
{
	static const char *const d[] = { "2024-02-29", "2023-12-31", "2024-02-29", "" };
	static const char *const dt[] = { "2024-01-01T10:00:00Z", "2024-01-01 11:00+01:00", "2024-01-01",
		"2024-01-01T09:30:00.5" };
	static const char *const dmy[] = { "31/12/2023", "01/01/2024" };
	static const char *const dtft[] = { "2024-01-01T10:00:00Z", "2024-01-01", "2024-01-01T09:30:00.5" };
	static const uint64_t dtfc[] = { 2, 1, 1 };
	struct colstat_conf cf = { .nfreq = 5 };
	struct colstat *c = feed(&cf, d, 4);
	const struct colstat_result *r = colstat_result(c);

	CHECK_STR(colstat_type_name(r->type), "Date");
	CHECK_INT(r->unique, 2);
	CHECK_INT(r->nulls, 1);
	CHECK_STR(r->min, "2023-12-31");
	CHECK_STR(r->max, "2024-02-29");
	colstat_free(c);
	/* the same instant with an offset is one value; a date is midnight */
	c = feed(&cf, dt, 4);
	r = colstat_result(c);
	CHECK_STR(colstat_type_name(r->type), "DateTime");
	CHECK_INT(r->unique, 3);
	CHECK_STR(r->min, "2024-01-01");
	CHECK_STR(r->max, "2024-01-01T10:00:00Z");
	CHECK_INT(r->len, 22);
	CHECK_INT(r->minlen, 10);
	check_freq(r, dtft, dtfc, 3);
	colstat_free(c);
	c = feed(&cf, dmy, 2);
	CHECK_INT(colstat_result(c)->type, COLSTAT_TEXT);
	colstat_free(c);
	cf.datefmt = "%d/%m/%Y";
	c = feed(&cf, dmy, 2);
	r = colstat_result(c);
	CHECK_INT(r->type, COLSTAT_DATE);
	CHECK_STR(r->min, "2023-12-31");
	CHECK_STR(r->max, "2024-01-01");
	colstat_free(c);
}

/* 20,000 distinct integers (past the switch to codes), 5 again, then maybe a text cell. */
static void codes(void)
{
	struct colstat_conf cf = { .nfreq = 2 };
	char buf[32];
	int late;

	for (late = 0; late < 2; late++) {
		struct colstat *c = colstat_new(&cf);
		const struct colstat_result *r;
		uint64_t i, row = 0;

		for (i = 0; i < 20000; i++) {
			snprintf(buf, sizeof buf, "%llu", (unsigned long long)i);
			CHECK_INT(colstat_add(c, buf, strlen(buf), ++row), 0);
		}
		CHECK_INT(colstat_add(c, "5", 1, ++row), 0);
		if (late)
			CHECK_INT(colstat_add(c, "abc", 3, ++row), 0);
		CHECK_INT(colstat_finish(c), 0);
		r = colstat_result(c);
		CHECK_INT(r->unique, 20000 + late);
		CHECK_INT(r->nonnulls, 20001 + late);
		CHECK_INT(r->len, 5);
		CHECK_INT(r->minlen, 1);
		CHECK_INT(r->nfreq, 2);
		CHECK_STR(r->freq[0].text, "5");
		CHECK_INT(r->freq[0].count, 2);
		CHECK_STR(r->freq[1].text, "0");
		if (!late) {
			CHECK_INT(r->type, COLSTAT_NUMBER);
			CHECK_STR(r->min, "0");
			CHECK_STR(r->max, "19999");
			CHECK_STR(r->st.sum, "199990005");
			CHECK_STR(r->st.median, "9999");
			CHECK_STR(r->st.q1, "4999");
			CHECK_STR(r->st.q3, "14999");
			CHECK_STR(repr(r->st.mean), "9999.000299985");
			CHECK_STR(repr(r->st.stdev), "5773.935183373633");
			CHECK_INT(r->places, 0);
		} else {
			CHECK_INT(r->type, COLSTAT_TEXT);
			CHECK(r->min == NULL);
		}
		colstat_free(c);
	}
	/* datetimes by the minute: coded, DateTime */
	{
		struct colstat *c = colstat_new(&cf);
		const struct colstat_result *r;
		int m;

		for (m = 0; m < 30000; m++) {
			snprintf(buf, sizeof buf, "2020-01-%02d %02d:%02d", 1 + m / 1440, m / 60 % 24, m % 60);
			CHECK_INT(colstat_add(c, buf, strlen(buf), (uint64_t)m + 1), 0);
		}
		CHECK_INT(colstat_finish(c), 0);
		r = colstat_result(c);
		CHECK_INT(r->type, COLSTAT_DATETIME);
		CHECK_INT(r->unique, 30000);
		CHECK_STR(r->min, "2020-01-01 00:00");
		CHECK_STR(r->max, "2020-01-21 19:59");
		colstat_free(c);
	}
}

static int same(const struct colstat_result *a, const struct colstat_result *b)
{
	size_t i;

	if (a->type != b->type || a->nulls != b->nulls || a->nonnulls != b->nonnulls || a->unique != b->unique ||
	    a->has_len != b->has_len || a->len != b->len || a->minlen != b->minlen || a->has_num != b->has_num ||
	    a->nfreq != b->nfreq || !a->min != !b->min || (a->min && (strcmp(a->min, b->min) || strcmp(a->max, b->max))))
		return 0;
	if (a->has_num && (a->places != b->places || strcmp(a->st.sum, b->st.sum) || strcmp(a->st.median, b->st.median) ||
	    strcmp(a->st.q1, b->st.q1) || strcmp(a->st.q3, b->st.q3) || a->st.mean != b->st.mean ||
	    (a->st.stdev != b->st.stdev && !(isnan(a->st.stdev) && isnan(b->st.stdev)))))
		return 0;
	for (i = 0; i < a->nfreq; i++)
		if (a->freq[i].count != b->freq[i].count || a->freq[i].len != b->freq[i].len ||
		    memcmp(a->freq[i].text, b->freq[i].text, a->freq[i].len))
			return 0;
	return 1;
}

/* Rows of 0 to 4 fields into 4 columns (fields 3, 0, 1, 0), by rows and cell by cell. */
static void rows(void)
{
	static const char *const pool[] = { "1", "2.5", "", "NA", "-3", "2024-01-02", "x", "true", "1e2", "007" };
	struct colstat_conf cf = { .nfreq = 4 };
	struct colstat_map map[4];
	struct colstat *one[4];
	struct csv_field f[4];
	char text[4][32];
	uint64_t rng = 12345, row;
	size_t i, k;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < 4; i++) {
			map[i].col = colstat_new(&cf);
			map[i].field = i == 0 ? 3 : i == 2 ? 1 : 0;
			one[i] = colstat_new(&cf);
		}
		for (row = 1; row <= 30000; row++) {
			size_t nf;

			rng = rng * 6364136223846793005ull + 1442695040888963407ull;
			nf = (size_t)(rng >> 40) % 5;
			for (k = 0; k < nf; k++) {
				rng = rng * 6364136223846793005ull + 1442695040888963407ull;
				if (pass)	/* many distinct numbers: the codes */
					snprintf(text[k], sizeof text[k], "%llu", (unsigned long long)(rng >> 44));
				else
					snprintf(text[k], sizeof text[k], "%s", pool[(rng >> 33) % 10]);
				f[k].p = text[k];
				f[k].len = strlen(text[k]);
			}
			CHECK_INT(colstat_add_row(map, 4, f, nf, row), 0);
			for (i = 0; i < 4; i++) {
				k = map[i].field;
				colstat_add(one[i], k < nf ? f[k].p : "", k < nf ? f[k].len : 0, row);
			}
		}
		for (i = 0; i < 4; i++) {
			CHECK_INT(colstat_finish(map[i].col), 0);
			CHECK_INT(colstat_finish(one[i]), 0);
			CHECK(same(colstat_result(map[i].col), colstat_result(one[i])));
			CHECK(colstat_result(one[i])->nulls > 0);
			colstat_free(map[i].col);
			colstat_free(one[i]);
		}
	}
}

int main(void)
{
	number();
	fallbacks();
	nulls_and_bools();
	dates();
	codes();
	rows();
	return unit_done("colstat");
}
