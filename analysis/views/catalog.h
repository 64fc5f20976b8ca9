/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The views of numashim report, one row each, from which the command's
 * usage, the sink's parameter checks, the plugin's help, the LAMI
 * metadata and the dispatch to each view's writers are derived: adding
 * a view is a row here and the view's own file.
 */
#ifndef NUMASHIM_CATALOG_H
#define NUMASHIM_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * X(ID, name, lami, help): the view's enumerator NUMASHIM_REPORT_ID, its
 * name on the command line and in the sink's view parameter, whether
 * --format lami has a result table for it, and what it shows, in lines
 * of at most 64 columns as the usage prints them.
 */
#define NUMASHIM_REPORT_VIEWS(X)					\
	X(SUMMARY, summary, true,					\
	  "per call kind and process, the calls, their errors, pages and\n" \
	  "latency (the default)")					\
	X(FAILURES, failures, true,					\
	  "failed calls and pages by code, explained, with their call sites") \
	X(CALLSITES, callsites, true,					\
	  "the call sites, most calls first, with their time and failures,\n" \
	  "named by function and source line where debug information exists") \
	X(NODES, nodes, true,						\
	  "move_pages' pages and bytes by requested node and resulting node\n" \
	  "or status, and the node the kernel got when a rewrite rule\n" \
	  "changed it")							\
	X(REWRITES, rewrites, true,					\
	  "per rewrite rule, the calls it changed, what the kernel got\n" \
	  "instead, and the failures it made up")			\
	X(TIMELINE, timeline, true,					\
	  "calls by kind, failed calls and pages moved by node, over time") \
	X(POLICIES, policies, true,					\
	  "the memory policies set, per thread over time and per range,\n" \
	  "and apart those the kernel refused")

#define NUMASHIM_REPORT_VIEW_ENUM(ID, name, lami, help) NUMASHIM_REPORT_##ID,
enum numashim_report_view {
	NUMASHIM_REPORT_VIEWS(NUMASHIM_REPORT_VIEW_ENUM)
	NUMASHIM_REPORT_VIEW_COUNT
};
#undef NUMASHIM_REPORT_VIEW_ENUM

struct report_view {
	const char *name;
	bool lami;
	const char *help;
};

extern const struct report_view report_views[NUMASHIM_REPORT_VIEW_COUNT];

/* 0, or -1 when name is no view. */
int report_view_parse(const char *name, enum numashim_report_view *view);

/* The usage's lines on the views: "  summary   per call kind ...". */
void report_views_usage(FILE *out);

/*
 * Into buf, the n names of names[] (stride bytes apart, as in a table
 * of structures whose first member is the name), each between quotes,
 * joined as words are, the last after conjunction: "a", "b" or "c";
 * all after commas when conjunction is NULL. Returns buf.
 */
char *report_names_join(char *buf, size_t size, const void *names, size_t n,
			size_t stride, const char *quote,
			const char *conjunction);

#endif /* NUMASHIM_CATALOG_H */
