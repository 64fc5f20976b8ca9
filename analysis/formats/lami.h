/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * LAMI 1.0, the machine interface of the LTTng analyses, which Trace
 * Compass runs as external analyses: a result table's class is a title
 * and a list of column descriptions, each column of one LAMI class; a
 * row is a cell per column, which this writer prints as the data object
 * of the column's class. A table class and a function that fills a row's
 * cells are all a view needs to be printed.
 */
#ifndef NUMASHIM_LAMI_H
#define NUMASHIM_LAMI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "document.h"

extern const char *const lami_class_names[LAMI_CLASSES];

struct lami_column {
	const char *title;
	enum lami_class class;
	const char *unit;	/* of a number; NULL: none */
};

/* A cell: a document's (document.h), whose column's class says what it is. */
struct lami_cell {
	struct doc_cell value;
};

struct lami_cell lami_time_range(uint64_t begin_ns, uint64_t end_ns);
extern const struct lami_cell lami_empty;

/* Room for the texts a row makes up, alive while the row is printed. */
#define LAMI_TEXTS 16
#define LAMI_TEXT_MAX 256

struct lami_texts {
	char v[LAMI_TEXTS][LAMI_TEXT_MAX];
};

struct lami_table {
	const char *name;	/* the table class's, in the metadata */
	const char *title;
	const struct lami_column *columns;
	size_t count;
	/* Fill cells[0..count - 1] with the row i of rows. */
	void (*row)(const void *rows, size_t i, struct lami_cell *cells,
		    struct lami_texts *texts);
	/*
	 * Columns that depend on the trace: the metadata describes those
	 * every trace has, first, and the results carry their table class
	 * whole rather than name the metadata's.
	 */
	bool dynamic;
};

/* What every result table is printed with. */
struct lami_results {
	uint64_t begin_ns, end_ns;	/* the time range the rows cover */
	uint64_t limit;			/* rows at most; 0: all */
};

/* The metadata object of an analysis whose results are table's. */
void lami_put_metadata(FILE *out, const char *title, const char *description,
		       const struct lami_table *table);

/* The results object: one result table, of count rows. */
void lami_put_results(FILE *out, const struct lami_table *table,
		      const void *rows, size_t count,
		      const struct lami_results *r);

void lami_put_error(FILE *out, const char *message);

/*
 * --begin and --end: nanoseconds since the Epoch; --limit: a count or
 * "unlimited" (0). Both return 0, or -1 when text is not one.
 */
int lami_parse_time(const char *text, uint64_t *ns);
int lami_parse_limit(const char *text, uint64_t *limit);

#endif /* NUMASHIM_LAMI_H */
