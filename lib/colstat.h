/* colstat: exact per-column statistics of text cells, typed as csvkit/agate type them (the
 * engine of csvstat). A column takes its cells in row order and keeps only its distinct
 * non-null strings with counts and first rows (lib/tally); past 16K of them, cells that are
 * numbers, ISO dates or datetimes are kept as compact codes counted by sorting (lib/cellcode,
 * lib/sortcount), so memory follows the distinct values, not the rows. colstat_finish then
 * gives the type (Boolean, Number, Date, DateTime or Text: the narrowest that fits every
 * non-null cell; a Number with a leading zero such as 01234 is Text), the typed distinct values
 * (1.0, 1 and 1e0 are one Number; TRUE and true one Boolean) and every statistic, exact
 * (lib/decimal, lib/stats).
 * Null cells: empty, and in any case na, n/a, none, null, ".", and the configured tokens.
 * The column owns its result: the text it points to stays valid until colstat_free. Functions
 * that allocate return 0, or -1 with errno ENOMEM; nothing prints or exits. */
#ifndef COOKBOX_COLSTAT_H
#define COOKBOX_COLSTAT_H

#include <stddef.h>
#include <stdint.h>
#include "csv.h"
#include "stats.h"

enum colstat_type { COLSTAT_BOOLEAN, COLSTAT_NUMBER, COLSTAT_DATE, COLSTAT_DATETIME, COLSTAT_TEXT };

/* agate's name of type T: "Boolean", "Number", "Date", "DateTime", "Text". */
const char *colstat_type_name(enum colstat_type t);

/* How cells are read; all zero is the default. The column keeps a copy; the strings must
 * outlive it. */
struct colstat_conf {
	const char *const *nullv;	/* more null tokens, compared in any case */
	size_t nnullv;
	const char *datefmt;	/* Date cells as this strptime(3) format, not ISO YYYY-MM-DD */
	int noinfer;		/* every column is Text */
	size_t nfreq;		/* how many most common values the result lists */
};

/* One of the most common values: its text as it first appeared (NUL-terminated; it may hold
 * NUL bytes, so use len) and how many cells have its value. */
struct colstat_value {
	const char *text;
	size_t len;
	uint64_t count;
};

/* The statistics of a finished column. */
struct colstat_result {
	enum colstat_type type;
	uint64_t nulls, nonnulls;
	size_t unique;		/* distinct non-null values, compared as typed */
	int has_len;		/* some cell is not null: len and minlen are set */
	size_t len, minlen;	/* the longest and shortest non-null cell, in characters */
	/* Number, Date and DateTime columns with a value, else NULL: a Number's plain decimal
	 * text, a Date as YYYY-MM-DD, a DateTime as first written */
	const char *min, *max;
	int has_num;		/* a Number column with a value: st and places are set */
	struct stats_dec st;	/* exact sum, median, q1, q3; mean and stdev (NAN below 2 values) */
	long places;		/* the most decimal places written */
	const struct colstat_value *freq;	/* the most common, most common first; ties: first seen */
	size_t nfreq;
};

struct colstat;

/* An empty column reading cells as CF says; NULL with errno ENOMEM. */
struct colstat *colstat_new(const struct colstat_conf *cf);
void colstat_free(struct colstat *c);
/* Add the cell P[0..LEN) (P[LEN] readable and '\0') of row ROW (from 1, ascending across calls;
 * ties between equally common values go to the lower row). */
int colstat_add(struct colstat *c, const char *p, size_t len, uint64_t row);
/* Column COL takes field FIELD (from 0) of each row. */
struct colstat_map {
	struct colstat *col;
	size_t field;
};
/* Add row ROW's fields F[0..NF) to the columns of MAP[0..N) (a missing field is a null): the
 * same as colstat_add on each, with the table lookups of the row overlapped. */
int colstat_add_row(const struct colstat_map *map, size_t n, const struct csv_field *f, size_t nf, uint64_t row);
/* Compute the statistics and release the cells' tables (no more adds). */
int colstat_finish(struct colstat *c);
/* The statistics, once colstat_finish has succeeded. */
const struct colstat_result *colstat_result(const struct colstat *c);

#endif
