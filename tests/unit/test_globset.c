/* Unit tests for lib/globset: glibc's own fnmatch table (../shared/conformance/fnmatch, C and
 * C.UTF-8 rows, when present), pattern sets, fast paths, Python mode, braces, case folding,
 * translate, and linear time on patterns that make backtracking matchers explode. */
#include <errno.h>
#include <fnmatch.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "globset.h"
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

static unsigned rnd(unsigned n)
{
	return (unsigned)(unit_rand() % n);
}

static void gen(char *out, size_t cap, const char *const *alpha, size_t na, unsigned maxlen)
{
	unsigned len = rnd(maxlen + 1);
	size_t k = 0;

	for (unsigned i = 0; i < len; i++) {
		const char *t = alpha[rnd((unsigned)na)];
		size_t l = strlen(t);
		if (k + l + 1 >= cap)
			break;
		memcpy(out + k, t, l);
		k += l;
	}
	out[k] = 0;
}

static int ascii(const char *s)
{
	for (; *s; s++)
		if (*s & 0x80)
			return 0;
	return 1;
}

/* Random patterns and names over a small alphabet, against glibc's fnmatch(3) in C.UTF-8. */
static void differential(void)
{
	static const char *const palpha[] = { "a", "b", "*", "?", "[", "]", "!", "^", "-", "\\",
		"/", ".", "\xc3\xa9", "\xc3\x84", "\xc3\xa4", "[:alpha:]", "[:upper:]", "a-", "*" };
	static const char *const xalpha[] = { "a", "b", "*", "?", "[ab]", "@(", "|", ")", "+(",
		"!(", "*(", "?(", ".", "/", "\xc3\xa9" };
	static const char *const nalpha[] = { "a", "b", "/", ".", "-", "\xc3\xa9", "\xc3\xa4",
		"\xc3\x84", "A", "[", "]", "\\", "*", "!" };
	static const struct { int ours, theirs; const char *name; } modes[] = {
		{ 0, 0, "default" },
		{ GLOB_PATHNAME, FNM_PATHNAME, "pathname" },
		{ GLOB_PERIOD, FNM_PERIOD, "period" },
		{ GLOB_PATHNAME | GLOB_PERIOD, FNM_PATHNAME | FNM_PERIOD, "pathname+period" },
		{ GLOB_NOESCAPE, FNM_NOESCAPE, "noescape" },
		{ GLOB_CASEFOLD, FNM_CASEFOLD, "casefold" },
		{ GLOB_LEADING_DIR | GLOB_PATHNAME, FNM_LEADING_DIR | FNM_PATHNAME, "leading-dir" },
		{ GLOB_LEADING_DIR, FNM_LEADING_DIR, "leading-dir-only" },
		{ GLOB_EXTMATCH, FNM_EXTMATCH, "extmatch" },
	};
	char pat[64], name[64];
	int pats = 3000, names = 40;

	locale_t cloc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	locale_t uloc = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
	int ambiguous = 0;

	if (!cloc || !uloc || !setlocale(LC_ALL, "C.UTF-8")) {
		printf("SKIP unit glob: no C.UTF-8 locale for the glibc differential\n");
		return;
	}
	uselocale(uloc);
	if (getenv("GLOB_DIFF_PATTERNS"))
		pats = atoi(getenv("GLOB_DIFF_PATTERNS"));
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		int bad = 0, cases = 0;
		for (int i = 0; i < pats; i++) {
			struct globset *g = globset_new(modes[m].ours);
			if (modes[m].ours & GLOB_EXTMATCH)
				gen(pat, sizeof pat, xalpha, sizeof xalpha / sizeof *xalpha, 8);
			else
				gen(pat, sizeof pat, palpha, sizeof palpha / sizeof *palpha, 7);
			CHECK(g && globset_add(g, pat, strlen(pat)) == 0);
			for (int k = 0; k < names; k++) {
				int want, got;
				long r;
				gen(name, sizeof name, nalpha, sizeof nalpha / sizeof *nalpha, 6);
				want = fnmatch(pat, name, modes[m].theirs);
				if (want != 0 && want != FNM_NOMATCH)
					continue;
				/* glibc 2.36 in C.UTF-8 answers "match" when the bytes match, too
				 * ("??" matches "\xc3\xa9"): a match it also finds byte-wise is no
				 * evidence, unless everything is ASCII */
				if (want == 0 && (!ascii(pat) || !ascii(name))) {
					int bytewise;
					uselocale(cloc);
					bytewise = fnmatch(pat, name, modes[m].theirs);
					uselocale(uloc);
					if (bytewise == 0) {
						ambiguous++;
						continue;
					}
				}
				r = globset_match(g, name, strlen(name));
				got = r == 0 ? 0 : FNM_NOMATCH;
				cases++;
				if (got != want && bad++ < 10)
					fprintf(stderr, "differential %s: \"%s\" vs \"%s\": glibc %s, we %s\n",
						modes[m].name, pat, name, want ? "no" : "match", got ? "no" : "match");
			}
			globset_free(g);
		}
		CHECK_INT(bad, 0);
		CHECK(cases > pats * names / 2);
	}
	CHECK(ambiguous < pats * names);	/* byte-wise glibc matches left out */
	uselocale(LC_GLOBAL_LOCALE);
	freelocale(cloc);
	freelocale(uloc);
	setlocale(LC_ALL, "C");
}

/* 40+ literal, prefix and suffix patterns go through hash tables: the same answers as each
 * pattern alone through the automaton. */
static void fast_paths(void)
{
	static const char *const alpha[] = { "a", "b", ".", "/", "x", "\xc3\xa9" };
	static const char *const lalpha[] = { "a", "b", ".", "x", "\xc3\xa9" };
	static const int modes[] = { 0, GLOB_PATHNAME, GLOB_PERIOD, GLOB_PATHNAME | GLOB_PERIOD,
		GLOB_PYTHON };
	char pats[48][32], name[32];

	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		struct globset *g = globset_new(modes[m]);
		size_t fast, aut, st;
		int bad = 0;
		for (int i = 0; i < 48; i++) {
			char lit[16];
			gen(lit, sizeof lit, lalpha, sizeof lalpha / sizeof *lalpha, 3);
			if (!lit[0])
				strcpy(lit, "a");
			snprintf(pats[i], sizeof pats[i], i % 3 == 0 ? "%s" : i % 3 == 1 ? "*%s" : "%s*", lit);
			CHECK_INT(globset_add(g, pats[i], strlen(pats[i])), i);
		}
		globset_add(g, "[x]?", 4);
		for (int k = 0; k < 3000; k++) {
			long r;
			int want = 0;
			gen(name, sizeof name, alpha, sizeof alpha / sizeof *alpha, 5);
			for (int i = 0; i < 48 && !want; i++)
				want = match1(pats[i], name, modes[m]) == 1;
			want |= match1("[x]?", name, modes[m]) == 1;
			r = globset_match(g, name, strlen(name));
			if ((r >= 0) != want && bad++ < 5)
				fprintf(stderr, "fast paths mode %d: \"%s\": set %ld, alone %d\n",
					modes[m], name, r, want);
			if (r >= 0 && r < 48)
				CHECK_INT(match1(pats[r], name, modes[m]), 1);
		}
		globset_stats(g, &fast, &aut, &st);
		CHECK(fast >= 40);
		CHECK_INT(aut, 49 - fast);
		CHECK_INT(bad, 0);
		globset_free(g);
	}
}

/* --translate's regex, compiled by PCRE2, accepts what the matcher accepts. */
static void translate(void)
{
	static const char *const palpha[] = { "a", "b", "*", "?", "[", "]", "!", "-", "/", ".",
		"\xc3\xa9", "[a-c]", "[!b]", "\\*", "{a,b}" };
	static const char *const nalpha[] = { "a", "b", "c", "/", ".", "-", "\xc3\xa9", "*", "[", "]" };
	static const int modes[] = { 0, GLOB_PATHNAME, GLOB_PERIOD, GLOB_PATHNAME | GLOB_PERIOD,
		GLOB_PYTHON, GLOB_CASEFOLD, GLOB_BRACES, GLOB_PATHNAME | GLOB_GITSTAR, GLOB_LEADING_DIR };
	char pat[64], name[64];

	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		int bad = 0;
		for (int i = 0; i < 400; i++) {
			char *re;
			pcre2_code *code;
			pcre2_match_data *md;
			int err;
			PCRE2_SIZE off;
			gen(pat, sizeof pat, palpha, sizeof palpha / sizeof *palpha, 6);
			re = glob_translate(pat, strlen(pat), modes[m]);
			CHECK(re != NULL);
			if (!re)
				continue;
			code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP |
				PCRE2_ANCHORED, &err, &off, NULL);
			if (!code) {
				if (bad++ < 5)
					fprintf(stderr, "translate: %s -> %s does not compile\n", pat, re);
				free(re);
				continue;
			}
			md = pcre2_match_data_create_from_pattern(code, NULL);
			for (int k = 0; k < 30; k++) {
				int a, b;
				gen(name, sizeof name, nalpha, sizeof nalpha / sizeof *nalpha, 5);
				a = pcre2_match(code, (PCRE2_SPTR)name, strlen(name), 0, 0, md, NULL) >= 0;
				b = match1(pat, name, modes[m]) == 1;
				if (a != b && bad++ < 5)
					fprintf(stderr, "translate mode %d: %s -> %s vs \"%s\": regex %d, glob %d\n",
						modes[m], pat, re, name, a, b);
			}
			pcre2_match_data_free(md);
			pcre2_code_free(code);
			free(re);
		}
		CHECK_INT(bad, 0);
	}
	errno = 0;
	CHECK(glob_translate("!(a)", 4, GLOB_EXTMATCH) == NULL && errno == ENOTSUP);
}

static void misc(void)
{
	struct globset *g;
	const char *lit;
	char a[100001];

	/* linear time: a backtracking matcher takes ages on these */
	memset(a, 'a', 100000);
	a[100000] = 0;
	NO("*a*a*a*a*a*a*a*a*a*a*b", a, 0);
	YES("*a*a*a*a*a*a*a*a*a*a*", a, GLOB_PATHNAME);
	NO("*(*(a))b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", GLOB_EXTMATCH);
	NO("!(*(a))b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", GLOB_EXTMATCH);
	/* Unicode case folding */
	YES("*.TXT", "r\xc3\xa9sum\xc3\xa9.txt", GLOB_CASEFOLD);
	YES("\xc3\x84R*", "\xc3\xa4rende", GLOB_CASEFOLD);
	NO("\xc3\x84R*", "\xc3\xa4rende", 0);
	YES("[\xc3\x84-\xc3\x96]", "\xc3\xb6", GLOB_CASEFOLD);
	/* braces, nested; gitignore's double star */
	YES("a{b,c{d,e}}f", "acef", GLOB_BRACES);
	NO("a{b,c{d,e}}f", "acf", GLOB_BRACES);
	YES("{,x}y", "y", GLOB_BRACES);
	YES("**/a", "a", GLOB_PATHNAME | GLOB_GITSTAR);
	YES("**/a", "x/y/a", GLOB_PATHNAME | GLOB_GITSTAR);
	NO("**/a", "x/.y/a", GLOB_PATHNAME | GLOB_GITSTAR | GLOB_PERIOD);
	YES("x/**/a", "x/a", GLOB_PATHNAME | GLOB_GITSTAR);
	NO("x**/a", "x/y/a", GLOB_PATHNAME | GLOB_GITSTAR);
	/* invalid bytes are symbols of their own */
	YES("a?b", "a\xff" "b", 0);
	YES("a\xff*", "a\xff\xfe", 0);
	NO("a\xff", "a\xfe", 0);
	/* too deep */
	g = globset_new(GLOB_BRACES);
	{
		char deep[600];
		int k = 0;
		for (int i = 0; i < 120; i++)
			deep[k++] = '{', deep[k++] = 'a', deep[k++] = ',';
		deep[k++] = 'b';
		for (int i = 0; i < 120; i++)
			deep[k++] = '}';
		errno = 0;
		CHECK_INT(globset_add(g, deep, (size_t)k), -1);
		CHECK_INT(errno, EINVAL);
	}
	CHECK_INT(globset_required(g, &lit), 0);
	globset_free(g);
	g = globset_new(0);
	globset_add(g, "*/test_*.py", 11);
	{
		size_t l = globset_required(g, &lit);
		CHECK_MEM(lit, l, "/test_", 6);
	}
	globset_free(g);
}

/* globset_match_many answers as globset_match does, name by name, in every batch size, for
 * automaton and hash paths, names long and short, ASCII or not, and LEADING_DIR. */
static void many(void)
{
	static const char *const palpha[] = { "a", "b", "*", "?", "[ab]", "/", ".", "\xc3\xa9" };
	static const char *const nalpha[] = { "a", "b", "c", "/", ".", "\xc3\xa9", "ab", "\xff" };
	static const int modes[] = { 0, GLOB_PATHNAME | GLOB_PERIOD, GLOB_LEADING_DIR, GLOB_PYTHON };
	char pat[32], names[200][80];
	const char *np[200];
	size_t len[200];
	long want[200], got[200];

	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++)
		for (int npat = 1; npat <= 50; npat += 49) {
			struct globset *g = globset_new(modes[m]), *h = globset_new(modes[m]);
			int bad = 0;
			CHECK(g && h);
			for (int i = 0; i < npat; i++) {
				gen(pat, sizeof pat, palpha, sizeof palpha / sizeof *palpha, 6);
				if (npat > 1 && i % 2)	/* suffix patterns: the hash path */
					snprintf(pat, sizeof pat, "*.%c%c", 'a' + i % 26, 'a' + i / 26);
				CHECK_INT(globset_add(g, pat, strlen(pat)), i);
				CHECK_INT(globset_add(h, pat, strlen(pat)), i);
			}
			for (int k = 0; k < 200; k++) {
				gen(names[k], 40, nalpha, sizeof nalpha / sizeof *nalpha, k % 7 ? 6 : 30);
				if (k % 5 == 0)
					snprintf(names[k] + strlen(names[k]), 8, ".%c%c", 'a' + k % 26, 'a');
				np[k] = names[k];
				len[k] = strlen(names[k]);
				want[k] = globset_match(h, names[k], len[k]);
			}
			for (size_t batch = 1; batch <= 200; batch = batch * 3 + 1)
				for (size_t k = 0; k < 200; k += batch) {
					size_t n = 200 - k < batch ? 200 - k : batch;
					CHECK_INT(globset_match_many(g, np + k, len + k, got + k, n), 0);
					for (size_t j = k; j < k + n; j++)
						if (got[j] != want[j] && bad++ < 5)
							fprintf(stderr, "many mode %d batch %zu: \"%s\": %ld, one by one %ld\n",
								modes[m], batch, names[j], got[j], want[j]);
				}
			CHECK_INT(bad, 0);
			globset_free(g);
			globset_free(h);
		}
}

int main(void)
{
	conformance();
	differential();
	fast_paths();
	translate();
	misc();
	many();
	return unit_done("globset");
}
