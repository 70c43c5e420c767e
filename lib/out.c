/* out: buffered descriptor output with a sticky error (see out.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "out.h"

struct out out_stdout[1] = { { .fd = 1 } };

void out_init(struct out *o, int fd)
{
	o->fd = fd;
	o->err = 0;
	o->len = 0;
}

static int write_all(struct out *o, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(o->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			o->err = errno;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int out_flush(struct out *o)
{
	if (o->err) {
		o->len = 0;
		errno = o->err;
		return -1;
	}
	size_t n = o->len;
	o->len = 0;
	return write_all(o, o->buf, n);
}

int out_write_slow(struct out *o, const void *p, size_t n)
{
	if (out_flush(o) < 0)
		return -1;
	if (n >= OUT_BUFSZ)
		return write_all(o, p, n);
	memcpy(o->buf, p, n);
	o->len = n;
	return 0;
}

int out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	char small[512];

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof small)
		return out_write(o, small, (size_t)n);
	if ((size_t)n + 1 > OUT_BUFSZ - o->len && out_flush(o) < 0)
		return -1;
	if ((size_t)n + 1 <= OUT_BUFSZ - o->len) {
		va_start(ap, fmt);
		vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		o->len += (size_t)n;
		return 0;
	}
	/* Longer than the whole buffer: rare enough to format into a temporary. */
	char *tmp = malloc((size_t)n + 1);
	if (!tmp) {
		o->err = ENOMEM;
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(tmp, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int r = write_all(o, tmp, (size_t)n);
	free(tmp);
	return r;
}
