/* Unit tests for lib/hash: lookups, insertion order, counters, binary and empty keys, and
 * two million keys through many index doublings. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "hash.h"
#include "unit.h"

static long add(struct hash *h, const char *s, int *added)
{
	return hash_add(h, s, strlen(s), added);
}

static long find(struct hash *h, const char *s)
{
	return hash_find(h, s, strlen(s));
}

static void test_basic(void)
{
	struct hash *h = hash_new(0);
	int added = -1;
	size_t len = 99;

	CHECK(h != NULL);
	CHECK_INT(hash_count(h), 0);
	CHECK_INT(find(h, "apple"), -1);
	CHECK_INT(add(h, "apple", &added), 0);
	CHECK_INT(added, 1);
	CHECK_INT(add(h, "banana", &added), 1);
	CHECK_INT(added, 1);
	CHECK_INT(add(h, "apple", &added), 0);
	CHECK_INT(added, 0);
	CHECK_INT(add(h, "cherry", NULL), 2);
	CHECK_INT(add(h, "banana", NULL), 1);
	CHECK_INT(hash_count(h), 3);
	CHECK_INT(find(h, "banana"), 1);
	CHECK_INT(find(h, "cherry"), 2);
	CHECK_INT(find(h, "appl"), -1);
	CHECK_INT(find(h, "apples"), -1);
	CHECK_INT(find(h, "Apple"), -1);
	CHECK_STR(hash_key(h, 1, &len), "banana");
	CHECK_INT(len, 6);
	CHECK_STR(hash_key(h, 2, NULL), "cherry");
	CHECK(hash_key(h, 3, &len) == NULL);
	CHECK(hash_val(h, 3) == NULL);
	CHECK_INT(*hash_val(h, 0), 0);
	hash_free(h);
	hash_free(NULL);
}

/* Word counts, ties in first-appearance order: what uniq -c | sort -s would give. */
static void test_counter(void)
{
	static const char *words[] = {
		"the", "cat", "sat", "on", "the", "mat", "the", "cat", "ran", "on",
	};
	static const char *want_key[] = { "the", "cat", "sat", "on", "mat", "ran" };
	static const uint64_t want_n[] = { 3, 2, 1, 2, 1, 1 };
	struct hash *h = hash_new(4);
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++) {
		long k = add(h, words[i], NULL);

		CHECK(k >= 0);
		if (k >= 0)
			++*hash_val(h, (size_t)k);
	}
	CHECK_INT(hash_count(h), 6);
	for (i = 0; i < 6; i++) {
		CHECK_STR(hash_key(h, i, NULL), want_key[i]);
		CHECK_INT(*hash_val(h, i), want_n[i]);
	}
	*hash_val(h, 5) = UINT64_MAX;
	CHECK(*hash_val(h, (size_t)find(h, "ran")) == UINT64_MAX);
	hash_free(h);
}

static void test_empty_and_binary(void)
{
	struct hash *h = hash_new(0);
	size_t len = 99;
	const char *k;
	int added;

	CHECK_INT(hash_find(h, "", 0), -1);
	CHECK_INT(hash_add(h, "", 0, &added), 0);
	CHECK_INT(added, 1);
	CHECK_INT(hash_add(h, NULL, 0, &added), 0);
	CHECK_INT(added, 0);
	CHECK_INT(hash_find(h, NULL, 0), 0);
	k = hash_key(h, 0, &len);
	CHECK(k != NULL);
	CHECK_INT(len, 0);
	CHECK_INT(k ? k[0] : 1, 0);

	/* NUL is an ordinary byte: none of these collide with each other. */
	CHECK_INT(hash_add(h, "a", 1, NULL), 1);
	CHECK_INT(hash_add(h, "a\0", 2, NULL), 2);
	CHECK_INT(hash_add(h, "a\0b", 3, NULL), 3);
	CHECK_INT(hash_add(h, "a\0c", 3, NULL), 4);
	CHECK_INT(hash_add(h, "\0", 1, NULL), 5);
	CHECK_INT(hash_add(h, "\0\0", 2, NULL), 6);
	CHECK_INT(hash_add(h, "\xff\xfe\x80", 3, NULL), 7);
	CHECK_INT(hash_find(h, "a\0b", 3), 3);
	CHECK_INT(hash_find(h, "a\0c", 3), 4);
	CHECK_INT(hash_find(h, "a\0d", 3), -1);
	CHECK_INT(hash_find(h, "\0\0", 2), 6);
	CHECK_INT(hash_find(h, "\0\0\0", 3), -1);
	CHECK_INT(hash_find(h, "\xff\xfe\x80", 3), 7);
	k = hash_key(h, 3, &len);
	CHECK_MEM(k, len, "a\0b", 3);
	CHECK_INT(k[3], 0);
	CHECK_INT(hash_count(h), 8);
	hash_free(h);
}

/* Keys sharing long prefixes, keys that are prefixes of each other, and a key bigger than an
 * arena chunk: the hash must read every byte and the table must compare lengths. */
static void test_prefixes(void)
{
	struct hash *h = hash_new(0);
	char key[300], *big;
	size_t i, n = 0, bad = 0, bigsize = 1 << 20;
	int ok = 1;

	memset(key, 'x', sizeof key);
	for (i = 0; i <= sizeof key; i++)
		if (hash_add(h, key, i, NULL) != (long)i)
			ok = 0;
	CHECK(ok);
	n = sizeof key + 1;
	for (i = 0; i < 20000; i++) {
		int len = snprintf(key, sizeof key, "%0200d/%zu", 0, i * 7919);

		if (hash_add(h, key, (size_t)len, NULL) != (long)n++)
			bad++;
	}
	for (i = 0; i < 20000; i++) {
		int len = snprintf(key, sizeof key, "%0200d/%zu", 0, i * 7919);

		if (hash_find(h, key, (size_t)len) != (long)(sizeof key + 1 + i))
			bad++;
		key[100] = '1';
		if (hash_find(h, key, (size_t)len) != -1)
			bad++;
	}
	CHECK_INT(bad, 0);

	big = malloc(bigsize);
	CHECK(big != NULL);
	if (big) {
		memset(big, 'x', bigsize);
		CHECK_INT(hash_add(h, big, bigsize, NULL), (long)n);
		CHECK_INT(hash_add(h, "after", 5, NULL), (long)n + 1);
		big[bigsize - 1] = 'y';
		CHECK_INT(hash_find(h, big, bigsize), -1);
		big[bigsize - 1] = 'x';
		CHECK_INT(hash_find(h, big, bigsize), (long)n);
		CHECK_INT(hash_find(h, big, bigsize - 1), -1);
		CHECK_INT(hash_find(h, big, 299), 299);
		free(big);
	}
	hash_free(h);
}

/* Key pointers survive arena growth and index doublings. */
static void test_stable_keys(void)
{
	struct hash *h = hash_new(0);
	const char *p0, *p1;
	char key[32];
	size_t i;

	add(h, "first", NULL);
	add(h, "second", NULL);
	p0 = hash_key(h, 0, NULL);
	p1 = hash_key(h, 1, NULL);
	for (i = 0; i < 100000; i++)
		hash_add(h, key, (size_t)snprintf(key, sizeof key, "k%zu", i), NULL);
	CHECK(hash_key(h, 0, NULL) == p0);
	CHECK(hash_key(h, 1, NULL) == p1);
	CHECK_STR(p0, "first");
	CHECK_STR(p1, "second");
	CHECK_STR(hash_key(h, 50001, NULL), "k49999");
	hash_free(h);
}

/* Two million keys, two thirds of them added twice: all found, counts right, order kept. */
static void test_many(void)
{
	enum { N = 2000000 };
	struct hash *h = hash_new(0);
	size_t i, bad = 0, len;
	char key[16];
	const char *k;
	int added, round;

	for (round = 0; round < 2; round++)
		for (i = 0; i < N; i++) {
			long x;

			if (round && i % 3 == 0)
				continue;
			x = hash_add(h, key, (size_t)snprintf(key, sizeof key, "%zx", i * 2654435761u), &added);
			if (x != (long)i || added != (round == 0))
				bad++;
			else
				++*hash_val(h, (size_t)x);
		}
	CHECK_INT(bad, 0);
	CHECK_INT(hash_count(h), N);
	for (i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "%zx", i * 2654435761u);

		k = hash_key(h, i, &len);
		if (hash_find(h, key, (size_t)n) != (long)i || *hash_val(h, i) != (i % 3 ? 2u : 1u)
		    || len != (size_t)n || memcmp(k, key, len) != 0)
			bad++;
		key[0] = 'z';
		if (hash_find(h, key, (size_t)n) != -1)
			bad++;
	}
	CHECK_INT(bad, 0);
	hash_free(h);
}

/* Two runs of 'x' whose hashes share their top 32 bits, the bits the index keeps: only the
 * length check tells a key from its prefix. Found by search; if hash_bytes changes, search
 * again (the first CHECK fails to say so). */
static void test_tag_collision(void)
{
	enum { SHORT = 74708, LONG = 114793 };
	struct hash *h = hash_new(0);
	char *x = malloc(LONG);

	CHECK(x != NULL);
	if (!x)
		return;
	memset(x, 'x', LONG);
	CHECK(hash_bytes(x, SHORT) >> 32 == hash_bytes(x, LONG) >> 32);
	CHECK(hash_bytes(x, SHORT) != hash_bytes(x, LONG));
	CHECK_INT(hash_add(h, x, LONG, NULL), 0);
	CHECK_INT(hash_find(h, x, SHORT), -1);
	CHECK_INT(hash_add(h, x, SHORT, NULL), 1);
	CHECK_INT(hash_find(h, x, SHORT), 1);
	CHECK_INT(hash_find(h, x, LONG), 0);
	free(x);
	hash_free(h);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int popcount64(uint64_t x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static void test_hash_bytes(void)
{
	static const char zeros[64];
	char a[40], b[40];
	uint64_t seen[65], base, flips = 0, all[1 + 16 + 256 + 4096 + 40 * 41];
	size_t i, j, n, len, worst = 0, buckets[256] = { 0 };
	int distinct = 1, trial, bit;

	/* Same bytes at any alignment hash the same. */
	memcpy(a, "the quick brown fox jumps over", 30);
	memcpy(b + 3, "the quick brown fox jumps over", 30);
	CHECK(hash_bytes(a, 30) == hash_bytes(b + 3, 30));
	CHECK(hash_bytes("", 0) == hash_bytes(NULL, 0));

	/* Runs of zero bytes differ by length alone. */
	for (i = 0; i <= 64; i++) {
		seen[i] = hash_bytes(zeros, i);
		for (j = 0; j < i; j++)
			if (seen[j] == seen[i])
				distinct = 0;
	}
	CHECK(distinct);

	/* No two of these share a hash: every key of 0-3 bytes over 16 byte values (each byte
	 * of a short key counts), and every key of 1-40 zero bytes but one 0x40 or 0x80. */
	n = 0;
	for (len = 0; len <= 3; len++)
		for (i = 0; i < (size_t)1 << 4 * len; i++) {
			for (j = 0; j < len; j++)
				a[j] = (char)(i >> 4 * j & 15);
			all[n++] = hash_bytes(a, len);
		}
	for (len = 1; len <= 40; len++)
		for (j = 0; j < len; j++) {
			memset(a, 0, len);
			a[j] = 0x40;
			all[n++] = hash_bytes(a, len);
			a[j] = (char)0x80;
			all[n++] = hash_bytes(a, len);
		}
	qsort(all, n, sizeof *all, cmp_u64);
	for (i = 1; i < n; i++)
		if (all[i] == all[i - 1])
			distinct = 0;
	CHECK(distinct);
	CHECK_INT(n, 1 + 16 + 256 + 4096 + 40 * 41);

	/* Avalanche: flipping one input bit flips about half the output bits, for short keys
	 * (the 4-7 byte path) and long ones (the 16-byte loop). */
	for (trial = 0; trial < 200; trial++) {
		len = trial % 2 ? 6 : 37;
		for (i = 0; i < len; i++)
			a[i] = (char)(trial * 31 + (int)i * 17);
		base = hash_bytes(a, len);
		for (bit = 0; bit < (int)len * 8; bit++) {
			a[bit / 8] ^= (char)(1 << bit % 8);
			flips += (uint64_t)popcount64(base ^ hash_bytes(a, len));
			a[bit / 8] ^= (char)(1 << bit % 8);
		}
	}
	flips = flips * 1000 / (100 * 6 * 8 + 100 * 37 * 8) / 64;
	CHECK(flips > 480 && flips < 520);

	/* Sequential decimal keys spread evenly over the low byte, which picks the slot. */
	for (i = 0; i < 256 * 400; i++) {
		int n = snprintf(a, sizeof a, "%zu", i);

		buckets[hash_bytes(a, (size_t)n) & 255]++;
	}
	for (i = 0; i < 256; i++) {
		size_t d = buckets[i] > 400 ? buckets[i] - 400 : 400 - buckets[i];

		if (d > worst)
			worst = d;
	}
	CHECK(worst < 100);
}

static void test_hint(void)
{
	struct hash *h = hash_new(100000);
	size_t i;
	char key[16];
	int ok = 1;

	CHECK(h != NULL);
	for (i = 0; i < 100000; i++)
		if (hash_add(h, key, (size_t)snprintf(key, sizeof key, "%zu", i), NULL) != (long)i)
			ok = 0;
	CHECK(ok);
	hash_free(h);
	errno = 0;
	CHECK(hash_new(SIZE_MAX) == NULL);
	CHECK_INT(errno, ENOMEM);
}

int main(void)
{
	test_basic();
	test_counter();
	test_empty_and_binary();
	test_prefixes();
	test_stable_keys();
	test_many();
	test_tag_collision();
	test_hash_bytes();
	test_hint();
	return unit_done("hash");
}
