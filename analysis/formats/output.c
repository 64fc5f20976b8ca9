// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "documents.h"
#include "output.h"

const char *const report_format_names[NUMASHIM_REPORT_FORMATS] = {
	[NUMASHIM_REPORT_TEXT] = "text",
	[NUMASHIM_REPORT_JSON] = "json",
	[NUMASHIM_REPORT_CSV] = "csv",
	[NUMASHIM_REPORT_LAMI] = "lami",
};

int report_format_parse(const char *name, enum numashim_report_format *format)
{
	size_t i;

	for (i = 0; i < NUMASHIM_REPORT_FORMATS; i++) {
		if (!strcmp(name, report_format_names[i])) {
			*format = i;
			return 0;
		}
	}
	return -1;
}

typedef int (*document_writer)(FILE *out, const struct document *d,
			       const struct numashim_report_options *options);

static const document_writer document_writers[NUMASHIM_REPORT_FORMATS] = {
	[NUMASHIM_REPORT_TEXT] = print_document_text,
	[NUMASHIM_REPORT_JSON] = print_document_json,
	[NUMASHIM_REPORT_CSV] = print_document_csv,
	[NUMASHIM_REPORT_LAMI] = print_document_lami,
};

static int print_document(FILE *out, const struct view_figures *f,
			  const struct numashim_report_options *options)
{
	struct document d;
	int ret = document_build(&d, f);

	if (!ret)
		ret = document_writers[options->format](out, &d, options);
	document_fini(&d);
	return ret;
}

/* Every format from the view's document. */
int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options)
{
	struct view_figures f;
	int ret = view_figures_compute(&f, v, options->view);

	if (!ret)
		ret = print_document(out, &f, options);
	view_figures_fini(&f);
	return ret;
}

void print_comparison(FILE *out, const struct comparison *c,
		      enum numashim_report_format format)
{
	if (format == NUMASHIM_REPORT_JSON)
		print_comparison_json(out, c);
	else if (format == NUMASHIM_REPORT_CSV)
		print_comparison_csv(out, c);
	else
		print_comparison_text(out, c);
}
