/* urlpath: the path of an HTTP request target (RFC 9112 origin-form or absolute-form),
 * normalized for matching in the spirit of RFC 3986 section 6.2.2, in place. */
#ifndef COOKBOX_URLPATH_H
#define COOKBOX_URLPATH_H

#include <stddef.h>

/* Rewrite the target S[0..LEN) as its normalized path and return the new length (never more
 * than LEN): an absolute-form target ("http://host:80/a?b") is reduced to its path ("/a", or
 * "/" when it has none), the query and fragment are dropped, a percent-encoded unreserved
 * character (ALPHA DIGIT - . _ ~) is decoded and any other escape's hex digits are upper-cased.
 * Case, "//" and dot segments are kept. */
size_t urlpath_normalize(char *s, size_t len);

#endif
