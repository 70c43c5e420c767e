/* walk: expand a path pattern against the file system like Python's
 * sorted(glob.glob(p, recursive=True)): components matched with Python's fnmatch rules,
 * "**" as a whole component for any number of directories, hidden names only when the
 * component starts with '.' (or with HIDDEN), output sorted. As bash's globstar, "**" does not
 * descend into symbolic links to directories unless FOLLOW; then loops are detected and listed
 * instead of followed. The result owns its strings; walk_result_free releases them. */
#ifndef COOKBOX_WALK_H
#define COOKBOX_WALK_H

#include <stddef.h>

struct walk_opts {
	int hidden;	/* wildcards match names starting with '.' */
	int follow;	/* "**" descends into symbolic links to directories */
	int flags;	/* GLOB_CASEFOLD and GLOB_BRACES are honoured; the rest is Python's */
};

struct walk_result {
	char **paths;	/* sorted */
	size_t n, cap;
	char **loops;	/* directories not entered because they are their own ancestors */
	size_t nloops, caploops;
};

/* Expand PATTERN into *RES: 0, or -1 with errno (ENOMEM, or EINVAL for a bad pattern).
 * Unreadable directories are skipped silently, as Python does. */
int walk_glob(const char *pattern, const struct walk_opts *o, struct walk_result *res);
void walk_result_free(struct walk_result *res);

#endif
