// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

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

typedef void (*view_writer)(FILE *out, const struct view_figures *f);

#define VIEW_WRITERS(ID, id, lami, help) [NUMASHIM_REPORT_##ID] = {	\
	[NUMASHIM_REPORT_TEXT] = print_##id##_text,			\
	[NUMASHIM_REPORT_JSON] = print_##id##_json,			\
	[NUMASHIM_REPORT_CSV] = print_##id##_csv,			\
},
static const view_writer writers[NUMASHIM_REPORT_VIEW_COUNT]
				[NUMASHIM_REPORT_FORMATS] = {
	NUMASHIM_REPORT_VIEWS(VIEW_WRITERS)
};
#undef VIEW_WRITERS

int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options)
{
	struct view_figures f;
	int ret = view_figures_compute(&f, v, options->view);

	if (!ret && options->format == NUMASHIM_REPORT_LAMI)
		ret = print_lami(out, &f, options);
	else if (!ret)
		writers[options->view][options->format](out, &f);
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
