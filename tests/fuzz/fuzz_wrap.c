/* fuzz_wrap: properties of lib/wrap (make fuzz; build/fuzz/fuzz_wrap -max_total_time=60).
 * The first two bytes choose the width and options, the rest is the text. Valid UTF-8 in,
 * valid UTF-8 out; no line wider than the width unless it is one grapheme cluster; the words
 * come out in order and unchanged; greedy filling is idempotent; greedy filling in two parts
 * gives what filling at once gives; the fast paths give what the general path gives. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "linebreak.h"
#include "utf8.h"
#include "wrap.h"

#define REQUIRE(c) do { if (!(c)) { fprintf(stderr, "fuzz_wrap.c:%d: %s\n", __LINE__, #c); __builtin_trap(); } } while (0)

/* The end of the escape sequence at S[I] (ESC): CSI, OSC to BEL or ST, or ESC and one byte. */
static size_t skip_esc(const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k;

	if (i + 1 >= n)
		return i + 1;
	if (u[i + 1] == '[') {
		for (k = i + 2; k < n && u[k] >= 0x20 && u[k] < 0x40; k++)
			;
		return k < n && u[k] >= 0x40 && u[k] <= 0x7E ? k + 1 : k;
	}
	if (u[i + 1] == ']') {
		for (k = i + 2; k < n; k++) {
			if (u[k] == 7)
				return k + 1;
			if (u[k] == 0x1B)
				return k + 1 < n && u[k + 1] == '\\' ? k + 2 : k;
			if (u[k] < 0x20)
				return k;
		}
		return n;
	}
	return u[i + 1] >= 0x20 && u[i + 1] < 0x7F ? i + 2 : i + 1;
}

/* The words' substance: no whitespace, CSI escapes, soft hyphens or '-'. */
static size_t skeleton(const char *s, size_t n, char *o)
{
	size_t i = 0, k = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x1B)
			i = skip_esc(s, i, n);
		else if (c == ' ' || (c >= '\t' && c <= '\r') || c == '-' || (c >= 0x1C && c <= 0x1F))
			i++;
		else if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xAD || (unsigned char)s[i + 1] == 0x85))
			i += 2;
		else
			o[k++] = s[i++];
	}
	return k;
}

/* 1 if a line of S starts with what would join a space before it into one cluster (a mark
 * or modifier left alone at a line's start): refilling glues it to the space. */
static int line_starts_extend(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, k = e - i < 16 ? e - i : 16;
		char t[17];

		t[0] = ' ';
		memcpy(t + 1, s + i, k);
		if (k && utf8_cluster(t, k + 1, NULL) > 1)
			return 1;
		i = e + 1;
	}
	return 0;
}

static int has_unicode_space(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0x205F || cp == 0x3000 || cp == 0x1B || cp == 0x85 || cp == 0xA0 || cp == 0x202F || (cp >= 0x1C && cp <= 0x1F))
			return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wrap_opts o;
	struct wrap *w;
	struct buf out = BUF_INIT, again = BUF_INIT, munged = BUF_INIT, part = BUF_INIT;
	char err[160];
	const char *s;
	size_t n, i;
	int valid;

	if (size < 2)
		return 0;
	wrap_opts_init(&o);
	o.width = 1 + data[0] % 40;
	o.linebreak = (data[1] & 1) ? WRAP_LB_UAX14 : WRAP_LB_SIMPLE;
	o.algorithm = (data[1] & 2) ? WRAP_OPTIMAL : WRAP_GREEDY;
	o.count = (data[1] & 4) && !(data[1] & 1) ? WRAP_CODEPOINTS : WRAP_COLUMNS;
	o.break_on_hyphens = !(data[1] & 8);
	o.fix_sentence_endings = (data[1] & 16) != 0;
	o.align = (data[1] & 32) ? WRAP_JUSTIFY : WRAP_LEFT;
	s = (const char *)data + 2;
	n = size - 2;
	valid = utf8_valid_prefix(s, n) == n;
	w = wrap_new(&o, err, sizeof err);
	REQUIRE(w);
	REQUIRE(wrap_fill(w, s, n, &out) == 0);
	REQUIRE(out.len && out.p[out.len - 1] == '\n');
	if (valid)
		REQUIRE(utf8_valid_prefix(out.p, out.len) == out.len);
	{
		struct wrap *wx;

		o.exhaustive = 1;
		wx = wrap_new(&o, err, sizeof err);
		REQUIRE(wx);
		REQUIRE(wrap_fill(wx, s, n, &again) == 0);
		REQUIRE(again.len == out.len && memcmp(again.p, out.p, out.len) == 0);
		wrap_free(wx);
		o.exhaustive = 0;
	}

	/* Width: a wider line is one cluster (escapes aside). Tabs and controls aside. */
	if (o.count == WRAP_COLUMNS && !memchr(s, '\t', n)) {
		for (i = 0; i < out.len;) {
			const char *nl = memchr(out.p + i, '\n', out.len - i);
			size_t e = (size_t)(nl - out.p), k = i, vw = 0, clusters = 0;

			while (k < e) {
				int cw;

				if (out.p[k] == 0x1B) {
					k = skip_esc(out.p, k, e);
					continue;
				}
				k += utf8_cluster(out.p + k, e - k, &cw);
				vw += (size_t)cw;
				clusters++;
			}
			REQUIRE(vw <= (size_t)o.width || clusters <= 1 || !valid);
			i = e + 1;
		}
	}
	/* Words: in order and unchanged (what whitespace and escapes leave). */
	if (!has_unicode_space(s, n)) {
		char *a = malloc(n + 1), *b = malloc(out.len + 1);
		size_t la = skeleton(s, n, a), lb = skeleton(out.p, out.len, b);

		REQUIRE(la == lb && memcmp(a, b, la) == 0);
		free(a);
		free(b);
	}
	/* Greedy is idempotent on its own output, and the same filled in two parts. */
	if (o.algorithm == WRAP_GREEDY && o.align == WRAP_LEFT && valid && !o.fix_sentence_endings &&
	    !has_unicode_space(s, n)) {
		struct wrap *w2;
		size_t col = 0, used, cut;

		/* Idempotent once the spaces between words are single (textwrap keeps a run of
		 * spaces inside a line, so the first fill of such text may differ). */
		{
			struct buf one = BUF_INIT, two = BUF_INIT;
			char *c = malloc(n + 1);
			size_t k = 0, j;
			int sp = 0;

			for (j = 0; j < n; j++) {
				unsigned char ch = (unsigned char)s[j];

				if (ch == ' ' || (ch >= '\t' && ch <= '\r')) {
					sp = k > 0;
					continue;
				}
				if (sp)
					c[k++] = ' ';
				sp = 0;
				c[k++] = s[j];
			}
			REQUIRE(wrap_fill(w, c, k, &one) == 0);
			REQUIRE(wrap_fill(w, one.p, one.len - 1, &two) == 0);
			/* Except after Python's quirk of a line that keeps its last space when a
			 * long word's head is empty: textwrap.fill('a cde', 2) == 'a \ncd\ne'. */
			if (!memmem(one.p, one.len, " \n", 2) && !memmem(two.p, two.len, " \n", 2) &&
			    !line_starts_extend(one.p, one.len))
				REQUIRE(one.len == two.len && memcmp(one.p, two.p, one.len) == 0);
			free(c);
			buf_free(&one);
			buf_free(&two);
		}
		w2 = wrap_new(&o, err, sizeof err);
		REQUIRE(w2);
		REQUIRE(wrap_munge(w2, s, n, &col, &munged) == 0);
		cut = munged.len / 2;
		while (cut < munged.len && (unsigned char)munged.p[cut] >= 0x80)
			cut++;
		REQUIRE(wrap_fill_part(w2, munged.p, 0, cut, 0, &used, &part) == 0);
		REQUIRE(used <= cut);
		REQUIRE(wrap_fill_part(w2, munged.p, used, munged.len, 1, &used, &part) == 0);
		wrap_free(w2);
		w2 = wrap_new(&o, err, sizeof err);
		buf_reset(&again);
		REQUIRE(wrap_fill(w2, s, n, &again) == 0);
		REQUIRE(part.len == again.len && memcmp(part.p, again.p, part.len) == 0);
		wrap_free(w2);
	}
	wrap_free(w);
	buf_free(&out);
	buf_free(&again);
	buf_free(&munged);
	buf_free(&part);
	return 0;
}
