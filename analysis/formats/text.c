// SPDX-License-Identifier: LGPL-2.1-or-later
/* The summary as tables for a terminal, one row per line. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "output.h"

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

static void calls_table(FILE *out, const struct summary *s,
			struct summary_row *const *rows, size_t count)
{
	size_t i;

	put_heading(out, "CALLS (failed: by the kernel; injected: by a rewrite rule)",
		    s->per_thread,
		    "    calls   failed  no exit injected  errors");
	for (i = 0; i < count; i++) {
		put_process(out, rows[i], s->per_thread);
		fprintf(out, " %8" PRIu64 " %8" PRIu64 " %8" PRIu64
			" %8" PRIu64, rows[i]->calls,
			code_counts_total(&rows[i]->errors), rows[i]->no_exit,
			code_counts_total(&rows[i]->injected));
		put_codes(out, &rows[i]->errors);
		put_injected(out, &rows[i]->injected);
		fputc('\n', out);
	}
}

static void latency_table(FILE *out, const struct summary *s,
			  struct summary_row *const *rows, size_t count)
{
	const struct histogram *h;
	size_t i, q;

	put_heading(out, "LATENCY (microseconds)", s->per_thread,
		    "    count       min       p50       p90       p99       max      mean");
	for (i = 0; i < count; i++) {
		h = &rows[i]->latency;
		if (!h->count)
			continue;
		put_process(out, rows[i], s->per_thread);
		fprintf(out, " %8" PRIu64 " %9.1f", h->count, h->min / 1e3);
		for (q = 0; q < sizeof(latency_quantiles) /
				sizeof(*latency_quantiles); q++)
			fprintf(out, " %9.1f", histogram_quantile(h,
				latency_quantiles[q]) / 1e3);
		fprintf(out, " %9.1f %9.1f\n", h->max / 1e3,
			(double) h->sum / (double) h->count / 1e3);
	}
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

static void pages_table(FILE *out, const struct summary *s,
			struct summary_row *const *rows, size_t count)
{
	size_t i;

	put_heading(out, "PAGES (move_pages; on target: moved or already there)",
		    s->per_thread,
		    "     asked on target elsewhere   located    failed  injected   unknown not moved    pages/s  failed by status");
	for (i = 0; i < count; i++)
		if (rows[i]->kind == CALL_MOVE_PAGES)
			pages_row(out, rows[i], s->per_thread);
}

static void ranges_table(FILE *out, const struct summary *s,
			 struct summary_row *const *rows, size_t count)
{
	size_t i;

	put_heading(out, "RANGES (mbind)", s->per_thread, "          bytes");
	for (i = 0; i < count; i++) {
		if (rows[i]->kind != CALL_MBIND)
			continue;
		put_process(out, rows[i], s->per_thread);
		fprintf(out, " %14" PRIu64 "\n", rows[i]->bytes);
	}
}

static bool has_kind(struct summary_row *const *rows, size_t count,
		     enum call_kind kind)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (rows[i]->kind == kind)
			return true;
	return false;
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
	calls_table(out, s, rows, count);
	latency_table(out, s, rows, count);
	if (has_kind(rows, count, CALL_MOVE_PAGES))
		pages_table(out, s, rows, count);
	if (has_kind(rows, count, CALL_MBIND))
		ranges_table(out, s, rows, count);
	summary_warnings(s, put_warning, out);
}
