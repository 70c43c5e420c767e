/* io: a byte stream and line reader over plain, gzip (RFC 1952, any number of members) and
 * bzip2 (any number of streams, as pbzip2 writes) input, sniffed from the first bytes read. */
#include <bzlib.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#ifdef HAVE_ISAL
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#endif
#include "io.h"

#define BLOCK (128 * 1024)
/* zlib and libbz2 count in unsigned int. */
#define FLOW_MAX (1u << 30)

/* One member (gzip) or stream (bzip2) at a time moves bytes from IN to OUT. */
struct flow {
	const unsigned char *in;
	size_t inlen;
	char *out;
	size_t outlen;
	const char *why;	/* the library's message after FLOW_BAD, or NULL */
};

enum { FLOW_MORE, FLOW_END, FLOW_BAD, FLOW_NOMEM };

/* The seam between the member framing (magic, end, truncation, trailing garbage), which is
 * shared, and a decompressor; another gzip inflater (ISA-L) would be one more of these. */
struct codec {
	const char *name;
	/* 1 if P starts a member, 0 if it cannot, -1 if N bytes are too few to tell */
	int (*magic)(const unsigned char *p, size_t n);
	int (*begin)(struct in *in);	/* 0, or -1 on ENOMEM */
	int (*run)(struct in *in, struct flow *f);
	void (*end)(struct in *in);
};

struct in {
	int fd;
	enum in_format fmt;
	const struct codec *codec;
	int eof;		/* the descriptor returned 0 */
	int failed;		/* sticky: every call after the pending bytes returns -1 */
	int errnum;
	int live;		/* the decompressor is initialised */
	int member;		/* inside a member, its end not yet seen */
	char *buf;		/* decoded bytes, [start, end) not yet returned; buf[end] is spare */
	size_t start, end, cap;
	unsigned char *raw;	/* compressed bytes, [rawpos, rawlen) not yet consumed */
	size_t rawpos, rawlen;
	unsigned long long offset, lineno;
	unsigned long long stop;	/* in_open_range: end at the first member boundary here */
	union {
		z_stream z;
		bz_stream bz;
#ifdef HAVE_ISAL
		struct isal_gz *isal;
#endif
	} u;
	char *name;
	char err[192];
	void *map;		/* in_map's mapping */
	size_t maplen;
};

static ssize_t fail(struct in *in, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static ssize_t fail(struct in *in, int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(in->err, sizeof in->err, fmt, ap);
	va_end(ap);
	in->failed = 1;
	in->errnum = errno = errnum;
	return -1;
}

static ssize_t fail_errno(struct in *in, int errnum)
{
	return fail(in, errnum, "%s", strerror(errnum));
}

static ssize_t xread(int fd, void *p, size_t n)
{
	ssize_t r;

	do
		r = read(fd, p, n);
	while (r < 0 && errno == EINTR);
	return r;
}

static int gz_magic(const unsigned char *p, size_t n)
{
	if (n >= 1 && p[0] != 0x1f)
		return 0;
	if (n < 2)
		return -1;
	return p[1] == 0x8b;
}

static int gz_begin(struct in *in)
{
	z_stream *z = &in->u.z;

	if (in->live)
		return inflateReset(z) == Z_OK ? 0 : -1;
	memset(z, 0, sizeof *z);
	if (inflateInit2(z, 16 + MAX_WBITS) != Z_OK)
		return -1;
	in->live = 1;
	return 0;
}

static int gz_run(struct in *in, struct flow *f)
{
	z_stream *z = &in->u.z;
	int r;

	z->next_in = (unsigned char *)f->in;
	z->avail_in = (unsigned)f->inlen;
	z->next_out = (unsigned char *)f->out;
	z->avail_out = (unsigned)f->outlen;
	r = inflate(z, Z_NO_FLUSH);
	f->in = z->next_in;
	f->inlen = z->avail_in;
	f->out = (char *)z->next_out;
	f->outlen = z->avail_out;
	switch (r) {
	case Z_STREAM_END:
		return FLOW_END;
	case Z_OK:
	case Z_BUF_ERROR:	/* no progress: wants more input */
		return FLOW_MORE;
	case Z_MEM_ERROR:
		return FLOW_NOMEM;
	case Z_NEED_DICT:
		f->why = "preset dictionary";
		return FLOW_BAD;
	default:
		f->why = z->msg;
		return FLOW_BAD;
	}
}

static void gz_end(struct in *in)
{
	inflateEnd(&in->u.z);
}

static int bz_magic(const unsigned char *p, size_t n)
{
	static const char m[] = "BZh";
	size_t i;

	for (i = 0; i < n && i < 4; i++)
		if (i < 3 ? p[i] != (unsigned char)m[i] : p[i] < '1' || p[i] > '9')
			return 0;
	return n >= 4 ? 1 : -1;
}

static int bz_begin(struct in *in)
{
	bz_stream *bz = &in->u.bz;

	/* libbz2 has no reset: a new stream needs a new decompressor. */
	if (in->live)
		BZ2_bzDecompressEnd(bz);
	in->live = 0;
	memset(bz, 0, sizeof *bz);
	if (BZ2_bzDecompressInit(bz, 0, 0) != BZ_OK)
		return -1;
	in->live = 1;
	return 0;
}

static int bz_run(struct in *in, struct flow *f)
{
	bz_stream *bz = &in->u.bz;
	int r;

	bz->next_in = (char *)f->in;
	bz->avail_in = (unsigned)f->inlen;
	bz->next_out = f->out;
	bz->avail_out = (unsigned)f->outlen;
	r = BZ2_bzDecompress(bz);
	f->in = (const unsigned char *)bz->next_in;
	f->inlen = bz->avail_in;
	f->out = bz->next_out;
	f->outlen = bz->avail_out;
	switch (r) {
	case BZ_STREAM_END:
		return FLOW_END;
	case BZ_OK:
		return FLOW_MORE;
	case BZ_MEM_ERROR:
		return FLOW_NOMEM;
	default:
		return FLOW_BAD;
	}
}

static void bz_end(struct in *in)
{
	BZ2_bzDecompressEnd(&in->u.bz);
}

static const struct codec gzip_codec = { "gzip", gz_magic, gz_begin, gz_run, gz_end };
static const struct codec bzip2_codec = { "bzip2", bz_magic, bz_begin, bz_run, bz_end };

#ifdef HAVE_ISAL
/* gzip through ISA-L's raw inflate, the RFC 1952 header and trailer read here so that the
 * messages and offsets are zlib's: a bad method at byte 4, the data check after the CRC. */
enum { GZ_FIXED, GZ_XLEN, GZ_EXTRA, GZ_NAME, GZ_COMMENT, GZ_HCRC, GZ_BODY, GZ_TRAILER };

struct isal_gz {
	struct inflate_state st;
	int phase, flags;
	unsigned pos, xlen;		/* bytes read of the current header part or trailer */
	uint32_t hcrc, crc, size;
	unsigned char b[10];
};

static const unsigned char isal_zeros[32768];

static int isal_begin(struct in *in)
{
	struct isal_gz *g = in->u.isal;

	if (!in->live) {
		if (!(g = in->u.isal = malloc(sizeof *g)))
			return -1;
		in->live = 1;
	}
	/* ISA-L checks neither a distance against the bytes decoded so far nor the invalid
	 * distance codes 30 and 31, and copies from before the output or from its own buffers:
	 * a cleared state and a history of zeros keep a corrupt member's output the same on
	 * every run (its CRC then fails) instead of depending on what memory held. */
	memset(g, 0, sizeof *g);
	isal_inflate_init(&g->st);
	g->st.crc_flag = ISAL_DEFLATE;
	if (isal_inflate_set_dict(&g->st, (uint8_t *)isal_zeros, sizeof isal_zeros) != COMP_OK)
		return -1;
	g->phase = GZ_FIXED;
	g->flags = 0;
	g->pos = g->xlen = 0;
	g->hcrc = g->crc = g->size = 0;
	return 0;
}

/* Move past the optional header parts that FLG says are absent. */
static void isal_skip_absent(struct isal_gz *g)
{
	g->pos = 0;
	for (;;) {
		if (g->phase == GZ_XLEN && !(g->flags & 4))
			g->phase = GZ_NAME;
		else if (g->phase == GZ_EXTRA && g->xlen == 0)
			g->phase = GZ_NAME;
		else if (g->phase == GZ_NAME && !(g->flags & 8))
			g->phase = GZ_COMMENT;
		else if (g->phase == GZ_COMMENT && !(g->flags & 16))
			g->phase = GZ_HCRC;
		else if (g->phase == GZ_HCRC && !(g->flags & 2))
			g->phase = GZ_BODY;
		else
			return;
	}
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One byte C of the header or the trailer (a few bytes a member). */
static int isal_byte(struct isal_gz *g, unsigned c, struct flow *f)
{
	unsigned char b = (unsigned char)c;

	if (g->phase < GZ_HCRC)
		g->hcrc = (uint32_t)crc32(g->hcrc, &b, 1);
	switch (g->phase) {
	case GZ_FIXED:
		g->b[g->pos++] = (unsigned char)c;
		if (g->pos == 4 && g->b[2] != 8) {
			f->why = "unknown compression method";
			return FLOW_BAD;
		}
		if (g->pos == 4 && (g->b[3] & 0xe0)) {
			f->why = "unknown header flags set";
			return FLOW_BAD;
		}
		if (g->pos == 10) {
			g->flags = g->b[3];
			g->phase = GZ_XLEN;
			isal_skip_absent(g);
		}
		break;
	case GZ_XLEN:
		g->xlen |= c << (8 * g->pos++);
		if (g->pos == 2) {
			g->phase = GZ_EXTRA;
			isal_skip_absent(g);
		}
		break;
	case GZ_EXTRA:
		if (++g->pos == g->xlen) {
			g->phase = GZ_NAME;
			isal_skip_absent(g);
		}
		break;
	case GZ_NAME:
	case GZ_COMMENT:
		if (c == 0) {
			g->phase++;
			isal_skip_absent(g);
		}
		break;
	case GZ_HCRC:
		g->b[g->pos++] = (unsigned char)c;
		if (g->pos == 2) {
			if ((g->b[0] | (uint32_t)g->b[1] << 8) != (g->hcrc & 0xffff)) {
				f->why = "header crc mismatch";
				return FLOW_BAD;
			}
			g->phase = GZ_BODY;
		}
		break;
	case GZ_TRAILER:
		g->b[g->pos++] = (unsigned char)c;
		if (g->pos == 4 && le32(g->b) != g->crc) {
			f->why = "incorrect data check";
			return FLOW_BAD;
		}
		if (g->pos == 8) {
			if (le32(g->b + 4) != g->size) {
				f->why = "incorrect length check";
				return FLOW_BAD;
			}
			return FLOW_END;
		}
		break;
	}
	return FLOW_MORE;
}

static int isal_run(struct in *in, struct flow *f)
{
	struct isal_gz *g = in->u.isal;
	const unsigned char *in0;
	unsigned char *out;
	uint64_t bits;
	size_t made;
	int r, n;

	for (;;) {
		if (g->phase != GZ_BODY) {
			if (f->inlen == 0)
				return FLOW_MORE;
			f->inlen--;
			if ((r = isal_byte(g, *f->in++, f)) != FLOW_MORE)
				return r;
			continue;
		}
		out = (unsigned char *)f->out;
		in0 = f->in;
		g->st.next_in = (uint8_t *)f->in;
		g->st.avail_in = (uint32_t)f->inlen;
		g->st.next_out = out;
		g->st.avail_out = (uint32_t)f->outlen;
		r = isal_inflate(&g->st);
		made = (size_t)(g->st.next_out - out);
		g->crc = crc32_gzip_refl(g->crc, out, made);
		g->size += (uint32_t)made;
		f->in = g->st.next_in;
		f->inlen = g->st.avail_in;
		f->out += made;
		f->outlen -= made;
		switch (r) {
		case ISAL_DECOMP_OK:
		case ISAL_END_INPUT:
		case ISAL_OUT_OVERFLOW:
			break;
		case ISAL_INVALID_BLOCK:
			f->why = "invalid block";
			return FLOW_BAD;
		case ISAL_INVALID_SYMBOL:
			f->why = "invalid code";
			return FLOW_BAD;
		case ISAL_INVALID_LOOKBACK:
			f->why = "invalid distance too far back";
			return FLOW_BAD;
		default:
			return FLOW_BAD;
		}
		if (g->st.block_state != ISAL_BLOCK_FINISH)
			return FLOW_MORE;
		g->phase = GZ_TRAILER;
		g->pos = 0;
		/* ISA-L reads ahead up to 8 bytes: what it holds past the deflate data, the padding
		 * bits of its last byte dropped, is the start of the trailer (which is 8 bytes).
		 * Give those bytes back when they came in this call, so offsets stay exact. */
		n = g->st.read_in_length / 8;
		if (f->in - in0 >= n) {
			f->in -= n;
			f->inlen += (size_t)n;
		} else {
			bits = g->st.read_in >> (g->st.read_in_length & 7);
			for (; n > 0; n--, bits >>= 8)
				if ((r = isal_byte(g, (unsigned)(bits & 0xff), f)) != FLOW_MORE)
					return r;
		}
		g->st.read_in_length = 0;
	}
}

static void isal_end(struct in *in)
{
	free(in->u.isal);
}

static const struct codec isal_codec = { "gzip", gz_magic, isal_begin, isal_run, isal_end };
#endif

/* Read more compressed bytes after the unconsumed ones: 1, 0 at the end, -1 on error. */
static int raw_more(struct in *in)
{
	ssize_t r;

	if (in->rawpos > 0) {
		memmove(in->raw, in->raw + in->rawpos, in->rawlen - in->rawpos);
		in->rawlen -= in->rawpos;
		in->rawpos = 0;
	}
	if (in->eof)
		return 0;
	r = xread(in->fd, in->raw + in->rawlen, BLOCK - in->rawlen);
	if (r < 0)
		return (int)fail_errno(in, errno);
	if (r == 0) {
		in->eof = 1;
		return 0;
	}
	in->rawlen += (size_t)r;
	return 1;
}

/* Decode up to N bytes into DST. Bytes decoded before an error are returned first; the
 * error is then sticky and the next call returns -1. */
static ssize_t codec_fill(struct in *in, char *dst, size_t n)
{
	const struct codec *c = in->codec;
	struct flow f;
	size_t got = 0;
	int r;

	if (n > FLOW_MAX)
		n = FLOW_MAX;
	while (got == 0) {
		if (!in->member) {
			if (in->stop && in->offset >= in->stop)
				return 0;
			while ((r = c->magic(in->raw + in->rawpos, in->rawlen - in->rawpos)) < 0 && !in->eof)
				if (raw_more(in) < 0)
					return -1;
			if (r < 0 && in->rawpos == in->rawlen)
				return 0;
			if (r < 0)
				return fail(in, EBADMSG, "truncated %s data at byte %llu", c->name,
					in->offset + (in->rawlen - in->rawpos));
			if (r == 0)
				return fail(in, EBADMSG, "trailing garbage after %s data at byte %llu",
					c->name, in->offset);
			if (c->begin(in) < 0)
				return fail_errno(in, ENOMEM);
			in->member = 1;
		}
		if (in->rawpos == in->rawlen) {
			r = raw_more(in);
			if (r < 0)
				break;
			if (r == 0) {
				fail(in, EBADMSG, "truncated %s data at byte %llu", c->name, in->offset);
				break;
			}
		}
		f.in = in->raw + in->rawpos;
		f.inlen = in->rawlen - in->rawpos;
		f.out = dst + got;
		f.outlen = n - got;
		f.why = NULL;
		r = c->run(in, &f);
		in->offset += (in->rawlen - in->rawpos) - f.inlen;
		in->rawpos = in->rawlen - f.inlen;
		got = n - f.outlen;
		if (r == FLOW_END) {
			in->member = 0;
		} else if (r == FLOW_NOMEM) {
			fail_errno(in, ENOMEM);
			break;
		} else if (r == FLOW_BAD) {
			if (f.why)
				fail(in, EBADMSG, "invalid %s data at byte %llu (%s)", c->name,
					in->offset, f.why);
			else
				fail(in, EBADMSG, "invalid %s data at byte %llu", c->name, in->offset);
			break;
		}
	}
	return got ? (ssize_t)got : -1;
}

static ssize_t fill(struct in *in, char *dst, size_t n)
{
	ssize_t r;

	if (in->failed) {
		errno = in->errnum;
		return -1;
	}
	if (in->fmt != IN_PLAIN)
		return codec_fill(in, dst, n);
	if (in->eof)
		return 0;
	r = xread(in->fd, dst, n);
	if (r < 0)
		return fail_errno(in, errno);
	if (r == 0)
		in->eof = 1;
	in->offset += (unsigned long long)r;
	return r;
}

/* ISA-L's inflate when the build has it, unless COOKBOX_INFLATE=zlib asks for zlib's (so
 * that one build can test both); zlib's otherwise. */
static const struct codec *gzip_inflater(void)
{
#ifdef HAVE_ISAL
	const char *e = getenv("COOKBOX_INFLATE");

	if (!e || strcmp(e, "zlib") != 0)
		return &isal_codec;
#endif
	return &gzip_codec;
}

/* Read until the first bytes show the format, stopping early once no magic can match so
 * that a terminal or a slow pipe is not waited on. */
static int sniff(struct in *in)
{
	size_t n = 0;
	ssize_t r;

	while (n < 4 && (gz_magic((unsigned char *)in->buf, n) < 0 ||
			bz_magic((unsigned char *)in->buf, n) < 0)) {
		r = xread(in->fd, in->buf + n, BLOCK - n);
		if (r < 0)
			return -1;
		if (r == 0) {
			in->eof = 1;
			break;
		}
		n += (size_t)r;
	}
	if (gz_magic((unsigned char *)in->buf, n) == 1)
		in->fmt = IN_GZIP, in->codec = gzip_inflater();
	else if (bz_magic((unsigned char *)in->buf, n) == 1)
		in->fmt = IN_BZIP2, in->codec = &bzip2_codec;
	if (in->fmt == IN_PLAIN) {
		in->end = n;
		in->offset = n;
		return 0;
	}
	in->raw = malloc(BLOCK);
	if (!in->raw)
		return -1;
	memcpy(in->raw, in->buf, n);
	in->rawlen = n;
	return 0;
}

struct in *in_fdopen(int fd, const char *name)
{
	struct stat st;
	struct in *in;
	int e;

	if (fstat(fd, &st) < 0)
		return NULL;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return NULL;
	}
	in = calloc(1, sizeof *in);
	if (!in)
		return NULL;
	in->fd = fd;
	in->cap = 2 * BLOCK;
	in->buf = malloc(in->cap);
	in->name = strdup(strcmp(name, "-") == 0 ? "(standard input)" : name);
	if (in->buf && in->name && sniff(in) == 0)
		return in;
	e = errno;
	free(in->raw);
	free(in->buf);
	free(in->name);
	free(in);
	errno = e;
	return NULL;
}

struct in *in_open(const char *path)
{
	struct in *in;
	int fd, e;

	if (strcmp(path, "-") == 0)
		return in_fdopen(STDIN_FILENO, path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	in = in_fdopen(fd, path);
	if (!in) {
		e = errno;
		close(fd);
		errno = e;
	}
	return in;
}

struct in *in_open_range(const char *path, unsigned long long start, unsigned long long stop)
{
	struct in *in;
	int fd, e;

	if (strcmp(path, "-") == 0 || start > (unsigned long long)INT64_MAX) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (lseek(fd, (off_t)start, SEEK_SET) < 0)
		goto bad;
	in = in_fdopen(fd, path);
	if (!in)
		goto bad;
	if (in->fmt != IN_GZIP) {
		in->fd = -1;	/* closed below */
		in_close(in);
		errno = EINVAL;
		goto bad;
	}
	in->offset = start;
	in->stop = stop;
	return in;
bad:
	e = errno;
	close(fd);
	errno = e;
	return NULL;
}

long in_gzip_header_scan(const unsigned char *p, size_t n)
{
	const unsigned char *q = p, *e = p + n;

	while (e - q >= 10 && (q = memchr(q, 0x1f, (size_t)(e - q - 9)))) {
		if (q[1] == 0x8b && q[2] == 8 && !(q[3] & 0xe0) &&
				(q[8] == 0 || q[8] == 2 || q[8] == 4) && (q[9] <= 13 || q[9] == 255))
			return (long)(q - p);
		q++;
	}
	return -1;
}

ssize_t in_read(struct in *in, void *buf, size_t n)
{
	ssize_t r;

	if (n == 0)
		return 0;
	if (in->start == in->end) {
		in->start = in->end = 0;
		if (n >= BLOCK)
			return fill(in, buf, n);
		r = fill(in, in->buf, in->cap - 1);
		if (r <= 0)
			return r;
		in->end = (size_t)r;
	}
	if (n > in->end - in->start)
		n = in->end - in->start;
	memcpy(buf, in->buf + in->start, n);
	in->start += n;
	return (ssize_t)n;
}

int in_getline(struct in *in, struct in_line *line)
{
	size_t from = in->start;
	char *nl, *p;
	ssize_t r;

	for (;;) {
		nl = memchr(in->buf + from, '\n', in->end - from);
		if (nl) {
			line->p = in->buf + in->start;
			line->len = (size_t)(nl - line->p);
			line->eol = 1;
			in->start = (size_t)(nl - in->buf) + 1;
			in->lineno++;
			return 1;
		}
		/* No newline in [start, end): keep the partial line at the front and read more. */
		if (in->start > 0) {
			memmove(in->buf, in->buf + in->start, in->end - in->start);
			in->end -= in->start;
			in->start = 0;
		}
		from = in->end;
		if (in->cap - 1 - in->end < BLOCK) {
			if (in->cap > SIZE_MAX / 2) {
				r = fail_errno(in, ENOMEM);
				goto last;
			}
			p = realloc(in->buf, in->cap * 2);
			if (!p) {
				r = fail_errno(in, ENOMEM);
				goto last;
			}
			in->buf = p;
			in->cap *= 2;
		}
		r = fill(in, in->buf + in->end, in->cap - 1 - in->end);
		if (r <= 0)
			goto last;
		in->end += (size_t)r;
	}
last:
	if (in->start < in->end) {
		line->p = in->buf + in->start;
		line->len = in->end - in->start;
		line->eol = 0;
		in->start = in->end;
		in->lineno++;
		return 1;
	}
	return r < 0 ? -1 : 0;
}

const char *in_error(const struct in *in)
{
	return in->failed ? in->err : "";
}

const char *in_name(const struct in *in)
{
	return in->name;
}

unsigned long long in_lineno(const struct in *in)
{
	return in->lineno;
}

unsigned long long in_offset(const struct in *in)
{
	return in->offset;
}

enum in_format in_format(const struct in *in)
{
	return in->fmt;
}

const char *in_map(struct in *in, size_t *n)
{
	struct stat st;
	off_t pos, from, off;
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	if (in->fmt != IN_PLAIN || in->failed || in->map || in->start != 0 || in->lineno ||
		in->offset != in->end || page <= 0)
		return NULL;
	if (fstat(in->fd, &st) < 0 || !S_ISREG(st.st_mode) || (pos = lseek(in->fd, 0, SEEK_CUR)) < 0)
		return NULL;
	from = pos - (off_t)in->end;	/* where the sniffed bytes came from */
	if (from < 0 || st.st_size <= from || (uintmax_t)(st.st_size - from) > SIZE_MAX / 2)
		return NULL;
	off = from - from % page;
	p = mmap(NULL, (size_t)(st.st_size - off), PROT_READ, MAP_PRIVATE, in->fd, off);
	if (p == MAP_FAILED)
		return NULL;
	madvise(p, (size_t)(st.st_size - off), MADV_SEQUENTIAL);
	/* the stream is now at the file's end, as if read to it */
	if (lseek(in->fd, st.st_size, SEEK_SET) < 0) {
		munmap(p, (size_t)(st.st_size - off));
		return NULL;
	}
	in->map = p;
	in->maplen = (size_t)(st.st_size - off);
	in->start = in->end = 0;
	in->eof = 1;
	in->offset = (unsigned long long)(st.st_size - from);
	*n = (size_t)(st.st_size - from);
	return (const char *)p + (from - off);
}

int in_close(struct in *in)
{
	int r = 0;

	if (!in)
		return 0;
	if (in->map)
		munmap(in->map, in->maplen);
	if (in->live)
		in->codec->end(in);
	if (in->fd != STDIN_FILENO && in->fd >= 0)
		r = close(in->fd);
	free(in->raw);
	free(in->buf);
	free(in->name);
	free(in);
	return r;
}
