/* Unit tests for lib/proc's proc_launch (the vfork spawn that timeit measures with): exec
 * failures, descriptors, the new process group, RLIMIT_CPU and RLIMIT_AS in the child, the
 * child's signal mask, and the caller's mask left as it was. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"
#include "unit.h"

/* Run ARGV with R's settings and stdout into a pipe: its output into BUF. */
static int run_out(struct proc_run *r, char **argv, char *buf, size_t n)
{
	struct proc_err pe;
	int p[2], status;
	pid_t pid;
	ssize_t k, got = 0;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	r->path = argv[0];
	r->argv = argv;
	r->fd[0] = r->fd[2] = -1;
	r->fd[1] = p[1];
	pid = proc_launch(r, &pe);
	close(p[1]);
	while (pid > 0 && got < (ssize_t)n - 1 && (k = read(p[0], buf + got, n - 1 - (size_t)got)) > 0)
		got += k;
	buf[got] = '\0';
	close(p[0]);
	if (pid < 0)
		return -1;
	waitpid(pid, &status, 0);
	return status;
}

static int sh_out(struct proc_run *r, const char *script, char *buf, size_t n)
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };
	return run_out(r, argv, buf, n);
}

static void test_fail(void)
{
	char *argv[] = { "x", NULL };
	struct proc_run r = { .path = "/nonexistent/x", .argv = argv, .fd = { -1, -1, -1 } };
	struct proc_err pe;

	CHECK_INT(proc_launch(&r, &pe), -1);
	CHECK_INT(pe.stage, PROC_EXEC);
	CHECK_INT(pe.err, ENOENT);
	r.path = "/etc";
	CHECK_INT(proc_launch(&r, &pe), -1);
	CHECK_INT(pe.err, EACCES);
	CHECK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD);	/* the failed child is reaped */
}

static void test_run(void)
{
	struct proc_run r = { 0 };
	char out[256];
	pid_t me = getpgrp();

	CHECK_INT(sh_out(&r, "echo hello; exit 3", out, sizeof out), 3 << 8);
	CHECK_STR(out, "hello\n");
	/* Without pgroup the child is in ours; with it, in its own. */
	sh_out(&r, "cut -d' ' -f5 /proc/$$/stat", out, sizeof out);
	CHECK_INT(atoi(out), me);
	r.pgroup = 1;
	sh_out(&r, "echo $$ $(cut -d' ' -f5 /proc/$$/stat)", out, sizeof out);
	int a = 0, b = 1;
	CHECK(sscanf(out, "%d %d", &a, &b) == 2 && a == b && a != me);
}

static void test_limits(void)
{
	struct proc_run r = { .cpu_limit = 3, .mem_limit = 256ULL << 20 };
	char out[256];

	CHECK_INT(sh_out(&r, "ulimit -St; ulimit -Ht; ulimit -v", out, sizeof out), 0);
	CHECK_STR(out, "3\n4\n262144\n");
	r.cpu_limit = r.mem_limit = 0;
	sh_out(&r, "ulimit -St", out, sizeof out);
	CHECK(strcmp(out, "3\n") != 0);
}

static void test_mask(void)
{
	struct proc_run r = { 0 };
	sigset_t set, old, now;
	char out[256], *argv[] = { "/bin/grep", "SigBlk", "/proc/self/status", NULL };

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);	/* 10: bit 9, mask 0x200 */
	sigprocmask(SIG_BLOCK, &set, &old);
	run_out(&r, argv, out, sizeof out);
	CHECK(strstr(out, "200\n") != NULL);
	r.emptymask = 1;
	run_out(&r, argv, out, sizeof out);
	CHECK_STR(out, "SigBlk:\t0000000000000000\n");
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1) && !sigismember(&now, SIGTERM));
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	test_fail();
	test_run();
	test_limits();
	test_mask();
	return unit_done("proc_launch");
}
