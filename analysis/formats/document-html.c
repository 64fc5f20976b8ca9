// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Any view's document as tables of the HTML page: the columns LAMI
 * gives, under their LAMI titles (a column of counts by label, a column
 * per label), in a table of class doc with the view's name in its
 * data-view; each cell carries its value in data-value where the text
 * shown is not the value itself, so that a check can read the page as
 * it reads the JSON report.
 */
#include <inttypes.h>

#include "document.h"
#include "html.h"

#define TITLE_MAX 64

static void put_heads(FILE *out, const struct doc_shape *shape)
{
	size_t i, l, n = doc_column_count(shape, NUMASHIM_REPORT_LAMI);
	char title[TITLE_MAX];

	fputs("<tr>", out);
	for (i = 0; i < n; i++) {
		const struct doc_column *col =
			&shape->columns[doc_column_at(shape,
						      NUMASHIM_REPORT_LAMI, i)];

		if (!(col->formats & DOC_IN(LAMI)))
			continue;
		for (l = 0; l < (col->type == DOC_COUNTS ? col->label_count : 1);
		     l++) {
			if (col->type == DOC_COUNTS)
				snprintf(title, sizeof(title), col->title,
					 col->labels[l]);
			fputs("<th>", out);
			html_text(out, col->type == DOC_COUNTS ? title :
				  col->title);
			fputs("</th>", out);
		}
	}
	fputs("</tr>\n", out);
}

static void put_cell(FILE *out, const struct doc_cell *cell)
{
	char text[DOC_TEXT_MAX];

	switch (cell->type) {
	case DOC_INT:
		fprintf(out, "<td class=\"n\">%" PRId64 "</td>", cell->v.i);
		return;
	case DOC_UINT:
		fprintf(out, "<td class=\"n\">%" PRIu64 "</td>", cell->v.u);
		return;
	case DOC_REAL:
		fprintf(out, "<td class=\"n\">%.1f</td>", cell->v.d);
		return;
	case DOC_BOOL:
		fprintf(out, "<td>%s</td>", cell->v.b ? "yes" : "no");
		return;
	case DOC_PROCESS:
		fputs("<td>", out);
		html_text(out, cell->v.process.name);
		fprintf(out, "[%" PRId64 "]", cell->v.process.pid);
		if (cell->v.process.host) {
			fputc('@', out);
			html_text(out, cell->v.process.host);
		}
		fputs("</td>", out);
		return;
	case DOC_RANGE:
		fprintf(out, "<td data-value=\"%" PRIu64 " %" PRIu64 "\">%.6f s</td>",
			cell->v.range.begin, cell->v.range.end,
			(cell->v.range.end - cell->v.range.begin) / 1e9);
		return;
	default:
		fputs("<td>", out);
		html_text(out, doc_cell_text(cell, text, sizeof(text)));
		fputs("</td>", out);
	}
}

static void put_row(FILE *out, const struct doc_table *t, size_t r)
{
	const struct doc_shape *shape = t->shape;
	const struct doc_cell *cells = doc_row(t, r);
	size_t i, l, n = doc_column_count(shape, NUMASHIM_REPORT_LAMI);

	fputs("<tr>", out);
	for (i = 0; i < n; i++) {
		size_t c = doc_column_at(shape, NUMASHIM_REPORT_LAMI, i);
		const struct doc_column *col = &shape->columns[c];

		if (!(col->formats & DOC_IN(LAMI)))
			continue;
		if (col->type != DOC_COUNTS) {
			put_cell(out, &cells[c]);
			continue;
		}
		for (l = 0; l < col->label_count; l++)
			fprintf(out, "<td class=\"n\">%" PRIu64 "</td>",
				cells[c].type == DOC_COUNTS ?
				cells[c].v.counts.v[l * cells[c].v.counts.stride] :
				0);
	}
	fputs("</tr>\n", out);
}

void html_document_tables(FILE *out, const struct document *d,
			  const char *view)
{
	size_t i, r;

	for (i = 0; i < d->table_count; i++) {
		const struct doc_table *t = d->tables[i];

		if (t->shape->members || !doc_table_in(t, NUMASHIM_REPORT_LAMI))
			continue;
		fprintf(out, "<table class=\"doc\" data-view=\"%s\" "
			"data-table=\"%s\">\n", view, t->shape->name);
		put_heads(out, t->shape);
		for (r = 0; r < t->row_count; r++)
			put_row(out, t, r);
		fputs("</table>\n", out);
	}
}
