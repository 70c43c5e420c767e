/* decimal: schoolbook arbitrary precision on base 2^32 limbs, enough for exact sums of
 * decimal numbers and the correctly rounded doubles of their means and deviations. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

__extension__ typedef unsigned __int128 u128;

static int isdig(char c)
{
	return c >= '0' && c <= '9';
}

int dec_scan(const char *s, size_t len, char *dig, int noleadzero, struct decnum *out)
{
	size_t i = 0, istart, nint, fstart, nfrac = 0, nd = 0, j, tz = 0;
	long ex = 0;
	int neg = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	istart = i;
	while (i < len && isdig(s[i]))
		i++;
	nint = i - istart;
	if (noleadzero && nint >= 2 && s[istart] == '0')
		return 0;
	fstart = i;
	if (i < len && s[i] == '.') {
		fstart = ++i;
		while (i < len && isdig(s[i]))
			i++;
		nfrac = i - fstart;
	}
	if (nint + nfrac == 0)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t es;
		int eneg = 0;

		if (++i < len && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		es = i;
		for (; i < len && isdig(s[i]); i++)
			if (ex < 1000000000L)
				ex = ex * 10 + (s[i] - '0');
		if (i == es)
			return 0;
		if (eneg)
			ex = -ex;
	}
	if (i != len)
		return 0;
	for (j = istart; j < istart + nint; j++)
		if (nd || s[j] != '0')
			dig[nd++] = s[j];
	for (j = fstart; j < fstart + nfrac; j++)
		if (nd || s[j] != '0')
			dig[nd++] = s[j];
	while (nd > 0 && dig[nd - 1] == '0') {
		nd--;
		tz++;
	}
	out->places = (long)nfrac - ex > 0 ? (long)nfrac - ex : 0;
	out->dig = dig;
	out->nd = nd;
	if (nd == 0) {
		out->neg = 0;
		out->exp = 0;
		return 1;
	}
	out->neg = neg;
	out->exp = ex - (long)nfrac + (long)tz;
	if (out->exp + (long)nd > DEC_MAXEXP || out->exp + (long)nd < -DEC_MAXEXP)
		return 0;
	return 1;
}

int dec_cmp(const struct decnum *a, const struct decnum *b)
{
	int sign, r;
	long aa, ba;
	size_t n;

	if (a->nd == 0 || b->nd == 0) {
		if (a->nd == 0 && b->nd == 0)
			return 0;
		if (a->nd == 0)
			return b->neg ? 1 : -1;
		return a->neg ? -1 : 1;
	}
	if (a->neg != b->neg)
		return a->neg ? -1 : 1;
	sign = a->neg ? -1 : 1;
	aa = a->exp + (long)a->nd;
	ba = b->exp + (long)b->nd;
	if (aa != ba)
		return aa > ba ? sign : -sign;
	n = a->nd < b->nd ? a->nd : b->nd;
	r = memcmp(a->dig, b->dig, n);
	if (r)
		return r > 0 ? sign : -sign;
	if (a->nd == b->nd)
		return 0;
	return a->nd > b->nd ? sign : -sign;
}

void big_free(struct big *b)
{
	free(b->d);
	b->d = NULL;
	b->n = b->cap = 0;
}

static int reserve(struct big *b, size_t n)
{
	uint32_t *p;
	size_t cap;

	if (n <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 4;
	while (cap < n)
		cap *= 2;
	if (!(p = realloc(b->d, cap * sizeof *p))) {
		errno = ENOMEM;
		return -1;
	}
	b->d = p;
	b->cap = cap;
	return 0;
}

static void trim(struct big *b)
{
	while (b->n > 0 && b->d[b->n - 1] == 0)
		b->n--;
}

int big_set_u64(struct big *b, uint64_t v)
{
	if (reserve(b, 2) < 0)
		return -1;
	b->d[0] = (uint32_t)v;
	b->d[1] = (uint32_t)(v >> 32);
	b->n = 2;
	trim(b);
	return 0;
}

int big_copy(struct big *dst, const struct big *src)
{
	if (reserve(dst, src->n) < 0)
		return -1;
	if (src->n)
		memcpy(dst->d, src->d, src->n * sizeof *src->d);
	dst->n = src->n;
	return 0;
}

/* B = B * M + A */
static int muladd(struct big *b, uint32_t m, uint32_t a)
{
	uint64_t carry = a;
	size_t i;

	for (i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->d[i] * m + carry;
		b->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry) {
		if (reserve(b, b->n + 1) < 0)
			return -1;
		b->d[b->n++] = (uint32_t)carry;
	}
	return 0;
}

int big_set_digits(struct big *b, const char *d, size_t n)
{
	size_t i = 0;

	b->n = 0;
	while (i < n) {
		uint32_t chunk = 0, m = 1;
		size_t k;

		for (k = 0; k < 9 && i < n; k++, i++) {
			chunk = chunk * 10 + (uint32_t)(d[i] - '0');
			m *= 10;
		}
		if (muladd(b, m, chunk) < 0)
			return -1;
		if (b->n == 0 && chunk) {
			if (reserve(b, 1) < 0)
				return -1;
			b->d[b->n++] = chunk;
		}
	}
	trim(b);
	return 0;
}

int big_mul_small(struct big *b, uint32_t m)
{
	if (muladd(b, m, 0) < 0)
		return -1;
	trim(b);
	return 0;
}

int big_mul_u64(struct big *b, uint64_t m)
{
	struct big t = BIG_INIT;
	int r;

	if ((m >> 32) == 0)
		return big_mul_small(b, (uint32_t)m);
	if (big_set_u64(&t, m) < 0)
		return -1;
	r = big_mul(b, b, &t);
	big_free(&t);
	return r;
}

int big_mul_pow10(struct big *b, unsigned long k)
{
	for (; k >= 9; k -= 9)
		if (big_mul_small(b, 1000000000u) < 0)
			return -1;
	if (k) {
		uint32_t m = 1;
		while (k--)
			m *= 10;
		return big_mul_small(b, m);
	}
	return 0;
}

int big_shl(struct big *b, unsigned long bits)
{
	size_t limbs = bits / 32, i;
	unsigned s = (unsigned)(bits % 32);

	if (b->n == 0 || bits == 0)
		return 0;
	if (reserve(b, b->n + limbs + 1) < 0)
		return -1;
	b->d[b->n + limbs] = 0;
	for (i = b->n; i-- > 0;) {
		uint64_t v = (uint64_t)b->d[i] << s;
		b->d[i + limbs + 1] |= (uint32_t)(v >> 32);
		b->d[i + limbs] = (uint32_t)v;
	}
	for (i = 0; i < limbs; i++)
		b->d[i] = 0;
	b->n += limbs + 1;
	trim(b);
	return 0;
}

/* B >>= BITS; returns 1 if a nonzero bit was shifted out. */
static int shr(struct big *b, size_t bits)
{
	size_t limbs = bits / 32, i;
	unsigned s = (unsigned)(bits % 32);
	int lost = 0;

	if (limbs >= b->n) {
		lost = b->n > 0;
		b->n = 0;
		return lost;
	}
	for (i = 0; i < limbs; i++)
		lost |= b->d[i] != 0;
	if (s)
		lost |= (b->d[limbs] & ((1u << s) - 1)) != 0;
	for (i = 0; i + limbs < b->n; i++) {
		uint64_t v = b->d[i + limbs];
		if (i + limbs + 1 < b->n)
			v |= (uint64_t)b->d[i + limbs + 1] << 32;
		b->d[i] = (uint32_t)(v >> s);
	}
	b->n -= limbs;
	trim(b);
	return lost;
}

uint64_t big_div_u64(struct big *b, uint64_t d)
{
	u128 rem = 0;
	size_t i;

	for (i = b->n; i-- > 0;) {
		u128 cur = rem << 32 | b->d[i];
		b->d[i] = (uint32_t)(cur / d);
		rem = cur % d;
	}
	trim(b);
	return (uint64_t)rem;
}

int big_add(struct big *a, const struct big *b)
{
	size_t n = a->n > b->n ? a->n : b->n, i;
	uint64_t carry = 0;

	if (reserve(a, n + 1) < 0)
		return -1;
	for (i = a->n; i < n; i++)
		a->d[i] = 0;
	for (i = 0; i < n; i++) {
		uint64_t t = (uint64_t)a->d[i] + (i < b->n ? b->d[i] : 0) + carry;
		a->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	a->n = n;
	if (carry)
		a->d[a->n++] = (uint32_t)carry;
	return 0;
}

void big_sub(struct big *a, const struct big *b)
{
	int64_t borrow = 0;
	size_t i;

	for (i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
		borrow = t < 0;
		a->d[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
	}
	trim(a);
}

int big_cmp(const struct big *a, const struct big *b)
{
	size_t i;

	if (a->n != b->n)
		return a->n > b->n ? 1 : -1;
	for (i = a->n; i-- > 0;)
		if (a->d[i] != b->d[i])
			return a->d[i] > b->d[i] ? 1 : -1;
	return 0;
}

int big_mul(struct big *r, const struct big *a, const struct big *b)
{
	struct big t = BIG_INIT;
	size_t i, j;

	if (a->n == 0 || b->n == 0) {
		r->n = 0;
		return 0;
	}
	if (reserve(&t, a->n + b->n) < 0)
		return -1;
	memset(t.d, 0, (a->n + b->n) * sizeof *t.d);
	for (i = 0; i < a->n; i++) {
		uint64_t carry = 0;
		for (j = 0; j < b->n; j++) {
			uint64_t v = (uint64_t)a->d[i] * b->d[j] + t.d[i + j] + carry;
			t.d[i + j] = (uint32_t)v;
			carry = v >> 32;
		}
		t.d[i + b->n] = (uint32_t)carry;
	}
	t.n = a->n + b->n;
	trim(&t);
	big_free(r);
	*r = t;
	return 0;
}

size_t big_bitlen(const struct big *b)
{
	if (b->n == 0)
		return 0;
	return (b->n - 1) * 32 + (32 - (size_t)__builtin_clz(b->d[b->n - 1]));
}

int big_add_signed(struct big *a, int *aneg, const struct big *b, int bneg)
{
	struct big t = BIG_INIT;

	if (b->n == 0)
		return 0;
	if (*aneg == bneg || a->n == 0) {
		*aneg = bneg;
		return big_add(a, b);
	}
	if (big_cmp(a, b) >= 0) {
		big_sub(a, b);
	} else {
		if (big_copy(&t, b) < 0)
			return -1;
		big_sub(&t, a);
		big_free(a);
		*a = t;
		*aneg = bneg;
	}
	if (a->n == 0)
		*aneg = 0;
	return 0;
}

char *big_to_text(const struct big *b, int neg, long exp)
{
	struct big t = BIG_INIT;
	char *dig, *out, *p;
	size_t nd = 0, cap = big_bitlen(b) / 3 + 12, i, lead;
	long point;

	if (!(dig = malloc(cap)) || big_copy(&t, b) < 0) {
		free(dig);
		return NULL;
	}
	while (t.n) {
		uint32_t r = (uint32_t)big_div_u64(&t, 1000000000u);
		for (i = 0; i < 9; i++) {
			dig[nd++] = (char)('0' + r % 10);
			r /= 10;
		}
	}
	big_free(&t);
	while (nd > 0 && dig[nd - 1] == '0')
		nd--;
	for (i = 0; i < nd / 2; i++) {
		char c = dig[i];
		dig[i] = dig[nd - 1 - i];
		dig[nd - 1 - i] = c;
	}
	/* strip trailing zeros into the exponent */
	while (nd > 0 && dig[nd - 1] == '0') {
		nd--;
		exp++;
	}
	if (nd == 0) {
		free(dig);
		return strdup("0");
	}
	point = (long)nd + exp;	/* digits before the point */
	lead = point > 0 ? (size_t)point : 1;
	if (!(out = malloc(nd + lead + (exp < 0 ? (size_t)-exp : 0) + (exp > 0 ? (size_t)exp : 0) + 4))) {
		free(dig);
		return NULL;
	}
	p = out;
	if (neg)
		*p++ = '-';
	if (point <= 0) {
		*p++ = '0';
		*p++ = '.';
		for (i = 0; i < (size_t)-point; i++)
			*p++ = '0';
		memcpy(p, dig, nd);
		p += nd;
	} else if (exp >= 0) {
		memcpy(p, dig, nd);
		p += nd;
		for (i = 0; i < (size_t)exp; i++)
			*p++ = '0';
	} else {
		memcpy(p, dig, (size_t)point);
		p += point;
		*p++ = '.';
		memcpy(p, dig + point, nd - (size_t)point);
		p += nd - (size_t)point;
	}
	*p = '\0';
	free(dig);
	return out;
}

/* (M + a fraction when STICKY) * 2^E rounded to a double, to nearest with ties to even. */
static double make_double(uint64_t m, int sticky, long e)
{
	int len, keep, drop;
	long top;
	uint64_t q, rem, half;

	if (m == 0)
		return 0.0;
	len = 64 - __builtin_clzll(m);
	top = e + len - 1;
	if (top > 1023)
		return HUGE_VAL;
	keep = top >= -1022 ? 53 : 53 - (int)(-1022 - top);
	if (keep < 0)
		return 0.0;
	if (keep == 0)	/* in [2^-1075, 2^-1074): the smallest subnormal unless exactly half */
		return (m & (m - 1)) || sticky ? 0x1p-1074 : 0.0;
	drop = len - keep;
	if (drop <= 0)
		return ldexp((double)m, (int)e);
	q = m >> drop;
	rem = m & (((uint64_t)1 << drop) - 1);
	half = (uint64_t)1 << (drop - 1);
	if (rem > half || (rem == half && (sticky || (q & 1))))
		q++;
	return ldexp((double)q, (int)(e + drop));
}

/* N / (D1 * D2 * 5^F) as (top 64 bits, sticky, binary exponent); N is consumed. */
static int divide(struct big *n, uint64_t d1, uint64_t d2, unsigned long f, int *sticky)
{
	*sticky |= big_div_u64(n, d1) != 0;
	*sticky |= big_div_u64(n, d2) != 0;
	for (; f >= 13; f -= 13)
		*sticky |= big_div_u64(n, 1220703125u) != 0;
	if (f) {
		uint64_t p = 1;
		while (f--)
			p *= 5;
		*sticky |= big_div_u64(n, p) != 0;
	}
	return 0;
}

static size_t bits64(uint64_t v)
{
	return v ? 64 - (size_t)__builtin_clzll(v) : 0;
}

double big_ratio_double(const struct big *n, int neg, long e10, long e2, uint64_t d1, uint64_t d2)
{
	struct big x = BIG_INIT;
	unsigned long f = 0;
	long k, den_bits;
	size_t len;
	int sticky = 0;
	uint64_t top;
	double r;

	if (n->n == 0)
		return 0.0;
	if (big_copy(&x, n) < 0)
		return NAN;
	if (e10 >= 0) {
		if (big_mul_pow10(&x, (unsigned long)e10) < 0)
			goto nomem;
	} else {
		f = (unsigned long)-e10;
		e2 -= (long)f;
	}
	den_bits = (long)(bits64(d1) + bits64(d2)) + (long)(f * 2.3219281 + 1);
	k = 68 + den_bits - (long)big_bitlen(&x);
	if (k < 0)
		k = 0;
	if (big_shl(&x, (unsigned long)k) < 0)
		goto nomem;
	divide(&x, d1, d2, f, &sticky);
	len = big_bitlen(&x);
	e2 -= k;
	if (len > 64) {
		sticky |= shr(&x, len - 64);
		e2 += (long)(len - 64);
	}
	top = x.n == 0 ? 0 : x.n == 1 ? x.d[0] : (uint64_t)x.d[1] << 32 | x.d[0];
	big_free(&x);
	r = make_double(top, sticky, e2);
	return neg ? -r : r;
nomem:
	big_free(&x);
	return NAN;
}

/* floor(sqrt(V)), bit by bit: the build links no libm. */
static uint64_t isqrt128(u128 v)
{
	u128 r = 0, bit = (u128)1 << 126;

	while (bit > v)
		bit >>= 2;
	for (; bit; bit >>= 2) {
		if (v >= r + bit) {
			v -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
	}
	return (uint64_t)r;
}

double big_sqrt_ratio_double(const struct big *n, long e10, long e2, uint64_t d1, uint64_t d2)
{
	struct big x = BIG_INIT;
	unsigned long f = 0;
	long k, den_bits;
	size_t len;
	int sticky = 0;
	u128 v, r2;
	uint64_t r;

	if (n->n == 0)
		return 0.0;
	if (big_copy(&x, n) < 0)
		return NAN;
	if (e10 >= 0) {
		if (big_mul_pow10(&x, (unsigned long)e10) < 0)
			goto nomem;
	} else {
		f = (unsigned long)-e10;
		e2 -= (long)f;	/* even: f is */
	}
	den_bits = (long)(bits64(d1) + bits64(d2)) + (long)(f * 2.3219281 + 1);
	k = (124 + den_bits - (long)big_bitlen(&x)) / 2;
	if (k < 0)
		k = 0;
	if (big_shl(&x, (unsigned long)(2 * k)) < 0)
		goto nomem;
	divide(&x, d1, d2, f, &sticky);
	e2 -= 2 * k;
	len = big_bitlen(&x);
	if (len > 126) {
		size_t s = (len - 126 + 1) & ~(size_t)1;
		sticky |= shr(&x, s);
		e2 += (long)s;
	}
	v = 0;
	for (size_t i = x.n; i-- > 0;)
		v = v << 32 | x.d[i];
	big_free(&x);
	r = isqrt128(v);
	r2 = (u128)r * r;
	sticky |= r2 != v;
	return make_double(r, sticky, e2 / 2);
nomem:
	big_free(&x);
	return NAN;
}

char *dbl_repr(double x, char *buf)
{
	char tmp[40], dig[20], *e;
	int prec, nd = 0, dec, i;
	char *p = buf;

	if (isnan(x))
		return strcpy(buf, "nan");
	if (isinf(x))
		return strcpy(buf, x < 0 ? "-inf" : "inf");
	for (prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
		if (strtod(tmp, NULL) == x)
			break;
	}
	/* tmp is [-]d.ddde[+-]XX */
	e = strchr(tmp, 'e');
	dec = atoi(e + 1) + 1;	/* digits before the point, as in Python's decpt */
	for (i = tmp[0] == '-'; tmp + i < e; i++)
		if (tmp[i] != '.')
			dig[nd++] = tmp[i];
	while (nd > 1 && dig[nd - 1] == '0')
		nd--;
	if (signbit(x))
		*p++ = '-';
	if (dec > -4 && dec <= 16) {
		if (dec <= 0) {
			*p++ = '0';
			*p++ = '.';
			for (i = 0; i < -dec; i++)
				*p++ = '0';
			memcpy(p, dig, (size_t)nd);
			p += nd;
		} else if (dec >= nd) {
			memcpy(p, dig, (size_t)nd);
			p += nd;
			for (i = nd; i < dec; i++)
				*p++ = '0';
			*p++ = '.';
			*p++ = '0';
		} else {
			memcpy(p, dig, (size_t)dec);
			p += dec;
			*p++ = '.';
			memcpy(p, dig + dec, (size_t)(nd - dec));
			p += nd - dec;
		}
		*p = '\0';
	} else {
		*p++ = dig[0];
		if (nd > 1) {
			*p++ = '.';
			memcpy(p, dig + 1, (size_t)(nd - 1));
			p += nd - 1;
		}
		sprintf(p, "e%c%02d", dec - 1 < 0 ? '-' : '+', abs(dec - 1));
	}
	return buf;
}
