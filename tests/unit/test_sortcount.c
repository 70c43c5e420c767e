/* test_sortcount: lib/sortcount against qsort and a linear grouping, on few and on many
 * distinct pairs (keys differing in any byte, tags too), so that the buffer fills, grows and
 * merges many times; counts, first indices and order. */
#include <stdlib.h>
#include "sortcount.h"
#include "unit.h"

static uint64_t rng = 88172645463325252ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

struct ref {
	uint64_t tag, key, index;
};

static int cmp(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->tag != y->tag)
		return x->tag < y->tag ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void one(size_t n, uint64_t keyrange, uint64_t tagrange, int shift)
{
	struct sortcount s = SORTCOUNT_INIT;
	struct ref *r = malloc(n * sizeof *r);
	size_t i, j, g = 0, bad = 0;

	for (i = 0; i < n; i++) {
		r[i].key = (next() % keyrange) << shift;
		r[i].tag = next() % tagrange;
		r[i].index = i * 3 + 1;
		if (sc_add(&s, r[i].key, r[i].tag, r[i].index) < 0)
			bad++;
	}
	CHECK(sc_flush(&s) == 0);
	qsort(r, n, sizeof *r, cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && r[j].key == r[i].key && r[j].tag == r[i].tag; j++)
			;
		if (g >= s.nrun || s.run[g].key != r[i].key || sc_tag(&s.run[g]) != r[i].tag ||
		    sc_index(&s.run[g]) != r[i].index || s.run[g].count != j - i)
			bad++;
		g++;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(s.nrun, g);
	sc_free(&s);
	free(r);
}

int main(void)
{
	struct sortcount s = SORTCOUNT_INIT;

	one(1, 10, 1, 0);
	one(1000, 7, 3, 0);
	one(300000, 500, 2, 0);
	one(300000, 1000000000, 4, 0);
	one(300000, 1000, 1, 40);
	one(200000, 50000, (uint64_t)1 << 26, 20);
	one(200000, 3, (uint64_t)1 << 26, 56);
	CHECK(sc_flush(&s) == 0);
	CHECK_INT(s.nrun, 0);
	CHECK(sc_add(&s, 5, 0, SC_MAXIDX) == 0);
	CHECK(sc_flush(&s) == 0);
	CHECK(s.nrun == 1 && sc_index(&s.run[0]) == SC_MAXIDX && s.run[0].count == 1);
	sc_free(&s);
	return unit_done("sortcount");
}
