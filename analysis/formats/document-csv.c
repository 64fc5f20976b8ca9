// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Any view's document as CSV (RFC 4180), for spreadsheets and scripts:
 * a header line, then a line per row of its list, its columns named after
 * the JSON members ("latency_ns.sum" for a nested one, "calls.mbind" for
 * one of counts by label). A map is one column, "ENODEV=2 EPERM=1".
 * Strings are escaped as in text (put_escaped), then quoted as RFC 4180
 * says. Warnings go to stderr, so that the output stays a table.
 */
#include <inttypes.h>

#include "document.h"
#include "output.h"

/*
 * The fields after the first follow a comma: &",..."[first] is the
 * format without it for the first.
 */
static void put_header(FILE *out, const struct doc_shape *shape)
{
	size_t i, l, n = doc_column_count(shape, NUMASHIM_REPORT_CSV);
	bool first = true;

	for (i = 0; i < n; i++) {
		const struct doc_column *col =
			&shape->columns[doc_column_at(shape,
						      NUMASHIM_REPORT_CSV, i)];
		const char *name = col->csv ? col->csv : col->key;

		if (!(col->formats & DOC_IN(CSV)))
			continue;
		if (col->type != DOC_COUNTS) {
			fprintf(out, &",%s"[first], name);
			first = false;
		}
		for (l = 0; col->type == DOC_COUNTS && l < col->label_count;
		     l++, first = false)
			fprintf(out, &",%s.%s"[first], name, col->labels[l]);
	}
	fputc('\n', out);
}

static void put_value(FILE *out, const struct doc_cell *cell)
{
	char text[DOC_TEXT_MAX];

	switch (cell->type) {
	case DOC_INT:
		fprintf(out, "%" PRId64, cell->v.i);
		break;
	case DOC_UINT:
		fprintf(out, "%" PRIu64, cell->v.u);
		break;
	case DOC_REAL:
		fprintf(out, "%.1f", cell->v.d);
		break;
	case DOC_BOOL:
		fputs(cell->v.b ? "true" : "false", out);
		break;
	default:
		put_csv_string(out, doc_cell_text(cell, text, sizeof(text)));
	}
}

static void put_row(FILE *out, const struct doc_table *t, size_t r)
{
	const struct doc_shape *shape = t->shape;
	const struct doc_cell *cells = doc_row(t, r);
	size_t i, l, n = doc_column_count(shape, NUMASHIM_REPORT_CSV);
	bool first = true;

	for (i = 0; i < n; i++) {
		size_t c = doc_column_at(shape, NUMASHIM_REPORT_CSV, i);
		const struct doc_column *col = &shape->columns[c];

		if (!(col->formats & DOC_IN(CSV)))
			continue;
		if (col->type != DOC_COUNTS) {
			fputs(&","[first], out);
			put_value(out, &cells[c]);
			first = false;
		}
		for (l = 0; col->type == DOC_COUNTS && l < col->label_count;
		     l++, first = false)
			fprintf(out, &",%" PRIu64[first], cells[c].v.counts.v[
					l * cells[c].v.counts.stride]);
	}
	fputc('\n', out);
}

int print_document_csv(FILE *out, const struct document *d,
		       const struct numashim_report_options *options)
{
	size_t i, r;

	(void) options;
	for (i = 0; i < d->table_count; i++) {
		const struct doc_table *t = d->tables[i];

		if (t->shape->members || !doc_table_in(t, NUMASHIM_REPORT_CSV))
			continue;
		put_header(out, t->shape);
		for (r = 0; r < t->row_count; r++)
			put_row(out, t, r);
	}
	document_warnings(d, put_warning, stderr);
	return 0;
}
