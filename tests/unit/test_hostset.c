/* test_hostset: host keys (addresses folded and canonical, names checked), output order,
 * and merging: sums and widened times, the same under any grouping and order. */
#include <stdlib.h>
#include "hostset.h"
#include "unit.h"

static void add(struct hostset *s, const char *host, uint64_t n, long long first, long long last)
{
	unsigned char key[HOSTSET_KEY_MAX];
	size_t klen = hostset_key(host, strlen(host), key);

	CHECK(klen > 0);
	CHECK_INT(hostset_add(s, key, klen, n, first, last), 0);
}

/* The set as text: "host count first last\n" in output order. */
static char *dump(const struct hostset *s)
{
	size_t n = hostset_count(s), i, *ix = hostset_sorted(s), len = 0;
	char *out = malloc(n * 128 + 1), buf[64];

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t hl;
		const char *h = hostset_host(s, ix[i], buf, &hl);
		const struct hostset_ent *e = hostset_ent(s, ix[i]);
		len += (size_t)sprintf(out + len, "%.*s %llu %lld %lld\n", (int)hl, h,
			(unsigned long long)e->count, e->first, e->last);
	}
	free(ix);
	return out;
}

int main(void)
{
	static const char *bad[] = { "", "-", "a b", "a/b", "1.2.3.4:80", "[::1]", "x\xc3\xa9",
		"fe80::1%eth0", "a,b", ".a", "_a", "-a" };
	static const char *hosts[] = { "10.0.0.2", "9.0.0.1", "::10", "::2", "2001:db8::1",
		"B.example", "a", "b.example", "::ffff:9.0.0.0", "255.255.255.255", "::" };
	unsigned char key[HOSTSET_KEY_MAX];
	struct hostset *a, *b, *c, *all, *ab_c, *a_bc, *bc;
	char *d1, *d2, *d3, *d4;
	size_t i;
	unsigned x = 12345;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK_INT(hostset_key(bad[i], strlen(bad[i]), key), 0);
	CHECK_INT(hostset_key("1.2.3.4  ", 9, key), 5);
	CHECK_INT(hostset_key("::ffff:1.2.3.4", 14, key), 5);
	CHECK_INT(hostset_key("::1", 3, key), 17);
	CHECK_INT(hostset_key("crawl.example", 13, key), 14);

	/* Order: IPv4 numerically, IPv6 numerically, names bytewise; times widen. */
	a = hostset_new();
	for (i = 0; i < sizeof hosts / sizeof *hosts; i++)
		add(a, hosts[i], 1, 100 + (long long)i, 200 + (long long)i);
	add(a, "2001:DB8:0::1", 2, 50, 500);
	d1 = dump(a);
	CHECK_STR(d1, "9.0.0.0 1 108 208\n9.0.0.1 1 101 201\n10.0.0.2 1 100 200\n"
		"255.255.255.255 1 109 209\n:: 1 110 210\n::2 1 103 203\n::10 1 102 202\n"
		"2001:db8::1 3 50 500\nB.example 1 105 205\na 1 106 206\nb.example 1 107 207\n");
	free(d1);
	hostset_free(a);

	/* Merging: (a+b)+c == a+(b+c) == c+b+a == all at once, on random overlapping data. */
	a = hostset_new(), b = hostset_new(), c = hostset_new(), all = hostset_new();
	for (i = 0; i < 3000; i++) {
		char host[32];
		struct hostset *part = i % 3 == 0 ? a : i % 3 == 1 ? b : c;
		long long t;

		x = x * 1103515245 + 12345;
		t = (long long)(x >> 8) % 100000;
		if (x % 4 == 0)
			snprintf(host, sizeof host, "10.0.%u.%u", x >> 20 & 3, x >> 24 & 7);
		else if (x % 4 == 1)
			snprintf(host, sizeof host, "2001:db8::%x", x >> 20 & 15);
		else
			snprintf(host, sizeof host, "h%u.example", x >> 20 & 31);
		add(part, host, 1 + x % 3, t, t + (long long)(x % 1000));
		add(all, host, 1 + x % 3, t, t + (long long)(x % 1000));
	}
	ab_c = hostset_new();
	CHECK_INT(hostset_merge(ab_c, a), 0);
	CHECK_INT(hostset_merge(ab_c, b), 0);
	CHECK_INT(hostset_merge(ab_c, c), 0);
	bc = hostset_new();
	CHECK_INT(hostset_merge(bc, b), 0);
	CHECK_INT(hostset_merge(bc, c), 0);
	a_bc = hostset_new();
	CHECK_INT(hostset_merge(a_bc, bc), 0);
	CHECK_INT(hostset_merge(a_bc, a), 0);
	CHECK_INT(hostset_merge(c, b), 0);
	CHECK_INT(hostset_merge(c, a), 0);
	d1 = dump(all), d2 = dump(ab_c), d3 = dump(a_bc), d4 = dump(c);
	CHECK(strlen(d1) > 1000);
	CHECK_STR(d2, d1);
	CHECK_STR(d3, d1);
	CHECK_STR(d4, d1);
	free(d1), free(d2), free(d3), free(d4);
	hostset_free(a), hostset_free(b), hostset_free(c), hostset_free(all);
	hostset_free(ab_c), hostset_free(bc), hostset_free(a_bc);
	hostset_free(NULL);
	return unit_done("hostset");
}
