/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A move's target nodes as runs of equal values: programs mostly send
 * all their pages to one node, so a call on millions of pages keeps a
 * few runs instead of its whole nodes array until its statuses arrive.
 */
#ifndef NUMASHIM_NODE_RUNS_H
#define NUMASHIM_NODE_RUNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nodelist.h"

struct node_run {
	uint64_t start;
	int32_t node;
};

struct node_runs {
	struct node_run *v;
	size_t len;
	size_t cap;
	/* Elements recorded from the start without a gap. */
	uint64_t recorded;
};

/*
 * The n elements of v from element offset on; after a gap (a lost
 * chunk) the nodes are no longer known. 0, or -1 when out of memory.
 */
int node_runs_add(struct node_runs *runs, uint64_t offset, const int32_t *v,
		  size_t n);

/* The node of element i; false when the trace lacks it. */
bool node_runs_at(const struct node_runs *runs, uint64_t i, int32_t *node);

/*
 * The nodes of the count elements, ascending, as the text of list; NULL
 * for none, or when the trace lacks some.
 */
const char *node_runs_list(const struct node_runs *runs, uint64_t count,
			   struct node_list *list);

void node_runs_fini(struct node_runs *runs);

#endif /* NUMASHIM_NODE_RUNS_H */
