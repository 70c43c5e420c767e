/* inet: IPv4 and IPv6 address text to bytes and back, without allocating. Parsing follows
 * inet_pton(3) (dotted quad, RFC 4291 text forms); printing follows RFC 5952 (lower case,
 * the longest run of two or more zero groups as "::", the first such run on a tie). */
#ifndef COOKBOX_INET_H
#define COOKBOX_INET_H

#include <stddef.h>

/* Longest text inet_format writes, with its NUL. */
#define INET_TEXT_MAX 46

/* Parse S[0..LEN) as an address into A: 4 (IPv4, A[0..4)) or 6 (IPv6, A[0..16)); 0 when S is
 * not one. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is folded to IPv4 (returns 4). */
int inet_parse(const char *s, size_t len, unsigned char a[16]);
/* Write A (FAMILY 4 or 6) as canonical text into OUT (INET_TEXT_MAX bytes); its length. */
size_t inet_format(int family, const unsigned char *a, char *out);

#endif
