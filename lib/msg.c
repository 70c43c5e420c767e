/* msg: "APPLET: message" on stderr, exit codes, allocators that die (see msg.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "out.h"

static const char *applet = "cookbox";

void msg_init(const char *name)
{
	applet = name;
}

const char *msg_applet(void)
{
	return applet;
}

/* One fprintf per message so concurrent writers (threads, processes) do not interleave. */
static void vmsg(const char *where, unsigned long long line, int errnum, const char *fmt, va_list ap)
{
	char text[2048], loc[1024] = "";

	vsnprintf(text, sizeof text, fmt, ap);
	if (where && line)
		snprintf(loc, sizeof loc, "%s:%llu: ", where, line);
	else if (where)
		snprintf(loc, sizeof loc, "%s: ", where);
	fflush(stdout);
	if (errnum)
		fprintf(stderr, "%s: %s%s: %s\n", applet, loc, text, strerror(errnum));
	else
		fprintf(stderr, "%s: %s%s\n", applet, loc, text);
}

void msg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void msg_warnsys(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, e, fmt, ap);
	va_end(ap);
}

void msg_warnat(const char *file, unsigned long long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(file, line, 0, fmt, ap);
	va_end(ap);
}

/* Dying still delivers what the applet already wrote to standard output. */
static _Noreturn void finish(int status)
{
	out_flush(out_stdout);
	exit(status);
}

void msg_die(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, 0, fmt, ap);
	va_end(ap);
	finish(status);
}

void msg_diesys(int status, const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, e, fmt, ap);
	va_end(ap);
	finish(status);
}

void msg_nomem(void)
{
	msg_die(CB_ERR, "out of memory");
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		msg_nomem();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		msg_nomem();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		msg_nomem();
	return p;
}

char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *xmemdup(const void *p, size_t n)
{
	char *s = xmalloc(n + 1);
	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

static int hint(const struct optstate *st)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", applet);
	return st->spec->usage_status ? st->spec->usage_status : CB_ERR;
}

int msg_option(const struct optstate *st, int c)
{
	switch (c) {
	case OPT_HELP: {
		/* Help goes through out_stdout so that a failed write is reported like any other. */
		char *text = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&text, &len);
		if (!fp)
			msg_nomem();
		opt_help(fp, applet, st->spec);
		if (fclose(fp) != 0)
			msg_nomem();
		out_write(out_stdout, text, len);
		free(text);
		return CB_OK;
	}
	case OPT_VERSION:
		out_printf(out_stdout, "%s (cookbox) %s\n", applet, COOKBOX_VERSION);
		return CB_OK;
	case OPT_ERROR:
		msg_warn("%s", st->err);
		return hint(st);
	}
	return -1;
}

int msg_usage(const struct optstate *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, 0, 0, fmt, ap);
	va_end(ap);
	return hint(st);
}
