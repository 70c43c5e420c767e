/* supervise: the small process that holds a daemon's pidfile lock, runs its program, waits
 * for it and forwards signals to it; with restart set, starts it again after an abnormal exit
 * (backoff 1 s doubling to 60 s, reset after 60 s of good running) and carries its output to
 * log files that it reopens on SIGHUP. The caller owns the config; sv_run never returns
 * memory. Supervision events go to the error log as "daemonize: ..." lines. */
#ifndef COOKBOX_SUPERVISE_H
#define COOKBOX_SUPERVISE_H

#include <sys/types.h>

#include "proc.h"

/* The sigqueue(3) value that marks a signal as a stop request: no restart after it. */
enum { SV_STOP = 0x73746f70 };

struct sv_config {
	struct proc_spec spec;	/* the program; fd[] is filled in by sv_run */
	const char *name;	/* the program as the user named it, for messages */
	const char *in_path, *out_path, *err_path;	/* NULL: /dev/null */
	int restart;		/* supervise: restart after an abnormal exit */
	long max_restarts;	/* give up after this many restarts; -1: never */
	int lockfd;		/* the pidfile, its run lock held by this process */
	const char *pidpath;	/* absolute path of the pidfile, removed at the end */
	int report;		/* where the first start's outcome is written, or -1 */
};

/* What the first start did, as written to config->report. */
struct sv_report {
	int ok;
	pid_t pid;		/* the program's pid when ok */
	char why[1024];		/* "REASON" for "cannot run 'PROG': REASON" otherwise */
};

/* 1 if the supervisor passes signal SIG on to the program (HUP, INT, QUIT, TERM, USR1, USR2,
 * ALRM, WINCH, CONT, TSTP, TTIN, TTOU, URG), 0 if it must be sent to the program directly. */
int sv_forwards(int sig);
/* The delay in seconds before the next restart, after the previous one of PREV seconds (0:
 * none yet) and a run of RAN seconds: 1, doubling to 60, back to 1 after 60 s of running. */
int sv_backoff(int prev, double ran);
/* Open FILE for appending, created 0640 whatever the umask: the descriptor (close-on-exec)
 * or -1 with errno. */
int sv_openlog(const char *path);
/* Run the supervisor until the program is done (and will not be restarted). Removes the
 * pidfile under its gate. Returns the program's last exit code (shell-style), or 2 if it
 * could not be started at all. */
int sv_run(struct sv_config *c);

#endif
