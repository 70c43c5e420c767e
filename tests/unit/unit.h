/* unit: the smallest C test harness. Each CHECK counts a pass or prints the failing line;
 * unit_done() prints "unit NAME: N passed, M failed" (read by tests/check.sh) and returns the
 * exit status. One test program per lib/ module: tests/unit/test_MODULE.c. */
#ifndef COOKBOX_UNIT_H
#define COOKBOX_UNIT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond) do { \
	if (cond) unit_pass++; \
	else { unit_fail++; fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_INT(a, b) do { \
	long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ == b_) unit_pass++; \
	else { unit_fail++; fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", \
		__FILE__, __LINE__, #a, a_, #b, b_); } \
} while (0)

#define CHECK_MEM(a, alen, b, blen) do { \
	const char *a_ = (const char *)(a), *b_ = (const char *)(b); \
	size_t al_ = (alen), bl_ = (blen); \
	if (a_ && b_ && al_ == bl_ && memcmp(a_, b_, al_) == 0) unit_pass++; \
	else { unit_fail++; fprintf(stderr, "%s:%d: %s is \"%.*s\" (%zu bytes), expected \"%.*s\" (%zu bytes)\n", \
		__FILE__, __LINE__, #a, a_ ? (int)(al_ > 200 ? 200 : al_) : 6, a_ ? a_ : "(null)", al_, \
		(int)(bl_ > 200 ? 200 : bl_), b_ ? b_ : "", bl_); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *s1_ = (a), *s2_ = (b); \
	CHECK_MEM(s1_, s1_ ? strlen(s1_) : 0, s2_, strlen(s2_)); \
} while (0)

/* A fixed-seed xorshift64 sequence, so a failing random case is the same on every run. */
static uint64_t unit_rng = 88172645463325252ull;

static inline uint64_t unit_rand(void)
{
	unit_rng ^= unit_rng << 13;
	unit_rng ^= unit_rng >> 7;
	unit_rng ^= unit_rng << 17;
	return unit_rng;
}

static inline int unit_done(const char *name)
{
	printf("unit %s: %d passed, %d failed\n", name, unit_pass, unit_fail);
	return unit_fail != 0;
}

#endif
