/* test_clf: Apache/nginx access log lines, one case per hazard: each field checked, or the
 * reason a line is refused. */
#include <stdlib.h>
#include "clf.h"
#include "unit.h"

static char buf[1 << 17];
static struct clf_rec r;

static int parse(const char *line)
{
	size_t n = strlen(line);

	memcpy(buf, line, n + 1);
	return clf_parse(buf, n, &r);
}

#define SPAN(f, want) CHECK_MEM((f).p, (f).len, want, strlen(want))

static void ok(const char *line, const char *host, const char *method, const char *target,
	const char *proto)
{
	int rc = parse(line);

	if (rc != 0)
		fprintf(stderr, "refused (%s): %s\n", r.why, line);
	CHECK_INT(rc, 0);
	if (rc == 0) {
		SPAN(r.host, host);
		SPAN(r.method, method);
		SPAN(r.target, target);
		SPAN(r.protocol, proto);
	}
}

static void refused(const char *line, const char *why)
{
	CHECK_INT(parse(line), -1);
	CHECK_STR(r.why, why);
}

static void time_is(const char *s, long long want)
{
	long long t = -1;

	CHECK_INT(clf_time(s, strlen(s), &t), 0);
	CHECK_INT(t, want);
}

int main(void)
{
	char iso[32];
	long long t;
	size_t i;

	/* the Apache documentation's combined example */
	ok("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
		"\"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
		"127.0.0.1", "GET", "/apache_pb.gif", "HTTP/1.0");
	SPAN(r.user, "frank");
	SPAN(r.status, "200");
	SPAN(r.bytes, "2326");
	SPAN(r.referer, "http://www.example.com/start.html");
	SPAN(r.agent, "Mozilla/4.08 [en] (Win98; I ;Nav)");
	CHECK_INT(r.when, 971211336);
	CHECK_INT(r.vhost.len, 0);
	/* common format: no referer or agent */
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 -",
		"1.2.3.4", "GET", "/robots.txt", "HTTP/1.1");
	CHECK_INT(r.agent.len, 0);
	/* vhost prefix (Apache vhost_combined) */
	ok("www.example.com:443 1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5 \"-\" \"-\"",
		"1.2.3.4", "GET", "/robots.txt", "HTTP/1.1");
	SPAN(r.vhost, "www.example.com:443");
	/* IPv6 and host names */
	ok("2001:db8::1 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5",
		"2001:db8::1", "GET", "/robots.txt", "HTTP/1.1");
	ok("crawl-66-249-66-1.googlebot.com - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5",
		"crawl-66-249-66-1.googlebot.com", "GET", "/robots.txt", "HTTP/1.1");
	/* X-Forwarded-For lists: the first entry, with or without spaces after the commas */
	ok("203.0.113.9, 10.0.0.1, 10.0.0.2 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5",
		"203.0.113.9", "GET", "/robots.txt", "HTTP/1.1");
	SPAN(r.hosts, "203.0.113.9, 10.0.0.1, 10.0.0.2");
	ok("203.0.113.9,10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5",
		"203.0.113.9", "GET", "/robots.txt", "HTTP/1.1");
	ok("vh:80 203.0.113.9, 10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5",
		"203.0.113.9", "GET", "/robots.txt", "HTTP/1.1");
	/* escapes in the request: Apache \" \\, nginx \xHH */
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /a\\\"b\\\\c HTTP/1.1\" 200 5",
		"1.2.3.4", "GET", "/a\"b\\c", "HTTP/1.1");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /a\\x22\\x20b HTTP/1.1\" 200 5",
		"1.2.3.4", "GET", "/a\" b", "HTTP/1.1");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /\\\" 200 5 HTTP/1.1\" 200 5",
		"1.2.3.4", "GET", "/\" 200 5", "HTTP/1.1");
	/* quotes and spaces in the agent do not shift anything */
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5 \"-\" \"a \\\"b\\\" c\"",
		"1.2.3.4", "GET", "/robots.txt", "HTTP/1.1");
	SPAN(r.agent, "a \\\"b\\\" c");
	/* an unescaped quote inside the request (servers that do not escape) */
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /a\"b HTTP/1.1\" 200 5",
		"1.2.3.4", "GET", "/a\"b", "HTTP/1.1");
	/* "-" and "" requests, no protocol, HEAD, a target with spaces */
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"-\" 408 0 \"-\" \"-\"", "1.2.3.4", "", "", "");
	SPAN(r.request, "-");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"\" 400 0 \"-\" \"-\"", "1.2.3.4", "", "", "");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt\" 200 5", "1.2.3.4", "GET", "/robots.txt", "");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"HEAD /robots.txt HTTP/1.0\" 200 5", "1.2.3.4", "HEAD", "/robots.txt", "HTTP/1.0");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /a b c HTTP/1.1\" 200 5", "1.2.3.4", "GET", "/a b c", "HTTP/1.1");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET HTTP/1.1\" 200 5", "1.2.3.4", "GET", "HTTP/1.1", "");
	/* CR line end, raw non-ASCII bytes */
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5 \"-\" \"-\"\r",
		"1.2.3.4", "GET", "/robots.txt", "HTTP/1.1");
	SPAN(r.agent, "-");
	ok("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /caf\xc3\xa9\xff HTTP/1.1\" 200 5 \"-\" \"\xfe\xff\"",
		"1.2.3.4", "GET", "/caf\xc3\xa9\xff", "HTTP/1.1");
	/* refused lines */
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"\\x16\\x03\\x01\\x00\\xa5\\x01\\x00\" 400 150 \"-\" \"-\"",
		"bad request line");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"\x16\x03\x01\x02\xa5\" 400 150", "bad request line");
	refused("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", "no time field");
	refused("", "no time field");
	refused("1.2.3.4 - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5", "too few fields before the time");
	refused("a b c d e [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5", "too many fields before the time");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000 \"GET / HTTP/1.1\" 200 5", "unterminated time");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000", "unterminated time");
	refused("1.2.3.4 - - [32/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5", "bad time");
	refused("1.2.3.4 - - [10/Foo/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5", "bad time");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] GET / HTTP/1.1 200 5", "no quoted request");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1", "unterminated request");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\"", "bad status");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 2000 5", "bad status");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200", "no size field");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5k", "bad size");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET\" 400 0", "request line without a target");
	refused("1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"G(T / HTTP/1.1\" 400 0", "bad request line");
	/* an overlong line: parsed whole */
	{
		static const char head[] = "1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET /robots.txt HTTP/1.1\" 200 5 \"-\" \"";
		size_t n = strlen(head), big = 100000;
		memcpy(buf, head, n);
		memset(buf + n, 'A', big);
		buf[n + big] = '"';
		CHECK_INT(clf_parse(buf, n + big + 1, &r), 0);
		CHECK_INT(r.agent.len, big);
	}
	/* a line cut at every length is refused or parsed, never read past */
	{
		static const char line[] = "vh:80 1.2.3.4, 5.6.7.8 - - [10/Oct/2000:13:55:36 +0000] \"GET /a\\\"\\x41 HTTP/1.1\" 200 5 \"r\" \"a\"";
		size_t n = strlen(line);
		for (i = 0; i <= n; i++) {
			char *cut = malloc(i + 1);
			memcpy(cut, line, i);
			cut[i] = '\0';
			CHECK(clf_parse(cut, i, &r) == 0 || r.why != NULL);
			free(cut);
		}
	}

	/* times: zones, leap day, epoch */
	time_is("01/Jan/1970:00:00:00 +0000", 0);
	time_is("01/Jan/1970:01:00:00 +0100", 0);
	time_is("31/Dec/1969:19:00:00 -0500", 0);
	time_is("29/Feb/2024:12:00:00 +0000", 1709208000);
	time_is("10/Oct/2000:13:55:36 -0700", 971211336);
	CHECK_INT(clf_time("10/Oct/2000:13:55:36", 20, &t), -1);
	CHECK_INT(clf_time("10/Oct/2000:24:55:36 +0000", 26, &t), -1);
	clf_iso8601(971211336, iso);
	CHECK_STR(iso, "2000-10-10T20:55:36Z");
	clf_iso8601(0, iso);
	CHECK_STR(iso, "1970-01-01T00:00:00Z");
	clf_iso8601(-1, iso);
	CHECK_STR(iso, "1969-12-31T23:59:59Z");
	clf_iso8601(1709208000, iso);
	CHECK_STR(iso, "2024-02-29T12:00:00Z");
	for (t = -86400LL * 800; t < 86400LL * 365 * 200; t += 86400LL * 37 + 3607) {
		long long back = -2;
		clf_iso8601(t, iso);
		CHECK_INT(clf_parse_iso8601(iso, strlen(iso), &back), 0);
		if (back != t) {
			CHECK_INT(back, t);
			break;
		}
	}
	CHECK_INT(clf_parse_iso8601("2000-02-30T00:00:00Z", 20, &t), -1);
	CHECK_INT(clf_parse_iso8601("2000-01-01 00:00:00Z", 20, &t), -1);
	return unit_done("clf");
}
