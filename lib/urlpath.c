/* urlpath: request-target path normalization (RFC 3986 6.2.2.1-2, RFC 9112 3.2), in place. */
#include <string.h>

#include "ascii.h"
#include "urlpath.h"

static int unreserved(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '-' || c == '.' || c == '_' || c == '~';
}

/* The length of a "scheme://" prefix of S, or 0. */
static size_t scheme_len(const char *s, size_t len)
{
	size_t i = 0;

	if (len == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; i < len; i++) {
		int c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
				c == '+' || c == '-' || c == '.'))
			break;
	}
	if (len - i >= 3 && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
		return i + 3;
	return 0;
}

size_t urlpath_normalize(char *s, size_t len)
{
	size_t i = 0, n = 0, end;
	char *q;

	if ((q = memchr(s, '?', len)))
		len = (size_t)(q - s);
	if ((q = memchr(s, '#', len)))
		len = (size_t)(q - s);
	if (len > 0 && s[0] != '/' && (i = scheme_len(s, len)) > 0) {
		while (i < len && s[i] != '/')	/* the authority */
			i++;
		if (i == len) {
			s[0] = '/';
			return 1;
		}
	}
	end = len;
	for (; i < end; i++) {
		int c = (unsigned char)s[i], h, l;

		if (c == '%' && end - i >= 3 && (h = hexval((unsigned char)s[i + 1])) >= 0 &&
				(l = hexval((unsigned char)s[i + 2])) >= 0) {
			int d = h << 4 | l;
			if (unreserved(d)) {
				s[n++] = (char)d;
			} else {
				s[n++] = '%';
				s[n++] = "0123456789ABCDEF"[h];
				s[n++] = "0123456789ABCDEF"[l];
			}
			i += 2;
			continue;
		}
		s[n++] = (char)c;
	}
	return n;
}
