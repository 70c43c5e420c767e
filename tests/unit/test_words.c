/* Unit tests for lib/words: splitting as sh does for blanks, quotes and backslashes, and no
 * expansion. Each case: the line and its words joined by '|'. */
#include <string.h>

#include "unit.h"
#include "words.h"

static void split_is(const char *s, const char *want)
{
	char out[256], *v[130], got[512] = "";
	const char *why;
	long n = words_split(s, out, v, &why);

	for (long i = 0; i < n; i++) {
		if (i)
			strcat(got, "|");
		strcat(got, v[i]);
	}
	CHECK_STR(n < 0 ? why : got, want);
	if (n >= 0)
		CHECK(v[n] == NULL);
}

int main(void)
{
	split_is("", "");
	split_is("  \t\n ", "");
	split_is("a", "a");
	split_is("  echo  a\tb\nc ", "echo|a|b|c");
	split_is("'a b' c", "a b|c");
	split_is("\"a b\"c d", "a bc|d");
	split_is("x'y'\"z\"", "xyz");
	split_is("'' x", "|x");
	split_is("\"\"", "");
	split_is("a\\ b", "a b");
	split_is("\\'a", "'a");
	split_is("'a\\b'", "a\\b");
	split_is("\"a\\\"b\\\\c\\$d\\`e\\nf\"", "a\"b\\c$d`e\\nf");
	split_is("$HOME * ~ ${x}", "$HOME|*|~|${x}");
	split_is("a\\", "a\\");
	split_is("'abc", "unterminated quote");
	split_is("\"abc", "unterminated quote");
	split_is("a \"b\\\"", "unterminated quote");
	return unit_done("words");
}
