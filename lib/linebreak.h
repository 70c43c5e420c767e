/* linebreak: the Unicode Line Breaking Algorithm (UAX #14, Unicode 15.0, with the tailoring
 * of numbers of its section 8.2 example 7, as LineBreakTest.txt uses) over a table generated
 * by tools/gen-linebreak.py (lib/linebreak_table.h). No allocation. */
#ifndef COOKBOX_LINEBREAK_H
#define COOKBOX_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

/* Classes, in the order of the generated table (LB_XX is 0). */
enum {
	LB_XX, LB_AI, LB_AK, LB_AL, LB_AP, LB_AS, LB_B2, LB_BA, LB_BB, LB_BK, LB_CB, LB_CJ, LB_CL,
	LB_CM, LB_CP, LB_CR, LB_EB, LB_EM, LB_EX, LB_GL, LB_H2, LB_H3, LB_HL, LB_HY, LB_ID, LB_IN,
	LB_IS, LB_JL, LB_JT, LB_JV, LB_LF, LB_NL, LB_NS, LB_NU, LB_OP, LB_PO, LB_PR, LB_QU, LB_RI,
	LB_SA, LB_SG, LB_SP, LB_SY, LB_VF, LB_VI, LB_WJ, LB_ZW, LB_ZWJ
};

enum { LB_NOBREAK = 0, LB_ALLOWED = 1, LB_MANDATORY = 2 };

/* The Unicode version of the table: "15.0.0". */
extern const char lb_unicode_version[];
/* The class of CP as LineBreak.txt lists it (LB_XX for what is not a code point). */
int lb_class(int32_t cp);
/* The breaks of the N code points CP: BRK[i] is what may happen before CP[i] (LB_NOBREAK,
 * LB_ALLOWED or LB_MANDATORY); BRK[0] is LB_NOBREAK (LB2). */
void lb_breaks(const int32_t *cp, size_t n, unsigned char *brk);
/* The same over UTF-8 text: BRK[i] for each byte I that starts a code point (an invalid byte
 * is a code point of class XX), LB_NOBREAK for the others. */
void lb_breaks_utf8(const char *s, size_t n, unsigned char *brk);

#endif
