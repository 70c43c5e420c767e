/* fnmatch-glibc: count the lines of FILE that any pattern of PATFILE matches, through glibc's
 * fnmatch(3) in C.UTF-8, one pattern after another: the C loop bench/fnmatch.sh compares with.
 * usage: fnmatch-glibc PATFILE FILE [MAXLINES] [FLAGS] */
#include <fnmatch.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	char **pat = NULL, *line = NULL;
	size_t np = 0, cap = 0, lcap = 0;
	long max = argc > 3 ? atol(argv[3]) : -1, n = 0, count = 0;
	int flags = argc > 4 ? atoi(argv[4]) : 0;
	ssize_t len;
	FILE *fp;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 3 || !(fp = fopen(argv[1], "r")))
		return 2;
	while ((len = getline(&line, &lcap, fp)) > 0) {
		line[strcspn(line, "\n")] = 0;
		if (np == cap && !(pat = realloc(pat, (cap = cap ? 2 * cap : 64) * sizeof *pat)))
			return 2;
		pat[np++] = strdup(line);
	}
	fclose(fp);
	if (!(fp = fopen(argv[2], "r")))
		return 2;
	while ((max < 0 || n < max) && (len = getline(&line, &lcap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = 0;
		n++;
		for (size_t i = 0; i < np; i++)
			if (fnmatch(pat[i], line, flags) == 0) {
				count++;
				break;
			}
	}
	printf("%ld\n", count);
	return 0;
}
