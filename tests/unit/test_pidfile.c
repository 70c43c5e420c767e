/* Unit tests for lib/pidfile: the parser, refusals (symlink, non-regular, other-writable),
 * the run lock and its holder as another process sees it, the gate and linked checks. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pidfile.h"
#include "unit.h"

static char dir[] = "/tmp/cookbox-unit-pidfile.XXXXXX";

static const char *at(const char *name)
{
	static char p[256];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

static void test_parse(void)
{
	CHECK_INT(pidfile_parse("123\n", 4), 123);
	CHECK_INT(pidfile_parse("123", 3), 123);
	CHECK_INT(pidfile_parse(" 42 \n", 5), 42);
	CHECK_INT(pidfile_parse("2147483647\n", 11), 2147483647);
	CHECK_INT(pidfile_parse("2147483648\n", 11), 0);
	CHECK_INT(pidfile_parse("99999999999999999999999", 23), 0);
	CHECK_INT(pidfile_parse("", 0), 0);
	CHECK_INT(pidfile_parse("\n", 1), 0);
	CHECK_INT(pidfile_parse("0\n", 2), 0);
	CHECK_INT(pidfile_parse("-5\n", 3), 0);
	CHECK_INT(pidfile_parse("12a\n", 4), 0);
	CHECK_INT(pidfile_parse("12\n\n", 4), 0);
	CHECK_INT(pidfile_parse("1\0002", 3), 0);
	CHECK_INT(pidfile_parse("12 34\n", 6), 0);
}

static void test_open(void)
{
	const char *why;
	int fd;

	fd = pidfile_open(at("none"), 0, &why);
	CHECK(fd < 0 && errno == ENOENT && why == NULL);
	fd = pidfile_open(at("a.pid"), PF_CREATE, &why);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);

	CHECK_INT(symlink("a.pid", at("link.pid")), 0);
	fd = pidfile_open(at("link.pid"), 0, &why);
	CHECK(fd < 0);
	CHECK_STR(why, "is a symbolic link");
	fd = pidfile_open(at("link.pid"), PF_CREATE, &why);
	CHECK(fd < 0);
	CHECK_STR(why, "is a symbolic link");

	CHECK_INT(mkdir(at("d.pid"), 0755), 0);
	fd = pidfile_open(at("d.pid"), 0, &why);
	CHECK(fd < 0);
	CHECK_STR(why, "is not a regular file");
	fd = pidfile_open(at("d.pid"), PF_CREATE, &why);
	CHECK(fd < 0);
	CHECK_STR(why, "is not a regular file");

	CHECK_INT(mkfifo(at("f.pid"), 0644), 0);
	fd = pidfile_open(at("f.pid"), PF_CREATE, &why);
	CHECK(fd < 0);
	CHECK_STR(why, "is not a regular file");

	fd = open(at("w.pid"), O_CREAT | O_WRONLY, 0644);
	fchmod(fd, 0666);
	close(fd);
	fd = pidfile_open(at("w.pid"), 0, &why);
	CHECK(fd < 0 && errno == EPERM);
	CHECK_STR(why, "is writable by others");
}

static void test_lock(void)
{
	const char *why;
	int fd = pidfile_open(at("l.pid"), PF_CREATE, &why), p[2], status;
	pid_t child;
	char c;

	CHECK(fd >= 0);
	CHECK_INT(pidfile_holder(fd), 0);
	CHECK_INT(pidfile_read(fd), 0);
	CHECK_INT(pidfile_write(fd, 4242), 0);
	CHECK_INT(pidfile_read(fd), 4242);
	CHECK_INT(pidfile_write(fd, 7), 0);
	CHECK_INT(pidfile_read(fd), 7);		/* truncated, not "7\n42\n" */
	CHECK_INT(pidfile_linked(fd, at("l.pid")), 1);

	/* A child holds the run lock: we see it as the holder, cannot take it; the gate is free. */
	CHECK_INT(pipe(p), 0);
	child = fork();
	if (child == 0) {
		int cfd = open(at("l.pid"), O_RDWR);
		if (pidfile_lock(cfd, 0) < 0)
			_exit(1);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	CHECK_INT(read(p[0], &c, 1), 1);
	CHECK_INT(pidfile_holder(fd), child);
	CHECK(pidfile_lock(fd, 0) < 0 && (errno == EAGAIN || errno == EACCES));
	CHECK_INT(pidfile_gate(fd), 0);
	CHECK_INT(pidfile_ungate(fd), 0);
	/* Read-only descriptors can ask too. */
	int ro = pidfile_open(at("l.pid"), 0, &why);
	CHECK_INT(pidfile_holder(ro), child);
	close(ro);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	CHECK_INT(pidfile_holder(fd), 0);
	CHECK_INT(pidfile_lock(fd, 0), 0);
	CHECK_INT(pidfile_unlock(fd), 0);

	/* Unlinked or replaced: no longer linked. */
	CHECK_INT(unlink(at("l.pid")), 0);
	CHECK_INT(pidfile_linked(fd, at("l.pid")), 0);
	close(open(at("l.pid"), O_CREAT | O_WRONLY, 0644));
	CHECK_INT(pidfile_linked(fd, at("l.pid")), 0);
	close(fd);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_parse();
	test_open();
	test_lock();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	return unit_done("pidfile");
}
