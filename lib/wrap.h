/* wrap: fill paragraphs to a width exactly as Python's textwrap.TextWrapper does (its chunking
 * regex, greedy loop, long-word and max_lines rules), measuring in code points (Python) or in
 * terminal columns over grapheme clusters, with CJK, ZWSP, soft hyphen and UAX #14 breaks,
 * ANSI escapes of width 0, alignment and a minimum-raggedness algorithm. The wrapper owns its
 * scratch memory; output is appended to the caller's struct buf. */
#ifndef COOKBOX_WRAP_H
#define COOKBOX_WRAP_H

#include <stddef.h>

#include "buf.h"

enum wrap_count { WRAP_COLUMNS, WRAP_CODEPOINTS };
enum wrap_align { WRAP_LEFT, WRAP_RIGHT, WRAP_CENTER, WRAP_JUSTIFY };
enum wrap_algorithm { WRAP_GREEDY, WRAP_OPTIMAL };
enum wrap_linebreak { WRAP_LB_SIMPLE, WRAP_LB_UAX14 };

struct wrap_opts {
	long width;			/* 70 */
	const char *initial_indent;	/* "" (NULL is "") */
	const char *subsequent_indent;
	const char *placeholder;	/* " [...]" (NULL is that) */
	long tabsize;			/* 8 */
	long max_lines;			/* -1: no limit */
	int expand_tabs, replace_whitespace, drop_whitespace;	/* 1 1 1 */
	int break_long_words, break_on_hyphens, fix_sentence_endings;	/* 1 1 0 */
	int shorten;			/* collapse whitespace, max_lines 1 (textwrap.shorten) */
	int strip_ansi;			/* remove escape sequences first */
	int normalize;			/* -1, or an enum utf8_form */
	enum wrap_count count;
	enum wrap_align align;
	enum wrap_algorithm algorithm;
	enum wrap_linebreak linebreak;
	int exhaustive;			/* no fast paths; optimal tries every start (tests) */
};

struct wrap;

/* Default options, as TextWrapper(). */
void wrap_opts_init(struct wrap_opts *o);
/* A wrapper for O (strings are copied). NULL on a usage error, with the message in ERR
 * ("invalid width 0 (must be > 0)", "placeholder too large for max width") and errno EINVAL,
 * or with errno ENOMEM. */
struct wrap *wrap_new(const struct wrap_opts *o, char *err, size_t errlen);
void wrap_free(struct wrap *w);
/* Fill one paragraph TEXT (its lines joined by '\n') as textwrap.fill (or textwrap.shorten)
 * does, appending the lines, each ending in '\n', to OUT. 0, or -1 with errno ENOMEM. */
int wrap_fill(struct wrap *w, const char *text, size_t len, struct buf *out);
/* Append S to OUT munged as TextWrapper does before splitting (tabs expanded, whitespace
 * replaced) after our own steps (escapes stripped, normalised). *COL is the column for tab
 * stops: 0 at the start of a paragraph; pass the pieces of a paragraph in order, line
 * breaks included (N 0 settles *COL, left unknown as SIZE_MAX while no tab needs it, before
 * OUT's text is cut). 0, or -1 with errno ENOMEM. */
int wrap_munge(struct wrap *w, const char *s, size_t n, size_t *col, struct buf *out);
/* Greedy filling of a munged paragraph given in parts, in bounded memory. TEXT[0..CTX) is
 * text already consumed, kept as context for lookbehinds; TEXT[CTX..LEN) is pending. Unless
 * FINAL, only lines that no later text can change are written, and *USED gets the offset
 * where the next call's pending text starts (keep up to 64 bytes before it as context).
 * 0, or -1 with errno ENOMEM. wrap_part_reset starts a new paragraph. For greedy filling
 * without max_lines or shorten (wrap_can_stream). */
int wrap_fill_part(struct wrap *w, const char *text, size_t ctx, size_t len, int final,
	size_t *used, struct buf *out);
void wrap_part_reset(struct wrap *w);
int wrap_can_stream(const struct wrap *w);
/* Width of S in the wrapper's unit (columns without escapes, or code points). */
size_t wrap_width(const struct wrap *w, const char *s, size_t n);
/* textwrap.dedent: remove the longest common leading run of spaces and tabs from every line;
 * lines of only spaces and tabs become empty. Malloc'd, NUL-terminated; NULL on ENOMEM. */
char *wrap_dedent(const char *s, size_t n, size_t *outlen);

#endif
