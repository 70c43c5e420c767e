/* fnmatch: match names or lines against shell wildcard patterns (POSIX fnmatch(3) as glibc,
 * or Python's fnmatch), all patterns at once in linear time, and expand them against the file
 * system like Python's glob. The matcher is lib/globset, the directory walk lib/walk. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "globscan.h"
#include "globset.h"
#include "io.h"
#include "msg.h"
#include "out.h"
#include "walk.h"

enum { O_HIDDEN = 256, O_INPUT, O_LEADINGDIR, O_NOESCAPE, O_PERIOD, O_PYTHON, O_TRANSLATE };

static const struct opt opts[] = {
	{ 'b', "braces", OPT_NONE, NULL, "expand {a,b,c} alternatives (nestable)" },
	{ 'c', "count", OPT_NONE, NULL, "print only the number of matching names" },
	{ 'e', NULL, OPT_REQ, "PATTERN", "a pattern to match (repeatable)" },
	{ 'f', NULL, OPT_REQ, "FILE", "read patterns from FILE, one per line" },
	{ 'g', "glob", OPT_NONE, NULL, "expand the PATTERN operands against the file system" },
	{ O_HIDDEN, "hidden", OPT_NONE, NULL, "with -g, wildcards match names starting with ." },
	{ 'i', "ignore-case", OPT_NONE, NULL, "match with Unicode case folding" },
	{ O_INPUT, "input", OPT_REQ, "FILE", "read the names from FILE, not standard input" },
	{ 'j', "jobs", OPT_REQ, "N", "threads for a big input file (the number of online CPUs)" },
	{ 'L', NULL, OPT_NONE, NULL, "with -g, ** follows symbolic links to directories" },
	{ O_LEADINGDIR, "leading-dir", OPT_NONE, NULL, "the pattern may match a leading part up to a /" },
	{ O_NOESCAPE, "no-escape", OPT_NONE, NULL, "backslash is an ordinary character" },
	{ 'p', "pathname", OPT_NONE, NULL, "wildcards never match /; **/ matches directories" },
	{ O_PERIOD, "period", OPT_NONE, NULL, "a leading . must be matched explicitly" },
	{ O_PYTHON, "python", OPT_NONE, NULL, "exactly Python's fnmatch.fnmatchcase semantics" },
	{ 'q', "quiet", OPT_NONE, NULL, "print nothing; the exit status tells" },
	{ O_TRANSLATE, "translate", OPT_NONE, NULL, "print each pattern as a PCRE2 regex and exit" },
	{ 'v', "invert-match", OPT_NONE, NULL, "select the names that do not match" },
	{ 'x', "extmatch", OPT_NONE, NULL, "ksh extended patterns ?(a|b) *() +() @() !()" },
	{ 'z', "null", OPT_NONE, NULL, "names are NUL-terminated, in and out" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] PATTERN [NAME...]\n"
	"[OPTIONS] -e PATTERN ... [NAME...]\n"
	"[OPTIONS] -f FILE ... [NAME...]\n"
	"[OPTIONS] -g PATTERN...",
	"Print each NAME, or each line of standard input, that a shell wildcard PATTERN matches; "
	"with -g, the paths that match.",
	opts, 0, CB_ERR
};

struct run {
	struct globset *g;
	int invert, count, quiet, zero;
	long jobs;
	unsigned long long n;		/* names selected */
};

/* Select or not one name that pattern M matched (-1: none, -2: out of memory); 1 when -q
 * has its answer and reading can stop. */
static int take(struct run *r, const char *p, size_t len, long m)
{
	if (m == -2)
		msg_nomem();
	if ((m >= 0) == r->invert)
		return 0;
	r->n++;
	if (r->quiet)
		return 1;
	if (!r->count) {
		out_write(out_stdout, p, len);
		out_putc(out_stdout, r->zero ? '\0' : '\n');
	}
	return 0;
}

static int one(struct run *r, const char *p, size_t len)
{
	return take(r, p, len, globset_match(r->g, p, len));
}

/* A record globscan selected (with -v, one no pattern matched). */
static int select_rec(void *arg, const char *p, size_t len)
{
	struct run *r = arg;

	return take(r, p, len, r->invert ? -1 : 0);
}

/* Filter the records of PATH ("-": stdin), read in big blocks and matched a block at a time by
 * lib/globscan: 0, or -1 after a message. */
static int filter(struct run *r, const char *path)
{
	struct in *in = in_open(path);
	struct buf b = BUF_INIT;
	struct globscan *sc;
	int delim = r->zero ? '\0' : '\n', rc = 0;
	ssize_t k;

	if (!in) {
		msg_warnsys("%s", strcmp(path, "-") ? path : "(standard input)");
		return -1;
	}
	sc = globscan_new(r->g, delim);
	if (!sc)
		msg_nomem();
	{
		/* a regular file is matched in place, by up to JOBS threads */
		size_t n, used;
		const char *map = in_map(in, &n);
		if (map) {
			const char *last = memrchr(map, delim, n);
			int x;
			used = last ? (size_t)(last + 1 - map) : 0;
			x = globscan_run_threads(sc, map, used, r->invert, (int)r->jobs, select_rec, r);
			if (x < 0)
				msg_nomem();
			if (x == 0 && used < n)
				one(r, map + used, n - used);
			goto done;
		}
	}
	for (;;) {
		char *last;
		size_t used;
		int x;
		if (buf_grow(&b, 1 << 17) < 0)
			msg_nomem();
		k = in_read(in, b.p + b.len, 1 << 17);
		if (k < 0) {
			msg_warn("%s: %s", in_name(in), in_error(in));
			rc = -1;
			break;
		}
		b.len += (size_t)k;
		if (k == 0)
			break;
		last = memrchr(b.p, delim, b.len);
		if (!last)
			continue;
		used = (size_t)(last + 1 - b.p);
		x = globscan_run(sc, b.p, used, r->invert, select_rec, r);
		if (x < 0)
			msg_nomem();
		if (x > 0)
			goto done;
		memmove(b.p, b.p + used, b.len - used);
		b.len -= used;
	}
	if (rc == 0 && b.len > 0)
		one(r, b.p, b.len);
done:
	if (getenv("COOKBOX_SCAN_STATS")) {
		/* why a pattern set is slow: how many records the key scan let through */
		unsigned long long recs, cands;
		globscan_stats(sc, &recs, &cands);
		msg_warn("%s: key scan %s; %llu records looked at, %llu of them candidates",
			strcmp(path, "-") ? path : "(standard input)",
			globscan_filtering(sc) ? "on" : "dropped", recs, cands);
	}
	globscan_free(sc);
	buf_free(&b);
	in_close(in);
	return rc;
}

static void add_pattern(struct globset *g, const char *file, unsigned long long line,
	const char *p, size_t n)
{
	if (globset_add(g, p, n) >= 0)
		return;
	if (errno == ENOMEM)
		msg_nomem();
	if (file)
		msg_warnat(file, line, "pattern nests too deeply: %.*s", (int)(n > 60 ? 60 : n), p);
	else
		msg_warn("pattern nests too deeply: %.*s", (int)(n > 60 ? 60 : n), p);
	exit(CB_ERR);
}

/* The patterns of -f FILE: blank lines ignored; -1 after a message. */
static int pattern_file(struct globset *g, struct buf *tr, const char *path, int flags)
{
	struct in *in = in_open(path);
	struct in_line l;
	int k;

	if (!in) {
		msg_warnsys("%s", path);
		return -1;
	}
	while ((k = in_getline(in, &l)) > 0) {
		if (l.len == 0)
			continue;
		if (tr) {
			char *re = glob_translate(l.p, l.len, flags);
			if (!re) {
				msg_warnat(path, in_lineno(in), "%s", errno == ENOTSUP ?
					"!(...) has no regular-expression translation" : strerror(errno));
				in_close(in);
				return -1;
			}
			buf_adds(tr, re);
			buf_addc(tr, '\n');
			free(re);
		} else
			add_pattern(g, path, in_lineno(in), l.p, l.len);
	}
	if (k < 0) {
		msg_warn("%s: %s", in_name(in), in_error(in));
		in_close(in);
		return -1;
	}
	in_close(in);
	return 0;
}

int fnmatch_main(int argc, char **argv)
{
	struct optstate st;
	struct run r = { 0 };
	const char *input = NULL;
	char **pats = xcalloc(2 * (size_t)argc + 2, sizeof *pats);
	int c, npats = 0, flags = 0, glob = 0, hidden = 0, follow = 0, translate = 0, status;
	int have_pat = 0, err = 0;

	r.jobs = sysconf(_SC_NPROCESSORS_ONLN);
	if (r.jobs < 1)
		r.jobs = 1;
	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END) {
		switch (c) {
		case 'b': flags |= GLOB_BRACES; break;
		case 'c': r.count = 1; break;
		case 'e': case 'f':
			/* kept in order, two slots each (at most 2 * argc in all) */
			pats[npats++] = (char *)(c == 'e' ? "e" : "f");
			pats[npats++] = (char *)st.arg;
			have_pat = 1;
			break;
		case 'g': glob = 1; break;
		case O_HIDDEN: hidden = 1; break;
		case 'i': flags |= GLOB_CASEFOLD; break;
		case O_INPUT: input = st.arg; break;
		case 'j': {
			char *end;
			errno = 0;
			r.jobs = strtol(st.arg, &end, 10);
			if (errno || end == st.arg || *end || r.jobs < 1 || r.jobs > 1024) {
				free(pats);
				return msg_usage(&st, "invalid number of jobs '%s' (1 to 1024)", st.arg);
			}
			break;
		}
		case 'L': follow = 1; break;
		case O_LEADINGDIR: flags |= GLOB_LEADING_DIR; break;
		case O_NOESCAPE: flags |= GLOB_NOESCAPE; break;
		case 'p': flags |= GLOB_PATHNAME | GLOB_GITSTAR; break;
		case O_PERIOD: flags |= GLOB_PERIOD; break;
		case O_PYTHON: flags |= GLOB_PYTHON; break;
		case 'q': r.quiet = 1; break;
		case O_TRANSLATE: translate = 1; break;
		case 'v': r.invert = 1; break;
		case 'x': flags |= GLOB_EXTMATCH; break;
		case 'z': r.zero = 1; break;
		default:
			free(pats);
			return msg_option(&st, c);
		}
	}
	if ((flags & GLOB_PYTHON) && (flags & (GLOB_PATHNAME | GLOB_PERIOD | GLOB_LEADING_DIR |
		GLOB_NOESCAPE | GLOB_EXTMATCH))) {
		free(pats);
		return msg_usage(&st, "--python cannot be combined with -p, --period, --leading-dir, "
			"--no-escape or -x");
	}
	if (glob) {
		struct walk_opts wo = { 0 };
		int any = 0;
		free(pats);
		if (have_pat || translate || input || r.invert || r.count)
			return msg_usage(&st, "-g takes only PATTERN operands (no -e, -f, -c, -v, "
				"--input or --translate)");
		if (st.argc == 0)
			return msg_usage(&st, "-g needs a PATTERN");
		wo.hidden = hidden;
		wo.follow = follow;
		wo.flags = flags;
		for (int i = 0; i < st.argc; i++) {
			struct walk_result res;
			if (walk_glob(st.argv[i], &wo, &res) < 0) {
				if (errno == ENOMEM)
					msg_nomem();
				msg_warnsys("%s", st.argv[i]);
				err = 1;
				continue;
			}
			for (size_t k = 0; k < res.nloops; k++)
				msg_warn("%s: symbolic link loop, not followed", res.loops[k]);
			for (size_t k = 0; k < res.n; k++) {
				any = 1;
				if (!r.quiet) {
					out_puts(out_stdout, res.paths[k]);
					out_putc(out_stdout, r.zero ? '\0' : '\n');
				}
			}
			walk_result_free(&res);
		}
		return err ? CB_ERR : any ? CB_OK : CB_NONE;
	}
	if ((hidden || follow))
		return free(pats), msg_usage(&st, "--hidden and -L go with -g");
	if (!have_pat) {
		if (st.argc == 0) {
			free(pats);
			return msg_usage(&st, "no PATTERN given");
		}
		/* with --translate every operand is a pattern */
		do {
			pats[npats++] = "e";
			pats[npats++] = st.argv[0];
			st.argc--;
			st.argv++;
		} while (translate && st.argc > 0);
	} else if (translate && st.argc > 0) {
		free(pats);
		return msg_usage(&st, "--translate takes patterns only, not NAME operands");
	}
	if (translate) {
		struct buf tr = BUF_INIT;
		for (int i = 0; i < npats && !err; i += 2) {
			if (pats[i][0] == 'f') {
				if (pattern_file(NULL, &tr, pats[i + 1], flags) < 0)
					err = 1;
			} else {
				char *re = glob_translate(pats[i + 1], strlen(pats[i + 1]), flags);
				if (!re) {
					if (errno == ENOMEM)
						msg_nomem();
					msg_warn("%s: !(...) has no regular-expression translation", pats[i + 1]);
					err = 1;
					break;
				}
				buf_adds(&tr, re);
				buf_addc(&tr, '\n');
				free(re);
			}
		}
		if (!err)
			out_write(out_stdout, tr.p, tr.len);
		buf_free(&tr);
		free(pats);
		return err ? CB_ERR : CB_OK;
	}
	r.g = globset_new(flags);
	if (!r.g)
		msg_nomem();
	for (int i = 0; i < npats; i += 2) {
		if (pats[i][0] == 'f') {
			if (pattern_file(r.g, NULL, pats[i + 1], flags) < 0) {
				globset_free(r.g);
				free(pats);
				return CB_ERR;
			}
		} else
			add_pattern(r.g, NULL, 0, pats[i + 1], strlen(pats[i + 1]));
	}
	free(pats);
	if (st.argc > 0) {
		if (input) {
			globset_free(r.g);
			return msg_usage(&st, "--input and NAME operands cannot be combined");
		}
		for (int i = 0; i < st.argc; i++)
			if (one(&r, st.argv[i], strlen(st.argv[i])))
				break;
	} else if (filter(&r, input ? input : "-") < 0)
		err = 1;
	if (r.count && !r.quiet)
		out_printf(out_stdout, "%llu\n", r.n);
	globset_free(r.g);
	status = r.n ? CB_OK : CB_NONE;
	if (err && !(r.quiet && r.n))
		status = CB_ERR;
	return status;
}
