// SPDX-License-Identifier: LGPL-2.1-or-later
/* The summary as tables for a terminal, one row per line. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "output.h"
#include "summary-figures.h"

/*
 * The width of the call column: that of the longest kind among the
 * rows, 14 at least; set by print_summary_text().
 */
static int call_width = 14;

static void put_process(FILE *out, const struct summary_row *row,
			bool per_thread)
{
	int width;

	fprintf(out, "%-*s ", call_width, call_kind_names[row->kind]);
	width = put_escaped(out, row->procname, 0);
	if (row->vpid < 0)
		width += fprintf(out, "[?]");
	else
		width += fprintf(out, "[%" PRId64 "]", row->vpid);
	fprintf(out, "%*s", width < 24 ? 24 - width : 0, "");
	if (per_thread)
		fprintf(out, " %8" PRId64, row->tid);
}

static void put_heading(FILE *out, const char *title, bool per_thread,
			const char *columns)
{
	fprintf(out, "\n%s\n%-*s %-24s%s%s\n", title, call_width, "call",
		"process", per_thread ? "      tid" : "", columns);
}

static void put_codes(FILE *out, const struct code_counts *cc)
{
	char name[CODE_NAME_MAX];
	size_t i;

	for (i = 0; i < cc->len; i++)
		fprintf(out, "%s%s %" PRIu64, i ? ", " : "  ",
			code_name(cc->v[i].code, name, sizeof(name)),
			cc->v[i].count);
}

/* The codes a rewrite rule made up, after the kernel's. */
static void put_injected(FILE *out, const struct code_counts *cc)
{
	if (!cc->len)
		return;
	fputs("; injected", out);
	put_codes(out, cc);
}

static void calls_row(FILE *out, const struct summary_row *row,
		      bool per_thread)
{
	put_process(out, row, per_thread);
	fprintf(out, " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64,
		row->calls, code_counts_total(&row->errors), row->no_exit,
		code_counts_total(&row->injected));
	put_codes(out, &row->errors);
	put_injected(out, &row->injected);
	fputc('\n', out);
}

static void latency_row(FILE *out, const struct summary_row *row,
			bool per_thread)
{
	const struct histogram *h = &row->latency;
	size_t q;

	if (!h->count)
		return;
	put_process(out, row, per_thread);
	fprintf(out, " %8" PRIu64 " %9.1f", h->count, h->min / 1e3);
	for (q = 0; q < sizeof(latency_quantiles) / sizeof(*latency_quantiles);
	     q++)
		fprintf(out, " %9.1f",
			histogram_quantile(h, latency_quantiles[q]) / 1e3);
	fprintf(out, " %9.1f %9.1f\n", h->max / 1e3,
		(double) h->sum / (double) h->count / 1e3);
}

static void pages_row(FILE *out, const struct summary_row *row,
		      bool per_thread)
{
	const struct page_tally *p = &row->pages;
	double rate = pages_per_second(row);

	put_process(out, row, per_thread);
	fprintf(out, " %9" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64
		" %9" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64,
		row->asked, p->on_target, p->elsewhere, p->located,
		code_counts_total(&p->failed), code_counts_total(&p->injected),
		p->unknown, row->not_moved);
	if (rate < 0)
		fprintf(out, " %10s", "-");
	else
		fprintf(out, " %10.0f", rate);
	put_codes(out, &p->failed);
	put_injected(out, &p->injected);
	fputc('\n', out);
}

static void ranges_row(FILE *out, const struct summary_row *row,
		       bool per_thread)
{
	put_process(out, row, per_thread);
	fprintf(out, " %14" PRIu64 "\n", row->bytes);
}

/*
 * The summary's tables, in order: a table of all kinds is printed
 * always, one of some kinds when a row is of one of them.
 */
static const struct text_table {
	const char *title;
	const char *columns;
	unsigned int kinds;	/* FIGURE_KIND() bits of its rows */
	void (*put_row)(FILE *out, const struct summary_row *row,
			bool per_thread);
} summary_tables[] = {
	{ "CALLS (failed: by the kernel; injected: by a rewrite rule)",
	  "    calls   failed  no exit injected  errors", FIGURE_ANY,
	  calls_row },
	{ "LATENCY (microseconds)",
	  "    count       min       p50       p90       p99       max      mean",
	  FIGURE_ANY, latency_row },
	{ "PAGES (move_pages; on target: moved or already there)",
	  "     asked on target elsewhere   located    failed  injected   unknown not moved    pages/s  failed by status",
	  FIGURE_KIND(MOVE_PAGES), pages_row },
	{ "RANGES (mbind)", "          bytes", FIGURE_KIND(MBIND), ranges_row },
};

static bool has_kind(struct summary_row *const *rows, size_t count,
		     unsigned int kinds)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (kinds & 1u << rows[i]->kind)
			return true;
	return false;
}

static void put_table(FILE *out, const struct text_table *t,
		      struct summary_row *const *rows, size_t count,
		      bool per_thread)
{
	size_t i;

	if (t->kinds != FIGURE_ANY && !has_kind(rows, count, t->kinds))
		return;
	put_heading(out, t->title, per_thread, t->columns);
	for (i = 0; i < count; i++)
		if (t->kinds & 1u << rows[i]->kind)
			t->put_row(out, rows[i], per_thread);
}

void print_summary_text(FILE *out, const struct view_figures *f)
{
	const struct summary *s = &f->v->summary;
	struct summary_row *const *rows = f->rows;
	size_t count = f->count;
	uint64_t calls = 0;
	size_t i;

	call_width = 14;
	for (i = 0; i < count; i++) {
		calls += rows[i]->calls;
		if ((int) strlen(call_kind_names[rows[i]->kind]) > call_width)
			call_width = strlen(call_kind_names[rows[i]->kind]);
	}
	fprintf(out, "numashim summary of %" PRIu64 " calls\n", calls);
	for (i = 0; i < sizeof(summary_tables) / sizeof(*summary_tables); i++)
		put_table(out, &summary_tables[i], rows, count, s->per_thread);
	summary_warnings(s, put_warning, out);
}
