/* make fuzz && build/fuzz/fuzz_csv -max_len=65536 -max_total_time=60 CORPUS */
/* fuzz_csv: lib/csv over any bytes, the first byte choosing the dialect; the records, fields,
 * line numbers and error must be the same whatever the sizes of the blocks read. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"

struct mem {
	const uint8_t *p;
	size_t len, off, i;
	const size_t *sizes;
};

static ssize_t mem_read(void *ctx, void *buf, size_t n)
{
	struct mem *m = ctx;
	size_t k = m->sizes[m->i++ % 4];

	if (n > k)
		n = k;
	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(buf, m->p + m->off, n);
	m->off += n;
	return (ssize_t)n;
}

struct bytes {
	char *p;
	size_t len, cap;
};

static void add(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		assert(b->p);
	}
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

/* Every record as: line, field count, then each field's length and bytes; then the end. */
static void run(const uint8_t *data, size_t size, int delim, int quote, const size_t *sizes, struct bytes *out)
{
	struct mem m = { data, size, 0, 0, sizes };
	struct csv *c = csv_new(mem_read, &m, delim, quote);
	struct csv_rec r;
	unsigned long long prev = 0, end[3];
	size_t i;
	int k;

	assert(c);
	while ((k = csv_next(c, &r)) == 1) {
		assert(r.line > prev);
		prev = r.line;
		add(out, &r.line, sizeof r.line);
		add(out, &r.n, sizeof r.n);
		for (i = 0; i < r.n; i++) {
			assert(r.f[i].p[r.f[i].len] == '\0');
			add(out, &r.f[i].len, sizeof r.f[i].len);
			add(out, r.f[i].p, r.f[i].len);
		}
	}
	assert(k == 0 || (k == -1 && csv_error(c) == CSV_EQUOTE));
	end[0] = (unsigned long long)k;
	end[1] = (unsigned long long)csv_error(c);
	end[2] = csv_errline(c);
	add(out, end, sizeof end);
	assert(csv_next(c, &r) == k);
	csv_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t a[] = { 1 << 20, 1 << 20, 1 << 20, 1 << 20 }, b[] = { 1, 2, 3, 1 },
		c[] = { 7, 4096, 1, 300 };
	static const int delims[] = { ',', ';', '\t', '|' }, quotes[] = { '"', '\'', -1, 0 };
	struct bytes x = { 0 }, y = { 0 }, z = { 0 };
	int delim = ',', quote = '"';

	if (size > 0) {
		delim = delims[data[0] & 3];
		quote = quotes[data[0] >> 2 & 3];
		data++;
		size--;
	}
	run(data, size, delim, quote, a, &x);
	run(data, size, delim, quote, b, &y);
	run(data, size, delim, quote, c, &z);
	assert(x.len == y.len && memcmp(x.p, y.p, x.len) == 0);
	assert(x.len == z.len && memcmp(x.p, z.p, x.len) == 0);
	free(x.p);
	free(y.p);
	free(z.p);
	return 0;
}
