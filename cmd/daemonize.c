/* daemonize: start, stop and supervise a program as a daemon whose pidfile is its lock
 * (double fork, setsid, LSB status codes), after the cookbook recipe and start-stop-daemon.
 * The lock protocol is lib/pidfile's, the daemon making lib/proc's, the supervisor lib/supervise's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "out.h"
#include "pidfile.h"
#include "proc.h"
#include "supervise.h"

extern char **environ;

enum { O_MAXRESTARTS = 256, O_OKNODO, O_SIGNAL, O_TIMEOUT, O_UMASK, O_WAIT };

static const struct opt opts[] = {
	{ 'C', "chdir", OPT_REQ, "DIR", "start: run in DIR (/)" },
	{ 'E', "env", OPT_REQ, "NAME=VALUE", "start: set an environment variable (repeatable)" },
	{ 'e', "stderr", OPT_REQ, "FILE", "start: append standard error to FILE (/dev/null)" },
	{ 'i', "stdin", OPT_REQ, "FILE", "start: read standard input from FILE (/dev/null)" },
	{ O_MAXRESTARTS, "max-restarts", OPT_REQ, "N", "with -r, give up after N restarts" },
	{ O_OKNODO, "oknodo", OPT_NONE, NULL, "exit 0 if already running (start) or not running (stop)" },
	{ 'o', "stdout", OPT_REQ, "FILE", "start: append standard output to FILE (/dev/null)" },
	{ 'p', NULL, OPT_REQ, "PIDFILE", "the pidfile, which is the lock; required" },
	{ 'r', "restart", OPT_NONE, NULL, "start: supervise, restarting PROGRAM when it fails" },
	{ O_SIGNAL, "signal", OPT_REQ, "SIG", "stop: the signal to send (TERM; reload: HUP)" },
	{ O_TIMEOUT, "timeout", OPT_REQ, "SECS", "stop: SIGKILL after SECS seconds (10)" },
	{ O_UMASK, "umask", OPT_REQ, "MODE", "start: the daemon's umask (022)" },
	{ 'u', "user", OPT_REQ, "USER[:GROUP]", "start: run as USER and its groups (root only)" },
	{ O_WAIT, "wait", OPT_OPTIONAL, "SECS", "once: wait for the lock (forever, or SECS seconds)" },
	{ 0 }
};

static const struct optspec spec = {
	"start -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]\n"
	"stop -p PIDFILE [--signal=SIG] [--timeout=SECS]\n"
	"status -p PIDFILE\n"
	"restart -p PIDFILE [OPTIONS] [--] PROGRAM [ARG...]\n"
	"reload -p PIDFILE [--signal=SIG]\n"
	"once -p LOCKFILE [--wait[=SECS]] [--] PROGRAM [ARG...]",
	"Start PROGRAM as a daemon that holds PIDFILE locked, stop it, report its status, have its "
	"supervisor reopen the logs (reload), or run it in the foreground under a lock, for cron.",
	opts, OPT_POSIX, CB_ERR
};

enum cmd { START, STOP, STATUS, RESTART, RELOAD, ONCE };
static const char *const subcommands[] = { "start", "stop", "status", "restart", "reload", "once", NULL };

struct args {
	enum cmd cmd;
	const char *pidfile, *in, *out, *err, *dir, *user;
	char **env;
	int nenv, restart, oknodo, sig, umask, waitset;
	long max_restarts;
	double timeout, wait;	/* wait < 0: forever */
	char **argv;		/* PROGRAM and its arguments */
	int argc;
};

static int subcommand(const char *s)
{
	for (int i = 0; subcommands[i]; i++)
		if (strcmp(s, subcommands[i]) == 0)
			return i;
	return -1;
}

/* Relative paths are the caller's, resolved before the daemon changes directory. */
static char *absolute(const char *path)
{
	char cwd[PATH_MAX];
	size_t n;
	char *p;

	if (!path || path[0] == '/')
		return path ? xstrdup(path) : NULL;
	if (!getcwd(cwd, sizeof cwd))
		msg_diesys(CB_ERR, "cannot get the current directory");
	n = strlen(cwd) + strlen(path) + 2;
	p = xmalloc(n);
	snprintf(p, n, "%s/%s", cwd, path);
	return p;
}

static int seconds(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return *s && !*end && !errno && *v >= 0 && *v <= 1e9 ? 0 : -1;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void nap(double secs)
{
	struct timespec ts = { (time_t)secs, (long)((secs - (time_t)secs) * 1e9) };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Open the pidfile for SUB, or die with why it is refused: exit status FAIL. */
static int open_pidfile(const char *path, int flags, int fail)
{
	const char *why;
	int fd = pidfile_open(path, flags, &why);

	if (fd < 0 && why)
		msg_die(fail, "%s: refusing the pidfile: it %s", path, why);
	return fd;
}

/* Open (creating) PATH and take its gate, retrying while it is being removed. */
static int gated(const char *path)
{
	for (;;) {
		int fd = open_pidfile(path, PF_CREATE, CB_ERR), r;
		if (fd < 0)
			msg_diesys(CB_ERR, "%s", path);
		if (pidfile_gate(fd) < 0)
			msg_diesys(CB_ERR, "%s: cannot lock", path);
		if ((r = pidfile_linked(fd, path)) == 1)
			return fd;
		if (r < 0)
			msg_diesys(CB_ERR, "%s", path);
		close(fd);	/* removed by the daemon that just exited: open the new one */
	}
}

struct daemon {
	pid_t holder;		/* the supervisor, which holds the lock */
	pid_t pid;		/* the program, checked to be the supervisor's child; 0 if not */
	unsigned long long start;
};

/* Who holds FD's lock, and the program's pid if the file names a child of the holder. */
static int find(int fd, const char *path, struct daemon *d)
{
	pid_t ppid;
	int zombie;

	memset(d, 0, sizeof *d);
	if ((d->holder = pidfile_holder(fd)) < 0)
		msg_diesys(CB_ERR, "%s", path);
	if (d->holder == 0)
		return 0;
	/* The supervisor writes the pid right after it takes the lock; allow it a moment. */
	for (int i = 0; i < 100; i++) {
		if ((d->pid = pidfile_read(fd)) > 0)
			break;
		nap(0.01);
	}
	if (d->pid > 0 && (proc_stat(d->pid, &ppid, &d->start, &zombie) < 0 || ppid != d->holder))
		d->pid = 0;
	return 1;
}

static int still(int fd, const struct daemon *d)
{
	pid_t h = pidfile_holder(fd);
	return h == d->holder;
}

static int signal_daemon(const struct daemon *d, int sig, int stop)
{
	union sigval v = { .sival_int = stop ? SV_STOP : 0 };

	if (sv_forwards(sig))
		return sigqueue(d->holder, sig, v);
	/* KILL, STOP and the like cannot be forwarded: mark the stop, then signal the program
	 * (none while -r waits to restart it: the stop mark alone ends the supervisor). */
	if (stop && sigqueue(d->holder, SIGCONT, v) < 0)
		return -1;
	if (!d->pid) {
		errno = ESRCH;
		return stop ? 0 : -1;
	}
	return kill(d->pid, sig);
}

static int wait_gone(int fd, const struct daemon *d, double secs)
{
	double end = now() + secs, step = 0.002;

	while (still(fd, d)) {
		if (now() >= end)
			return 0;
		nap(step);
		if (step < 0.05)
			step *= 1.5;
	}
	return 1;
}

/* stop: 0 gone, 1 not running, 2 error. */
static int do_stop(const struct args *a, int quiet)
{
	struct daemon d;
	int fd = open_pidfile(a->pidfile, 0, CB_ERR);
	pid_t ppid;
	unsigned long long start;
	int zombie;

	if (fd < 0 && errno != ENOENT)
		msg_diesys(CB_ERR, "%s", a->pidfile);
	if (fd < 0 || !find(fd, a->pidfile, &d)) {
		if (!quiet)
			msg_warn("not running");
		if (fd >= 0)
			close(fd);
		return quiet ? CB_OK : CB_NONE;
	}
	if (signal_daemon(&d, a->sig, 1) < 0)
		msg_diesys(CB_ERR, "cannot signal pid %ld", (long)(d.pid ? d.pid : d.holder));
	if (wait_gone(fd, &d, a->timeout))
		goto gone;
	/* Still there: SIGKILL the program if it is still the supervisor's child, then the
	 * supervisor itself if it does not go (its program dies with it: PR_SET_PDEATHSIG). */
	if (d.pid && proc_stat(d.pid, &ppid, &start, &zombie) == 0 && ppid == d.holder && start == d.start)
		kill(d.pid, SIGKILL);
	if (wait_gone(fd, &d, 5))
		goto gone;
	if (kill(d.holder, SIGKILL) < 0 && errno != ESRCH)
		msg_diesys(CB_ERR, "cannot kill pid %ld", (long)d.holder);
	if (!wait_gone(fd, &d, 5))
		msg_die(CB_ERR, "pid %ld is still running", (long)d.holder);
gone:
	/* The lock is free; the program, if its supervisor was killed, is going too. */
	for (int i = 0; d.pid && i < 500; i++) {
		if (proc_stat(d.pid, &ppid, &start, &zombie) < 0 || start != d.start || zombie)
			break;
		nap(0.01);
	}
	close(fd);
	return CB_OK;
}

static int do_status(const struct args *a)
{
	struct daemon d;
	const char *why;
	int fd = pidfile_open(a->pidfile, 0, &why);

	if (fd < 0) {
		if (!why && errno == ENOENT) {
			msg_warn("not running");
			return 3;
		}
		if (why)
			msg_warn("%s: refusing the pidfile: it %s", a->pidfile, why);
		else
			msg_warnsys("%s", a->pidfile);
		return 4;
	}
	if (pidfile_holder(fd) < 0) {
		msg_warnsys("%s", a->pidfile);
		return 4;
	}
	if (!find(fd, a->pidfile, &d)) {
		msg_warn("not running (stale pidfile '%s')", a->pidfile);
		return 1;
	}
	/* The program; the supervisor's pid while -r waits to start it again. */
	out_printf(out_stdout, "%ld\n", (long)(d.pid ? d.pid : d.holder));
	close(fd);
	return 0;
}

static int do_reload(const struct args *a)
{
	struct daemon d;
	int fd = open_pidfile(a->pidfile, 0, CB_ERR);

	if (fd < 0 && errno != ENOENT)
		msg_diesys(CB_ERR, "%s", a->pidfile);
	if (fd < 0 || !find(fd, a->pidfile, &d)) {
		msg_warn("not running");
		return CB_NONE;
	}
	if (signal_daemon(&d, a->sig, 0) < 0)
		msg_diesys(CB_ERR, "cannot signal pid %ld", (long)(d.pid ? d.pid : d.holder));
	close(fd);
	return CB_OK;
}

/* The program's environment: ours with the -E settings in place. */
static char **environment(const struct args *a)
{
	size_t n = 0, k;
	char **env;

	while (environ[n])
		n++;
	env = xcalloc(n + (size_t)a->nenv + 1, sizeof *env);
	memcpy(env, environ, n * sizeof *env);
	for (int i = 0; i < a->nenv; i++) {
		size_t len = strcspn(a->env[i], "=") + 1;
		for (k = 0; k < n; k++)
			if (strncmp(env[k], a->env[i], len) == 0)
				break;
		env[k] = a->env[i];
		if (k == n)
			n++;
	}
	return env;
}

static _Noreturn void cannot_run(const struct args *a, const char *fmt, ...) PRINTF(2, 3);
static _Noreturn void cannot_run(const struct args *a, const char *fmt, ...)
{
	char why[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	msg_die(CB_ERR, "cannot run '%s': %s", a->argv[0], why);
}

/* Look up USER[:GROUP] into SP: it runs as that user, with its groups. */
static void resolve_user(const struct args *a, struct proc_spec *sp)
{
	char *u = xstrdup(a->user), *g = strchr(u, ':'), *end;
	struct passwd *pw;
	struct group *gr;

	if (g)
		*g++ = '\0';
	errno = 0;
	if (!(pw = getpwnam(u))) {
		unsigned long id = strtoul(u, &end, 10);
		if (*u && !*end)
			pw = getpwuid((uid_t)id);
		if (!pw)
			cannot_run(a, "unknown user '%s'", u);
	}
	sp->user = xstrdup(pw->pw_name);
	sp->uid = pw->pw_uid;
	sp->gid = pw->pw_gid;
	if (g && *g) {
		if (!(gr = getgrnam(g))) {
			unsigned long id = strtoul(g, &end, 10);
			if (!*end)
				gr = getgrgid((gid_t)id);
			if (!gr)
				cannot_run(a, "unknown group '%s'", g);
		}
		sp->gid = gr->gr_gid;
	}
	free(u);
}

static int launch(const struct args *a, struct sv_config *c);

static int do_start(const struct args *a)
{
	struct sv_config c;
	char path[PATH_MAX];
	char **env = environment(a);
	const char *pathenv = NULL;
	int status;

	memset(&c, 0, sizeof c);
	for (char **e = env; *e; e++)
		if (strncmp(*e, "PATH=", 5) == 0)
			pathenv = *e + 5;
	if (proc_find(a->argv[0], pathenv, path, sizeof path) < 0)
		cannot_run(a, "%s", errno == ENOENT && !strchr(a->argv[0], '/') ? "not found in PATH" : strerror(errno));
	c.spec.path = absolute(path);
	c.spec.argv = a->argv;
	c.spec.envp = env;
	c.spec.dir = absolute(a->dir ? a->dir : "/");
	c.spec.umask = a->umask;
	if (a->user)
		resolve_user(a, &c.spec);
	c.name = a->argv[0];
	c.in_path = absolute(a->in);
	c.out_path = absolute(a->out);
	c.err_path = absolute(a->err);
	c.restart = a->restart;
	c.max_restarts = a->max_restarts;
	c.pidpath = absolute(a->pidfile);
	status = launch(a, &c);
	free((char *)c.spec.path);
	free((char *)c.spec.dir);
	free((char *)c.spec.user);
	free((char *)c.in_path);
	free((char *)c.out_path);
	free((char *)c.err_path);
	free((char *)c.pidpath);
	free(env);
	return status;
}

/* Start the daemon described by C: the exit status of start. */
static int launch(const struct args *a, struct sv_config *c)
{
	struct sv_report r;
	int fd, rep[2];
	ssize_t n;
	pid_t held;

	/* Starters pass one at a time through the gate; the run lock says who is running. */
	fd = gated(c->pidpath);
	if ((held = pidfile_holder(fd)) != 0) {
		struct daemon d;
		if (held < 0)
			msg_diesys(CB_ERR, "%s", a->pidfile);
		find(fd, c->pidpath, &d);
		close(fd);
		if (a->oknodo)
			return CB_OK;
		msg_warn("already running (pid %ld)", (long)(d.pid ? d.pid : d.holder));
		return CB_NONE;
	}
	if (ftruncate(fd, 0) < 0)
		msg_diesys(CB_ERR, "%s", a->pidfile);
	if (pipe2(rep, O_CLOEXEC) < 0)
		msg_diesys(CB_ERR, "pipe");
	int keep[2] = { fd, rep[1] };
	/* The supervisor leads the new session; the program, its child, is not a session leader
	 * and can never get a controlling terminal (the double fork, with the middle process kept
	 * as the supervisor, which opens everything O_NOCTTY). */
	switch (proc_detach(keep, 2, 1)) {
	case -1:
		msg_diesys(CB_ERR, "cannot fork");
	case 0:
		/* The daemon: take the run lock (free: we passed the gate) and supervise. */
		c->lockfd = fd;
		c->report = rep[1];
		if (pidfile_lock(fd, 0) < 0) {
			memset(&r, 0, sizeof r);
			snprintf(r.why, sizeof r.why, "cannot lock '%s': %s", c->pidpath, strerror(errno));
			n = write(rep[1], &r, sizeof r);
			_exit(2);
		}
		_exit(sv_run(c));
	}
	close(rep[1]);
	while ((n = read(rep[0], &r, sizeof r)) < 0 && errno == EINTR)
		;
	close(rep[0]);
	if (n == (ssize_t)sizeof r && r.ok) {
		close(fd);
		return CB_OK;
	}
	/* It failed: wait for the daemon to let go of the lock, then remove the pidfile. */
	if (n != (ssize_t)sizeof r)
		snprintf(r.why, sizeof r.why, "the supervisor died");
	while (pidfile_lock(fd, 1) < 0 && errno == EINTR)
		;
	unlink(c->pidpath);
	cannot_run(a, "%s", r.why);
}

/* SIGALRM only has to interrupt a wait for the lock. */
static void on_alarm(int sig)
{
	(void)sig;
}

/* once: hold the lock, run PROGRAM in the foreground, exit with its status. */
static int do_once(const struct args *a)
{
	struct proc_spec sp;
	struct proc_err pe;
	char path[PATH_MAX], why[1024];
	struct sigaction sa;
	sigset_t mask;
	const char *pidpath = a->pidfile;
	double end = a->wait >= 0 ? now() + a->wait : 0;
	int fd, sfd, status;
	pid_t child, w;

	memset(&sp, 0, sizeof sp);
	if (proc_find(a->argv[0], getenv("PATH"), path, sizeof path) < 0)
		cannot_run(a, "%s", errno == ENOENT && !strchr(a->argv[0], '/') ? "not found in PATH" : strerror(errno));
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;	/* no SA_RESTART: the timer interrupts the wait for the lock */
	sigaction(SIGALRM, &sa, NULL);
	for (;;) {
		fd = gated(pidpath);
		if (pidfile_lock(fd, 0) == 0)
			break;
		if (errno != EAGAIN && errno != EACCES)
			msg_diesys(CB_ERR, "%s: cannot lock", pidpath);
		pid_t holder = pidfile_holder(fd);
		pidfile_ungate(fd);
		if (!a->waitset) {
			pid_t pid = pidfile_read(fd);
			msg_warn("already running (pid %ld)", (long)(pid > 0 ? pid : holder));
			return CB_NONE;
		}
		/* Wait for the run lock itself, then make sure it is still the file's. */
		if (a->wait >= 0) {
			double left = end - now();
			struct itimerval it = { { 0, 0 }, { (time_t)left, (long)((left - (time_t)left) * 1e6) } };
			if (left <= 0 || (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)) {
				msg_warn("already running (pid %ld)", (long)holder);
				return CB_NONE;
			}
			setitimer(ITIMER_REAL, &it, NULL);
		}
		int r = pidfile_lock(fd, 1);
		struct itimerval off = { { 0, 0 }, { 0, 0 } };
		setitimer(ITIMER_REAL, &off, NULL);
		if (r < 0) {
			if (errno != EINTR)
				msg_diesys(CB_ERR, "%s: cannot lock", pidpath);
			close(fd);
			continue;	/* the deadline is checked above */
		}
		if (pidfile_gate(fd) == 0 && pidfile_linked(fd, pidpath) == 1)
			break;
		close(fd);
	}
	pidfile_ungate(fd);
	/* Forward the usual signals to the program; its exit comes as SIGCHLD on the same fd. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGQUIT);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	if ((sfd = signalfd(-1, &mask, SFD_CLOEXEC)) < 0)
		msg_diesys(CB_ERR, "signalfd");
	sp.path = path;
	sp.argv = a->argv;
	sp.fd[0] = sp.fd[1] = sp.fd[2] = -1;
	sp.umask = -1;
	sp.resetsig = 1;
	sp.pdeathsig = SIGKILL;
	out_flush(out_stdout);
	child = proc_spawn(&sp, &pe);
	if (child < 0) {
		if (pidfile_gate(fd) == 0 && pidfile_linked(fd, pidpath) == 1)
			unlink(pidpath);
		cannot_run(a, "%s", proc_strerror(&sp, &pe, why, sizeof why));
	}
	pidfile_write(fd, child);
	while ((w = waitpid(child, &status, WNOHANG)) == 0) {
		struct signalfd_siginfo si;
		if (read(sfd, &si, sizeof si) == (ssize_t)sizeof si && si.ssi_signo != SIGCHLD)
			kill(child, (int)si.ssi_signo);
	}
	if (w < 0)
		msg_diesys(CB_ERR, "wait");
	close(sfd);
	if (pidfile_gate(fd) == 0 && pidfile_linked(fd, pidpath) == 1)
		unlink(pidpath);
	return proc_exitcode(status);
}

/* Options that make sense for each subcommand. */
static int applies(enum cmd cmd, int key)
{
	switch (key) {
	case 'p':
		return 1;
	case O_OKNODO:
		return cmd == START || cmd == STOP || cmd == RESTART;
	case O_SIGNAL:
		return cmd == STOP || cmd == RESTART || cmd == RELOAD;
	case O_TIMEOUT:
		return cmd == STOP || cmd == RESTART;
	case O_WAIT:
		return cmd == ONCE;
	default:
		return cmd == START || cmd == RESTART;
	}
}

/* Parse the options after subcommand SUB into A: -1 if all is well, else the exit status. */
static int parse(struct args *a, int sub, int argc, char **argv)
{
	struct optstate st;
	char *end;
	int c;

	memset(a, 0, sizeof *a);
	a->cmd = (enum cmd)sub;
	a->umask = 022;
	a->max_restarts = -1;
	a->timeout = 10;
	a->wait = -1;
	a->sig = a->cmd == RELOAD ? SIGHUP : SIGTERM;
	a->env = xcalloc((size_t)argc, sizeof *a->env);
	opt_init(&st, &spec, argc - 1, argv + 1);
	while ((c = opt_next(&st)) != OPT_END) {
		if (c < 0)
			return msg_option(&st, c);
		if (!applies(a->cmd, c))
			return msg_usage(&st, "option '%s' does not apply to %s", st.name, argv[1]);
		switch (c) {
		case 'C': a->dir = st.arg; break;
		case 'E':
			if (!strchr(st.arg, '=') || st.arg[0] == '=')
				return msg_usage(&st, "option '%s' needs NAME=VALUE, not '%s'", st.name, st.arg);
			a->env[a->nenv++] = (char *)st.arg;
			break;
		case 'e': a->err = st.arg; break;
		case 'i': a->in = st.arg; break;
		case 'o': a->out = st.arg; break;
		case 'p': a->pidfile = st.arg; break;
		case 'r': a->restart = 1; break;
		case 'u': a->user = st.arg; break;
		case O_OKNODO: a->oknodo = 1; break;
		case O_MAXRESTARTS:
			errno = 0;
			a->max_restarts = strtol(st.arg, &end, 10);
			if (!*st.arg || *end || errno || a->max_restarts < 0)
				return msg_usage(&st, "invalid number of restarts '%s'", st.arg);
			break;
		case O_SIGNAL:
			if ((a->sig = proc_signum(st.arg)) < 0)
				return msg_usage(&st, "unknown signal '%s'", st.arg);
			break;
		case O_TIMEOUT:
			if (seconds(st.arg, &a->timeout) < 0)
				return msg_usage(&st, "invalid timeout '%s'", st.arg);
			break;
		case O_UMASK:
			errno = 0;
			a->umask = (int)strtol(st.arg, &end, 8);
			if (!*st.arg || *end || errno || a->umask < 0 || a->umask > 0777)
				return msg_usage(&st, "invalid umask '%s'", st.arg);
			break;
		case O_WAIT:
			a->waitset = 1;
			if (st.arg && seconds(st.arg, &a->wait) < 0)
				return msg_usage(&st, "invalid wait '%s'", st.arg);
			break;
		}
	}
	/* The operands were moved up in place: PROGRAM's argv needs its own NULL. */
	a->argc = st.argc;
	a->argv = xcalloc((size_t)st.argc + 1, sizeof *a->argv);
	memcpy(a->argv, st.argv, (size_t)st.argc * sizeof *a->argv);
	if (!a->pidfile)
		return msg_usage(&st, "%s needs -p PIDFILE", argv[1]);
	if (!*a->pidfile)
		return msg_usage(&st, "empty pidfile name");
	if ((a->cmd == START || a->cmd == RESTART || a->cmd == ONCE) && a->argc == 0)
		return msg_usage(&st, "%s needs a PROGRAM to run", argv[1]);
	if ((a->cmd == STOP || a->cmd == STATUS || a->cmd == RELOAD) && a->argc > 0)
		return msg_usage(&st, "unexpected argument '%s'", a->argv[0]);
	if (a->max_restarts >= 0 && !a->restart)
		return msg_usage(&st, "--max-restarts needs -r");
	return -1;
}


int daemonize_main(int argc, char **argv)
{
	struct optstate st;
	struct args a;
	int c, sub;

	/* The subcommand comes first; options after it end at PROGRAM, whose own are its own. */
	if (argc < 2 || (sub = subcommand(argv[1])) < 0) {
		/* No subcommand: --help and --version still work, anything else is a usage error. */
		opt_init(&st, &spec, argc, argv);
		while ((c = opt_next(&st)) != OPT_END)
			if (c < 0)
				return msg_option(&st, c);
		if (st.argc == 0)
			return msg_usage(&st, "missing subcommand: start, stop, status, restart, reload or once");
		if (subcommand(st.argv[0]) >= 0)
			return msg_usage(&st, "the subcommand '%s' must come before the options", st.argv[0]);
		return msg_usage(&st, "unknown subcommand '%s'", st.argv[0]);
	}
	/* Run with 0, 1 or 2 closed (from cron, say), the pidfile or a pipe would take one of
	 * those numbers and the daemon's /dev/null would replace it: fill them first. */
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDWR | O_NOCTTY) < 0)
			return CB_ERR;
	c = parse(&a, sub, argc, argv);
	if (c < 0) {
		switch (a.cmd) {
		case START: c = do_start(&a); break;
		case STOP: c = do_stop(&a, a.oknodo); break;
		case STATUS: c = do_status(&a); break;
		case RESTART: do_stop(&a, 1); c = do_start(&a); break;
		case RELOAD: c = do_reload(&a); break;
		case ONCE: c = do_once(&a); break;
		}
	}
	free(a.env);
	free(a.argv);
	return c;
}
