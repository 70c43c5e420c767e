/* globset: shell wildcard patterns (POSIX fnmatch(3) as glibc reads it in a UTF-8 locale, or
 * Python's fnmatch) compiled once into a set matched all together: literal, prefix and suffix
 * patterns through hash tables, the rest through one lazily built DFA of regular-expression
 * derivatives, so a name is matched in time linear in its length whatever the patterns.
 * The set owns its memory; globset_free releases it. Strings from glob_translate are malloc'd
 * and the caller frees them. */
#ifndef COOKBOX_GLOBSET_H
#define COOKBOX_GLOBSET_H

#include <stddef.h>
#include <stdint.h>

enum {
	GLOB_PATHNAME = 1,	/* wildcards never match '/'; "**" + "/" is any number of dirs */
	GLOB_PERIOD = 2,	/* a leading '.' (and after '/' with PATHNAME) is matched only by '.' */
	GLOB_LEADING_DIR = 4,	/* the pattern may match a prefix of the name followed by '/' */
	GLOB_NOESCAPE = 8,	/* backslash is an ordinary character */
	GLOB_CASEFOLD = 16,	/* Unicode simple case folding of pattern and name */
	GLOB_EXTMATCH = 32,	/* ksh ?(..) *(..) +(..) @(..) !(..) */
	GLOB_BRACES = 64,	/* {a,b,c} alternatives, nestable */
	GLOB_PYTHON = 128,	/* Python fnmatch.fnmatchcase: no escapes, '*' matches '/' */
	GLOB_GITSTAR = 256	/* with PATHNAME: a "**" component matches any number of dirs */
};

struct globset;

/* A new, empty set for patterns under FLAGS; NULL with errno ENOMEM. */
struct globset *globset_new(int flags);
void globset_free(struct globset *g);
/* Add pattern P (N bytes, any bytes): its index (0, 1, ...), or -1 with errno ENOMEM, or
 * EINVAL when the pattern nests too deeply (more than 100 levels of ( or {). */
long globset_add(struct globset *g, const char *p, size_t n);
/* A new set with the same flags and patterns, for another thread: NULL with errno ENOMEM. */
struct globset *globset_copy(const struct globset *g);
/* The number of patterns added. */
size_t globset_count(const struct globset *g);
/* Match NAME (N bytes): the index of a pattern that matches, or -1 when none does, or -2 with
 * errno ENOMEM. The set may grow its automaton during the call (not thread-safe). */
long globset_match(struct globset *g, const char *name, size_t n);
/* Match K names at once, as K calls of globset_match would but faster: OUT[J] is the index of
 * a pattern that matches NAMES[J] (LENS[J] bytes), or -1. 0, or -2 with errno ENOMEM. */
int globset_match_many(struct globset *g, const char *const *names, const size_t *lens,
	long *out, size_t k);
/* A byte string every name that matches must contain (e.g. "/test_" for "*\/test_*.py"), for
 * a caller that can skip ahead with memmem: its length, or 0 when there is none. *LIT is valid
 * until the set changes or is freed. */
size_t globset_required(struct globset *g, const char **lit);
/* How many patterns took each path: literal/prefix/suffix hash, or the automaton. */
void globset_stats(const struct globset *g, size_t *fast, size_t *automaton, size_t *dfa_states);

/* One position of a pattern's shape: a single character, or a star that stands for anything
 * of variable length ('*', braces, extended groups, "**" components). */
struct glob_atom {
	uint64_t ascii[2];	/* a character position: the ASCII bytes it matches */
	unsigned char star;
	unsigned char wide;	/* it may match a non-ASCII character or an invalid byte */
};
/* A pattern's shape, for a caller that prefilters names (lib/globscan). Every name the pattern
 * matches also matches the shape (a star matching any bytes, a position one byte if ASCII or
 * any bytes of a non-ASCII character if wide), or one of its shapes when its braces or @(..)
 * groups have a shape per alternative. */
struct glob_shape {
	struct glob_atom *v;	/* malloc'd; the caller frees it */
	size_t n;
	int never;		/* the pattern matches no name at all */
	int exact;		/* a name of ASCII bytes matches the pattern iff it matches the shape */
};
/* Shape K (0, 1, ...) of pattern IDX: 1, 0 when there is no shape K, or -1 with errno ENOMEM
 * (or EINVAL for a bad IDX). */
int globset_shape(struct globset *g, size_t idx, size_t k, struct glob_shape *s);

/* Pattern P under FLAGS as a PCRE2 regular expression that matches the same whole names, like
 * Python's fnmatch.translate: "(?s:...)\z". NULL with errno ENOMEM, or ENOTSUP for !(...),
 * which has no regular-expression equivalent here. */
char *glob_translate(const char *p, size_t n, int flags);

#endif
