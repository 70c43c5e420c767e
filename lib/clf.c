/* clf: Apache/nginx common and combined log lines (Apache mod_log_config, nginx
 * ngx_http_log_module escaping), parsed in place with no allocation. */
#include <stdio.h>
#include <string.h>

#include "ascii.h"
#include "clf.h"

static int bad(struct clf_rec *r, const char *why)
{
	r->why = why;
	return -1;
}

static int isspc(int c)
{
	return c == ' ' || c == '\t';
}

/* RFC 9110 tchar */
static const unsigned char tchars[256] = {
	['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['*'] = 1, ['+'] = 1,
	['-'] = 1, ['.'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['|'] = 1, ['~'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
	['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
	['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
	['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
	['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};
#define tchar(c) tchars[(unsigned char)(c)]

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian), after Howard Hinnant's algorithm. */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static int num(const char *s, int n, unsigned *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (unsigned)(s[i] - '0');
	}
	return 0;
}

static const unsigned mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

int clf_time(const char *s, size_t len, long long *when)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	unsigned d, m, y, hh, mm, ss, zh, zm;
	long long t;

	if (len != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' ||
			s[17] != ':' || s[20] != ' ' || (s[21] != '+' && s[21] != '-'))
		return -1;
	for (m = 0; m < 12; m++)
		if (memcmp(s + 3, months + 3 * m, 3) == 0)
			break;
	if (m == 12 || num(s, 2, &d) || num(s + 7, 4, &y) || num(s + 12, 2, &hh) ||
			num(s + 15, 2, &mm) || num(s + 18, 2, &ss) || num(s + 22, 2, &zh) ||
			num(s + 24, 2, &zm))
		return -1;
	if (d < 1 || d > mdays[m] || hh > 23 || mm > 59 || ss > 60 || zm > 59)
		return -1;
	t = days_from_civil(y, m + 1, d) * 86400 + hh * 3600 + mm * 60 + ss;
	t -= (s[21] == '-' ? -1 : 1) * (long long)(zh * 3600 + zm * 60);
	*when = t;
	return 0;
}

size_t clf_iso8601(long long when, char *out)
{
	long long days = when >= 0 ? when / 86400 : -((-when + 86399) / 86400);
	long long secs = when - days * 86400, z = days + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	long long y = (long long)yoe + era * 400 + (m <= 2);
	int n;

	n = snprintf(out, 32, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", y, m, d, secs / 3600,
		secs / 60 % 60, secs % 60);
	return n < 0 ? 0 : (size_t)n;
}

int clf_parse_iso8601(const char *s, size_t len, long long *when)
{
	unsigned y, m, d, hh, mm, ss;

	if (len != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
			s[16] != ':' || s[19] != 'Z')
		return -1;
	if (num(s, 4, &y) || num(s + 5, 2, &m) || num(s + 8, 2, &d) || num(s + 11, 2, &hh) ||
			num(s + 14, 2, &mm) || num(s + 17, 2, &ss))
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] || hh > 23 || mm > 59 || ss > 60)
		return -1;
	*when = days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
	return 0;
}

/* A quoted field starting at *PP (on the opening quote) and ending at the first unescaped
 * quote followed by a space or the end of the line (a quote followed by anything else is
 * taken as a byte of the field, as servers that do not escape write them). With UNESCAPE the
 * field is rewritten in place. Leaves *PP after the closing quote; -1 if unterminated. */
static int quoted(char **pp, char *e, struct clf_span *f, int unescape)
{
	char *p = *pp + 1, *start = p, *w, *q;

	/* Fast path: no backslash before a closing quote. */
	for (q = p; (q = memchr(q, '"', (size_t)(e - q))); q++) {
		if (q + 1 == e || isspc((unsigned char)q[1]))
			break;
	}
	if (q && !memchr(p, '\\', (size_t)(q - p))) {
		f->p = start;
		f->len = (size_t)(q - start);
		*pp = q + 1;
		return 0;
	}
	for (w = p; p < e; p++) {
		int c = (unsigned char)*p, h, l;

		if (c == '"' && (p + 1 == e || isspc((unsigned char)p[1]))) {
			f->p = start;
			f->len = (size_t)((unescape ? w : p) - start);
			*pp = p + 1;
			return 0;
		}
		if (c == '\\' && p + 1 < e) {
			switch (p[1]) {
			case '"': c = '"'; p++; break;
			case '\\': c = '\\'; p++; break;
			case 'n': c = '\n'; p++; break;
			case 'r': c = '\r'; p++; break;
			case 't': c = '\t'; p++; break;
			case 'b': c = '\b'; p++; break;
			case 'v': c = '\v'; p++; break;
			case 'f': c = '\f'; p++; break;
			case 'x':
				if (e - p >= 4 && (h = hexval((unsigned char)p[2])) >= 0 &&
						(l = hexval((unsigned char)p[3])) >= 0) {
					c = h << 4 | l;
					p += 3;
				}
				break;
			}
		}
		if (unescape)
			*w++ = (char)c;
	}
	return -1;
}

static struct clf_span span(const char *p, const char *e)
{
	struct clf_span s = { p, (size_t)(e - p) };
	return s;
}

int clf_split_request(struct clf_rec *r)
{
	const char *p = r->request.p, *e = p + r->request.len, *m, *t, *te;
	struct clf_span none = { p, 0 };

	r->method = r->target = r->protocol = none;
	if (e == p || (e - p == 1 && *p == '-'))
		return 0;
	for (m = p; m < e && !isspc((unsigned char)*m); m++)
		if (!tchar((unsigned char)*m))
			return bad(r, "bad request line");
	if (m == p)
		return bad(r, "bad request line");
	r->method = span(p, m);
	for (t = m; t < e && isspc((unsigned char)*t); t++)
		;
	if (t == e)
		return bad(r, "request line without a target");
	te = e;
	while (te > t && isspc((unsigned char)te[-1]))
		te--;
	/* The protocol is the last word when it is HTTP/x and not the only one. */
	for (p = te; p > t && !isspc((unsigned char)p[-1]); p--)
		;
	if (p > t && te - p >= 5 && memcmp(p, "HTTP/", 5) == 0) {
		r->protocol = span(p, te);
		te = p;
		while (te > t && isspc((unsigned char)te[-1]))
			te--;
	}
	r->target = span(t, te);
	return 0;
}

int clf_parse(char *line, size_t len, struct clf_rec *r)
{
	char *p = line, *e = line + len, *tok[8], *tokend[8], *q;
	int n = 0;

	memset(r, 0, sizeof *r);
	while (e > p && (e[-1] == '\r' || e[-1] == '\n'))
		e--;
	/* The space-separated words before the time; a word ending in ',' joins the next. */
	for (;;) {
		while (p < e && isspc((unsigned char)*p))
			p++;
		if (p == e)
			return bad(r, "no time field");
		if (*p == '[')
			break;
		if (n > 0 && tokend[n - 1][-1] == ',') {
			/* the next entry of a forwarded list */
		} else {
			if (n == 5)
				return bad(r, "too many fields before the time");
			tok[n++] = p;
		}
		while (p < e && !isspc((unsigned char)*p))
			p++;
		tokend[n - 1] = p;
	}
	if (n < 3)
		return bad(r, "too few fields before the time");
	if (n > 4)
		return bad(r, "too many fields before the time");
	if (n == 4)
		r->vhost = span(tok[0], tokend[0]);
	r->hosts = span(tok[n - 3], tokend[n - 3]);
	r->ident = span(tok[n - 2], tokend[n - 2]);
	r->user = span(tok[n - 1], tokend[n - 1]);
	q = memchr(r->hosts.p, ',', r->hosts.len);
	r->host = span(r->hosts.p, q ? q : r->hosts.p + r->hosts.len);
	if (r->host.len == 0)
		return bad(r, "empty host");

	q = memchr(p, ']', (size_t)(e - p));
	if (!q)
		return bad(r, "unterminated time");
	r->time = span(p + 1, q);
	if (clf_time(r->time.p, r->time.len, &r->when) < 0)
		return bad(r, "bad time");
	p = q + 1;
	while (p < e && isspc((unsigned char)*p))
		p++;
	if (p == e || *p != '"')
		return bad(r, "no quoted request");
	if (quoted(&p, e, &r->request, 1) < 0)
		return bad(r, "unterminated request");
	if (clf_split_request(r) < 0)
		return -1;

	while (p < e && isspc((unsigned char)*p))
		p++;
	for (q = p; q < e && !isspc((unsigned char)*q); q++)
		;
	r->status = span(p, q);
	if (!(q - p == 1 && *p == '-') && !(q - p == 3 && p[0] >= '1' && p[0] <= '9' &&
			p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9'))
		return bad(r, "bad status");
	for (p = q; p < e && isspc((unsigned char)*p); p++)
		;
	for (q = p; q < e && !isspc((unsigned char)*q); q++)
		;
	r->bytes = span(p, q);
	if (q == p || !(q - p == 1 && *p == '-')) {
		const char *d;
		if (q == p)
			return bad(r, "no size field");
		for (d = p; d < q; d++)
			if (*d < '0' || *d > '9')
				return bad(r, "bad size");
	}
	/* The combined format's referer and user agent; whatever follows is not ours. */
	for (p = q; p < e && isspc((unsigned char)*p); p++)
		;
	r->referer.p = r->agent.p = p;
	if (p < e && *p == '"' && quoted(&p, e, &r->referer, 0) == 0) {
		while (p < e && isspc((unsigned char)*p))
			p++;
		r->agent.p = p;
		if (p < e && *p == '"')
			quoted(&p, e, &r->agent, 0);
	}
	return 0;
}

const char *clf_request_start(const char *line, size_t len)
{
	const char *q, *b;

	/* The first quote opens the request when the first '[' before it starts a word (so it is
	 * the time clf_parse takes) and "] " comes right before the quote: were the first ']'
	 * after that '[' any earlier, clf_parse would find no quote after it and refuse the line. */
	if (!(q = memchr(line, '"', len)) || q - line < 30 || q[-1] != ' ' || q[-2] != ']')
		return NULL;
	if (!(b = memchr(line, '[', (size_t)(q - line))) || (b > line && !isspc((unsigned char)b[-1])))
		return NULL;
	return q + 1;
}
