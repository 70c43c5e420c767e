/* fuzz_globscan: lib/globscan selects exactly the records per-record globset_match selects,
 * at each vector level (AVX-512, AVX2, portable), either invert, in one run or two, and
 * stops when the callback says.
 * Input: flags byte; options byte (bit 0: records end in '\0', not '\n'; bits 1-2: 2 puts a
 * filler record first so the records start 4 * V bytes before the 65536-byte chunk boundary,
 * V the top 5 bits; 3 repeats the records past the prefilter's 8192-record probe); patterns
 * separated by '\x01' and ended by '\x02'; then the records (a missing last delimiter added).
 * make fuzz && build/fuzz/fuzz_globscan -max_total_time=300 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "globscan.h"
#include "globset.h"

#define REQUIRE(c) do { if (!(c)) __builtin_trap(); } while (0)
#define MAX_PATS 64

struct sel {
	const char *base;
	size_t *off, n, cap, stop_at;
};

static int take(void *arg, const char *rec, size_t len)
{
	struct sel *s = arg;

	(void)len;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->off = realloc(s->off, s->cap * sizeof *s->off);
		REQUIRE(s->off);
	}
	s->off[s->n++] = (size_t)(rec - s->base);
	return s->stop_at && s->n == s->stop_at ? 77 : 0;
}

static void dump(const char *what, const char *p, size_t n)
{
	fprintf(stderr, "%s \"", what);
	for (size_t i = 0; i < n && i < 200; i++) {
		unsigned char c = (unsigned char)p[i];
		fprintf(stderr, c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? "%c" : "\\x%02x", c);
	}
	fprintf(stderr, "\" (%zu bytes)\n", n);
}

/* GOT must be WANT (or its first GOT->n entries, when STOPPED); else report and trap. */
static void same(const struct sel *got, const struct sel *want, int stopped, const char *how,
	int flags, int delim, const char *const *pats, const size_t *plen, size_t np,
	const char *buf, size_t n)
{
	size_t i;

	if (stopped ? got->n <= want->n : got->n == want->n) {
		for (i = 0; i < got->n; i++)
			if (got->off[i] != want->off[i])
				break;
		if (i == got->n)
			return;
	} else
		for (i = 0; i < got->n && i < want->n && got->off[i] == want->off[i]; i++)
			;
	fprintf(stderr, "globscan %s: flags %d delim %d: %zu selected, %zu expected\n", how, flags,
		delim, got->n, want->n);
	for (size_t k = 0; k < np; k++)
		dump("pattern", pats[k], plen[k]);
	{
		int g = i < got->n && (i >= want->n || got->off[i] < want->off[i]);
		size_t off = g ? got->off[i] : i < want->n ? want->off[i] : n;
		const char *e = off < n ? memchr(buf + off, delim, n - off) : buf + n;
		fprintf(stderr, "at %zu: %s\n", off,
			g ? "selected, not expected" : "expected, not selected");
		dump("record", buf + off, (size_t)(e - (buf + off)));
	}
	__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *pats[MAX_PATS], *p, *end, *recs;
	size_t plen[MAX_PATS], np = 0, rlen, n = 0, cap, filler, copies, cut;
	struct globset *g, *h;
	struct sel want[2];
	int flags, delim;
	char *buf;

	if (size < 2)
		return 0;
	flags = data[0] | (data[0] & 1 ? GLOB_GITSTAR : 0);
	if (flags & GLOB_PYTHON)	/* what fnmatch allows with --python */
		flags &= GLOB_PYTHON | GLOB_CASEFOLD | GLOB_BRACES;
	delim = data[1] & 1 ? '\0' : '\n';
	copies = (data[1] >> 1 & 3) == 3 ? 0 : 1;	/* 0: as many as pass 8300 records */
	filler = (data[1] >> 1 & 3) == 2 ? 65535 - 4 * (size_t)(data[1] >> 3) : 0;
	p = (const char *)data + 2;
	end = (const char *)data + size;
	recs = memchr(p, '\x02', (size_t)(end - p));
	if (!recs)
		recs = end;
	while (np < MAX_PATS) {
		const char *e = memchr(p, '\x01', (size_t)(recs - p));
		pats[np] = p;
		plen[np++] = (size_t)((e ? e : recs) - p);
		if (!e)
			break;
		p = e + 1;
	}
	recs = recs < end ? recs + 1 : end;
	rlen = (size_t)(end - recs);

	/* the buffer: filler record, then the records COPIES times, each copy whole */
	{
		size_t per = rlen + (rlen && recs[rlen - 1] != (char)delim), nrec = 0;
		for (size_t i = 0; i < rlen; i++)
			nrec += recs[i] == (char)delim;
		nrec += per > rlen;
		if (!copies)
			copies = nrec ? 8300 / nrec + 1 : 1;
		if (copies * per > (4u << 20))
			copies = (4u << 20) / (per ? per : 1);
		cap = (filler ? filler + 1 : 0) + copies * per;
		buf = malloc(cap ? cap : 1);
		REQUIRE(buf);
		if (filler) {
			memset(buf, 'x', filler);
			buf[filler] = (char)delim;
			n = filler + 1;
		}
		for (size_t c = 0; c < copies && per; c++) {
			memcpy(buf + n, recs, rlen);
			if (per > rlen)
				buf[n + rlen] = (char)delim;
			n += per;
		}
		REQUIRE(n == cap);
	}

	g = globset_new(flags);
	h = globset_new(flags);
	REQUIRE(g && h);
	for (size_t k = 0; k < np; k++) {
		long a = globset_add(g, pats[k], plen[k]), b = globset_add(h, pats[k], plen[k]);
		REQUIRE(a == b);
		if (a < 0)
			REQUIRE(errno == EINVAL);
	}

	/* the reference */
	for (int inv = 0; inv < 2; inv++) {
		memset(&want[inv], 0, sizeof want[inv]);
		want[inv].base = buf;
	}
	for (size_t i = 0; i < n;) {
		const char *e = memchr(buf + i, delim, n - i);
		long m = globset_match(h, buf + i, (size_t)(e - (buf + i)));
		REQUIRE(m >= -1);
		take(&want[m < 0], buf + i, 0);
		i = (size_t)(e - buf) + 1;
	}

	/* a cut at a record end, for a scan in two runs */
	cut = n ? (size_t)data[0] * n / 256 : 0;
	while (cut > 0 && buf[cut - 1] != (char)delim)
		cut--;

	for (int level = 2; level >= 0; level--) {
		/* AVX-512 (the sparse scan), AVX2, portable, as far as the processor has them */
		struct globscan *s = globscan_new(g, delim);
		int two = level == 0;
		REQUIRE(s);
		globscan_vector(s, level);
		/* invert 0 then 1 on the whole; portable: 1 then 0, each in two runs */
		for (int k = 0; k < 2; k++) {
			int inv = two ? !k : k;
			struct sel got = { buf, NULL, 0, 0, 0 };
			if (two) {
				REQUIRE(globscan_run(s, buf, cut, inv, take, &got) == 0);
				REQUIRE(globscan_run(s, buf + cut, n - cut, inv, take, &got) == 0);
			} else
				REQUIRE(globscan_run(s, buf, n, inv, take, &got) == 0);
			same(&got, &want[inv], 0, two ? "portable, two runs" : level == 1 ? "AVX2" :
				"AVX-512", flags, delim, pats, plen, np, buf, n);
			free(got.off);
		}
		/* an early stop returns the callback's value after the first records */
		if (!two && want[0].n > 0) {
			struct sel got = { buf, NULL, 0, 0, 1 + n % want[0].n };
			REQUIRE(globscan_run(s, buf, n, 0, take, &got) == 77);
			REQUIRE(got.n == got.stop_at);
			same(&got, &want[0], 1, "stopped", flags, delim, pats, plen, np, buf, n);
			free(got.off);
		}
		globscan_free(s);
	}
	free(want[0].off);
	free(want[1].off);
	globset_free(g);
	globset_free(h);
	free(buf);
	return 0;
}
