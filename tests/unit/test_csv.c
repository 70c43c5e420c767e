/* test_csv: lib/csv on the hazards of real files (quotes, CR/LF/CRLF, BOM, NUL, stray quotes,
 * unterminated quotes, huge fields), every case at several block sizes, and the csv-spectrum
 * conformance cases in ../shared when present. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/types.h>
#include "csv.h"
#include "unit.h"

struct mem {
	const char *p;
	size_t len, off, block;
};

static ssize_t mem_read(void *ctx, void *buf, size_t n)
{
	struct mem *m = ctx;

	if (n > m->block)
		n = m->block;
	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(buf, m->p + m->off, n);
	m->off += n;
	return (ssize_t)n;
}

struct out {
	char *p;
	size_t len, cap;
};

static void put(struct out *o, const void *p, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->p = realloc(o->p, o->cap);
		if (!o->p)
			abort();
	}
	memcpy(o->p + o->len, p, n);
	o->len += n;
	o->p[o->len] = '\0';
}

/* Records as "LINE:[field|field]" lines ('|' and '\' escaped, '\n' as \n, '\r' as \r, NUL as
 * \0), then "ERR n@line" on error. */
static char *dump(const char *p, size_t len, size_t block, int delim, int quote, size_t *outlen)
{
	struct mem m = { p, len, 0, block };
	struct csv *c = csv_new(mem_read, &m, delim, quote);
	struct csv_rec r;
	struct out o = { 0 };
	char tmp[64];
	size_t i, j;
	int k;

	put(&o, "", 0);
	while ((k = csv_next(c, &r)) == 1) {
		put(&o, tmp, (size_t)snprintf(tmp, sizeof tmp, "%llu:[", r.line));
		for (i = 0; i < r.n; i++) {
			if (i)
				put(&o, "|", 1);
			if (r.f[i].p[r.f[i].len] != '\0')
				put(&o, "NOTNUL", 6);
			for (j = 0; j < r.f[i].len; j++) {
				char ch = r.f[i].p[j];
				const char *e = ch == '\n' ? "\\n" : ch == '\r' ? "\\r" : ch == '\0' ? "\\0" :
					ch == '|' ? "\\|" : ch == '\\' ? "\\\\" : NULL;
				if (e)
					put(&o, e, 2);
				else
					put(&o, &ch, 1);
			}
		}
		put(&o, "]\n", 2);
	}
	if (k < 0)
		put(&o, tmp, (size_t)snprintf(tmp, sizeof tmp, "ERR %d@%llu\n", csv_error(c), csv_errline(c)));
	csv_free(c);
	*outlen = o.len;
	return o.p;
}

static const size_t blocks[] = { 1, 2, 3, 5, 7, 16, 17, 4096, 1 << 20 };
#define NBLOCKS (sizeof blocks / sizeof blocks[0])

static void same_at_every_block(const char *in, size_t inlen, int delim, int quote, const char *want,
	int line)
{
	size_t b, n;

	for (b = 0; b < NBLOCKS; b++) {
		char *got = dump(in, inlen, blocks[b], delim, quote, &n);
		if (n != strlen(want) || memcmp(got, want, n) != 0) {
			unit_fail++;
			fprintf(stderr, "%s:%d: block %zu: got\n%s\nexpected\n%s\n", __FILE__, line,
				blocks[b], got, want);
		} else {
			unit_pass++;
		}
		free(got);
	}
}

#define CASE(in, want) same_at_every_block(in, sizeof(in) - 1, ',', '"', want, __LINE__)
#define CASE_DQ(in, d, q, want) same_at_every_block(in, sizeof(in) - 1, d, q, want, __LINE__)

static void hazards(void)
{
	CASE("", "");
	CASE("a", "1:[a]\n");
	CASE("a,b\n1,2\n", "1:[a|b]\n2:[1|2]\n");
	CASE("a,b\n1,2", "1:[a|b]\n2:[1|2]\n");
	CASE("a,b\r\n1,2\r\n", "1:[a|b]\n2:[1|2]\n");
	CASE("a,b\r1,2\r", "1:[a|b]\n2:[1|2]\n");
	CASE("a,b\r\r\n1,2", "1:[a|b]\n2:[]\n3:[1|2]\n");
	CASE("a,,\n,\n", "1:[a||]\n2:[|]\n");
	CASE("a,b,", "1:[a|b|]\n");
	CASE("\n\na\n\n", "1:[]\n2:[]\n3:[a]\n4:[]\n");
	CASE("\"a,b\",c\n", "1:[a,b|c]\n");
	CASE("\"a\"\"b\"\n", "1:[a\"b]\n");
	CASE("\"\"\"\"\n", "1:[\"]\n");
	CASE("\"\",\"\"\n", "1:[|]\n");
	CASE("\"a\nb\",c\nd,e\n", "1:[a\\nb|c]\n3:[d|e]\n");
	CASE("\"a\r\nb\",c\r\nd,e\r\n", "1:[a\\r\\nb|c]\n3:[d|e]\n");
	CASE("\"a\rb\rc\",c\rd", "1:[a\\rb\\rc|c]\n4:[d]\n");
	CASE("\"a\n\r\n\rb\"\nx", "1:[a\\n\\r\\n\\rb]\n5:[x]\n");
	/* stray quotes, as Python's csv reads them */
	CASE("ab\"c,d\n", "1:[ab\"c|d]\n");
	CASE("\"ab\"cd,e\n", "1:[abcd|e]\n");
	CASE("\"ab\"c\"d\",e\n", "1:[abc\"d\"|e]\n");
	CASE("a\"\"b\n", "1:[a\"\"b]\n");
	/* BOM only at the very start */
	CASE("\xef\xbb\xbf" "a,b\n1,2\n", "1:[a|b]\n2:[1|2]\n");
	CASE("\xef\xbb\xbf", "");
	CASE("\xef\xbb", "1:[\xef\xbb]\n");
	CASE("a\n\xef\xbb\xbf", "1:[a]\n2:[\xef\xbb\xbf]\n");
	CASE("\xef\xbb\xbf\"q\"", "1:[q]\n");
	/* NUL and invalid UTF-8 are data */
	CASE("a\0b,\"\0\"\n\xff,\xc3\n", "1:[a\\0b|\\0]\n2:[\xff|\xc3]\n");
	/* unterminated quoted fields name the line where they opened */
	CASE("a,b\n1,\"x\ny\nz", "1:[a|b]\nERR 1@2\n");
	CASE("\"", "ERR 1@1\n");
	CASE("a\n\"b\"\"", "1:[a]\nERR 1@2\n");
	CASE("a\r\n\r\n\"x\r\ny", "1:[a]\n2:[]\nERR 1@3\n");
	/* other dialects */
	CASE_DQ("a\tb\t\"c\td\"\n", '\t', '"', "1:[a|b|c\td]\n");
	CASE_DQ("a;'b;''c'\n", ';', '\'', "1:[a|b;'c]\n");
	CASE_DQ("a,\"b,c\"\n", ',', -1, "1:[a|\"b|c\"]\n");
}

static void big_field(void)
{
	size_t n = 5u << 20, i, len;
	char *in = malloc(n + 16), *got;

	memcpy(in, "h\n\"", 3);
	for (i = 3; i < n; i++)
		in[i] = i % 1000 == 0 ? '\n' : i % 777 == 0 ? ',' : 'x';
	memcpy(in + n, "\",end\n", 6);
	got = dump(in, n + 6, 65536, ',', '"', &len);
	CHECK(len > n && memcmp(got, "1:[h]\n2:[", 9) == 0);
	CHECK(len >= 6 && memcmp(got + len - 6, "|end]\n", 6) == 0);
	free(got);
	free(in);
}

static void many_columns(void)
{
	size_t n = 10000, i, len;
	struct out o = { 0 };
	char tmp[16], *got;

	for (i = 0; i < n; i++)
		put(&o, tmp, (size_t)snprintf(tmp, sizeof tmp, i ? ",%zu" : "%zu", i));
	put(&o, "\n", 1);
	got = dump(o.p, o.len, 1000, ',', '"', &len);
	CHECK(len > 0 && strncmp(got, "1:[0|1|2|", 9) == 0 && strstr(got, "|9999]\n") != NULL);
	free(got);
	free(o.p);
}

/* csv-spectrum: each csvs/NAME.csv against json/NAME.json (objects keyed by the header). */
static const char *jp;

static void ws(void)
{
	while (*jp == ' ' || *jp == '\n' || *jp == '\r' || *jp == '\t')
		jp++;
}

static void put_utf8(struct out *o, unsigned cp)
{
	char b[4];

	if (cp < 0x80) {
		b[0] = (char)cp;
		put(o, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		put(o, b, 2);
	} else {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		put(o, b, 3);
	}
}

static int jstring(struct out *o)
{
	ws();
	if (*jp++ != '"')
		return -1;
	put(o, "", 0);
	while (*jp && *jp != '"') {
		if (*jp == '\\') {
			char e = *++jp;
			jp++;
			if (e == 'n')
				put(o, "\n", 1);
			else if (e == 'r')
				put(o, "\r", 1);
			else if (e == 't')
				put(o, "\t", 1);
			else if (e == 'u') {
				unsigned cp = (unsigned)strtoul((char[5]){ jp[0], jp[1], jp[2], jp[3], 0 }, NULL, 16);
				jp += 4;
				put_utf8(o, cp);
			} else
				put(o, &e, 1);
		} else {
			put(o, jp++, 1);
		}
	}
	return *jp++ == '"' ? 0 : -1;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct out o = { 0 };
	char b[4096];
	size_t n;

	if (!fp)
		return NULL;
	put(&o, "", 0);
	while ((n = fread(b, 1, sizeof b, fp)) > 0)
		put(&o, b, n);
	fclose(fp);
	*len = o.len;
	return o.p;
}

static int spectrum_case(const char *dir, const char *name)
{
	char path[512];
	size_t clen, jlen, b, row, col;
	char *csvtext, *json;
	int ok = 1, single;

	snprintf(path, sizeof path, "%s/csvs/%s.csv", dir, name);
	csvtext = slurp(path, &clen);
	snprintf(path, sizeof path, "%s/json/%s.json", dir, name);
	json = slurp(path, &jlen);
	if (!csvtext || !json)
		return 0;
	for (b = 0; b < NBLOCKS; b++) {
		struct mem m = { csvtext, clen, 0, blocks[b] };
		struct csv *c = csv_new(mem_read, &m, ',', '"');
		struct csv_rec r;
		char **head = NULL;
		size_t nhead = 0;

		jp = json;
		ws();
		single = *jp == '{';
		if (!single)
			jp++;
		CHECK(csv_next(c, &r) == 1);
		head = calloc(r.n, sizeof *head);
		for (nhead = 0; nhead < r.n; nhead++)
			head[nhead] = strdup(r.f[nhead].p);
		for (row = 0;; row++) {
			int k = csv_next(c, &r);

			ws();
			if (*jp == ']' || *jp == '\0') {
				CHECK_INT(k, 0);
				break;
			}
			if (*jp == ',')
				jp++;
			ws();
			if (*jp++ != '{' || k != 1) {
				ok = 0;
				break;
			}
			CHECK_INT(r.n, nhead);
			for (col = 0;; col++) {
				struct out key = { 0 }, val = { 0 };
				ws();
				if (*jp == '}') {
					jp++;
					break;
				}
				if (*jp == ',')
					jp++;
				if (jstring(&key) < 0 || (ws(), *jp++ != ':') || jstring(&val) < 0) {
					ok = 0;
					break;
				}
				CHECK(col < nhead && strcmp(key.p, head[col]) == 0);
				/* Upstream's expected phone number is not the one in its CSV. */
				if (!(strcmp(name, "location_coordinates") == 0 && col == 0) && col < r.n)
					CHECK_MEM(r.f[col].p, r.f[col].len, val.p, val.len);
				free(key.p);
				free(val.p);
			}
			if (single) {
				CHECK_INT(csv_next(c, &r), 0);
				break;
			}
		}
		CHECK(ok);
		while (nhead)
			free(head[--nhead]);
		free(head);
		csv_free(c);
	}
	free(csvtext);
	free(json);
	return 1;
}

static void spectrum(void)
{
	const char *dir = "../shared/conformance/csv-spectrum";
	char path[512];
	struct dirent *d;
	DIR *dp;
	int n = 0;

	snprintf(path, sizeof path, "%s/csvs", dir);
	if (!(dp = opendir(path))) {
		printf("SKIP test_csv: csv-spectrum (%s absent)\n", dir);
		return;
	}
	while ((d = readdir(dp))) {
		size_t len = strlen(d->d_name);
		char name[256];

		if (len < 5 || len >= sizeof name || strcmp(d->d_name + len - 4, ".csv") != 0)
			continue;
		memcpy(name, d->d_name, len - 4);
		name[len - 4] = '\0';
		n += spectrum_case(dir, name);
	}
	closedir(dp);
	CHECK(n >= 12);
}

int main(void)
{
	CHECK(csv_new(mem_read, NULL, '\n', '"') == NULL && errno == EINVAL);
	CHECK(csv_new(mem_read, NULL, ',', ',') == NULL);
	hazards();
	big_field();
	many_columns();
	spectrum();
	return unit_done("csv");
}
