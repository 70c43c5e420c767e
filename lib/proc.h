/* proc: run programs the careful way: find them in PATH, spawn them with their descriptors,
 * directory, umask, user and signals set up, and learn from a close-on-exec pipe whether the
 * exec (or a step before it) failed; detach a process as a daemon (double fork, setsid); read
 * a process's parent and start time from /proc; signal names. Nothing here prints or exits,
 * except a forked child, which exits 127 after reporting its failure. No returned memory. */
#ifndef COOKBOX_PROC_H
#define COOKBOX_PROC_H

#include <stddef.h>
#include <sys/types.h>

struct proc_spec {
	const char *path;	/* the file to execute: a path, not searched in PATH */
	char *const *argv;
	char *const *envp;	/* NULL: the caller's environ */
	int fd[3];		/* descriptors that become 0, 1 and 2; -1 leaves that one as it is */
	const char *dir;	/* change to this directory, or NULL */
	int umask;		/* the new umask, or -1 */
	const char *user;	/* non-NULL: switch to UID and GID with USER's supplementary groups */
	uid_t uid;
	gid_t gid;
	int closefds;		/* close every descriptor above 2 */
	int resetsig;		/* default signal dispositions and an empty signal mask */
	int pdeathsig;		/* the signal to get when the parent dies (after the user switch), or 0 */
};

/* The step that failed; err is its errno. */
enum proc_stage { PROC_FORK = 1, PROC_PIPE, PROC_FD, PROC_CHDIR, PROC_GROUPS, PROC_SETGID,
	PROC_SETUID, PROC_PDEATHSIG, PROC_EXEC, PROC_PGROUP, PROC_LIMIT };

struct proc_err {
	int stage;
	int err;
};

/* Fork and exec SP. Returns the child's pid once it has exec'd, or -1 with *ERR set (the
 * child, if any, has been reaped). Descriptors of the caller stay open in the child unless
 * close-on-exec or SP->closefds. */
pid_t proc_spawn(const struct proc_spec *sp, struct proc_err *err);
/* A lighter spawn for measuring: vfork semantics (the caller is suspended until the child
 * execs; no pipe, no page-table copy), so the child's exec failure comes back through
 * memory. For timeit, which starts the same program thousands of times. */
struct proc_run {
	const char *path;	/* the file to execute, not searched in PATH */
	char *const *argv;
	char *const *envp;	/* NULL: the caller's environ */
	int fd[3];		/* descriptors that become 0, 1, 2 (each above 2 or equal to its
				 * target); -1 leaves that one as it is */
	int pgroup;		/* put the child in a new process group of its own */
	unsigned long long cpu_limit;	/* RLIMIT_CPU soft limit in seconds (hard one second
					 * above it, so SIGXCPU comes first), or 0 */
	unsigned long long mem_limit;	/* RLIMIT_AS in bytes, or 0 */
	int emptymask;		/* the child starts with an empty signal mask (else the caller's) */
};

/* Start R. Returns the child's pid once it has exec'd, or -1 with *ERR set (the child, if
 * any, has been reaped). Signal handlers of the caller are not reset in the child: the caller
 * must have none that could run between vfork and exec (all signals are blocked meanwhile). */
pid_t proc_launch(const struct proc_run *r, struct proc_err *err);
/* Why ERR happened, in words, into BUF of N bytes: "No such file or directory",
 * "bad interpreter '/bin/nope': No such file or directory", "cannot change directory to 'D':
 * ...". Returns BUF. */
const char *proc_strerror(const struct proc_spec *sp, const struct proc_err *err, char *buf, size_t n);
/* Find NAME as execvp does: a name with a '/' is taken as it is; else each directory of
 * PATHENV (NULL: "/usr/local/bin:/usr/bin:/bin") is tried. Copies the path to OUT (N bytes):
 * 0, or -1 with errno (ENOENT: found nowhere; EACCES: found but not executable). */
int proc_find(const char *name, const char *pathenv, char *out, size_t n);
/* Detach as a daemon: fork, setsid, fork again (so the daemon is no session leader and can
 * never get a controlling terminal), chdir /, umask 022, standard descriptors on /dev/null,
 * every other descriptor closed except the NKEEP in KEEP, signals reset. Returns 0 in the
 * daemon, 1 in the caller once the intermediate process has exited, -1 with errno.
 * LEADER: fork once only; the detached process is the session leader (it must open nothing
 * without O_NOCTTY) and its children are the ones that can never get a terminal; the caller
 * gets 1 at once. */
int proc_detach(const int *keep, int nkeep, int leader);
/* Close every descriptor >= LOW except the NKEEP in KEEP: 0 or -1 with errno. */
int proc_closefrom(int low, const int *keep, int nkeep);
/* Default dispositions for every signal and an empty signal mask. */
void proc_resetsig(void);
/* Parent pid and start time (clock ticks since boot) of PID from /proc: 0, or -1 with errno
 * (ENOENT once the process is gone). A zombie is reported with *ZOMBIE set. */
int proc_stat(pid_t pid, pid_t *ppid, unsigned long long *start, int *zombie);
/* Signal number of "TERM", "SIGTERM", "term" or "15"; -1 if none. */
int proc_signum(const char *s);
/* The exit status a shell would report for a wait status: the code, or 128 + the signal. */
int proc_exitcode(int wstatus);

#endif
