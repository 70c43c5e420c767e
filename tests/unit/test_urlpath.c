/* test_urlpath: request-target normalization cases (RFC 3986 6.2.2, RFC 9112 3.2). */
#include "urlpath.h"
#include "unit.h"

static void norm(const char *in, const char *want)
{
	char buf[256];
	size_t n = strlen(in);

	memcpy(buf, in, n + 1);
	n = urlpath_normalize(buf, n);
	CHECK_MEM(buf, n, want, strlen(want));
}

int main(void)
{
	norm("/robots.txt", "/robots.txt");
	norm("/robots.txt?x=1", "/robots.txt");
	norm("/robots.txt#top", "/robots.txt");
	norm("/robots.txt?a#b", "/robots.txt");
	norm("/robots.txt#a?b", "/robots.txt");
	norm("http://example.com/robots.txt", "/robots.txt");
	norm("HTTPS://example.com:443/robots.txt?q", "/robots.txt");
	norm("http://example.com", "/");
	norm("http://example.com?x", "/");
	norm("http://user@example.com:8080/a/b", "/a/b");
	norm("/robots%2etxt", "/robots.txt");
	norm("/%72%6F%62%6f%74%73.txt", "/robots.txt");
	norm("/a%2fb", "/a%2Fb");
	norm("/a%2Fb", "/a%2Fb");
	norm("/a%7e%5F%2D", "/a~_-");
	norm("/a%zz%4", "/a%zz%4");
	norm("/a%", "/a%");
	norm("//robots.txt", "//robots.txt");
	norm("/ROBOTS.TXT", "/ROBOTS.TXT");
	norm("/./robots.txt", "/./robots.txt");
	norm("*", "*");
	norm("", "");
	norm("robots.txt", "robots.txt");
	norm("1http://x/robots.txt", "1http://x/robots.txt");
	norm("/x?http://example.com/robots.txt", "/x");
	norm("/%00", "/%00");
	return unit_done("urlpath");
}
