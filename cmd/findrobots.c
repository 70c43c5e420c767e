/* findrobots: the client hosts that requested /robots.txt, from Apache/nginx common and
 * combined access logs (plain, gzip, bzip2), in parallel; a fast, robust form of the
 * cookbook's findrobots recipe, with a --details/--merge pair for map-reduce over machines. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

enum { O_DETAILS = 256, O_EXCLUDE, O_FORMAT, O_INCLUDE, O_MATCH, O_MERGE, O_METHOD, O_LOGPATH };

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
	{ O_LOGPATH, "path", OPT_REQ, "P", "the path to look for (/robots.txt; repeatable)" },
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

/* One byte range of a gzip file split between threads: from a member start to the first
 * member boundary at or after the next range's start. The lines that may span a boundary
 * are kept aside: the first line of every range but the first (HEAD), and a last line
 * without '\n' (TAIL); they are joined and read in order once every range is done. */
struct seg {
	unsigned long long start, stop, bytes, lines, matches, malformed;
	struct hostset *hosts;
	char *err;		/* in_error, malloc'd */
	char *head, *tail;
	size_t headlen, taillen;
	int headnl;		/* -1: no head (no bytes), 0: the whole range is one line, 1: '\n' */
	double t0, t1;
};

struct job {
	char *path;
	long long size;
	/* results, written by the one worker that took the job */
	unsigned long long bytes, lines, matches, malformed;
	double secs;
	char *err;		/* the message when the file failed, malloc'd */
	struct seg *segs;	/* a split gzip file: NSEG ranges, each a task of its own */
	size_t nseg;
};

struct task {
	struct job *job;
	struct seg *seg;	/* NULL: the whole file */
};

struct pool {
	const struct conf *conf;
	struct task *tasks;
	size_t ntasks, next;
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

struct counts {
	unsigned long long matches, malformed;
};

/* One line L[0..LEN) (L[LEN] writable) into H and N. */
static void one_line(const struct conf *c, pcre2_match_data *md, struct hostset *h,
	struct counts *n, char *l, size_t len, int quick)
{
	unsigned char key[HOSTSET_KEY_MAX];
	struct clf_rec r;
	size_t klen, plen;

	if (len == 0 || (len == 1 && l[0] == '\r'))
		return;	/* a blank line is no record */
	if (quick && !candidate(c, l, len))
		return;
	if (clf_parse(l, len, &r) < 0 || !(klen = hostset_key(r.host.p, r.host.len, key))) {
		n->malformed++;
		return;
	}
	if (r.target.len == 0 || !method_ok(c, &r.method))
		return;
	plen = c->exact ? r.target.len : urlpath_normalize((char *)r.target.p, r.target.len);
	if (!path_matches(c, md, r.target.p, plen))
		return;
	n->matches++;
	add_host(h, key, klen, 1, r.when, r.when);
}

/* Read one log file into W's host set, recording the outcome in J. */
static void scan(struct worker *w, struct job *j)
{
	const struct conf *c = w->pool->conf;
	struct counts n = { 0, 0 };
	struct in_line l;
	struct in *in;
	double t0 = now();
	int rc, quick = !c->verbose && !c->re;

	in = in_open(j->path);
	if (!in) {
		j->err = xstrdup(strerror(errno));
		return;
	}
	while ((rc = in_getline(in, &l)) == 1)
		one_line(c, w->md, w->hosts, &n, l.p, l.len, quick);
	j->matches = n.matches;
	j->malformed = n.malformed;
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

/* Read the range S of J's file into S's own host set, keeping aside its head and tail. */
static void scan_seg(struct worker *w, struct job *j, struct seg *s)
{
	const struct conf *c = w->pool->conf;
	struct counts n = { 0, 0 };
	struct in_line l;
	struct in *in;
	int rc, quick = !c->verbose && !c->re, first = s != j->segs;

	s->t0 = now();
	s->headnl = -1;
	s->hosts = xhostset();
	in = in_open_range(j->path, s->start, s->stop);
	if (!in) {
		s->err = xstrdup(strerror(errno));
		s->bytes = s->start;
		s->t1 = now();
		return;
	}
	while ((rc = in_getline(in, &l)) == 1) {
		if (first) {
			first = 0;
			s->head = xmemdup(l.p, l.len);
			s->headlen = l.len;
			s->headnl = l.eol;
		} else if (!l.eol) {
			s->tail = xmemdup(l.p, l.len);
			s->taillen = l.len;
		} else {
			s->lines++;
			one_line(c, w->md, s->hosts, &n, l.p, l.len, quick);
		}
	}
	s->matches = n.matches;
	s->malformed = n.malformed;
	s->bytes = in_offset(in);
	if (rc < 0)
		s->err = xstrdup(in_error(in));
	in_close(in);
	s->t1 = now();
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
		if (i >= p->ntasks)
			return NULL;
		if (p->tasks[i].seg)
			scan_seg(w, p->tasks[i].job, p->tasks[i].seg);
		else
			scan(w, p->tasks[i].job);
	}
}

/* The smallest range worth a thread: COOKBOX_FINDROBOTS_SPLIT_MIN bytes (for the tests), or
 * 1 MiB of compressed input. */
static long long split_min(void)
{
	const char *e = getenv("COOKBOX_FINDROBOTS_SPLIT_MIN");
	long long v;

	if (e && (v = atoll(e)) > 0)
		return v;
	return 1 << 20;
}

/* Whether a gzip member starts at byte AT of PATH: its first 64 KiB (or all of it, to the
 * end of the file) inflate without error. Only a hint for where to split: the ranges are
 * checked to meet exactly once read (see finish_split). */
static int member_at(const char *path, unsigned long long at)
{
	static char buf[16384];	/* only the main thread plans */
	struct in *in = in_open_range(path, at, 0);
	size_t got = 0;
	ssize_t r = 1;

	if (!in)
		return 0;
	while (got < 65536 && (r = in_read(in, buf, sizeof buf)) > 0)
		got += (size_t)r;
	in_close(in);
	return r >= 0;
}

/* Split J, a gzip file, into up to NT ranges starting at verified member starts near equal
 * byte offsets; J is left whole when it is small or no member start is found. */
static void plan_split(struct job *j, long nt)
{
	enum { WINDOW = 4 << 20, CHUNK = 65536 };
	long long min = split_min(), parts, k;
	unsigned long long *starts, from, to, pos;
	unsigned char *buf;
	size_t n = 1, i;
	int fd;

	if (nt < 2 || strcmp(j->path, "-") == 0 || j->size < 2 * min)
		return;
	parts = j->size / min < nt ? j->size / min : nt;
	if ((fd = open(j->path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	buf = xmalloc(CHUNK);
	starts = xmalloc((size_t)parts * sizeof *starts);
	starts[0] = 0;
	if (pread(fd, buf, 2, 0) != 2 || buf[0] != 0x1f || buf[1] != 0x8b)
		goto out;
	for (k = 1; k < parts; k++) {
		from = (unsigned long long)(j->size / parts * k);
		to = (unsigned long long)(j->size / parts * (k + 1));
		if (to > from + WINDOW)
			to = from + WINDOW;
		for (pos = from; pos < to; ) {
			ssize_t r = pread(fd, buf, CHUNK, (off_t)pos);
			long at, base = 0;

			if (r < 10)
				break;
			while ((at = in_gzip_header_scan(buf + base, (size_t)r - (size_t)base)) >= 0 &&
					pos + (unsigned long long)(base + at) < to) {
				if (member_at(j->path, pos + (unsigned long long)(base + at)))
					break;
				base += at + 1;
			}
			if (at >= 0 && pos + (unsigned long long)(base + at) < to) {
				starts[n++] = pos + (unsigned long long)(base + at);
				break;
			}
			pos += (unsigned long long)r - 9;	/* a header across the chunks' seam */
		}
	}
	if (n > 1) {
		j->nseg = n;
		j->segs = xcalloc(n, sizeof *j->segs);
		for (i = 0; i < n; i++) {
			j->segs[i].start = starts[i];
			j->segs[i].stop = i + 1 < n ? starts[i + 1] : 0;
		}
	}
out:
	close(fd);
	free(starts);
	free(buf);
}

static void free_segs(struct job *j)
{
	size_t i;

	for (i = 0; i < j->nseg; i++) {
		hostset_free(j->segs[i].hosts);
		free(j->segs[i].err);
		free(j->segs[i].head);
		free(j->segs[i].tail);
	}
	free(j->segs);
	j->segs = NULL;
	j->nseg = 0;
}

/* Combine J's ranges into W's host set and J's results, exactly as one read of the file
 * would have made them; or, when a range did not end where the next one starts (a member
 * start that was none), read the file again whole. */
static void finish_split(struct worker *w, struct job *j)
{
	const struct conf *c = w->pool->conf;
	struct counts n = { 0, 0 };
	char *carry = NULL, *line;
	size_t carrylen = 0, e, k;
	int quick = !c->verbose && !c->re;
	double t0, t1;

	for (e = 0; e + 1 < j->nseg && !j->segs[e].err; e++)
		if (j->segs[e].bytes != j->segs[e + 1].start) {
			t0 = now();
			free_segs(j);
			scan(w, j);
			j->secs += now() - t0;
			return;
		}
	t0 = j->segs[0].t0;
	t1 = j->segs[0].t1;
	for (k = 0; k <= e; k++) {
		struct seg *s = &j->segs[k];

		if (hostset_merge(w->hosts, s->hosts) < 0)
			msg_nomem();
		j->lines += s->lines;
		j->matches += s->matches;
		j->malformed += s->malformed;
		t0 = s->t0 < t0 ? s->t0 : t0;
		t1 = s->t1 > t1 ? s->t1 : t1;
		if (k > 0 && s->headnl >= 0) {
			carry = xrealloc(carry, carrylen + s->headlen + 1);
			memcpy(carry + carrylen, s->head, s->headlen);
			carrylen += s->headlen;
			if (s->headnl) {
				j->lines++;
				one_line(c, w->md, w->hosts, &n, carry, carrylen, quick);
				carrylen = 0;
			}
		}
		if (s->tail) {
			carry = xrealloc(carry, carrylen + s->taillen + 1);
			memcpy(carry + carrylen, s->tail, s->taillen);
			carrylen += s->taillen;
		}
	}
	if (carrylen) {
		j->lines++;
		one_line(c, w->md, w->hosts, &n, carry, carrylen, quick);
	}
	free(carry);
	j->matches += n.matches;
	j->malformed += n.malformed;
	j->bytes = j->segs[e].bytes;
	j->secs = t1 - t0;
	if (j->segs[e].err) {
		size_t len = strlen(j->segs[e].err) + 64;
		line = xmalloc(len);
		snprintf(line, len, "%s (%llu lines read)", j->segs[e].err, j->lines);
		j->err = line;
	}
	free_segs(j);
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

/* Scan every job with up to NT threads, largest first (gzip files split into ranges when
 * there are threads to spare), into RESULT. */
static void run_jobs(const struct conf *c, struct job *jobs, size_t n, long nt, struct hostset *result)
{
	struct job **order;
	struct task *tasks;
	struct worker *w;
	struct pool pool;
	size_t i, k, nt_tasks = 0;
	long t;

	order = xmalloc((n ? n : 1) * sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = &jobs[i];
	qsort(order, n, sizeof *order, cmp_size);
	for (i = 0; i < n; i++) {
		if (nt > 1 && (size_t)nt > n - i)
			plan_split(order[i], nt);	/* more threads than the files left */
		nt_tasks += order[i]->nseg ? order[i]->nseg : 1;
	}
	tasks = xmalloc((nt_tasks ? nt_tasks : 1) * sizeof *tasks);
	for (i = 0, nt_tasks = 0; i < n; i++) {
		if (!order[i]->nseg)
			tasks[nt_tasks++] = (struct task){ order[i], NULL };
		for (k = 0; k < order[i]->nseg; k++)
			tasks[nt_tasks++] = (struct task){ order[i], &order[i]->segs[k] };
	}
	pool.conf = c;
	pool.tasks = tasks;
	pool.ntasks = nt_tasks;
	pool.next = 0;
	pthread_mutex_init(&pool.lock, NULL);
	if ((size_t)nt > nt_tasks)
		nt = nt_tasks ? (long)nt_tasks : 1;
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
	for (i = 0; i < n; i++)
		if (jobs[i].nseg)
			finish_split(&w[0], &jobs[i]);
	for (t = 0; t < nt; t++) {
		if (hostset_merge(result, w[t].hosts) < 0)
			msg_nomem();
		hostset_free(w[t].hosts);
		pcre2_match_data_free(w[t].md);
	}
	pthread_mutex_destroy(&pool.lock);
	free(w);
	free(order);
	free(tasks);
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
		case O_LOGPATH:
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
