/* cookbox: the multicall dispatcher. Runs the applet named by argv[0]'s basename, or by the
 * first argument when called as cookbox; --list, --help, --version and --install as busybox. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "out.h"

#define APPLET(name, summary) int name##_main(int argc, char **argv);
#include "applets.h"
#undef APPLET

/* A name registered twice is a duplicate enumerator: a compile error. */
#define APPLET(name, summary) APPLET_##name,
enum { 
#include "applets.h"
	NAPPLETS
};
#undef APPLET

static const struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *summary;
} applets[] = {
#define APPLET(name, summary) { #name, name##_main, summary },
#include "applets.h"
#undef APPLET
};

/* Found in any cookbox binary, so that --install recognises an older copy it may replace. */
__attribute__((used)) static const char marker[] = "\n@(#)cookbox multicall binary\n";

static const struct applet *find(const char *name)
{
	for (int i = 0; i < NAPPLETS; i++)
		if (strcmp(applets[i].name, name) == 0)
			return &applets[i];
	return NULL;
}

static int run(const struct applet *a, int argc, char **argv)
{
	msg_init(a->name);
	int status = a->main(argc, argv);
	if (out_flush(out_stdout) < 0 || (close(1) < 0 && errno != EBADF && (out_stdout->err = errno))) {
		/* A closed pipe is the reader's choice (| head): fail, but quietly. */
		if (out_stdout->err != EPIPE)
			msg_warn("write error: %s", strerror(out_stdout->err));
		return CB_ERR;
	}
	return status;
}

static void usage(FILE *fp)
{
	fprintf(fp, "Usage: cookbox APPLET [ARGS...]\n"
		"       APPLET [ARGS...]            (through a link named after the applet)\n"
		"       cookbox --list | --help | --version | --install [-s] DIR\n\n"
		"Fast, dependable Unix tools from well-known Python recipes, in one binary.\n\n"
		"Applets:\n");
	for (int i = 0; i < NAPPLETS; i++)
		fprintf(fp, "  %-12s %s\n", applets[i].name, applets[i].summary);
	fprintf(fp, "\nRun 'cookbox APPLET --help' for an applet's options; see cookbox(1).\n");
}

/* Does PATH lead to a cookbox binary: this one, a link's target named cookbox, or a file
 * holding the marker (an older copy that a hard link still points at)? */
static int is_cookbox(const char *path, const struct stat *self)
{
	struct stat st;
	char target[PATH_MAX];
	ssize_t n;

	if (stat(path, &st) == 0 && st.st_dev == self->st_dev && st.st_ino == self->st_ino)
		return 1;
	if ((n = readlink(path, target, sizeof target - 1)) > 0) {
		target[n] = '\0';
		const char *base = strrchr(target, '/');
		return strcmp(base ? base + 1 : target, "cookbox") == 0;
	}
	if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	static char buf[1 << 16];
	size_t keep = 0, mlen = sizeof marker - 1;
	int found = 0;
	while (!found && (n = read(fd, buf + keep, sizeof buf - keep)) > 0) {
		size_t have = keep + (size_t)n;
		found = memmem(buf, have, marker, mlen) != NULL;
		keep = have < mlen ? have : mlen - 1;
		memmove(buf, buf + have - keep, keep);
	}
	close(fd);
	return found;
}

static int install(int argc, char **argv)
{
	int sym = 0, status = CB_OK;
	char self[PATH_MAX], path[PATH_MAX], tmp[PATH_MAX];
	struct stat selfst, st;

	if (argc > 0 && strcmp(argv[0], "-s") == 0) {
		sym = 1;
		argc--, argv++;
	}
	if (argc != 1) {
		msg_warn("usage: cookbox --install [-s] DIR");
		return CB_ERR;
	}
	const char *dir = argv[0];
	if (!realpath("/proc/self/exe", self) || stat(self, &selfst) < 0) {
		msg_warnsys("cannot find the running binary");
		return CB_ERR;
	}
	if (stat(dir, &st) < 0) {
		msg_warnsys("%s", dir);
		return CB_ERR;
	}
	if (!S_ISDIR(st.st_mode)) {
		msg_warn("%s: not a directory", dir);
		return CB_ERR;
	}
	for (int i = 0; i < NAPPLETS; i++) {
		const char *name = applets[i].name;
		snprintf(path, sizeof path, "%s/%s", dir, name);
		snprintf(tmp, sizeof tmp, "%s/.%s.cookbox-install", dir, name);
		if (lstat(path, &st) == 0 && !is_cookbox(path, &selfst)) {
			msg_warn("%s exists and is not cookbox: left alone", path);
			status = CB_ERR;
			continue;
		}
		unlink(tmp);
		/* A link made beside the old one and renamed over it: never a moment without one. */
		if ((sym ? symlink(self, tmp) : link(self, tmp)) < 0 || rename(tmp, path) < 0) {
			msg_warnsys("cannot link %s", path);
			if (!sym && errno == EXDEV)
				msg_warn("%s is on another file system than %s: use --install -s", dir, self);
			unlink(tmp);
			status = CB_ERR;
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	const struct applet *a;

	base = base ? base + 1 : argv[0];
	if ((a = find(base)))
		return run(a, argc, argv);
	if (strcmp(base, "cookbox") != 0) {
		msg_warn("applet not found: %s", base);
		return 127;
	}
	if (argc < 2) {
		usage(stderr);
		return CB_ERR;
	}
	const char *arg = argv[1];
	if ((a = find(arg)))
		return run(a, argc - 1, argv + 1);
	if (strcmp(arg, "--list") == 0) {
		for (int i = 0; i < NAPPLETS; i++)
			out_printf(out_stdout, "%s\n", applets[i].name);
	} else if (strcmp(arg, "--help") == 0) {
		usage(stdout);
	} else if (strcmp(arg, "--version") == 0) {
		out_printf(out_stdout, "cookbox %s\n", COOKBOX_VERSION);
	} else if (strcmp(arg, "--install") == 0) {
		return install(argc - 2, argv + 2);
	} else if (arg[0] == '-') {
		msg_warn("unknown option '%s'", arg);
		fprintf(stderr, "Try 'cookbox --help' for more information.\n");
		return CB_ERR;
	} else {
		msg_warn("applet not found: %s", arg);
		return 127;
	}
	if (fflush(stdout) != 0 || out_flush(out_stdout) < 0) {
		if (errno != EPIPE)
			msg_warnsys("write error");
		return CB_ERR;
	}
	return CB_OK;
}
