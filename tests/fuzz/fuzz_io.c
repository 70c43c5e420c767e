/* make fuzz && build/fuzz/fuzz_io -max_len=65536 -max_total_time=60 CORPUS */
/* fuzz_io: lib/io over any bytes (plain, gzip, bzip2); in_getline and in_read must agree on
 * the bytes, the end (0 or -1) and the error message. One exception: libbz2 emits a corrupt
 * block's bytes before it notices, and how many depends on the output sizes asked for. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t sizes[] = { 1, 5, 4096, 131072, 300000 };
	static char buf[300000];
	struct bytes lines = { 0 }, bytes = { 0 };
	char err[256];
	struct in_line l;
	struct in *in;
	ssize_t n;
	int fd, again, r, i = 0, bz;
	unsigned long long count = 0;

	fd = memfd_create("fuzz_io", 0);
	assert(fd >= 0);
	assert(write(fd, data, size) == (ssize_t)size);
	again = dup(fd);
	assert(lseek(fd, 0, SEEK_SET) == 0);

	in = in_fdopen(fd, "fuzz");
	assert(in);
	while ((r = in_getline(in, &l)) == 1) {
		assert(l.eol == 0 || l.eol == 1);
		assert(lines.len == 0 || lines.p[lines.len - 1] == '\n');
		l.p[l.len] = '\0';
		add(&lines, l.p, l.len);
		if (l.eol)
			add(&lines, "\n", 1);
		count++;
	}
	assert(r == 0 || r == -1);
	assert(in_lineno(in) == count);
	assert((r == -1) == (in_error(in)[0] != '\0'));
	strcpy(err, in_error(in));
	bz = in_format(in) == IN_BZIP2 && r == -1;
	assert(in_getline(in, &l) == r);
	assert(in_close(in) == 0);

	assert(lseek(again, 0, SEEK_SET) == 0);
	in = in_fdopen(again, "fuzz");
	assert(in);
	while ((n = in_read(in, buf, sizes[i++ % 5])) > 0)
		add(&bytes, buf, (size_t)n);
	assert(n == r);
	if (bz) {
		size_t min = bytes.len < lines.len ? bytes.len : lines.len;
		assert(min == 0 || memcmp(bytes.p, lines.p, min) == 0);
	} else {
		assert(bytes.len == lines.len);
		assert(bytes.len == 0 || memcmp(bytes.p, lines.p, bytes.len) == 0);
	}
	assert(strcmp(err, in_error(in)) == 0);
	assert(in_close(in) == 0);

	free(lines.p);
	free(bytes.p);
	return 0;
}
