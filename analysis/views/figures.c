// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>

#include "figures.h"

static int summary_figures(struct view_figures *f)
{
	f->items = f->rows = summary_rows(&f->v->summary, &f->count);
	return f->rows ? 0 : -1;
}

static int failures_figures(struct view_figures *f)
{
	f->items = f->groups = failures_list(&f->v->failures, &f->count);
	return f->groups ? 0 : -1;
}

static int callsites_figures(struct view_figures *f)
{
	f->items = f->sites = callsites_rank(&f->v->sites, &f->symbols,
					     &f->count);
	return f->sites ? 0 : -1;
}

static int nodes_figures(struct view_figures *f)
{
	if (node_cells_merge(&f->cells, &f->v->nodes))
		return -1;
	node_cells_sort(&f->cells);
	f->items = &f->cells;
	f->count = f->cells.len;
	f->columns = node_cells_results(&f->cells, &f->column_count);
	return f->columns ? 0 : -1;
}

static int rewrites_figures(struct view_figures *f)
{
	f->items = f->rules = rewrites_list(&f->v->rewrites, &f->count);
	return f->rules ? 0 : -1;
}

static int policies_figures(struct view_figures *f)
{
	f->items = f->policies = policies_list(&f->v->policies, &f->count);
	if (!f->policies)
		return -1;
	f->in_force = policies_in_force(f->policies, f->count);
	return 0;
}

/* The timeline's buckets are its figures as counted. */
static int timeline_figures(struct view_figures *f)
{
	f->items = &f->v->timeline;
	f->count = f->v->timeline.used;
	return 0;
}

#define VIEW_FIGURES(ID, id, lami, help) [NUMASHIM_REPORT_##ID] = id##_figures,
static int (*const computes[NUMASHIM_REPORT_VIEW_COUNT])(
	struct view_figures *f) = {
	NUMASHIM_REPORT_VIEWS(VIEW_FIGURES)
};
#undef VIEW_FIGURES

int view_figures_compute(struct view_figures *f, const struct views *v,
			 enum numashim_report_view view)
{
	*f = (struct view_figures) { .v = v, .view = view };
	return computes[view](f);
}

void view_figures_fini(struct view_figures *f)
{
	free(f->rows);
	free(f->groups);
	free(f->sites);
	symbolizer_fini(&f->symbols);
	node_cells_fini(&f->cells);
	free(f->columns);
	free(f->rules);
	free(f->policies);
}
