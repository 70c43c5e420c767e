/* sortcount: buffered pairs are sorted by a stable LSD radix sort on the bytes that differ
 * (stability keeps each pair's first index first), then merged with the sorted distinct pairs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sortcount.h"

#define FIRST_CAP ((size_t)1024)
#define STEADY_CAP ((size_t)65536)	/* the buffer's size while few pairs are distinct */

void sc_free(struct sortcount *s)
{
	free(s->raw);
	free(s->run);
	free(s->spare);
	memset(s, 0, sizeof *s);
}

/* R[0..N) ascending by (tag, key), stably, with TMP (N pairs) as scratch. */
static void radix(struct sc_raw *r, struct sc_raw *tmp, size_t n)
{
	size_t cnt[12][256], i;
	uint64_t k0 = r[0].key, t0 = r[0].aux >> SC_IDXBITS, dk = 0, dt = 0;
	int dig[12], nd = 0, d;
	struct sc_raw *src = r, *dst = tmp, *t;

	for (i = 0; i < n; i++) {
		dk |= r[i].key ^ k0;
		dt |= (r[i].aux >> SC_IDXBITS) ^ t0;
	}
	for (d = 0; d < 8; d++)
		if ((dk >> (8 * d)) & 0xff)
			dig[nd++] = d;
	for (d = 0; d < 4; d++)
		if ((dt >> (8 * d)) & 0xff)
			dig[nd++] = 8 + d;
	if (nd == 0)
		return;
	memset(cnt, 0, (size_t)nd * sizeof cnt[0]);
#define DIGIT(e, d) ((d) < 8 ? ((e)->key >> (8 * (d))) & 0xff : ((e)->aux >> (SC_IDXBITS + 8 * ((d) - 8))) & 0xff)
	for (i = 0; i < n; i++)
		for (d = 0; d < nd; d++)
			cnt[d][DIGIT(&r[i], dig[d])]++;
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
	if (src != r)
		memcpy(r, src, n * sizeof *r);
}

int sc_flush(struct sortcount *s)
{
	size_t n = s->nraw, want;

	if (n) {
		struct sc_raw *r = s->raw;
		struct sc_run *o, *old = s->run;
		size_t need = s->nrun + n, i = 0, j = 0, k, out = 0, nold = s->nrun, cap;

		if (s->capspare < need) {
			free(s->spare);
			cap = s->capspare * 2 > need ? s->capspare * 2 : need;
			if (!(s->spare = malloc(cap * sizeof *s->spare))) {
				s->capspare = 0;
				errno = ENOMEM;
				return -1;
			}
			s->capspare = cap;
		}
		/* need runs hold at least n raw pairs: the spare is the sort's scratch */
		radix(r, (struct sc_raw *)(void *)s->spare, n);
		o = s->spare;
		while (j < n) {
			uint64_t key = r[j].key, tag = r[j].aux >> SC_IDXBITS;

			for (k = j + 1; k < n && r[k].key == key && (r[k].aux >> SC_IDXBITS) == tag; k++)
				;
			while (i < nold && (sc_tag(&old[i]) < tag || (sc_tag(&old[i]) == tag && old[i].key < key)))
				o[out++] = old[i++];
			if (i < nold && sc_tag(&old[i]) == tag && old[i].key == key) {
				o[out] = old[i++];
				o[out++].count += k - j;
			} else {
				o[out].key = key;
				o[out].aux = r[j].aux;
				o[out++].count = k - j;
			}
			j = k;
		}
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
		s->nraw = 0;
	}
	want = s->capraw ? s->capraw * 2 : FIRST_CAP;
	if (want > STEADY_CAP)
		want = STEADY_CAP;
	if (want < s->nrun)
		want = s->nrun;
	if (want > s->capraw) {
		struct sc_raw *p = realloc(s->raw, want * sizeof *p);

		if (!p) {
			errno = ENOMEM;
			return -1;
		}
		s->raw = p;
		s->capraw = want;
	}
	return 0;
}
