/* Unit tests for lib/linebreak: classes from the generated table, a few rules by hand, and
 * every case of the Unicode LineBreakTest.txt (read in place from the Debian unicode-data
 * package; skipped, and said so, when it is absent). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"
#include "utf8.h"
#include "unit.h"

#define TESTFILE "/usr/share/unicode/auxiliary/LineBreakTest.txt"

static void test_classes(void)
{
	CHECK_STR(lb_unicode_version, "15.0.0");
	CHECK_INT(lb_class(' '), LB_SP);
	CHECK_INT(lb_class('a'), LB_AL);
	CHECK_INT(lb_class('-'), LB_HY);
	CHECK_INT(lb_class(0x3002), LB_CL);	/* 。 */
	CHECK_INT(lb_class(0x300C), LB_OP);	/* 「 */
	CHECK_INT(lb_class(0x65E5), LB_ID);	/* 日 */
	CHECK_INT(lb_class(0xA0), LB_GL);
	CHECK_INT(lb_class(0x200B), LB_ZW);
	CHECK_INT(lb_class(0x2060), LB_WJ);
	CHECK_INT(lb_class(0xAD), LB_BA);
	CHECK_INT(lb_class(0x3041), LB_CJ);	/* ぁ */
	CHECK_INT(lb_class(-1), LB_XX);
	CHECK_INT(lb_class(0x110000), LB_XX);
}

static void test_rules(void)
{
	unsigned char b[16];
	static const char s[] = "ab cd-ef";

	lb_breaks_utf8(s, 8, b);
	CHECK_INT(b[0], LB_NOBREAK);
	CHECK_INT(b[1], LB_NOBREAK);
	CHECK_INT(b[3], LB_ALLOWED);	/* after the space */
	CHECK_INT(b[2], LB_NOBREAK);	/* before it */
	CHECK_INT(b[6], LB_ALLOWED);	/* after the hyphen */
	lb_breaks_utf8("a\nb", 3, b);
	CHECK_INT(b[2], LB_MANDATORY);
	/* 日本。: no break before the full stop; an invalid byte is a class of its own. */
	lb_breaks_utf8("\xe6\x97\xa5\xe6\x9c\xac\xe3\x80\x82", 9, b);
	CHECK_INT(b[3], LB_ALLOWED);
	CHECK_INT(b[6], LB_NOBREAK);
	CHECK_INT(b[4], LB_NOBREAK);
	lb_breaks_utf8("a\xff", 2, b);
	CHECK_INT(b[1], LB_NOBREAK);
}

static void test_file(void)
{
	FILE *fp = fopen(TESTFILE, "r");
	char line[4096];
	int32_t cp[256];
	unsigned char want[256], got[256];
	unsigned long lineno = 0, bad = 0, cases = 0;

	if (!fp) {
		printf("SKIP unit linebreak: %s absent (Debian package unicode-data)\n", TESTFILE);
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		char *p = line, *hash = strchr(line, '#');
		size_t n = 0, i;

		lineno++;
		if (hash)
			*hash = '\0';
		while (*p) {
			if (!strncmp(p, "\xc3\xb7", 2)) {		/* ÷ */
				want[n] = LB_ALLOWED;
				p += 2;
			} else if (!strncmp(p, "\xc3\x97", 2)) {	/* × */
				want[n] = LB_NOBREAK;
				p += 2;
			} else if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')) {
				cp[n++] = (int32_t)strtol(p, &p, 16);
			} else {
				p++;
			}
			if (n >= 255)
				break;
		}
		if (!n)
			continue;
		cases++;
		lb_breaks(cp, n, got);
		for (i = 1; i < n; i++)
			if ((got[i] != LB_NOBREAK) != (want[i] != LB_NOBREAK))
				break;
		if (i < n) {
			if (bad++ < 10) {
				fprintf(stderr, "LineBreakTest.txt:%lu: position %zu:", lineno, i);
				for (i = 0; i < n; i++)
					fprintf(stderr, " %04X(%d)%s", (unsigned)cp[i], lb_class(cp[i]), i + 1 < n ?
						(got[i + 1] ? " ÷" : " ×") : "");
				fprintf(stderr, "\n");
			}
			unit_fail++;
		} else {
			unit_pass++;
		}
	}
	fclose(fp);
	if (bad)
		fprintf(stderr, "LineBreakTest.txt: %lu of %lu cases failed\n", bad, cases);
}

int main(void)
{
	test_classes();
	test_rules();
	test_file();
	return unit_done("linebreak");
}
