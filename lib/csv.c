/* csv: RFC 4180 records from a stream of blocks, by a resumable state machine that unquotes
 * fields in place; stray quotes are read as Python's csv module reads them (strict=False). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "csv.h"
#include "io.h"

#define BLOCK (256 * 1024)
#define PAD 64		/* readable slack after the buffer for 64-byte loads */

enum { REC_START, FIELD_START, UNQUOTED, QUOTED, QUOTE_QUOTE };

struct csv {
	csv_read_fn read;
	void *ctx;
	int delim, quote;
	unsigned char *buf;	/* [0, end) read; cap + PAD allocated */
	size_t cap, end, pos;
	size_t rs, fs, w;	/* record start, field start, write offset (w <= pos) */
	int state, eof, err, bom_done, pending_lf, cr;
	unsigned long long line, recline, quoteline, errline;
	size_t *off;		/* (start, length) pairs of the fields so far */
	size_t noff, capoff;
	struct csv_field *f;
	size_t capf;
};

static ssize_t read_in(void *ctx, void *buf, size_t n)
{
	return in_read(ctx, buf, n);
}

struct csv *csv_new(csv_read_fn read, void *ctx, int delim, int quote)
{
	struct csv *c;

	if (delim == '\r' || delim == '\n' || delim == quote || quote == '\r' || quote == '\n') {
		errno = EINVAL;
		return NULL;
	}
	if (!(c = calloc(1, sizeof *c)))
		return NULL;
	c->read = read;
	c->ctx = ctx;
	c->delim = (unsigned char)delim;
	c->quote = quote < 0 ? -1 : (unsigned char)quote;
	c->cap = BLOCK;
	if (!(c->buf = calloc(1, c->cap + PAD))) {
		free(c);
		errno = ENOMEM;
		return NULL;
	}
	return c;
}

struct csv *csv_new_in(struct in *in, int delim, int quote)
{
	return csv_new(read_in, in, delim, quote);
}

void csv_free(struct csv *c)
{
	if (!c)
		return;
	free(c->buf);
	free(c->off);
	free(c->f);
	free(c);
}

int csv_error(const struct csv *c)
{
	return c->err;
}

unsigned long long csv_errline(const struct csv *c)
{
	return c->errline;
}

/* The first offset in [i, end) holding X, Y or Z, or END. */
static size_t scan(const unsigned char *b, size_t i, size_t end, int x, int y, int z)
{
#ifdef __SSE2__
	__m128i vx = _mm_set1_epi8((char)x), vy = _mm_set1_epi8((char)y), vz = _mm_set1_epi8((char)z);

	while (i < end) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			_mm_cmpeq_epi8(v, vx), _mm_cmpeq_epi8(v, vy)), _mm_cmpeq_epi8(v, vz)));

		if (m) {
			i += (size_t)__builtin_ctz(m);
			return i < end ? i : end;
		}
		i += 16;
	}
	return end;
#else
	while (i < end && b[i] != x && b[i] != y && b[i] != z)
		i++;
	return i;
#endif
}

/* Keep the field bytes B[*POS..K) at *W, where the field's unquoted bytes are gathered, and
 * move both on: whether there were any. */
static inline int keep(unsigned char *b, size_t *w, size_t *pos, size_t k)
{
	if (k <= *pos)
		return 0;
	if (*w != *pos)
		memmove(b + *w, b + *pos, k - *pos);
	*w += k - *pos;
	*pos = k;
	return 1;
}

static int grow_off(struct csv *c)
{
	size_t cap = c->capoff ? c->capoff * 2 : 64;
	size_t *p = realloc(c->off, cap * sizeof *p);

	if (!p)
		return -1;
	c->off = p;
	c->capoff = cap;
	return 0;
}

static inline int push(struct csv *c, size_t start, size_t len)
{
	if (c->noff + 2 > c->capoff && grow_off(c) < 0)
		return -1;
	c->off[c->noff++] = start;
	c->off[c->noff++] = len;
	return 0;
}

#ifdef __SSE2__
/* Bit i set where B[i] (i < 64) is X, Y or Z. */
static inline uint64_t mask64(const unsigned char *b, int x, int y, int z)
{
	__m128i vx = _mm_set1_epi8((char)x), vy = _mm_set1_epi8((char)y), vz = _mm_set1_epi8((char)z);
	uint64_t m = 0;
	int k;

	for (k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * k));
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			_mm_cmpeq_epi8(v, vx), _mm_cmpeq_epi8(v, vy)), _mm_cmpeq_epi8(v, vz))) << (16 * k);
	}
	return m;
}
#endif

/* Run the machine over [pos, end): 1 when a record is complete, 0 when it needs more input,
 * -1 on ENOMEM. */
static int parse(struct csv *c)
{
	unsigned char *b = c->buf;
	size_t pos = c->pos, end = c->end, w = c->w, k;
	int delim = c->delim, quote = c->quote, ch, r = 0;
#ifdef __SSE2__
	/* where in [mbase, mbase + 64) the delimiters and line ends are */
	size_t mbase = (size_t)-1;
	uint64_t m = 0;
#endif

	for (;;) {
		switch (c->state) {
		case REC_START:
			if (pos == end)
				goto out;
			if (c->pending_lf) {
				c->pending_lf = 0;
				if (b[pos] == '\n') {
					pos++;
					continue;
				}
			}
			c->rs = pos;
			c->noff = 0;
			c->recline = c->line + 1;
			if (b[pos] == '\n' || b[pos] == '\r') {
				c->pending_lf = b[pos++] == '\r';
				c->line++;
				r = 1;
				goto out;
			}
			c->state = FIELD_START;
			/* fall through */
		case FIELD_START:
			if (pos == end)
				goto out;
			if (b[pos] == quote) {
				c->quoteline = c->line + 1;
				c->fs = w = ++pos;
				c->cr = 0;
				c->state = QUOTED;
				continue;
			}
			c->fs = w = pos;
			c->state = UNQUOTED;
			/* fall through */
		case UNQUOTED:
#ifdef __SSE2__
			/* field after field while none is quoted, from one bit mask per 64 bytes */
			for (;;) {
				uint64_t mm;

				if (mbase > pos || pos - mbase >= 64) {
					mbase = pos;
					m = mask64(b + pos, delim, '\r', '\n');
					if (end - pos < 64)
						m &= ((uint64_t)1 << (end - pos)) - 1;
				}
				mm = m >> (pos - mbase);
				if (!mm) {
					k = mbase + 64 < end ? mbase + 64 : end;
				} else {
					k = pos + (size_t)__builtin_ctzll(mm);
				}
				keep(b, &w, &pos, k);
				if (pos == end)
					goto out;
				if (!mm)
					continue;
				ch = b[pos++];
				if (push(c, c->fs, w - c->fs) < 0)
					goto nomem;
				if (ch != delim)
					break;
				if (pos == end || b[pos] == quote) {
					c->state = FIELD_START;
					break;
				}
				c->fs = w = pos;
			}
			if (ch == delim)
				continue;
#else
			k = scan(b, pos, end, delim, '\r', '\n');
			keep(b, &w, &pos, k);
			if (pos == end)
				goto out;
			ch = b[pos++];
			if (push(c, c->fs, w - c->fs) < 0)
				goto nomem;
			if (ch == delim) {
				c->state = FIELD_START;
				continue;
			}
#endif
			c->line++;
			c->pending_lf = ch == '\r';
			c->state = REC_START;
			r = 1;
			goto out;
		case QUOTED:
			k = scan(b, pos, end, quote, '\r', '\n');
			if (keep(b, &w, &pos, k))
				c->cr = 0;
			if (pos == end)
				goto out;
			ch = b[pos++];
			if (ch == quote) {
				c->state = QUOTE_QUOTE;
				continue;
			}
			if (ch == '\r' || !c->cr)
				c->line++;
			c->cr = ch == '\r';
			b[w++] = (unsigned char)ch;
			continue;
		case QUOTE_QUOTE:
			if (pos == end)
				goto out;
			ch = b[pos];
			if (ch == quote) {
				b[w++] = b[pos++];
				c->cr = 0;
				c->state = QUOTED;
				continue;
			}
			if (ch == delim || ch == '\r' || ch == '\n') {
				pos++;
				if (push(c, c->fs, w - c->fs) < 0)
					goto nomem;
				if (ch == delim) {
					c->state = FIELD_START;
					continue;
				}
				c->line++;
				c->pending_lf = ch == '\r';
				c->state = REC_START;
				r = 1;
				goto out;
			}
			/* Bytes after the closing quote join the field, as in Python's csv. */
			c->state = UNQUOTED;
			continue;
		}
	}
nomem:
	r = -1;
out:
	c->pos = pos;
	c->w = w;
	return r;
}

/* At the end of input: finish the record in progress. 1, 0 (no record) or -1. */
static int finish(struct csv *c)
{
	switch (c->state) {
	case REC_START:
		return 0;
	case FIELD_START:
		c->fs = c->w = c->pos;
		/* fall through */
	case UNQUOTED:
	case QUOTE_QUOTE:
		if (push(c, c->fs, c->w - c->fs) < 0) {
			c->err = CSV_ENOMEM;
			return -1;
		}
		c->state = REC_START;
		return 1;
	default:
		c->err = CSV_EQUOTE;
		c->errline = c->quoteline;
		return -1;
	}
}

/* Keep the record in progress, make room and read a block: 0, or -1 with c->err set. */
static int refill(struct csv *c)
{
	size_t keep = c->state == REC_START ? c->pos : c->rs, i;
	ssize_t n;

	if (keep > 0) {
		memmove(c->buf, c->buf + keep, c->end - keep);
		c->end -= keep;
		c->pos -= keep;
		c->w -= c->w >= keep ? keep : c->w;
		c->fs -= c->fs >= keep ? keep : c->fs;
		c->rs -= c->rs >= keep ? keep : c->rs;
		for (i = 0; i < c->noff; i += 2)
			c->off[i] -= keep;
	}
	if (c->end == c->cap) {
		size_t cap = c->cap * 2;
		unsigned char *p;

		if (cap < c->cap || !(p = realloc(c->buf, cap + PAD))) {
			c->err = CSV_ENOMEM;
			return -1;
		}
		memset(p + c->cap, 0, cap + PAD - c->cap);
		c->buf = p;
		c->cap = cap;
	}
	n = c->read(c->ctx, c->buf + c->end, c->cap - c->end);
	if (n < 0) {
		c->err = CSV_EREAD;
		return -1;
	}
	if (n == 0)
		c->eof = 1;
	c->end += (size_t)n;
	return 0;
}

static void deliver(struct csv *c, struct csv_rec *rec)
{
	size_t i, n = c->noff / 2;

	for (i = 0; i < n; i++) {
		c->f[i].p = (char *)c->buf + c->off[2 * i];
		c->f[i].len = c->off[2 * i + 1];
		c->f[i].p[c->f[i].len] = '\0';
	}
	rec->f = c->f;
	rec->n = n;
	rec->line = c->recline;
}

int csv_next(struct csv *c, struct csv_rec *rec)
{
	int r;

	if (c->err)
		return -1;
	while (!c->bom_done) {
		if (c->end - c->pos >= 3 || c->eof) {
			if (c->end - c->pos >= 3 && memcmp(c->buf + c->pos, "\xef\xbb\xbf", 3) == 0)
				c->pos += 3;
			c->bom_done = 1;
		} else if (refill(c) < 0) {
			return -1;
		}
	}
	for (;;) {
		r = parse(c);
		if (r < 0) {
			c->err = CSV_ENOMEM;
			return -1;
		}
		if (r == 0 && c->eof) {
			r = finish(c);
			if (r <= 0)
				return r;
		}
		if (r == 1) {
			if (c->noff / 2 > c->capf) {
				size_t cap = c->capoff / 2;
				struct csv_field *f = realloc(c->f, cap * sizeof *f);

				if (!f) {
					c->err = CSV_ENOMEM;
					return -1;
				}
				c->f = f;
				c->capf = cap;
			}
			deliver(c, rec);
			return 1;
		}
		if (refill(c) < 0)
			return -1;
	}
}
