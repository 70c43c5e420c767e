/* findrobots: the client hosts that requested /robots.txt, from Apache/nginx common and
 * combined access logs (plain, gzip, bzip2), in parallel; a fast, robust form of the
 * cookbook's findrobots recipe, with a --details/--merge pair for map-reduce over machines. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <pthread.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clf.h"
#include "globset.h"
#include "hostset.h"
#include "inet.h"
#include "io.h"
#include "msg.h"
#include "out.h"
#include "urlpath.h"

enum { O_DETAILS = 256, O_EXCLUDE, O_FORMAT, O_INCLUDE, O_MATCH, O_MERGE, O_METHOD, O_PATH };

static const struct opt opts[] = {
	{ 'c', "count", OPT_NONE, NULL, "print COUNT HOST lines" },
	{ O_DETAILS, "details", OPT_NONE, NULL, "print host, count, first and last time, tab-separated" },
	{ 'E', "regex", OPT_REQ, "RE", "match the normalized path with the PCRE2 RE" },
	{ O_EXCLUDE, "exclude", OPT_REQ, "GLOB", "in directories, skip files named GLOB (repeatable)" },
	{ O_FORMAT, "format", OPT_REQ, "FMT", "text, csv or json (text)" },
	{ O_INCLUDE, "include", OPT_REQ, "GLOB", "in directories, read files named GLOB (*.log*)" },
	{ 'j', "jobs", OPT_REQ, "N", "worker threads (the number of online CPUs)" },
	{ O_MATCH, "match", OPT_REQ, "HOW", "compare paths exact or normalized (normalized)" },
	{ O_MERGE, "merge", OPT_NONE, NULL, "combine earlier --details outputs" },
	{ O_METHOD, "method", OPT_REQ, "LIST", "only these request methods (any)" },
	{ O_PATH, "path", OPT_REQ, "P", "the path to look for (/robots.txt; repeatable)" },
	{ 'r', NULL, OPT_NONE, NULL, "walk directories recursively" },
	{ 'v', "verbose", OPT_NONE, NULL, "per-file statistics on standard error" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] [PATH...]",
	"Print, sorted, the distinct hosts that requested /robots.txt in the access logs PATH "
	"(files or directories; gzip and bzip2 read too; - or none is standard input).",
	opts, 0, CB_ERR
};

enum { F_TEXT, F_CSV, F_JSON };
enum { V_HOSTS, V_COUNT, V_DETAILS };

struct strs {
	char **v;
	size_t n;
};

struct conf {
	struct strs paths, methods, include, exclude;
	struct globset *inc, *exc;	/* the same matcher as fnmatch(1), default flags */
	size_t *pathlen;
	int exact, recursive, verbose, view, format;
	pcre2_code *re;
};

struct job {
	char *path;
	long long size;
	/* results, written by the one worker that took the job */
	unsigned long long bytes, lines, matches, malformed;
	double secs;
	char *err;		/* the message when the file failed, malloc'd */
};

struct pool {
	const struct conf *conf;
	struct job *jobs;
	size_t njobs, next;
	pthread_mutex_t lock;
};

struct worker {
	pthread_t tid;
	struct pool *pool;
	struct hostset *hosts;
	pcre2_match_data *md;
};

static void push(struct strs *s, const char *v)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = xstrdup(v);
}

static struct hostset *xhostset(void)
{
	struct hostset *h = hostset_new();

	if (!h)
		msg_nomem();
	return h;
}

static void add_host(struct hostset *h, const unsigned char *key, size_t klen, uint64_t count,
	long long first, long long last)
{
	if (hostset_add(h, key, klen, count, first, last) < 0)
		msg_nomem();
}

static void strs_free(struct strs *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static struct globset *globs(const struct strs *s, const char *dflt)
{
	struct globset *g = globset_new(0);
	size_t i;

	if (!g)
		msg_nomem();
	if (s->n == 0 && dflt && globset_add(g, dflt, strlen(dflt)) < 0)
		msg_nomem();
	for (i = 0; i < s->n; i++)
		if (globset_add(g, s->v[i], strlen(s->v[i])) < 0)
			msg_die(CB_ERR, "invalid pattern '%s': %s", s->v[i],
				errno == EINVAL ? "nested too deeply" : strerror(errno));
	return g;
}

static int wanted_name(const struct conf *c, const char *name)
{
	size_t n = strlen(name);
	long in = globset_match(c->inc, name, n), out = -1;

	if (in >= 0)
		out = globset_match(c->exc, name, n);
	if (in == -2 || out == -2)
		msg_nomem();
	return in >= 0 && out < 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int path_matches(const struct conf *c, pcre2_match_data *md, const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < c->paths.n; i++)
		if (c->pathlen[i] == len && memcmp(c->paths.v[i], p, len) == 0)
			return 1;
	return c->re && pcre2_match(c->re, (PCRE2_SPTR)p, len, 0, 0, md, NULL) >= 0;
}

static int method_ok(const struct conf *c, const struct clf_span *m)
{
	size_t i;

	if (c->methods.n == 0)
		return 1;
	for (i = 0; i < c->methods.n; i++)
		if (strlen(c->methods.v[i]) == m->len && memcmp(c->methods.v[i], m->p, m->len) == 0)
			return 1;
	return 0;
}

/* Whether the request bytes T[0..N), from the target on and still escaped, can have PATH
 * as their target once split (and normalized unless EXACT): 0 only when they cannot. A
 * target starting with '/' normalizes to itself up to its first '%', '?' or '#'; a backslash
 * or a quote may be an escape or the end, which only clf_parse can tell. */
static int may_be(const char *t, size_t n, const char *path, size_t pl, int exact)
{
	size_t i;

	if (n == 0 || (!exact && t[0] != '/'))
		return 1;
	for (i = 0; i < n && i < pl; i++) {
		int ch = (unsigned char)t[i];
		if (ch == '\\' || ch == '"' || (!exact && ch == '%'))
			return 1;
		if (ch != (unsigned char)path[i])
			return 0;
	}
	if (i < pl)
		return 1;	/* the line ends inside: clf_parse refuses it */
	return i == n || strchr(exact ? " \t\\\"" : " \t\\\"?#%", t[i]) != NULL;
}

/* For most lines: 0 when the line surely does not match (it may still be malformed),
 * 1 when it needs clf_parse. Without -E, and not when -v counts malformed lines. */
static int candidate(const struct conf *c, const char *line, size_t len)
{
	const char *e = line + len, *p = clf_request_start(line, len), *m;
	size_t i;

	if (!p)
		return 1;
	for (m = p; p < e && *p != ' ' && *p != '\t'; p++)
		if (*p == '"' || *p == '\\')
			return 1;
	if (c->methods.n) {
		struct clf_span method = { m, (size_t)(p - m) };
		if (!method_ok(c, &method))
			return 0;
	}
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	for (i = 0; i < c->paths.n; i++)
		if (may_be(p, (size_t)(e - p), c->paths.v[i], c->pathlen[i], c->exact))
			return 1;
	return 0;
}

/* Read one log file into W's host set, recording the outcome in J. */
static void scan(struct worker *w, struct job *j)
{
	const struct conf *c = w->pool->conf;
	unsigned char key[HOSTSET_KEY_MAX];
	struct in_line l;
	struct clf_rec r;
	struct in *in;
	double t0 = now();
	int rc, quick = !c->verbose && !c->re;

	in = in_open(j->path);
	if (!in) {
		j->err = xstrdup(strerror(errno));
		return;
	}
	while ((rc = in_getline(in, &l)) == 1) {
		size_t klen, plen;

		if (l.len == 0 || (l.len == 1 && l.p[0] == '\r'))
			continue;	/* a blank line is no record */
		if (quick && !candidate(c, l.p, l.len))
			continue;
		if (clf_parse(l.p, l.len, &r) < 0 || !(klen = hostset_key(r.host.p, r.host.len, key))) {
			j->malformed++;
			continue;
		}
		if (r.target.len == 0 || !method_ok(c, &r.method))
			continue;
		plen = c->exact ? r.target.len : urlpath_normalize((char *)r.target.p, r.target.len);
		if (!path_matches(c, w->md, r.target.p, plen))
			continue;
		j->matches++;
		add_host(w->hosts, key, klen, 1, r.when, r.when);
	}
	j->lines = in_lineno(in);
	j->bytes = in_offset(in);
	if (rc < 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s (%llu lines read)", in_error(in), j->lines);
		j->err = xstrdup(msg);
	}
	in_close(in);
	j->secs = now() - t0;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->njobs)
			return NULL;
		scan(w, &p->jobs[i]);
	}
}

struct joblist {
	struct job *v;
	size_t n, cap;
};

static void add_job(struct joblist *jl, const char *path, long long size)
{
	if (jl->n == jl->cap) {
		jl->cap = jl->cap ? jl->cap * 2 : 16;
		jl->v = xrealloc(jl->v, jl->cap * sizeof *jl->v);
	}
	memset(&jl->v[jl->n], 0, sizeof jl->v[jl->n]);
	jl->v[jl->n].path = xstrdup(path);
	jl->v[jl->n].size = size;
	jl->n++;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add DIR's files that --include/--exclude select, in name order; subdirectories with -r
 * (not through symbolic links, so a link loop cannot recurse). 0, or 1 after a message. */
static int walk(const struct conf *c, struct joblist *jl, const char *dir)
{
	struct strs names = { 0 };
	struct dirent *d;
	DIR *dp;
	size_t i;
	int status = 0;

	if (!(dp = opendir(dir))) {
		msg_warn("%s: %s", dir, strerror(errno));
		return 1;
	}
	while ((d = readdir(dp)))
		if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0)
			push(&names, d->d_name);
	closedir(dp);
	qsort(names.v, names.n, sizeof *names.v, cmp_name);
	for (i = 0; i < names.n; i++) {
		size_t dl = strlen(dir);
		char *path = xmalloc(dl + strlen(names.v[i]) + 2);
		struct stat st, lst;

		sprintf(path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names.v[i]);
		if (stat(path, &st) < 0) {
			if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
				free(path);	/* a dangling link is no log */
				continue;
			}
			msg_warn("%s: %s", path, strerror(errno));
			status = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (c->recursive && lstat(path, &lst) == 0 && !S_ISLNK(lst.st_mode))
				status |= walk(c, jl, path);
		} else if (wanted_name(c, names.v[i])) {
			add_job(jl, path, (long long)st.st_size);
		}
		free(path);
	}
	strs_free(&names);
	return status;
}

static int cmp_size(const void *a, const void *b)
{
	const struct job *x = *(struct job *const *)a, *y = *(struct job *const *)b;

	return x->size > y->size ? -1 : x->size < y->size;
}

/* Scan every job with up to NT threads, largest first, into RESULT. */
static void run_jobs(const struct conf *c, struct job *jobs, size_t n, long nt, struct hostset *result)
{
	struct job *sorted = xmalloc((n ? n : 1) * sizeof *sorted), **order;
	struct worker *w;
	struct pool pool;
	size_t i;
	long t;

	order = xmalloc((n ? n : 1) * sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = &jobs[i];
	qsort(order, n, sizeof *order, cmp_size);
	for (i = 0; i < n; i++)
		sorted[i] = *order[i];
	pool.conf = c;
	pool.jobs = sorted;
	pool.njobs = n;
	pool.next = 0;
	pthread_mutex_init(&pool.lock, NULL);
	if ((size_t)nt > n)
		nt = n ? (long)n : 1;
	w = xcalloc((size_t)nt, sizeof *w);
	for (t = 0; t < nt; t++) {
		w[t].pool = &pool;
		w[t].hosts = xhostset();
		if (c->re && !(w[t].md = pcre2_match_data_create_from_pattern(c->re, NULL)))
			msg_nomem();
		if (t > 0 && pthread_create(&w[t].tid, NULL, work, &w[t]) != 0)
			msg_die(CB_ERR, "cannot start a thread: %s", strerror(errno));
	}
	work(&w[0]);
	for (t = 1; t < nt; t++)
		pthread_join(w[t].tid, NULL);
	for (t = 0; t < nt; t++) {
		if (hostset_merge(result, w[t].hosts) < 0)
			msg_nomem();
		hostset_free(w[t].hosts);
		pcre2_match_data_free(w[t].md);
	}
	for (i = 0; i < n; i++)
		*order[i] = sorted[i];
	pthread_mutex_destroy(&pool.lock);
	free(w);
	free(order);
	free(sorted);
}

/* One "host count first last" line of a --details output into T: 0, or -1. */
static int merge_line(struct hostset *t, char *s, size_t len)
{
	char *f[4], *e = s + len, *p = s, *end;
	size_t fl[4], klen;
	unsigned char key[HOSTSET_KEY_MAX];
	unsigned long long count;
	long long first, last;
	int i;

	if (len > 0 && s[len - 1] == '\r')
		e--;
	for (i = 0; i < 4; i++) {
		char *tab = memchr(p, '\t', (size_t)(e - p));
		if ((tab == NULL) != (i == 3))
			return -1;
		f[i] = p;
		fl[i] = (size_t)((tab ? tab : e) - p);
		p = tab ? tab + 1 : e;
	}
	if (!(klen = hostset_key(f[0], fl[0], key)))
		return -1;
	if (fl[1] == 0 || fl[1] > 19 || strspn(f[1], "0123456789") < fl[1])
		return -1;
	errno = 0;
	count = strtoull(f[1], &end, 10);
	if (errno || end != f[1] + fl[1] || count == 0)
		return -1;
	if (clf_parse_iso8601(f[2], fl[2], &first) < 0 || clf_parse_iso8601(f[3], fl[3], &last) < 0 ||
			first > last)
		return -1;
	add_host(t, key, klen, count, first, last);
	return 0;
}

static int merge_inputs(struct strs *inputs, struct hostset *t)
{
	struct in_line l;
	size_t i;
	int status = 0, rc;

	for (i = 0; i < inputs->n; i++) {
		struct in *in = in_open(inputs->v[i]);

		if (!in) {
			msg_warn("%s: %s", inputs->v[i], strerror(errno));
			status = 1;
			continue;
		}
		while ((rc = in_getline(in, &l)) == 1) {
			if (l.len == 0)
				continue;
			if (merge_line(t, l.p, l.len) < 0) {
				msg_warnat(in_name(in), in_lineno(in), "not a --details line");
				status = 1;
			}
		}
		if (rc < 0) {
			msg_warn("%s: %s (%llu lines read)", in_name(in), in_error(in), in_lineno(in));
			status = 1;
		}
		in_close(in);
	}
	return status;
}

static void print(const struct conf *c, const struct hostset *t)
{
	size_t n = hostset_count(t), i, *ix = hostset_sorted(t);
	struct out *o = out_stdout;
	char buf[INET_TEXT_MAX], t1[32], t2[32];

	if (!ix)
		msg_nomem();
	if (c->format == F_CSV)
		out_puts(o, c->view == V_HOSTS ? "host\n" : c->view == V_COUNT ? "host,count\n" :
			"host,count,first_seen,last_seen\n");
	for (i = 0; i < n; i++) {
		const struct hostset_ent *e = hostset_ent(t, ix[i]);
		size_t hl;
		const char *host = hostset_host(t, ix[i], buf, &hl);

		if (c->view == V_DETAILS) {
			clf_iso8601(e->first, t1);
			clf_iso8601(e->last, t2);
		}
		if (c->format == F_JSON) {
			out_printf(o, "{\"host\":\"%.*s\"", (int)hl, host);
			if (c->view != V_HOSTS)
				out_printf(o, ",\"count\":%llu", (unsigned long long)e->count);
			if (c->view == V_DETAILS)
				out_printf(o, ",\"first_seen\":\"%s\",\"last_seen\":\"%s\"", t1, t2);
			out_puts(o, "}\n");
		} else if (c->format == F_CSV || c->view == V_DETAILS) {
			char sep = c->format == F_CSV ? ',' : '\t';
			out_write(o, host, hl);
			if (c->view != V_HOSTS)
				out_printf(o, "%c%llu", sep, (unsigned long long)e->count);
			if (c->view == V_DETAILS)
				out_printf(o, "%c%s%c%s", sep, t1, sep, t2);
			out_putc(o, '\n');
		} else {
			if (c->view == V_COUNT)
				out_printf(o, "%llu ", (unsigned long long)e->count);
			out_write(o, host, hl);
			out_putc(o, '\n');
		}
	}
	free(ix);
}

static void split_list(struct strs *s, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",");
		char *one = xmemdup(p, n);
		if (n)
			push(s, one);
		free(one);
		p += n + (p[n] == ',');
	}
}

/* A usage error: the message, then the common way out that frees what was parsed. */
#define USAGE(...) do { status = msg_usage(&st, __VA_ARGS__); goto out; } while (0)

int findrobots_main(int argc, char **argv)
{
	struct conf c = { 0 };
	struct optstate st;
	struct joblist jl = { 0 };
	struct hostset *result = NULL;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	int ch, merge = 0, status = 0;
	size_t i;
	const char *re = NULL;
	char *end;

	c.view = V_HOSTS;
	opt_init(&st, &spec, argc, argv);
	while ((ch = opt_next(&st)) != OPT_END) {
		switch (ch) {
		case 'c':
			if (c.view != V_DETAILS)
				c.view = V_COUNT;
			break;
		case O_DETAILS:
			c.view = V_DETAILS;
			break;
		case 'E':
			re = st.arg;
			break;
		case O_EXCLUDE:
			push(&c.exclude, st.arg);
			break;
		case O_FORMAT:
			if (strcmp(st.arg, "text") == 0)
				c.format = F_TEXT;
			else if (strcmp(st.arg, "csv") == 0)
				c.format = F_CSV;
			else if (strcmp(st.arg, "json") == 0)
				c.format = F_JSON;
			else
				USAGE("unknown format '%s' (text, csv or json)", st.arg);
			break;
		case O_INCLUDE:
			push(&c.include, st.arg);
			break;
		case 'j':
			errno = 0;
			jobs = strtol(st.arg, &end, 10);
			if (errno || end == st.arg || *end || jobs < 1 || jobs > 1024)
				USAGE("invalid number of jobs '%s' (1 to 1024)", st.arg);
			break;
		case O_MATCH:
			if (strcmp(st.arg, "exact") == 0)
				c.exact = 1;
			else if (strcmp(st.arg, "normalized") == 0)
				c.exact = 0;
			else
				USAGE("unknown match '%s' (exact or normalized)", st.arg);
			break;
		case O_MERGE:
			merge = 1;
			break;
		case O_METHOD:
			split_list(&c.methods, st.arg);
			break;
		case O_PATH:
			push(&c.paths, st.arg);
			break;
		case 'r':
			c.recursive = 1;
			break;
		case 'v':
			c.verbose = 1;
			break;
		default:
			status = msg_option(&st, ch);
			goto out;
		}
	}
	if (jobs < 1)
		jobs = 1;
	c.inc = globs(&c.include, "*.log*");
	c.exc = globs(&c.exclude, NULL);
	if (c.paths.n == 0 && !re)
		push(&c.paths, "/robots.txt");
	if (!c.exact)
		for (i = 0; i < c.paths.n; i++)
			c.paths.v[i][urlpath_normalize(c.paths.v[i], strlen(c.paths.v[i]))] = '\0';
	c.pathlen = xmalloc((c.paths.n + 1) * sizeof *c.pathlen);
	for (i = 0; i < c.paths.n; i++)
		c.pathlen[i] = strlen(c.paths.v[i]);
	if (re) {
		int err;
		PCRE2_SIZE off;
		c.re = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
		if (!c.re) {
			PCRE2_UCHAR why[160];
			pcre2_get_error_message(err, why, sizeof why);
			USAGE("invalid regex '%s' at offset %zu: %s", re, (size_t)off, (char *)why);
		}
		pcre2_jit_compile(c.re, PCRE2_JIT_COMPLETE);	/* the interpreter if JIT is unavailable */
	}

	result = xhostset();
	if (merge) {
		struct strs inputs = { 0 };
		if (st.argc == 0)
			push(&inputs, "-");
		for (i = 0; i < (size_t)st.argc; i++)
			push(&inputs, st.argv[i]);
		if (c.view == V_HOSTS)
			c.view = V_DETAILS;
		status = merge_inputs(&inputs, result);
		strs_free(&inputs);
	} else {
		if (st.argc == 0)
			add_job(&jl, "-", LLONG_MAX);
		for (i = 0; i < (size_t)st.argc; i++) {
			const char *a = st.argv[i];
			struct stat s;

			if (strcmp(a, "-") == 0)
				add_job(&jl, a, LLONG_MAX);
			else if (stat(a, &s) < 0) {
				msg_warn("%s: %s", a, strerror(errno));
				status = 1;
			} else if (S_ISDIR(s.st_mode))
				status |= walk(&c, &jl, a);
			else
				add_job(&jl, a, (long long)s.st_size);
		}
		run_jobs(&c, jl.v, jl.n, jobs, result);
		for (i = 0; i < jl.n; i++) {
			struct job *j = &jl.v[i];
			const char *name = strcmp(j->path, "-") == 0 ? "(standard input)" : j->path;

			if (c.verbose && !(j->err && j->lines == 0 && j->bytes == 0))
				msg_warn("%s: %llu bytes, %llu lines, %llu matches, %llu malformed, %.3f s",
					name, j->bytes, j->lines, j->matches, j->malformed, j->secs);
			if (j->err) {
				msg_warn("%s: %s", name, j->err);
				status = 1;
			}
			free(j->err);
			free(j->path);
		}
		free(jl.v);
	}
	print(&c, result);
out:
	hostset_free(result);
	pcre2_code_free(c.re);
	strs_free(&c.paths);
	free(c.pathlen);
	strs_free(&c.methods);
	strs_free(&c.include);
	strs_free(&c.exclude);
	globset_free(c.inc);
	globset_free(c.exc);
	return status;
}
