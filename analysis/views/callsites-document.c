// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The callsites view's document: a row per call site, the most calls
 * first, its name, binary and offset, the function and source line that
 * name it (or why none does), its calls (by kind in JSON only), failures
 * and latency. JSON leaves out a function's offset and a line it lacks.
 */
#include "documents.h"

enum {
	SITE, BINARY, OFFSET, FUNCTION, FUNCTION_OFFSET, FILE_NAME, LINE,
	PROBLEM, CALLS, CALLS_BY_KIND, FAILED, FAILED_PAGES, LATENCY_SUM,
	LATENCY_MAX, LATENCY_MEAN,
};

static const struct doc_column columns[] = {
	[SITE] = { .key = "site", .title = "Site", .class = LAMI_STRING,
		   .type = DOC_SITE, .formats = DOC_IN_ALL },
	[BINARY] = { .key = "binary", .title = "Binary", .class = LAMI_PATH,
		     .type = DOC_STRING, .formats = DOC_IN_ALL },
	[OFFSET] = { .key = "offset", .title = "Offset", .class = LAMI_NUMBER,
		     .unit = "bytes", .type = DOC_UINT, .formats = DOC_IN_ALL },
	[FUNCTION] = { .key = "function", .title = "Function",
		       .class = LAMI_STRING, .type = DOC_STRING,
		       .formats = DOC_IN_ALL },
	[FUNCTION_OFFSET] = { .key = "function_offset",
			      .title = "Function offset", .class = LAMI_NUMBER,
			      .unit = "bytes", .type = DOC_UINT,
			      .formats = DOC_IN_ALL, .flags = DOC_OMIT_EMPTY },
	[FILE_NAME] = { .key = "file", .title = "File", .class = LAMI_PATH,
			.type = DOC_STRING, .formats = DOC_IN_ALL },
	[LINE] = { .key = "line", .title = "Line", .class = LAMI_NUMBER,
		   .type = DOC_INT, .formats = DOC_IN_ALL,
		   .flags = DOC_OMIT_EMPTY },
	[PROBLEM] = { .key = "problem", .title = "Not named because",
		      .class = LAMI_STRING, .type = DOC_STRING,
		      .formats = DOC_IN_ALL },
	[CALLS] = { .key = "calls", .title = "Calls", .class = LAMI_NUMBER,
		    .unit = "calls", .type = DOC_UINT, .formats = DOC_IN_ALL },
	[CALLS_BY_KIND] = { .key = "calls_by_kind", .type = DOC_COUNTS,
			    .formats = DOC_IN(JSON), .flags = DOC_SKIP_ZERO,
			    .labels = call_kind_names,
			    .label_count = CALL_KINDS },
	[FAILED] = { .key = "failed", .title = "Failed", .class = LAMI_NUMBER,
		     .unit = "calls", .type = DOC_UINT, .formats = DOC_IN_ALL },
	[FAILED_PAGES] = { .key = "failed_pages", .title = "Failed pages",
			   .class = LAMI_NUMBER, .unit = "pages",
			   .type = DOC_UINT, .formats = DOC_IN_ALL },
	[LATENCY_SUM] = { .key = "latency_ns.sum", .title = "Total latency",
			  .class = LAMI_DURATION, .type = DOC_UINT,
			  .formats = DOC_IN_ALL },
	[LATENCY_MAX] = { .key = "latency_ns.max", .title = "Maximum latency",
			  .class = LAMI_DURATION, .type = DOC_UINT,
			  .formats = DOC_IN_ALL },
	[LATENCY_MEAN] = { .key = "latency_ns.mean", .title = "Mean latency",
			   .class = LAMI_DURATION, .type = DOC_REAL,
			   .formats = DOC_IN_ALL },
};

const struct doc_shape callsites_shape = {
	.name = "callsites", .title = "Call sites, most calls first",
	DOC_COLUMNS(columns),
};

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t i)
{
	const struct view_figures *f = src;
	const struct callsite *cs = &f->sites[i];
	const struct symbol *sym = &cs->symbol;
	const struct site_tally *t = &cs->site->tally;

	c[SITE] = doc_site(cs->site);
	c[BINARY] = doc_string(cs->site->path);
	c[OFFSET] = doc_uint(cs->site->offset);
	c[FUNCTION] = doc_string(sym->function);
	if (sym->function)
		c[FUNCTION_OFFSET] = doc_uint(sym->function_offset);
	c[FILE_NAME] = doc_string(sym->file);
	if (sym->file)
		c[LINE] = doc_int(sym->line);
	c[PROBLEM] = doc_string(sym->problem);
	c[CALLS] = doc_uint(t->calls);
	c[CALLS_BY_KIND] = doc_counts(t->by_kind, 1);
	c[FAILED] = doc_uint(t->failed);
	c[FAILED_PAGES] = doc_uint(t->failed_pages);
	c[LATENCY_SUM] = doc_uint(t->latency_sum);
	c[LATENCY_MAX] = doc_uint(t->latency_max);
	c[LATENCY_MEAN] = doc_real((double) t->latency_sum / t->calls);
	(void) d;
	return 0;
}

int callsites_document(struct document *d, const struct view_figures *f)
{
	return doc_table_fill(d, &callsites_shape, f->count, put_row, f);
}
