// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>

#include "tree.h"

struct tree_walk {
	void **items;
	size_t count;
};

static void collect(const void *node, VISIT which, void *closure)
{
	struct tree_walk *w = closure;

	if (which == postorder || which == leaf)
		w->items[w->count++] = *(void *const *) node;
}

void **tree_items(const void *root, size_t count)
{
	struct tree_walk w = { calloc(count + 1, sizeof(*w.items)), 0 };

	if (w.items)
		twalk_r(root, collect, &w);
	return w.items;
}

void sort_items(void *v, size_t len, size_t size,
		int (*cmp)(const void *, const void *))
{
	if (len)
		qsort(v, len, size, cmp);
}
