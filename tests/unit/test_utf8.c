/* test_utf8: lib/utf8 against hand-checked cases (Table 3-7 decoding, UAX #11/#29 widths,
 * UAX #15 forms, case folding) and exhaustive loops over every code point. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "unit.h"
#include "utf8.h"

/* Clusters of S as "bytes/columns" separated by spaces. */
static const char *cl(const char *s)
{
	static char out[512];
	size_t n = strlen(s), len = 0;

	out[0] = '\0';
	while (n > 0 && len < sizeof out - 32) {
		int w = -1;
		size_t k = utf8_cluster(s, n, &w);

		len += (size_t)snprintf(out + len, sizeof out - len, "%s%zu/%d", len ? " " : "", k, w);
		if (k == 0 || k > n)
			break;
		s += k;
		n -= k;
	}
	return out;
}

/* Width of S, also checked to equal the sum of its clusters' widths. */
static long W(const char *s)
{
	size_t n = strlen(s), sum = 0, i = 0, total = utf8_width(s, n);

	while (i < n) {
		int w;
		size_t k = utf8_cluster(s + i, n - i, &w);

		if (k == 0)
			return -1;
		sum += (size_t)w;
		i += k;
	}
	return sum == total ? (long)total : -2;
}

static void check_decode(const char *s, size_t n, int32_t want, size_t wantlen)
{
	int32_t cp = 12345;
	size_t k = utf8_decode(s, n, &cp);

	CHECK_INT(k, wantlen);
	CHECK_INT(cp, want);
}

static void test_decode(void)
{
	check_decode("A", 1, 'A', 1);
	check_decode("", 1, 0, 1);
	check_decode("\x7F", 1, 0x7F, 1);
	check_decode("\xC2\x80", 2, 0x80, 2);
	check_decode("\xC3\xA9", 2, 0xE9, 2);
	check_decode("\xDF\xBF", 2, 0x7FF, 2);
	check_decode("\xE0\xA0\x80", 3, 0x800, 3);
	check_decode("\xE4\xB8\xAD", 3, 0x4E2D, 3);
	check_decode("\xED\x9F\xBF", 3, 0xD7FF, 3);
	check_decode("\xEE\x80\x80", 3, 0xE000, 3);
	check_decode("\xEF\xBF\xBF", 3, 0xFFFF, 3);
	check_decode("\xF0\x90\x80\x80", 4, 0x10000, 4);
	check_decode("\xF0\x9F\x98\x80", 4, 0x1F600, 4);
	check_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
	check_decode("\xC3\xA9zzz", 5, 0xE9, 2);

	/* Overlongs. */
	check_decode("\xC0\x80", 2, UTF8_INVALID, 1);
	check_decode("\xC1\xBF", 2, UTF8_INVALID, 1);
	check_decode("\xE0\x80\x80", 3, UTF8_INVALID, 1);
	check_decode("\xE0\x9F\xBF", 3, UTF8_INVALID, 1);
	check_decode("\xF0\x80\x80\x80", 4, UTF8_INVALID, 1);
	check_decode("\xF0\x8F\xBF\xBF", 4, UTF8_INVALID, 1);
	/* Surrogates. */
	check_decode("\xED\xA0\x80", 3, UTF8_INVALID, 1);
	check_decode("\xED\xBF\xBF", 3, UTF8_INVALID, 1);
	/* Past U+10FFFF, and bytes that never occur. */
	check_decode("\xF4\x90\x80\x80", 4, UTF8_INVALID, 1);
	check_decode("\xF5\x80\x80\x80", 4, UTF8_INVALID, 1);
	check_decode("\xF7\xBF\xBF\xBF", 4, UTF8_INVALID, 1);
	check_decode("\xF8\x88\x80\x80\x80", 5, UTF8_INVALID, 1);
	check_decode("\xFE", 1, UTF8_INVALID, 1);
	check_decode("\xFF", 1, UTF8_INVALID, 1);
	/* Truncated, by the end of the buffer or by a non-continuation byte. */
	check_decode("\xC3", 1, UTF8_INVALID, 1);
	check_decode("\xC3\xA9", 1, UTF8_INVALID, 1);
	check_decode("\xE4\xB8", 2, UTF8_INVALID, 1);
	check_decode("\xE4\xB8\xAD", 2, UTF8_INVALID, 1);
	check_decode("\xF0\x9F\x98", 3, UTF8_INVALID, 1);
	check_decode("\xC3\x41", 2, UTF8_INVALID, 1);
	check_decode("\xE4\x41\xAD", 3, UTF8_INVALID, 1);
	check_decode("\xE4\xB8\x41", 3, UTF8_INVALID, 1);
	check_decode("\xF0\x9F\x98\x41", 4, UTF8_INVALID, 1);
	check_decode("\xC3\xC3\xA9", 3, UTF8_INVALID, 1);
	/* Stray continuation bytes. */
	check_decode("\x80", 1, UTF8_INVALID, 1);
	check_decode("\xBF\xBF", 2, UTF8_INVALID, 1);

	/* Each invalid byte of a truncated sequence is one UTF8_INVALID; decoding resumes. */
	{
		const char *s = "\xE4\xB8" "a\xF0\x9F\x98\xC3\xA9";
		size_t n = strlen(s), i = 0, count = 0, bad = 0;
		int32_t cp = 0;

		while (i < n) {
			i += utf8_decode(s + i, n - i, &cp);
			count++;
			bad += cp == UTF8_INVALID;
		}
		CHECK_INT(count, 7);
		CHECK_INT(bad, 5);
		CHECK_INT(cp, 0xE9);
	}
}

static void test_encode(void)
{
	char b[4];
	int32_t cp, back;
	long bad = 0;

	CHECK_INT(utf8_encode(-1, b), 0);
	CHECK_INT(utf8_encode(0xD800, b), 0);
	CHECK_INT(utf8_encode(0xDFFF, b), 0);
	CHECK_INT(utf8_encode(0x110000, b), 0);
	CHECK_INT(utf8_encode(0x7FFFFFFF, b), 0);
	CHECK_INT(utf8_encode(0x10FFFF, b), 4);
	CHECK_MEM(b, 4, "\xF4\x8F\xBF\xBF", 4);
	CHECK_INT(utf8_encode(0x20AC, b), 3);
	CHECK_MEM(b, 3, "\xE2\x82\xAC", 3);

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		size_t k, want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		k = utf8_encode(cp, b);
		if (k != want || utf8_decode(b, k, &back) != k || back != cp || utf8_valid_prefix(b, k) != k)
			bad++;
	}
	CHECK_INT(bad, 0);
}

static void test_valid_prefix(void)
{
	char big[64];

	CHECK_INT(utf8_valid_prefix("", 0), 0);
	CHECK_INT(utf8_valid_prefix("abc", 3), 3);
	CHECK_INT(utf8_valid_prefix("caf\xC3\xA9", 5), 5);
	CHECK_INT(utf8_valid_prefix("caf\xC3\xA9", 4), 3);
	CHECK_INT(utf8_valid_prefix("\xC3\xA9\x80", 3), 2);
	CHECK_INT(utf8_valid_prefix("\xE4\xB8", 2), 0);
	CHECK_INT(utf8_valid_prefix("abcdefg\xFF", 8), 7);
	CHECK_INT(utf8_valid_prefix("abcdefgh\xED\xA0\x80", 11), 8);
	CHECK_INT(utf8_valid_prefix("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 8), 8);
	memset(big, 'x', sizeof big);
	big[41] = '\xC0';
	CHECK_INT(utf8_valid_prefix(big, sizeof big), 41);
	big[41] = '\0';
	CHECK_INT(utf8_valid_prefix(big, sizeof big), sizeof big);
}

static void test_cpwidth(void)
{
	CHECK_INT(utf8_cpwidth('a'), 1);
	CHECK_INT(utf8_cpwidth(0), 0);
	CHECK_INT(utf8_cpwidth('\t'), 0);
	CHECK_INT(utf8_cpwidth(0x7F), 0);
	CHECK_INT(utf8_cpwidth(0x85), 0);
	CHECK_INT(utf8_cpwidth(0xA0), 1);
	CHECK_INT(utf8_cpwidth(0xAD), 0);
	CHECK_INT(utf8_cpwidth(0x301), 0);
	CHECK_INT(utf8_cpwidth(0x1100), 2);
	CHECK_INT(utf8_cpwidth(0x1161), 0);
	CHECK_INT(utf8_cpwidth(0x11AB), 0);
	CHECK_INT(utf8_cpwidth(0xAC00), 2);
	CHECK_INT(utf8_cpwidth(0x200B), 0);
	CHECK_INT(utf8_cpwidth(0x200D), 0);
	CHECK_INT(utf8_cpwidth(0x2060), 0);
	CHECK_INT(utf8_cpwidth(0xFEFF), 0);
	CHECK_INT(utf8_cpwidth(0x0600), 1);	/* Arabic number sign, visible */
	CHECK_INT(utf8_cpwidth(0xFE0F), 0);
	CHECK_INT(utf8_cpwidth(0xE0101), 0);
	CHECK_INT(utf8_cpwidth(0x3000), 2);
	CHECK_INT(utf8_cpwidth(0x4E2D), 2);
	CHECK_INT(utf8_cpwidth(0xFF21), 2);
	CHECK_INT(utf8_cpwidth(0xFF71), 1);
	CHECK_INT(utf8_cpwidth(0x2764), 1);
	CHECK_INT(utf8_cpwidth(0x1F600), 2);
	CHECK_INT(utf8_cpwidth(0x1F1EB), 1);
	CHECK_INT(utf8_cpwidth(0x1F3FD), 2);
	CHECK_INT(utf8_cpwidth(0x20000), 2);
	CHECK_INT(utf8_cpwidth(0x2FFFD), 2);	/* unassigned, but in a wide plane */
	CHECK_INT(utf8_cpwidth(0x0378), 1);	/* unassigned */
	CHECK_INT(utf8_cpwidth(0xE0000), 0);	/* unassigned tag */
	CHECK_INT(utf8_cpwidth(0xE000), 1);	/* private use */
	CHECK_INT(utf8_cpwidth(UTF8_INVALID), 1);
	CHECK_INT(utf8_cpwidth(0xD800), 1);
	CHECK_INT(utf8_cpwidth(0x110000), 1);
}

static void test_width(void)
{
	char s[128];
	size_t i;

	CHECK_INT(W(""), 0);
	CHECK_INT(W("hello, world"), 12);
	CHECK_INT(W("a\tb"), 2);
	CHECK_INT(W("\x1B[1mbold\x1B[0m"), 10);
	CHECK_INT(W("del\x7F"), 3);
	CHECK_STR(cl("a\r\nb"), "1/1 2/0 1/1");
	CHECK_STR(cl("\r\r\n\n"), "1/0 2/0 1/0");
	CHECK_INT(utf8_cluster("x", 0, NULL), 0);
	CHECK_INT(utf8_cluster("xy", 2, NULL), 1);

	/* CJK, fullwidth, halfwidth. */
	CHECK_INT(W("\xE4\xB8\xAD\xE6\x96\x87"), 4);			/* 中文 */
	CHECK_STR(cl("\xE4\xB8\xAD\xE6\x96\x87"), "3/2 3/2");
	CHECK_INT(W("\xEF\xBC\xA1\xEF\xBC\xA2"), 4);			/* ＡＢ */
	CHECK_INT(W("\xEF\xBD\xB1"), 1);				/* ｱ */
	CHECK_INT(W("\xE3\x80\x80"), 2);				/* ideographic space */
	CHECK_INT(W("a\xE4\xB8\xAD" "b"), 4);

	/* Combining marks: e + U+0301 is one cluster of one column; a lone mark is 0. */
	CHECK_STR(cl("e\xCC\x81"), "3/1");
	CHECK_INT(W("e\xCC\x81"), 1);
	CHECK_STR(cl("\xCC\x81"), "2/0");
	CHECK_STR(cl("e\xCC\x81\xCC\xA3x"), "5/1 1/1");
	CHECK_STR(cl("\xE4\xB8\xAD\xCC\x81"), "5/2");
	CHECK_STR(cl("\n\xCC\x81"), "1/0 2/0");
	CHECK_STR(cl("\xE0\xA4\x95\xE0\xA4\xBF"), "6/1");		/* कि, spacing mark */
	CHECK_STR(cl("\xD8\x80" "12"), "3/1 1/1");			/* Prepend joins the next */
	CHECK_INT(W("\xD8\x80" "12"), 2);

	/* Hangul: precomposed, and conjoining jamo L V T in NFD. */
	CHECK_STR(cl("\xED\x95\x9C"), "3/2");				/* 한 */
	CHECK_STR(cl("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), "9/2");	/* 1112 1161 11AB */
	CHECK_STR(cl("\xE1\x84\x92\xE1\x85\xA1"), "6/2");		/* 1112 1161 */
	CHECK_STR(cl("\xE1\x85\xA1"), "3/0");				/* lone V */
	CHECK_INT(W("\xED\x95\x9C\xEA\xB8\x80"), 4);			/* 한글 */

	/* Emoji sequences are 2. */
	CHECK_STR(cl("\xF0\x9F\x98\x80"), "4/2");			/* 😀 */
	CHECK_STR(cl("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"),
		"18/2");						/* 👨‍👩‍👧 */
	CHECK_STR(cl("\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88"), "14/2");	/* 🏳️‍🌈 */
	CHECK_STR(cl("\xE2\x9D\xA4\xE2\x80\x8D\xF0\x9F\x94\xA5"), "10/2");	/* ❤‍🔥 */
	CHECK_STR(cl("\xF0\x9F\x91\x81\xE2\x80\x8D\xF0\x9F\x97\xA8"), "11/2");	/* 👁‍🗨, both narrow alone */
	CHECK_STR(cl("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"), "8/2");	/* 🇫🇷 */
	CHECK_STR(cl("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"), "8/2 8/2");
	CHECK_STR(cl("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9"), "8/2 4/1");
	CHECK_STR(cl("\xF0\x9F\x87\xAB"), "4/1");			/* lone regional indicator */
	CHECK_STR(cl("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), "8/2");	/* 👍🏽 */
	CHECK_STR(cl("\xE2\x98\x9D\xF0\x9F\x8F\xBD"), "7/2");		/* ☝🏽, text-default base */
	CHECK_STR(cl("\xF0\x9F\x8F\xBD"), "4/2");			/* lone skin tone */
	CHECK_STR(cl("\xE2\x9D\xA4"), "3/1");				/* ❤ */
	CHECK_STR(cl("\xE2\x9D\xA4\xEF\xB8\x8F"), "6/2");		/* ❤️ VS16 */
	CHECK_STR(cl("\xE2\x9D\xA4\xEF\xB8\x8E"), "6/1");		/* ❤︎ VS15 */
	CHECK_STR(cl("\xE2\x8C\x9A\xEF\xB8\x8E"), "6/2");		/* ⌚︎: VS15 never narrows */
	CHECK_STR(cl("a\xEF\xB8\x8F"), "4/1");				/* VS16 on a non-emoji */
	CHECK_STR(cl("1\xEF\xB8\x8F\xE2\x83\xA3"), "7/2");		/* 1️⃣ */
	CHECK_STR(cl("#\xEF\xB8\x8F\xE2\x83\xA3"), "7/2");		/* #️⃣ */
	CHECK_STR(cl("1\xE2\x83\xA3"), "4/1");				/* 1⃣ without VS16 */
	CHECK_INT(W("ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!"), 6);

	/* Zero-width and special spaces. */
	CHECK_STR(cl("a\xE2\x80\x8B" "b"), "1/1 3/0 1/1");		/* ZWSP */
	CHECK_STR(cl("a\xE2\x80\x8C" "b"), "4/1 1/1");			/* ZWNJ extends */
	CHECK_STR(cl("a\xE2\x80\x8D" "b"), "4/1 1/1");			/* ZWJ extends */
	CHECK_STR(cl("\xE2\x80\x8D"), "3/0");
	CHECK_STR(cl("a\xE2\x81\xA0" "b"), "1/1 3/0 1/1");		/* WJ */
	CHECK_STR(cl("\xEF\xBB\xBF" "a"), "3/0 1/1");			/* BOM */
	CHECK_INT(W("a\xC2\xA0" "b"), 3);				/* NBSP */
	CHECK_STR(cl("co\xC2\xAD" "op"), "1/1 1/1 2/0 1/1 1/1");	/* soft hyphen */
	CHECK_INT(W("\xC2\x85\xC2\x9F"), 0);				/* C1 controls */
	CHECK_INT(W("\xE2\x80\xA8"), 0);				/* line separator */

	/* Invalid bytes: one column each, never part of a neighbour's cluster. */
	CHECK_STR(cl("\xFF"), "1/1");
	CHECK_INT(W("a\xFF" "b"), 3);
	CHECK_STR(cl("e\x80"), "1/1 1/1");
	CHECK_STR(cl("\x80\xCC\x81"), "1/1 2/0");
	CHECK_STR(cl("e\xCC\x81\xFF\xCC\x81"), "3/1 1/1 2/0");
	CHECK_STR(cl("\xE4\xB8"), "1/1 1/1");
	CHECK_STR(cl("\xE4\xB8\xCC\x81"), "1/1 1/1 2/0");
	CHECK_STR(cl("\xED\xA0\x80"), "1/1 1/1 1/1");
	CHECK_STR(cl("\xF0\x9F\x91\x8D\xF0\x9F\x8F"), "4/2 1/1 1/1 1/1");
	CHECK_INT(W("\xC0\xAF\xE0\x80\xAF"), 5);

	/* The ASCII fast paths: a mark or VS16 after ASCII at every offset around the
	 * 32-byte blocks of utf8_width. */
	for (i = 0; i < 70; i++) {
		long want = (long)i + 3;

		memset(s, 'a', i);
		memcpy(s + i, "\xCC\x81" "bc", 5);
		CHECK_INT(W(s), i ? want - 1 : 2);
		memset(s, 'a', i);
		memcpy(s + i, "1\xEF\xB8\x8F" "bc\t", 8);
		CHECK_INT(W(s), want + 1);
		memset(s, 'a', i);
		memcpy(s + i, "\xFF\x01\x7F" "b", 5);
		CHECK_INT(W(s), want - 1);
	}
}

/* Every assigned code point alone: one cluster, of its own width. */
static void test_every_codepoint(void)
{
	long badlen = 0, badwidth = 0;
	int32_t cp;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		char b[4];
		size_t k;
		int w;

		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CN || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		k = utf8_encode(cp, b);
		if (utf8_cluster(b, k, &w) != k)
			badlen++;
		if (w != utf8_cpwidth(cp) || utf8_width(b, k) != (size_t)w) {
			if (badwidth++ < 5)
				fprintf(stderr, "U+%04X: cluster width %d, cpwidth %d\n", (unsigned)cp, w,
					utf8_cpwidth(cp));
		}
	}
	CHECK_INT(badlen, 0);
	CHECK_INT(badwidth, 0);
}

static void check_norm(const char *in, size_t inlen, enum utf8_form form, const char *want)
{
	size_t len = 99;
	char *out = utf8_normalize(in, inlen, form, &len);

	CHECK_MEM(out, len, want, strlen(want));
	CHECK(out && out[len] == '\0');
	free(out);
}

#define NORM(in, form, want) check_norm(in, strlen(in), form, want)

static void test_normalize(void)
{
	size_t len, i;
	char *out, *big;

	/* Å: precomposed, decomposed and the Angstrom sign. */
	NORM("\xC3\x85", UTF8_NFC, "\xC3\x85");
	NORM("\xC3\x85", UTF8_NFD, "A\xCC\x8A");
	NORM("A\xCC\x8A", UTF8_NFC, "\xC3\x85");
	NORM("\xE2\x84\xAB", UTF8_NFC, "\xC3\x85");
	NORM("\xE2\x84\xAB", UTF8_NFD, "A\xCC\x8A");
	NORM("\xE2\x84\xAB", UTF8_NFKC, "\xC3\x85");
	/* ﬁ and ①: compatibility forms change only under NFKC/NFKD. */
	NORM("\xEF\xAC\x81", UTF8_NFC, "\xEF\xAC\x81");
	NORM("\xEF\xAC\x81", UTF8_NFD, "\xEF\xAC\x81");
	NORM("\xEF\xAC\x81", UTF8_NFKC, "fi");
	NORM("\xEF\xAC\x81", UTF8_NFKD, "fi");
	NORM("\xE2\x91\xA0", UTF8_NFC, "\xE2\x91\xA0");
	NORM("\xE2\x91\xA0", UTF8_NFKC, "1");
	NORM("\xE2\x91\xA0", UTF8_NFKD, "1");
	/* Hangul syllables and jamo. */
	NORM("\xED\x95\x9C", UTF8_NFD, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");
	NORM("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", UTF8_NFC, "\xED\x95\x9C");
	NORM("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", UTF8_NFKC, "\xED\x95\x9C");
	NORM("\xED\x95\x9C", UTF8_NFKD, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");
	/* Canonical order: dot below (ccc 220) before acute (230). */
	NORM("a\xCC\x81\xCC\xA3", UTF8_NFD, "a\xCC\xA3\xCC\x81");
	NORM("a\xCC\x81\xCC\xA3", UTF8_NFC, "\xE1\xBA\xA1\xCC\x81");
	/* ASCII, empty, embedded NUL. */
	NORM("plain ASCII text.", UTF8_NFD, "plain ASCII text.");
	NORM("", UTF8_NFC, "");
	out = utf8_normalize("a\0\xC3\xA9", 4, UTF8_NFD, &len);
	CHECK_MEM(out, len, "a\0e\xCC\x81", 5);
	free(out);
	out = utf8_normalize(NULL, 0, UTF8_NFKC, &len);
	CHECK_MEM(out, len, "", 0);
	free(out);

	/* Invalid bytes are copied and cut the text into runs normalised apart. */
	NORM("A\xCC\x8A\xFF" "A\xCC\x8A", UTF8_NFC, "\xC3\x85\xFF\xC3\x85");
	NORM("e\xFF\xCC\x81", UTF8_NFC, "e\xFF\xCC\x81");
	NORM("\xC3\xA9\x80\xEF\xAC\x81", UTF8_NFKD, "e\xCC\x81\x80" "fi");
	NORM("\xE4\xB8\xED\x95\x9C\xC0", UTF8_NFD, "\xE4\xB8\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xC0");
	NORM("\xE2\x91\xA0\xED\xA0\x80\xE2\x91\xA1", UTF8_NFKC, "1\xED\xA0\x80" "2");

	/* Growth: long ASCII before a mark, and U+FDFA, 3 bytes that become 33 in NFKD. */
	big = malloc(3000);
	memset(big, 'x', 2000);
	memcpy(big + 2000, "e\xCC\x81", 4);
	out = utf8_normalize(big, 2003, UTF8_NFC, &len);
	CHECK_INT(len, 2002);
	CHECK(out && memcmp(out + 2000, "\xC3\xA9", 3) == 0);
	free(out);
	for (i = 0; i < 1000; i++)
		memcpy(big + 3 * i, "\xEF\xB7\xBA", 3);
	out = utf8_normalize(big, 3000, UTF8_NFKD, &len);
	CHECK_INT(len, 33000);
	CHECK(out && memcmp(out, "\xD8\xB5\xD9\x84\xD9\x89", 6) == 0);
	free(out);
	free(big);

	errno = 0;
	CHECK(utf8_normalize("a", 1, (enum utf8_form)7, &len) == NULL);
	CHECK_INT(errno, EINVAL);
}

static void check_fold(const char *in, const char *want)
{
	size_t len = 99;
	char *out = utf8_casefold(in, strlen(in), &len);

	CHECK_MEM(out, len, want, strlen(want));
	free(out);
}

static void test_casefold(void)
{
	check_fold("Hello, World", "hello, world");
	check_fold("Stra\xC3\x9F" "e", "strasse");			/* ß */
	check_fold("\xE1\xBA\x9E", "ss");				/* ẞ */
	check_fold("\xC4\xB0", "i\xCC\x87");				/* İ: i + dot above */
	check_fold("I", "i");
	check_fold("\xCE\xA3\xCF\x83\xCF\x82", "\xCF\x83\xCF\x83\xCF\x83");	/* Σσς */
	check_fold("\xC3\x84R", "\xC3\xA4r");				/* ÄR */
	check_fold("\xC3\xA4r", "\xC3\xA4r");				/* är */
	check_fold("A\xCC\x88R", "\xC3\xA4r");				/* ÄR in NFD */
	check_fold("R\xC3\x89SUM\xC3\x89.TXT", "r\xC3\xA9sum\xC3\xA9.txt");
	check_fold("RE\xCC\x81SUME\xCC\x81.TXT", "r\xC3\xA9sum\xC3\xA9.txt");
	check_fold("r\xC3\xA9sum\xC3\xA9.txt", "r\xC3\xA9sum\xC3\xA9.txt");
	check_fold("\xE2\x84\xAA", "k");				/* Kelvin sign */
	check_fold("\xEF\xAC\x81", "fi");				/* ﬁ */
	check_fold("\xE2\x84\xAB", "\xC3\xA5");				/* Angstrom sign */
	/* U+0345 folds to a starter, so canonical order comes first: ᾴ three ways. */
	check_fold("\xE1\xBE\xB4", "\xCE\xAC\xCE\xB9");
	check_fold("\xCE\xB1\xCC\x81\xCD\x85", "\xCE\xAC\xCE\xB9");
	check_fold("\xCE\xB1\xCD\x85\xCC\x81", "\xCE\xAC\xCE\xB9");
	check_fold("\xE1\xBE\xB3\xCC\x81", "\xCE\xAC\xCE\xB9");
	/* Invalid bytes pass through. */
	check_fold("A\xFF" "B\xC3\x89\x80", "a\xFF" "b\xC3\xA9\x80");
	check_fold("", "");
}

/* Every assigned code point: NFC(NFD(x)) = NFC(x), and folding agrees for NFC and NFD. */
static void test_every_codepoint_forms(void)
{
	long badnfc = 0, badfold = 0;
	int32_t cp;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		char b[4], *d, *c1, *c2, *f1, *f2;
		size_t k, dl, l1, l2, fl1, fl2;

		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CN || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		k = utf8_encode(cp, b);
		d = utf8_normalize(b, k, UTF8_NFD, &dl);
		c1 = utf8_normalize(b, k, UTF8_NFC, &l1);
		c2 = d ? utf8_normalize(d, dl, UTF8_NFC, &l2) : NULL;
		f1 = utf8_casefold(c1 ? c1 : "", c1 ? l1 : 0, &fl1);
		f2 = utf8_casefold(d ? d : "", d ? dl : 0, &fl2);
		if (!c1 || !c2 || l1 != l2 || memcmp(c1, c2, l1) != 0)
			badnfc++;
		if (!f1 || !f2 || fl1 != fl2 || memcmp(f1, f2, fl1) != 0)
			badfold++;
		free(d);
		free(c1);
		free(c2);
		free(f1);
		free(f2);
	}
	CHECK_INT(badnfc, 0);
	CHECK_INT(badfold, 0);
}

int main(void)
{
	test_decode();
	test_encode();
	test_valid_prefix();
	test_cpwidth();
	test_width();
	test_every_codepoint();
	test_normalize();
	test_casefold();
	test_every_codepoint_forms();
	return unit_done("utf8");
}
