/* make fuzz && build/fuzz/fuzz_iorange -max_len=65536 -max_total_time=60 CORPUS */
/* fuzz_iorange: lib/io's in_gzip_header_scan against a byte-by-byte check, and in_open_range
 * split at each candidate member start against one whole read: when the first range ends
 * exactly where the second starts, the two give the whole read's bytes and its message;
 * when the first range fails, it gives them alone. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "io.h"

struct bytes {
	char *p;
	size_t len, cap;
};

static void add(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		b->p = realloc(b->p, b->cap);
		assert(b->p);
	}
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

static int plausible(const uint8_t *q)
{
	return q[0] == 0x1f && q[1] == 0x8b && q[2] == 8 && !(q[3] & 0xe0) &&
		(q[8] == 0 || q[8] == 2 || q[8] == 4) && (q[9] <= 13 || q[9] == 255);
}

/* Read PATH from START to STOP into B: 0 at the end, -1 on error (message in ERR), -2 when
 * it cannot be opened. */
static int slurp(const char *path, unsigned long long start, unsigned long long stop,
	struct bytes *b, unsigned long long *end, char *err)
{
	static char buf[65536];
	struct in *in = in_open_range(path, start, stop);
	ssize_t n;

	if (!in)
		return -2;
	while ((n = in_read(in, buf, sizeof buf)) > 0)
		add(b, buf, (size_t)n);
	*end = in_offset(in);
	snprintf(err, 256, "%s", in_error(in));
	in_close(in);
	return n < 0 ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytes whole = { 0 }, a = { 0 }, b = { 0 };
	char path[64], ew[256], ea[256], eb[256];
	unsigned long long endw, enda, endb;
	size_t i, tried = 0;
	long at, base = 0;
	int fd, rw, ra, rb;

	for (i = 0; i + 10 <= size && !plausible(data + i); i++)
		;
	at = in_gzip_header_scan(data, size);
	assert(at == (i + 10 <= size ? (long)i : -1));

	fd = memfd_create("fuzz_iorange", 0);
	assert(fd >= 0);
	assert(write(fd, data, size) == (ssize_t)size);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	rw = slurp(path, 0, 0, &whole, &endw, ew);
	while (rw != -2 && tried++ < 8 && (at = in_gzip_header_scan(data + base, size - (size_t)base)) >= 0) {
		unsigned long long h = (unsigned long long)(base + at);

		base += at + 1;
		if (h == 0)
			continue;
		a.len = b.len = 0;
		ra = slurp(path, 0, h, &a, &enda, ea);
		assert(ra != -2);
		if (ra < 0) {
			assert(rw < 0 && strcmp(ea, ew) == 0 && enda == endw);
			assert(a.len == whole.len && memcmp(a.p, whole.p, a.len) == 0);
			continue;
		}
		assert(a.len <= whole.len && memcmp(a.p, whole.p, a.len) == 0);
		if (enda != h)
			continue;	/* h was inside a member: the caller falls back */
		rb = slurp(path, h, 0, &b, &endb, eb);
		assert(rb != -2);
		assert(rb == rw && strcmp(eb, ew) == 0 && endb == endw);
		assert(a.len + b.len == whole.len && memcmp(b.p, whole.p + a.len, b.len) == 0);
	}
	close(fd);
	free(whole.p);
	free(a.p);
	free(b.p);
	return 0;
}
