/* test_inet: address parsing against inet_pton(3) and RFC 5952 canonical text. */
#include <arpa/inet.h>
#include "inet.h"
#include "unit.h"

static void roundtrip(const char *in, int fam, const char *want)
{
	unsigned char a[16];
	char out[INET_TEXT_MAX];
	int f = inet_parse(in, strlen(in), a);

	CHECK_INT(f, fam);
	if (f) {
		CHECK_INT(inet_format(f, a, out), strlen(want));
		CHECK_STR(out, want);
	}
}

/* Agreement with glibc inet_pton on which strings are addresses and on their bytes. */
static void same_as_pton(const char *s)
{
	unsigned char a[16], b[16];
	int f = inet_parse(s, strlen(s), a), ok4 = inet_pton(AF_INET, s, b) == 1, ok6;

	if (ok4) {
		CHECK_INT(f, 4);
		CHECK(memcmp(a, b, 4) == 0);
		return;
	}
	ok6 = inet_pton(AF_INET6, s, b) == 1;
	if (!ok6) {
		if (f != 0)
			fprintf(stderr, "accepted: %s\n", s);
		CHECK_INT(f, 0);
		return;
	}
	if (f == 4)
		CHECK(memcmp(a, b + 12, 4) == 0);
	else
		CHECK(f == 6 && memcmp(a, b, 16) == 0);
}

int main(void)
{
	static const char *cases[] = {
		"1.2.3.4", "255.255.255.255", "0.0.0.0", "256.1.1.1", "1.2.3", "1.2.3.4.5",
		"1..2.3", "1.2.3.4 ", " 1.2.3.4", "::", "::1", "1::", "1:2:3:4:5:6:7:8",
		"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::2::3", ":1::2",
		"1::2:", "1:::2", "12345::1", "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
		"1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3", "fe80::1%eth0", "FE80::ABCD", "g::1",
		"2001:db8::", "::ffff:0:0", "a:b:c:d:e:f:0:0", "", ":", "1.2.3.04", "01.2.3.4",
	};
	size_t i;

	roundtrip("192.168.0.1", 4, "192.168.0.1");
	roundtrip("::ffff:192.168.0.1", 4, "192.168.0.1");
	roundtrip("::FFFF:C0A8:0001", 4, "192.168.0.1");
	roundtrip("2001:DB8:0:0:0:0:0:1", 6, "2001:db8::1");
	roundtrip("2001:db8:0:0:1:0:0:1", 6, "2001:db8::1:0:0:1");	/* first of equal runs */
	roundtrip("2001:db8:0:1:1:1:1:1", 6, "2001:db8:0:1:1:1:1:1");	/* one zero group stays */
	roundtrip("2001:0db8:0000:0000:0001:0000:0000:0000", 6, "2001:db8:0:0:1::");
	roundtrip("0:0:0:0:0:0:0:0", 6, "::");
	roundtrip("0:0:0:0:0:0:0:1", 6, "::1");
	roundtrip("::1.2.3.4", 6, "::102:304");
	roundtrip("1:0:0:2:0:0:0:3", 6, "1:0:0:2::3");
	roundtrip("fe80::", 6, "fe80::");
	roundtrip("1.2.3.4:80", 0, "");
	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		same_as_pton(cases[i]);
	return unit_done("inet");
}
