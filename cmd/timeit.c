/* timeit: benchmark commands over repeated runs with per-run rusage, limits and robust
 * statistics; hyperfine's report and JSON, GNU time's exit statuses (125, 126, 127). Each run
 * is vfork+exec'd (lib/proc's proc_launch) into its own process group and reaped by wait4, so
 * its times and max RSS are its own; statistics come from lib/sample. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "out.h"
#include "proc.h"
#include "sample.h"
#include "words.h"

enum { O_CLEANUP = 256, O_CPULIMIT, O_EXPORTCSV, O_EXPORTJSON, O_EXPORTMD, O_INPUT,
	O_MEMLIMIT, O_MINTIME, O_ORDER, O_SETUP, O_SHOWOUTPUT };
static const struct opt opts[] = {
	{ 'c', NULL, OPT_REQ, "CMD", "benchmark the command string CMD (repeatable)" },
	{ O_CLEANUP, "cleanup", OPT_REQ, "CMD", "run CMD after each command's last run" },
	{ O_CPULIMIT, "cpu-limit", OPT_REQ, "SECS", "limit each run's CPU time (RLIMIT_CPU)" },
	{ O_EXPORTCSV, "export-csv", OPT_REQ, "FILE", "write the statistics as CSV to FILE" },
	{ O_EXPORTJSON, "export-json", OPT_REQ, "FILE", "write hyperfine-style JSON to FILE" },
	{ O_EXPORTMD, "export-markdown", OPT_REQ, "FILE", "write a Markdown table to FILE" },
	{ 'f', "format", OPT_REQ, "FMT", "text, line or json (text)" },
	{ 'i', "ignore-failure", OPT_NONE, NULL, "a failing run is not an error" },
	{ O_INPUT, "input", OPT_REQ, "FILE", "each run reads standard input from FILE" },
	{ 'M', "max-runs", OPT_REQ, "N", "at most N runs" },
	{ O_MEMLIMIT, "mem-limit", OPT_REQ, "SIZE", "limit each run's address space (K, M, G)" },
	{ 'm', "min-runs", OPT_REQ, "N", "at least N runs (10)" },
	{ O_MINTIME, "min-time", OPT_REQ, "SECS", "measure for at least SECS seconds (3)" },
	{ 'N', NULL, OPT_NONE, NULL, "split -c commands into words, without a shell" },
	{ 'n', "runs", OPT_REQ, "N", "exactly N runs" },
	{ O_ORDER, "order", OPT_REQ, "HOW", "sequential or interleave (sequential)" },
	{ 'p', "prepare", OPT_REQ, "CMD", "run CMD before every run, untimed" },
	{ 'S', NULL, OPT_REQ, "SHELL", "run -c commands with SHELL -c (sh)" },
	{ O_SETUP, "setup", OPT_REQ, "CMD", "run CMD once before each command's runs" },
	{ O_SHOWOUTPUT, "show-output", OPT_NONE, NULL, "keep the command's output (else /dev/null)" },
	{ 'T', "timeout", OPT_REQ, "SECS", "end a run that takes over SECS seconds (124)" },
	{ 'w', "warmup", OPT_REQ, "N", "N untimed runs first (0)" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] [--] PROGRAM [ARG...]\n"
	"[OPTIONS] -c CMD [-c CMD...]",
	"Run PROGRAM, or each command string CMD, many times and report the statistics of its "
	"wall, user and system time and maximum memory.",
	opts, OPT_POSIX, 125
};

enum { EX_TIMEOUT = 124, EX_OWN = 125, EX_NOEXEC = 126, EX_NOTFOUND = 127 };
enum { F_TEXT, F_LINE, F_JSON };
#define MAXCMDS 64
#define GRACE 1.0		/* seconds between TERM and KILL after a timeout */
#define SHELL_RUNS 20
#define BOOT_REPS 2000
#define BOOT_SEED 20261124u
#define OUTLIER_Z 14.8

struct runs {			/* every measured run of one command */
	double *wall, *user, *sys;
	long long *rss;		/* bytes */
	long long *faults, *csw;	/* page faults (minor + major), context switches (both) */
	int *code;		/* the exit code a shell would give: 124 timeout, 128+N signal */
	size_t n, cap;
	size_t failed;
	int lastfail;		/* wait status of the last failed run, or -1 for a timeout */
};

struct cmd {
	const char *text;	/* as the user gave it */
	char **argv;		/* exec'd: PROGRAM ARG..., SHELL -c CMD, or CMD's words */
	char *words;		/* -N: storage of argv's strings */
	char path[PATH_MAX];
	struct runs r;
	double elapsed;		/* sum of measured wall times */
};

struct cfg {	/* the options; lastdraw is the one field that changes while running */
	long runs, minruns, maxruns, warmup;
	double mintime, timeout;
	unsigned long long cpu, mem;
	int ignore, showout, format, interleave, split;
	int progress;		/* stderr is a terminal: a progress line there */
	double lastdraw;
	const char *input, *shell, *setup, *prepare, *cleanup;
	const char *expjson, *expcsv, *expmd;
	char shellpath[PATH_MAX];
	int fd[3];
};

struct run1 {
	double wall, user, sys;
	long long rss, faults, csw;
	int status;		/* wait status */
	int timedout;
	int stopsig;		/* timeit itself was told to stop by this signal */
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double tv(const struct timeval *t)
{
	return (double)t->tv_sec + (double)t->tv_usec * 1e-6;
}

/* The signals timeit waits for, blocked while it runs: a child's end, and the ones that
 * stop timeit, which it passes on to the run's process group (outside the terminal's
 * foreground group, so ^C reaches only timeit). */
static void waitset(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
}

/* Wait for PID until DEADLINE (CLOCK_MONOTONIC; 0: none): 1 once it has exited (not reaped
 * yet), 0 at the deadline, or the number of a stopping signal that came first. */
static int wait_until(pid_t pid, double deadline)
{
	sigset_t set;
	siginfo_t si;
	int s;

	waitset(&set);
	for (;;) {
		if (deadline > 0) {
			double left = deadline - now();
			if (left <= 0)
				return 0;
			struct timespec ts = { (time_t)left, (long)((left - (double)(time_t)left) * 1e9) };
			s = sigtimedwait(&set, NULL, &ts);
		} else
			s = sigwaitinfo(&set, NULL);
		if (s > 0 && s != SIGCHLD)
			return s;
		/* SIGCHLD (maybe a stale one), the deadline or EINTR: look. */
		si.si_pid = 0;
		if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid)
			return 1;
	}
}

/* One run of ARGV: -1 with *PE when it could not start. */
static int run_once(const struct cfg *c, const char *path, char **argv, struct run1 *r,
	struct proc_err *pe)
{
	struct proc_run pr = { .path = path, .argv = argv, .pgroup = 1, .cpu_limit = c->cpu,
		.mem_limit = c->mem, .emptymask = 1 };
	struct rusage ru;
	double t0, t1;
	pid_t pid;
	int w;

	memcpy(pr.fd, c->fd, sizeof pr.fd);
	if (c->input && lseek(c->fd[0], 0, SEEK_SET) < 0) {
		pe->stage = PROC_FD;
		pe->err = errno;
		return -1;
	}
	r->timedout = r->stopsig = 0;
	t0 = now();
	if ((pid = proc_launch(&pr, pe)) < 0)
		return -1;
	w = wait_until(pid, c->timeout > 0 ? t0 + c->timeout : 0);
	if (w != 1) {
		/* A timeout or a stopping signal: TERM (or that signal) to the whole group, then
		 * KILL after the grace time. The leader's zombie keeps the group's id from reuse. */
		r->timedout = w == 0;
		r->stopsig = w > 1 ? w : 0;
		kill(-pid, w > 1 ? w : SIGTERM);
		wait_until(pid, now() + GRACE);	/* a second ^C ends the wait: KILL at once */
		kill(-pid, SIGKILL);
	}
	while (wait4(pid, &r->status, 0, &ru) < 0)
		if (errno != EINTR) {
			pe->stage = PROC_FORK;
			pe->err = errno;
			return -1;
		}
	t1 = now();
	r->wall = t1 - t0;
	r->user = tv(&ru.ru_utime);
	r->sys = tv(&ru.ru_stime);
	r->rss = (long long)ru.ru_maxrss * 1024;
	r->faults = (long long)ru.ru_minflt + ru.ru_majflt;
	r->csw = (long long)ru.ru_nvcsw + ru.ru_nivcsw;
	return 0;
}

static void record(struct runs *rs, const struct run1 *r, int code)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->wall = xrealloc(rs->wall, rs->cap * sizeof *rs->wall);
		rs->user = xrealloc(rs->user, rs->cap * sizeof *rs->user);
		rs->sys = xrealloc(rs->sys, rs->cap * sizeof *rs->sys);
		rs->rss = xrealloc(rs->rss, rs->cap * sizeof *rs->rss);
		rs->faults = xrealloc(rs->faults, rs->cap * sizeof *rs->faults);
		rs->csw = xrealloc(rs->csw, rs->cap * sizeof *rs->csw);
		rs->code = xrealloc(rs->code, rs->cap * sizeof *rs->code);
	}
	rs->wall[rs->n] = r->wall;
	rs->user[rs->n] = r->user;
	rs->sys[rs->n] = r->sys;
	rs->rss[rs->n] = r->rss;
	rs->faults[rs->n] = r->faults;
	rs->csw[rs->n] = r->csw;
	rs->code[rs->n] = code;
	rs->n++;
}

/* What happened to a failed run, in words. */
static void describe(const struct run1 *r, double timeout, char *buf, size_t n)
{
	if (r->timedout)
		snprintf(buf, n, "timed out after %g s", timeout);
	else if (WIFSIGNALED(r->status)) {
		int s = WTERMSIG(r->status);
		const char *name = sigabbrev_np(s);
		snprintf(buf, n, "killed by signal %d (SIG%s: %s)", s, name ? name : "?", strsignal(s));
	} else
		snprintf(buf, n, "exited with status %d", WEXITSTATUS(r->status));
}

static int start_error(const char *what, const char *path, const struct proc_err *pe)
{
	struct proc_spec sp = { .path = path };
	char why[512];

	proc_strerror(&sp, pe, why, sizeof why);
	msg_warn("cannot run '%s': %s", what, why);
	if (pe->stage != PROC_EXEC)
		return EX_OWN;
	return pe->err == ENOENT ? EX_NOTFOUND : EX_NOEXEC;
}

/* The quote to show command TEXT in: ' unless TEXT holds one (sh -c 'exit 3'), then ". */
static int q(const char *text)
{
	return strchr(text, '\'') && !strchr(text, '"') ? '"' : '\'';
}

/* Run an untimed helper command (--setup, --prepare, --cleanup) by the shell: 0, or the
 * exit status to end with. */
static int helper(const struct cfg *c, const char *opt, const char *cmd)
{
	char *argv[] = { (char *)c->shell, "-c", (char *)cmd, NULL };
	struct cfg h = *c;
	struct run1 r;
	struct proc_err pe;
	char why[160];

	h.cpu = h.mem = 0;
	h.timeout = 0;
	if (run_once(&h, c->shellpath, argv, &r, &pe) < 0)
		return start_error(cmd, c->shellpath, &pe);
	if (r.stopsig)
		return 128 + r.stopsig;
	if (r.status == 0)
		return 0;
	describe(&r, 0, why, sizeof why);
	msg_warn("%s command %c%s%c %s", opt, q(cmd), cmd, q(cmd), why);
	return proc_exitcode(r.status);
}

/* A unit for times around T: its name and its size in seconds. */
static const char *unit(double t, double *scale)
{
	if (t >= 1) {
		*scale = 1;
		return "s";
	}
	if (t >= 1e-3) {
		*scale = 1e-3;
		return "ms";
	}
	*scale = 1e-6;
	return "µs";
}

/* Progress on stderr, between runs, at most ten times a second; cleared by unprogress. */
static void progress(struct cfg *c, const struct cmd *k)
{
	double t = now(), sc;
	char line[200];
	const char *u;
	int n;

	if (t - c->lastdraw < 0.1)
		return;
	c->lastdraw = t;
	u = unit(k->elapsed / (double)k->r.n, &sc);
	if (c->runs)
		n = snprintf(line, sizeof line, "\r%.60s: run %zu of %ld, mean %.3f %s\033[K", k->text,
			k->r.n, c->runs, k->elapsed / (double)k->r.n / sc, u);
	else
		n = snprintf(line, sizeof line, "\r%.60s: run %zu, %.1f of %g s, mean %.3f %s\033[K", k->text,
			k->r.n, k->elapsed, c->mintime, k->elapsed / (double)k->r.n / sc, u);
	if (n > 0 && write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) < 0)
		c->progress = 0;
}

static void unprogress(struct cfg *c)
{
	if (c->progress && c->lastdraw > 0 && write(2, "\r\033[K", 4) < 0)
		c->progress = 0;
	c->lastdraw = 0;
}

/* One run of K, warm-up or measured: 0, or the exit status to end with. */
static int step(struct cfg *c, struct cmd *k, int warm, size_t num)
{
	struct run1 r;
	struct proc_err pe;
	char why[160];
	int code, rc;

	if (c->prepare && (rc = helper(c, "--prepare", c->prepare)))
		return rc;
	if (run_once(c, k->path, k->argv, &r, &pe) < 0)
		return start_error(k->text, k->path, &pe);
	if (r.stopsig) {
		unprogress(c);
		msg_warn("%c%s%c: run %zu stopped: timeit got SIG%s", q(k->text), k->text, q(k->text),
			num, sigabbrev_np(r.stopsig));
		return 128 + r.stopsig;
	}
	code = r.timedout ? EX_TIMEOUT : proc_exitcode(r.status);
	if (!warm) {
		record(&k->r, &r, code);
		k->elapsed += r.wall;
		if (c->progress)
			progress(c, k);
	}
	if (code == 0)
		return 0;
	if (!warm) {
		k->r.failed++;
		k->r.lastfail = r.timedout ? -1 : r.status;
	}
	if (c->ignore)
		return 0;
	unprogress(c);
	describe(&r, c->timeout, why, sizeof why);
	msg_warn("%c%s%c: %s %zu %s", q(k->text), k->text, q(k->text), warm ? "warm-up run" : "run",
		num, why);
	return code;
}

static int more(const struct cfg *c, const struct cmd *k)
{
	long n = (long)k->r.n;

	if (c->runs)
		return n < c->runs;
	if (c->maxruns && n >= c->maxruns)
		return 0;
	return n < c->minruns || k->elapsed < c->mintime;
}

/* -N: S's words, or NULL with *BAD set. */
static char **split(const char *s, char **store, const char **bad)
{
	size_t len = strlen(s);
	char **v = xcalloc(len / 2 + 2, sizeof *v);
	long n;

	*store = xmalloc(len + 1);
	if ((n = words_split(s, *store, v, bad)) <= 0) {
		if (n == 0)
			*bad = "empty command";
		free(v);
		return NULL;
	}
	return v;
}

static int count(const char *s, long *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || n < 0)
		return -1;
	*v = n;
	return 0;
}

static int seconds(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	if (end == s || *end || errno || !(*v >= 0) || *v > 1e9 || *s == '-' || *s == ' ')
		return -1;
	return 0;
}

static int size(const char *s, unsigned long long *v)
{
	char *end;
	unsigned long long n, m = 1;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	n = strtoull(s, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case 'k': case 'K': m = 1ULL << 10; end++; break;
	case 'm': case 'M': m = 1ULL << 20; end++; break;
	case 'g': case 'G': m = 1ULL << 30; end++; break;
	case 't': case 'T': m = 1ULL << 40; end++; break;
	}
	if (*end || n == 0 || n > ULLONG_MAX / m)
		return -1;
	*v = n * m;
	return 0;
}

/* ---- output ---- */

struct stats {
	struct sample_sum wall, user, sys, rss;
	size_t outliers;
};

static void summarize(const struct runs *rs, double *scratch, struct stats *s)
{
	double *rss = scratch + rs->n;

	sample_summary(rs->wall, rs->n, scratch, &s->wall);
	sample_summary(rs->user, rs->n, scratch, &s->user);
	sample_summary(rs->sys, rs->n, scratch, &s->sys);
	for (size_t i = 0; i < rs->n; i++)
		rss[i] = (double)rs->rss[i];
	sample_summary(rss, rs->n, scratch, &s->rss);
	s->outliers = sample_outliers(rs->wall, rs->n, &s->wall, OUTLIER_Z);
}

static void mib(struct out *o, double bytes)
{
	double m = bytes / (1024.0 * 1024.0);
	out_printf(o, "%.2f MiB", m);
}

static void text_result(struct out *o, const struct cfg *c, const struct cmd *k, size_t i,
	const struct stats *s)
{
	double sc;
	const char *u = unit(s->wall.mean, &sc);
	char why[160];

	out_printf(o, "Benchmark %zu: %s\n", i + 1, k->text);
	if (!k->r.n) {
		out_puts(o, "  No measured runs.\n\n");
		return;
	}
	out_printf(o, "  Time (mean ± σ):   %8.3f %s ± %7.3f %s    [User: %.3f %s, System: %.3f %s]\n",
		s->wall.mean / sc, u, s->wall.stddev / sc, u, s->user.mean / sc, u, s->sys.mean / sc, u);
	out_printf(o, "  Median (95%% CI):   %8.3f %s [%.3f %s … %.3f %s]    MAD: %.3f %s\n",
		s->wall.median / sc, u, s->wall.lo / sc, u, s->wall.hi / sc, u, s->wall.mad / sc, u);
	out_printf(o, "  Range (min … max): %8.3f %s … %.3f %s    %zu run%s\n",
		s->wall.min / sc, u, s->wall.max / sc, u, k->r.n, k->r.n == 1 ? "" : "s");
	out_printf(o, "  Max RSS (mean ± σ): %8.2f MiB", s->rss.mean / 1048576.0);
	out_puts(o, " ± ");
	mib(o, s->rss.stddev);
	out_puts(o, "    [min ");
	mib(o, s->rss.min);
	out_puts(o, ", max ");
	mib(o, s->rss.max);
	out_puts(o, "]\n");
	if (k->r.failed) {
		struct run1 r = { .status = k->r.lastfail, .timedout = k->r.lastfail == -1 };
		describe(&r, c->timeout, why, sizeof why);
		out_printf(o, "  Failed runs: %zu of %zu (the last %s)\n", k->r.failed, k->r.n, why);
	}
	if (s->outliers)
		out_printf(o, "  Warning: %zu statistical outlier%s (modified Z-score above %.1f): the "
			"system may have been busy; the median is robust to them.\n", s->outliers,
			s->outliers == 1 ? "" : "s", OUTLIER_Z);
	if (k->r.n >= 3 && s->wall.median > 0 && k->r.wall[0] > 2 * s->wall.median)
		out_printf(o, "  Warning: the first run (%.3f %s) was over twice the median: caches "
			"being filled? Consider --warmup.\n", k->r.wall[0] / sc, u);
	out_putc(o, '\n');
}

static void json_str(struct out *o, const char *s)
{
	out_putc(o, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			out_printf(o, "\\%c", ch);
		else if (ch < 0x20)
			out_printf(o, "\\u%04x", ch);
		else
			out_putc(o, ch);
	}
	out_putc(o, '"');
}

static void json_arr(struct out *o, const char *name, const double *d, const long long *ll,
	const int *in, size_t n)
{
	out_printf(o, ",\n      \"%s\": [", name);
	for (size_t i = 0; i < n; i++) {
		if (i)
			out_puts(o, ", ");
		if (d)
			out_printf(o, "%.9g", d[i]);
		else if (ll)
			out_printf(o, "%lld", ll[i]);
		else
			out_printf(o, "%d", in[i]);
	}
	out_putc(o, ']');
}

static void json(struct out *o, const struct cmd *k, size_t nk, const struct stats *s,
	double shell)
{
	out_puts(o, "{\n  \"results\": [");
	for (size_t i = 0; i < nk; i++) {
		const struct stats *t = &s[i];
		out_puts(o, i ? ",\n    {\n      \"command\": " : "\n    {\n      \"command\": ");
		json_str(o, k[i].text);
		out_printf(o, ",\n      \"mean\": %.9g,\n      \"stddev\": %.9g,\n      \"median\": %.9g,"
			"\n      \"user\": %.9g,\n      \"system\": %.9g,\n      \"min\": %.9g,"
			"\n      \"max\": %.9g,\n      \"mad\": %.9g,\n      \"median_ci\": [%.9g, %.9g]",
			t->wall.mean, t->wall.stddev, t->wall.median, t->user.mean, t->sys.mean,
			t->wall.min, t->wall.max, t->wall.mad, t->wall.lo, t->wall.hi);
		json_arr(o, "times", k[i].r.wall, NULL, NULL, k[i].r.n);
		json_arr(o, "exit_codes", NULL, NULL, k[i].r.code, k[i].r.n);
		json_arr(o, "user_times", k[i].r.user, NULL, NULL, k[i].r.n);
		json_arr(o, "system_times", k[i].r.sys, NULL, NULL, k[i].r.n);
		json_arr(o, "max_rss", NULL, k[i].r.rss, NULL, k[i].r.n);
		json_arr(o, "page_faults", NULL, k[i].r.faults, NULL, k[i].r.n);
		json_arr(o, "context_switches", NULL, k[i].r.csw, NULL, k[i].r.n);
		out_puts(o, "\n    }");
	}
	out_puts(o, "\n  ]");
	if (shell >= 0)
		out_printf(o, ",\n  \"shell_median\": %.9g", shell);
	out_puts(o, "\n}\n");
}

static void csv_field(struct out *o, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		out_puts(o, s);
		return;
	}
	out_putc(o, '"');
	for (; *s; s++) {
		if (*s == '"')
			out_putc(o, '"');
		out_putc(o, *s);
	}
	out_putc(o, '"');
}

static void csv(struct out *o, const struct cmd *k, size_t nk, const struct stats *s)
{
	out_puts(o, "command,mean,stddev,median,user,system,min,max,mad,median_ci_low,median_ci_high,"
		"max_rss,runs,failed\n");
	for (size_t i = 0; i < nk; i++) {
		const struct stats *t = &s[i];
		csv_field(o, k[i].text);
		out_printf(o, ",%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.0f,%zu,%zu\n",
			t->wall.mean, t->wall.stddev, t->wall.median, t->user.mean, t->sys.mean,
			t->wall.min, t->wall.max, t->wall.mad, t->wall.lo, t->wall.hi, t->rss.max,
			k[i].r.n, k[i].r.failed);
	}
}

static double avg(const long long *v, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += (double)v[i];
	return n ? sum / (double)n : 0;
}

static void line(struct out *o, const struct cmd *k, size_t nk, const struct stats *s)
{
	for (size_t i = 0; i < nk; i++) {
		const struct stats *t = &s[i];
		out_printf(o, "runs=%zu failed=%zu mean=%.6f stddev=%.6f median=%.6f median_ci=%.6f,%.6f "
			"mad=%.6f min=%.6f max=%.6f user=%.6f system=%.6f max_rss=%.0f page_faults=%.0f "
			"context_switches=%.0f command=%s\n",
			k[i].r.n, k[i].r.failed, t->wall.mean, t->wall.stddev, t->wall.median, t->wall.lo,
			t->wall.hi, t->wall.mad, t->wall.min, t->wall.max, t->user.mean, t->sys.mean,
			t->rss.max, avg(k[i].r.faults, k[i].r.n), avg(k[i].r.csw, k[i].r.n), k[i].text);
	}
}

/* The ratio of K's median to the fastest F's, with its bootstrap interval; -1 if none. */
static int ratio(const struct cmd *k, const struct cmd *f, double *r, double *lo, double *hi)
{
	return sample_ratio(k->r.wall, k->r.n, f->r.wall, f->r.n, BOOT_REPS, BOOT_SEED, r, lo, hi);
}

static void markdown(struct out *o, const struct cmd *k, size_t nk, const struct stats *s,
	size_t fast)
{
	double sc, r, lo, hi;
	const char *u = unit(s[fast].wall.mean, &sc);

	out_printf(o, "| Command | Mean [%s] | Median [%s] | Min [%s] | Max [%s] | Relative |\n"
		"|:---|---:|---:|---:|---:|---:|\n", u, u, u, u);
	for (size_t i = 0; i < nk; i++) {
		out_puts(o, "| `");
		for (const char *p = k[i].text; *p; p++)
			out_puts(o, *p == '|' ? "\\|" : *p == '`' ? "'" : (char[2]){ *p, 0 });
		out_printf(o, "` | %.1f ± %.1f | %.1f | %.1f | %.1f | ", s[i].wall.mean / sc,
			s[i].wall.stddev / sc, s[i].wall.median / sc, s[i].wall.min / sc, s[i].wall.max / sc);
		if (i == fast)
			out_puts(o, "1.00 |\n");
		else if (ratio(&k[i], &k[fast], &r, &lo, &hi) == 0)
			out_printf(o, "%.2f [%.2f, %.2f] |\n", r, lo, hi);
		else
			out_puts(o, "|\n");
	}
}

static void summary(struct out *o, const struct cmd *k, size_t nk, size_t fast)
{
	double r, lo, hi;

	out_puts(o, "Summary (ratio of medians, 95% bootstrap interval)\n");
	out_printf(o, "  %c%s%c ran fastest\n", q(k[fast].text), k[fast].text, q(k[fast].text));
	for (size_t i = 0; i < nk; i++) {
		if (i == fast)
			continue;
		if (ratio(&k[i], &k[fast], &r, &lo, &hi) < 0) {
			out_printf(o, "  %c%s%c: no ratio (no runs, or a zero median)\n", q(k[i].text),
				k[i].text, q(k[i].text));
			continue;
		}
		out_printf(o, "  %.3f [%.3f … %.3f] times slower: %c%s%c%s\n", r, lo, hi, q(k[i].text),
			k[i].text, q(k[i].text),
			lo <= 1 && hi >= 1 ? " (no significant difference)" : "");
	}
}

static int export(const char *path, int kind, const struct cmd *k, size_t nk,
	const struct stats *s, size_t fast, double shell)
{
	struct out *o = xmalloc(sizeof *o);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666), rc = 0;

	if (fd < 0) {
		msg_warnsys("cannot write '%s'", path);
		free(o);
		return -1;
	}
	out_init(o, fd);
	if (kind == 'j')
		json(o, k, nk, s, shell);
	else if (kind == 'c')
		csv(o, k, nk, s);
	else
		markdown(o, k, nk, s, fast);
	if ((out_flush(o) < 0) | (close(fd) < 0)) {
		errno = o->err ? o->err : errno;
		msg_warnsys("cannot write '%s'", path);
		rc = -1;
	}
	free(o);
	return rc;
}

/* The shell's own cost: the median of SHELL -c '' (reported, never subtracted). */
static double shell_cost(const struct cfg *c, int *stop)
{
	char *argv[] = { (char *)c->shell, "-c", "", NULL };
	struct cfg h = *c;
	double w[SHELL_RUNS];
	struct run1 r = { 0 };
	struct proc_err pe;
	size_t n = 0;

	h.timeout = 0;
	for (int i = 0; i < SHELL_RUNS && !*stop; i++)
		if (run_once(&h, c->shellpath, argv, &r, &pe) == 0 && r.status == 0)
			w[n++] = r.wall;
		else if (r.stopsig)
			*stop = r.stopsig;
	return n ? sample_median(w, n) : -1;
}

static int bench(struct cfg *c, struct cmd *k, size_t nk)
{
	int rc = 0;

	if (!c->interleave) {
		for (size_t i = 0; i < nk; i++) {
			if (c->setup && (rc = helper(c, "--setup", c->setup)))
				return rc;
			for (long w = 0; w < c->warmup; w++)
				if ((rc = step(c, &k[i], 1, (size_t)w + 1)))
					return rc;
			while (more(c, &k[i]))
				if ((rc = step(c, &k[i], 0, k[i].r.n + 1)))
					return rc;
			unprogress(c);
			if (c->cleanup && (rc = helper(c, "--cleanup", c->cleanup)))
				return rc;
		}
		return 0;
	}
	if (c->setup && (rc = helper(c, "--setup", c->setup)))
		return rc;
	for (long w = 0; w < c->warmup; w++)
		for (size_t i = 0; i < nk; i++)
			if ((rc = step(c, &k[i], 1, (size_t)w + 1)))
				return rc;
	/* Rounds of one run of each command, while any of them needs more. */
	for (;;) {
		int any = 0;
		for (size_t i = 0; i < nk; i++)
			any |= more(c, &k[i]);
		if (!any)
			break;
		for (size_t i = 0; i < nk; i++)
			if ((rc = step(c, &k[i], 0, k[i].r.n + 1)))
				return rc;
	}
	unprogress(c);
	if (c->cleanup && (rc = helper(c, "--cleanup", c->cleanup)))
		return rc;
	return 0;
}

static int report(const struct cfg *c, struct cmd *k, size_t nk, double shell)
{
	struct stats *s = xcalloc(nk, sizeof *s);
	size_t most = 1, fast = 0;
	double *scratch;
	int rc = 0;

	for (size_t i = 0; i < nk; i++)
		if (k[i].r.n > most)
			most = k[i].r.n;
	scratch = xmalloc(2 * most * sizeof *scratch);
	for (size_t i = 0; i < nk; i++) {
		summarize(&k[i].r, scratch, &s[i]);
		if (k[i].r.n && (!k[fast].r.n || s[i].wall.median < s[fast].wall.median))
			fast = i;
	}
	if (c->format == F_JSON)
		json(out_stdout, k, nk, s, shell);
	else if (c->format == F_LINE)
		line(out_stdout, k, nk, s);
	else {
		if (shell >= 0) {
			double sc;
			const char *u = unit(shell, &sc);
			out_printf(out_stdout, "Shell: '%s -c \"\"' takes %.3f %s (median of %d runs); "
				"included in the times below, not subtracted.\n\n", c->shell, shell / sc, u,
				SHELL_RUNS);
		}
		for (size_t i = 0; i < nk; i++)
			text_result(out_stdout, c, &k[i], i, &s[i]);
		if (nk > 1)
			summary(out_stdout, k, nk, fast);
	}
	if (c->expjson && export(c->expjson, 'j', k, nk, s, fast, shell) < 0)
		rc = EX_OWN;
	if (c->expcsv && export(c->expcsv, 'c', k, nk, s, fast, shell) < 0)
		rc = EX_OWN;
	if (c->expmd && export(c->expmd, 'm', k, nk, s, fast, shell) < 0)
		rc = EX_OWN;
	free(scratch);
	free(s);
	return rc;
}

static int setfd(int *fd, const char *path, int flags)
{
	if ((*fd = open(path, flags | O_CLOEXEC | O_NOCTTY)) < 0)
		msg_warnsys("cannot open '%s'", path);
	return *fd;
}

int timeit_main(int argc, char **argv)
{
	struct optstate st;
	struct cfg cfg = { .minruns = 10, .mintime = 3, .shell = "sh", .fd = { -1, -1, -1 } };
	struct cfg *c = &cfg;
	struct cmd *k = NULL;
	const char *texts[MAXCMDS];
	size_t nk = 0, nt = 0;
	int ch, rc = 0, find, stop = 0;
	sigset_t chld, oldmask;
	double shell = -1;

	opt_init(&st, &spec, argc, argv);
	while ((ch = opt_next(&st)) != OPT_END) {
		const char *a = st.arg;
		int bad = 0;
		switch (ch) {
		case 'c':
			if (nt == MAXCMDS)
				return msg_usage(&st, "at most %d commands", MAXCMDS);
			texts[nt++] = a;
			break;
		case O_CLEANUP: c->cleanup = a; break;
		case O_CPULIMIT: {
			double v;
			bad = seconds(a, &v) < 0 || v < 1;
			c->cpu = (unsigned long long)(v + 0.999999);
			break;
		}
		case O_EXPORTCSV: c->expcsv = a; break;
		case O_EXPORTJSON: c->expjson = a; break;
		case O_EXPORTMD: c->expmd = a; break;
		case 'f':
			if (!strcmp(a, "text"))
				c->format = F_TEXT;
			else if (!strcmp(a, "line"))
				c->format = F_LINE;
			else if (!strcmp(a, "json"))
				c->format = F_JSON;
			else
				return msg_usage(&st, "unknown format '%s': text, line or json", a);
			break;
		case 'i': c->ignore = 1; break;
		case O_INPUT: c->input = a; break;
		case 'M': bad = count(a, &c->maxruns) < 0 || c->maxruns < 1; break;
		case O_MEMLIMIT: bad = size(a, &c->mem) < 0; break;
		case 'm': bad = count(a, &c->minruns) < 0 || c->minruns < 1; break;
		case O_MINTIME: bad = seconds(a, &c->mintime) < 0; break;
		case 'N': c->split = 1; break;
		case 'n': bad = count(a, &c->runs) < 0 || c->runs < 1; break;
		case O_ORDER:
			if (!strcmp(a, "sequential"))
				c->interleave = 0;
			else if (!strcmp(a, "interleave"))
				c->interleave = 1;
			else
				return msg_usage(&st, "unknown order '%s': sequential or interleave", a);
			break;
		case 'p': c->prepare = a; break;
		case 'S': c->shell = a; break;
		case O_SETUP: c->setup = a; break;
		case O_SHOWOUTPUT: c->showout = 1; break;
		case 'T': bad = seconds(a, &c->timeout) < 0 || c->timeout <= 0; break;
		case 'w': bad = count(a, &c->warmup) < 0; break;
		default:
			return msg_option(&st, ch);
		}
		if (bad)
			return msg_usage(&st, "invalid value '%s' for %s", a, st.name);
	}
	if (nt && st.argc)
		return msg_usage(&st, "give either -c CMD or PROGRAM, not both");
	if (!nt && !st.argc)
		return msg_usage(&st, "missing PROGRAM or -c CMD");
	if (c->split && !nt)
		return msg_usage(&st, "-N splits -c commands: give -c CMD");
	if (!c->runs && c->maxruns && c->maxruns < c->minruns) {
		if (c->minruns != 10)
			return msg_usage(&st, "--max-runs %ld is below --min-runs %ld", c->maxruns, c->minruns);
		c->minruns = c->maxruns;
	}

	/* Every program is found once, before any run: 127 and 126 as GNU time gives them. */
	find = (nt && !c->split) || c->setup || c->prepare || c->cleanup;
	if (find && proc_find(c->shell, getenv("PATH"), c->shellpath, sizeof c->shellpath) < 0) {
		msg_warnsys("cannot run '%s'", c->shell);
		return errno == ENOENT ? EX_NOTFOUND : EX_NOEXEC;
	}
	nk = nt ? nt : 1;
	k = xcalloc(nk, sizeof *k);
	for (size_t i = 0; i < nk; i++) {
		const char *bad;
		if (!nt) {
			k[i].argv = xcalloc((size_t)st.argc + 1, sizeof *k[i].argv);
			memcpy(k[i].argv, st.argv, (size_t)st.argc * sizeof *st.argv);
			/* The command as a shell would take it back, for the report. */
			size_t len = 1;
			for (int j = 0; j < st.argc; j++)
				len += 4 * strlen(st.argv[j]) + 3;
			char *o = k[i].words = xmalloc(len);
			for (int j = 0; j < st.argc; j++) {
				const char *w = st.argv[j];
				int plain = *w && !w[strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					"0123456789_./=:,+-%@")];
				if (j)
					*o++ = ' ';
				if (!plain)
					*o++ = '\'';
				for (; *w; w++) {
					if (*w == '\'' && !plain) {
						memcpy(o, "'\\''", 4);
						o += 4;
					} else
						*o++ = *w;
				}
				if (!plain)
					*o++ = '\'';
			}
			*o = '\0';
			k[i].text = k[i].words;
		} else if (c->split) {
			k[i].text = texts[i];
			if (!(k[i].argv = split(texts[i], &k[i].words, &bad))) {
				rc = msg_usage(&st, "-c '%s': %s", texts[i], bad);
				goto done;
			}
		} else {
			k[i].text = texts[i];
			k[i].argv = xcalloc(4, sizeof *k[i].argv);
			k[i].argv[0] = (char *)c->shell;
			k[i].argv[1] = "-c";
			k[i].argv[2] = (char *)texts[i];
			memcpy(k[i].path, c->shellpath, sizeof k[i].path);
			continue;
		}
		if (proc_find(k[i].argv[0], getenv("PATH"), k[i].path, sizeof k[i].path) < 0) {
			msg_warnsys("cannot run '%s'", k[i].argv[0]);
			rc = errno == ENOENT ? EX_NOTFOUND : EX_NOEXEC;
			goto done;
		}
	}
	if (setfd(&c->fd[0], c->input ? c->input : "/dev/null", O_RDONLY) < 0 ||
	    (!c->showout && setfd(&c->fd[1], "/dev/null", O_WRONLY) < 0)) {
		rc = EX_OWN;
		goto done;
	}
	if (!c->showout)
		c->fd[2] = c->fd[1];

	c->progress = isatty(2) && c->format == F_TEXT;
	waitset(&chld);
	sigprocmask(SIG_BLOCK, &chld, &oldmask);
	if (nt && !c->split)
		shell = shell_cost(c, &stop);
	rc = stop ? 128 + stop : bench(c, k, nk);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	if (rc == 0)	/* without -i, a failed run has ended the benchmark already */
		rc = report(c, k, nk, shell);
done:
	if (c->fd[0] >= 0)
		close(c->fd[0]);
	if (c->fd[1] >= 0)
		close(c->fd[1]);
	for (size_t i = 0; i < nk; i++) {
		free(k[i].r.wall);
		free(k[i].r.user);
		free(k[i].r.sys);
		free(k[i].r.rss);
		free(k[i].r.faults);
		free(k[i].r.csw);
		free(k[i].r.code);
		free(k[i].argv);
		free(k[i].words);
	}
	free(k);
	return rc;
}
