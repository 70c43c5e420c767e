/* findrobots: the client hosts that requested /robots.txt, from Apache/nginx common and
 * combined access logs (plain, gzip, bzip2), in parallel, following the cookbook recipe.
 * Not implemented yet: the interface is parsed and documented, the work is issue 6. */
#include "msg.h"

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
	"(files or directories; gzip and bzip2 read too; - or none is standard input). "
	"Not implemented yet in this version of cookbox.",
	opts, 0, CB_ERR
};

int findrobots_main(int argc, char **argv)
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
