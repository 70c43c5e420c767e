/* csvstat: per-column statistics of CSV files (RFC 4180), following csvkit's csvstat report.
 * Not implemented yet: the interface is parsed and documented, the work is issue 5. */
#include "msg.h"

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
	"standard input). Not implemented yet in this version of cookbox.",
	opts, 0, CB_ERR
};

int csvstat_main(int argc, char **argv)
{
	struct optstate st;
	int c;

	opt_init(&st, &spec, argc, argv);
	while ((c = opt_next(&st)) != OPT_END)
		if (c < 0)
			return msg_option(&st, c);
	msg_warn("not implemented yet in this version of cookbox");
	return CB_ERR;
}
