/* pidfile: pidfiles that are locks (see pidfile.h): POSIX fcntl record locks, because
 * F_GETLK reports the pid of the process that holds one. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pidfile.h"

enum { GATE_BYTE = 0, RUN_BYTE = 1 };

int pidfile_open(const char *path, int flags, const char **why)
{
	int oflags = O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	struct stat st;
	int fd, e;

	*why = NULL;
	oflags |= (flags & (PF_CREATE | PF_WRITE)) ? O_RDWR : O_RDONLY;
	if (flags & PF_CREATE)
		oflags |= O_CREAT;
	fd = open(path, oflags, 0644);
	if (fd < 0) {
		/* O_NOFOLLOW fails with ELOOP on a symlink; say so rather than "too many levels". */
		struct stat lst;
		e = errno;
		if (e == ELOOP && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
			*why = "is a symbolic link";
		else if (e == EISDIR)
			*why = "is not a regular file";
		errno = e;
		return -1;
	}
	if (fstat(fd, &st) < 0)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		*why = "is not a regular file";
		errno = EINVAL;
		goto fail;
	}
	if (st.st_mode & S_IWOTH) {
		*why = "is writable by others";
		errno = EPERM;
		goto fail;
	}
	if ((e = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, e & ~O_NONBLOCK) < 0)
		goto fail;
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

static int setlk(int fd, int cmd, short type, off_t start)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = 1 };
	return fcntl(fd, cmd, &fl);
}

int pidfile_gate(int fd)
{
	int r;
	while ((r = setlk(fd, F_SETLKW, F_WRLCK, GATE_BYTE)) < 0 && errno == EINTR)
		;
	return r;
}

int pidfile_ungate(int fd)
{
	return setlk(fd, F_SETLK, F_UNLCK, GATE_BYTE);
}

int pidfile_linked(int fd, const char *path)
{
	struct stat a, b;

	if (fstat(fd, &a) < 0)
		return -1;
	if (a.st_nlink == 0)
		return 0;
	if (lstat(path, &b) < 0)
		return errno == ENOENT ? 0 : -1;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

pid_t pidfile_holder(int fd)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = RUN_BYTE, .l_len = 1 };

	if (fcntl(fd, F_GETLK, &fl) < 0)
		return -1;
	if (fl.l_type == F_UNLCK)
		return 0;
	/* A lock held across a PID namespace boundary reports 0: still held, holder unknown. */
	return fl.l_pid > 0 ? fl.l_pid : INT_MAX;
}

int pidfile_lock(int fd, int wait)
{
	return setlk(fd, wait ? F_SETLKW : F_SETLK, F_WRLCK, RUN_BYTE);
}

int pidfile_unlock(int fd)
{
	return setlk(fd, F_SETLK, F_UNLCK, RUN_BYTE);
}

int pidfile_write(int fd, pid_t pid)
{
	char b[32];
	int n = snprintf(b, sizeof b, "%ld\n", (long)pid);

	if (ftruncate(fd, 0) < 0)
		return -1;
	if (pwrite(fd, b, (size_t)n, 0) != n) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

pid_t pidfile_read(int fd)
{
	char b[64];
	ssize_t n;

	while ((n = pread(fd, b, sizeof b, 0)) < 0 && errno == EINTR)
		;
	if (n < 0)
		return -1;
	return pidfile_parse(b, (size_t)n);
}

pid_t pidfile_parse(const char *s, size_t n)
{
	size_t i = 0;
	long long v = 0;
	int digits = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		v = v * 10 + (s[i] - '0');
		if (v > INT_MAX)
			return 0;
		digits++;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '\n')
		i++;
	if (!digits || i != n || v == 0)
		return 0;
	return (pid_t)v;
}
