/* make fuzz && build/fuzz/fuzz_inflate -max_len=65536 -max_total_time=60 CORPUS
 * (build with -DHAVE_ISAL and -lisal for it to compare anything; see the Makefile note) */
/* fuzz_inflate: lib/io's two gzip inflaters over any bytes. What zlib reads whole, ISA-L reads
 * whole to the same bytes; a truncation is reported alike by both. ISA-L may be more lenient
 * than zlib on a malformed stream, never stricter on a good one. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "io.h"

struct run {
	char *p;
	size_t len;
	int end;
	char err[256];
};

static void run(const uint8_t *data, size_t size, const char *inflater, struct run *r)
{
	static char buf[65536];
	struct in *in;
	ssize_t n;
	int fd = memfd_create("fuzz_inflate", 0);

	assert(fd >= 0);
	assert(write(fd, data, size) == (ssize_t)size);
	assert(lseek(fd, 0, SEEK_SET) == 0);
	setenv("COOKBOX_INFLATE", inflater, 1);
	in = in_fdopen(fd, "fuzz");
	assert(in);
	memset(r, 0, sizeof *r);
	while ((n = in_read(in, buf, sizeof buf)) > 0) {
		r->p = realloc(r->p, r->len + (size_t)n);
		assert(r->p);
		memcpy(r->p + r->len, buf, (size_t)n);
		r->len += (size_t)n;
	}
	r->end = (int)n;
	strcpy(r->err, in_error(in));
	assert(in_close(in) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run z, i;

	if (size < 2 || data[0] != 0x1f || data[1] != 0x8b)
		return 0;
	run(data, size, "zlib", &z);
	run(data, size, "isal", &i);
	if (z.end == 0) {
		assert(i.end == 0);
		assert(i.len == z.len && (z.len == 0 || memcmp(i.p, z.p, z.len) == 0));
	}
	if (strncmp(z.err, "truncated", 9) == 0 && strncmp(i.err, "truncated", 9) == 0)
		assert(strcmp(z.err, i.err) == 0);
	free(z.p);
	free(i.p);
	return 0;
}
