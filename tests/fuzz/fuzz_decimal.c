/* make fuzz && build/fuzz/fuzz_decimal -max_len=256 -max_total_time=60 CORPUS */
/* fuzz_decimal: dec_scan over any bytes; an accepted number prints (big_to_text) as a plain
 * decimal that scans back to the same value, and its double (big_ratio_double) is what strtod
 * makes of that text. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "decimal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decnum d, e;
	struct big b = BIG_INIT;
	char *dig = malloc(size + 1), *text, *dig2;
	double x, y;

	assert(dig);
	if (dec_scan((const char *)data, size, dig, 1, &d) == 1) {
		assert(d.nd <= size && (d.nd == 0 || (dig[0] != '0' && dig[d.nd - 1] != '0')));
		assert(big_set_digits(&b, d.dig, d.nd) == 0);
		text = big_to_text(&b, d.neg, d.exp);
		assert(text);
		dig2 = malloc(strlen(text) + 1);
		assert(dig2);
		assert(dec_scan(text, strlen(text), dig2, 0, &e) == 1);
		assert(dec_cmp(&d, &e) == 0 && dec_cmp(&e, &d) == 0);
		if (strlen(text) < 400) {
			x = big_ratio_double(&b, d.neg, d.exp, 0, 1, 1);
			y = strtod(text, NULL);
			assert(x == y || (x != x && y != y));
		}
		free(dig2);
		free(text);
	}
	big_free(&b);
	free(dig);
	return 0;
}
