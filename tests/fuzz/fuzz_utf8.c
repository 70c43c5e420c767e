/* fuzz_utf8: clang -g -O1 -fsanitize=fuzzer,address -Ilib tests/fuzz/fuzz_utf8.c lib/utf8.c $(pkg-config --cflags --libs libutf8proc) -o fuzz_utf8 && ./fuzz_utf8 -max_total_time=60 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

#define REQUIRE(c) do { if (!(c)) __builtin_trap(); } while (0)

/* The invalid bytes of S, in order, into OUT (at least N bytes); their count. */
static size_t invalid_bytes(const char *s, size_t n, char *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		int32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);

		REQUIRE(l >= 1 && l <= 4 && l <= n - i);
		if (cp == UTF8_INVALID) {
			REQUIRE(l == 1);
			out[k++] = s[i];
		} else {
			char b[4];

			REQUIRE(utf8_encode(cp, b) == l && memcmp(b, s + i, l) == 0);
		}
		i += l;
	}
	return k;
}

static int same(const char *a, size_t al, const char *b, size_t bl)
{
	return al == bl && memcmp(a, b, al) == 0;
}

/* Normalise or fold, checking the result's shape: terminated, invalid bytes kept in order. */
static char *conv(const char *s, size_t n, int form, size_t *len)
{
	char *out = form < 0 ? utf8_casefold(s, n, len) : utf8_normalize(s, n, (enum utf8_form)form, len);
	char *a, *b;

	REQUIRE(out && out[*len] == '\0');
	a = malloc(n + 1);
	b = malloc(*len + 1);
	REQUIRE(a && b);
	REQUIRE(same(a, invalid_bytes(s, n, a), b, invalid_bytes(out, *len, b)));
	free(a);
	free(b);
	return out;
}

static void check_map(const char *s, size_t n, const char *got, size_t gotlen, utf8proc_option_t opt)
{
	utf8proc_uint8_t *want = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &want, opt);

	REQUIRE(k >= 0 && same(got, gotlen, (char *)want, (size_t)k));
	free(want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *s = (const char *)data;
	size_t i = 0, sum = 0, len[5], l2, first_bad = n;
	char *out[5], *again;
	int f, valid;

	while (i < n) {
		int w = -1;
		size_t k = utf8_cluster(s + i, n - i, &w);

		REQUIRE(k >= 1 && k <= n - i && w >= 0 && w <= 2);
		/* An invalid byte is a cluster of its own. */
		REQUIRE(k == 1 || utf8_valid_prefix(s + i, k) == k);
		if (first_bad == n && utf8_valid_prefix(s + i, k) != k)
			first_bad = i;
		sum += (size_t)w;
		i += k;
	}
	REQUIRE(sum == utf8_width(s, n));
	REQUIRE(utf8_valid_prefix(s, n) == first_bad);
	valid = first_bad == n;

	for (f = -1; f <= UTF8_NFKD; f++)
		out[f + 1] = conv(s, n, f, &len[f + 1]);

	/* NFC(NFD(x)) = NFC(x), NFKC(NFKD(x)) = NFKC(x), NFC and folding idempotent. */
	again = conv(out[1 + UTF8_NFD], len[1 + UTF8_NFD], UTF8_NFC, &l2);
	REQUIRE(same(again, l2, out[1 + UTF8_NFC], len[1 + UTF8_NFC]));
	free(again);
	again = conv(out[1 + UTF8_NFKD], len[1 + UTF8_NFKD], UTF8_NFKC, &l2);
	REQUIRE(same(again, l2, out[1 + UTF8_NFKC], len[1 + UTF8_NFKC]));
	free(again);
	again = conv(out[1 + UTF8_NFC], len[1 + UTF8_NFC], UTF8_NFC, &l2);
	REQUIRE(same(again, l2, out[1 + UTF8_NFC], len[1 + UTF8_NFC]));
	free(again);
	again = conv(out[0], len[0], -1, &l2);
	REQUIRE(same(again, l2, out[0], len[0]));
	free(again);

	/* Valid input: the same as utf8proc over the whole string, with no cutting into runs. */
	if (valid) {
		check_map(s, n, out[1 + UTF8_NFC], len[1 + UTF8_NFC], UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		check_map(s, n, out[1 + UTF8_NFD], len[1 + UTF8_NFD], UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
		check_map(s, n, out[1 + UTF8_NFKC], len[1 + UTF8_NFKC],
			UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
		check_map(s, n, out[1 + UTF8_NFKD], len[1 + UTF8_NFKD],
			UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT);
		check_map(out[1 + UTF8_NFD], len[1 + UTF8_NFD], out[0], len[0],
			UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	}
	for (f = 0; f < 5; f++)
		free(out[f]);
	return 0;
}
