// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

const char *const report_format_names[NUMASHIM_REPORT_FORMATS] = {
	[NUMASHIM_REPORT_TEXT] = "text",
	[NUMASHIM_REPORT_JSON] = "json",
	[NUMASHIM_REPORT_CSV] = "csv",
	[NUMASHIM_REPORT_LAMI] = "lami",
};

int report_format_parse(const char *name, enum numashim_report_format *format)
{
	size_t i;

	for (i = 0; i < NUMASHIM_REPORT_FORMATS; i++) {
		if (!strcmp(name, report_format_names[i])) {
			*format = i;
			return 0;
		}
	}
	return -1;
}

static int print_summary(FILE *out, const struct views *v,
			 enum numashim_report_format format)
{
	const struct summary *s = &v->summary;
	size_t count;
	struct summary_row **rows = summary_rows(s, &count);

	if (!rows)
		return -1;
	if (format == NUMASHIM_REPORT_JSON)
		print_json(out, s, rows, count);
	else if (format == NUMASHIM_REPORT_CSV)
		print_csv(out, s, rows, count);
	else
		print_text(out, s, rows, count);
	free(rows);
	return 0;
}

static int print_failures(FILE *out, const struct views *v,
			  enum numashim_report_format format)
{
	size_t count;
	struct failure_group **groups = failures_list(&v->failures, &count);

	if (!groups)
		return -1;
	if (format == NUMASHIM_REPORT_JSON)
		print_failures_json(out, v, groups, count);
	else if (format == NUMASHIM_REPORT_CSV)
		print_failures_csv(out, v, groups, count);
	else
		print_failures_text(out, v, groups, count);
	free(groups);
	return 0;
}

static int print_callsites(FILE *out, const struct views *v,
			   enum numashim_report_format format)
{
	struct symbolizer symbols = { 0 };
	struct callsite *sites;
	size_t count;

	sites = callsites_rank(&v->sites, &symbols, &count);
	if (sites && format == NUMASHIM_REPORT_JSON)
		print_callsites_json(out, v, sites, count);
	else if (sites && format == NUMASHIM_REPORT_CSV)
		print_callsites_csv(out, v, sites, count);
	else if (sites)
		print_callsites_text(out, v, sites, count);
	free(sites);
	symbolizer_fini(&symbols);
	return sites ? 0 : -1;
}

static int print_nodes(FILE *out, const struct views *v,
		       enum numashim_report_format format)
{
	struct node_cells sorted = { 0 };
	int32_t *columns = NULL;
	size_t count;

	if (!node_cells_merge(&sorted, &v->nodes)) {
		node_cells_sort(&sorted);
		columns = node_cells_results(&sorted, &count);
	}
	if (columns && format == NUMASHIM_REPORT_JSON)
		print_nodes_json(out, v, &sorted);
	else if (columns && format == NUMASHIM_REPORT_CSV)
		print_nodes_csv(out, v, &sorted);
	else if (columns)
		print_nodes_text(out, v, &sorted, columns, count);
	free(columns);
	node_cells_fini(&sorted);
	return columns ? 0 : -1;
}

static int print_rewrites(FILE *out, const struct views *v,
			  enum numashim_report_format format)
{
	size_t count;
	struct rule_tally **rules = rewrites_list(&v->rewrites, &count);

	if (!rules)
		return -1;
	if (format == NUMASHIM_REPORT_JSON)
		print_rewrites_json(out, v, rules, count);
	else if (format == NUMASHIM_REPORT_CSV)
		print_rewrites_csv(out, v, rules, count);
	else
		print_rewrites_text(out, v, rules, count);
	free(rules);
	return 0;
}

static int print_timeline(FILE *out, const struct views *v,
			  enum numashim_report_format format)
{
	if (format == NUMASHIM_REPORT_JSON)
		print_timeline_json(out, v);
	else if (format == NUMASHIM_REPORT_CSV)
		print_timeline_csv(out, v);
	else
		print_timeline_text(out, v);
	return 0;
}

#define VIEW_PRINTER(ID, id, lami, help) [NUMASHIM_REPORT_##ID] = print_##id,
static int (*const view_printers[NUMASHIM_REPORT_VIEW_COUNT])(
	FILE *out, const struct views *v, enum numashim_report_format format) = {
	NUMASHIM_REPORT_VIEWS(VIEW_PRINTER)
};
#undef VIEW_PRINTER

int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options)
{
	if (options->format == NUMASHIM_REPORT_LAMI)
		return print_lami(out, v, options);
	return view_printers[options->view](out, v, options->format);
}

void print_comparison(FILE *out, const struct comparison *c,
		      enum numashim_report_format format)
{
	if (format == NUMASHIM_REPORT_JSON)
		print_comparison_json(out, c);
	else if (format == NUMASHIM_REPORT_CSV)
		print_comparison_csv(out, c);
	else
		print_comparison_text(out, c);
}
