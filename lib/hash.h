/* hash: a table of byte-string keys (copied in, kept in insertion order) each with a 64-bit
 * value: sets and counters for millions of keys. The table owns the key copies; pointers to
 * keys stay valid until hash_free, pointers to values until the next hash_add. */
#ifndef COOKBOX_HASH_H
#define COOKBOX_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash;

/* A new, empty table sized for about HINT keys (0 is fine); NULL on ENOMEM. */
struct hash *hash_new(size_t hint);
void hash_free(struct hash *h);
/* The index (0, 1, ... in insertion order) of KEY, or -1 when absent. */
long hash_find(const struct hash *h, const void *key, size_t len);
/* The index of KEY, adding it with value 0 when absent (then *ADDED = 1, else 0; ADDED may be
 * NULL); -1 with errno ENOMEM on allocation failure. */
long hash_add(struct hash *h, const void *key, size_t len, int *added);
/* Number of keys. */
size_t hash_count(const struct hash *h);
/* Key number I and its length. */
const char *hash_key(const struct hash *h, size_t i, size_t *len);
/* Value of key number I, writable. */
uint64_t *hash_val(struct hash *h, size_t i);
/* A 64-bit hash of S (also used inside the table), for callers that shard by hash. */
uint64_t hash_bytes(const void *s, size_t len);

#endif
