// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>

#include "node-runs.h"
#include "numashim-payload.h"

static int push_run(struct node_runs *runs, uint64_t start, int32_t node)
{
	struct node_run *v;
	size_t cap;

	if (runs->len && runs->v[runs->len - 1].node == node)
		return 0;
	if (runs->len == runs->cap) {
		cap = runs->cap ? 2 * runs->cap : 4;
		v = realloc(runs->v, cap * sizeof(*v));
		if (!v)
			return -1;
		runs->v = v;
		runs->cap = cap;
	}
	runs->v[runs->len++] = (struct node_run) { start, node };
	return 0;
}

int node_runs_add(struct node_runs *runs, uint64_t offset, const int32_t *v,
		  size_t n)
{
	size_t i;

	if (offset != runs->recorded)
		return 0;
	for (i = 0; i < n; i++)
		if (push_run(runs, offset + i, v[i]))
			return -1;
	runs->recorded += n;
	return 0;
}

bool node_runs_at(const struct node_runs *runs, uint64_t i, int32_t *node)
{
	size_t lo = 0, hi = runs->len;

	if (i >= runs->recorded)
		return false;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (runs->v[mid].start <= i)
			lo = mid;
		else
			hi = mid;
	}
	*node = runs->v[lo].node;
	return true;
}

/* A node outside the shim's masks is left out, as the masks leave it. */
const char *node_runs_list(const struct node_runs *runs, uint64_t count,
			   struct node_list *list)
{
	bool asked[NUMASHIM_NODES_MAX] = { false };
	size_t i;

	if (!runs->len || runs->recorded < count)
		return NULL;
	for (i = 0; i < runs->len; i++)
		if (runs->v[i].node >= 0 && runs->v[i].node < NUMASHIM_NODES_MAX)
			asked[runs->v[i].node] = true;
	*list = (struct node_list) { 0 };
	for (i = 0; i < NUMASHIM_NODES_MAX; i++)
		if (asked[i])
			node_list_add(list, i);
	return node_list_text(list);
}

void node_runs_fini(struct node_runs *runs)
{
	free(runs->v);
	*runs = (struct node_runs) { 0 };
}
