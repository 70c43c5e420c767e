/* arena: chunked bump allocation of string copies (see arena.h). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define FIRST_CHUNK ((size_t)4096)
#define MAX_CHUNK ((size_t)1 << 20)

struct arena_chunk {
	struct arena_chunk *next;
	char data[];
};

char *arena_copy(struct arena *a, const void *key, size_t len)
{
	struct arena_chunk *c;
	char *p;
	size_t need = len + 1;

	if (len > SIZE_MAX - sizeof *c - 1) {
		errno = ENOMEM;
		return NULL;
	}
	if (a->chunk_size == 0)
		a->chunk_size = FIRST_CHUNK;
	if (need > a->left) {
		/* A big string gets a chunk of its own, so the current chunk's tail stays in use. */
		int own = need > a->chunk_size / 4;
		if (!(c = malloc(sizeof *c + (own ? need : a->chunk_size)))) {
			errno = ENOMEM;
			return NULL;
		}
		c->next = a->chunks;
		a->chunks = c;
		if (own) {
			p = c->data;
			goto copy;
		}
		a->next = c->data;
		a->left = a->chunk_size;
		if (a->chunk_size < MAX_CHUNK)
			a->chunk_size *= 2;
	}
	p = a->next;
	a->next += need;
	a->left -= need;
copy:
	if (len)
		memcpy(p, key, len);
	p[len] = '\0';
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
	a->next = NULL;
	a->left = a->chunk_size = 0;
}
