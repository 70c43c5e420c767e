/* tally: open addressing (linear probing, load <= 0.7) over 32-byte slots holding a short key's
 * bytes (as two overlapping words, which with the length determine it) or a long key's hash,
 * its count and its entry number; entries in insertion order point into a key arena. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tally.h"
#include "hashmix.h"

struct slot {
	uint64_t a, b;		/* len <= 16: the key's words; else a is the hash, b 0 */
	uint32_t len;		/* 32 bits: a longer key is compared in full anyway */
	uint32_t ent;
	uint64_t count;		/* 0: empty */
};

struct entry {
	const char *key;
	size_t len;
};

struct tally {
	struct slot *slot;
	size_t mask, used;
	struct entry *ent;
	size_t cap;
	struct arena keys;
};

/* The two words of a key of up to 16 bytes (zero-extended below 4 bytes). */
static void words(const unsigned char *p, size_t len, uint64_t *a, uint64_t *b)
{
	if (len >= 8) {
		*a = rd64(p);
		*b = rd64(p + len - 8);
	} else if (len >= 4) {
		*a = rd32(p);
		*b = rd32(p + len - 4);
	} else {
		*a = len ? (uint64_t)p[0] | (uint64_t)p[len >> 1] << 8 | (uint64_t)p[len - 1] << 16 : 0;
		*b = 0;
	}
}

static uint64_t hash_long(const unsigned char *p, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len;
	size_t n = len;

	for (; n > 16; p += 16, n -= 16)
		h = mix(rd64(p) ^ 0xd6e8feb86659fd93ull, rd64(p + 8) ^ h);
	return mix(rd64(p + n - 16) ^ 0xa0761d6478bd642full, rd64(p + n - 8) ^ h);
}

static uint64_t slot_hash(uint64_t a, uint64_t b, size_t len)
{
	return mix(a ^ 0xa0761d6478bd642full, b ^ 0xe7037ed1a0b428dbull ^ len);
}

struct tally *tally_new(void)
{
	struct tally *t = calloc(1, sizeof *t);

	if (!t || !(t->slot = calloc(64, sizeof *t->slot))) {
		free(t);
		errno = ENOMEM;
		return NULL;
	}
	t->mask = 63;
	return t;
}

void tally_free(struct tally *t)
{
	if (!t)
		return;
	arena_free(&t->keys);
	free(t->slot);
	free(t->ent);
	free(t);
}

static int grow(struct tally *t)
{
	size_t n = (t->mask + 1) * 2, i, j;
	struct slot *s = calloc(n, sizeof *s);

	if (!s)
		return -1;
	for (i = 0; i <= t->mask; i++) {
		struct slot *o = &t->slot[i];
		if (!o->count)
			continue;
		j = (size_t)slot_hash(o->a, o->b, o->len) & (n - 1);
		while (s[j].count)
			j = (j + 1) & (n - 1);
		s[j] = *o;
	}
	free(t->slot);
	t->slot = s;
	t->mask = n - 1;
	return 0;
}

void tally_prep(const struct tally *t, const void *key, size_t len, struct tally_hint *h)
{
	if (len <= 16) {
		words(key, len, &h->a, &h->b);
	} else {
		h->a = hash_long(key, len);
		h->b = 0;
	}
	h->h = slot_hash(h->a, h->b, len);
	__builtin_prefetch(&t->slot[h->h & t->mask]);
}

int tally_add(struct tally *t, const void *key, size_t len)
{
	struct tally_hint h;

	tally_prep(t, key, len, &h);
	return tally_add_hint(t, key, len, &h);
}

static int add(struct tally *t, const void *key, size_t len, const struct tally_hint *h, uint64_t n);

int tally_add_hint(struct tally *t, const void *key, size_t len, const struct tally_hint *h)
{
	return add(t, key, len, h, 1);
}

int tally_add_n(struct tally *t, const void *key, size_t len, uint64_t n)
{
	struct tally_hint h;

	tally_prep(t, key, len, &h);
	return add(t, key, len, &h, n);
}

static int add(struct tally *t, const void *key, size_t len, const struct tally_hint *h, uint64_t n)
{
	const unsigned char *k = key;
	uint64_t a = h->a, b = h->b;
	size_t i;
	struct slot *s;

	i = (size_t)h->h & t->mask;
	for (;; i = (i + 1) & t->mask) {
		s = &t->slot[i];
		if (!s->count)
			break;
		if (s->a == a && s->b == b && s->len == (uint32_t)len &&
		    (len <= 16 || (t->ent[s->ent].len == len && memcmp(t->ent[s->ent].key, k, len) == 0))) {
			s->count += n;
			return 0;
		}
	}
	if (t->used == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct entry *e = cap > UINT32_MAX ? NULL : realloc(t->ent, cap * sizeof *e);

		if (!e)
			goto nomem;
		t->ent = e;
		t->cap = cap;
	}
	if (!(t->ent[t->used].key = arena_copy(&t->keys, key, len)))
		goto nomem;
	t->ent[t->used].len = len;
	s->a = a;
	s->b = b;
	s->len = (uint32_t)len;
	s->ent = (uint32_t)t->used;
	s->count = n;
	t->used++;
	if (t->used > (t->mask + 1) / 10 * 7 && grow(t) < 0)
		goto nomem;
	return 1;
nomem:
	errno = ENOMEM;
	return -1;
}

size_t tally_count(const struct tally *t)
{
	return t->used;
}

const char *tally_key(const struct tally *t, size_t i, size_t *len)
{
	if (i >= t->used)
		return NULL;
	if (len)
		*len = t->ent[i].len;
	return t->ent[i].key;
}

void tally_counts(const struct tally *t, uint64_t *out)
{
	size_t i;

	for (i = 0; i <= t->mask; i++)
		if (t->slot[i].count)
			out[t->slot[i].ent] = t->slot[i].count;
}
