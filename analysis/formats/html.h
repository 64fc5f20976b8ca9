/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * `numashim report --html FILE`: every view in one self-contained HTML
 * page, tables and SVG charts drawn here, with no script, font or
 * style sheet from elsewhere. Each chart mark carries its figure in a
 * data- attribute (data-count, data-pages, data-values, a policy bar's
 * data-from, data-until, data-mode...), so that what is drawn can be
 * checked against the report.
 */
#ifndef NUMASHIM_HTML_H
#define NUMASHIM_HTML_H

#include <stdio.h>

#include "figures.h"
#include "views.h"

/* Write the page to path; 0, or -1 with errno set. */
int report_html(const char *path, const struct views *v);

/*
 * What the page and its sections share (html-parts.c). Text from the
 * trace or the code table, escaped for HTML.
 */
void html_text(FILE *out, const char *s);

/*
 * A chart's frame: an SVG of class chart in a figure, with its title,
 * then its caption; the colour of the ith series of a chart.
 */
void html_svg_open(FILE *out, const char *id, int width, int height,
		   const char *title);
void html_svg_close(FILE *out, const char *caption);
const char *html_colour(size_t i);

/* The charts; each draws nothing but a note when it has no figure. */
void html_latency_charts(FILE *out, struct summary_row *const *rows,
			 size_t count);
void html_failures_chart(FILE *out, struct failure_group *const *groups,
			 size_t count);
/* The cells under the columns of their statuses and result nodes. */
void html_nodes_chart(FILE *out, const struct node_cells *cells,
		      const int32_t *results, size_t count);
/* 0, or -1 when out of memory. */
int html_timeline_charts(FILE *out, const struct timeline *t);
/* A lane per thread with its calls in time (html-lanes.c); 0 or -1. */
int html_timeline_lanes(FILE *out, const struct views *v);

/*
 * The tables of document d of view (its name), as LAMI has their
 * columns (document-html.c).
 */
struct document;
void html_document_tables(FILE *out, const struct document *d,
			  const char *view);

/*
 * The policies view's section (html-policies.c), when the trace has
 * policies: the threads' policies in force over time as a chart, the
 * ranges' as a table.
 */
void html_policies_section(FILE *out, const struct view_figures *f);

#endif /* NUMASHIM_HTML_H */
