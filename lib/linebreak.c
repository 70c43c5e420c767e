/* linebreak: UAX #14 rules LB2..LB31 (Unicode 15.0) as one pass over the classes, keeping
 * the state the rules with SP* and LB25's regular expression need, one class of lookahead. */
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

#include "linebreak.h"
#include "linebreak_table.h"
#include "utf8.h"

const char lb_unicode_version[] = LB_UNICODE_VERSION;

static inline unsigned props(int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF)
		return LB_XX;
	return lb_stage2[lb_stage1[cp >> 8]][cp & 0xFF];
}

int lb_class(int32_t cp)
{
	return (int)(props(cp) & 0x3F);
}

/* LB1 and LB10's resolution of the classes that have no rules of their own. */
static int resolve(int32_t cp, unsigned p)
{
	int c = (int)(p & 0x3F);

	switch (c) {
	case LB_AI: case LB_SG: case LB_XX:
		return LB_AL;
	case LB_CJ:
		return LB_NS;
	case LB_SA: {
		int cat = utf8proc_category(cp);

		return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ? LB_CM : LB_AL;
	}
	default:
		return c;
	}
}

#define IN2(x, a, b) ((x) == (a) || (x) == (b))

struct st {
	int prev;	/* class of the last character after LB9, SP included */
	int before;	/* the class before a run of SP (prev when prev is not SP) */
	int prev2;	/* the class before prev (not SP) */
	int zwj;	/* the last code point was a ZWJ */
	int ri;		/* regional indicators in the current run */
	int num;	/* 1: in NU (NU|SY|IS)*, 2: then (CL|CP) */
	int eaw;	/* prev is East Asian F/W/H */
	int pictcn;	/* prev is Extended_Pictographic and unassigned */
};

static int decide(const struct st *s, int c, int next, unsigned p, int32_t cp)
{
	int prev = s->prev, before = prev == LB_SP ? s->before : prev;

	if (prev == LB_BK)
		return LB_MANDATORY;					/* LB4 */
	if (prev == LB_CR && c == LB_LF)
		return LB_NOBREAK;					/* LB5 */
	if (prev == LB_CR || prev == LB_LF || prev == LB_NL)
		return LB_MANDATORY;
	if (c == LB_BK || c == LB_CR || c == LB_LF || c == LB_NL)
		return LB_NOBREAK;					/* LB6 */
	if (c == LB_SP || c == LB_ZW)
		return LB_NOBREAK;					/* LB7 */
	if (before == LB_ZW)
		return LB_ALLOWED;					/* LB8 */
	if (s->zwj)
		return LB_NOBREAK;					/* LB8a */
	if (c == LB_CM || c == LB_ZWJ) {
		if (prev != LB_SP && prev != LB_ZW)
			return LB_NOBREAK;				/* LB9 */
		c = LB_AL;						/* LB10 */
	}
	if (c == LB_WJ || prev == LB_WJ)
		return LB_NOBREAK;					/* LB11 */
	if (prev == LB_GL)
		return LB_NOBREAK;					/* LB12 */
	if (c == LB_GL && prev != LB_SP && prev != LB_BA && prev != LB_HY)
		return LB_NOBREAK;					/* LB12a */
	if (c == LB_CL || c == LB_CP || c == LB_EX || c == LB_IS || c == LB_SY)
		return LB_NOBREAK;					/* LB13 */
	if (before == LB_OP)
		return LB_NOBREAK;					/* LB14 */
	if (c == LB_OP && before == LB_QU)
		return LB_NOBREAK;					/* LB15 */
	if (c == LB_NS && IN2(before, LB_CL, LB_CP))
		return LB_NOBREAK;					/* LB16 */
	if (c == LB_B2 && before == LB_B2)
		return LB_NOBREAK;					/* LB17 */
	if (prev == LB_SP)
		return LB_ALLOWED;					/* LB18 */
	if (c == LB_QU || prev == LB_QU)
		return LB_NOBREAK;					/* LB19 */
	if (c == LB_CB || prev == LB_CB)
		return LB_ALLOWED;					/* LB20 */
	if (c == LB_BA || c == LB_HY || c == LB_NS || prev == LB_BB)
		return LB_NOBREAK;					/* LB21 */
	if (IN2(prev, LB_HY, LB_BA) && s->prev2 == LB_HL)
		return LB_NOBREAK;					/* LB21a */
	if (prev == LB_SY && c == LB_HL)
		return LB_NOBREAK;					/* LB21b */
	if (c == LB_IN)
		return LB_NOBREAK;					/* LB22 */
	if ((IN2(prev, LB_AL, LB_HL) && c == LB_NU) || (prev == LB_NU && IN2(c, LB_AL, LB_HL)))
		return LB_NOBREAK;					/* LB23 */
	if ((prev == LB_PR && (c == LB_ID || c == LB_EB || c == LB_EM)) ||
	    ((prev == LB_ID || prev == LB_EB || prev == LB_EM) && c == LB_PO))
		return LB_NOBREAK;					/* LB23a */
	if ((IN2(prev, LB_PR, LB_PO) && IN2(c, LB_AL, LB_HL)) ||
	    (IN2(prev, LB_AL, LB_HL) && IN2(c, LB_PR, LB_PO)))
		return LB_NOBREAK;					/* LB24 */
	/* LB25, as example 7 of section 8.2. */
	if (IN2(prev, LB_PR, LB_PO) && (c == LB_NU || (IN2(c, LB_OP, LB_HY) && next == LB_NU)))
		return LB_NOBREAK;
	if (IN2(prev, LB_OP, LB_HY) && c == LB_NU)
		return LB_NOBREAK;
	if (s->num == 1 && (c == LB_NU || c == LB_SY || c == LB_IS || c == LB_CL || c == LB_CP))
		return LB_NOBREAK;
	if (s->num && IN2(c, LB_PR, LB_PO))
		return LB_NOBREAK;
	if ((prev == LB_JL && (c == LB_JL || c == LB_JV || c == LB_H2 || c == LB_H3)) ||
	    (IN2(prev, LB_JV, LB_H2) && IN2(c, LB_JV, LB_JT)) ||
	    (IN2(prev, LB_JT, LB_H3) && c == LB_JT))
		return LB_NOBREAK;					/* LB26 */
	if (((prev == LB_JL || prev == LB_JV || prev == LB_JT || prev == LB_H2 || prev == LB_H3) &&
	     c == LB_PO) ||
	    (prev == LB_PR && (c == LB_JL || c == LB_JV || c == LB_JT || c == LB_H2 || c == LB_H3)))
		return LB_NOBREAK;					/* LB27 */
	if (IN2(prev, LB_AL, LB_HL) && IN2(c, LB_AL, LB_HL))
		return LB_NOBREAK;					/* LB28 */
	if (prev == LB_IS && IN2(c, LB_AL, LB_HL))
		return LB_NOBREAK;					/* LB29 */
	if ((IN2(prev, LB_AL, LB_HL) || prev == LB_NU) && c == LB_OP && !(p & 0x40))
		return LB_NOBREAK;					/* LB30 */
	if (prev == LB_CP && !s->eaw && (IN2(c, LB_AL, LB_HL) || c == LB_NU))
		return LB_NOBREAK;
	if (prev == LB_RI && c == LB_RI && s->ri % 2 == 1)
		return LB_NOBREAK;					/* LB30a */
	if (c == LB_EM && (prev == LB_EB || s->pictcn))
		return LB_NOBREAK;					/* LB30b */
	(void)cp;
	return LB_ALLOWED;					/* LB31 */
}

static void update(struct st *s, int c, unsigned p, int32_t cp, int absorbed)
{
	s->zwj = c == LB_ZWJ;
	if (absorbed)
		return;
	if (c == LB_CM || c == LB_ZWJ)
		c = LB_AL;
	if (c == LB_SP) {
		if (s->prev != LB_SP)
			s->before = s->prev;
	} else {
		s->prev2 = s->prev;
	}
	if (c == LB_NU)
		s->num = 1;
	else if (s->num == 1 && (c == LB_SY || c == LB_IS))
		s->num = 1;
	else if (s->num == 1 && (c == LB_CL || c == LB_CP))
		s->num = 2;
	else
		s->num = 0;
	s->ri = c == LB_RI ? s->ri + 1 : 0;
	s->eaw = (p & 0x40) != 0;
	s->pictcn = (p & 0x80) && utf8proc_category(cp) == UTF8PROC_CATEGORY_CN;
	s->prev = c;
}

static void run(const int32_t *cps, const char *u8, size_t n, unsigned char *brk)
{
	struct st s = { -1, -1, -1, 0, 0, 0, 0, 0 };
	size_t i = 0, k, nk;
	int32_t cp, ncp = 0;
	unsigned p, np = 0;
	int c, nc = -1;

	if (!n)
		return;
	/* Walk with one code point of lookahead (LB25). */
	k = cps ? 1 : utf8_decode(u8, n, &cp);
	if (cps)
		cp = cps[0];
	p = props(cp);
	c = resolve(cp, p);
	for (;;) {
		int v, absorbed;

		nk = k;
		if (k < n) {
			nk = cps ? k + 1 : k + utf8_decode(u8 + k, n - k, &ncp);
			if (cps)
				ncp = cps[k];
			np = props(ncp);
			nc = resolve(ncp, np);
		} else {
			nc = -1;
		}
		if (s.prev < 0) {
			v = LB_NOBREAK;					/* LB2 */
			absorbed = 0;
		} else {
			v = decide(&s, c, nc, p, cp);
			absorbed = (c == LB_CM || c == LB_ZWJ) && v == LB_NOBREAK && !s.zwj &&
				s.prev != LB_SP && s.prev != LB_ZW && s.prev != LB_BK &&
				s.prev != LB_CR && s.prev != LB_LF && s.prev != LB_NL;
			if ((c == LB_CM || c == LB_ZWJ) && s.zwj && s.prev != LB_SP && s.prev != LB_ZW &&
			    s.prev != LB_BK && s.prev != LB_CR && s.prev != LB_LF && s.prev != LB_NL)
				absorbed = 1;
		}
		brk[i] = (unsigned char)v;
		update(&s, c, p, cp, absorbed);
		if (k >= n)
			break;
		i = cps ? k : k;
		k = nk;
		cp = ncp;
		p = np;
		c = nc;
	}
}

void lb_breaks(const int32_t *cp, size_t n, unsigned char *brk)
{
	run(cp, NULL, n, brk);
}

void lb_breaks_utf8(const char *s, size_t n, unsigned char *brk)
{
	size_t i;

	for (i = 0; i < n; i++)
		brk[i] = LB_NOBREAK;
	run(NULL, s, n, brk);
}
