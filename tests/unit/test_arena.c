/* Unit tests of lib/arena: copies are exact, NUL-terminated, and stay put. */
#include <stdlib.h>
#include "arena.h"
#include "unit.h"

int main(void)
{
	struct arena a = ARENA_INIT;
	enum { N = 200000 };
	char **p = malloc(N * sizeof *p), key[32];
	int bad = 0;

	CHECK_MEM(arena_copy(&a, "", 0), 0, "", 0);
	CHECK_STR(arena_copy(&a, "a\0b", 3) + 2, "b");		/* NUL bytes kept, then a NUL */
	for (int i = 0; i < N; i++) {				/* many chunks */
		int n = snprintf(key, sizeof key, "key-%d", i);
		p[i] = arena_copy(&a, key, (size_t)n);
		bad |= !p[i];
	}
	CHECK_INT(bad, 0);
	char *big = malloc(3 << 20);				/* bigger than any chunk */
	memset(big, 'x', 3 << 20);
	char *b = arena_copy(&a, big, 3 << 20);
	CHECK(b && memcmp(b, big, 3 << 20) == 0 && b[3 << 20] == '\0');
	char *after = arena_copy(&a, "after", 5);		/* the current chunk is still used */
	CHECK_STR(after, "after");
	for (int i = 0; i < N; i++) {				/* nothing moved or was overwritten */
		snprintf(key, sizeof key, "key-%d", i);
		bad |= strcmp(p[i], key) != 0;
	}
	CHECK_INT(bad, 0);
	arena_free(&a);
	CHECK(a.chunks == NULL && a.left == 0);
	CHECK_STR(arena_copy(&a, "again", 5), "again");	/* usable after free */
	arena_free(&a);
	free(big);
	free(p);
	return unit_done("arena");
}
