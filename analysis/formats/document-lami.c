// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Any view's document as a LAMI result table (lami.h): the LAMI columns
 * of its first table, counts under labels a column per label, and each
 * row's cells as they are, but texts (codes, sites, maps) as strings.
 */
#include <stdlib.h>

#include "document.h"
#include "lami.h"
#include "output.h"

#define TITLE_MAX 64

/* The LAMI columns of the shape of t, and the room for their titles. */
struct lami_shape {
	struct lami_table table;
	struct lami_column *columns;
	char (*titles)[TITLE_MAX];
};

static size_t lami_width(const struct doc_column *col)
{
	if (!(col->formats & DOC_IN(LAMI)))
		return 0;
	return col->type == DOC_COUNTS ? col->label_count : 1;
}

static void lami_shape_fini(struct lami_shape *s)
{
	free(s->columns);
	free(s->titles);
}

static void put_columns(struct lami_shape *s, const struct doc_shape *shape)
{
	size_t i, l, n = doc_column_count(shape, NUMASHIM_REPORT_LAMI), k = 0;

	for (i = 0; i < n; i++) {
		const struct doc_column *col =
			&shape->columns[doc_column_at(shape,
						      NUMASHIM_REPORT_LAMI, i)];

		for (l = 0; l < lami_width(col); l++, k++) {
			s->columns[k] = (struct lami_column) {
				col->title, col->class, col->unit,
			};
			if (col->type != DOC_COUNTS)
				continue;
			snprintf(s->titles[k], TITLE_MAX, col->title,
				 col->labels[l]);
			s->columns[k].title = s->titles[k];
		}
	}
}

static void put_cells(const void *rows, size_t r, struct lami_cell *cells,
		      struct lami_texts *texts);

/* 0, or -1 when out of memory; s is to be released either way. */
static int lami_shape_make(struct lami_shape *s,
			   const struct doc_shape *shape)
{
	size_t i, count = 0;

	for (i = 0; i < shape->column_count; i++)
		count += lami_width(&shape->columns[i]);
	/* One more: not NULL for a table without columns. */
	s->columns = calloc(count + 1, sizeof(*s->columns));
	s->titles = calloc(count + 1, sizeof(*s->titles));
	if (!s->columns || !s->titles)
		return -1;
	put_columns(s, shape);
	s->table = (struct lami_table) {
		.name = shape->name, .title = shape->title,
		.columns = s->columns, .count = count, .row = put_cells,
		.dynamic = shape->dynamic,
	};
	return 0;
}

/* Row r of the document's table rows, as the shape's LAMI columns. */
static void put_cells(const void *rows, size_t r, struct lami_cell *cells,
		      struct lami_texts *texts)
{
	const struct doc_table *t = rows;
	const struct doc_shape *shape = t->shape;
	const struct doc_cell *row = doc_row(t, r);
	size_t i, l, n = doc_column_count(shape, NUMASHIM_REPORT_LAMI);
	size_t text = 0;

	for (i = 0; i < n; i++) {
		size_t c = doc_column_at(shape, NUMASHIM_REPORT_LAMI, i);
		const struct doc_column *col = &shape->columns[c];
		const struct doc_cell *cell = &row[c];

		if (!(col->formats & DOC_IN(LAMI)))
			continue;
		for (l = 0; col->type == DOC_COUNTS && l < col->label_count;
		     l++)
			(cells++)->value = doc_uint(cell->v.counts.v[
				l * cell->v.counts.stride]);
		if (col->type == DOC_COUNTS)
			continue;
		if (cell->type == DOC_NULL)
			(cells++)->value = doc_empty;
		else if (cell->type == DOC_CODE || cell->type == DOC_SITE ||
			 cell->type == DOC_MAP)
			(cells++)->value = doc_string(doc_cell_text(cell,
				texts->v[text++], LAMI_TEXT_MAX));
		else
			(cells++)->value = *cell;
	}
}

int print_document_lami(FILE *out, const struct document *d,
			const struct numashim_report_options *options)
{
	const struct lami_results r = {
		.begin_ns = d->begin_ns, .end_ns = d->end_ns,
		.limit = options->limit,
	};
	const struct doc_table *t = d->tables[0];
	struct lami_shape s = { 0 };
	size_t i;
	int ret;

	/* LAMI's results have no room for them: stderr, as for CSV. */
	document_warnings(d, put_warning, stderr);
	/* The first of the tables in LAMI: its results. */
	for (i = 0; !doc_table_in(t, NUMASHIM_REPORT_LAMI); i++)
		t = d->tables[i + 1];
	ret = lami_shape_make(&s, t->shape);
	if (!ret)
		lami_put_results(out, &s.table, t, t->row_count, &r);
	lami_shape_fini(&s);
	return ret;
}

int print_document_lami_metadata(FILE *out, const char *title,
				 const char *description,
				 const struct doc_shape *shape)
{
	struct lami_shape s = { 0 };
	int ret = lami_shape_make(&s, shape);

	if (!ret)
		lami_put_metadata(out, title, description, &s.table);
	lami_shape_fini(&s);
	return ret;
}
