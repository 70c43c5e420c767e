/* utf8: decoding with explicit invalid bytes, display width in terminal columns (UAX #11
 * widths over UAX #29 grapheme clusters), normalisation and case folding, through utf8proc.
 * Functions returning char * return malloc'd, NUL-terminated memory the caller frees. */
#ifndef COOKBOX_UTF8_H
#define COOKBOX_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID (-1)

enum utf8_form { UTF8_NFC, UTF8_NFD, UTF8_NFKC, UTF8_NFKD };

/* Decode the code point at S (N > 0): bytes used (1..4); *CP is UTF8_INVALID for a byte that
 * does not start a valid, shortest-form sequence of a scalar value (then 1 byte is used). */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);
/* Encode CP into OUT: bytes written (1..4), 0 if CP is not a Unicode scalar value. */
size_t utf8_encode(int32_t cp, char out[4]);
/* Offset of the first invalid byte in S, or N when all of S is valid UTF-8. */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Columns of one code point: 2 East Asian wide/fullwidth, 0 combining, zero-width, control;
 * 1 for a value that is not a scalar value (UTF8_INVALID), drawn as U+FFFD. */
int utf8_cpwidth(int32_t cp);
/* Length in bytes of the grapheme cluster at S (>= 1 when N > 0) and its width in *WIDTH
 * (unless NULL): 2 for wide clusters and emoji sequences (ZWJ, flags, VS16, skin tones), 0 for
 * one that has only zero-width parts. An invalid byte is a cluster of its own, one column wide. */
size_t utf8_cluster(const char *s, size_t n, int *width);
/* Columns of S: the sum of its clusters' widths. */
size_t utf8_width(const char *s, size_t n);
/* S normalised to FORM; invalid bytes are copied through unchanged. *OUTLEN gets the length.
 * NULL with errno ENOMEM on allocation failure (EINVAL for an unknown FORM). */
char *utf8_normalize(const char *s, size_t n, enum utf8_form form, size_t *outlen);
/* S case-folded: NFC(toCasefold(NFD(S))), Unicode full case folding (C+F) in canonical order
 * (D145), composed, so two strings match caselessly (canonical caseless match) exactly when
 * the results are equal, whatever their normal forms. Each valid run is folded apart; invalid
 * bytes are copied through. NULL with errno ENOMEM on allocation failure. */
char *utf8_casefold(const char *s, size_t n, size_t *outlen);

#endif
