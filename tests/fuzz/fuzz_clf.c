/* make fuzz && build/fuzz/fuzz_clf -max_len=4096 -max_total_time=60 CORPUS */
/* fuzz_clf: the access log line parser (lib/clf) and what findrobots does with its fields
 * (lib/inet, lib/urlpath) over any bytes: every span lies inside the line, a refused line says
 * why, addresses print back to the same bytes, normalization never grows a path. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "clf.h"
#include "inet.h"
#include "urlpath.h"

static void inside(const struct clf_span *s, const char *b, size_t n)
{
	assert(s->len == 0 || (s->p >= b && s->p + s->len <= b + n));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1), text[INET_TEXT_MAX], iso[32];
	unsigned char a[16], b[16];
	struct clf_rec r;
	int fam;

	const char *start;

	memcpy(line, data, size);
	line[size] = '\0';
	start = clf_request_start(line, size);
	if (clf_parse(line, size, &r) < 0) {
		assert(r.why && *r.why);
	} else {
		const struct clf_span *all[] = { &r.vhost, &r.hosts, &r.host, &r.ident, &r.user,
			&r.time, &r.request, &r.method, &r.target, &r.protocol, &r.status, &r.bytes,
			&r.referer, &r.agent };
		size_t i, n;
		long long back;

		for (i = 0; i < sizeof all / sizeof *all; i++)
			inside(all[i], line, size);
		assert(r.host.len > 0 && r.host.p == r.hosts.p);
		/* the quick look, when it answers, finds the request where clf_parse does */
		assert(!start || start == r.request.p);
		assert(r.status.len == 1 || r.status.len == 3);
		assert((r.method.len == 0) == (r.target.len == 0));
		clf_iso8601(r.when, iso);
		assert(clf_parse_iso8601(iso, strlen(iso), &back) == 0 && back == r.when);
		if ((fam = inet_parse(r.host.p, r.host.len, a)) != 0) {
			n = inet_format(fam, a, text);
			assert(n == strlen(text) && inet_parse(text, n, b) == fam);
			assert(memcmp(a, b, fam == 4 ? 4 : 16) == 0);
		}
		n = urlpath_normalize((char *)r.target.p, r.target.len);
		assert(n <= r.target.len);
	}
	/* The whole input as an address and as a path too. */
	memcpy(line, data, size);
	if ((fam = inet_parse(line, size, a)) != 0) {
		size_t n = inet_format(fam, a, text);
		assert(inet_parse(text, n, b) == fam && memcmp(a, b, fam == 4 ? 4 : 16) == 0);
	}
	assert(urlpath_normalize(line, size) <= size);
	free(line);
	return 0;
}
