/* supervise: the lock-holding supervisor of a daemon (see supervise.h). One poll loop over a
 * signalfd and the output pipes; the backoff timer is the poll timeout. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pidfile.h"
#include "supervise.h"

static const int forwarded[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM,
	SIGWINCH, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG };

enum { BACKOFF_MAX = 60, GOOD_RUN = 60 };

int sv_forwards(int sig)
{
	for (size_t i = 0; i < sizeof forwarded / sizeof *forwarded; i++)
		if (forwarded[i] == sig)
			return 1;
	return 0;
}

int sv_backoff(int prev, double ran)
{
	if (prev <= 0 || ran >= GOOD_RUN)
		return 1;
	return prev * 2 > BACKOFF_MAX ? BACKOFF_MAX : prev * 2;
}

int sv_openlog(const char *path)
{
	int fl = O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC | O_NONBLOCK, fd, e;

	for (int tries = 0; tries < 10; tries++) {
		fd = open(path, fl | O_CREAT | O_EXCL, 0640);
		if (fd >= 0) {
			if (fchmod(fd, 0640) < 0)
				goto fail;
			break;
		}
		if (errno != EEXIST)
			return -1;
		fd = open(path, fl);
		if (fd >= 0 || errno != ENOENT)
			break;
	}
	if (fd < 0)
		return -1;
	/* O_NONBLOCK only so that a FIFO without a reader fails (ENXIO) instead of hanging. */
	if ((e = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, e & ~O_NONBLOCK) < 0)
		goto fail;
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void writeall(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;		/* a full disk loses output rather than stopping the daemon */
		p += w;
		n -= (size_t)w;
	}
}

struct log {
	const char *path;
	int fd;			/* the open file (or /dev/null) */
	int rd, wr;		/* the pipe from the program in restart mode, or -1 */
};

struct sv {
	struct sv_config *c;
	struct log out, err;
	int same;		/* stdout and stderr go to one file (and one pipe) */
	int in;
};

static void note(struct sv *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct sv *s, const char *fmt, ...)
{
	char b[1200];
	va_list ap;
	int n = snprintf(b, sizeof b, "daemonize: ");

	va_start(ap, fmt);
	n += vsnprintf(b + n, sizeof b - (size_t)n, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof b - 2)
		n = (int)sizeof b - 2;
	b[n++] = '\n';
	writeall(s->err.fd, b, (size_t)n);
}

static int openlog_or_null(struct log *l)
{
	l->rd = l->wr = -1;
	l->fd = l->path ? sv_openlog(l->path) : open("/dev/null", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	return l->fd;
}

static void reopen(struct sv *s)
{
	struct log *ls[2] = { &s->out, &s->err };

	for (int i = 0; i < (s->same ? 1 : 2); i++) {
		if (!ls[i]->path)
			continue;
		int fd = sv_openlog(ls[i]->path);
		if (fd < 0) {
			note(s, "cannot reopen '%s': %s", ls[i]->path, strerror(errno));
			continue;
		}
		dup3(fd, ls[i]->fd, O_CLOEXEC);
		close(fd);
	}
	if (s->same)
		s->err.fd = s->out.fd;
}

static void pump(struct log *l, int dst)
{
	char b[65536];
	ssize_t n;

	while ((n = read(l->rd, b, sizeof b)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			writeall(dst, b, (size_t)n);
}

static pid_t spawn(struct sv *s, struct proc_err *pe)
{
	struct sv_config *c = s->c;

	c->spec.fd[0] = s->in;
	c->spec.fd[1] = s->out.wr >= 0 ? s->out.wr : s->out.fd;
	c->spec.fd[2] = s->err.wr >= 0 ? s->err.wr : s->err.fd;
	return proc_spawn(&c->spec, pe);
}

static void report(struct sv_config *c, int ok, pid_t pid, const char *why)
{
	struct sv_report r;

	if (c->report < 0)
		return;
	memset(&r, 0, sizeof r);
	r.ok = ok;
	r.pid = pid;
	snprintf(r.why, sizeof r.why, "%s", why ? why : "");
	writeall(c->report, (const char *)&r, sizeof r);
	close(c->report);
	c->report = -1;
}

static void finish(struct sv_config *c)
{
	/* Remove the pidfile under the gate, so that no starter takes over a file being removed. */
	if (pidfile_gate(c->lockfd) == 0 && pidfile_linked(c->lockfd, c->pidpath) == 1)
		unlink(c->pidpath);
}

static int setup_logs(struct sv *s, char *why, size_t n)
{
	struct sv_config *c = s->c;
	struct stat a, b;

	s->out.path = c->out_path;
	s->err.path = c->err_path;
	s->in = open(c->in_path ? c->in_path : "/dev/null", O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (s->in < 0) {
		snprintf(why, n, "cannot open '%s': %s", c->in_path, strerror(errno));
		return -1;
	}
	if (openlog_or_null(&s->out) < 0) {
		snprintf(why, n, "cannot open '%s': %s", c->out_path, strerror(errno));
		return -1;
	}
	if (openlog_or_null(&s->err) < 0) {
		snprintf(why, n, "cannot open '%s': %s", c->err_path, strerror(errno));
		return -1;
	}
	if (c->out_path && c->err_path && fstat(s->out.fd, &a) == 0 && fstat(s->err.fd, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		close(s->err.fd);
		s->err.fd = s->out.fd;
		s->same = 1;
	}
	if (c->restart) {
		struct log *ls[2] = { &s->out, &s->err };
		for (int i = 0; i < (s->same ? 1 : 2); i++) {
			int p[2];
			if (!ls[i]->path)
				continue;
			if (pipe2(p, O_CLOEXEC) < 0) {
				snprintf(why, n, "%s", strerror(errno));
				return -1;
			}
			fcntl(p[0], F_SETFL, O_NONBLOCK);
			ls[i]->rd = p[0];
			ls[i]->wr = p[1];
		}
		if (s->same) {
			s->err.rd = -1;
			s->err.wr = s->out.wr;
		}
	}
	return 0;
}

int sv_run(struct sv_config *c)
{
	struct sv s = { .c = c };
	struct proc_err pe;
	char why[1024];
	sigset_t mask;
	pid_t child;
	int sfd, stopping = 0, code = 0;
	long restarts = 0;
	double started, next = 0;
	int delay = 0;

	sigemptyset(&mask);
	sigaddset(&mask, SIGCHLD);
	for (size_t i = 0; i < sizeof forwarded / sizeof *forwarded; i++)
		sigaddset(&mask, forwarded[i]);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	signal(SIGPIPE, SIG_IGN);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
	c->spec.resetsig = 1;
	c->spec.closefds = 1;
	c->spec.pdeathsig = SIGKILL;	/* never orphaned, even if the supervisor is killed */
	if (sfd < 0) {
		report(c, 0, 0, strerror(errno));
		return 2;
	}
	if (setup_logs(&s, why, sizeof why) < 0) {
		report(c, 0, 0, why);
		return 2;
	}
	child = spawn(&s, &pe);
	if (child < 0) {
		report(c, 0, 0, proc_strerror(&c->spec, &pe, why, sizeof why));
		return 2;
	}
	started = now();
	pidfile_write(c->lockfd, child);
	report(c, 1, child, NULL);

	while (child > 0 || next > 0) {
		struct pollfd pf[3] = { { sfd, POLLIN, 0 }, { s.out.rd, POLLIN, 0 }, { s.err.rd, POLLIN, 0 } };
		int timeout = -1;

		if (next > 0) {
			double left = next - now();
			timeout = left <= 0 ? 0 : (int)(left * 1000) + 1;
		}
		if (poll(pf, 3, timeout) < 0 && errno != EINTR)
			break;
		if (s.out.rd >= 0 && (pf[1].revents & POLLIN))
			pump(&s.out, s.out.fd);
		if (s.err.rd >= 0 && (pf[2].revents & POLLIN))
			pump(&s.err, s.err.fd);

		struct signalfd_siginfo si;
		while (read(sfd, &si, sizeof si) == (ssize_t)sizeof si) {
			int sig = (int)si.ssi_signo;
			if (sig != SIGCHLD) {
				if ((si.ssi_code == SI_QUEUE && si.ssi_int == SV_STOP) ||
				    sig == SIGTERM || sig == SIGINT || sig == SIGQUIT)
					stopping = 1;
				/* Without -r the program holds its logs itself: nothing to reopen here. */
				if (sig == SIGHUP && c->restart)
					reopen(&s);
				if (child > 0)
					kill(child, sig);
				else if (stopping)
					next = 0;	/* in backoff: stop now */
				continue;
			}
			int st;
			pid_t w;
			while ((w = waitpid(-1, &st, WNOHANG)) > 0) {
				if (w != child)
					continue;
				child = 0;
				code = proc_exitcode(st);
				if (s.out.rd >= 0)
					pump(&s.out, s.out.fd);
				if (s.err.rd >= 0)
					pump(&s.err, s.err.fd);
				if (!c->restart || stopping || (WIFEXITED(st) && WEXITSTATUS(st) == 0))
					break;
				if (c->max_restarts >= 0 && restarts >= c->max_restarts) {
					note(&s, "'%s' exited with status %d; giving up after %ld restarts",
					     c->name, code, restarts);
					break;
				}
				delay = sv_backoff(delay, now() - started);
				next = now() + delay;
				note(&s, "'%s' exited with status %d; restarting in %d s", c->name, code, delay);
			}
		}
		if (next > 0 && child == 0 && now() >= next) {
			next = 0;
			restarts++;
			child = spawn(&s, &pe);
			started = now();
			if (child > 0) {
				pidfile_write(c->lockfd, child);
				continue;
			}
			/* Counted as an exit 127, like a shell's: back off and try again. */
			note(&s, "cannot run '%s': %s", c->name, proc_strerror(&c->spec, &pe, why, sizeof why));
			code = 127;
			child = 0;
			if (c->max_restarts >= 0 && restarts >= c->max_restarts) {
				note(&s, "giving up after %ld restarts", restarts);
				break;
			}
			delay = sv_backoff(delay, 0);
			next = now() + delay;
		}
	}
	finish(c);
	return code;
}
