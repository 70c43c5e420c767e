/* globscan: a globset matched against every record of a buffer (lines, or NUL-terminated
 * names) in one pass, for filters like fnmatch. A prefilter proves most records match no
 * pattern before any automaton runs: each pattern is keyed by the two bytes its matches can
 * start with, the two they can end with, or a literal they must contain (looked for in the
 * whole buffer at once with vector compares); the records whose keys hit are confirmed against
 * the patterns of those keys. Big mapped inputs can be split between threads. The scan
 * borrows the set, which must outlive it and not change. */
#ifndef COOKBOX_GLOBSCAN_H
#define COOKBOX_GLOBSCAN_H

#include <stddef.h>

#include "globset.h"

struct globscan;

/* A scan of records ending in DELIM against set G: NULL with errno ENOMEM. */
struct globscan *globscan_new(struct globset *g, int delim);
void globscan_free(struct globscan *s);

/* For each record of BUF[0..N) that a pattern matches (with INVERT, that none matches), call
 * FN(ARG, record, length) until FN returns non-zero. BUF holds whole records, each followed by
 * the delimiter. Returns FN's non-zero value, or 0, or -1 with errno ENOMEM. */
int globscan_run(struct globscan *s, const char *buf, size_t n, int invert,
	int (*fn)(void *arg, const char *rec, size_t len), void *arg);

/* As globscan_run, with up to THREADS threads each matching a part of BUF (a big one) once
 * the automaton does the work (the prefilter is memory-bound: it runs alone); FN is still
 * called from the calling thread, in the records' order. */
int globscan_run_threads(struct globscan *s, const char *buf, size_t n, int invert,
	int threads, int (*fn)(void *arg, const char *rec, size_t len), void *arg);

/* Whether the prefilter is in use (it is dropped when it would not pay); for tests. */
int globscan_filtering(const struct globscan *s);
/* Records seen by the prefilter so far, and how many of them were candidates. */
void globscan_stats(const struct globscan *s, unsigned long long *records,
	unsigned long long *candidates);
/* Use vector instructions up to LEVEL (0 none, 1 AVX2, 2 AVX-512BW) as far as the processor
 * has them; for tests of each path. The level in effect. */
int globscan_vector(struct globscan *s, int level);

#endif
