// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The summary's document: a row per call kind and process (or thread),
 * its figures of summary-figures.h, each where it applies to the row's
 * kind, in JSON's order or CSV's; LAMI has columns of its own, a figure
 * each with the one that stands in for it for another kind; then, in
 * JSON, whether the rows are per thread, and all the counts of events
 * lost. "failed" and "errors", "status" are the kernel's failures;
 * "injected" those a rewrite rule made up. Text heads them with their
 * calls, then gives them in tables (struct doc_text): a table of all
 * kinds always, one of some kinds when a row is of one of them.
 */
#include "documents.h"
#include "summary-figures.h"

/*
 * X(title, class, unit, figure, other): LAMI's columns after the call
 * and the process, each the figure of summary-figures.h, or other for
 * the kinds figure does not apply to.
 */
#define LAMI_SUMMARY_FIGURES(X)						\
	X("Calls", NUMBER, "calls", CALLS, CALLS)			\
	X("Failed", NUMBER, "calls", FAILED, FAILED)			\
	X("No exit", NUMBER, "calls", NO_EXIT, NO_EXIT)			\
	X("Errors", STRING, NULL, ERRORS, ERRORS)			\
	X("Minimum latency", DURATION, NULL, LATENCY_MIN, LATENCY_MIN)	\
	X("Median latency", DURATION, NULL, LATENCY_P50, LATENCY_P50)	\
	X("90th percentile latency", DURATION, NULL, LATENCY_P90,	\
	  LATENCY_P90)							\
	X("99th percentile latency", DURATION, NULL, LATENCY_P99,	\
	  LATENCY_P99)							\
	X("Maximum latency", DURATION, NULL, LATENCY_MAX, LATENCY_MAX)	\
	X("Mean latency", DURATION, NULL, LATENCY_MEAN, LATENCY_MEAN)	\
	X("Total latency", DURATION, NULL, LATENCY_SUM, LATENCY_SUM)	\
	X("Pages asked", NUMBER, "pages", PAGES_ASKED, PAGES_ASKED)	\
	X("Pages on target", NUMBER, "pages", PAGES_ON_TARGET,		\
	  PAGES_ON_TARGET)						\
	X("Pages elsewhere", NUMBER, "pages", PAGES_ELSEWHERE,		\
	  PAGES_ELSEWHERE)						\
	X("Pages located", NUMBER, "pages", PAGES_LOCATED, PAGES_LOCATED) \
	X("Pages failed", NUMBER, "pages", PAGES_FAILED, PAGES_FAILED)	\
	X("Pages unknown", NUMBER, "pages", PAGES_UNKNOWN, PAGES_UNKNOWN) \
	X("Pages not moved", NUMBER, "pages", PAGES_NOT_MOVED, NOT_MOVED) \
	X("Page status", STRING, NULL, PAGES_STATUS, PAGES_STATUS)	\
	X("Pages per second", NUMBER, "pages/s", PAGES_PER_SECOND,	\
	  PAGES_PER_SECOND)						\
	X("Bytes bound", SIZE, NULL, BYTES, BYTES)

#define LAMI_ID(title, class, unit, figure, other) LAMI_##figure,
enum lami_id {
	LAMI_SUMMARY_FIGURES(LAMI_ID)
	LAMI_FIGURES,
};
#undef LAMI_ID

/* The columns: the row's, its figures, then LAMI's figures. */
enum {
	CALL, VPID, TID, PROCNAME, HOST, PROCESS, FIGURES,
	LAMI_FIRST = FIGURES + SUMMARY_FIGURE_COUNT,
	COLUMNS = LAMI_FIRST + LAMI_FIGURES,
};

#define DOC_TYPE_COUNT DOC_UINT
#define DOC_TYPE_REAL DOC_REAL
#define DOC_TYPE_RATE DOC_REAL
#define DOC_TYPE_CODES DOC_MAP

#define FIGURE_COLUMN(id, name, kinds, csv, figure_type, is_known, val) \
	[FIGURES + SUMMARY_FIGURE_##id] = {				\
		.key = name, .type = DOC_TYPE_##figure_type,		\
		.formats = DOC_IN(JSON) | DOC_IN(CSV),			\
		.flags = DOC_OMIT_EMPTY,				\
	},
/* Of the type of the figure, or of the one standing in for it. */
#define LAMI_COLUMN(title_, class_, unit_, figure, other)		\
	[LAMI_FIRST + LAMI_##figure] = {				\
		.title = title_, .class = LAMI_##class_, .unit = unit_,	\
		.formats = DOC_IN(LAMI),				\
	},

static const struct doc_column columns[COLUMNS] = {
	[CALL] = { .key = "call", .title = "Call", .class = LAMI_STRING,
		   .type = DOC_STRING, .formats = DOC_IN_ALL },
	[VPID] = { .key = "vpid", .type = DOC_INT,
		   .formats = DOC_IN(JSON) | DOC_IN(CSV) },
	[TID] = { .key = "tid", .type = DOC_INT,
		  .formats = DOC_IN(JSON) | DOC_IN(CSV) },
	[PROCNAME] = { .key = "procname", .type = DOC_STRING,
		       .formats = DOC_IN(JSON) | DOC_IN(CSV) },
	/* Of traces of several hosts only. */
	[HOST] = { .key = "host", .type = DOC_STRING, .formats = DOC_IN(JSON),
		   .flags = DOC_OMIT_EMPTY },
	[PROCESS] = { .title = "Process", .class = LAMI_PROCESS,
		      .type = DOC_PROCESS, .formats = DOC_IN(LAMI) },
	SUMMARY_FIGURES(FIGURE_COLUMN)
	LAMI_SUMMARY_FIGURES(LAMI_COLUMN)
};
#undef FIGURE_COLUMN
#undef LAMI_COLUMN

/* The CSV gives the latency in another order, and made up failures last. */
#define CSV_ORDER(id, name, kinds, csv, type, is_known, val)		\
	[PROCNAME + 1 + (csv)] = FIGURES + SUMMARY_FIGURE_##id,
static const size_t csv_order[] = {
	CALL, VPID, TID, PROCNAME, SUMMARY_FIGURES(CSV_ORDER)
};
#undef CSV_ORDER

/* Text: the fields of a figure, of a LAMI column, of a row's codes. */
#define TEXT_FIGURE(id, width_, head_) {				\
	.column = FIGURES + SUMMARY_FIGURE_##id, .head = head_,		\
	.width = width_, .before = " ",					\
}
#define TEXT_LATENCY(id, head_) {					\
	.column = LAMI_FIRST + LAMI_##id, .head = head_, .width = 9,	\
	.flags = DOC_TEXT_MICRO, .before = " ",				\
}
#define TEXT_CODES(id, head_) {						\
	.column = FIGURES + SUMMARY_FIGURE_##id, .head = head_,		\
	.before = "  ",							\
}
#define TEXT_INJECTED(id) {						\
	.column = FIGURES + SUMMARY_FIGURE_##id, .before = "; injected  ", \
}
/* The call, as wide as the longest kind, the process and the thread. */
#define TEXT_ROW							\
	{ .column = CALL, .head = "call", .width = -14,			\
	  .flags = DOC_TEXT_FIT },					\
	{ .column = PROCESS, .head = "process", .width = -24,		\
	  .before = " " },						\
	{ .column = TID, .head = "tid", .width = 8, .before = " ",	\
	  .flags = DOC_TEXT_ANY_ROW }

static const struct doc_text_field calls_fields[] = {
	TEXT_ROW,
	TEXT_FIGURE(CALLS, 8, "calls"),
	TEXT_FIGURE(FAILED, 8, "failed"),
	TEXT_FIGURE(NO_EXIT, 8, "no exit"),
	TEXT_FIGURE(INJECTED, 8, "injected"),
	TEXT_CODES(ERRORS, "errors"),
	TEXT_INJECTED(INJECTED_ERRORS),
};

static const struct doc_text_field latency_fields[] = {
	TEXT_ROW,
	TEXT_FIGURE(LATENCY_COUNT, 8, "count"),
	TEXT_LATENCY(LATENCY_MIN, "min"),
	TEXT_LATENCY(LATENCY_P50, "p50"),
	TEXT_LATENCY(LATENCY_P90, "p90"),
	TEXT_LATENCY(LATENCY_P99, "p99"),
	TEXT_LATENCY(LATENCY_MAX, "max"),
	TEXT_LATENCY(LATENCY_MEAN, "mean"),
};

static const struct doc_text_field pages_fields[] = {
	TEXT_ROW,
	TEXT_FIGURE(PAGES_ASKED, 9, "asked"),
	TEXT_FIGURE(PAGES_ON_TARGET, 9, "on target"),
	TEXT_FIGURE(PAGES_ELSEWHERE, 9, "elsewhere"),
	TEXT_FIGURE(PAGES_LOCATED, 9, "located"),
	TEXT_FIGURE(PAGES_FAILED, 9, "failed"),
	TEXT_FIGURE(PAGES_INJECTED, 9, "injected"),
	TEXT_FIGURE(PAGES_UNKNOWN, 9, "unknown"),
	TEXT_FIGURE(PAGES_NOT_MOVED, 9, "not moved"),
	{ .column = FIGURES + SUMMARY_FIGURE_PAGES_PER_SECOND,
	  .head = "pages/s", .width = 10, .flags = DOC_TEXT_ROUND,
	  .before = " ", .empty = "-" },
	TEXT_CODES(PAGES_STATUS, "failed by status"),
	TEXT_INJECTED(PAGES_INJECTED_STATUS),
};

static const struct doc_text_field ranges_fields[] = {
	TEXT_ROW,
	TEXT_FIGURE(BYTES, 14, "bytes"),
};
#undef TEXT_FIGURE
#undef TEXT_LATENCY
#undef TEXT_CODES
#undef TEXT_INJECTED
#undef TEXT_ROW

#define TEXT_SECTION(heading_, fields, when_, always_) {		\
	.heading = "\n" heading_ "\n", .heads = true,			\
	.when = (when_), .always = (always_),				\
	.lines = &(const struct doc_text_line) { DOC_FIELDS(fields) },	\
	.line_count = 1,						\
}
static const struct doc_text_section sections[] = {
	TEXT_SECTION("CALLS (failed: by the kernel; injected: by a rewrite "
		     "rule)", calls_fields, DOC_NO_CELL, true),
	/* A row whose calls all lack their exit has no latency. */
	TEXT_SECTION("LATENCY (microseconds)", latency_fields,
		     LAMI_FIRST + LAMI_LATENCY_MIN, true),
	TEXT_SECTION("PAGES (move_pages; on target: moved or already there)",
		     pages_fields, FIGURES + SUMMARY_FIGURE_PAGES_ASKED, false),
	TEXT_SECTION("RANGES (mbind)", ranges_fields,
		     FIGURES + SUMMARY_FIGURE_BYTES, false),
};
#undef TEXT_SECTION

static const struct doc_text text = { DOC_SECTIONS(sections) };

const struct doc_shape summary_shape = {
	.name = "summary", .list = "rows",
	.title = "Calls per kind and process",
	DOC_COLUMNS(columns), DOC_ORDER(CSV, csv_order), .text = &text,
};

/* Text: the calls of all the rows, before the tables. */
static const struct doc_text_field head_fields[] = {
	{ .column = 0, .before = "numashim summary of ", .after = " calls" },
};

static const struct doc_text head_text = DOC_TEXT_LINE(head_fields);

static const struct doc_shape head_shape =
	DOC_HEAD_SHAPE("summary", 1, &head_text);

static const struct doc_column member_columns[] = {
	{ .key = "per_thread", .type = DOC_BOOL, .formats = DOC_IN(JSON) },
};

static const struct doc_shape members_shape = {
	.name = "summary", DOC_COLUMNS(member_columns), .members = true,
};

#define LAMI_SOURCE(title, class, unit, figure, other)			\
	{ &summary_figures[SUMMARY_FIGURE_##figure],			\
	  &summary_figures[SUMMARY_FIGURE_##other] },
static const struct summary_figure *const lami_sources[][2] = {
	LAMI_SUMMARY_FIGURES(LAMI_SOURCE)
};
#undef LAMI_SOURCE

/* A figure as JSON and CSV give it, even unknown, but a rate. */
static struct doc_cell figure_cell(const struct summary_figure *f,
				   const struct summary_value *v)
{
	switch (f->type) {
	case FIGURE_COUNT:
		return doc_uint(v->count);
	case FIGURE_RATE:
		if (!v->known)
			return (struct doc_cell) { .type = DOC_NULL };
		return doc_real(v->real);
	case FIGURE_REAL:
		return doc_real(v->real);
	case FIGURE_CODES:
		break;
	}
	return doc_codes(v->codes);
}

/*
 * LAMI's cell of figure f, empty when the row does not tell it: a row
 * whose calls all lack their exit has no latency at all.
 */
static struct doc_cell lami_cell(const struct summary_row *row,
				 const struct summary_figure *f)
{
	struct summary_value v;

	if (!summary_figure_applies(f, row->kind))
		return doc_empty;
	f->get(row, &v);
	if (!v.known || (f == &summary_figures[SUMMARY_FIGURE_LATENCY_SUM] &&
			 !row->latency.count))
		return doc_empty;
	if (f->type == FIGURE_COUNT)
		return doc_uint(v.count);
	return f->type == FIGURE_CODES ? doc_codes(v.codes) : doc_real(v.real);
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t r)
{
	const struct view_figures *figures = src;
	const struct summary_row *row = figures->rows[r];
	const struct hosts *hosts = &figures->v->hosts;
	const struct summary_figure *f;
	struct summary_value v;
	size_t i;

	c[CALL] = doc_string(call_kind_names[row->kind]);
	c[VPID] = doc_int(process_pid(row->vpid));
	if (row->tid >= 0)
		c[TID] = doc_int(row->tid);
	c[PROCNAME] = doc_string(row->procname);
	c[HOST] = doc_host(hosts, row->vpid);
	c[PROCESS] = doc_process(hosts, row->procname, row->vpid, row->tid);
	for (i = 0; i < SUMMARY_FIGURE_COUNT; i++) {
		f = &summary_figures[i];
		if (!summary_figure_applies(f, row->kind))
			continue;
		f->get(row, &v);
		c[FIGURES + i] = figure_cell(f, &v);
	}
	for (i = 0; i < LAMI_FIGURES; i++) {
		f = lami_sources[i][0];
		if (!summary_figure_applies(f, row->kind))
			f = lami_sources[i][1];
		c[LAMI_FIRST + i] = lami_cell(row, f);
	}
	(void) d;
	return 0;
}

int summary_document(struct document *d, const struct view_figures *f)
{
	struct doc_table *members;
	uint64_t calls = 0;
	size_t i;

	for (i = 0; i < f->count; i++)
		calls += f->rows[i]->calls;
	if (!doc_head_add(d, &head_shape, &calls) ||
	    doc_table_fill(d, &summary_shape, f->count, put_row, f))
		return -1;
	members = doc_table_add(d, &members_shape, 1);
	if (!members)
		return -1;
	doc_row(members, 0)[0] = doc_bool(f->v->summary.per_thread);
	d->losses = true;
	return 0;
}
