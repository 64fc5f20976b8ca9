// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The summary as CSV (RFC 4180), as document-csv.c writes the views
 * with a document: a header line, then a line per row of its JSON list,
 * its columns named after the JSON members ("latency_ns.p50" for a
 * nested one). Counts by code are one column, "ENODEV=2 EPERM=1".
 * Strings are escaped as in text (put_escaped), then quoted as RFC 4180
 * says: put_csv_string, which every CSV writer uses. Warnings go to
 * stderr, so that the output stays a table.
 */
#include <inttypes.h>
#include <string.h>

#include "output.h"
#include "summary-figures.h"

void put_csv_string(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!s[strcspn(s, ",\"")]) {
		put_escaped(out, s, 0);
		return;
	}
	fputc('"', out);
	put_escaped(out, s, '"');
	fputc('"', out);
}

void put_csv_codes(FILE *out, const struct code_counts *cc)
{
	char name[CODE_NAME_MAX];
	size_t i;

	fputc(',', out);
	for (i = 0; i < cc->len; i++)
		fprintf(out, "%s%s=%" PRIu64, i ? " " : "",
			code_name(cc->v[i].code, name, sizeof(name)),
			cc->v[i].count);
}

/* A figure's cell after its comma; empty for a row of another kind. */
static void put_figure(FILE *out, const struct summary_figure *f,
		       const struct summary_row *row)
{
	struct summary_value v;

	if (!summary_figure_applies(f, row->kind)) {
		fputc(',', out);
		return;
	}
	f->get(row, &v);
	if (f->type == FIGURE_CODES) {
		put_csv_codes(out, v.codes);
		return;
	}
	fputc(',', out);
	if (f->type == FIGURE_COUNT)
		fprintf(out, "%" PRIu64, v.count);
	else if (f->type == FIGURE_REAL || v.known)
		fprintf(out, "%.1f", v.real);
}

static void put_row(FILE *out, const struct summary_row *row)
{
	size_t i;

	fprintf(out, "%s,%" PRId64 ",", call_kind_names[row->kind], row->vpid);
	if (row->tid >= 0)
		fprintf(out, "%" PRId64, row->tid);
	fputc(',', out);
	put_csv_string(out, row->procname);
	for (i = 0; i < SUMMARY_FIGURE_COUNT; i++)
		put_figure(out, summary_csv_columns[i], row);
	fputc('\n', out);
}

void print_summary_csv(FILE *out, const struct view_figures *f)
{
	const struct summary *s = &f->v->summary;
	struct summary_row *const *rows = f->rows;
	size_t count = f->count;
	size_t i;

	fputs("call,vpid,tid,procname", out);
	for (i = 0; i < SUMMARY_FIGURE_COUNT; i++)
		fprintf(out, ",%s", summary_csv_columns[i]->name);
	fputc('\n', out);
	for (i = 0; i < count; i++)
		put_row(out, rows[i]);
	summary_warnings(s, put_warning, stderr);
}

