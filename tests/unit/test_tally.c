/* test_tally: lib/tally against lib/hash on many keys of every length around the inline limit
 * (0..40 bytes, NUL bytes included, keys that share their first and last words), counts and
 * first-appearance order. */
#include <stdlib.h>
#include "hash.h"
#include "tally.h"
#include "unit.h"

static uint64_t next(void)
{
	return unit_rand();
}

int main(void)
{
	struct tally *t = tally_new();
	struct hash *h = hash_new(0);
	size_t i, n, len, bad = 0;
	uint64_t *counts;
	char key[48];

	CHECK(t && h);
	for (i = 0; i < 300000; i++) {
		size_t j;
		long k;

		len = next() % 41;
		/* a small alphabet and a shared middle make near-collisions of the words likely */
		for (j = 0; j < len; j++)
			key[j] = (char)("ab\0c"[next() % 4]);
		if (len > 9 && next() % 2)
			memset(key + 4, 'm', len - 8);
		if (i % 3 == 0)
			len = next() % 6;
		n = hash_count(h);
		k = hash_add(h, key, len, NULL);
		if (tally_add(t, key, len) != (hash_count(h) > n))
			bad++;
		++*hash_val(h, (size_t)k);
	}
	n = tally_count(t);
	CHECK_INT(n, hash_count(h));
	counts = malloc(n * sizeof *counts);
	tally_counts(t, counts);
	for (i = 0; i < n; i++) {
		size_t hl;
		const char *tk = tally_key(t, i, &len), *hk = hash_key(h, i, &hl);
		if (len != hl || memcmp(tk, hk, len) != 0 || tk[len] != '\0' || counts[i] != *hash_val(h, i))
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK(tally_key(t, n, NULL) == NULL);
	free(counts);
	tally_free(t);
	hash_free(h);

	/* the two-step add counts the same */
	t = tally_new();
	{
		struct tally_hint hint;
		uint64_t c[2];

		tally_prep(t, "abc", 3, &hint);
		CHECK_INT(tally_add_hint(t, "abc", 3, &hint), 1);
		CHECK_INT(tally_add(t, "abc", 3), 0);
		CHECK_INT(tally_add(t, "", 0), 1);
		CHECK_INT(tally_count(t), 2);
		tally_counts(t, c);
		CHECK(c[0] == 2 && c[1] == 1);
	}
	tally_free(t);

	/* counting several at once is the same as one by one */
	t = tally_new();
	{
		uint64_t c[3];

		CHECK_INT(tally_add_n(t, "a long key of more than sixteen bytes", 37, 5), 1);
		CHECK_INT(tally_add(t, "x", 1), 1);
		CHECK_INT(tally_add_n(t, "x", 1, 1000000000000ull), 0);
		CHECK_INT(tally_add(t, "a long key of more than sixteen bytes", 37), 0);
		CHECK_INT(tally_count(t), 2);
		tally_counts(t, c);
		CHECK(c[0] == 6 && c[1] == 1000000000001ull);
	}
	tally_free(t);
	return unit_done("tally");
}
