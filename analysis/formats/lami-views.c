// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The views without a document (documents.h) as LAMI result tables
 * (lami.h), a row per element of their JSON list, their figures the
 * same: such a view is a table class and a function that fills a row.
 * And every view's metadata.
 */

#include "documents.h"
#include "lami.h"
#include "output.h"

#define COLUMNS(a) .columns = (a), .count = sizeof(a) / sizeof(*(a))

static const struct lami_column policy_columns[] = {
	{ "Process", LAMI_PROCESS, NULL },
	{ "Scope", LAMI_STRING, NULL },
	{ "Time", LAMI_TIME_RANGE, NULL },
	{ "Replaced after", LAMI_DURATION, NULL },
	{ "Calls", LAMI_NUMBER, NULL },
	{ "Mode", LAMI_STRING, NULL },
	{ "Mode flags", LAMI_STRING, NULL },
	{ "Nodes", LAMI_STRING, NULL },
	{ "Weights", LAMI_STRING, NULL },
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
 * A policy as the JSON gives it, with its time from its first call to
 * its last, and how long a thread's policy was in force when the thread
 * replaced it.
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
	*c++ = lami_time_range(row->time_ns, row->last_ns);
	*c++ = maybe_uint(row->until_ns, row->until_ns - row->time_ns);
	*c++ = lami_uint(row->calls);
	*c++ = kept_text(*text++, w.mode);
	*c++ = kept_text(*text++, w.mode_flags);
	*c++ = kept_text(*text++, w.nodes);
	*c++ = kept_text(*text++, w.weights);
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
		lami_put_metadata(out, title, description, lami_views[view]);
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

	/*
	 * LAMI's results have no room for them: stderr, as for CSV. The
	 * policies view, the one without a document, says what it leaves out.
	 */
	policies_warnings(v, put_warning, stderr);
	lami_put_results(out, lami_views[f->view], f->items, f->count, &r);
	return 0;
}
