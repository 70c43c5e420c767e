/* Unit tests of lib/msg: message formats on stderr, dying with a status, option outcomes. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "msg.h"
#include "out.h"
#include "unit.h"

static char path[] = "/tmp/cookbox-msg.XXXXXX";

/* Run F in a child with stderr to a file; return its exit status, the stderr text in BUF. */
static int capture(void (*f)(void), char *buf, size_t size)
{
	int fd = open(path, O_RDWR | O_TRUNC);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd, 2);
		dup2(fd, 1);
		f();
		out_flush(out_stdout);
		exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	ssize_t n = pread(fd, buf, size - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void warn(void) { msg_warn("plain %d", 1); }
static void warnsys(void) { errno = ENOENT; msg_warnsys("open %s", "x.csv"); }
static void warnat(void) { msg_warnat("data.csv", 1042, "unterminated quoted field"); }
static void warnat0(void) { msg_warnat("data.csv", 0, "cannot read"); }
static void die(void) { out_puts(out_stdout, "partial\n"); msg_die(CB_ERR, "fatal %s", "x"); }
static void diesys(void) { errno = EACCES; msg_diesys(CB_NONE, "pidfile"); }
static void nomem(void) { xmalloc((size_t)-1 / 2); }
static void xalloc(void)
{
	char *s = xstrdup("abc"), *m = xmemdup("a\0b", 3);
	int *z = xcalloc(10, sizeof *z);
	z = xrealloc(z, 1000 * sizeof *z);
	if (strcmp(s, "abc") || memcmp(m, "a\0b", 4) || z[9])
		exit(1);
	free(s), free(m), free(z);
}

static const struct opt opts[] = { { 'a', "all", OPT_NONE, NULL, "all" }, { 0 } };
static const struct optspec spec = { "[OPTIONS]", NULL, opts, 0, 125 };
static int optresult;
static void opt(const char *arg)
{
	struct optstate st;
	char *argv[] = { "tool", (char *)arg, NULL };
	opt_init(&st, &spec, 2, argv);
	optresult = msg_option(&st, opt_next(&st));
	out_flush(out_stdout);
}
static void opt_helps(void) { opt("--help"); exit(optresult); }
static void opt_version(void) { opt("--version"); exit(optresult); }
static void opt_bad(void) { opt("--nope"); exit(optresult); }
static void opt_other(void) { opt("-a"); exit(optresult == -1 ? 7 : 0); }

int main(void)
{
	char buf[4096];
	int fd = mkstemp(path);
	close(fd);
	msg_init("tool");
	CHECK_STR(msg_applet(), "tool");

	CHECK_INT(capture(warn, buf, sizeof buf), 0);
	CHECK_STR(buf, "tool: plain 1\n");
	CHECK_INT(capture(warnsys, buf, sizeof buf), 0);
	CHECK_STR(buf, "tool: open x.csv: No such file or directory\n");
	CHECK_INT(capture(warnat, buf, sizeof buf), 0);
	CHECK_STR(buf, "tool: data.csv:1042: unterminated quoted field\n");
	CHECK_INT(capture(warnat0, buf, sizeof buf), 0);
	CHECK_STR(buf, "tool: data.csv: cannot read\n");
	CHECK_INT(capture(die, buf, sizeof buf), CB_ERR);
	CHECK_STR(buf, "tool: fatal x\npartial\n");	/* stdout delivered on the way out */
	CHECK_INT(capture(diesys, buf, sizeof buf), CB_NONE);
	CHECK_STR(buf, "tool: pidfile: Permission denied\n");
	CHECK_INT(capture(nomem, buf, sizeof buf), CB_ERR);
	/* (ASan may add a warning line of its own before ours.) */
	CHECK(strlen(buf) >= 20 && strcmp(buf + strlen(buf) - 20, "tool: out of memory\n") == 0);
	CHECK_INT(capture(xalloc, buf, sizeof buf), 0);

	CHECK_INT(capture(opt_helps, buf, sizeof buf), 0);
	CHECK(strncmp(buf, "Usage: tool [OPTIONS]\n", 22) == 0);
	CHECK(strstr(buf, "  -a, --all ") != NULL);
	CHECK_INT(capture(opt_version, buf, sizeof buf), 0);
	CHECK_STR(buf, "tool (cookbox) " COOKBOX_VERSION "\n");
	CHECK_INT(capture(opt_bad, buf, sizeof buf), 125);
	CHECK_STR(buf, "tool: unknown option '--nope'\nTry 'tool --help' for more information.\n");
	CHECK_INT(capture(opt_other, buf, sizeof buf), 7);
	unlink(path);
	return unit_done("msg");
}
