// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "tree.h"

const char *const compare_side_names[SIDES] = {
	[BASELINE] = "baseline",
	[EXPERIMENT] = "experiment",
};

static int row_cmp(const void *a, const void *b)
{
	const struct compare_row *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->procname, y->procname);
}

static struct compare_row *row_get(struct comparison *c,
				   const struct summary_row *r)
{
	struct compare_row *row = calloc(1, sizeof(*row)), **found;
	enum compare_side side;

	if (!row)
		return NULL;
	row->kind = r->kind;
	memcpy(row->procname, r->procname, sizeof(row->procname));
	found = tsearch(row, &c->tree, row_cmp);
	if (!found || *found != row) {
		free(row);
		return found ? *found : NULL;
	}
	for (side = 0; side < SIDES; side++)
		row->sum[side].vpid = row->sum[side].tid = -1;
	c->count++;
	return row;
}

static int add_side(struct comparison *c, enum compare_side side)
{
	struct summary_row **rows;
	struct compare_row *row;
	size_t i, n;
	int ret = 0;

	rows = summary_rows(c->summary[side], &n);
	if (!rows)
		return -1;
	for (i = 0; !ret && i < n; i++) {
		row = row_get(c, rows[i]);
		if (row)
			row->processes[side]++;
		ret = row ? summary_row_merge(&row->sum[side], rows[i]) : -1;
	}
	free(rows);
	return ret;
}

static void row_free(void *p)
{
	struct compare_row *row = p;
	enum compare_side side;

	for (side = 0; side < SIDES; side++)
		summary_row_fini(&row->sum[side]);
	free(row);
}

int comparison_build(struct comparison *c, const struct summary *baseline,
		     const struct summary *experiment)
{
	c->summary[BASELINE] = baseline;
	c->summary[EXPERIMENT] = experiment;
	if (add_side(c, BASELINE) || add_side(c, EXPERIMENT))
		return -1;
	c->rows = (struct compare_row **) tree_items(c->tree, c->count);
	return c->rows ? 0 : -1;
}

void comparison_fini(struct comparison *c)
{
	free(c->rows);
	tdestroy(c->tree, row_free);
	c->rows = NULL;
	c->tree = NULL;
}

uint64_t comparison_calls(const struct comparison *c, enum compare_side side)
{
	uint64_t calls = 0;
	size_t i;

	for (i = 0; i < c->count; i++)
		calls += c->rows[i]->sum[side].calls;
	return calls;
}

const char *compare_conflict(const struct numashim_report_options *options)
{
	if (options->view != NUMASHIM_REPORT_SUMMARY)
		return "--view";
	if (options->per_thread)
		return "--per-thread";
	return options->html ? "--html" : NULL;
}
