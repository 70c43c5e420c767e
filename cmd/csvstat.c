/* csvstat: per-column statistics of CSV files (RFC 4180), following csvkit's csvstat report.
 * The applet is the options, the column selection, the file loop over lib/csv with its
 * messages, and the three reports (text, --csv, --json); lib/colstat keeps each column's
 * cells and computes its type and statistics. */
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "colstat.h"
#include "csv.h"
#include "decimal.h"
#include "io.h"
#include "msg.h"
#include "out.h"
#include "utf8.h"

enum { O_CSV = 256, O_JSON, O_COUNT, O_NULLS, O_UNIQUE, O_MIN, O_MAX, O_SUM, O_MEAN, O_MEDIAN,
	O_STDEV, O_LEN, O_FREQ, O_NULLVALUE, O_DATEFMT, O_STRICT };

static const struct opt opts[] = {
	{ 'C', "not-columns", OPT_REQ, "LIST", "report all columns but these" },
	{ 'c', "columns", OPT_REQ, "LIST", "report only these columns (names, 1-based indices, ranges)" },
	{ O_COUNT, "count", OPT_NONE, NULL, "print only the row count" },
	{ O_CSV, "csv", OPT_NONE, NULL, "one CSV row per column" },
	{ O_DATEFMT, "date-format", OPT_REQ, "FMT", "dates as strptime(3) FMT" },
	{ 'd', "delimiter", OPT_REQ, "C", "field delimiter (,)" },
	{ O_FREQ, "freq", OPT_NONE, NULL, "print only the most common values" },
	{ 'H', "no-header-row", OPT_NONE, NULL, "the first row is data; columns are a, b, c, ..." },
	{ 'I', "no-inference", OPT_NONE, NULL, "treat every column as Text" },
	{ O_JSON, "json", OPT_NONE, NULL, "a JSON array of one object per column" },
	{ O_LEN, "len", OPT_NONE, NULL, "print only the longest value's length" },
	{ O_MAX, "max", OPT_NONE, NULL, "print only the maximum" },
	{ O_MEAN, "mean", OPT_NONE, NULL, "print only the mean" },
	{ O_MEDIAN, "median", OPT_NONE, NULL, "print only the median" },
	{ O_MIN, "min", OPT_NONE, NULL, "print only the minimum" },
	{ 'n', "freq-count", OPT_REQ, "N", "how many common values to list (5)" },
	{ O_NULLVALUE, "null-value", OPT_REQ, "STR", "also count STR as null (repeatable)" },
	{ O_NULLS, "nulls", OPT_NONE, NULL, "print only the count of nulls" },
	{ 'q', "quotechar", OPT_REQ, "C", "quote character (\")" },
	{ O_STDEV, "stdev", OPT_NONE, NULL, "print only the sample standard deviation" },
	{ O_STRICT, "strict", OPT_NONE, NULL, "ragged rows are an error" },
	{ O_SUM, "sum", OPT_NONE, NULL, "print only the sum" },
	{ 't', "tabs", OPT_NONE, NULL, "fields are separated by tabs" },
	{ O_UNIQUE, "unique", OPT_NONE, NULL, "print only the count of distinct values" },
	{ 0 }
};

static const struct optspec spec = {
	"[OPTIONS] [FILE...]",
	"Print statistics of every column of each CSV FILE (gzip and bzip2 read too; - or none is "
	"standard input).",
	opts, 0, CB_ERR
};

enum fmt { F_TEXT, F_CSV, F_JSON };

struct conf {
	int delim, quote, header, strict, count_only, one;
	enum fmt fmt;
	const char *cols, *notcols;
	struct colstat_conf st;
	const char **nullv;
	int nfiles, csv_header_done, printed;
};

struct col {
	char *name;
	size_t idx;		/* 0-based in the file */
	const struct colstat_result *r;
};

/* ---- output ---- */

static struct out *o = out_stdout;

/* Text with line breaks shown as \n and \r. */
static void put_esc(const char *p, size_t len)
{
	size_t i, s = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '\n' || p[i] == '\r') {
			out_write(o, p + s, i - s);
			out_puts(o, p[i] == '\n' ? "\\n" : "\\r");
			s = i + 1;
		}
	}
	out_write(o, p + s, len - s);
}

/* csvkit's format_decimal: rounded to 3 places (half even), trailing zeros dropped. */
static void put_readable(const char *s)
{
	char buf[64], *t;
	const char *dot = strchr(s, '.');
	size_t n, i, intlen;
	int neg = s[0] == '-';

	if (!dot || strlen(dot + 1) <= 3) {
		out_puts(o, s);
		return;
	}
	n = (size_t)(dot - s) + 4;	/* through 3 places */
	t = n + 2 <= sizeof buf ? buf : xmalloc(n + 2);
	/* digits of s without the point, up to 3 places, one spare leading digit for the carry */
	t[0] = '0';
	intlen = (size_t)(dot - s) - (size_t)neg;
	memcpy(t + 1, s + neg, intlen);
	memcpy(t + 1 + intlen, dot + 1, 3);
	{
		const char *rest = dot + 4;
		int up = 0;
		if (*rest > '5')
			up = 1;
		else if (*rest == '5') {
			const char *z = rest + 1;
			while (*z == '0')
				z++;
			up = *z != '\0' || ((t[intlen + 3] - '0') & 1);
		}
		if (up)
			for (i = intlen + 3; ; i--) {
				if (t[i] == '9')
					t[i] = '0';
				else {
					t[i]++;
					break;
				}
			}
	}
	/* t[0..intlen+4) = carry digit, integer digits, 3 places */
	{
		size_t end = intlen + 4, start = t[0] == '0' ? 1 : 0, k;
		int nonzero = 0;

		while (end > intlen + 1 && t[end - 1] == '0')
			end--;
		for (k = start; k < end; k++)
			nonzero |= t[k] != '0';
		if (neg && nonzero)
			out_putc(o, '-');
		out_write(o, t + start, intlen + 1 - start);
		if (end > intlen + 1) {
			out_putc(o, '.');
			out_write(o, t + intlen + 1, end - intlen - 1);
		}
	}
	if (t != buf)
		free(t);
}

static void put_readable_dbl(double x)
{
	char buf[400];
	size_t n;

	if (!isfinite(x)) {
		out_puts(o, isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
		return;
	}
	n = (size_t)snprintf(buf, sizeof buf, "%.3f", x);
	while (n > 0 && buf[n - 1] == '0')
		n--;
	if (n > 0 && buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	out_puts(o, strcmp(buf, "-0") == 0 ? "0" : buf);
}

/* The shortest text that reads back as X ("2", "0.1", "1e+22"). */
static const char *shortest(double x, char *buf)
{
	size_t n = strlen(dbl_repr(x, buf));

	if (n > 2 && strcmp(buf + n - 2, ".0") == 0)
		buf[n - 2] = '\0';
	return buf;
}

static void put_u64(uint64_t v)
{
	out_printf(o, "%llu", (unsigned long long)v);
}

static int has_stdev(const struct col *c)
{
	return c->r->has_num && c->r->nonnulls >= 2 && !isnan(c->r->st.stdev);
}

static const char *const labels[] = {
	"Type of data:", "Contains null values:", "Null values:", "Non-null values:", "Unique values:",
	"Smallest value:", "Largest value:", "Sum:", "Mean:", "Median:", "StDev:", "1st quartile:",
	"3rd quartile:", "Longest value:", "Shortest value:", "Most decimal places:", "Most common values:"
};

static void label(int i)
{
	out_printf(o, "\t%-22s ", labels[i]);
}

/* A report line: label I and a decimal, a double or a count, read the way csvkit writes them. */
static void line_dec(int i, const char *s)
{
	label(i);
	put_readable(s);
	out_putc(o, '\n');
}

static void line_dbl(int i, double x)
{
	label(i);
	put_readable_dbl(x);
	out_putc(o, '\n');
}

static void line_u64(int i, uint64_t v)
{
	label(i);
	put_u64(v);
	out_putc(o, '\n');
}

static void report_text(const struct conf *cf, struct col *cols, size_t ncols, uint64_t rows)
{
	size_t i, k;

	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];

		out_printf(o, "%3zu. \"", c->idx + 1);
		put_esc(c->name, strlen(c->name));
		out_puts(o, "\"\n\n");
		label(0);
		out_printf(o, "%s\n", colstat_type_name(c->r->type));
		label(1);
		out_puts(o, c->r->nulls ? "True (excluded from calculations)\n" : "False\n");
		line_u64(2, c->r->nulls);
		line_u64(3, c->r->nonnulls);
		label(4);
		out_printf(o, "%zu\n", c->r->unique);
		if (c->r->min) {
			label(5);
			c->r->has_num ? put_readable(c->r->min) : out_puts(o, c->r->min);
			out_putc(o, '\n');
			label(6);
			c->r->has_num ? put_readable(c->r->max) : out_puts(o, c->r->max);
			out_putc(o, '\n');
		}
		if (c->r->has_num) {
			line_dec(7, c->r->st.sum);
			line_dbl(8, c->r->st.mean);
			line_dec(9, c->r->st.median);
			if (has_stdev(c))
				line_dbl(10, c->r->st.stdev);
			line_dec(11, c->r->st.q1);
			line_dec(12, c->r->st.q3);
		}
		if (c->r->has_len) {
			label(13);
			out_printf(o, "%zu characters\n", c->r->len);
			label(14);
			out_printf(o, "%zu characters\n", c->r->minlen);
		}
		if (c->r->has_num) {
			label(15);
			out_printf(o, "%ld\n", c->r->places);
		}
		for (k = 0; k < c->r->nfreq; k++) {
			size_t len = c->r->freq[k].len;
			const char *v = c->r->freq[k].text;
			if (k == 0)
				label(16);
			else
				out_printf(o, "\t%-22s ", "");
			put_esc(v, len);
			out_printf(o, " (%llux)\n", (unsigned long long)c->r->freq[k].count);
		}
		out_putc(o, '\n');
	}
	(void)cf;
	out_printf(o, "Row count: %llu\n", (unsigned long long)rows);
}

static void csv_cell(const char *p, size_t len)
{
	size_t i;

	if (!memchr(p, ',', len) && !memchr(p, '"', len) && !memchr(p, '\n', len) && !memchr(p, '\r', len)) {
		out_write(o, p, len);
		return;
	}
	out_putc(o, '"');
	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			out_putc(o, '"');
		out_putc(o, p[i]);
	}
	out_putc(o, '"');
}

static void csv_str(const char *s)
{
	csv_cell(s, strlen(s));
}

static void report_csv(struct conf *cf, struct col *cols, size_t ncols, const char *file)
{
	size_t i, k;
	char buf[32];

	if (!cf->csv_header_done) {
		if (file)
			out_puts(o, "file,");
		out_puts(o, "column_id,column_name,type,nulls,nonnulls,unique,min,max,sum,mean,median,stdev,q1,q3,"
		"len,minlen,maxprecision,freq\n");
		cf->csv_header_done = 1;
	}
	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];
		struct buf fb = BUF_INIT;

		if (file) {
			csv_str(file);
			out_putc(o, ',');
		}
		out_printf(o, "%zu,", c->idx + 1);
		csv_str(c->name);
		out_printf(o, ",%s,%llu,%llu,%zu,", colstat_type_name(c->r->type), (unsigned long long)c->r->nulls,
			(unsigned long long)c->r->nonnulls, c->r->unique);
		if (c->r->min) {
			csv_str(c->r->min);
			out_putc(o, ',');
			csv_str(c->r->max);
		} else {
			out_putc(o, ',');
		}
		out_putc(o, ',');
		if (c->r->has_num) {
			out_printf(o, "%s,%s,%s,", c->r->st.sum, shortest(c->r->st.mean, buf), c->r->st.median);
			if (has_stdev(c))
				out_puts(o, shortest(c->r->st.stdev, buf));
			out_printf(o, ",%s,%s,", c->r->st.q1, c->r->st.q3);
		} else {
			out_puts(o, ",,,,,,");
		}
		if (c->r->has_len)
			out_printf(o, "%zu,%zu,", c->r->len, c->r->minlen);
		else
			out_puts(o, ",,");
		if (c->r->has_num)
			out_printf(o, "%ld", c->r->places);
		out_putc(o, ',');
		for (k = 0; k < c->r->nfreq; k++) {
			size_t len = c->r->freq[k].len;
			const char *v = c->r->freq[k].text;
			if ((k && buf_add(&fb, ", ", 2) < 0) || buf_add(&fb, v, len) < 0)
				msg_nomem();
		}
		csv_cell(fb.p ? fb.p : "", fb.len);
		buf_free(&fb);
		out_putc(o, '\n');
	}
}

static void json_str(const char *p, size_t len)
{
	size_t i = 0;

	out_putc(o, '"');
	while (i < len) {
		unsigned char ch = (unsigned char)p[i];
		if (ch < 0x80) {
			if (ch == '"' || ch == '\\') {
				out_putc(o, '\\');
				out_putc(o, ch);
			} else if (ch == '\n') {
				out_puts(o, "\\n");
			} else if (ch == '\r') {
				out_puts(o, "\\r");
			} else if (ch == '\t') {
				out_puts(o, "\\t");
			} else if (ch < 0x20 || ch == 0x7f) {
				out_printf(o, "\\u%04x", ch);
			} else {
				out_putc(o, ch);
			}
			i++;
		} else {
			int32_t cp;
			size_t k = utf8_decode(p + i, len - i, &cp);
			if (cp == UTF8_INVALID)
				out_puts(o, "\\ufffd");
			else
				out_write(o, p + i, k);
			i += k;
		}
	}
	out_putc(o, '"');
}

static void json_key(const char *k, int first)
{
	out_printf(o, "%s\"%s\": ", first ? "" : ", ", k);
}

static void report_json(const struct conf *cf, struct col *cols, size_t ncols)
{
	size_t i, k;
	char buf[32];

	(void)cf;
	out_putc(o, '[');
	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];
		out_puts(o, i ? ",\n  {" : "\n  {");
		json_key("column_id", 1);
		out_printf(o, "%zu", c->idx + 1);
		json_key("column_name", 0);
		json_str(c->name, strlen(c->name));
		json_key("type", 0);
		out_printf(o, "\"%s\"", colstat_type_name(c->r->type));
		json_key("nulls", 0);
		put_u64(c->r->nulls);
		json_key("nonnulls", 0);
		put_u64(c->r->nonnulls);
		json_key("unique", 0);
		out_printf(o, "%zu", c->r->unique);
		json_key("min", 0);
		if (!c->r->min)
			out_puts(o, "null");
		else if (c->r->has_num)
			out_puts(o, c->r->min);
		else
			json_str(c->r->min, strlen(c->r->min));
		json_key("max", 0);
		if (!c->r->max)
			out_puts(o, "null");
		else if (c->r->has_num)
			out_puts(o, c->r->max);
		else
			json_str(c->r->max, strlen(c->r->max));
		json_key("sum", 0);
		out_puts(o, c->r->has_num ? c->r->st.sum : "null");
		json_key("mean", 0);
		out_puts(o, c->r->has_num && isfinite(c->r->st.mean) ? shortest(c->r->st.mean, buf) : "null");
		json_key("median", 0);
		out_puts(o, c->r->has_num ? c->r->st.median : "null");
		json_key("stdev", 0);
		out_puts(o, has_stdev(c) && isfinite(c->r->st.stdev) ? shortest(c->r->st.stdev, buf) : "null");
		json_key("q1", 0);
		out_puts(o, c->r->has_num ? c->r->st.q1 : "null");
		json_key("q3", 0);
		out_puts(o, c->r->has_num ? c->r->st.q3 : "null");
		json_key("len", 0);
		c->r->has_len ? out_printf(o, "%zu", c->r->len) : out_puts(o, "null");
		json_key("minlen", 0);
		c->r->has_len ? out_printf(o, "%zu", c->r->minlen) : out_puts(o, "null");
		json_key("maxprecision", 0);
		c->r->has_num ? out_printf(o, "%ld", c->r->places) : out_puts(o, "null");
		json_key("freq", 0);
		out_putc(o, '[');
		for (k = 0; k < c->r->nfreq; k++) {
			size_t len = c->r->freq[k].len;
			const char *v = c->r->freq[k].text;
			out_puts(o, k ? ", {\"value\": " : "{\"value\": ");
			json_str(v, len);
			out_printf(o, ", \"count\": %llu}", (unsigned long long)c->r->freq[k].count);
		}
		out_puts(o, "]}");
	}
	out_puts(o, ncols ? "\n]" : "]");
}

/* One statistic per column, as csvkit's print_one. */
static void report_one(const struct conf *cf, struct col *cols, size_t ncols)
{
	size_t i, k;

	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];

		if (ncols > 1)
			out_printf(o, "%3zu. %s: ", c->idx + 1, c->name);
		switch (cf->one) {
		case O_NULLS:
			put_u64(c->r->nulls);
			break;
		case O_UNIQUE:
			out_printf(o, "%zu", c->r->unique);
			break;
		case O_MIN:
		case O_MAX: {
			const char *v = cf->one == O_MIN ? c->r->min : c->r->max;
			if (!v)
				out_puts(o, "None");
			else if (c->r->has_num)
				put_readable(v);
			else
				out_puts(o, v);
			break;
		}
		case O_SUM:
		case O_MEDIAN:
			if (c->r->has_num)
				put_readable(cf->one == O_SUM ? c->r->st.sum : c->r->st.median);
			else
				out_puts(o, "None");
			break;
		case O_MEAN:
			if (c->r->has_num)
				put_readable_dbl(c->r->st.mean);
			else
				out_puts(o, "None");
			break;
		case O_STDEV:
			if (has_stdev(c))
				put_readable_dbl(c->r->st.stdev);
			else
				out_puts(o, "None");
			break;
		case O_LEN:
			if (c->r->has_len)
				out_printf(o, "%zu", c->r->len);
			else
				out_puts(o, "None");
			break;
		case O_FREQ:
			out_puts(o, "{ ");
			for (k = 0; k < c->r->nfreq; k++) {
				size_t len = c->r->freq[k].len;
				const char *v = c->r->freq[k].text;
				out_puts(o, k ? ", \"" : "\"");
				put_esc(v, len);
				out_printf(o, "\": %llu", (unsigned long long)c->r->freq[k].count);
			}
			out_puts(o, " }");
			break;
		}
		out_putc(o, '\n');
	}
}

/* ---- columns ---- */

static char *letter_name(size_t i)
{
	size_t reps = i / 26 + 1, k;
	char *s = xmalloc(reps + 1);

	for (k = 0; k < reps; k++)
		s[k] = (char)('a' + i % 26);
	s[reps] = '\0';
	return s;
}

/* Column indices of LIST ("name,3,5-7") among NAMES; -1 after a message on a bad item. */
static long resolve(const char *list, char **names, size_t n, const char *file, size_t **idx, size_t *nidx)
{
	char *copy = xstrdup(list), *item, *save = NULL;
	size_t cap = 16;

	*nidx = 0;
	*idx = xmalloc(cap * sizeof **idx);
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		size_t i, lo = 0, hi = 0;
		char *end;
		int found = 0;

		for (i = 0; i < n; i++)
			if (strcmp(names[i], item) == 0) {
				lo = hi = i + 1;
				found = 1;
				break;
			}
		if (!found) {
			/* N, N-M, N-, -M (and N:M), as csvkit reads them */
			const char *q = item;
			unsigned long a = 1, b;
			int ok = 1;

			if (*q >= '0' && *q <= '9') {
				a = strtoul(q, &end, 10);
				q = end;
			} else if (*q != '-' && *q != ':') {
				ok = 0;
			}
			b = a;
			if (ok && (*q == '-' || *q == ':')) {
				q++;
				b = n;
				if (*q >= '0' && *q <= '9') {
					b = strtoul(q, &end, 10);
					q = end;
				} else if (q == item + 1) {
					ok = 0;	/* "-" alone */
				}
			}
			if (!ok || *q || a < 1 || b < a || b > n) {
				msg_warnat(file, 0, "no column '%s' (%zu columns)", item, n);
				free(copy);
				free(*idx);
				*idx = NULL;
				return -1;
			}
			lo = a;
			hi = b;
		}
		for (i = lo; i <= hi; i++) {
			size_t j;

			for (j = 0; j < *nidx && (*idx)[j] != i - 1; j++)
				;
			if (j < *nidx)
				continue;
			if (*nidx == cap)
				*idx = xrealloc(*idx, (cap *= 2) * sizeof **idx);
			(*idx)[(*nidx)++] = i - 1;
		}
	}
	free(copy);
	return 0;
}

/* ---- one file ---- */

static int stat_file(struct conf *cf, const char *path)
{
	struct in *in = in_open(path);
	struct csv *csv;
	struct csv_rec r;
	char **names = NULL;
	size_t ncolfile = 0, ncols = 0, i, *sel = NULL, nsel = 0;
	struct col *cols = NULL;
	struct colstat_map *cs = NULL;
	uint64_t rows = 0, ragged = 0;
	unsigned long long rag_line = 0;
	size_t rag_n = 0;
	int k, status = CB_OK, have_header = 0;
	const char *name = !strcmp(path, "-") ? "(standard input)" : path;

	if (!in) {
		msg_warn("%s: %s", name, strerror(errno));
		return CB_ERR;
	}
	if (!(csv = csv_new_in(in, cf->delim, cf->quote)))
		msg_nomem();
	while ((k = csv_next(csv, &r)) == 1) {
		if (!have_header) {
			if (r.n == 0 && cf->header)
				continue;
			have_header = 1;
			ncolfile = r.n;
			names = xcalloc(ncolfile ? ncolfile : 1, sizeof *names);
			for (i = 0; i < ncolfile; i++)
				names[i] = cf->header ? xmemdup(r.f[i].p, r.f[i].len + 1) : letter_name(i);
			/* selection */
			if (cf->cols) {
				if (resolve(cf->cols, names, ncolfile, name, &sel, &nsel) < 0) {
					status = CB_ERR;
					goto done;
				}
			} else {
				sel = xmalloc((ncolfile ? ncolfile : 1) * sizeof *sel);
				for (i = 0; i < ncolfile; i++)
					sel[i] = i;
				nsel = ncolfile;
			}
			if (cf->notcols) {
				size_t *ex, nex, j, m = 0;
				if (resolve(cf->notcols, names, ncolfile, name, &ex, &nex) < 0) {
					status = CB_ERR;
					goto done;
				}
				for (i = 0; i < nsel; i++) {
					for (j = 0; j < nex && ex[j] != sel[i]; j++)
						;
					if (j == nex)
						sel[m++] = sel[i];
				}
				nsel = m;
				free(ex);
			}
			ncols = nsel;
			cols = xcalloc(ncols ? ncols : 1, sizeof *cols);
			cs = xcalloc(ncols ? ncols : 1, sizeof *cs);
			for (i = 0; i < ncols; i++) {
				cols[i].idx = sel[i];
				cols[i].name = xstrdup(names[sel[i]]);
				cs[i].field = sel[i];
				if (!(cs[i].col = colstat_new(&cf->st)))
					msg_nomem();
			}
			if (cf->header)
				continue;
		}
		rows++;
		if (r.n != ncolfile && r.n != 0) {
			if (ragged++ == 0) {
				rag_line = r.line;
				rag_n = r.n;
			}
			if (cf->strict) {
				msg_warnat(name, r.line, "%zu fields, header has %zu", r.n, ncolfile);
				status = CB_ERR;
				goto done;
			}
		}
		if (cf->count_only)
			continue;
		if (colstat_add_row(cs, ncols, r.f, r.n, rows) < 0)
			msg_nomem();
	}
	if (k < 0) {
		if (csv_error(csv) == CSV_EQUOTE)
			msg_warnat(name, csv_errline(csv), "unterminated quoted field");
		else if (csv_error(csv) == CSV_EREAD)
			msg_warn("%s: %s", name, in_error(in));
		else
			msg_nomem();
		status = CB_ERR;
		goto done;
	}
	if (ragged)
		msg_warnat(name, rag_line, "%zu fields, header has %zu (%llu ragged row%s)", rag_n, ncolfile,
			(unsigned long long)ragged, ragged == 1 ? "" : "s");
	if (cf->nfiles > 1 && cf->fmt == F_TEXT)
		out_printf(o, "%s==> %s <==\n", cf->printed ? "\n" : "", name);
	cf->printed = 1;
	if (cf->count_only) {
		out_printf(o, "%llu\n", (unsigned long long)rows);
		goto done;
	}
	for (i = 0; i < ncols; i++) {
		if (colstat_finish(cs[i].col) < 0)
			msg_nomem();
		cols[i].r = colstat_result(cs[i].col);
	}
	if (cf->one)
		report_one(cf, cols, ncols);
	else if (cf->fmt == F_CSV)
		report_csv(cf, cols, ncols, cf->nfiles > 1 ? name : NULL);
	else if (cf->fmt == F_JSON) {
		report_json(cf, cols, ncols);
		if (cf->nfiles == 1)
			out_putc(o, '\n');
	}
	else
		report_text(cf, cols, ncols, rows);
done:
	for (i = 0; i < ncols; i++) {
		free(cols[i].name);
		colstat_free(cs[i].col);
	}
	free(cols);
	free(cs);
	for (i = 0; i < ncolfile; i++)
		free(names[i]);
	free(names);
	free(sel);
	csv_free(csv);
	in_close(in);
	return status;
}

static int one_char(const struct optstate *st, const char *arg, int *c)
{
	if (strcmp(arg, "\\t") == 0 || strcmp(arg, "tab") == 0) {
		*c = '\t';
		return 0;
	}
	if (strlen(arg) != 1 || arg[0] == '\n' || arg[0] == '\r') {
		msg_usage(st, "%s needs one character, not '%s'", st->name, arg);
		return -1;
	}
	*c = (unsigned char)arg[0];
	return 0;
}

int csvstat_main(int argc, char **argv)
{
	struct optstate st;
	struct conf cf;
	int c, status = CB_OK, i;
	const char *stdin_only[] = { "-" };
	char **files;

	/* Big tables come and go per column: keep freed memory for the next one instead of
	 * returning it, so its pages are not faulted in and zeroed again. */
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	memset(&cf, 0, sizeof cf);
	cf.delim = ',';
	cf.quote = '"';
	cf.header = 1;
	cf.st.nfreq = 5;
	cf.fmt = F_TEXT;
	cf.nullv = xmalloc((size_t)(argc + 1) * sizeof *cf.nullv);
	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END) {
		switch (c) {
		case 'C':
			cf.notcols = st.arg;
			break;
		case 'c':
			cf.cols = st.arg;
			break;
		case O_COUNT:
			cf.count_only = 1;
			break;
		case O_CSV:
		case O_JSON:
			if (cf.fmt != F_TEXT && cf.fmt != (c == O_CSV ? F_CSV : F_JSON)) {
				free(cf.nullv);
				return msg_usage(&st, "--csv and --json exclude each other");
			}
			cf.fmt = c == O_CSV ? F_CSV : F_JSON;
			break;
		case O_DATEFMT:
			cf.st.datefmt = st.arg;
			break;
		case 'd':
			if (one_char(&st, st.arg, &cf.delim) < 0) {
				free(cf.nullv);
				return CB_ERR;
			}
			break;
		case 't':
			cf.delim = '\t';
			break;
		case 'q':
			if (one_char(&st, st.arg, &cf.quote) < 0) {
				free(cf.nullv);
				return CB_ERR;
			}
			break;
		case 'H':
			cf.header = 0;
			break;
		case 'I':
			cf.st.noinfer = 1;
			break;
		case 'n': {
			char *end;
			long v = strtol(st.arg, &end, 10);
			if (end == st.arg || *end || v < 1 || v > 1000000000L) {
				free(cf.nullv);
				return msg_usage(&st, "invalid count for %s: '%s'", st.name, st.arg);
			}
			cf.st.nfreq = (size_t)v;
			break;
		}
		case O_NULLVALUE:
			cf.nullv[cf.st.nnullv++] = st.arg;
			break;
		case O_STRICT:
			cf.strict = 1;
			break;
		case O_NULLS: case O_UNIQUE: case O_MIN: case O_MAX: case O_SUM: case O_MEAN:
		case O_MEDIAN: case O_STDEV: case O_LEN: case O_FREQ:
			if (cf.one && cf.one != c) {
				free(cf.nullv);
				return msg_usage(&st, "only one statistic may be asked for (--mean, --median, ...)");
			}
			cf.one = c;
			break;
		default:
			free(cf.nullv);
			return msg_option(&st, c);
		}
	}
	if (cf.delim == cf.quote) {
		free(cf.nullv);
		return msg_usage(&st, "the delimiter and the quote character must differ");
	}
	if (cf.one && cf.fmt != F_TEXT) {
		free(cf.nullv);
		return msg_usage(&st, "a single statistic cannot be printed as --csv or --json");
	}
	if (cf.one && cf.count_only) {
		free(cf.nullv);
		return msg_usage(&st, "--count and a single statistic exclude each other");
	}
	cf.st.nullv = cf.nullv;
	files = st.argc ? st.argv : (char **)stdin_only;
	cf.nfiles = st.argc ? st.argc : 1;
	if (cf.fmt == F_JSON && cf.nfiles > 1)
		out_putc(o, '{');
	for (i = 0; i < cf.nfiles; i++) {
		if (cf.nfiles > 1) {
			if (cf.fmt == F_JSON) {
				out_puts(o, i ? ",\n" : "\n");
				json_str(strcmp(files[i], "-") ? files[i] : "(standard input)",
					strlen(strcmp(files[i], "-") ? files[i] : "(standard input)"));
				out_puts(o, ": ");
			}
		}
		if (stat_file(&cf, files[i]) != CB_OK) {
			status = CB_ERR;
			if (cf.fmt == F_JSON && cf.nfiles > 1)
				out_puts(o, "null");
		}
	}
	if (cf.fmt == F_JSON && cf.nfiles > 1)
		out_puts(o, "\n}\n");
	free(cf.nullv);
	return status;
}
