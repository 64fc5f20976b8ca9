// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The callsites view's document: a row per call site, the most calls
 * first, its name, binary and offset, the function and source line that
 * name it (or why none does), its calls (by kind in JSON only), failures
 * and latency. JSON leaves out a function's offset and a line it lacks.
 * Text heads them with the count of sites and calls, then gives a line
 * of figures per site, under it the function and source line, and the
 * site's name.
 */
#include "documents.h"

enum {
	SITE, BINARY, OFFSET, FUNCTION, FUNCTION_OFFSET, FILE_NAME, LINE,
	PROBLEM, CALLS, CALLS_BY_KIND, FAILED, FAILED_PAGES, LATENCY_SUM,
	LATENCY_MAX, LATENCY_MEAN, MEAN_US,
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
	/* Text's mean, in us from the total in us, as it always was. */
	[MEAN_US] = { .type = DOC_REAL, .formats = DOC_IN(TEXT) },
};

#define TEXT_FIGURE(column_, head_, width_, flags_) {			\
	.column = (column_), .head = head_, .width = (width_),		\
	.flags = (flags_), .before = " ",				\
}
static const struct doc_text_field figures_fields[] = {
	{ .column = CALLS, .head = "CALLS", .width = 10 },
	TEXT_FIGURE(FAILED, "FAILED", 8, 0),
	TEXT_FIGURE(FAILED_PAGES, "FAILED-PAGES", 12, 0),
	TEXT_FIGURE(LATENCY_SUM, "TIME-US", 12, DOC_TEXT_MICRO),
	TEXT_FIGURE(MEAN_US, "MEAN-US", 10, 0),
	TEXT_FIGURE(LATENCY_MAX, "MAX-US", 10, DOC_TEXT_MICRO),
	{ .column = CALLS_BY_KIND, .head = "CALL", .flags = DOC_TEXT_KEYS,
	  .before = "  ", .sep = "," },
};
#undef TEXT_FIGURE

static const struct doc_text_field symbol_fields[] = {
	{ .column = FUNCTION, .before = "      ", .empty = "?" },
	{ .column = FUNCTION_OFFSET, .flags = DOC_TEXT_HEX, .before = "+" },
	{ .column = FILE_NAME, .flags = DOC_TEXT_BASE, .before = " at " },
	{ .column = LINE, .before = ":" },
	{ .column = PROBLEM, .before = " (", .after = ")" },
};

static const struct doc_text_field site_fields[] = {
	{ .column = SITE, .before = "      in " },
};

static const struct doc_text_line lines[] = {
	{ DOC_FIELDS(figures_fields) },
	{ DOC_FIELDS(symbol_fields) },
	{ DOC_FIELDS(site_fields) },
};

static const struct doc_text text = {
	.sections = &(const struct doc_text_section) {
		.heading = "\n", .heads = true, .always = true,
		.when = DOC_NO_CELL, DOC_LINES(lines),
	},
	.section_count = 1,
};

const struct doc_shape callsites_shape = {
	.name = "callsites", .title = "Call sites, most calls first",
	DOC_COLUMNS(columns), .text = &text,
};

/* Text: the sites and their calls, before the table. */
static const struct doc_text_field head_fields[] = {
	{ .column = 0, .before = "numashim call sites: ", .after = " sites, " },
	{ .column = 1, .after = " calls" },
};

static const struct doc_text head_text = DOC_TEXT_LINE(head_fields);

static const struct doc_shape head_shape =
	DOC_HEAD_SHAPE("callsites", 2, &head_text);

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
	c[MEAN_US] = doc_real(t->latency_sum / 1e3 / t->calls);
	(void) d;
	return 0;
}

int callsites_document(struct document *d, const struct view_figures *f)
{
	uint64_t head[2] = { f->count, 0 };
	size_t i;

	for (i = 0; i < f->count; i++)
		head[1] += f->sites[i].site->tally.calls;
	return !doc_head_add(d, &head_shape, head) ||
	       doc_table_fill(d, &callsites_shape, f->count, put_row, f);
}
