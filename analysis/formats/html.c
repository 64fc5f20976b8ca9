// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The HTML page of `numashim report --html`: its frame, style, the
 * summary table and the explanations of the failures; html-charts.c
 * draws the charts, html-policies.c the policies' section, with what
 * html-parts.c holds for them all.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "documents.h"
#include "html.h"
#include "site-labels.h"
#include "output.h"

static const char style[] =
	"body{font:14px/1.4 sans-serif;margin:2em;color:#222;background:#fff}"
	"table{border-collapse:collapse}"
	"th,td{border:1px solid #ccc;padding:2px 6px;text-align:right}"
	"th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}"
	"figure{margin:1em 0}svg{display:block}"
	"svg text{font:11px sans-serif;fill:#222}"
	".warning{color:#a00}.axis{stroke:#888}"
	"dt{font-weight:bold;margin-top:.5em}dd{margin-left:2em}";

static void put_warning_html(void *out, const char *message)
{
	fputs("<p class=\"warning\">warning: ", out);
	html_text(out, message);
	fputs("</p>\n", out);
}

static void put_cell(FILE *out, uint64_t n)
{
	fprintf(out, "<td>%" PRIu64 "</td>", n);
}

static void put_latency(FILE *out, const struct histogram *h, double q)
{
	fprintf(out, "<td>%.1f</td>", histogram_quantile(h, q) / 1e3);
}

static void summary_row(FILE *out, const struct summary_row *row)
{
	char name[CODE_NAME_MAX];
	size_t i;

	fprintf(out, "<tr><td>%s</td><td class=\"process\">",
		call_kind_names[row->kind]);
	html_text(out, row->procname);
	fprintf(out, "[%" PRId64 "]</td>", process_pid(row->vpid));
	put_cell(out, row->calls);
	put_cell(out, code_counts_total(&row->errors));
	put_cell(out, row->no_exit);
	fputs("<td>", out);
	for (i = 0; i < row->errors.len; i++)
		fprintf(out, "%s%s %" PRIu64, i ? ", " : "",
			code_name(row->errors.v[i].code, name, sizeof(name)),
			row->errors.v[i].count);
	fputs("</td>", out);
	put_latency(out, &row->latency, 0.5);
	put_latency(out, &row->latency, 0.99);
	fprintf(out, "<td>%.1f</td>", row->latency.max / 1e3);
	put_cell(out, row->asked);
	put_cell(out, row->pages.on_target);
	put_cell(out, code_counts_total(&row->pages.failed));
	fputs("</tr>\n", out);
}

static void summary_table(FILE *out, const struct view_figures *f)
{
	size_t i;

	fputs("<section id=\"summary\"><h2>Summary</h2>\n<table>\n<tr>"
	      "<th>call</th><th>process</th><th>calls</th><th>failed</th>"
	      "<th>no exit</th><th>errors</th><th>p50 us</th><th>p99 us</th>"
	      "<th>max us</th><th>pages asked</th><th>on target</th>"
	      "<th>failed pages</th></tr>\n", out);
	for (i = 0; i < f->count; i++)
		summary_row(out, f->rows[i]);
	fputs("</table>\n", out);
	html_latency_charts(out, f->rows, f->count);
	fputs("</section>\n", out);
}

/*
 * A failure code, its meaning and advice, and its call sites named as
 * the call sites view names them (by function and line), each with its
 * binary and offset in data-site; -1 when out of memory.
 */
static int explain(FILE *out, const struct failure_group *g,
		   struct site_labels *labels)
{
	const struct numashim_code_text *text = failure_text(g);
	bool page = g->scope == NUMASHIM_SCOPE_PAGE;
	char name[CODE_NAME_MAX], site[SITE_NAME_MAX];
	const struct site_label *label;
	size_t i;

	fprintf(out, "<dt>%s%s %s</dt>\n<dd class=\"meaning\">",
		g->injected ? "injected " : "",
		page ? "move_pages page status" : failure_scope_calls[g->scope],
		code_name(failure_code(g), name, sizeof(name)));
	html_text(out, text ? text->meaning : "a code the kernel's "
		  "documentation does not give here");
	if (text) {
		fputs("</dd>\n<dd class=\"advice\">try: ", out);
		html_text(out, text->advice);
	}
	fputs("</dd>\n<dd class=\"sites\">from ", out);
	for (i = 0; i < g->site_count; i++) {
		label = site_label(labels, g->sites[i].site);
		if (!label)
			return -1;
		fprintf(out, "%s<span class=\"site\" data-site=\"", i ? ", " : "");
		html_text(out, site_name(g->sites[i].site, site, sizeof(site)));
		fprintf(out, "\" data-count=\"%" PRIu64 "\">", g->sites[i].count);
		html_text(out, label->place);
		fprintf(out, " (%" PRIu64 ")</span>", g->sites[i].count);
	}
	fputs("</dd>\n", out);
	return 0;
}

static int failures_section(FILE *out, const struct view_figures *f)
{
	struct site_labels labels = { 0 };
	size_t i;
	int ret = 0;

	fputs("<section id=\"failures\"><h2>Failures by code</h2>\n", out);
	html_failures_chart(out, f->groups, f->count);
	fputs("<dl>\n", out);
	for (i = 0; i < f->count && !ret; i++)
		ret = explain(out, f->groups[i], &labels);
	fputs("</dl>\n</section>\n", out);
	site_labels_fini(&labels);
	return ret;
}

static void nodes_section(FILE *out, const struct view_figures *f)
{
	fputs("<section id=\"nodes\"><h2>move_pages' pages by node</h2>\n"
	      "<p>Rows: the node asked for (and the node a rewrite rule gave "
	      "the kernel instead); columns: the page's status after the "
	      "call.</p>\n", out);
	html_nodes_chart(out, &f->cells, f->columns, f->column_count);
	fputs("</section>\n", out);
}

/*
 * A section that is the view's document as tables, with a line that
 * says what it holds; 0, or -1 when out of memory.
 */
static int document_section(FILE *out, const struct view_figures *f,
			    const char *heading, const char *about)
{
	const char *name = report_views[f->view].name;
	struct document d;
	int ret = document_build(&d, f);

	if (!ret) {
		fprintf(out, "<section id=\"%s\"><h2>%s</h2>\n<p>%s</p>\n",
			name, heading, about);
		html_document_tables(out, &d, name);
		fputs("</section>\n", out);
	}
	document_fini(&d);
	return ret;
}

/* The page's section of view, from its figures; 0, or -1: no memory. */
static int write_section(FILE *out, const struct views *v,
			 enum numashim_report_view view)
{
	struct view_figures f;
	int ret = 0;

	if (view_figures_compute(&f, v, view))
		ret = -1;
	else if (view == NUMASHIM_REPORT_SUMMARY)
		summary_table(out, &f);
	else if (view == NUMASHIM_REPORT_FAILURES)
		ret = failures_section(out, &f);
	else if (view == NUMASHIM_REPORT_NODES)
		nodes_section(out, &f);
	else if (view == NUMASHIM_REPORT_CALLSITES)
		ret = document_section(out, &f, "Call sites",
				       "Where the program made the calls, most "
				       "calls first, named by function and "
				       "source line where debug information "
				       "exists.");
	else if (view == NUMASHIM_REPORT_REWRITES)
		ret = document_section(out, &f, "Rewrites",
				       "What each rewrite rule changed: the "
				       "calls it matched, what the kernel got "
				       "instead, the failures it made up.");
	else
		html_policies_section(out, &f);
	view_figures_fini(&f);
	return ret;
}

static int write_page(FILE *out, const struct views *v)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n<title>numashim report</title>\n"
		"<style>%s</style>\n</head>\n<body>\n<h1>numashim report</h1>\n"
		"<p>%" PRIu64 " numashim events.</p>\n", style,
		v->summary.numashim_events);
	summary_warnings(&v->summary, put_warning_html, out);
	if (write_section(out, v, NUMASHIM_REPORT_SUMMARY) ||
	    write_section(out, v, NUMASHIM_REPORT_FAILURES) ||
	    write_section(out, v, NUMASHIM_REPORT_CALLSITES) ||
	    write_section(out, v, NUMASHIM_REPORT_NODES))
		return -1;
	fputs("<section id=\"timeline\"><h2>Timeline</h2>\n", out);
	if (html_timeline_lanes(out, v) ||
	    html_timeline_charts(out, &v->timeline))
		return -1;
	fputs("</section>\n", out);
	if (write_section(out, v, NUMASHIM_REPORT_POLICIES) ||
	    (v->rewrites.count && write_section(out, v, NUMASHIM_REPORT_REWRITES)))
		return -1;
	fputs("</body>\n</html>\n", out);
	return 0;
}

int report_html(const char *path, const struct views *v)
{
	FILE *out = fopen(path, "w");
	int ret;

	if (!out)
		return -1;
	ret = write_page(out, v);
	if (ret)
		errno = ENOMEM;
	else if (ferror(out))
		ret = -1;
	if (fclose(out) && !ret)
		ret = -1;
	return ret;
}
