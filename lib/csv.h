/* csv: a streaming RFC 4180 record reader as real files are: quoted fields with delimiters,
 * doubled quotes and line breaks, CRLF/LF/CR line ends, a leading UTF-8 BOM skipped, NUL bytes
 * and invalid UTF-8 kept as data; Python csv's reading of stray quotes. Bytes come in blocks
 * from a read callback; the records never depend on how the input was split into blocks.
 * The reader owns its buffer: a record's fields are valid until the next csv_next call. */
#ifndef COOKBOX_CSV_H
#define COOKBOX_CSV_H

#include <stddef.h>
#include <sys/types.h>

struct in;
struct csv;

struct csv_field {
	char *p;		/* the unquoted bytes; p[len] is '\0' (and writable) */
	size_t len;
};

struct csv_rec {
	const struct csv_field *f;
	size_t n;		/* 0 for a blank line */
	unsigned long long line;	/* the line the record starts on, from 1 */
};

/* Fills BUF with up to N bytes: the count, 0 at the end, -1 on error. */
typedef ssize_t (*csv_read_fn)(void *ctx, void *buf, size_t n);

/* A reader of records from READ(CTX); DELIM and QUOTE are bytes (QUOTE -1: no quoting).
 * NULL with errno ENOMEM. */
struct csv *csv_new(csv_read_fn read, void *ctx, int delim, int quote);
/* The same over lib/io's in_read (IN stays the caller's). */
struct csv *csv_new_in(struct in *in, int delim, int quote);
void csv_free(struct csv *c);
/* The next record: 1, 0 at the end, -1 on error: CSV_EQUOTE (an unterminated quoted field,
 * opened on csv_errline), CSV_EREAD (READ failed, errno as it left it) or CSV_ENOMEM. */
int csv_next(struct csv *c, struct csv_rec *rec);
enum { CSV_EQUOTE = 1, CSV_EREAD, CSV_ENOMEM };
int csv_error(const struct csv *c);
unsigned long long csv_errline(const struct csv *c);

#endif
