/* test_inflate: lib/io's gzip readers, ISA-L's (when built with HAVE_ISAL) and zlib's
 * (COOKBOX_INFLATE=zlib), on the same files: the same bytes, lines, offsets and messages for
 * good data, every gzip header field, many small members, truncation and bad checks. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include "io.h"
#include "unit.h"

static char dir[] = "/tmp/test_inflate.XXXXXX";

struct result {
	char *p;
	size_t len, cap;
	unsigned long long lines, offset;
	int end;
	char err[256];
};

static void readall(const char *file, const char *inflater, struct result *r)
{
	struct in_line l;
	struct in *in;
	int rc;

	setenv("COOKBOX_INFLATE", inflater, 1);
	memset(r, 0, sizeof *r);
	in = in_open(file);
	CHECK(in != NULL);
	if (!in)
		return;
	CHECK_INT(in_format(in), IN_GZIP);
	while ((rc = in_getline(in, &l)) == 1) {
		if (r->len + l.len + 1 > r->cap) {
			r->cap = (r->len + l.len + 1) * 2;
			r->p = realloc(r->p, r->cap);
		}
		memcpy(r->p + r->len, l.p, l.len);
		r->len += l.len;
		if (l.eol)
			r->p[r->len++] = '\n';
	}
	r->end = rc;
	r->lines = in_lineno(in);
	r->offset = in_offset(in);
	snprintf(r->err, sizeof r->err, "%s", in_error(in));
	CHECK_INT(in_close(in), 0);
}

/* FILE read by both inflaters: the same, and as expected (WANT_ERR "" for none). */
static void both(const char *name, const void *gz, size_t n, const char *want, size_t wantlen,
	const char *want_err)
{
	char file[256];
	struct result z, i;
	FILE *fp;

	snprintf(file, sizeof file, "%s/%s", dir, name);
	fp = fopen(file, "wb");
	fwrite(gz, 1, n, fp);
	fclose(fp);
	readall(file, "zlib", &z);
	readall(file, "isal", &i);
	CHECK_STR(z.err, want_err);
	CHECK_STR(i.err, z.err);
	CHECK_INT(i.end, z.end);
	CHECK_INT(i.offset, z.offset);
	if (want)
		CHECK_MEM(z.p ? z.p : "", z.len, want, wantlen);
	if (strncmp(want_err, "truncated", 9) == 0 && i.len < z.len) {
		/* At a cut ISA-L may hold back the last code or match, which it cannot decode
		 * without lookahead bits; zlib decodes it. Never more than one match (258). */
		CHECK(z.len - i.len <= 258);
		CHECK(i.len == 0 || memcmp(i.p, z.p, i.len) == 0);
		CHECK(i.lines == z.lines || i.lines + 1 == z.lines);
	} else {
		CHECK_INT(i.lines, z.lines);
		CHECK_MEM(i.p ? i.p : "", i.len, z.p ? z.p : "", z.len);
	}
	free(z.p);
	free(i.p);
}

/* One gzip member of P[0..N) with header fields as FLAGS asks (FEXTRA 4, FNAME 8,
 * FCOMMENT 16, FHCRC 2), appended to OUT at *LEN. */
static void member(unsigned char *out, size_t *len, const char *p, size_t n, int flags, int level)
{
	unsigned char hdr[64];
	size_t h = 0, cap = compressBound(n) + 64;
	z_stream z;
	uint32_t crc = (uint32_t)crc32(0, (const unsigned char *)p, (unsigned)n);

	hdr[h++] = 0x1f, hdr[h++] = 0x8b, hdr[h++] = 8, hdr[h++] = (unsigned char)flags;
	memset(hdr + h, 0, 6), h += 6;
	if (flags & 4) {
		hdr[h++] = 5, hdr[h++] = 0;
		memcpy(hdr + h, "xtra!", 5), h += 5;
	}
	if (flags & 8)
		memcpy(hdr + h, "name.log", 9), h += 9;
	if (flags & 16)
		memcpy(hdr + h, "a comment", 10), h += 10;
	if (flags & 2) {
		uint32_t hc = (uint32_t)crc32(0, hdr, (unsigned)h);
		hdr[h++] = hc & 0xff, hdr[h++] = (hc >> 8) & 0xff;
	}
	memcpy(out + *len, hdr, h);
	*len += h;
	memset(&z, 0, sizeof z);
	deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)p;
	z.avail_in = (unsigned)n;
	z.next_out = out + *len;
	z.avail_out = (unsigned)cap;
	deflate(&z, Z_FINISH);
	*len += z.total_out;
	deflateEnd(&z);
	for (h = 0; h < 4; h++)
		out[(*len)++] = (crc >> (8 * h)) & 0xff;
	for (h = 0; h < 4; h++)
		out[(*len)++] = ((uint32_t)n >> (8 * h)) & 0xff;
}

int main(void)
{
	size_t n = 3 << 20, len = 0, i, at, cut;
	char *data = malloc(n), msg[128];
	unsigned char *gz = malloc(2 * n + 1000000);
	uint64_t x = 88172645463325252ull;
	int flags;

	if (!mkdtemp(dir))
		return 1;
	/* Log-like lines: words from a small set, numbers, a newline now and then. */
	for (i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		data[i] = (x % 23 == 0) ? '\n' : "abcdefghij0123456789 ./\""[x % 24];
	}

	/* Every header field, alone and together; levels 0 (stored blocks), 1, 9. */
	for (flags = 0; flags < 32; flags += 2) {
		len = 0;
		member(gz, &len, data, 100000, flags, flags % 3 == 0 ? 0 : flags % 3 == 1 ? 1 : 9);
		snprintf(msg, sizeof msg, "flags%d.gz", flags);
		both(msg, gz, len, data, 100000, "");
	}
	/* One big member, then nginx-style: a member per 4 KiB flush, 768 of them. */
	len = 0;
	member(gz, &len, data, n, 0, 6);
	both("big.gz", gz, len, data, n, "");
	len = 0;
	for (at = 0; at < n; at += 4096)
		member(gz, &len, data + at, n - at < 4096 ? n - at : 4096, at % 3 ? 8 : 0, 6);
	both("many.gz", gz, len, data, n, "");
	/* Empty members among full ones. */
	len = 0;
	member(gz, &len, data, 0, 0, 6);
	member(gz, &len, data, 5000, 0, 6);
	member(gz, &len, data, 0, 0, 6);
	both("empty-members.gz", gz, len, data, 5000, "");

	/* Truncated anywhere in a member of the many, every cut at one file's offsets. */
	len = 0;
	member(gz, &len, data, 30000, 8 | 2, 6);
	member(gz, &len, data + 30000, 30000, 0, 6);
	for (cut = 2; cut < len; cut += cut < 40 ? 1 : 997) {
		snprintf(msg, sizeof msg, "truncated gzip data at byte %zu", cut);
		both("cut.gz", gz, cut, NULL, 0, msg);
	}
	/* A bad data check, a bad length check, a bad header CRC, an unknown method. */
	len = 0;
	member(gz, &len, data, 30000, 0, 6);
	gz[len - 8] ^= 1;
	snprintf(msg, sizeof msg, "invalid gzip data at byte %zu (incorrect data check)", len - 4);
	both("crc.gz", gz, len, data, 30000, msg);
	gz[len - 8] ^= 1;
	gz[len - 4] ^= 1;
	snprintf(msg, sizeof msg, "invalid gzip data at byte %zu (incorrect length check)", len);
	both("length.gz", gz, len, data, 30000, msg);
	len = 0;
	member(gz, &len, data, 300, 2 | 8, 6);
	gz[10] ^= 1;	/* the name changes: the header CRC no longer fits */
	both("hcrc.gz", gz, len, "", 0, "invalid gzip data at byte 21 (header crc mismatch)");
	gz[10] ^= 1;
	gz[2] = 7;
	both("method.gz", gz, len, "", 0, "invalid gzip data at byte 4 (unknown compression method)");
	gz[2] = 8;
	gz[3] |= 0x20;
	both("flags.gz", gz, len, "", 0, "invalid gzip data at byte 4 (unknown header flags set)");
	/* Trailing garbage after the last member. */
	len = 0;
	member(gz, &len, data, 3000, 0, 6);
	memcpy(gz + len, "junk", 4);
	snprintf(msg, sizeof msg, "trailing garbage after gzip data at byte %zu", len);
	both("junk.gz", gz, len + 4, data, 3000, msg);

	for (i = 0; i < 64; i++) {
		char f[300];
		snprintf(f, sizeof f, "%s/%s", dir, i == 0 ? "big.gz" : i == 1 ? "many.gz" : "x");
		unlink(f);
	}
	{
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 1;
	}
	free(data);
	free(gz);
	return unit_done("inflate");
}
