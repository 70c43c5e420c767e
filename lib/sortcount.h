/* sortcount: exact counts of distinct (tag, 64-bit key) pairs, each with the index of its first
 * occurrence, for columns of millions of distinct values: pairs are appended to a buffer that is
 * radix sorted and merged into a sorted array of distinct pairs whenever it fills, so no hash
 * table is probed per value. While pairs repeat, memory follows the number of distinct pairs
 * (the buffer is at most as big as the array, or 64K pairs); once a merge finds most of them
 * new, the buffer keeps growing instead (16 bytes a pair) and is sorted once, by sc_finish.
 * The structure owns its arrays: start it zeroed (SORTCOUNT_INIT), release it with sc_free. */
#ifndef COOKBOX_SORTCOUNT_H
#define COOKBOX_SORTCOUNT_H

#include <stddef.h>
#include <stdint.h>

#define SC_TAGBITS 26
#define SC_IDXBITS 38
#define SC_MAXIDX ((UINT64_C(1) << SC_IDXBITS) - 1)

struct sc_raw {
	uint64_t key, aux;	/* aux: tag << SC_IDXBITS | index */
};

struct sc_run {
	uint64_t key, aux, count;	/* aux: tag and the first index */
};

struct sortcount {
	struct sc_raw *raw;	/* pairs not yet merged, in the order added */
	size_t nraw, capraw;
	struct sc_run *run;	/* distinct pairs ascending by (tag, key) */
	size_t nrun, caprun;
	struct sc_run *spare;	/* the next merge's output; the sort's scratch space */
	size_t capspare;
	int grow, mapped;	/* the buffer only grows; it is mmap'd */
};

#define SORTCOUNT_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, 0 }

/* Make room in a full buffer (sc_add's slow path): 0, or -1 with errno ENOMEM. */
int sc_more(struct sortcount *s);
/* Merge the buffered pairs into the sorted array: 0, or -1 with errno ENOMEM. */
int sc_flush(struct sortcount *s);
/* sc_flush, then release the buffers: only the sorted array stays. */
int sc_finish(struct sortcount *s);
/* Merge the distinct pairs R[0..N) (aux and count set as in run; any order) into the sorted
 * array; a pair already there keeps the smaller index. 0, or -1 with errno ENOMEM. */
int sc_add_runs(struct sortcount *s, struct sc_run *r, size_t n);
void sc_free(struct sortcount *s);
/* Sort R[0..N) by (tag, key), stably, with TMP (N pairs) as scratch: the sort the merges use,
 * for other arrays of pairs. */
void sc_sort(struct sc_raw *r, struct sc_raw *tmp, size_t n);

/* Count one more (TAG, KEY) seen at INDEX (TAG < 2^SC_TAGBITS, INDEX <= SC_MAXIDX, indices
 * ascending across calls): 0, or -1 with errno ENOMEM. */
static inline int sc_add(struct sortcount *s, uint64_t key, uint64_t tag, uint64_t index)
{
	if (s->nraw == s->capraw && sc_more(s) < 0)
		return -1;
	s->raw[s->nraw].key = key;
	s->raw[s->nraw].aux = tag << SC_IDXBITS | index;
	s->nraw++;
	return 0;
}

static inline uint64_t sc_tag(const struct sc_run *r)
{
	return r->aux >> SC_IDXBITS;
}

static inline uint64_t sc_index(const struct sc_run *r)
{
	return r->aux & SC_MAXIDX;
}

#endif
