/* tally: counts of distinct byte strings, in order of first appearance, built for one lookup
 * per CSV cell: keys of up to 16 bytes live in the probed slot itself (one cache line, no
 * pointer to follow), longer ones are checked against a copy. The table owns the key copies:
 * pointers from tally_key stay valid until tally_free. */
#ifndef COOKBOX_TALLY_H
#define COOKBOX_TALLY_H

#include <stddef.h>
#include <stdint.h>

struct tally;

/* An empty table; NULL with errno ENOMEM. */
struct tally *tally_new(void);
void tally_free(struct tally *t);
/* Count one more KEY: 0, 1 when KEY is new (the next key number), or -1 with errno ENOMEM. */
int tally_add(struct tally *t, const void *key, size_t len);
/* Count N (> 0) more KEY at once. */
int tally_add_n(struct tally *t, const void *key, size_t len, uint64_t n);
/* The same in two steps, so that the cache misses of several tables overlap: tally_prep
 * hashes KEY and prefetches its slot, tally_add_hint counts it (no other add to T between). */
struct tally_hint {
	uint64_t a, b, h;
};
void tally_prep(const struct tally *t, const void *key, size_t len, struct tally_hint *h);
int tally_add_hint(struct tally *t, const void *key, size_t len, const struct tally_hint *h);
/* The number of distinct keys. */
size_t tally_count(const struct tally *t);
/* Key number I (0 is the first seen), NUL-terminated, and its length in *LEN (unless NULL). */
const char *tally_key(const struct tally *t, size_t i, size_t *len);
/* How many times key number I was added. */
uint64_t tally_val(const struct tally *t, size_t i);

/* Every key's count into OUT[0..tally_count), faster than tally_val one by one. */
void tally_counts(const struct tally *t, uint64_t *out);

#endif
