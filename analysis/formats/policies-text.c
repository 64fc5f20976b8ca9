// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policies view for a terminal: per process, a paragraph per thread
 * with set_mempolicy's policies in time order, from when each was in
 * force and until when, then mbind's ranges (a row for the same call
 * made again: how many times, the first and the last) and the home
 * nodes; then,
 * apart, the calls the kernel refused. Times are in seconds since the
 * trace's first numashim event.
 */
#include <inttypes.h>

#include "output.h"

/* What each scope's paragraph is headed with, and its columns. */
static const struct {
	const char *title;
	const char *columns;
} paragraphs[POLICY_SCOPES] = {
	[POLICY_THREAD] = { "set_mempolicy",
	  "     from (s)    until (s)  mode                mode flags     nodes"
	  "    weights  site" },
	[POLICY_RANGE] = { "mbind ranges",
	  "  start               end                 mode                "
	  "mode flags     nodes    weights flags   calls first (s)  last (s)"
	  "  site" },
	[POLICY_HOME_NODE] = { "home nodes (set_mempolicy_home_node)",
	  "  start               end                 home node    at (s)"
	  "  site" },
};

static double seconds(const struct view_figures *f, uint64_t ns)
{
	uint64_t first = f->v->summary.first_ns;

	return ns > first ? (ns - first) / 1e9 : 0;
}

/*
 * The mode, its flags, the nodes and weighted interleave's weights, in
 * the columns the thread's and the ranges' paragraphs share.
 */
static void put_mode(FILE *out, const struct policy_words *w)
{
	fprintf(out, "  %-19s %-14s %-7s  %-7s", w->mode, w->mode_flags,
		w->nodes ? w->nodes : "unknown",
		w->weights ? w->weights : "-");
}

static void put_range(FILE *out, const struct policy_row *row)
{
	fprintf(out, "  %#-18" PRIx64 "  %#-18" PRIx64, row->start, row->end);
}

static void put_row(FILE *out, const struct view_figures *f,
		    const struct policy_row *row)
{
	char site[SITE_NAME_MAX];
	struct policy_words w;

	policy_row_words(row, &w);
	if (row->scope == POLICY_THREAD) {
		fprintf(out, "  %11.6f", seconds(f, row->time_ns));
		if (row->until_ns)
			fprintf(out, "  %11.6f", seconds(f, row->until_ns));
		else
			/* In force to the end, or never: refused. */
			fprintf(out, "  %11s", row->err ? "" : "-");
		put_mode(out, &w);
	} else if (row->scope == POLICY_RANGE) {
		put_range(out, row);
		put_mode(out, &w);
		fprintf(out, " %-7s %5" PRIu64 " %9.6f %9.6f", w.flags,
			row->calls, seconds(f, row->time_ns),
			seconds(f, row->last_ns));
	} else {
		put_range(out, row);
		fprintf(out, "  %-9" PRIu64 " %9.6f", row->home_node,
			seconds(f, row->time_ns));
	}
	fputs("  ", out);
	put_escaped(out, site_name(row->site, site, sizeof(site)), 0);
	fprintf(out, "%s%s\n", w.error ? "  " : "", w.error ? w.error : "");
}

/* A paragraph for each process and scope, and thread for set_mempolicy. */
static bool same_paragraph(const struct policy_row *a,
			   const struct policy_row *b)
{
	return a->vpid == b->vpid && a->scope == b->scope &&
	       (a->scope != POLICY_THREAD || a->tid == b->tid);
}

static void put_heading(FILE *out, const struct policy_row *row)
{
	fputc('\n', out);
	put_escaped(out, row->procname, 0);
	fprintf(out, " (vpid %" PRId64 ")", process_pid(row->vpid));
	if (row->scope == POLICY_THREAD)
		fprintf(out, ", thread %" PRId64, row->tid);
	fprintf(out, ": %s\n%s%s\n", paragraphs[row->scope].title,
		paragraphs[row->scope].columns, row->err ? "  error" : "");
}

static void put_rows(FILE *out, const struct view_figures *f, size_t from,
		     size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (i == from || !same_paragraph(&f->policies[i - 1],
						 &f->policies[i]))
			put_heading(out, &f->policies[i]);
		put_row(out, f, &f->policies[i]);
	}
}

void print_policies_text(FILE *out, const struct view_figures *f)
{
	fprintf(out, "numashim policies: %zu in force, %zu refused by the "
		"kernel\n", f->in_force, f->count - f->in_force);
	put_rows(out, f, 0, f->in_force);
	if (f->count > f->in_force)
		fputs("\nrefused by the kernel, which left the policy in force "
		      "as it was:\n", out);
	put_rows(out, f, f->in_force, f->count);
	policies_warnings(f->v, put_warning, out);
}
