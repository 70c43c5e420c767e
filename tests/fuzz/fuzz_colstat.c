/* make fuzz && build/fuzz/fuzz_colstat -max_len=4096 -max_total_time=60 CORPUS */
/* fuzz_colstat: lib/colstat over any cells (the input split at newlines; the first byte chooses
 * no inference, a --date-format, an extra null token, and 17,000 distinct numbers first so that
 * the cells that follow meet the cell codes): no crash or leak, the counts add up, a typed min
 * is at most its max, and a column fed by colstat_add_row agrees with one fed cell by cell. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colstat.h"
#include "decimal.h"

static void check(const struct colstat_result *a, const struct colstat_result *b, uint64_t ncells)
{
	uint64_t sum = 0;
	size_t i;

	assert(a->nulls + a->nonnulls == ncells);
	assert(a->unique <= a->nonnulls);
	assert(a->nfreq <= a->unique);
	for (i = 0; i < a->nfreq; i++) {
		assert(a->freq[i].count > 0);
		assert(i == 0 || a->freq[i].count <= a->freq[i - 1].count);
		sum += a->freq[i].count;
	}
	assert(sum <= a->nonnulls);
	assert(!a->has_len || a->minlen <= a->len);
	assert(!a->min == !a->max);
	if (a->type == COLSTAT_NUMBER && a->min) {
		char *d1 = malloc(strlen(a->min) + 1), *d2 = malloc(strlen(a->max) + 1);
		struct decnum x, y;

		assert(d1 && d2);
		assert(dec_scan(a->min, strlen(a->min), d1, 0, &x) && dec_scan(a->max, strlen(a->max), d2, 0, &y));
		assert(dec_cmp(&x, &y) <= 0);
		free(d1);
		free(d2);
	}
	/* the row path and the cell path */
	assert(a->type == b->type && a->nulls == b->nulls && a->nonnulls == b->nonnulls && a->unique == b->unique);
	assert(a->has_len == b->has_len && a->len == b->len && a->minlen == b->minlen && a->nfreq == b->nfreq);
	assert(!a->min == !b->min && (!a->min || (!strcmp(a->min, b->min) && !strcmp(a->max, b->max))));
	assert(a->has_num == b->has_num);
	if (a->has_num)
		assert(!strcmp(a->st.sum, b->st.sum) && !strcmp(a->st.median, b->st.median) &&
		       !strcmp(a->st.q1, b->st.q1) && !strcmp(a->st.q3, b->st.q3) && a->places == b->places);
	for (i = 0; i < a->nfreq; i++)
		assert(a->freq[i].count == b->freq[i].count && a->freq[i].len == b->freq[i].len &&
		       !memcmp(a->freq[i].text, b->freq[i].text, a->freq[i].len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const extra[] = { "x" };
	struct colstat_conf cf = { .nfreq = 3 };
	struct colstat_map map;
	struct colstat *one;
	struct csv_field f;
	char *text, *p, *end, num[16];
	uint64_t row = 0;
	int i;

	if (size == 0)
		return 0;
	cf.noinfer = data[0] & 1;
	cf.datefmt = data[0] & 2 ? "%d/%m/%Y" : NULL;
	if (data[0] & 4) {
		cf.nullv = extra;
		cf.nnullv = 1;
	}
	map.col = colstat_new(&cf);
	map.field = 0;
	one = colstat_new(&cf);
	assert(map.col && one);
	if (data[0] & 8)
		for (i = 0; i < 17000; i++) {
			snprintf(num, sizeof num, "%d", i * 7 - 3000);
			f.p = num;
			f.len = strlen(num);
			row++;
			assert(colstat_add_row(&map, 1, &f, 1, row) == 0);
			assert(colstat_add(one, num, f.len, row) == 0);
		}
	/* cells are NUL-terminated, as lib/csv gives them */
	text = malloc(size);
	assert(text);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	for (p = text; p <= text + size - 1; p = end + 1) {
		end = memchr(p, '\n', (size_t)(text + size - 1 - p));
		if (!end)
			end = text + size - 1;
		*end = '\0';
		f.p = p;
		f.len = (size_t)(end - p);
		row++;
		assert(colstat_add_row(&map, 1, &f, row % 5 ? 1 : 0, row) == 0);
		assert(colstat_add(one, row % 5 ? p : "", row % 5 ? f.len : 0, row) == 0);
	}
	assert(colstat_finish(map.col) == 0 && colstat_finish(one) == 0);
	check(colstat_result(map.col), colstat_result(one), row);
	colstat_free(map.col);
	colstat_free(one);
	free(text);
	return 0;
}
