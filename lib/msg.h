/* msg: the front end's messages, exit codes and dying allocators. The one lib/ module that
 * prints and exits, so it is for cmd/ only: other lib/ modules return errors instead.
 * Every message goes to stderr as "APPLET: message" (APPLET set by msg_init from main.c). */
#ifndef COOKBOX_MSG_H
#define COOKBOX_MSG_H

#include <stddef.h>
#include "opt.h"

/* Exit status, grep's convention. */
enum { CB_OK = 0, CB_NONE = 1, CB_ERR = 2 };

#define PRINTF(a, b) __attribute__((format(printf, a, b)))

void msg_init(const char *applet);
const char *msg_applet(void);
/* "APPLET: message" */
void msg_warn(const char *fmt, ...) PRINTF(1, 2);
/* "APPLET: message: strerror(errno)" */
void msg_warnsys(const char *fmt, ...) PRINTF(1, 2);
/* "APPLET: FILE:LINE: message" (no ":LINE" when LINE is 0) */
void msg_warnat(const char *file, unsigned long long line, const char *fmt, ...) PRINTF(3, 4);
_Noreturn void msg_die(int status, const char *fmt, ...) PRINTF(2, 3);
_Noreturn void msg_diesys(int status, const char *fmt, ...) PRINTF(2, 3);
_Noreturn void msg_nomem(void);

/* Allocation that cannot fail: on ENOMEM, "APPLET: out of memory" and exit 2. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xmemdup(const void *p, size_t n);

/* Handle what every applet's option loop does alike: OPT_HELP prints --help to stdout and
 * returns 0, OPT_VERSION prints "APPLET (cookbox) VERSION" and returns 0, OPT_ERROR prints the
 * message and a hint and returns spec->usage_status. Returns -1 for any other C. */
int msg_option(const struct optstate *st, int c);
/* A usage error: "APPLET: message", the --help hint; returns spec->usage_status. */
int msg_usage(const struct optstate *st, const char *fmt, ...) PRINTF(2, 3);

#endif
