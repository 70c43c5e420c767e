/* buf: a growable byte buffer, always NUL-terminated after its LEN bytes. The buffer owns P;
 * buf_free releases it. Functions return 0, or -1 with errno ENOMEM (the buffer unchanged). */
#ifndef COOKBOX_BUF_H
#define COOKBOX_BUF_H

#include <stddef.h>

struct buf {
	char *p;
	size_t len, cap;
};

#define BUF_INIT { 0, 0, 0 }

/* Make room for EXTRA more bytes (and the terminating NUL) without further allocation. */
int buf_grow(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *p, size_t n);
int buf_addc(struct buf *b, int c);
int buf_adds(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empty the buffer, keeping its memory. */
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
