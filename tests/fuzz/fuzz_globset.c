/* fuzz_globset: the pattern compiler and matcher. Input: flags byte, then pattern '\0' name.
 * make fuzz && build/fuzz/fuzz_globset -max_total_time=60 */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "globset.h"

#define REQUIRE(c) do { if (!(c)) __builtin_trap(); } while (0)

/* A batch of NAME's prefixes and suffixes answers as they do one by one. */
static void batch_agrees(struct globset *g, const char *name, size_t nlen)
{
	const char *bn[8];
	size_t bl[8];
	long bm[8];

	for (int i = 0; i < 8; i++) {
		size_t cut = nlen * (size_t)(i % 4) / 4;
		bn[i] = i < 4 ? name : name + cut;	/* prefixes, then suffixes */
		bl[i] = nlen - cut;
	}
	REQUIRE(globset_match_many(g, bn, bl, bm, 8) == 0);
	for (int i = 0; i < 8; i++)
		REQUIRE(bm[i] == globset_match(g, bn[i], bl[i]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct globset *g, *g2;
	const char *p, *name, *z;
	size_t plen, nlen;
	int flags;
	long r, r2;
	char *re;

	if (size < 1)
		return 0;
	flags = data[0] | (data[0] & 1 ? GLOB_GITSTAR : 0);
	if (flags & GLOB_PYTHON)
		flags &= GLOB_PYTHON | GLOB_CASEFOLD | GLOB_BRACES;
	p = (const char *)data + 1;
	z = memchr(p, '\0', size - 1);
	plen = z ? (size_t)(z - p) : size - 1;
	name = z ? z + 1 : p;
	nlen = z ? size - 1 - plen - 1 : plen;
	g = globset_new(flags);
	REQUIRE(g);
	if (globset_add(g, p, plen) < 0) {
		REQUIRE(errno == EINVAL);
		globset_free(g);
		return 0;
	}
	r = globset_match(g, name, nlen);
	REQUIRE(r == -1 || r == 0);
	batch_agrees(g, name, nlen);
	/* the same pattern among many fast-path ones answers the same */
	g2 = globset_new(flags);
	REQUIRE(g2);
	for (int i = 0; i < 40; i++) {
		char lit[16];
		int n = snprintf(lit, sizeof lit, i & 1 ? "*.q%d" : "zz%d", i);
		REQUIRE(globset_add(g2, lit, (size_t)n) == i);
	}
	REQUIRE(globset_add(g2, p, plen) == 40);
	r2 = globset_match(g2, name, nlen);
	batch_agrees(g2, name, nlen);
	REQUIRE((r == 0) == (r2 >= 0) || (r2 >= 0 && r2 < 40));
	globset_free(g2);
	re = glob_translate(p, plen, flags);
	REQUIRE(re || errno == ENOTSUP || errno == EINVAL);
	free(re);
	globset_free(g);
	return 0;
}
