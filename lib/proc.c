/* proc: spawning with exec failure reports, daemon detaching, /proc reading (see proc.h). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"

extern char **environ;

/* Every disposition to SIG_DFL. glibc's sigaction refuses its two reserved real-time
 * signals (32, 33), which a parent may have left ignored (make does) and which exec keeps
 * ignored; the system call takes them. An all-zero kernel sigaction is SIG_DFL with no flags
 * and an empty mask, whatever the architecture's layout of the structure. */
static void default_dispositions(void)
{
	unsigned long ksa[8];

	memset(ksa, 0, sizeof ksa);
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			syscall(SYS_rt_sigaction, s, ksa, NULL, (size_t)(_NSIG / 8));
}

void proc_resetsig(void)
{
	sigset_t set;

	default_dispositions();
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, NULL);
}

int proc_closefrom(int low, const int *keep, int nkeep)
{
	int k[16], n = 0;

	/* The kept descriptors in order, then close the gaps between them. */
	for (int i = 0; i < nkeep && n < 16; i++) {
		if (keep[i] < low)
			continue;
		int j = n++;
		while (j > 0 && k[j - 1] > keep[i]) {
			k[j] = k[j - 1];
			j--;
		}
		k[j] = keep[i];
	}
	for (int i = 0; i <= n; i++) {
		unsigned first = i == 0 ? (unsigned)low : (unsigned)k[i - 1] + 1;
		unsigned last = i == n ? ~0U : (unsigned)k[i] - 1;
		if (first <= last && close_range(first, last, 0) < 0) {
			/* Without close_range (old kernels), close one by one. */
			long max = sysconf(_SC_OPEN_MAX);
			if (max < 0 || max > 65536)
				max = 65536;
			for (unsigned fd = first; fd <= last && fd < (unsigned)max; fd++)
				close((int)fd);
		}
	}
	return 0;
}

static _Noreturn void child_fail(int rep, int stage)
{
	struct proc_err e = { stage, errno };
	ssize_t r = write(rep, &e, sizeof e);
	(void)r;
	_exit(127);
}

static _Noreturn void child(const struct proc_spec *sp, int rep, pid_t parent)
{
	int tmp[3];

	/* Dispositions now, the mask just before exec: nothing is handled meanwhile. */
	if (sp->resetsig)
		default_dispositions();
	/* Move the new standard descriptors out of the way first: one may be another's target. */
	for (int i = 0; i < 3; i++)
		if (sp->fd[i] >= 0 && (tmp[i] = fcntl(sp->fd[i], F_DUPFD_CLOEXEC, 3)) < 0)
			child_fail(rep, PROC_FD);
	for (int i = 0; i < 3; i++)
		if (sp->fd[i] >= 0 && dup2(tmp[i], i) < 0)
			child_fail(rep, PROC_FD);
	if (sp->dir && chdir(sp->dir) < 0)
		child_fail(rep, PROC_CHDIR);
	if (sp->umask >= 0)
		umask((mode_t)sp->umask);
	if (sp->user) {
		if (initgroups(sp->user, sp->gid) < 0)
			child_fail(rep, PROC_GROUPS);
		if (setgid(sp->gid) < 0)
			child_fail(rep, PROC_SETGID);
		if (setuid(sp->uid) < 0)
			child_fail(rep, PROC_SETUID);
	}
	if (sp->pdeathsig) {
		if (prctl(PR_SET_PDEATHSIG, sp->pdeathsig) < 0)
			child_fail(rep, PROC_PDEATHSIG);
		if (getppid() != parent)	/* the parent died before prctl */
			raise(sp->pdeathsig);
	}
	if (sp->closefds)
		proc_closefrom(3, &rep, 1);
	if (sp->resetsig) {
		sigset_t set;
		sigemptyset(&set);
		sigprocmask(SIG_SETMASK, &set, NULL);
	}
	execve(sp->path, sp->argv, sp->envp ? sp->envp : environ);
	child_fail(rep, PROC_EXEC);
}

pid_t proc_spawn(const struct proc_spec *sp, struct proc_err *err)
{
	int p[2], status;
	pid_t pid, parent = getpid();
	ssize_t n;

	err->stage = 0;
	err->err = 0;
	if (pipe2(p, O_CLOEXEC) < 0) {
		err->stage = PROC_PIPE;
		err->err = errno;
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		err->stage = PROC_FORK;
		err->err = errno;
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		child(sp, p[1], parent);
	}
	close(p[1]);
	while ((n = read(p[0], err, sizeof *err)) < 0 && errno == EINTR)
		;
	close(p[0]);
	if (n == 0)
		return pid;	/* the pipe closed on exec */
	if (n != (ssize_t)sizeof *err) {
		err->stage = PROC_EXEC;
		err->err = n < 0 ? errno : EIO;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return -1;
}

/* The vfork child: only system calls, and the result written to the parent's memory. */
static _Noreturn void launch_child(const struct proc_run *r, const sigset_t *mask,
	volatile struct proc_err *e)
{
	struct rlimit rl;

	if (r->pgroup && setpgid(0, 0) < 0)
		goto fail_pgroup;
	if (r->cpu_limit) {
		rl.rlim_cur = r->cpu_limit;
		rl.rlim_max = r->cpu_limit + 1;
		if (setrlimit(RLIMIT_CPU, &rl) < 0)
			goto fail_limit;
	}
	if (r->mem_limit) {
		rl.rlim_cur = rl.rlim_max = r->mem_limit;
		if (setrlimit(RLIMIT_AS, &rl) < 0)
			goto fail_limit;
	}
	for (int i = 0; i < 3; i++) {
		if (r->fd[i] < 0)
			continue;
		if (r->fd[i] == i ? fcntl(i, F_SETFD, 0) < 0 : dup2(r->fd[i], i) < 0) {
			e->stage = PROC_FD;
			goto fail;
		}
	}
	sigprocmask(SIG_SETMASK, mask, NULL);
	execve(r->path, r->argv, r->envp ? r->envp : environ);
	e->stage = PROC_EXEC;
	goto fail;
fail_pgroup:
	e->stage = PROC_PGROUP;
	goto fail;
fail_limit:
	e->stage = PROC_LIMIT;
fail:
	e->err = errno;
	_exit(127);
}

pid_t proc_launch(const struct proc_run *r, struct proc_err *err)
{
	sigset_t all, old, empty;
	volatile struct proc_err e = { 0, 0 };
	pid_t pid;
	int status;

	sigfillset(&all);
	sigemptyset(&empty);
	sigprocmask(SIG_SETMASK, &all, &old);
	pid = vfork();
	if (pid == 0)
		launch_child(r, r->emptymask ? &empty : &old, &e);
	if (pid < 0) {
		e.stage = PROC_FORK;
		e.err = errno;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	err->stage = e.stage;
	err->err = e.err;
	if (!err->stage)
		return pid;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	return -1;
}

/* The interpreter named on a "#!" line of PATH, into BUF; 0 if there is none. */
static int interpreter(const char *path, char *buf, size_t n)
{
	char line[256];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	ssize_t len;
	size_t i = 2, j;

	if (fd < 0)
		return 0;
	len = read(fd, line, sizeof line - 1);
	close(fd);
	if (len < 3 || line[0] != '#' || line[1] != '!')
		return 0;
	line[len] = '\0';
	while (line[i] == ' ' || line[i] == '\t')
		i++;
	j = i + strcspn(line + i, " \t\n");
	if (j == i)
		return 0;
	snprintf(buf, n, "%.*s", (int)(j - i), line + i);
	return 1;
}

const char *proc_strerror(const struct proc_spec *sp, const struct proc_err *err, char *buf, size_t n)
{
	const char *why = strerror(err->err);
	char interp[256];
	struct stat st;

	switch (err->stage) {
	case PROC_CHDIR:
		snprintf(buf, n, "cannot change directory to '%s': %s", sp->dir, why);
		break;
	case PROC_GROUPS:
	case PROC_SETGID:
	case PROC_SETUID:
		snprintf(buf, n, "cannot switch to user '%s': %s", sp->user, why);
		break;
	case PROC_LIMIT:
		snprintf(buf, n, "cannot set resource limit: %s", why);
		break;
	case PROC_EXEC:
		/* ENOENT for a file that exists is its #! interpreter's; say which. */
		if (err->err == ENOENT && stat(sp->path, &st) == 0 && interpreter(sp->path, interp, sizeof interp))
			snprintf(buf, n, "bad interpreter '%s': %s", interp, why);
		else if (err->err == EACCES && stat(sp->path, &st) == 0 && S_ISDIR(st.st_mode))
			snprintf(buf, n, "%s", strerror(EISDIR));
		else
			snprintf(buf, n, "%s", why);
		break;
	default:
		snprintf(buf, n, "%s", why);
	}
	return buf;
}

static int executable(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EACCES;
		return -1;
	}
	return access(path, X_OK);
}

int proc_find(const char *name, const char *pathenv, char *out, size_t n)
{
	int seen_eacces = 0;

	if (!*name) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(name, '/')) {
		if ((size_t)snprintf(out, n, "%s", name) >= n) {
			errno = ENAMETOOLONG;
			return -1;
		}
		return 0;	/* exec tells the truth about it */
	}
	if (!pathenv)
		pathenv = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = pathenv;; p++) {
		const char *e = strchr(p, ':');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		/* An empty entry is the current directory. */
		if ((size_t)snprintf(out, n, "%.*s%s%s", (int)len, len ? p : ".", "/", name) < n) {
			if (executable(out) == 0)
				return 0;
			if (errno == EACCES)
				seen_eacces = 1;
		}
		if (!e)
			break;
		p = e;
	}
	errno = seen_eacces ? EACCES : ENOENT;
	return -1;
}

int proc_detach(const int *keep, int nkeep, int leader)
{
	int status, fd;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid > 0) {
		if (leader)
			return 1;
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR)
				return -1;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			return 1;
		errno = WIFEXITED(status) ? WEXITSTATUS(status) : ECHILD;
		return -1;
	}
	if (setsid() < 0)
		_exit(errno);
	if (!leader) {
		pid = fork();
		if (pid < 0)
			_exit(errno);
		if (pid > 0)
			_exit(0);
	}
	if (chdir("/") < 0)
		_exit(errno);
	umask(022);
	if ((fd = open("/dev/null", O_RDWR | O_NOCTTY)) >= 0) {
		for (int i = 0; i < 3; i++)
			if (fd != i)
				dup2(fd, i);
		if (fd > 2)
			close(fd);
	}
	proc_closefrom(3, keep, nkeep);
	proc_resetsig();
	return 0;
}

int proc_stat(pid_t pid, pid_t *ppid, unsigned long long *start, int *zombie)
{
	char path[64], buf[1024], *p;
	ssize_t n;
	int fd;
	char state;
	long pp;
	unsigned long long st = 0;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0) {
		errno = n < 0 ? errno : ENOENT;
		return -1;
	}
	buf[n] = '\0';
	/* "pid (comm) state ppid ...": comm may hold anything, ')' included. */
	if (!(p = strrchr(buf, ')')) || sscanf(p + 1, " %c %ld", &state, &pp) != 2) {
		errno = EINVAL;
		return -1;
	}
	/* Field 22, starttime: 19 fields after the state. */
	p += 2;
	for (int f = 3; f < 22 && p; f++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (p)
		st = strtoull(p, NULL, 10);
	if (ppid)
		*ppid = (pid_t)pp;
	if (start)
		*start = st;
	if (zombie)
		*zombie = state == 'Z' || state == 'X';
	return 0;
}

int proc_signum(const char *s)
{
	char *end;
	long v;

	if (*s >= '0' && *s <= '9') {
		v = strtol(s, &end, 10);
		return *end || v <= 0 || v >= NSIG ? -1 : (int)v;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (int i = 1; i < NSIG; i++) {
		const char *name = sigabbrev_np(i);
		if (name && strcasecmp(name, s) == 0)
			return i;
	}
	return -1;
}

int proc_exitcode(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return 255;
}
