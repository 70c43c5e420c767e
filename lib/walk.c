/* walk: Python 3.11 glob.glob(recursive=True, include_hidden=...) over opendir/readdir, with
 * bash globstar's treatment of symbolic links under "**" and dev/inode loop detection. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "globset.h"
#include "walk.h"

struct list {
	char **v;
	size_t n, cap;
};

struct ctx {
	const struct walk_opts *o;
	struct walk_result *res;
	int err;
};

static int list_add(struct list *l, const char *s, size_t n)
{
	char *c;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	c = malloc(n + 1);
	if (!c)
		return -1;
	memcpy(c, s, n);
	c[n] = 0;
	l->v[l->n++] = c;
	return 0;
}

static void list_free(struct list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int has_magic(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	return 0;
}

/* DIR joined with NAME as os.path.join does for these relative pieces. */
static char *join(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;
	size_t dl = strlen(dir);

	buf_adds(&b, dir);
	if (dl && dir[dl - 1] != '/')
		buf_addc(&b, '/');
	buf_adds(&b, name);
	if (!b.p)
		return NULL;
	return b.p;
}

static int lexists(const char *p)
{
	struct stat st;
	return lstat(p, &st) == 0;
}

static int isdir(const char *p)
{
	struct stat st;
	return stat(*p ? p : ".", &st) == 0 && S_ISDIR(st.st_mode);
}

/* The names in DIR ("" is "."), directories only when DIRONLY (following links). */
static int listdir(struct ctx *c, const char *dir, int dironly, struct list *out)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (dironly) {
			char *p = join(dir, e->d_name);
			int ok;
			if (!p)
				goto nomem;
			ok = isdir(p);
			free(p);
			if (!ok)
				continue;
		}
		if (list_add(out, e->d_name, strlen(e->d_name)) < 0)
			goto nomem;
	}
	closedir(d);
	return 0;
nomem:
	closedir(d);
	c->err = ENOMEM;
	return -1;
}

struct anc {
	dev_t dev;
	ino_t ino;
	const struct anc *up;
};

/* Every path under DIR (relative to it), "**" style, into OUT prefixed with PRE. */
static int rlistdir(struct ctx *c, const char *dir, const char *pre, int dironly,
	const struct anc *up, struct list *out)
{
	struct list names = { 0 };
	int rc = 0;

	if (listdir(c, dir, dironly, &names) < 0)
		return -1;
	for (size_t i = 0; i < names.n && !rc; i++) {
		const char *x = names.v[i];
		char *path, *rel;
		struct stat st;
		int descend = 0;
		struct anc me;

		if (x[0] == '.' && !c->o->hidden)
			continue;
		path = join(dir, x);
		rel = join(pre, x);
		/* a directory that more components will look into: not through a link, unless -L */
		if (path && dironly && !c->o->follow && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
			free(path);
			free(rel);
			continue;
		}
		if (!path || !rel || list_add(out, rel, strlen(rel)) < 0) {
			free(path);
			free(rel);
			c->err = ENOMEM;
			return -1;
		}
		if (lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				descend = 1;
			else if (S_ISLNK(st.st_mode) && c->o->follow && stat(path, &st) == 0 &&
				S_ISDIR(st.st_mode))
				descend = 1;
		}
		if (descend) {
			const struct anc *a;
			for (a = up; a; a = a->up)
				if (a->dev == st.st_dev && a->ino == st.st_ino)
					break;
			if (a) {
				struct list l = { c->res->loops, c->res->nloops, c->res->caploops };
				if (list_add(&l, path, strlen(path)) < 0)
					c->err = ENOMEM;
				c->res->loops = l.v;
				c->res->nloops = l.n;
				c->res->caploops = l.cap;
			} else {
				me.dev = st.st_dev;
				me.ino = st.st_ino;
				me.up = up;
				rc = rlistdir(c, path, rel, dironly, &me, out);
			}
		}
		free(path);
		free(rel);
	}
	list_free(&names);
	return rc || c->err ? -1 : 0;
}

static int ancestors_root(const char *dir, struct anc *a)
{
	struct stat st;
	if (stat(*dir ? dir : ".", &st) < 0)
		return -1;
	a->dev = st.st_dev;
	a->ino = st.st_ino;
	a->up = NULL;
	return 0;
}

/* The names matching component PAT in DIR (Python's _glob1/_glob2/_glob0). */
static int glob_in_dir(struct ctx *c, const char *dir, const char *pat, int dironly,
	struct list *out)
{
	size_t n = strlen(pat);

	if (!strcmp(pat, "**")) {
		struct anc root;
		if (list_add(out, "", 0) < 0)
			goto nomem;
		return rlistdir(c, dir, "", dironly, ancestors_root(dir, &root) == 0 ? &root : NULL,
			out);
	}
	if (has_magic(pat, n)) {
		struct list names = { 0 };
		struct globset *g = globset_new(GLOB_PYTHON | (c->o->flags & (GLOB_CASEFOLD | GLOB_BRACES)));
		if (!g)
			goto nomem;
		if (globset_add(g, pat, n) < 0) {
			c->err = errno;
			globset_free(g);
			return -1;
		}
		if (listdir(c, dir, dironly, &names) < 0) {
			globset_free(g);
			return -1;
		}
		for (size_t i = 0; i < names.n; i++) {
			const char *x = names.v[i];
			long m;
			if (x[0] == '.' && pat[0] != '.' && !c->o->hidden)
				continue;
			m = globset_match(g, x, strlen(x));
			if (m == -2 || (m >= 0 && list_add(out, x, strlen(x)) < 0)) {
				list_free(&names);
				globset_free(g);
				goto nomem;
			}
		}
		list_free(&names);
		globset_free(g);
		return 0;
	}
	if (n) {
		char *p = join(dir, pat);
		int ok;
		if (!p)
			goto nomem;
		ok = lexists(p);
		free(p);
		if (ok && list_add(out, pat, n) < 0)
			goto nomem;
	} else if (isdir(dir) && list_add(out, "", 0) < 0)
		goto nomem;
	return 0;
nomem:
	c->err = ENOMEM;
	return -1;
}

/* Python's os.path.split: the head without its trailing slashes (unless all slashes). */
static void split(const char *p, char **head, const char **tail)
{
	const char *s = strrchr(p, '/');
	size_t h;

	if (!s) {
		*head = strdup("");
		*tail = p;
		return;
	}
	*tail = s + 1;
	h = (size_t)(s - p) + 1;
	while (h > 1 && p[h - 1] == '/')
		h--;
	{
		int all = 1;
		for (size_t i = 0; i < h; i++)
			all &= p[i] == '/';
		if (!all)
			while (h > 0 && p[h - 1] == '/')
				h--;
	}
	*head = strndup(p, h);
}

static int iglob(struct ctx *c, const char *pat, int dironly, struct list *out)
{
	char *dirname;
	const char *base;
	struct list dirs = { 0 };
	int rc = 0;

	if (!has_magic(pat, strlen(pat))) {
		char *d;
		const char *b;
		split(pat, &d, &b);
		if (!d)
			goto nomem;
		if ((*b ? lexists(pat) : isdir(d)) && list_add(out, pat, strlen(pat)) < 0) {
			free(d);
			goto nomem;
		}
		free(d);
		return 0;
	}
	split(pat, &dirname, &base);
	if (!dirname)
		goto nomem;
	if (!*dirname) {
		rc = glob_in_dir(c, "", base, dironly, out);
		free(dirname);
		return rc;
	}
	if (strcmp(dirname, pat) && has_magic(dirname, strlen(dirname)))
		rc = iglob(c, dirname, 1, &dirs);
	else
		rc = list_add(&dirs, dirname, strlen(dirname)) < 0 ? (c->err = ENOMEM, -1) : 0;
	for (size_t i = 0; i < dirs.n && !rc; i++) {
		struct list names = { 0 };
		rc = glob_in_dir(c, dirs.v[i], base, dironly, &names);
		for (size_t k = 0; k < names.n && !rc; k++) {
			char *p = join(dirs.v[i], names.v[k]);
			if (!p || list_add(out, p, strlen(p)) < 0) {
				c->err = ENOMEM;
				rc = -1;
			}
			free(p);
		}
		list_free(&names);
	}
	list_free(&dirs);
	free(dirname);
	return rc;
nomem:
	c->err = ENOMEM;
	return -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int walk_glob(const char *pattern, const struct walk_opts *o, struct walk_result *res)
{
	struct ctx c = { o, res, 0 };
	struct list out = { 0 };

	memset(res, 0, sizeof *res);
	if (iglob(&c, pattern, 0, &out) < 0 || c.err) {
		list_free(&out);
		walk_result_free(res);
		errno = c.err ? c.err : ENOMEM;
		return -1;
	}
	/* glob.glob drops a first empty result (the top directory) of a pattern starting "**" */
	if (!strncmp(pattern, "**", 2) && out.n && !out.v[0][0]) {
		free(out.v[0]);
		memmove(out.v, out.v + 1, (out.n - 1) * sizeof *out.v);
		out.n--;
	}
	if (out.n)
		qsort(out.v, out.n, sizeof *out.v, cmp_str);
	res->paths = out.v;
	res->n = out.n;
	res->cap = out.cap;
	return 0;
}

void walk_result_free(struct walk_result *res)
{
	for (size_t i = 0; i < res->n; i++)
		free(res->paths[i]);
	free(res->paths);
	for (size_t i = 0; i < res->nloops; i++)
		free(res->loops[i]);
	free(res->loops);
	memset(res, 0, sizeof *res);
}
