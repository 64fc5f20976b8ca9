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
	[NUMASHIM_REPORT_CHROME] = "chrome",
	[NUMASHIM_REPORT_FOLDED] = "folded",
};

#define WEIGHT_NAME(ID, name) [NUMASHIM_WEIGHT_##ID] = name,
const char *const report_weight_names[NUMASHIM_REPORT_WEIGHT_COUNT] = {
	NUMASHIM_REPORT_WEIGHTS(WEIGHT_NAME)
};
#undef WEIGHT_NAME

/* The name among count names; -1 when it is none. */
static int find_name(const char *name, const char *const *names,
		     size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

int report_format_parse(const char *name, enum numashim_report_format *format)
{
	int i = find_name(name, report_format_names, NUMASHIM_REPORT_FORMATS);

	if (i < 0)
		return -1;
	*format = i;
	return 0;
}

int report_weight_parse(const char *name, enum numashim_report_weight *weight)
{
	int i = find_name(name, report_weight_names,
			  NUMASHIM_REPORT_WEIGHT_COUNT);

	if (i < 0)
		return -1;
	*weight = i;
	return 0;
}

typedef struct call_writer *(*call_writer_open)(FILE *out,
	const struct numashim_report_options *options);

/* The formats that write each call as it comes; the others from views. */
static const call_writer_open call_writers[NUMASHIM_REPORT_FORMATS] = {
	[NUMASHIM_REPORT_CHROME] = chrome_writer_open,
	[NUMASHIM_REPORT_FOLDED] = folded_writer_open,
};

bool report_format_streams(enum numashim_report_format format)
{
	return call_writers[format];
}

int report_writer_open(struct views *v, FILE *out,
		       const struct numashim_report_options *options)
{
	if (!call_writers[options->format])
		return 0;
	v->writer = call_writers[options->format](out, options);
	return v->writer ? 0 : -1;
}

void report_writer_close(struct views *v)
{
	if (v->writer)
		v->writer->ops->close(v->writer);
	v->writer = NULL;
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

/* A streamed format's end; every other format from the view's document. */
int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options)
{
	struct view_figures f;
	int ret;

	if (v->writer)
		return v->writer->ops->finish(v->writer, v);
	ret = view_figures_compute(&f, v, options->view);

	if (!ret)
		ret = print_document(out, &f, options);
	view_figures_fini(&f);
	return ret;
}

typedef void (*comparison_writer)(FILE *out, const struct comparison *c);

/* The formats a comparison is written in; the others have none. */
static const comparison_writer comparison_writers[NUMASHIM_REPORT_FORMATS] = {
	[NUMASHIM_REPORT_TEXT] = print_comparison_text,
	[NUMASHIM_REPORT_JSON] = print_comparison_json,
	[NUMASHIM_REPORT_CSV] = print_comparison_csv,
};

bool report_format_compares(enum numashim_report_format format)
{
	return comparison_writers[format];
}

void print_comparison(FILE *out, const struct comparison *c,
		      enum numashim_report_format format)
{
	comparison_writers[format](out, c);
}
