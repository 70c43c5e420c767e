/* fuzz_words: the word splitter. Input: a command line. Checks the bounds words.h promises
 * (OUT of strlen + 1 bytes, V of strlen / 2 + 2 pointers) and that no word holds a blank
 * unless it was quoted, by re-splitting a word that has none.
 * make fuzz && build/fuzz/fuzz_words -max_total_time=60 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

#define REQUIRE(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *out, **v, out2[8], *v2[3];
	const char *why;
	size_t len;
	long n;

	memcpy(s, data, size);
	s[size] = '\0';
	len = strlen(s);
	out = malloc(len + 1);
	v = malloc((len / 2 + 2) * sizeof *v);
	n = words_split(s, out, v, &why);
	if (n < 0)
		REQUIRE(why != NULL);
	else {
		REQUIRE(v[n] == NULL);
		for (long i = 0; i < n; i++) {
			size_t w = strlen(v[i]);
			REQUIRE(v[i] >= out && v[i] + w < out + len + 1);
			/* A plain short word splits back to itself. */
			if (w && w < 8 && !strpbrk(v[i], " \t\n'\"\\")) {
				REQUIRE(words_split(v[i], out2, v2, &why) == 1);
				REQUIRE(strcmp(v2[0], v[i]) == 0);
			}
		}
	}
	free(v);
	free(out);
	free(s);
	return 0;
}
