/* Unit tests of lib/out: buffering, large writes, and the sticky write error (ENOSPC, EPIPE). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "out.h"
#include "unit.h"

static struct out o;

/* Everything written to a temporary file comes back byte for byte. */
static void roundtrip(void)
{
	char path[] = "/tmp/cookbox-out.XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	out_init(&o, fd);
	size_t big = 3 * OUT_BUFSZ + 17, total = 0;
	char *p = malloc(big);
	for (size_t i = 0; i < big; i++)
		p[i] = (char)('a' + i % 26);
	CHECK_INT(out_puts(&o, "head\n"), 0);
	CHECK_INT(out_write(&o, p, big), 0);			/* larger than the buffer */
	int bad = 0;
	for (int i = 0; i < 100000; i++)
		bad |= out_putc(&o, '0' + i % 10);	/* crosses the buffer many times */
	CHECK_INT(bad, 0);
	CHECK_INT(out_printf(&o, "%d-%s\n", 42, "x"), 0);
	char *longf = malloc(OUT_BUFSZ * 2);
	memset(longf, 'L', OUT_BUFSZ * 2 - 1);
	longf[OUT_BUFSZ * 2 - 1] = '\0';
	CHECK_INT(out_printf(&o, "%s", longf), 0);	/* longer than the buffer */
	CHECK_INT(out_printf(&o, "[%.*s]", 1000, longf), 0);	/* longer than the small stack buffer */
	CHECK_INT(out_flush(&o), 0);
	total = 5 + big + 100000 + 5 + (OUT_BUFSZ * 2 - 1) + 1002;
	off_t size = lseek(fd, 0, SEEK_END);
	CHECK_INT(size, total);
	char *back = malloc(total);
	CHECK_INT(pread(fd, back, total, 0), total);
	CHECK(memcmp(back, "head\n", 5) == 0);
	CHECK(memcmp(back + 5, p, big) == 0);
	int ok = 1;
	for (int i = 0; i < 100000; i++)
		ok &= back[5 + big + i] == '0' + i % 10;
	CHECK(ok);
	CHECK(memcmp(back + 5 + big + 100000, "42-x\n", 5) == 0);
	CHECK(back[total - 1003] == 'L' && back[total - 1002] == '[' && back[total - 1] == ']');
	free(back);
	free(longf);
	free(p);
	close(fd);
	unlink(path);
}

/* /dev/full: the error is kept (ENOSPC), later writes fail and are dropped. */
static void full(void)
{
	int fd = open("/dev/full", O_WRONLY);
	if (fd < 0) {
		fprintf(stderr, "no /dev/full: skipped\n");
		return;
	}
	out_init(&o, fd);
	CHECK_INT(out_puts(&o, "hello\n"), 0);		/* buffered: no error yet */
	CHECK_INT(out_flush(&o), -1);
	CHECK_INT(o.err, ENOSPC);
	CHECK_INT(errno, ENOSPC);
	CHECK_INT(out_puts(&o, "more"), -1);		/* sticky */
	CHECK_INT(out_putc(&o, 'x'), -1);
	CHECK_INT(out_flush(&o), -1);
	CHECK_INT(o.err, ENOSPC);
	/* A write bigger than the buffer fails at once. */
	out_init(&o, fd);
	char *p = calloc(1, OUT_BUFSZ * 2);
	CHECK_INT(out_write(&o, p, OUT_BUFSZ * 2), -1);
	CHECK_INT(o.err, ENOSPC);
	free(p);
	close(fd);
}

/* A pipe whose reader has gone: EPIPE when SIGPIPE is ignored. */
static void broken_pipe(void)
{
	int fds[2];
	CHECK_INT(pipe(fds), 0);
	close(fds[0]);
	signal(SIGPIPE, SIG_IGN);
	out_init(&o, fds[1]);
	CHECK_INT(out_puts(&o, "x\n"), 0);
	CHECK_INT(out_flush(&o), -1);
	CHECK_INT(o.err, EPIPE);
	signal(SIGPIPE, SIG_DFL);
	close(fds[1]);
}

int main(void)
{
	roundtrip();
	full();
	broken_pipe();
	/* out_stdout starts ready on descriptor 1. */
	CHECK_INT(out_stdout->fd, 1);
	CHECK_INT(out_stdout->err, 0);
	return unit_done("out");
}
