/* ascii: locale-free character tests that parsers of network and file formats share (no
 * <ctype.h>, whose answers depend on the locale and on the sign of char). */
#ifndef COOKBOX_ASCII_H
#define COOKBOX_ASCII_H

/* The value of hexadecimal digit C (either case), or -1. */
static inline int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
