/* io: read a path or "-" (stdin) as one byte stream, inflating gzip (any number of members)
 * and bzip2 (any number of streams) found by their magic bytes, and a line reader over it.
 * The stream owns its buffers: a line from in_getline is valid until the next call on it. */
#ifndef COOKBOX_IO_H
#define COOKBOX_IO_H

#include <stddef.h>
#include <sys/types.h>

enum in_format { IN_PLAIN, IN_GZIP, IN_BZIP2 };

struct in;

struct in_line {
	char *p;	/* the line's bytes, without the '\n'; p[len] is writable */
	size_t len;
	int eol;	/* 1 if the line ended in '\n', 0 for a final line without one */
};

/* Open PATH ("-" is stdin) and sniff its format; NULL with errno set on failure. */
struct in *in_open(const char *path);
/* Same over an open descriptor; NAME is used in messages. The stream owns FD once this
 * succeeds; on failure FD is left open. A directory fails with EISDIR. */
struct in *in_fdopen(int fd, const char *name);
/* Up to N decompressed bytes into BUF: the count, 0 at the end, -1 on error (see in_error). */
ssize_t in_read(struct in *in, void *buf, size_t n);
/* The next line: 1, 0 at the end, -1 on error. Every good byte before an error is delivered
 * first (a partial last line with eol 0), then -1. NUL bytes are data; '\r' is kept. */
int in_getline(struct in *in, struct in_line *line);
/* After -1: what went wrong, e.g. "truncated gzip data at byte 1234" or strerror(errno);
 * "" before any error. Errors are sticky. Bad compressed data sets errno to EBADMSG. */
const char *in_error(const struct in *in);
/* The name given at open ("-" is "(standard input)"). */
const char *in_name(const struct in *in);
/* Lines returned so far by in_getline: the current line's number. */
unsigned long long in_lineno(const struct in *in);
/* Bytes of the file consumed so far: read for plain text, fed to the decompressor for
 * gzip/bzip2 (the offset that error messages name). */
unsigned long long in_offset(const struct in *in);
enum in_format in_format(const struct in *in);
/* A gzip stream over part of the file PATH: from byte START, which must begin a gzip member,
 * member after member until the first member boundary at or after byte STOP (0: the end of
 * the file). Offsets (in_offset, messages) count from the file's start, so an error names
 * the byte a whole-file read would; the end of the file before STOP is the usual end. NULL
 * with errno set on failure, EINVAL when the bytes at START are not gzip. */
struct in *in_open_range(const char *path, unsigned long long start, unsigned long long stop);
/* The first offset in P[0..N) where a plausible gzip member header starts (1f 8b 08, no
 * reserved flag, XFL 0, 2 or 4, a known OS), with its 10 fixed bytes inside P; -1 if none.
 * Only a hint: compressed data can hold these bytes, so the caller verifies by inflating. */
long in_gzip_header_scan(const unsigned char *p, size_t n);
/* The rest of a plain (uncompressed) regular file mapped read-only, for a caller that scans it
 * in place: its bytes, *N of them, valid until in_close; the stream is then at its end. NULL
 * when the stream is not such a file, has been read from, or the mapping fails: read it as
 * usual then. A file truncated while mapped raises SIGBUS, as with any mapping. */
const char *in_map(struct in *in, size_t *n);
/* Close the descriptor (unless it is stdin) and free: 0, or -1 with errno if close failed. */
int in_close(struct in *in);

#endif
