/* fuzz_pidfile: make fuzz && build/fuzz/fuzz_pidfile -max_total_time=60
 * pidfile_parse on any bytes: never reads past N, and accepts exactly what a strict reference
 * accepts (blanks, 1..INT_MAX in decimal, blanks, at most one final newline). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pidfile.h"

#define REQUIRE(c) do { if (!(c)) __builtin_trap(); } while (0)

static long long reference(const char *s, size_t n)
{
	size_t i = 0, start;
	long long v = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	start = i;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		if (v <= INT_MAX)
			v = v * 10 + (s[i] - '0');
		i++;
	}
	if (i == start || v > INT_MAX || v == 0)
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '\n')
		i++;
	return i == n ? v : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that ASan catches any read past the end. */
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);
	REQUIRE(pidfile_parse(s, size) == reference(s, size));
	free(s);
	return 0;
}
