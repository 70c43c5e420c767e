/* Unit tests for lib/buf: appends, printf past the capacity, reset, free, the NUL after LEN,
 * and failures that leave the buffer as it was. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <wchar.h>

#include "buf.h"
#include "unit.h"

static void test_add(void)
{
	struct buf b = BUF_INIT;

	CHECK(b.p == NULL);
	CHECK_INT(b.len, 0);
	CHECK_INT(buf_adds(&b, "hello"), 0);
	CHECK_INT(buf_addc(&b, ' '), 0);
	CHECK_INT(buf_add(&b, "world!!", 5), 0);
	CHECK_MEM(b.p, b.len, "hello world", 11);
	CHECK_INT(b.p[b.len], 0);
	CHECK(b.cap > b.len);

	/* NUL is data; the terminator still follows LEN. */
	CHECK_INT(buf_add(&b, "\0x\0", 3), 0);
	CHECK_INT(buf_addc(&b, 0), 0);
	CHECK_MEM(b.p, b.len, "hello world\0x\0\0", 15);
	CHECK_INT(b.p[b.len], 0);
	CHECK_INT(buf_add(&b, NULL, 0), 0);
	CHECK_INT(buf_adds(&b, ""), 0);
	CHECK_INT(b.len, 15);
	buf_free(&b);

	/* An empty append still gives the buffer memory and a terminator. */
	CHECK_INT(buf_add(&b, NULL, 0), 0);
	CHECK(b.p != NULL);
	CHECK_INT(b.len, 0);
	CHECK_STR(b.p, "");
	buf_free(&b);
}

/* Bytes one at a time: the capacity doubles, so a million bytes take few reallocations. */
static void test_growth(void)
{
	struct buf b = BUF_INIT;
	size_t i, caps = 0, last = 0, bad = 0;

	for (i = 0; i < 1000000; i++) {
		if (buf_addc(&b, 'a' + (int)(i % 26)) < 0)
			bad++;
		if (b.cap != last) {
			caps++;
			last = b.cap;
		}
		if (b.p[b.len] != '\0' || b.cap <= b.len)
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(b.len, 1000000);
	CHECK(caps < 20);
	for (i = 0; i < b.len; i++)
		if (b.p[i] != 'a' + (int)(i % 26))
			bad++;
	CHECK_INT(bad, 0);
	buf_free(&b);
}

/* buf_grow reserves: the appends it made room for do not move the buffer. */
static void test_grow(void)
{
	struct buf b = BUF_INIT;
	char *p;
	int i;

	CHECK_INT(buf_adds(&b, "x"), 0);
	CHECK_INT(buf_grow(&b, 1000), 0);
	CHECK(b.cap >= 1002);
	CHECK_STR(b.p, "x");
	p = b.p;
	for (i = 0; i < 1000; i++)
		buf_addc(&b, 'y');
	CHECK(b.p == p);
	CHECK_INT(b.len, 1001);
	CHECK_INT(b.p[1001], 0);
	CHECK_INT(buf_grow(&b, 0), 0);
	buf_free(&b);
}

static void test_printf(void)
{
	struct buf b = BUF_INIT;
	char *big = malloc(10001);
	size_t i;

	CHECK_INT(buf_printf(&b, "%d-%s-%c", 42, "abc", 'z'), 0);
	CHECK_STR(b.p, "42-abc-z");
	CHECK_INT(b.len, 8);
	CHECK_INT(buf_printf(&b, "%s", ""), 0);
	CHECK_INT(b.len, 8);
	CHECK_INT(buf_printf(&b, "|%5.1f|%-4s|%x", 3.14159, "ab", 255u), 0);
	CHECK_STR(b.p, "42-abc-z|  3.1|ab  |ff");

	/* Output longer than the whole capacity: formatted a second time after growing. */
	memset(big, 'q', 10000);
	big[10000] = '\0';
	buf_reset(&b);
	CHECK_INT(buf_printf(&b, "<%s>", big), 0);
	CHECK_INT(b.len, 10002);
	CHECK(b.p[0] == '<' && b.p[10001] == '>' && b.p[10002] == '\0');
	CHECK_INT(strspn(b.p + 1, "q"), 10000);
	CHECK_INT(buf_printf(&b, "%0*d", 5000, 7), 0);
	CHECK_INT(b.len, 15002);
	CHECK(b.p[10002] == '0' && b.p[15001] == '7' && b.p[15002] == '\0');

	/* Right at the edge of the room: NUL included, N bytes fit only when N < cap - len. */
	for (i = 0; i < 3; i++) {
		struct buf e = BUF_INIT;
		size_t room, want;
		char *p;

		buf_grow(&e, 100);
		buf_adds(&e, "head");
		room = e.cap - e.len;
		want = room - 1 + i;
		p = e.p;
		memset(big, 'r', want);
		big[want] = '\0';
		CHECK_INT(buf_printf(&e, "%s", big), 0);
		CHECK_INT(e.len, 4 + want);
		CHECK(i == 0 ? e.p == p : e.cap > e.len);
		CHECK(memcmp(e.p, "head", 4) == 0 && e.p[4] == 'r' && e.p[e.len - 1] == 'r');
		CHECK_INT(e.p[e.len], 0);
		buf_free(&e);
	}
	buf_free(&b);
	free(big);
}

static void test_reset_free(void)
{
	struct buf b = BUF_INIT;
	size_t cap;
	char *p;

	buf_reset(&b);
	CHECK(b.p == NULL);
	buf_adds(&b, "some text");
	p = b.p;
	cap = b.cap;
	buf_reset(&b);
	CHECK_INT(b.len, 0);
	CHECK(b.p == p);
	CHECK_INT(b.cap, cap);
	CHECK_STR(b.p, "");
	buf_adds(&b, "new");
	CHECK_STR(b.p, "new");
	buf_free(&b);
	CHECK(b.p == NULL);
	CHECK_INT(b.len, 0);
	CHECK_INT(b.cap, 0);
	buf_free(&b);
	buf_free(NULL);
	CHECK_INT(buf_adds(&b, "again"), 0);
	CHECK_STR(b.p, "again");
	buf_free(&b);
}

/* Appending the buffer to itself, when the append has to move it. */
static void test_self(void)
{
	struct buf b = BUF_INIT;
	int i;

	buf_adds(&b, "ab");
	for (i = 0; i < 12; i++)
		CHECK_INT(buf_add(&b, b.p, b.len), 0);
	CHECK_INT(b.len, 2 << 12);
	CHECK(b.p[0] == 'a' && b.p[1] == 'b' && b.p[8190] == 'a' && b.p[8191] == 'b');
	CHECK_INT(buf_add(&b, b.p + 1, 1), 0);
	CHECK_MEM(b.p + b.len - 3, 3, "abb", 3);
	buf_free(&b);
}

/* Sizes that overflow, and a format that fails, leave the buffer as it was. */
static void test_errors(void)
{
	struct buf b = BUF_INIT;
	size_t cap;
	char *p;

	buf_adds(&b, "keep");
	p = b.p;
	cap = b.cap;
	errno = 0;
	CHECK_INT(buf_grow(&b, SIZE_MAX), -1);
	CHECK_INT(errno, ENOMEM);
	errno = 0;
	CHECK_INT(buf_grow(&b, SIZE_MAX - 4), -1);
	CHECK_INT(errno, ENOMEM);
	errno = 0;
	CHECK_INT(buf_add(&b, "x", SIZE_MAX - 2), -1);
	CHECK_INT(errno, ENOMEM);
	CHECK(b.p == p);
	CHECK_INT(b.cap, cap);
	CHECK_INT(b.len, 4);
	CHECK_STR(b.p, "keep");

	/* A wide character the C locale cannot encode makes vsnprintf fail after it has
	 * written part of its output over the terminator. */
	CHECK_INT(buf_printf(&b, "partial%ls", L"\x263a"), -1);
	CHECK_INT(b.len, 4);
	CHECK_STR(b.p, "keep");
	buf_free(&b);
}

int main(void)
{
	test_add();
	test_growth();
	test_grow();
	test_printf();
	test_reset_free();
	test_self();
	test_errors();
	return unit_done("buf");
}
