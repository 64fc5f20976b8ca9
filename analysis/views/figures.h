/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A view's figures in the order every format writes them, computed once
 * from the counts of struct views: the summary's rows sorted, the
 * failures grouped, the call sites ranked and named, the node cells
 * merged and sorted, the rules listed. The formats only write them.
 */
#ifndef NUMASHIM_FIGURES_H
#define NUMASHIM_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "callsites.h"
#include "catalog.h"
#include "views.h"

struct view_figures {
	const struct views *v;
	enum numashim_report_view view;
	/*
	 * The view's list, one of those below, for the writers that take
	 * its rows one by one whatever the view (LAMI's), and its length.
	 */
	const void *items;
	size_t count;
	struct summary_row **rows;	/* summary */
	struct failure_group **groups;	/* failures, most frequent first */
	struct callsite *sites;		/* callsites, most calls first */
	struct symbolizer symbols;	/* callsites: what names them */
	struct node_cells cells;	/* nodes, sorted */
	int32_t *columns;		/* nodes: the statuses and result nodes */
	size_t column_count;
	struct rule_tally **rules;	/* rewrites */
	struct policy_row *policies;	/* policies, in force first */
	size_t in_force;		/* policies: how many are */
};

/* 0, or -1 when out of memory; f is to be released either way. */
int view_figures_compute(struct view_figures *f, const struct views *v,
			 enum numashim_report_view view);
void view_figures_fini(struct view_figures *f);

#endif /* NUMASHIM_FIGURES_H */
