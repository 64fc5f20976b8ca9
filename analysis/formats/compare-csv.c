// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The comparison as CSV: a line per figure of the JSON's list, its
 * columns named after the members; an unknown value is an empty field.
 * Each side's warnings go to stderr.
 */
#include "compare.h"
#include "output.h"

static void put_field(FILE *out, bool known, const char *text)
{
	fputc(',', out);
	if (known)
		fputs(text + (*text == '+'), out);
}

static void put_figure(const struct compare_row *row, const struct figure *f,
		       void *data)
{
	char text[32];
	double ratio;
	FILE *out = data;

	fprintf(out, "%s,", call_kind_names[row->kind]);
	put_csv_string(out, row->procname);
	fputc(',', out);
	put_csv_string(out, f->name);
	put_field(out, figure_value(f, BASELINE, text, sizeof(text)), text);
	put_field(out, figure_value(f, EXPERIMENT, text, sizeof(text)), text);
	put_field(out, figure_difference(f, text, sizeof(text)), text);
	fputc(',', out);
	if (figure_relative(f, &ratio))
		fprintf(out, "%.1f", ratio * 100);
	fputc('\n', out);
}

void print_comparison_csv(FILE *out, const struct comparison *c)
{
	size_t i;

	fputs("call,procname,figure,baseline,experiment,difference,percent\n",
	      out);
	for (i = 0; i < c->count; i++)
		compare_figures(c->rows[i], put_figure, out);
	summary_warnings(c->summary[BASELINE], put_warning, stderr);
	summary_warnings(c->summary[EXPERIMENT], put_warning, stderr);
}
