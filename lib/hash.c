/* hash: insertion-ordered table of byte-string keys with 64-bit values. An entries array in
 * insertion order, a linear-probing index of (hash bits, entry number) over it, keys in an arena. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hash.h"
#include "hashmix.h"

struct entry {
	const char *key;
	size_t len;
	uint64_t val;
};

struct hash {
	struct entry *ent;
	size_t n, cap;
	/* Each slot: the hash's top 32 bits, then entry number + 1; 0 is empty. The top bits
	 * pick the home slot too, so probes and rehashes never visit the entries. */
	uint64_t *slot;
	size_t mask;		/* slots - 1; slots is a power of two up to 2^32 */
	unsigned shift;		/* 64 - log2(slots): the home slot of hash V is V >> shift */
	struct arena keys;
};

#define MAX_SLOTS ((uint64_t)1 << 32)
#define MIN_SLOTS 16

#define K0 0x9e3779b97f4a7c15ull
#define K1 0xd6e8feb86659fd93ull
#define K2 0xa0761d6478bd642full
#define K3 0xe7037ed1a0b428dbull

/* Multiply-fold in the manner of wyhash, 16 bytes a round in native byte order (so values
 * differ between byte orders). Unseeded: not meant to survive keys chosen to collide. */
uint64_t hash_bytes(const void *s, size_t len)
{
	const unsigned char *p = s;
	uint64_t a, b, h = K0 ^ len;

	if (len <= 16) {
		if (len >= 8) {
			a = rd64(p);
			b = rd64(p + len - 8);
		} else if (len >= 4) {
			a = rd32(p);
			b = rd32(p + len - 4);
		} else if (len > 0) {
			a = (uint64_t)p[0] << 16 | (uint64_t)p[len >> 1] << 8 | p[len - 1];
			b = 0;
		} else {
			a = b = 0;
		}
	} else {
		size_t n = len;

		for (; n > 16; p += 16, n -= 16)
			h = mix(rd64(p) ^ K1, rd64(p + 8) ^ h);
		/* The last 16 bytes, overlapping bytes already mixed when LEN is not a multiple. */
		a = rd64(p + n - 16);
		b = rd64(p + n - 8);
	}
	return mix(K3 ^ len, mix(a ^ K2, b ^ h ^ K1));
}

static int nomem(void)
{
	errno = ENOMEM;
	return -1;
}

/* The fewest slots that hold N keys at load <= 0.7, or 0 when there would be too many. */
static size_t slots_for(size_t n)
{
	size_t s = MIN_SLOTS;

	while (s / 10 * 7 < n) {
		if ((uint64_t)s >= MAX_SLOTS || s > SIZE_MAX / 2 / sizeof(uint64_t))
			return 0;
		s *= 2;
	}
	return s;
}

static int set_slots(struct hash *h, size_t slots)
{
	if (!(h->slot = calloc(slots, sizeof *h->slot)))
		return nomem();
	h->mask = slots - 1;
	for (h->shift = 64; slots > 1; slots >>= 1)
		h->shift--;
	return 0;
}

struct hash *hash_new(size_t hint)
{
	struct hash *h;
	size_t slots = slots_for(hint);

	if (!slots || hint > SIZE_MAX / sizeof(struct entry) || !(h = calloc(1, sizeof *h))) {
		errno = ENOMEM;
		return NULL;
	}
	h->cap = hint > 8 ? hint : 8;
	if (set_slots(h, slots) < 0 || !(h->ent = malloc(h->cap * sizeof *h->ent))) {
		hash_free(h);
		errno = ENOMEM;
		return NULL;
	}
	return h;
}

void hash_free(struct hash *h)
{
	if (!h)
		return;
	arena_free(&h->keys);
	free(h->slot);
	free(h->ent);
	free(h);
}

/* Where KEY is (its entry number), or -1 and in *POS the empty slot it would take. */
static long lookup(const struct hash *h, const void *key, size_t len, uint64_t hv, size_t *pos)
{
	uint64_t s, tag = hv >> 32;
	size_t i = (size_t)(hv >> h->shift);

	for (; (s = h->slot[i]) != 0; i = (i + 1) & h->mask) {
		if (s >> 32 == tag) {
			const struct entry *e = &h->ent[(uint32_t)s - 1];

			if (e->len == len && (len == 0 || memcmp(e->key, key, len) == 0))
				return (long)((uint32_t)s - 1);
		}
	}
	*pos = i;
	return -1;
}

static size_t empty_slot(const struct hash *h, uint64_t hv)
{
	size_t i = (size_t)(hv >> h->shift);

	while (h->slot[i])
		i = (i + 1) & h->mask;
	return i;
}

/* Slots are taken in old index order: homes keep their order when the table doubles, so
 * the writes sweep the new index instead of scattering. */
static int rehash(struct hash *h, size_t slots)
{
	uint64_t *old = h->slot;
	size_t i, n = h->mask + 1;

	if (set_slots(h, slots) < 0) {
		h->slot = old;
		return -1;
	}
	for (i = 0; i < n; i++)
		if (old[i])
			h->slot[empty_slot(h, old[i])] = old[i];
	free(old);
	return 0;
}

long hash_find(const struct hash *h, const void *key, size_t len)
{
	size_t pos;

	return lookup(h, key, len, hash_bytes(key, len), &pos);
}

long hash_add(struct hash *h, const void *key, size_t len, int *added)
{
	uint64_t hv = hash_bytes(key, len);
	size_t pos;
	long k = lookup(h, key, len, hv, &pos);
	struct entry *e;
	char *p;

	if (added)
		*added = 0;
	if (k >= 0)
		return k;
	if (h->n + 1 > (h->mask + 1) / 10 * 7) {
		size_t slots = slots_for(h->n + 1);

		if (!slots || rehash(h, slots) < 0)
			return nomem();
		pos = empty_slot(h, hv);
	}
	if (h->n == h->cap) {
		size_t cap = h->cap < SIZE_MAX / sizeof *e / 2 ? h->cap * 2 : SIZE_MAX / sizeof *e;

		if (cap == h->n || !(e = realloc(h->ent, cap * sizeof *e)))
			return nomem();
		h->ent = e;
		h->cap = cap;
	}
	if (!(p = arena_copy(&h->keys, key, len)))
		return -1;
	e = &h->ent[h->n];
	e->key = p;
	e->len = len;
	e->val = 0;
	h->slot[pos] = (hv >> 32) << 32 | (uint64_t)(h->n + 1);
	if (added)
		*added = 1;
	return (long)h->n++;
}

size_t hash_count(const struct hash *h)
{
	return h->n;
}

const char *hash_key(const struct hash *h, size_t i, size_t *len)
{
	if (i >= h->n)
		return NULL;
	if (len)
		*len = h->ent[i].len;
	return h->ent[i].key;
}

uint64_t *hash_val(struct hash *h, size_t i)
{
	return i < h->n ? &h->ent[i].val : NULL;
}
