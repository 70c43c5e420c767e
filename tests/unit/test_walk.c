/* Unit tests for lib/walk: a small tree with hidden names and symbolic links, expanded as
 * Python's glob.glob(recursive=True) would (bash globstar for links under "**"). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "globset.h"
#include "unit.h"
#include "walk.h"

static void touch(const char *p)
{
	int fd = open(p, O_WRONLY | O_CREAT, 0644);
	if (fd >= 0)
		close(fd);
}

/* The expansion of PAT joined with spaces, or "ERROR". */
static const char *expand(const char *pat, int hidden, int follow, size_t *loops)
{
	static char out[1024];
	struct walk_opts o = { hidden, follow, 0 };
	struct walk_result r;

	if (walk_glob(pat, &o, &r) < 0)
		return "ERROR";
	out[0] = 0;
	for (size_t i = 0; i < r.n; i++) {
		if (i)
			strcat(out, " ");
		strncat(out, r.paths[i], sizeof out - strlen(out) - 2);
	}
	if (loops)
		*loops = r.nloops;
	walk_result_free(&r);
	return out;
}

int main(void)
{
	char tmpl[] = "/tmp/test_walk.XXXXXX", cwd[4096];
	size_t loops = 99;

	if (!mkdtemp(tmpl) || !getcwd(cwd, sizeof cwd) || chdir(tmpl) < 0) {
		CHECK(0);
		return unit_done("walk");
	}
	mkdir("src", 0755);
	mkdir("src/sub", 0755);
	mkdir(".git", 0755);
	touch("src/a.c");
	touch("src/b.h");
	touch("src/sub/c.c");
	touch("src/.d.c");
	touch(".git/x.c");
	touch("top.c");
	CHECK(symlink("src/sub", "ln") == 0);
	CHECK(symlink("..", "src/up") == 0);
	CHECK(symlink("nowhere", "dangling") == 0);

	CHECK_STR(expand("*.c", 0, 0, NULL), "top.c");
	CHECK_STR(expand("**/*.c", 0, 0, NULL), "src/a.c src/sub/c.c top.c");
	CHECK_STR(expand("**/*.c", 1, 0, NULL), ".git/x.c src/.d.c src/a.c src/sub/c.c top.c");
	CHECK_STR(expand("src/.*", 0, 0, NULL), "src/.d.c");
	CHECK_STR(expand("*/*.c", 0, 0, NULL), "ln/c.c src/a.c");
	CHECK_STR(expand("src/**", 0, 0, NULL), "src/ src/a.c src/b.h src/sub src/sub/c.c src/up");
	CHECK_STR(expand("**", 0, 0, NULL), "dangling ln src src/a.c src/b.h src/sub src/sub/c.c src/up top.c");
	CHECK_STR(expand("dangling", 0, 0, NULL), "dangling");
	CHECK_STR(expand("nothing*", 0, 0, NULL), "");
	CHECK_STR(expand("src/[ab].?", 0, 0, NULL), "src/a.c src/b.h");
	/* -L: ** enters links; src/up leads back to the top, a loop */
	CHECK_STR(expand("**/c.c", 0, 1, &loops), "ln/c.c src/sub/c.c");
	CHECK_INT(loops, 1);
	CHECK_STR(expand("**/c.c", 0, 0, &loops), "src/sub/c.c");
	CHECK_INT(loops, 0);

	unlink("dangling");
	unlink("src/up");
	unlink("ln");
	unlink("top.c");
	unlink(".git/x.c");
	unlink("src/.d.c");
	unlink("src/sub/c.c");
	unlink("src/b.h");
	unlink("src/a.c");
	rmdir("src/sub");
	rmdir(".git");
	rmdir("src");
	if (chdir(cwd) == 0)
		rmdir(tmpl);
	return unit_done("walk");
}
