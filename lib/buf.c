/* buf: a growable, always NUL-terminated byte buffer; capacity doubles, sizes checked for
 * overflow, and a failed call leaves the buffer as it was. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define BUF_MIN 64

int buf_grow(struct buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > SIZE_MAX - 1 - b->len)
		goto nomem;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap > BUF_MIN ? b->cap : BUF_MIN;
	while (cap < need)
		cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
	if (!(p = realloc(b->p, cap)))
		goto nomem;
	b->p = p;
	b->cap = cap;
	b->p[b->len] = '\0';
	return 0;
nomem:
	errno = ENOMEM;
	return -1;
}

int buf_add(struct buf *b, const void *p, size_t n)
{
	/* P may point into the buffer itself, which buf_grow may move. */
	int inside = b->p && (const char *)p >= b->p && (const char *)p < b->p + b->len;
	size_t off = inside ? (size_t)((const char *)p - b->p) : 0;

	if (buf_grow(b, n) < 0)
		return -1;
	if (n)
		memmove(b->p + b->len, inside ? b->p + off : p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int buf_addc(struct buf *b, int c)
{
	if (b->len + 1 >= b->cap && buf_grow(b, 1) < 0)
		return -1;
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room = b->cap ? b->cap - b->len : 0;
	int n;

	/* First into the room already there: most calls fit and format only once. */
	va_start(ap, fmt);
	n = vsnprintf(room ? b->p + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= room) {
		if (buf_grow(b, (size_t)n) < 0) {
			n = -1;
		} else {
			va_start(ap, fmt);
			n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
			va_end(ap);
		}
	}
	if (n < 0) {
		/* The first try may have written a truncated tail over the NUL. */
		if (b->p)
			b->p[b->len] = '\0';
		return -1;
	}
	b->len += (size_t)n;
	return 0;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void buf_free(struct buf *b)
{
	if (!b)
		return;
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
