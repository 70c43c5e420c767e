/* words: shell-like word splitting without expansions (see words.h). Inside "...", a
 * backslash quotes only " \ $ ` as POSIX sh says; outside quotes it quotes any byte. */
#include "words.h"

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

long words_split(const char *s, char *out, char **v, const char **why)
{
	long n = 0;
	char *o = out;

	*why = NULL;
	for (;;) {
		while (blank(*s))
			s++;
		if (!*s)
			break;
		v[n++] = o;
		while (*s && !blank(*s)) {
			if (*s == '\'' || *s == '"') {
				char q = *s++;
				while (*s && *s != q) {
					if (q == '"' && *s == '\\' && (s[1] == '"' || s[1] == '\\' ||
					    s[1] == '$' || s[1] == '`'))
						s++;
					*o++ = *s++;
				}
				if (!*s) {
					*why = "unterminated quote";
					return -1;
				}
				s++;
			} else if (*s == '\\' && s[1]) {
				s++;
				*o++ = *s++;
			} else
				*o++ = *s++;
		}
		*o++ = '\0';
	}
	v[n] = NULL;
	return n;
}
