/* clf: one line of an Apache/nginx access log in the common or combined format, with or
 * without a virtual host in front ("%v:%p %h %l %u %t \"%r\" %>s %b \"%{Referer}i\" ..."),
 * parsed in place: quoted fields honour \" \\ \xHH (and \n \r \t \b \v \f), nothing is
 * allocated. Fields point into the caller's line, which clf_parse may rewrite. */
#ifndef COOKBOX_CLF_H
#define COOKBOX_CLF_H

#include <stddef.h>

struct clf_span {
	const char *p;
	size_t len;
};

struct clf_rec {
	struct clf_span vhost;		/* empty when the line has no virtual host */
	struct clf_span hosts;		/* the whole host field ("a, b" for a forwarded list) */
	struct clf_span host;		/* its first entry, spaces trimmed */
	struct clf_span ident, user;
	struct clf_span time;		/* between the brackets: "10/Oct/2000:13:55:36 -0700" */
	long long when;			/* the time in seconds since the epoch, UTC */
	struct clf_span request;	/* unescaped */
	/* The request split: all three empty when the request is "-" or "", protocol empty
	 * when it has none ("GET /robots.txt"). The target may hold spaces (unescaped logs). */
	struct clf_span method, target, protocol;
	struct clf_span status, bytes;
	struct clf_span referer, agent;	/* still escaped; empty when absent (common format) */
	const char *why;		/* after -1: what is wrong, e.g. "bad time" */
};

/* Parse LINE[0..LEN) (a trailing "\r" is ignored) into R: 0, or -1 with R->why set when the
 * line is not an access log record (garbage, a cut line, an invalid request line such as a
 * TLS handshake). The request is unescaped in place, so LINE must be writable. */
int clf_parse(char *line, size_t len, struct clf_rec *r);
/* Split R->request into R->method, target and protocol as clf_parse does: 0, or -1 with
 * R->why set for an invalid request line. */
int clf_split_request(struct clf_rec *r);
/* A quick look for the request of a common line, for callers that skip most lines: where
 * its bytes start (after the opening quote) when clf_parse, if it accepts LINE, takes the
 * request from there; NULL when only clf_parse can tell. Nothing else is checked. */
const char *clf_request_start(const char *line, size_t len);
/* Parse "dd/Mon/yyyy:HH:MM:SS +zzzz" into seconds since the epoch: 0, or -1. */
int clf_time(const char *s, size_t len, long long *when);
/* Write seconds since the epoch as ISO 8601 UTC "yyyy-mm-ddTHH:MM:SSZ" into OUT (at least
 * 32 bytes); the length. */
size_t clf_iso8601(long long when, char *out);
/* Parse the ISO 8601 UTC form clf_iso8601 writes: 0, or -1. */
int clf_parse_iso8601(const char *s, size_t len, long long *when);

#endif
