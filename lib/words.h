/* words: split a command line into words as sh(1) does for plain words, '...', "..." and
 * backslashes, with no expansion at all (timeit -N, hyperfine -N). The caller owns all
 * memory: the words are written into its buffer. */
#ifndef COOKBOX_WORDS_H
#define COOKBOX_WORDS_H

#include <stddef.h>

/* Split S into words: their bytes (each '\0'-terminated) into OUT, which must hold
 * strlen(S) + 1 bytes, and pointers to them into V, which must hold strlen(S) / 2 + 2,
 * ending with NULL. Returns the number of words, or -1 with *WHY set ("unterminated quote"). */
long words_split(const char *s, char *out, char **v, const char **why);

#endif
