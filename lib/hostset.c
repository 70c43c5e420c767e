/* hostset: hosts with counts and first/last times over lib/hash, keyed for output order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "hostset.h"
#include "inet.h"

/* Key tags, in output order. */
enum { K_V4 = 1, K_V6 = 2, K_NAME = 3 };

struct hostset {
	struct hash *h;
	struct hostset_ent *ent;	/* by the hash's entry number */
	size_t cap;
};

struct hostset *hostset_new(void)
{
	struct hostset *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	if (!(s->h = hash_new(1024))) {
		free(s);
		errno = ENOMEM;
		return NULL;
	}
	return s;
}

void hostset_free(struct hostset *s)
{
	if (!s)
		return;
	hash_free(s->h);
	free(s->ent);
	free(s);
}

static int namechar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '-' || c == '.' || c == '_';
}

size_t hostset_key(const char *s, size_t len, unsigned char key[HOSTSET_KEY_MAX])
{
	size_t i;
	int fam;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= HOSTSET_KEY_MAX)
		return 0;
	if ((fam = inet_parse(s, len, key + 1)) != 0) {
		key[0] = fam == 4 ? K_V4 : K_V6;
		return fam == 4 ? 5 : 17;
	}
	if (!namechar((unsigned char)s[0]) || s[0] == '-' || s[0] == '.' || s[0] == '_')
		return 0;	/* RFC 1123: a name starts with a letter or digit ("-" is no host) */
	for (i = 1; i < len; i++)
		if (!namechar((unsigned char)s[i]))
			return 0;
	key[0] = K_NAME;
	memcpy(key + 1, s, len);
	return len + 1;
}

int hostset_add(struct hostset *s, const unsigned char *key, size_t klen, uint64_t count,
	long long first, long long last)
{
	struct hostset_ent *e;
	int added;
	long i;

	if (s->cap == hash_count(s->h)) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		if (!(e = realloc(s->ent, cap * sizeof *e)))
			return -1;
		s->ent = e;
		s->cap = cap;
	}
	if ((i = hash_add(s->h, key, klen, &added)) < 0)
		return -1;
	e = &s->ent[i];
	if (added) {
		e->count = count;
		e->first = first;
		e->last = last;
		return 0;
	}
	e->count += count;
	if (first < e->first)
		e->first = first;
	if (last > e->last)
		e->last = last;
	return 0;
}

int hostset_merge(struct hostset *into, const struct hostset *from)
{
	size_t i, n = hash_count(from->h), len;

	for (i = 0; i < n; i++) {
		const char *k = hash_key(from->h, i, &len);
		const struct hostset_ent *e = &from->ent[i];
		if (hostset_add(into, (const unsigned char *)k, len, e->count, e->first, e->last) < 0)
			return -1;
	}
	return 0;
}

size_t hostset_count(const struct hostset *s)
{
	return hash_count(s->h);
}

static int cmp_key(const void *a, const void *b, void *set)
{
	const struct hostset *s = set;
	size_t la, lb;
	const char *ka = hash_key(s->h, *(const size_t *)a, &la);
	const char *kb = hash_key(s->h, *(const size_t *)b, &lb);
	int r = memcmp(ka, kb, la < lb ? la : lb);

	return r ? r : (la > lb) - (la < lb);
}

size_t *hostset_sorted(const struct hostset *s)
{
	size_t n = hash_count(s->h), i, *ix = malloc((n ? n : 1) * sizeof *ix);

	if (!ix)
		return NULL;
	for (i = 0; i < n; i++)
		ix[i] = i;
	qsort_r(ix, n, sizeof *ix, cmp_key, (void *)s);
	return ix;
}

const char *hostset_host(const struct hostset *s, size_t i, char *buf, size_t *len)
{
	size_t klen;
	const char *key = hash_key(s->h, i, &klen);

	if (key[0] == K_NAME) {
		*len = klen - 1;
		return key + 1;
	}
	*len = inet_format(key[0] == K_V4 ? 4 : 6, (const unsigned char *)key + 1, buf);
	return buf;
}

const struct hostset_ent *hostset_ent(const struct hostset *s, size_t i)
{
	return &s->ent[i];
}
