/* inet: address parsing (inet_pton forms) and RFC 5952 canonical printing, in place. */
#include <string.h>

#include "ascii.h"
#include "inet.h"

/* A dotted quad in S[0..LEN): 1 and the four bytes in A, or 0. */
static int parse4(const char *s, size_t len, unsigned char *a)
{
	size_t i = 0;
	int part;

	for (part = 0; part < 4; part++) {
		unsigned v = 0, nd = 0;

		if (part > 0) {
			if (i >= len || s[i] != '.')
				return 0;
			i++;
		}
		while (i < len && s[i] >= '0' && s[i] <= '9' && nd < 4) {
			v = v * 10 + (unsigned)(s[i] - '0');
			i++, nd++;
		}
		/* inet_pton refuses leading zeros, which inet_aton would read as octal */
		if (nd == 0 || nd > 3 || v > 255 || (nd > 1 && s[i - nd] == '0'))
			return 0;
		a[part] = (unsigned char)v;
	}
	return i == len;
}

static int parse6(const char *s, size_t len, unsigned char *a)
{
	unsigned char g[16];
	size_t i = 0;
	int n = 0, gap = -1;	/* bytes written, where "::" was */

	if (len < 2)
		return 0;
	if (s[0] == ':') {
		if (s[1] != ':')
			return 0;
		gap = 0;
		i = 2;
		if (i == len)
			goto done;
	}
	for (;;) {
		size_t start = i;
		unsigned v = 0;
		int h;

		while (i < len && i - start < 5 && (h = hexval((unsigned char)s[i])) >= 0) {
			v = v << 4 | (unsigned)h;
			i++;
		}
		if (i - start == 0 || i - start > 4)
			return 0;
		if (i < len && s[i] == '.') {	/* a trailing dotted quad */
			if (n > 12 || !parse4(s + start, len - start, g + n))
				return 0;
			n += 4;
			break;
		}
		if (n > 14)
			return 0;
		g[n++] = (unsigned char)(v >> 8);
		g[n++] = (unsigned char)v;
		if (i == len)
			break;
		if (s[i] != ':')
			return 0;
		i++;
		if (i < len && s[i] == ':') {
			if (gap >= 0)
				return 0;
			gap = n;
			i++;
			if (i == len)
				break;
		} else if (i == len) {
			return 0;	/* a single trailing ':' */
		}
	}
done:
	if (gap >= 0) {
		if (n == 16)
			return 0;	/* "::" must stand for at least one group */
		memset(a, 0, 16);
		memcpy(a, g, (size_t)gap);
		memcpy(a + 16 - (n - gap), g + gap, (size_t)(n - gap));
	} else {
		if (n != 16)
			return 0;
		memcpy(a, g, 16);
	}
	return 1;
}

int inet_parse(const char *s, size_t len, unsigned char a[16])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	if (len == 0 || len >= INET_TEXT_MAX)
		return 0;
	if (memchr(s, ':', len)) {
		if (!parse6(s, len, a))
			return 0;
		if (memcmp(a, mapped, 12) == 0) {
			memmove(a, a + 12, 4);
			return 4;
		}
		return 6;
	}
	return parse4(s, len, a) ? 4 : 0;
}

static size_t put_dec(char *p, unsigned v)
{
	size_t n = 0;

	if (v >= 100)
		p[n++] = (char)('0' + v / 100);
	if (v >= 10)
		p[n++] = (char)('0' + v / 10 % 10);
	p[n++] = (char)('0' + v % 10);
	return n;
}

size_t inet_format(int family, const unsigned char *a, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	int i, best = -1, bestlen = 0, run = 0;

	if (family == 4) {
		for (i = 0; i < 4; i++) {
			if (i)
				out[n++] = '.';
			n += put_dec(out + n, a[i]);
		}
		out[n] = '\0';
		return n;
	}
	for (i = 0; i < 8; i++) {
		if (a[2 * i] == 0 && a[2 * i + 1] == 0) {
			run++;
			if (run > bestlen) {
				bestlen = run;
				best = i - run + 1;
			}
		} else {
			run = 0;
		}
	}
	if (bestlen < 2)
		best = -1;
	for (i = 0; i < 8; i++) {
		unsigned v = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
		int shift, started = 0;

		if (i == best) {
			out[n++] = ':';
			out[n++] = ':';
			i += bestlen - 1;
			continue;
		}
		if (i > 0 && i != best + bestlen)
			out[n++] = ':';
		for (shift = 12; shift >= 0; shift -= 4) {
			unsigned d = v >> shift & 15;
			if (d || started || shift == 0) {
				out[n++] = hex[d];
				started = 1;
			}
		}
	}
	out[n] = '\0';
	return n;
}
