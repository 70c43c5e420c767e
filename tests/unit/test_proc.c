/* Unit tests for lib/proc: PATH search, spawn with its failure reports (exec, chdir, #!),
 * descriptors and umask in the child, /proc reading, signal names, exit codes, and
 * lib/supervise's log opening and forwarded signal set. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"
#include "supervise.h"
#include "unit.h"

static char dir[] = "/tmp/cookbox-unit-proc.XXXXXX";

static const char *at(const char *name)
{
	static char p[2][256];
	static int k;
	k ^= 1;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

static void put(const char *name, const char *text, mode_t mode)
{
	int fd = open(at(name), O_CREAT | O_TRUNC | O_WRONLY, mode);
	if (write(fd, text, strlen(text)) < 0)
		perror("write");
	fchmod(fd, mode);
	close(fd);
}

static void test_find(void)
{
	char out[512], path[600];

	put("tool", "#!/bin/sh\n", 0755);
	put("plain", "x\n", 0644);
	snprintf(path, sizeof path, "/nonexistent:%s", dir);
	CHECK_INT(proc_find("tool", path, out, sizeof out), 0);
	CHECK_STR(out, at("tool"));
	CHECK(proc_find("plain", path, out, sizeof out) < 0 && errno == EACCES);
	CHECK(proc_find("nothing", path, out, sizeof out) < 0 && errno == ENOENT);
	CHECK(proc_find("", path, out, sizeof out) < 0 && errno == ENOENT);
	CHECK_INT(proc_find("./x/y", path, out, sizeof out), 0);
	CHECK_STR(out, "./x/y");
	CHECK_INT(proc_find("sh", NULL, out, sizeof out), 0);
	CHECK(proc_find("sh", path, out, 4) < 0);
}

static void spawn_fails(const char *file, const char *dirarg, int stage, int err, const char *why)
{
	char *argv[] = { (char *)file, NULL }, buf[512];
	struct proc_spec sp = { .path = file, .argv = argv, .fd = { -1, -1, -1 }, .umask = -1, .dir = dirarg };
	struct proc_err pe;

	CHECK_INT(proc_spawn(&sp, &pe), -1);
	CHECK_INT(pe.stage, stage);
	CHECK_INT(pe.err, err);
	CHECK_STR(proc_strerror(&sp, &pe, buf, sizeof buf), why);
}

static void test_spawn(void)
{
	char why[600];
	int status;

	spawn_fails(at("nothing"), NULL, PROC_EXEC, ENOENT, "No such file or directory");
	spawn_fails(at("plain"), NULL, PROC_EXEC, EACCES, "Permission denied");
	put("bad", "#!/no/such/interp -x\n", 0755);
	snprintf(why, sizeof why, "bad interpreter '/no/such/interp': No such file or directory");
	spawn_fails(at("bad"), NULL, PROC_EXEC, ENOENT, why);
	spawn_fails(dir, NULL, PROC_EXEC, EACCES, "Is a directory");
	spawn_fails("/bin/true", "/no/such/dir", PROC_CHDIR, ENOENT,
		    "cannot change directory to '/no/such/dir': No such file or directory");

	/* A working spawn: descriptors, umask, directory, closed fds, environment. */
	int out = open(at("out"), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0644);
	int leak = open("/dev/null", O_RDONLY);	/* not close-on-exec: closefds must close it */
	char *argv[] = { "sh", "-c", "pwd; umask; echo $V", NULL };
	char *envp[] = { "V=value", "PATH=/usr/bin:/bin", NULL };
	struct proc_spec sp = { .path = "/bin/sh", .argv = argv, .envp = envp, .fd = { -1, out, out },
		.umask = 027, .dir = "/", .closefds = 1, .resetsig = 1 };
	struct proc_err pe;
	pid_t pid = proc_spawn(&sp, &pe);

	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK_INT(proc_exitcode(status), 0);
	close(out);
	close(leak);
	char got[256] = "";
	int fd = open(at("out"), O_RDONLY);
	ssize_t n = read(fd, got, sizeof got - 1);
	close(fd);
	got[n > 0 ? n : 0] = '\0';
	/* ls's own directory descriptor is in its own process, not in sh's list. */
	CHECK_STR(got, "/\n0027\nvalue\n");

	/* closefds: the child has 0, 1 and 2 only (looked at from outside, while it sleeps). */
	leak = open("/dev/null", O_RDONLY);
	char *sl[] = { "sleep", "5", NULL };
	struct proc_spec sp2 = { .path = "/bin/sleep", .argv = sl, .fd = { -1, -1, -1 }, .umask = -1,
		.closefds = 1 };
	pid = proc_spawn(&sp2, &pe);
	CHECK(pid > 0);
	char fds[64];
	snprintf(fds, sizeof fds, "/proc/%ld/fd", (long)pid);
	DIR *d = opendir(fds);
	struct dirent *de;
	int count = 0, maxfd = -1;
	while (d && (de = readdir(d)))
		if (de->d_name[0] != '.') {
			count++;
			if (atoi(de->d_name) > maxfd)
				maxfd = atoi(de->d_name);
		}
	if (d)
		closedir(d);
	CHECK_INT(count, 3);
	CHECK_INT(maxfd, 2);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	CHECK_INT(proc_exitcode(status), 128 + SIGKILL);
	close(leak);

	/* resetsig: signals the parent ignores (glibc's reserved 32 too) are not ignored after. */
	unsigned long ign[8] = { (unsigned long)SIG_IGN };
	signal(SIGUSR1, SIG_IGN);
	syscall(SYS_rt_sigaction, 32, ign, NULL, (size_t)(_NSIG / 8));
	sp2.resetsig = 1;
	pid = proc_spawn(&sp2, &pe);
	CHECK(pid > 0);
	snprintf(fds, sizeof fds, "/proc/%ld/status", (long)pid);
	FILE *fp = fopen(fds, "r");
	char line[256], sigign[64] = "";
	while (fp && fgets(line, sizeof line, fp))
		if (strncmp(line, "SigIgn:", 7) == 0)
			sscanf(line + 7, "%63s", sigign);
	if (fp)
		fclose(fp);
	CHECK_STR(sigign, "0000000000000000");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	signal(SIGUSR1, SIG_DFL);
	ign[0] = 0;
	syscall(SYS_rt_sigaction, 32, ign, NULL, (size_t)(_NSIG / 8));
}

static void test_stat(void)
{
	pid_t ppid = 0, child;
	unsigned long long start = 0, start2 = 0;
	int zombie = -1, status;

	CHECK_INT(proc_stat(getpid(), &ppid, &start, &zombie), 0);
	CHECK_INT(ppid, getppid());
	CHECK(start > 0);
	CHECK_INT(zombie, 0);
	child = fork();
	if (child == 0)
		_exit(3);
	for (int i = 0; i < 200; i++) {
		CHECK_INT(proc_stat(child, &ppid, &start2, &zombie), 0);
		if (zombie)
			break;
		usleep(5000);
	}
	CHECK_INT(zombie, 1);
	CHECK_INT(ppid, getpid());
	CHECK(start2 >= start);
	waitpid(child, &status, 0);
	CHECK_INT(proc_exitcode(status), 3);
	CHECK(proc_stat(child, &ppid, &start, &zombie) < 0 && errno == ENOENT);
	CHECK_INT(proc_exitcode(0x000f), 128 + 15);	/* killed by SIGTERM */
}

static void test_signum(void)
{
	CHECK_INT(proc_signum("TERM"), SIGTERM);
	CHECK_INT(proc_signum("SIGTERM"), SIGTERM);
	CHECK_INT(proc_signum("term"), SIGTERM);
	CHECK_INT(proc_signum("hup"), SIGHUP);
	CHECK_INT(proc_signum("KILL"), SIGKILL);
	CHECK_INT(proc_signum("9"), 9);
	CHECK_INT(proc_signum("0"), -1);
	CHECK_INT(proc_signum("65"), -1);
	CHECK_INT(proc_signum("9x"), -1);
	CHECK_INT(proc_signum("FOO"), -1);
	CHECK_INT(proc_signum("SIG"), -1);
	CHECK_INT(proc_signum(""), -1);
}

static void test_supervise(void)
{
	struct stat st;
	mode_t old = umask(077);
	int fd = sv_openlog(at("log"));

	CHECK(fd >= 0);
	CHECK_INT(write(fd, "a\n", 2), 2);
	close(fd);
	CHECK_INT(stat(at("log"), &st), 0);
	CHECK_INT(st.st_mode & 0777, 0640);
	fd = sv_openlog(at("log"));
	CHECK_INT(write(fd, "b\n", 2), 2);
	close(fd);
	CHECK_INT(stat(at("log"), &st), 0);
	CHECK_INT(st.st_size, 4);	/* appended */
	CHECK(sv_openlog(at("no/such/log")) < 0 && errno == ENOENT);
	mkfifo(at("fifo"), 0644);
	CHECK(sv_openlog(at("fifo")) < 0 && errno == ENXIO);	/* no reader: fails, no hang */
	umask(old);
	CHECK_INT(sv_forwards(SIGTERM), 1);
	CHECK_INT(sv_forwards(SIGHUP), 1);
	CHECK_INT(sv_forwards(SIGUSR1), 1);
	CHECK_INT(sv_forwards(SIGKILL), 0);
	CHECK_INT(sv_forwards(SIGSTOP), 0);
	CHECK_INT(sv_forwards(SIGCHLD), 0);

	/* Backoff: 1, 2, 4, ..., 32, 60, 60; back to 1 after a good run of 60 s. */
	int d = 0, want[] = { 1, 2, 4, 8, 16, 32, 60, 60 };
	for (int i = 0; i < 8; i++)
		CHECK_INT(d = sv_backoff(d, 0.5), want[i]);
	CHECK_INT(sv_backoff(60, 59.9), 60);
	CHECK_INT(sv_backoff(60, 60), 1);
	CHECK_INT(sv_backoff(8, 3600), 1);
}

/* The detached process reports: session leader?, cwd, umask, its descriptors (count, max). */
static void detach(int leader)
{
	int p[2], extra = open("/dev/null", O_RDONLY);
	char got[128] = "";
	ssize_t n;

	CHECK_INT(pipe(p), 0);
	int r = proc_detach(&p[1], 1, leader);
	if (r == 0) {
		char cwd[64] = "", b[128];
		int count = 0, maxfd = -1;
		DIR *d = opendir("/proc/self/fd");
		struct dirent *de;
		int dfd = d ? dirfd(d) : -1;
		while (d && (de = readdir(d)))
			if (de->d_name[0] != '.' && atoi(de->d_name) != dfd) {
				count++;
				if (atoi(de->d_name) > maxfd)
					maxfd = atoi(de->d_name);
			}
		if (getcwd(cwd, sizeof cwd) == NULL)
			cwd[0] = '?';
		mode_t m = umask(0);
		int len = snprintf(b, sizeof b, "%d %s %03o %d %d", getsid(0) == getpid(), cwd, (unsigned)m,
				   count, maxfd == p[1]);
		if (write(p[1], b, (size_t)len) < 0)
			_exit(1);
		_exit(0);
	}
	CHECK_INT(r, 1);
	close(p[1]);
	close(extra);
	n = read(p[0], got, sizeof got - 1);
	got[n > 0 ? n : 0] = '\0';
	close(p[0]);
	/* 0, 1, 2 and the kept pipe: 4 descriptors, the pipe the highest. */
	CHECK_STR(got, leader ? "1 / 022 4 1" : "0 / 022 4 1");
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_find();
	test_spawn();
	test_stat();
	test_signum();
	test_supervise();
	detach(0);
	detach(1);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	return unit_done("proc");
}
