/* test_sortcount: lib/sortcount against qsort and a linear grouping, on few and on many
 * distinct pairs (keys differing in any byte, tags too), so that the buffer fills, grows and
 * merges many times; counts, first indices and order. */
#include <stdlib.h>
#include "sortcount.h"
#include "unit.h"

static uint64_t next(void)
{
	return unit_rand();
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

/* N pairs; the first PRE of them given at once through sc_add_runs. */
static void one(size_t n, uint64_t keyrange, uint64_t tagrange, int shift, size_t pre)
{
	struct sortcount s = SORTCOUNT_INIT;
	struct ref *r = malloc(n * sizeof *r);
	struct sc_run *runs = malloc((pre ? pre : 1) * sizeof *runs);
	size_t i, j, g = 0, bad = 0, nruns = 0;

	for (i = 0; i < n; i++) {
		r[i].key = (next() % keyrange) << shift;
		r[i].tag = next() % tagrange;
		r[i].index = i * 3 + 1;
		if (i < pre) {
			/* a linear search keeps this reference simple */
			for (j = 0; j < nruns && (runs[j].key != r[i].key || sc_tag(&runs[j]) != r[i].tag); j++)
				;
			if (j == nruns) {
				runs[nruns].key = r[i].key;
				runs[nruns].aux = r[i].tag << SC_IDXBITS | r[i].index;
				runs[nruns++].count = 0;
			}
			runs[j].count++;
			if (i == pre - 1 && sc_add_runs(&s, runs, nruns) < 0)
				bad++;
		} else if (sc_add(&s, r[i].key, r[i].tag, r[i].index) < 0) {
			bad++;
		}
	}
	free(runs);
	CHECK((i % 2 ? sc_flush(&s) : sc_finish(&s)) == 0);
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

	one(1, 10, 1, 0, 0);
	one(1000, 7, 3, 0, 0);
	one(1001, 7, 3, 0, 500);
	one(300000, 500, 2, 0, 0);
	one(300001, 500, 2, 0, 2000);
	one(300000, 1000000000, 4, 0, 0);
	one(400001, 1000000000, 4, 0, 3000);
	one(300000, 1000, 1, 40, 0);
	one(200000, 50000, (uint64_t)1 << 26, 20, 0);
	one(200000, 3, (uint64_t)1 << 26, 56, 0);
	/* sc_sort on a big array whose one high key a sample of the keys misses */
	{
		size_t n = 300000, i, bad = 0;
		struct sc_raw *r = malloc(n * sizeof *r), *tmp = malloc(n * sizeof *tmp);

		for (i = 0; i < n; i++) {
			r[i].key = next() % 1000;
			r[i].aux = i;
		}
		r[12345].key = (uint64_t)1 << 40;
		sc_sort(r, tmp, n);
		for (i = 1; i < n; i++)
			if (r[i - 1].aux >> SC_IDXBITS > r[i].aux >> SC_IDXBITS ||
			    (r[i - 1].aux >> SC_IDXBITS == r[i].aux >> SC_IDXBITS &&
			     (r[i - 1].key > r[i].key || (r[i - 1].key == r[i].key && r[i - 1].aux > r[i].aux))))
				bad++;
		CHECK_INT(bad, 0);
		CHECK(r[n - 1].key == (uint64_t)1 << 40);
		free(r);
		free(tmp);
	}
	CHECK(sc_flush(&s) == 0);
	CHECK_INT(s.nrun, 0);
	CHECK(sc_add(&s, 5, 0, SC_MAXIDX) == 0);
	CHECK(sc_flush(&s) == 0);
	CHECK(s.nrun == 1 && sc_index(&s.run[0]) == SC_MAXIDX && s.run[0].count == 1);
	sc_free(&s);
	return unit_done("sortcount");
}
