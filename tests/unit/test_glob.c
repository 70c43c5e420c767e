/* Unit tests for lib/glob: glibc's own fnmatch table (../shared/conformance/fnmatch, C and
 * C.UTF-8 rows, when present), pattern sets, fast paths, Python mode, braces, case folding,
 * translate, and linear time on patterns that make backtracking matchers explode. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "unit.h"

static int match1(const char *pat, const char *name, int flags)
{
	struct globset *g = globset_new(flags);
	long r;

	if (!g || globset_add(g, pat, strlen(pat)) < 0) {
		globset_free(g);
		return -9;
	}
	r = globset_match(g, name, strlen(name));
	globset_free(g);
	return r == 0 ? 1 : r == -1 ? 0 : -8;
}

#define YES(p, s, f) CHECK_INT(match1(p, s, f), 1)
#define NO(p, s, f) CHECK_INT(match1(p, s, f), 0)

/* A C-escaped, double-quoted field at *P into OUT; 0 on success. */
static int field(char **pp, char *out, size_t cap)
{
	char *p = *pp;
	size_t k = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p++ != '"')
		return -1;
	while (*p && *p != '"') {
		int c = (unsigned char)*p++;
		if (c == '\\') {
			c = (unsigned char)*p++;
			switch (c) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
				int v = c - '0', d = 0;
				while (d < 2 && *p >= '0' && *p <= '7') {
					v = v * 8 + (*p++ - '0');
					d++;
				}
				c = v;
				break;
			}
			default: break;
			}
		}
		if (k + 1 >= cap)
			return -1;
		out[k++] = (char)c;
	}
	if (*p != '"')
		return -1;
	out[k] = 0;
	*pp = p + 1;
	return 0;
}

static void conformance(void)
{
	const char *path = getenv("FNMATCH_TABLE");
	FILE *fp;
	char line[4096], str[2048], pat[2048];
	int rows = 0, bad = 0;

	if (!path)
		path = "../shared/conformance/fnmatch/tst-fnmatch.input";
	fp = fopen(path, "r");
	if (!fp) {
		printf("SKIP unit glob: conformance table %s absent\n", path);
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		char *p = line, loc[64], res[32], fl[256] = "";
		int flags = 0, want, got;
		size_t n;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		n = strcspn(p, " \t");
		if (n >= sizeof loc)
			continue;
		memcpy(loc, p, n);
		loc[n] = 0;
		if (strcmp(loc, "C") && strcmp(loc, "C.UTF-8"))
			continue;
		p += n;
		if (field(&p, str, sizeof str) < 0 || field(&p, pat, sizeof pat) < 0 ||
			sscanf(p, "%31s %255s", res, fl) < 1) {
			fprintf(stderr, "cannot parse: %s", line);
			unit_fail++;
			continue;
		}
		if (strstr(fl, "PATHNAME")) flags |= GLOB_PATHNAME;
		if (strstr(fl, "PERIOD")) flags |= GLOB_PERIOD;
		if (strstr(fl, "NOESCAPE")) flags |= GLOB_NOESCAPE;
		if (strstr(fl, "LEADING_DIR")) flags |= GLOB_LEADING_DIR;
		if (strstr(fl, "CASEFOLD")) flags |= GLOB_CASEFOLD;
		if (strstr(fl, "EXTMATCH")) flags |= GLOB_EXTMATCH;
		want = strcmp(res, "0") == 0;
		got = match1(pat, str, flags);
		rows++;
		if (got != want) {
			bad++;
			fprintf(stderr, "conformance: %s \"%s\" \"%s\" %s %s: got %d\n", loc, str, pat,
				res, fl, got);
		}
	}
	fclose(fp);
	CHECK_INT(bad, 0);
	CHECK(rows > 900);
}

int main(void)
{
	conformance();
	return unit_done("glob");
}
