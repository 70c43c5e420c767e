/* hostset: client hosts (IPv4, IPv6, host names), each with a request count and its first
 * and last times, kept under sort keys that order IPv4 numerically, then IPv6 numerically,
 * then names bytewise. Adding and merging sum counts and widen times, so merging is
 * associative and commutative. The set owns its keys; functions that allocate return -1 or
 * NULL with errno ENOMEM and leave the set as it was. */
#ifndef COOKBOX_HOSTSET_H
#define COOKBOX_HOSTSET_H

#include <stddef.h>
#include <stdint.h>

#define HOSTSET_KEY_MAX 256

struct hostset_ent {
	uint64_t count;
	long long first, last;	/* seconds since the epoch */
};

struct hostset;

struct hostset *hostset_new(void);
void hostset_free(struct hostset *s);
/* The key of HOST[0..LEN) (trailing blanks ignored) into KEY: its length, or 0 when HOST is
 * neither an address (::ffff:a.b.c.d is folded to IPv4) nor a name of letters, digits, '-',
 * '.' and '_' that starts with a letter or a digit. */
size_t hostset_key(const char *host, size_t len, unsigned char key[HOSTSET_KEY_MAX]);
/* Count COUNT requests between FIRST and LAST for KEY: 0, or -1. */
int hostset_add(struct hostset *s, const unsigned char *key, size_t klen, uint64_t count,
	long long first, long long last);
/* Add every host of FROM to INTO: 0, or -1 (INTO then holds part of FROM). */
int hostset_merge(struct hostset *into, const struct hostset *from);
size_t hostset_count(const struct hostset *s);
/* The entry numbers in output order, malloc'd (the caller frees), or NULL. */
size_t *hostset_sorted(const struct hostset *s);
/* Entry I's host as text (canonical for addresses), using BUF (46 bytes or more) when it
 * must be written out; its length in *LEN. Valid until BUF changes or the set is freed. */
const char *hostset_host(const struct hostset *s, size_t i, char *buf, size_t *len);
const struct hostset_ent *hostset_ent(const struct hostset *s, size_t i);

#endif
