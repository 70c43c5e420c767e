/* test_io: lib/io over plain, gzip (RFC 1952, multi-member) and bzip2 (multi-stream) files
 * built here with zlib and libbz2, checked byte for byte against the original data. */
#include <bzlib.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include "io.h"
#include "unit.h"

#define BLOCK (128 * 1024)

static char dir[] = "/tmp/test_io.XXXXXX";
static char path_buf[4][256];
static int path_n;

struct bytes {
	char *p;
	size_t len, cap;
};

static void add(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (!b->p)
			abort();
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void clear(struct bytes *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

static const char *path(const char *name)
{
	char *p = path_buf[path_n++ % 4];

	snprintf(p, sizeof path_buf[0], "%s/%s", dir, name);
	return p;
}

static const char *put(const char *name, const void *p, size_t n)
{
	const char *f = path(name);
	FILE *fp = fopen(f, "wb");

	if (!fp || fwrite(p, 1, n, fp) != n || fclose(fp) != 0)
		abort();
	return f;
}

/* Each of the NCUT+1 pieces of DATA (cut at CUTS) as its own gzip member. */
static void gzip_members(struct bytes *out, const char *data, size_t len, const size_t *cuts, int ncut)
{
	unsigned char chunk[65536];
	size_t from = 0, to;
	int i, r;

	for (i = 0; i <= ncut; i++, from = to) {
		z_stream z;
		to = i < ncut ? cuts[i] : len;
		memset(&z, 0, sizeof z);
		if (deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
			abort();
		z.next_in = (unsigned char *)data + from;
		z.avail_in = (unsigned)(to - from);
		do {
			z.next_out = chunk;
			z.avail_out = sizeof chunk;
			r = deflate(&z, Z_FINISH);
			add(out, chunk, sizeof chunk - z.avail_out);
		} while (r == Z_OK);
		if (r != Z_STREAM_END)
			abort();
		deflateEnd(&z);
	}
}

static void bzip2_streams(struct bytes *out, const char *data, size_t len, const size_t *cuts, int ncut)
{
	char chunk[65536];
	size_t from = 0, to;
	int i, r;

	for (i = 0; i <= ncut; i++, from = to) {
		bz_stream s;
		to = i < ncut ? cuts[i] : len;
		memset(&s, 0, sizeof s);
		if (BZ2_bzCompressInit(&s, 1, 0, 0) != BZ_OK)
			abort();
		s.next_in = (char *)data + from;
		s.avail_in = (unsigned)(to - from);
		do {
			s.next_out = chunk;
			s.avail_out = sizeof chunk;
			r = BZ2_bzCompress(&s, BZ_FINISH);
			add(out, chunk, sizeof chunk - s.avail_out);
		} while (r == BZ_FINISH_OK);
		if (r != BZ_STREAM_END)
			abort();
		BZ2_bzCompressEnd(&s);
	}
}

/* Everything zlib itself decodes from a damaged gzip member: what the reader must deliver. */
static void inflate_all(struct bytes *out, const unsigned char *p, size_t n)
{
	unsigned char chunk[65536];
	z_stream z;
	int r;

	memset(&z, 0, sizeof z);
	inflateInit2(&z, 31);
	z.next_in = (unsigned char *)p;
	z.avail_in = (unsigned)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		r = inflate(&z, Z_NO_FLUSH);
		add(out, chunk, sizeof chunk - z.avail_out);
	} while (r == Z_OK && z.avail_out == 0);
	inflateEnd(&z);
}

static unsigned rnd(void)
{
	return (unsigned)(unit_rand() >> 11);
}

/* Lines of mixed lengths, some across block boundaries, with NULs, '\r' and empty lines. */
static void gen_lines(struct bytes *b, size_t total)
{
	static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789 \t\r";
	char line[BLOCK * 3];

	while (b->len < total) {
		unsigned k = rnd() % 100, n, i;
		n = k < 70 ? rnd() % 80 : k < 95 ? rnd() % 4000 : k < 99 ? BLOCK - 2 + rnd() % 4 : rnd() % (BLOCK * 3 - 1);
		for (i = 0; i < n; i++)
			line[i] = rnd() % 500 == 0 ? '\0' : alpha[rnd() % (sizeof alpha - 1)];
		line[n] = '\n';
		add(b, line, n + 1);
	}
}

/* Read F with in_getline and check every line against DATA: bytes, eol, count, offset. */
static int check_lines(const char *f, const char *data, size_t len, enum in_format fmt, size_t filesize)
{
	struct in *in = in_open(f);
	struct in_line l;
	size_t pos = 0, count = 0, bad = 0;
	int r;

	CHECK(in != NULL);
	if (!in)
		return -1;
	CHECK_INT(in_format(in), fmt);
	while ((r = in_getline(in, &l)) == 1) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t want = nl ? (size_t)(nl - (data + pos)) : len - pos;
		count++;
		if (l.len != want || memcmp(l.p, data + pos, want) != 0 || l.eol != (nl != NULL)) {
			if (bad++ == 0)
				CHECK_MEM(l.p, l.len, data + pos, want);
		}
		l.p[l.len] = '\0';
		pos += want + (nl != NULL);
		if (pos > len)
			break;
	}
	CHECK_INT(r, 0);
	CHECK_INT(bad, 0);
	CHECK_INT(pos, len);
	CHECK_INT(in_lineno(in), count);
	CHECK_INT(in_offset(in), filesize);
	CHECK_INT(in_getline(in, &l), 0);
	CHECK_INT(in_close(in), 0);
	return (int)count;
}

/* Read F with in_read in pieces of N bytes (cycling through odd sizes when N is 0). */
static void check_read(const char *f, const char *data, size_t len, size_t n)
{
	static const size_t sizes[] = { 1, 3, 7, 4096, BLOCK, 1000000, 2 };
	struct in *in = in_open(f);
	struct bytes got = { 0 };
	char *buf = malloc(1000000);
	ssize_t r;
	int i = 0;

	CHECK(in != NULL);
	if (!in || !buf)
		return;
	while ((r = in_read(in, buf, n ? n : sizes[i++ % 7])) > 0)
		add(&got, buf, (size_t)r);
	CHECK_INT(r, 0);
	CHECK_MEM(got.p ? got.p : "", got.len, data, len);
	CHECK_INT(in_read(in, buf, 10), 0);
	CHECK_INT(in_close(in), 0);
	clear(&got);
	free(buf);
}

/* Read F line by line to its error: the lines joined must be EXPECT; then -1 and MSG. */
static void check_error(const char *f, const char *expect, size_t len, const char *msg)
{
	struct in *in = in_open(f);
	struct bytes got = { 0 };
	struct in_line l;
	char buf[1000];
	ssize_t n;
	int r, last_eol = 1;

	CHECK(in != NULL);
	if (!in)
		return;
	while ((r = in_getline(in, &l)) == 1) {
		CHECK(last_eol);
		add(&got, l.p, l.len);
		if (l.eol)
			add(&got, "\n", 1);
		last_eol = l.eol;
	}
	CHECK_INT(r, -1);
	CHECK_INT(errno, EBADMSG);
	if (expect)
		CHECK_MEM(got.p ? got.p : "", got.len, expect, len);
	if (msg)
		CHECK_STR(in_error(in), msg);
	CHECK_INT(in_getline(in, &l), -1);
	CHECK_INT(in_read(in, buf, sizeof buf), -1);
	CHECK_INT(in_close(in), 0);

	/* The same bytes and error through in_read. */
	in = in_open(f);
	clear(&got);
	while ((n = in_read(in, buf, 333)) > 0)
		add(&got, buf, (size_t)n);
	CHECK_INT(n, -1);
	if (expect)
		CHECK_MEM(got.p ? got.p : "", got.len, expect, len);
	if (msg)
		CHECK_STR(in_error(in), msg);
	in_close(in);
	clear(&got);
}

static int nlines(const char *p, size_t n)
{
	int count = 0;
	const char *nl;

	for (; (nl = memchr(p, '\n', n)); n -= (size_t)(nl + 1 - p), p = nl + 1)
		count++;
	return count + (n > 0);
}

/* in_read until N bytes or the end: short counts are allowed at member ends. */
static size_t read_full(struct in *in, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n && (r = in_read(in, buf + got, n - got)) > 0)
		got += (size_t)r;
	return got;
}

static void test_plain(void)
{
	struct in_line l;
	struct in *in;
	const char *f;

	f = put("plain", "a\nbb\n\nccc\n", 10);
	in = in_open(f);
	CHECK(in != NULL);
	CHECK_INT(in_format(in), IN_PLAIN);
	CHECK_STR(in_name(in), f);
	CHECK_STR(in_error(in), "");
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "a", 1);
	CHECK_INT(l.eol, 1);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "bb", 2);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_INT(l.len, 0);
	CHECK_INT(l.eol, 1);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "ccc", 3);
	CHECK_INT(in_lineno(in), 4);
	CHECK_INT(in_getline(in, &l), 0);
	CHECK_INT(in_getline(in, &l), 0);
	CHECK_INT(in_lineno(in), 4);
	CHECK_INT(in_offset(in), 10);
	CHECK_INT(in_close(in), 0);

	f = put("empty", "", 0);
	in = in_open(f);
	CHECK(in != NULL);
	CHECK_INT(in_format(in), IN_PLAIN);
	CHECK_INT(in_getline(in, &l), 0);
	CHECK_INT(in_lineno(in), 0);
	in_close(in);
	check_read(f, "", 0, 10);

	f = put("noeol", "x\ny", 3);
	in = in_open(f);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "x", 1);
	CHECK_INT(l.eol, 1);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "y", 1);
	CHECK_INT(l.eol, 0);
	l.p[l.len] = '\0';
	CHECK_STR(l.p, "y");
	CHECK_INT(in_getline(in, &l), 0);
	CHECK_INT(in_lineno(in), 2);
	in_close(in);

	f = put("crlf", "a\r\nb\r\n\r\n", 8);
	in = in_open(f);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "a\r", 2);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "b\r", 2);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "\r", 1);
	CHECK_INT(in_getline(in, &l), 0);
	in_close(in);

	f = put("nul", "a\0b\n\0\n\0", 7);
	in = in_open(f);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "a\0b", 3);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "\0", 1);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "\0", 1);
	CHECK_INT(l.eol, 0);
	CHECK_INT(in_getline(in, &l), 0);
	in_close(in);

	/* Near-magic prefixes are plain text. */
	f = put("b", "\x1f", 1);
	in = in_open(f);
	CHECK_INT(in_format(in), IN_PLAIN);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "\x1f", 1);
	in_close(in);
	f = put("bzh", "BZh0\nBZ\n", 8);
	in = in_open(f);
	CHECK_INT(in_format(in), IN_PLAIN);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "BZh0", 4);
	in_close(in);
	f = put("bz", "BZ", 2);
	check_lines(f, "BZ", 2, IN_PLAIN, 2);
}

static void test_long(void)
{
	size_t n = 10 * 1024 * 1024;
	char *big = malloc(n + 1);
	struct bytes b = { 0 };
	const char *f;
	size_t i;

	for (i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	big[n] = '\n';
	f = put("long", big, n + 1);
	CHECK_INT(check_lines(f, big, n + 1, IN_PLAIN, n + 1), 1);
	f = put("long-noeol", big, n);
	CHECK_INT(check_lines(f, big, n, IN_PLAIN, n), 1);
	free(big);

	/* Lines ending one before, at and one after each block boundary, and longer ones. */
	for (i = 1; i <= 8; i++) {
		size_t at = i * BLOCK + (i % 3) - 1;
		while (b.len < at - 1)
			add(&b, i % 2 ? "0123456789abcde\n" : "x\n", i % 2 ? 16 : 2);
		while (b.len < at)
			add(&b, "y", 1);
		add(&b, "\n", 1);
	}
	gen_lines(&b, 6 * 1024 * 1024);
	f = put("mixed", b.p, b.len);
	CHECK_INT(check_lines(f, b.p, b.len, IN_PLAIN, b.len), nlines(b.p, b.len));
	check_read(f, b.p, b.len, 0);
	check_read(f, b.p, b.len, 1);
	check_read(f, b.p, b.len, 2 * BLOCK);
	clear(&b);
}

static void test_short(void)
{
	struct bytes b = { 0 };
	char line[32];
	const char *f;
	int i;

	for (i = 0; i < 1000000; i++)
		add(&b, line, (size_t)snprintf(line, sizeof line, "%d\n", i));
	f = put("short", b.p, b.len);
	CHECK_INT(check_lines(f, b.p, b.len, IN_PLAIN, b.len), 1000000);
	clear(&b);
}

static void test_gzip(void)
{
	struct bytes data = { 0 }, z = { 0 };
	size_t cuts[49];
	const char *f;
	int i;

	gen_lines(&data, 3 * 1024 * 1024);
	gzip_members(&z, data.p, data.len, NULL, 0);
	f = put("one.gz", z.p, z.len);
	CHECK_INT(check_lines(f, data.p, data.len, IN_GZIP, z.len), nlines(data.p, data.len));
	check_read(f, data.p, data.len, 0);
	check_read(f, data.p, data.len, 4 * BLOCK);

	/* 50 members cut mid-line, as nginx writes one per flush. */
	for (i = 0; i < 49; i++)
		cuts[i] = data.len / 50 * (size_t)(i + 1) + (size_t)i;
	z.len = 0;
	gzip_members(&z, data.p, data.len, cuts, 49);
	f = put("multi.gz", z.p, z.len);
	CHECK_INT(check_lines(f, data.p, data.len, IN_GZIP, z.len), nlines(data.p, data.len));
	check_read(f, data.p, data.len, 0);
	check_read(f, data.p, data.len, 7);

	/* Empty members first, among others and last. */
	cuts[0] = 0, cuts[1] = 0, cuts[2] = 100, cuts[3] = 100, cuts[4] = 100, cuts[5] = data.len;
	z.len = 0;
	gzip_members(&z, data.p, data.len, cuts, 6);
	f = put("empty-members.gz", z.p, z.len);
	CHECK_INT(check_lines(f, data.p, data.len, IN_GZIP, z.len), nlines(data.p, data.len));

	z.len = 0;
	gzip_members(&z, "", 0, NULL, 0);
	f = put("empty.gz", z.p, z.len);
	CHECK_INT(check_lines(f, "", 0, IN_GZIP, z.len), 0);

	z.len = 0;
	gzip_members(&z, "a\nb", 3, NULL, 0);
	f = put("small.gz", z.p, z.len);
	CHECK_INT(check_lines(f, "a\nb", 3, IN_GZIP, z.len), 2);
	clear(&data);
	clear(&z);
}

static void test_bzip2(void)
{
	struct bytes data = { 0 }, z = { 0 };
	size_t cuts[6];
	const char *f;

	gen_lines(&data, 1024 * 1024);
	bzip2_streams(&z, data.p, data.len, NULL, 0);
	f = put("one.bz2", z.p, z.len);
	CHECK_INT(check_lines(f, data.p, data.len, IN_BZIP2, z.len), nlines(data.p, data.len));
	check_read(f, data.p, data.len, 0);

	/* pbzip2 style: streams cut mid-line, one of them empty. */
	cuts[0] = 1, cuts[1] = 12345, cuts[2] = 12345, cuts[3] = 300001, cuts[4] = 700000;
	cuts[5] = data.len - 1;
	z.len = 0;
	bzip2_streams(&z, data.p, data.len, cuts, 6);
	f = put("multi.bz2", z.p, z.len);
	CHECK_INT(check_lines(f, data.p, data.len, IN_BZIP2, z.len), nlines(data.p, data.len));
	check_read(f, data.p, data.len, 3);

	z.len = 0;
	bzip2_streams(&z, "", 0, NULL, 0);
	f = put("empty.bz2", z.p, z.len);
	CHECK_INT(check_lines(f, "", 0, IN_BZIP2, z.len), 0);
	clear(&data);
	clear(&z);
}

static void test_damage(void)
{
	struct bytes data = { 0 }, z = { 0 }, good = { 0 };
	char msg[128];
	const char *f;
	size_t n, cuts[1];

	gen_lines(&data, 2 * 1024 * 1024);
	gzip_members(&z, data.p, data.len, NULL, 0);

	/* Truncated: what zlib can decode is delivered, the last partial line with eol 0. */
	n = z.len * 2 / 3;
	inflate_all(&good, (unsigned char *)z.p, n);
	CHECK(good.len > data.len / 2 && good.len < data.len);
	CHECK(memcmp(good.p, data.p, good.len) == 0);
	f = put("trunc.gz", z.p, n);
	snprintf(msg, sizeof msg, "truncated gzip data at byte %zu", n);
	check_error(f, good.p, good.len, msg);
	f = put("trunc-header.gz", z.p, 5);
	check_error(f, "", 0, "truncated gzip data at byte 5");
	f = put("magic.gz", "\x1f\x8b", 2);
	check_error(f, "", 0, "truncated gzip data at byte 2");
	/* The trailer's CRC and length are part of the member too. */
	f = put("trunc-trailer.gz", z.p, z.len - 3);
	snprintf(msg, sizeof msg, "truncated gzip data at byte %zu", z.len - 3);
	check_error(f, data.p, data.len, msg);

	/* Bad CRC: all the data, then the error at the end of the member. */
	z.p[z.len - 6] ^= 0x55;
	f = put("crc.gz", z.p, z.len);
	snprintf(msg, sizeof msg, "invalid gzip data at byte %zu (incorrect data check)", z.len - 4);
	check_error(f, data.p, data.len, msg);
	z.p[z.len - 6] ^= 0x55;

	z.p[2] = 7;
	f = put("method.gz", z.p, z.len);
	check_error(f, "", 0, "invalid gzip data at byte 4 (unknown compression method)");
	z.p[2] = 8;

	/* Flipped bytes mid-stream: some error naming an offset inside the damage's member. */
	for (n = z.len / 2; n < z.len / 2 + 16; n++)
		z.p[n] ^= 0xa5;
	f = put("corrupt.gz", z.p, z.len);
	check_error(f, NULL, 0, NULL);
	{
		struct in *in = in_open(f);
		struct in_line l;
		unsigned long long at;
		char why[64];
		while (in_getline(in, &l) == 1)
			;
		CHECK(sscanf(in_error(in), "invalid gzip data at byte %llu (%63[^)])", &at, why) == 2);
		CHECK(at >= z.len / 2 && at <= z.len);
		in_close(in);
	}
	for (n = z.len / 2; n < z.len / 2 + 16; n++)
		z.p[n] ^= 0xa5;

	/* Trailing garbage after the last member; a lone 0x1f is a truncated member. */
	n = z.len;
	add(&z, "garbage\n", 8);
	f = put("garbage.gz", z.p, z.len);
	snprintf(msg, sizeof msg, "trailing garbage after gzip data at byte %zu", n);
	check_error(f, data.p, data.len, msg);
	z.len = n;
	add(&z, "\x1f", 1);
	f = put("garbage2.gz", z.p, z.len);
	snprintf(msg, sizeof msg, "truncated gzip data at byte %zu", n + 1);
	check_error(f, data.p, data.len, msg);
	z.len = n;
	add(&z, "\0\0\0\0", 4);
	f = put("zeros.gz", z.p, z.len);
	snprintf(msg, sizeof msg, "trailing garbage after gzip data at byte %zu", n);
	check_error(f, data.p, data.len, msg);

	/* bzip2: 100k blocks, so a truncated file has whole blocks to deliver. */
	z.len = 0;
	cuts[0] = data.len / 2 + 17;
	bzip2_streams(&z, data.p, data.len, cuts, 1);
	n = z.len * 3 / 4;
	f = put("trunc.bz2", z.p, n);
	snprintf(msg, sizeof msg, "truncated bzip2 data at byte %zu", n);
	check_error(f, NULL, 0, msg);
	{
		struct in *in = in_open(f);
		struct bytes got = { 0 };
		char buf[4096];
		ssize_t r;
		while ((r = in_read(in, buf, sizeof buf)) > 0)
			add(&got, buf, (size_t)r);
		CHECK_INT(r, -1);
		CHECK(got.len > data.len / 2 && got.len < data.len);
		CHECK(memcmp(got.p, data.p, got.len) == 0);
		in_close(in);
		clear(&got);
	}
	f = put("magic.bz2", "BZh9", 4);
	check_error(f, "", 0, "truncated bzip2 data at byte 4");

	z.p[z.len / 2] ^= 0x10;
	f = put("corrupt.bz2", z.p, z.len);
	check_error(f, NULL, 0, NULL);
	{
		struct in *in = in_open(f);
		struct in_line l;
		unsigned long long at;
		while (in_getline(in, &l) == 1)
			;
		CHECK(sscanf(in_error(in), "invalid bzip2 data at byte %llu", &at) == 1);
		CHECK(at >= z.len / 2 && at <= z.len);
		in_close(in);
	}
	z.p[z.len / 2] ^= 0x10;

	n = z.len;
	add(&z, "BZh", 3);
	f = put("trunc-magic.bz2", z.p, z.len);
	snprintf(msg, sizeof msg, "truncated bzip2 data at byte %zu", n + 3);
	check_error(f, data.p, data.len, msg);
	z.len = n;
	add(&z, "BZx", 3);
	f = put("garbage.bz2", z.p, z.len);
	snprintf(msg, sizeof msg, "trailing garbage after bzip2 data at byte %zu", n);
	check_error(f, data.p, data.len, msg);

	clear(&data);
	clear(&z);
	clear(&good);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A child writes P to a pipe in small pieces, slowly at first; returns the read end. */
static int writer(const char *p, size_t n, pid_t *pid)
{
	int fd[2];
	size_t i, k;

	if (pipe(fd) < 0 || (*pid = fork()) < 0)
		abort();
	if (*pid == 0) {
		close(fd[0]);
		for (i = 0; i < n; i += k) {
			k = i < 4 ? 1 : n - i < 65536 ? n - i : 65536;
			if (i < 4)
				usleep(20000);
			if (write(fd[1], p + i, k) != (ssize_t)k)
				_exit(1);
		}
		_exit(0);
	}
	close(fd[1]);
	return fd[0];
}

static void test_pipe(void)
{
	struct bytes data = { 0 }, z = { 0 }, got = { 0 };
	struct sigaction sa;
	struct itimerval it;
	struct in_line l;
	struct in *in;
	pid_t pid;
	int fd, st, saved, r;

	gen_lines(&data, 512 * 1024);
	gzip_members(&z, data.p, data.len, (size_t[]){ 1000, 99999 }, 2);

	/* A timer interrupts the blocked reads: EINTR must be retried, not reported. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	memset(&it, 0, sizeof it);
	it.it_interval.tv_usec = it.it_value.tv_usec = 5000;
	setitimer(ITIMER_REAL, &it, NULL);

	fd = writer(z.p, z.len, &pid);
	in = in_fdopen(fd, "-");
	CHECK(in != NULL);
	CHECK_STR(in_name(in), "(standard input)");
	CHECK_INT(in_format(in), IN_GZIP);
	while ((r = in_getline(in, &l)) == 1) {
		add(&got, l.p, l.len);
		if (l.eol)
			add(&got, "\n", 1);
	}
	CHECK_INT(r, 0);
	CHECK_MEM(got.p, got.len, data.p, data.len);
	CHECK_INT(in_offset(in), z.len);
	CHECK_INT(in_close(in), 0);
	CHECK(fcntl(fd, F_GETFD) < 0 && errno == EBADF);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

	/* "BZ" arrives a byte at a time and is then not bzip2; through in_open("-"). */
	fd = writer("BZ\nplain", 8, &pid);
	saved = dup(STDIN_FILENO);
	dup2(fd, STDIN_FILENO);
	close(fd);
	in = in_open("-");
	CHECK(in != NULL);
	CHECK_STR(in_name(in), "(standard input)");
	CHECK_INT(in_format(in), IN_PLAIN);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "BZ", 2);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK_MEM(l.p, l.len, "plain", 5);
	CHECK_INT(l.eol, 0);
	CHECK_INT(in_getline(in, &l), 0);
	CHECK_INT(in_close(in), 0);
	CHECK(fcntl(STDIN_FILENO, F_GETFD) >= 0);
	dup2(saved, STDIN_FILENO);
	close(saved);
	waitpid(pid, &st, 0);

	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	clear(&data);
	clear(&z);
	clear(&got);
}

static void test_mixed(void)
{
	struct bytes z = { 0 };
	struct in_line l;
	struct in *in;
	char buf[16];
	const char *f, *text = "one\ntwo\nthree\nfour";
	int i;

	for (i = 0; i < 2; i++) {
		z.len = 0;
		if (i)
			gzip_members(&z, text, strlen(text), (size_t[]){ 9 }, 1);
		else
			add(&z, text, strlen(text));
		f = put(i ? "mixed.gz" : "mixed", z.p, z.len);
		in = in_open(f);
		CHECK_INT(in_getline(in, &l), 1);
		CHECK_MEM(l.p, l.len, "one", 3);
		CHECK_INT(read_full(in, buf, 2), 2);
		CHECK_MEM(buf, 2, "tw", 2);
		CHECK_INT(in_getline(in, &l), 1);
		CHECK_MEM(l.p, l.len, "o", 1);
		CHECK_INT(read_full(in, buf, 6), 6);
		CHECK_MEM(buf, 6, "three\n", 6);
		CHECK_INT(in_getline(in, &l), 1);
		CHECK_MEM(l.p, l.len, "four", 4);
		CHECK_INT(l.eol, 0);
		CHECK_INT(in_lineno(in), 3);
		CHECK_INT(in_read(in, buf, sizeof buf), 0);
		CHECK_INT(in_getline(in, &l), 0);
		CHECK_INT(in_offset(in), z.len);
		in_close(in);
	}
	clear(&z);
}

static void test_open_errors(void)
{
	int fd;

	errno = 0;
	CHECK(in_open(path("does-not-exist")) == NULL);
	CHECK_INT(errno, ENOENT);
	errno = 0;
	CHECK(in_open(dir) == NULL);
	CHECK_INT(errno, EISDIR);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	errno = 0;
	CHECK(in_fdopen(fd, "dir") == NULL);
	CHECK_INT(errno, EISDIR);
	CHECK(fcntl(fd, F_GETFD) >= 0);
	close(fd);
	/* A read error while sniffing fails the open. */
	fd = open(put("wronly", "x", 1), O_WRONLY);
	errno = 0;
	CHECK(in_fdopen(fd, "wronly") == NULL);
	CHECK_INT(errno, EBADF);
	close(fd);
}

/* Everything from in_open_range(F, START, STOP) into OUT: 0 at the end, -1 on error. */
static int read_range(struct bytes *out, const char *f, unsigned long long start,
	unsigned long long stop, unsigned long long *offset, char *err, size_t errlen)
{
	char chunk[10000];
	struct in *in = in_open_range(f, start, stop);
	ssize_t r;

	if (!in)
		return -2;
	while ((r = in_read(in, chunk, sizeof chunk)) > 0)
		add(out, chunk, (size_t)r);
	*offset = in_offset(in);
	snprintf(err, errlen, "%s", in_error(in));
	in_close(in);
	return r < 0 ? -1 : 0;
}

static void test_range_once(void)
{
	struct bytes data = { 0 }, z = { 0 }, got = { 0 };
	size_t cut[3], off[4], i;
	unsigned long long o;
	char err[256], whole[256], f[256];
	const char *t;
	struct in *in;

	gen_lines(&data, 600 * 1024);
	cut[0] = 0, cut[1] = 100 * 1024 + 17, cut[2] = 400 * 1024 + 3;	/* mid-line */
	for (i = 0; i < 3; i++) {
		off[i] = z.len;
		gzip_members(&z, data.p + cut[i], (i < 2 ? cut[i + 1] : data.len) - cut[i], NULL, 0);
	}
	off[3] = z.len;
	snprintf(f, sizeof f, "%s", put("range.gz", z.p, z.len));
	for (i = 0; i < 3; i++) {
		size_t end = i < 2 ? cut[i + 1] : data.len;
		got.len = 0;
		CHECK_INT(read_range(&got, f, off[i], i < 2 ? off[i + 1] : 0, &o, err, sizeof err), 0);
		CHECK_MEM(got.p, got.len, data.p + cut[i], end - cut[i]);
		CHECK_INT(o, off[i + 1]);
	}
	/* Up to the first member boundary at or after STOP. */
	got.len = 0;
	CHECK_INT(read_range(&got, f, off[1], off[1] + 1, &o, err, sizeof err), 0);
	CHECK_INT(got.len, cut[2] - cut[1]);
	CHECK_INT(o, off[2]);
	got.len = 0;
	CHECK_INT(read_range(&got, f, 0, off[2] - 1, &o, err, sizeof err), 0);
	CHECK_INT(got.len, cut[2]);
	CHECK_INT(o, off[2]);
	/* STOP past the end, and a line reader over a range. */
	got.len = 0;
	CHECK_INT(read_range(&got, f, off[2], off[3] + 1000, &o, err, sizeof err), 0);
	CHECK_INT(o, off[3]);
	in = in_open_range(f, off[1], off[2]);
	CHECK(in != NULL);
	if (in) {
		struct in_line l;
		CHECK_INT(in_getline(in, &l), 1);
		CHECK_INT(in_offset(in) >= off[1], 1);
		while (in_getline(in, &l) == 1)
			;
		CHECK_INT(in_lineno(in), nlines(data.p + cut[1], cut[2] - cut[1]));
		CHECK_STR(in_name(in), f);
		CHECK_INT(in_format(in), IN_GZIP);
		CHECK_INT(in_close(in), 0);
	}
	/* Not a member start, not gzip, standard input, no such file. */
	errno = 0;
	CHECK(in_open_range(f, off[1] + 1, 0) == NULL && errno == EINVAL);
	t = put("range-plain", "a\nb\n", 4);
	errno = 0;
	CHECK(in_open_range(t, 0, 0) == NULL && errno == EINVAL);
	errno = 0;
	CHECK(in_open_range("-", 0, 0) == NULL && errno == EINVAL);
	errno = 0;
	CHECK(in_open_range(path("range-none"), 0, 0) == NULL && errno == ENOENT);
	/* Truncated in the middle member: the message names the byte a whole read names. */
	t = put("range-trunc.gz", z.p, off[1] + (off[2] - off[1]) / 2);
	got.len = 0;
	CHECK_INT(read_range(&got, t, 0, 0, &o, whole, sizeof whole), -1);
	CHECK(strstr(whole, "truncated gzip data at byte") != NULL);
	i = got.len;
	got.len = 0;
	CHECK_INT(read_range(&got, t, off[1], 0, &o, err, sizeof err), -1);
	CHECK_STR(err, whole);
	CHECK_INT(got.len, i - cut[1]);
	/* A flipped byte in the last member. */
	z.p[off[2] + (off[3] - off[2]) / 2] ^= 0x55;
	t = put("range-bad.gz", z.p, z.len);
	got.len = 0;
	CHECK_INT(read_range(&got, t, 0, 0, &o, whole, sizeof whole), -1);
	got.len = 0;
	CHECK_INT(read_range(&got, t, off[2], 0, &o, err, sizeof err), -1);
	CHECK_STR(err, whole);
	got.len = 0;
	CHECK_INT(read_range(&got, t, off[1], off[2], &o, err, sizeof err), 0);
	CHECK_INT(o, off[2]);
	CHECK(unlink(f) == 0);
	CHECK(unlink(path("range-plain")) == 0);
	CHECK(unlink(path("range-trunc.gz")) == 0);
	CHECK(unlink(path("range-bad.gz")) == 0);
	clear(&data);
	clear(&z);
	clear(&got);
}

static void test_range(void)
{
	test_range_once();
	setenv("COOKBOX_INFLATE", "zlib", 1);
	test_range_once();
	unsetenv("COOKBOX_INFLATE");
}

static void test_header_scan(void)
{
	static const unsigned char h[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	unsigned char b[64];

	memset(b, 0x1f, sizeof b);
	CHECK_INT(in_gzip_header_scan(b, sizeof b), -1);
	CHECK_INT(in_gzip_header_scan(b, 0), -1);
	CHECK_INT(in_gzip_header_scan(h, 10), 0);
	CHECK_INT(in_gzip_header_scan(h, 9), -1);	/* the fixed part must be inside */
	memcpy(b + 30, h, 10);
	CHECK_INT(in_gzip_header_scan(b, 40), 30);
	CHECK_INT(in_gzip_header_scan(b, 39), -1);
	CHECK_INT(in_gzip_header_scan(b + 31, 9), -1);
	b[33] = 0x20;	/* a reserved flag */
	CHECK_INT(in_gzip_header_scan(b, sizeof b), -1);
	b[33] = 0x08;	/* FNAME */
	CHECK_INT(in_gzip_header_scan(b, sizeof b), 30);
	b[38] = 1;	/* XFL */
	CHECK_INT(in_gzip_header_scan(b, sizeof b), -1);
	b[38] = 2, b[39] = 14;	/* OS */
	CHECK_INT(in_gzip_header_scan(b, sizeof b), -1);
	b[39] = 255;
	CHECK_INT(in_gzip_header_scan(b, sizeof b), 30);
	b[32] = 9;	/* method */
	CHECK_INT(in_gzip_header_scan(b, sizeof b), -1);
	memcpy(b + 50, h, 10);
	CHECK_INT(in_gzip_header_scan(b, sizeof b), 50);
}

/* in_map: the whole plain file, or from where a descriptor stands; never for compressed data,
 * pipes, empty files or a stream already read from. */
static void test_map(void)
{
	struct bytes data = { 0 }, gz = { 0 };
	size_t cut = 3000, n = 0;
	const char *f, *p;
	struct in *in;
	struct in_line l;
	int fd;

	gen_lines(&data, 300000);
	f = put("map", data.p, data.len);
	in = in_open(f);
	p = in_map(in, &n);
	CHECK_MEM(p, n, data.p, data.len);
	CHECK_INT(in_read(in, (char[8]){ 0 }, 8), 0);	/* the stream is at its end */
	CHECK(in_map(in, &n) == NULL);
	CHECK_INT(in_close(in), 0);

	/* a descriptor already past some bytes maps from there, and ends at the file's end */
	fd = open(f, O_RDONLY);
	CHECK(lseek(fd, (off_t)cut, SEEK_SET) == (off_t)cut);
	in = in_fdopen(fd, "-");
	p = in_map(in, &n);
	CHECK_MEM(p, n, data.p + cut, data.len - cut);
	CHECK(lseek(fd, 0, SEEK_CUR) == (off_t)data.len);
	in_close(in);	/* and FD */

	/* read from first: no map, the reader goes on */
	in = in_open(f);
	CHECK_INT(in_getline(in, &l), 1);
	CHECK(in_map(in, &n) == NULL);
	CHECK_INT(in_getline(in, &l), 1);
	in_close(in);

	in = in_open(put("map-empty", "", 0));
	CHECK(in_map(in, &n) == NULL);
	in_close(in);

	{
		int pfd[2];
		CHECK(pipe(pfd) == 0);
		CHECK(write(pfd[1], "a\nb\n", 4) == 4);
		close(pfd[1]);
		in = in_fdopen(pfd[0], "-");
		CHECK(in_map(in, &n) == NULL);
		CHECK_INT(in_getline(in, &l), 1);
		CHECK_MEM(l.p, l.len, "a", 1);
		in_close(in);
	}

	gzip_members(&gz, data.p, data.len, NULL, 0);
	in = in_open(put("map.gz", gz.p, gz.len));
	CHECK(in_map(in, &n) == NULL);
	in_close(in);
	clear(&gz);
	clear(&data);
}

static const char *const files[] = {
	"map", "map-empty", "map.gz",
	"plain", "empty", "noeol", "crlf", "nul", "b", "bzh", "bz", "long", "long-noeol", "mixed",
	"short", "one.gz", "multi.gz", "empty-members.gz", "empty.gz", "small.gz", "one.bz2",
	"multi.bz2", "empty.bz2", "trunc.gz", "trunc-header.gz", "magic.gz", "trunc-trailer.gz",
	"crc.gz", "method.gz", "corrupt.gz", "garbage.gz", "garbage2.gz", "zeros.gz", "trunc.bz2",
	"magic.bz2", "corrupt.bz2", "trunc-magic.bz2", "garbage.bz2", "mixed.gz", "wronly",
};

int main(void)
{
	size_t i;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_plain();
	test_long();
	test_short();
	test_gzip();
	test_bzip2();
	test_damage();
	test_pipe();
	test_mixed();
	test_open_errors();
	test_range();
	test_header_scan();
	test_map();
	for (i = 0; i < sizeof files / sizeof files[0]; i++)
		CHECK(unlink(path(files[i])) == 0);
	CHECK(rmdir(dir) == 0);
	return unit_done("io");
}
