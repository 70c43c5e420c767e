/* out: buffered writes to a descriptor that keep the first write error (errno) and drop
 * what follows it, so a writer checks once at the end. out_stdout is standard output; every
 * applet writes its results there, and cmd/main.c flushes and checks it after the applet. */
#ifndef COOKBOX_OUT_H
#define COOKBOX_OUT_H

#include <stddef.h>
#include <string.h>

#define OUT_BUFSZ (64 * 1024)

struct out {
	int fd;
	int err;	/* errno of the first failed write, 0 while all is well */
	size_t len;
	char buf[OUT_BUFSZ];
};

extern struct out out_stdout[1];

void out_init(struct out *o, int fd);
int out_write_slow(struct out *o, const void *p, size_t n);
/* Write everything buffered: 0, or -1 with o->err (and errno) set. */
int out_flush(struct out *o);
int out_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Queue N bytes: 0, or -1 once a write has failed. */
static inline int out_write(struct out *o, const void *p, size_t n)
{
	if (n <= OUT_BUFSZ - o->len) {
		memcpy(o->buf + o->len, p, n);
		o->len += n;
		return o->err ? -1 : 0;
	}
	return out_write_slow(o, p, n);
}

static inline int out_putc(struct out *o, int c)
{
	if (o->len == OUT_BUFSZ && out_flush(o) < 0)
		return -1;
	o->buf[o->len++] = (char)c;
	return o->err ? -1 : 0;
}

static inline int out_puts(struct out *o, const char *s)
{
	return out_write(o, s, strlen(s));
}

#endif
