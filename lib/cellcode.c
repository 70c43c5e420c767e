/* cellcode: the compact codes of cells (see cellcode.h) and the proleptic Gregorian day
 * arithmetic of ISO 8601 dates. */
#include <string.h>

#include "cellcode.h"

#define TAG(sign, ni, nf, dot, est, x) ((uint64_t)(sign) << 24 | (uint64_t)(ni) << 19 | \
	(uint64_t)(nf) << 14 | (uint64_t)(dot) << 13 | (uint64_t)(est) << 10 | (uint64_t)(x))

int cc_dig2(const char *p)
{
	return (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') ? (p[0] - '0') * 10 + p[1] - '0' : -1;
}

/* Howard Hinnant's days_from_civil and civil_from_days. */
long long cc_days(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int cc_valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] + (m == 2 && leap);
}

int cc_iso_date(const char *p, long long *days)
{
	int c1 = cc_dig2(p), c2 = cc_dig2(p + 2), m = cc_dig2(p + 5), d = cc_dig2(p + 8);

	if (c1 < 0 || c2 < 0 || p[4] != '-' || p[7] != '-' || m < 0 || d < 0 || !cc_valid_ymd(c1 * 100 + c2, m, d))
		return 0;
	*days = cc_days(c1 * 100 + c2, m, d);
	return 1;
}

static int isdig(int ch)
{
	return ch >= '0' && ch <= '9';
}

int cc_encode(const char *p, size_t len, uint64_t *key, uint64_t *tag)
{
	size_t i = 0, s, ni, nf = 0;
	unsigned sign = 0, dot = 0, est = 0, x = 0;
	uint64_t m = 0;

	if (len >= 10 && p[4] == '-') {
		long long days;
		int hh, mm, ss = 0;

		if (!cc_iso_date(p, &days))
			return 0;
		if (len == 10) {
			*key = (uint64_t)days + CC_BIAS;
			*tag = TAG(3, 0, 0, 0, 0, 0);
			return 1;
		}
		if ((len != 16 && len != 19) || (p[10] != 'T' && p[10] != ' '))
			return 0;
		hh = cc_dig2(p + 11);
		mm = cc_dig2(p + 14);
		if (hh < 0 || hh > 23 || p[13] != ':' || mm < 0 || mm > 59)
			return 0;
		if (len == 19 && (p[16] != ':' || (ss = cc_dig2(p + 17)) < 0 || ss > 59))
			return 0;
		*key = (uint64_t)(days * 86400 + hh * 3600 + mm * 60 + ss) + CC_BIAS;
		*tag = TAG(3, 1, 0, p[10] == ' ', len == 19, 0);
		return 1;
	}
	if (p[0] == '-' || p[0] == '+')
		sign = p[i++] == '-' ? 1 : 2;
	for (s = i; i < len && isdig(p[i]); i++)
		m = m * 10 + (uint64_t)(p[i] - '0');
	ni = i - s;
	if (ni >= 2 && p[s] == '0')
		return 0;
	if (i < len && p[i] == '.') {
		dot = 1;
		for (s = ++i; i < len && isdig(p[i]); i++)
			m = m * 10 + (uint64_t)(p[i] - '0');
		nf = i - s;
	}
	if (ni + nf == 0 || ni + nf > 19)
		return 0;
	if (i < len && (p[i] == 'e' || p[i] == 'E')) {
		est = p[i++] == 'e' ? 1 : 4;
		if (i < len && (p[i] == '+' || p[i] == '-'))
			est += p[i++] == '+' ? 1 : 2;
		for (s = i; i < len && isdig(p[i]) && i - s < 4; i++)
			x = x * 10 + (unsigned)(p[i] - '0');
		if (i == s || i - s > 3 || (p[s] == '0' && i - s > 1))
			return 0;
	}
	if (i != len)
		return 0;
	*key = m;
	*tag = TAG(sign, ni, nf, dot, est, x);
	return 1;
}

void cc_civil(long long days, long long *y, int *m, int *d)
{
	long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static char *put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

size_t cc_text(uint64_t key, uint64_t tag, char *buf)
{
	char *p = buf;

	if (CC_SIGN(tag) == 3) {
		long long v = (long long)(key - CC_BIAS), days = v, y;
		int m, d, sod = 0;

		if (CC_NI(tag)) {
			days = v >= 0 ? v / 86400 : -((-v + 86399) / 86400);
			sod = (int)(v - days * 86400);
		}
		cc_civil(days, &y, &m, &d);
		p = put2(put2(p, (int)(y / 100)), (int)(y % 100));
		*p++ = '-';
		p = put2(p, m);
		*p++ = '-';
		p = put2(p, d);
		if (CC_NI(tag)) {
			*p++ = CC_DOT(tag) ? ' ' : 'T';
			p = put2(p, sod / 3600);
			*p++ = ':';
			p = put2(p, sod / 60 % 60);
			if (CC_EST(tag)) {
				*p++ = ':';
				p = put2(p, sod % 60);
			}
		}
	} else {
		char dig[20];
		unsigned ni = CC_NI(tag), nf = CC_NF(tag), k, est = CC_EST(tag), x = CC_X(tag);

		if (CC_SIGN(tag))
			*p++ = CC_SIGN(tag) == 1 ? '-' : '+';
		for (k = ni + nf; k-- > 0; key /= 10)
			dig[k] = (char)('0' + key % 10);
		memcpy(p, dig, ni);
		p += ni;
		if (CC_DOT(tag))
			*p++ = '.';
		memcpy(p, dig + ni, nf);
		p += nf;
		if (est) {
			char e[4];
			int ne = 0;

			*p++ = est <= 3 ? 'e' : 'E';
			if ((est - 1) % 3)
				*p++ = (est - 1) % 3 == 1 ? '+' : '-';
			do
				e[ne++] = (char)('0' + x % 10);
			while ((x /= 10));
			while (ne)
				*p++ = e[--ne];
		}
	}
	*p = '\0';
	return (size_t)(p - buf);
}

void cc_value(uint64_t key, uint64_t tag, struct cc_num *n)
{
	unsigned est = CC_EST(tag);
	long x = (long)CC_X(tag), e;

	if (est && (est - 1) % 3 == 2)
		x = -x;
	e = x - (long)CC_NF(tag);
	n->places = (long)CC_NF(tag) - x > 0 ? (long)CC_NF(tag) - x : 0;
	n->neg = CC_SIGN(tag) == 1;
	n->nd = 0;
	if (key == 0) {
		n->coef = 0;
		n->exp = 0;
		n->neg = 0;
		return;
	}
	while (key % 10 == 0) {
		key /= 10;
		e++;
	}
	n->coef = key;
	n->exp = e;
	for (; key; key /= 10)
		n->nd++;
}

long cc_exp(uint64_t tag)
{
	unsigned est = CC_EST(tag);
	long x = (long)CC_X(tag);

	return (est && (est - 1) % 3 == 2 ? -x : x) - (long)CC_NF(tag);
}
