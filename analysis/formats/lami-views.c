// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The views without a document (documents.h) as LAMI result tables
 * (lami.h), a row per element of their JSON list, their figures the
 * same: such a view is a table class and a function that fills a row.
 * And every view's metadata.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "documents.h"
#include "lami.h"
#include "output.h"
#include "summary-figures.h"

#define COLUMNS(a) .columns = (a), .count = sizeof(a) / sizeof(*(a))

/*
 * The text of a list of counts by code, "ENODEV=2 EPERM=1", in buf;
 * NULL (an empty cell) for none.
 */
static const char *codes_text(const struct code_counts *cc, char *buf,
			      size_t size)
{
	char name[CODE_NAME_MAX];
	size_t i, len = 0;

	if (!cc->len)
		return NULL;
	for (i = 0; i < cc->len && len < size; i++)
		len += snprintf(buf + len, size - len, "%s%s=%" PRIu64,
				i ? " " : "",
				code_name(cc->v[i].code, name, sizeof(name)),
				cc->v[i].count);
	return buf;
}

/*
 * X(title, class, unit, figure, other): the summary's columns after the
 * call and the process, each the figure of summary-figures.h, or other
 * for the kinds figure does not apply to.
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

#define SUMMARY_COLUMN(title, class, unit, figure, other)		\
	{ title, LAMI_##class, unit },

static const struct lami_column summary_columns[] = {
	{ "Call", LAMI_STRING, NULL },
	{ "Process", LAMI_PROCESS, NULL },
	LAMI_SUMMARY_FIGURES(SUMMARY_COLUMN)
};

#define SUMMARY_SOURCE(title, class, unit, figure, other)		\
	{ &summary_figures[SUMMARY_FIGURE_##figure],			\
	  &summary_figures[SUMMARY_FIGURE_##other] },

static const struct summary_figure *const summary_sources[][2] = {
	LAMI_SUMMARY_FIGURES(SUMMARY_SOURCE)
};

/* The cell of figure f of row, empty when it does not tell it. */
static struct lami_cell summary_cell(const struct summary_row *row,
				     const struct summary_figure *f,
				     char *text)
{
	struct summary_value v;

	f->get(row, &v);
	/* A row whose calls all lack their exit has no latency at all. */
	if (!v.known || (f == &summary_figures[SUMMARY_FIGURE_LATENCY_SUM] &&
			 !row->latency.count))
		return lami_empty;
	switch (f->type) {
	case FIGURE_COUNT:
		return lami_uint(v.count);
	case FIGURE_REAL:
	case FIGURE_RATE:
		return lami_real(v.real);
	case FIGURE_CODES:
		break;
	}
	return lami_text(codes_text(v.codes, text, LAMI_TEXT_MAX));
}

static void summary_row(const void *rows, size_t i, struct lami_cell *c,
			struct lami_texts *texts)
{
	const struct summary_row *row = ((struct summary_row *const *) rows)[i];
	const struct summary_figure *f;
	size_t n, text = 0;

	*c++ = lami_text(call_kind_names[row->kind]);
	*c++ = lami_process(row->procname, row->vpid, row->tid);
	for (n = 0; n < sizeof(summary_sources) / sizeof(*summary_sources);
	     n++, c++) {
		f = summary_sources[n][0];
		if (!summary_figure_applies(f, row->kind))
			f = summary_sources[n][1];
		if (!summary_figure_applies(f, row->kind))
			continue;
		if (f->type == FIGURE_CODES)
			*c = summary_cell(row, f, texts->v[text++]);
		else
			*c = summary_cell(row, f, NULL);
	}
}

static const struct lami_table summary_table = {
	.name = "summary", .title = "Calls per kind and process",
	COLUMNS(summary_columns), .row = summary_row,
};

static const struct lami_column policy_columns[] = {
	{ "Process", LAMI_PROCESS, NULL },
	{ "Scope", LAMI_STRING, NULL },
	{ "Time", LAMI_TIME_RANGE, NULL },
	{ "Replaced after", LAMI_DURATION, NULL },
	{ "Mode", LAMI_STRING, NULL },
	{ "Mode flags", LAMI_STRING, NULL },
	{ "Nodes", LAMI_STRING, NULL },
	{ "Flags", LAMI_STRING, NULL },
	{ "Start", LAMI_NUMBER, NULL },
	{ "End", LAMI_NUMBER, NULL },
	{ "Home node", LAMI_NUMBER, NULL },
	{ "Call site", LAMI_STRING, NULL },
	{ "Error", LAMI_STRING, NULL },
};

/* A word of the row's, in texts, which last while the row is printed. */
static struct lami_cell kept_text(char *buf, const char *s)
{
	if (!s)
		return lami_empty;
	snprintf(buf, LAMI_TEXT_MAX, "%s", s);
	return lami_text(buf);
}

static struct lami_cell maybe_uint(bool known, uint64_t u)
{
	return known ? lami_uint(u) : lami_empty;
}

/*
 * A policy as the JSON gives it, with its time as a moment, and how long
 * a thread's policy was in force when the thread replaced it.
 */
static void policy_row(const void *rows, size_t i, struct lami_cell *c,
		       struct lami_texts *texts)
{
	const struct policy_row *row = &((const struct policy_row *) rows)[i];
	bool thread = row->scope == POLICY_THREAD;
	char (*text)[LAMI_TEXT_MAX] = texts->v;
	struct policy_words w;

	policy_row_words(row, &w);
	*c++ = lami_process(row->procname, row->vpid, row->tid);
	*c++ = lami_text(policy_scope_names[row->scope]);
	*c++ = lami_time_range(row->time_ns, row->time_ns);
	*c++ = maybe_uint(row->until_ns, row->until_ns - row->time_ns);
	*c++ = kept_text(*text++, w.mode);
	*c++ = kept_text(*text++, w.mode_flags);
	*c++ = kept_text(*text++, w.nodes);
	*c++ = kept_text(*text++, w.flags);
	*c++ = maybe_uint(!thread, row->start);
	*c++ = maybe_uint(!thread, row->end);
	*c++ = maybe_uint(row->scope == POLICY_HOME_NODE, row->home_node);
	*c++ = lami_text(site_name(row->site, *text++, LAMI_TEXT_MAX));
	*c = kept_text(*text, w.error);
}

static const struct lami_table policy_table = {
	.name = "policies", .title = "Memory policies set, and refused",
	COLUMNS(policy_columns), .row = policy_row,
};

/* The table class of each view without a document (documents.h). */
static const struct lami_table *const lami_views[] = {
	[NUMASHIM_REPORT_SUMMARY] = &summary_table,
	[NUMASHIM_REPORT_POLICIES] = &policy_table,
};

void print_lami_metadata(FILE *out, enum numashim_report_view view)
{
	const struct doc_shape *shape = view_documents[view].shape;
	char title[128], calls[256], description[320];

	snprintf(title, sizeof(title), "numashim: %s", shape ? shape->title :
		 lami_views[view]->title);
	snprintf(description, sizeof(description),
		 "The NUMA page placement and memory policy calls (%s) "
		 "that libnumashim.so recorded",
		 report_names_join(calls, sizeof(calls), call_kind_names,
				   CALL_KINDS, sizeof(call_kind_names[0]), "",
				   NULL));
	if (shape)
		print_document_lami_metadata(out, title, description, shape);
	else
		lami_put_metadata(out, title, description,
				  lami_views[view]);
}

/* Asked for a span, the results cover it; else the events' own. */
int print_lami(FILE *out, const struct view_figures *f,
	       const struct numashim_report_options *options)
{
	const struct views *v = f->v;
	const struct call_filter *filter = &v->filter;
	const struct lami_results r = {
		.begin_ns = filter->begin_ns ? filter->begin_ns :
					       v->summary.first_ns,
		.end_ns = filter->end_ns ? filter->end_ns : v->summary.last_ns,
		.limit = options->limit,
	};

	/* LAMI's results have no room for them: stderr, as for CSV. */
	if (f->view == NUMASHIM_REPORT_POLICIES)
		policies_warnings(v, put_warning, stderr);
	else
		summary_warnings(&v->summary, put_warning, stderr);
	lami_put_results(out, lami_views[f->view], f->items, f->count, &r);
	return 0;
}
