/* arena: NUL-terminated copies of byte strings bump-allocated in chunks (4 KiB doubling to
 * 1 MiB; a big string gets a chunk of its own), for tables of millions of keys without a
 * malloc per key. The arena owns the copies; they stay put until arena_free. */
#ifndef COOKBOX_ARENA_H
#define COOKBOX_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *chunks;
	char *next;		/* free space in the current chunk */
	size_t left, chunk_size;
};

#define ARENA_INIT { NULL, NULL, 0, 0 }

/* A copy of the LEN bytes at P followed by a NUL; NULL with errno ENOMEM. */
char *arena_copy(struct arena *a, const void *p, size_t len);
/* Free every copy; the arena is empty and usable again. */
void arena_free(struct arena *a);

#endif
