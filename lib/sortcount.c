/* sortcount: buffered pairs are sorted by a stable LSD radix sort on the bytes that differ
 * (stability keeps each pair's first index first), then merged with the sorted distinct pairs.
 * A big buffer is mmap'd and grown by mremap, so growing copies and faults in nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sortcount.h"

#define FIRST_CAP ((size_t)1024)
#define STEADY_CAP ((size_t)65536)	/* the buffer's size while few pairs are distinct */
#define MAP_MIN ((size_t)1 << 20)	/* bytes from which the buffer is mmap'd */

static void raw_release(struct sortcount *s)
{
	if (s->mapped)
		munmap(s->raw, s->capraw * sizeof *s->raw);
	else
		free(s->raw);
	s->raw = NULL;
	s->capraw = s->nraw = 0;
	s->mapped = 0;
}

void sc_free(struct sortcount *s)
{
	raw_release(s);
	free(s->run);
	free(s->spare);
	memset(s, 0, sizeof *s);
}

static int raw_resize(struct sortcount *s, size_t want)
{
	size_t bytes = want * sizeof *s->raw;
	void *p;

	if (want <= s->capraw)
		return 0;
	if (want > SIZE_MAX / sizeof *s->raw)
		goto nomem;
	if (bytes < MAP_MIN) {
		if (!(p = realloc(s->raw, bytes)))
			goto nomem;
#ifdef MREMAP_MAYMOVE
	} else if (s->mapped) {
		if ((p = mremap(s->raw, s->capraw * sizeof *s->raw, bytes, MREMAP_MAYMOVE)) == MAP_FAILED)
			goto nomem;
#endif
	} else {
		if ((p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
			goto nomem;
		if (s->nraw)
			memcpy(p, s->raw, s->nraw * sizeof *s->raw);
		if (s->mapped)
			munmap(s->raw, s->capraw * sizeof *s->raw);
		else
			free(s->raw);
		s->mapped = 1;
	}
	s->raw = p;
	s->capraw = want;
	return 0;
nomem:
	errno = ENOMEM;
	return -1;
}

static int before(uint64_t atag, uint64_t akey, uint64_t btag, uint64_t bkey)
{
	return atag < btag || (atag == btag && akey < bkey);
}

/* A[0..N) ascending by (tag, key), stably, by LSD passes on the bytes that differ, with B (N
 * pairs) as scratch: A or B, whichever holds the result. */
static struct sc_raw *lsd(struct sc_raw *a, struct sc_raw *b, size_t n)
{
	size_t cnt[12][256], i;
	uint64_t k0 = a[0].key, t0 = a[0].aux >> SC_IDXBITS, dk = 0, dt = 0;
	int dig[12], nd = 0, d;
	struct sc_raw *src = a, *dst = b, *t;

	for (i = 0; i < n; i++) {
		dk |= a[i].key ^ k0;
		dt |= (a[i].aux >> SC_IDXBITS) ^ t0;
	}
	for (d = 0; d < 8; d++)
		if ((dk >> (8 * d)) & 0xff)
			dig[nd++] = d;
	for (d = 0; d < 4; d++)
		if ((dt >> (8 * d)) & 0xff)
			dig[nd++] = 8 + d;
	if (nd == 0)
		return a;
	memset(cnt, 0, (size_t)nd * sizeof cnt[0]);
#define DIGIT(e, d) ((d) < 8 ? ((e)->key >> (8 * (d))) & 0xff : ((e)->aux >> (SC_IDXBITS + 8 * ((d) - 8))) & 0xff)
	for (i = 0; i < n; i++)
		for (d = 0; d < nd; d++)
			cnt[d][DIGIT(&a[i], dig[d])]++;
	for (d = 0; d < nd; d++) {
		size_t *c = cnt[d], sum = 0, k;
		int dd = dig[d];

		for (k = 0; k < 256; k++) {
			size_t v = c[k];
			c[k] = sum;
			sum += v;
		}
		for (i = 0; i < n; i++)
			dst[c[DIGIT(&src[i], dd)]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
#undef DIGIT
	return src;
}

#define MSD_BITS 11
#define MSD_MIN ((size_t)1 << 17)	/* pairs from which the first pass splits by the top bits */

/* Bits [S, S + MSD_BITS) of the 90-bit number tag:key. */
static size_t top_digit(const struct sc_raw *e, int s)
{
	uint64_t tag = e->aux >> SC_IDXBITS, v;

	if (s >= 64)
		v = tag >> (s - 64);
	else if (s + MSD_BITS <= 64)
		v = e->key >> s;
	else
		v = e->key >> s | tag << (64 - s);
	return (size_t)(v & ((1u << MSD_BITS) - 1));
}

/* R[0..N) ascending by (tag, key), stably, with TMP (N pairs) as scratch. A big array is first
 * split by its top differing bits, so that the LSD passes run on pieces that fit the cache. */
static void radix(struct sc_raw *r, struct sc_raw *tmp, size_t n)
{
	size_t i, *cnt, start;
	uint64_t dk = 0, dt = 0;
	struct sc_raw *res;
	int in_order = 1, hi, s;

	/* keys often come sorted (row ids, times): check before sorting */
	for (i = 1; i < n && in_order; i++)
		in_order = !before(r[i].aux >> SC_IDXBITS, r[i].key, r[i - 1].aux >> SC_IDXBITS, r[i - 1].key);
	if (in_order)
		return;
	if (n < MSD_MIN || !(cnt = calloc((size_t)1 << MSD_BITS, sizeof *cnt))) {
		if ((res = lsd(r, tmp, n)) != r)
			memcpy(r, res, n * sizeof *r);
		return;
	}
	for (i = 1; i < n; i++) {
		dk |= r[i].key ^ r[0].key;
		dt |= (r[i].aux ^ r[0].aux) >> SC_IDXBITS;
	}
	hi = dt ? 128 - __builtin_clzll(dt) : 64 - __builtin_clzll(dk);
	s = hi > MSD_BITS ? hi - MSD_BITS : 0;
	for (i = 0; i < n; i++)
		cnt[top_digit(&r[i], s)]++;
	for (i = 0, start = 0; i < (size_t)1 << MSD_BITS; i++) {
		size_t v = cnt[i];
		cnt[i] = start;
		start += v;
	}
	for (i = 0; i < n; i++)
		tmp[cnt[top_digit(&r[i], s)]++] = r[i];
	/* cnt[i] is now the end of piece i */
	for (i = 0, start = 0; i < (size_t)1 << MSD_BITS; start = cnt[i++]) {
		size_t len = cnt[i] - start;

		if (len == 0)
			continue;
		if ((res = lsd(tmp + start, r + start, len)) != r + start)
			memcpy(r + start, res, len * sizeof *r);
	}
	free(cnt);
}

void sc_sort(struct sc_raw *r, struct sc_raw *tmp, size_t n)
{
	if (n > 1)
		radix(r, tmp, n);
}

static int spare_reserve(struct sortcount *s, size_t need)
{
	size_t cap;

	if (s->capspare >= need)
		return 0;
	free(s->spare);
	cap = s->capspare * 2 > need ? s->capspare * 2 : need;
	if (!(s->spare = malloc(cap * sizeof *s->spare))) {
		s->capspare = 0;
		errno = ENOMEM;
		return -1;
	}
	s->capspare = cap;
	return 0;
}

/* End a merge into the spare O, which holds OUT pairs, the array's pairs from I on not yet
 * taken: the rest copied, and the spare becomes the array, the array the spare. */
static void merge_end(struct sortcount *s, struct sc_run *o, size_t out, size_t i)
{
	struct sc_run *old = s->run;
	size_t nold = s->nrun, cap;

	if (i < nold) {
		memcpy(o + out, old + i, (nold - i) * sizeof *o);
		out += nold - i;
	}
	s->spare = old;
	cap = s->capspare;
	s->capspare = s->caprun;
	s->run = o;
	s->caprun = cap;
	s->nrun = out;
}

/* Merge the sorted distinct pairs B[0..NB) into the array through the spare. */
static void merge(struct sortcount *s, const struct sc_run *b, size_t nb)
{
	struct sc_run *o = s->spare, *old = s->run;
	size_t i = 0, j = 0, out = 0, nold = s->nrun;

	for (; j < nb; j++) {
		uint64_t tag = sc_tag(&b[j]), key = b[j].key;

		while (i < nold && before(sc_tag(&old[i]), old[i].key, tag, key))
			o[out++] = old[i++];
		if (i < nold && sc_tag(&old[i]) == tag && old[i].key == key) {
			o[out] = old[i++];
			o[out].count += b[j].count;
			if (sc_index(&b[j]) < sc_index(&o[out]))
				o[out].aux = b[j].aux;
			out++;
		} else {
			o[out++] = b[j];
		}
	}
	merge_end(s, o, out, i);
}

int sc_flush(struct sortcount *s)
{
	struct sc_raw *r = s->raw;
	struct sc_run *o, *old = s->run;
	size_t n = s->nraw, i = 0, j = 0, k, out = 0, nold = s->nrun;

	if (n == 0)
		return 0;
	if (spare_reserve(s, nold + n) < 0)
		return -1;
	/* nold + n runs hold at least n raw pairs: the spare is the sort's scratch */
	radix(r, (struct sc_raw *)(void *)s->spare, n);
	o = s->spare;
	while (j < n) {
		uint64_t key = r[j].key, tag = r[j].aux >> SC_IDXBITS;

		for (k = j + 1; k < n && r[k].key == key && (r[k].aux >> SC_IDXBITS) == tag; k++)
			;
		while (i < nold && before(sc_tag(&old[i]), old[i].key, tag, key))
			o[out++] = old[i++];
		if (i < nold && sc_tag(&old[i]) == tag && old[i].key == key) {
			o[out] = old[i++];
			o[out].count += k - j;
			if (sc_index(&o[out]) > (r[j].aux & SC_MAXIDX))
				o[out].aux = r[j].aux;
			out++;
		} else {
			o[out].key = key;
			o[out].aux = r[j].aux;
			o[out++].count = k - j;
		}
		j = k;
	}
	merge_end(s, o, out, i);
	s->nraw = 0;
	return 0;
}

int sc_more(struct sortcount *s)
{
	size_t nold = s->nrun, n = s->nraw, want;

	if (s->capraw == 0)
		return raw_resize(s, FIRST_CAP);
	if (s->grow)
		return raw_resize(s, s->capraw * 2);
	if (sc_flush(s) < 0)
		return -1;
	if (s->nrun >= STEADY_CAP && s->nrun - nold > n / 2) {
		/* mostly new pairs: merging again and again would cost more than it saves */
		s->grow = 1;
		free(s->spare);
		s->spare = NULL;
		s->capspare = 0;
		return raw_resize(s, s->capraw * 2);
	}
	want = s->capraw * 2 < STEADY_CAP ? s->capraw * 2 : STEADY_CAP;
	if (want < s->nrun)
		want = s->nrun;
	return raw_resize(s, want);
}

int sc_finish(struct sortcount *s)
{
	if (sc_flush(s) < 0)
		return -1;
	raw_release(s);
	free(s->spare);
	s->spare = NULL;
	s->capspare = 0;
	return 0;
}

static int by_pair(const void *a, const void *b)
{
	const struct sc_run *x = a, *y = b;

	if (sc_tag(x) != sc_tag(y))
		return sc_tag(x) < sc_tag(y) ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

int sc_add_runs(struct sortcount *s, struct sc_run *r, size_t n)
{
	if (n == 0)
		return 0;
	if (spare_reserve(s, s->nrun + n) < 0)
		return -1;
	qsort(r, n, sizeof *r, by_pair);
	merge(s, r, n);
	return 0;
}
