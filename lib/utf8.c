/* utf8: strict decoding (Unicode ch. 3, Table 3-7), terminal widths (UAX #11) of extended
 * grapheme clusters (UAX #29), normalisation (UAX #15) and case folding, over utf8proc. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

#define HI8 0x8080808080808080ULL
#define ONES8 0x0101010101010101ULL

static inline size_t dec(const unsigned char *u, size_t n, int32_t *cp)
{
	unsigned c = u[0], lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		goto bad;
	if (c < 0xE0) {
		if (n < 2 || (u[1] & 0xC0) != 0x80)
			goto bad;
		*cp = (int32_t)((c & 0x1F) << 6 | (u[1] & 0x3F));
		return 2;
	}
	/* The second byte's range excludes overlongs, surrogates and values past U+10FFFF. */
	if (c < 0xF0) {
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		if (n < 3 || u[1] < lo || u[1] > hi || (u[2] & 0xC0) != 0x80)
			goto bad;
		*cp = (int32_t)((c & 0x0F) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3F));
		return 3;
	}
	if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (n < 4 || u[1] < lo || u[1] > hi || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80)
		goto bad;
	*cp = (int32_t)((c & 0x07) << 18 | (u[1] & 0x3Fu) << 12 | (u[2] & 0x3Fu) << 6 | (u[3] & 0x3F));
	return 4;
bad:
	*cp = UTF8_INVALID;
	return 1;
}

size_t utf8_decode(const char *s, size_t n, int32_t *cp)
{
	return dec((const unsigned char *)s, n, cp);
}

size_t utf8_encode(int32_t cp, char out[4])
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint64_t w;
		int32_t cp;

		if (n - i >= 8) {
			memcpy(&w, u + i, 8);
			if (!(w & HI8)) {
				i += 8;
				continue;
			}
		}
		/* Runs of 3-byte sequences (CJK) without dec's other cases. */
		while (n - i >= 3 && (u[i] & 0xF0) == 0xE0) {
			unsigned c = u[i], b = u[i + 1];

			if ((b & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80 ||
			    (c == 0xE0 && b < 0xA0) || (c == 0xED && b > 0x9F))
				return i;
			i += 3;
		}
		if (i == n)
			break;
		i += dec(u + i, n - i, &cp);
		if (cp < 0)
			return i - 1;
	}
	return n;
}

/* 1 in each byte of 8 ASCII bytes that is printable: bit 7 of b + 0x60 is set for b >= 0x20,
 * that of (b ^ 0x7F) + 0x7F for b != DEL; no byte carries into the next. */
static inline uint64_t printable8(uint64_t x)
{
	uint64_t m = (x + 0x6060606060606060ULL) & ((x ^ 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL);

	return (m & HI8) >> 7;
}

static inline int ascii_width(unsigned c)
{
	return c >= 0x20 && c != 0x7F;
}

/* Widths: UAX #11 East Asian Wide and Fullwidth are 2, Ambiguous is 1. Zero: controls,
 * format characters (Cf: ZWSP, ZWNJ, ZWJ, WJ, BOM, bidi marks, and the soft hyphen, which a
 * terminal does not show in the middle of a line) but for the visible prepended
 * concatenation marks such as U+0600, marks (Mn, Me, and Mc as in utf8proc), and Hangul
 * conjoining vowels and final consonants, which join the leading consonant's two columns.
 * Unassigned code points in the CJK blocks and planes 2 and 3 are 2, as UAX #11 says;
 * unassigned tags (E0000..E0FFF) are default ignorable, so 0. */
static inline int cpw(int32_t cp, const utf8proc_property_t *p)
{
	if (cp < 0xA0)
		return cp >= 0x20 && cp < 0x7F;
	switch (p->category) {
	case UTF8PROC_CATEGORY_CF:
		return p->boundclass == UTF8PROC_BOUNDCLASS_PREPEND;
	case UTF8PROC_CATEGORY_CN:
		if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFD) ||
		    (cp >= 0x30000 && cp <= 0x3FFFD))
			return 2;
		if (cp >= 0xE0000 && cp <= 0xE0FFF)
			return 0;
		return 1;
	}
	if (p->boundclass == UTF8PROC_BOUNDCLASS_V || p->boundclass == UTF8PROC_BOUNDCLASS_T)
		return 0;
	return p->charwidth;
}

int utf8_cpwidth(int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1;
	return cpw(cp, utf8proc_get_property(cp));
}

/* The cluster at U, its first byte not on the ASCII fast path. Its width is the widest of
 * its code points, raised to 2 for an emoji presentation sequence (VS16 after an emoji or a
 * keycap base), a flag (two regional indicators) or an emoji ZWJ sequence. VS15 never
 * narrows: terminals draw a wide emoji wide whatever follows it. */
static size_t cluster(const unsigned char *u, size_t n, int *width)
{
	int32_t prev, state = 0;
	size_t i = dec(u, n, &prev);
	const utf8proc_property_t *p;
	int prevbc, w, emoji;

	if (prev < 0) {
		*width = 1;
		return 1;
	}
	p = utf8proc_get_property(prev);
	prevbc = p->boundclass;
	w = cpw(prev, p);
	emoji = prevbc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC || prev == '#' || prev == '*' ||
		(prev >= '0' && prev <= '9');
	while (i < n) {
		int32_t cp;
		size_t l = dec(u + i, n - i, &cp);
		int bc, cw;

		if (cp < 0)
			break;
		p = utf8proc_get_property(cp);
		bc = p->boundclass;
		/* GB999 with no rule that could apply: the common case, decided without utf8proc. */
		if (bc == UTF8PROC_BOUNDCLASS_OTHER && (prevbc == UTF8PROC_BOUNDCLASS_OTHER ||
		    prevbc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC))
			break;
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		cw = cpw(cp, p);
		if (cw > w)
			w = cw;
		if ((cp == 0xFE0F && emoji) ||
		    (bc == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR && prevbc == bc) ||
		    (bc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC && prevbc == UTF8PROC_BOUNDCLASS_ZWJ))
			w = 2;
		prev = cp;
		prevbc = bc;
		i += l;
	}
	*width = w;
	return i;
}

size_t utf8_cluster(const char *s, size_t n, int *width)
{
	const unsigned char *u = (const unsigned char *)s;
	int w;
	size_t len;

	if (n == 0) {
		len = 0;
		w = 0;
	} else if (u[0] < 0x80 && (n == 1 || u[1] < 0x80)) {
		if (u[0] == '\r' && n > 1 && u[1] == '\n') {
			len = 2;
			w = 0;
		} else {
			len = 1;
			w = ascii_width(u[0]);
		}
	} else {
		len = cluster(u, n, &w);
	}
	if (width)
		*width = w;
	return len;
}

size_t utf8_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, total = 0;

	while (i < n) {
		int w;

		if (u[i] < 0x80) {
			/* Whole words of ASCII, when the byte after them is ASCII too (an ASCII
			 * letter followed by a mark is one cluster); CR LF is 0 + 0 anyway. */
			while (n - i > 32) {
				uint64_t a, b, c, d;

				memcpy(&a, u + i, 8);
				memcpy(&b, u + i + 8, 8);
				memcpy(&c, u + i + 16, 8);
				memcpy(&d, u + i + 24, 8);
				if (((a | b | c | d) & HI8) || u[i + 32] >= 0x80)
					break;
				/* Bytes of at most 4, summed by the multiply into the top byte. */
				total += (size_t)(((printable8(a) + printable8(b) + printable8(c) +
					printable8(d)) * ONES8) >> 56);
				i += 32;
			}
			while (i < n && u[i] < 0x80 && (i + 1 == n || u[i + 1] < 0x80))
				total += (size_t)ascii_width(u[i++]);
			if (i == n)
				break;
		}
		do {
			i += cluster(u + i, n - i, &w);
			total += (size_t)w;
		} while (i < n && u[i] >= 0x80);
	}
	return total;
}

struct obuf {
	char *p;
	size_t len, cap;
};

static int reserve(struct obuf *b, size_t add)
{
	size_t cap = b->cap ? b->cap : 64;
	char *p;

	if (b->cap - b->len > add)
		return 0;
	while (cap - b->len <= add) {
		if (cap > SIZE_MAX / 2) {
			errno = ENOMEM;
			return -1;
		}
		cap *= 2;
	}
	if (!(p = realloc(b->p, cap))) {
		errno = ENOMEM;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

struct norm {
	int32_t *cp;
	size_t cap;
	struct obuf tmp;
};

/* Map one valid run through utf8proc and append it, encoded, to OUT. */
static int map_run(struct norm *st, const unsigned char *s, size_t n, utf8proc_option_t opt,
	struct obuf *out)
{
	utf8proc_ssize_t k;
	size_t i;

	for (;;) {
		int32_t *p;

		k = utf8proc_decompose(s, (utf8proc_ssize_t)n, st->cp, (utf8proc_ssize_t)st->cap, opt);
		if (k < 0) {
			errno = k == UTF8PROC_ERROR_NOMEM || k == UTF8PROC_ERROR_OVERFLOW ? ENOMEM : EILSEQ;
			return -1;
		}
		if ((size_t)k <= st->cap)
			break;
		if ((size_t)k > SIZE_MAX / 8 || !(p = realloc(st->cp, (size_t)k * 2 * sizeof *p))) {
			errno = ENOMEM;
			return -1;
		}
		st->cp = p;
		st->cap = (size_t)k * 2;
	}
	if (opt & UTF8PROC_COMPOSE)
		k = utf8proc_normalize_utf32(st->cp, k, opt);
	if (reserve(out, (size_t)k * 4) < 0)
		return -1;
	for (i = 0; i < (size_t)k; i++)
		out->len += utf8_encode(st->cp[i], out->p + out->len);
	return 0;
}

/* Valid runs are mapped apart and invalid bytes copied between them. Runs are cut before an
 * ASCII character, which is a starter that never composes with what precedes it, so ASCII
 * is copied (or folded) directly; the last one before a non-ASCII character goes with it,
 * as a mark may follow. Case folding is D145's toCasefold(NFD(X)), then composed: folding
 * needs canonical order first (U+0345 folds to U+03B9, a starter). */
static char *map(const char *s, size_t n, utf8proc_option_t opt, int fold, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	struct obuf out = { 0, 0, 0 };
	struct norm st = { 0, 0, { 0, 0, 0 } };
	size_t i = 0;

	if (reserve(&out, n + n / 8 + 1) < 0)
		return NULL;
	while (i < n) {
		size_t j = i, k;
		int32_t cp;

		while (j < n && u[j] < 0x80)
			j++;
		if (j < n && j > i) {
			dec(u + j, n - j, &cp);
			if (cp >= 0)
				j--;
		}
		if (fold) {
			for (; i < j; i++)
				out.p[out.len++] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
		} else {
			memcpy(out.p + out.len, u + i, j - i);
			out.len += j - i;
			i = j;
		}
		if (i == n)
			break;
		k = i + (u[i] < 0x80);
		while (k < n && u[k] >= 0x80) {
			size_t l = dec(u + k, n - k, &cp);

			if (cp < 0)
				break;
			k += l;
		}
		if (k > i) {
			if (fold) {
				st.tmp.len = 0;
				if (map_run(&st, u + i, k - i, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE, &st.tmp) < 0 ||
				    map_run(&st, (unsigned char *)st.tmp.p, st.tmp.len, opt, &out) < 0)
					goto fail;
			} else if (map_run(&st, u + i, k - i, opt, &out) < 0) {
				goto fail;
			}
		}
		if (reserve(&out, n - k + 1) < 0)
			goto fail;
		if (k < n && u[k] >= 0x80)
			out.p[out.len++] = (char)u[k++];
		i = k;
	}
	out.p[out.len] = '\0';
	free(st.cp);
	free(st.tmp.p);
	if (outlen)
		*outlen = out.len;
	return out.p;
fail:
	free(st.cp);
	free(st.tmp.p);
	free(out.p);
	return NULL;
}

char *utf8_normalize(const char *s, size_t n, enum utf8_form form, size_t *outlen)
{
	static const utf8proc_option_t opts[] = {
		[UTF8_NFC] = UTF8PROC_STABLE | UTF8PROC_COMPOSE,
		[UTF8_NFD] = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE,
		[UTF8_NFKC] = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT,
		[UTF8_NFKD] = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
	};

	if ((unsigned)form > UTF8_NFKD) {
		errno = EINVAL;
		return NULL;
	}
	return map(s, n, opts[form], 0, outlen);
}

char *utf8_casefold(const char *s, size_t n, size_t *outlen)
{
	return map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, 1, outlen);
}
