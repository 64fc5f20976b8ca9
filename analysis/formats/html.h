/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * `numashim report --html FILE`: every view in one self-contained HTML
 * page, tables and SVG charts drawn here, with no script, font or
 * style sheet from elsewhere. Each chart mark carries its figure in a
 * data- attribute (data-count, data-pages, data-values), so that what is
 * drawn can be checked against the report.
 */
#ifndef NUMASHIM_HTML_H
#define NUMASHIM_HTML_H

#include <stdio.h>

#include "views.h"

/* Write the page to path; 0, or -1 with errno set. */
int report_html(const char *path, const struct views *v);

/* Text from the trace or the code table, escaped for HTML. */
void html_text(FILE *out, const char *s);

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

#endif /* NUMASHIM_HTML_H */
