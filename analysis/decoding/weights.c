// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "numashim-mpol.h"
#include "weights.h"

/* The weights a process recorded last. */
struct process_weights {
	int64_t vpid;
	struct interleave_weights w;
};

static int weights_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct process_weights *) a)->vpid;
	int64_t y = ((const struct process_weights *) b)->vpid;

	return (x > y) - (x < y);
}

static void weights_free(void *p)
{
	struct process_weights *pw = p;

	free((void *) pw->w.nodes);
	free((void *) pw->w.weights);
	free(pw);
}

int weights_set(struct weights_table *t, int64_t vpid, const uint32_t *nodes,
		const uint8_t *weights, size_t n)
{
	struct process_weights key = { .vpid = vpid }, *pw, **found;
	uint32_t *v = malloc(n * sizeof(*v) + !n);
	uint8_t *w = malloc(n + !n);

	if (!v || !w)
		goto no_memory;
	memcpy(v, nodes, n * sizeof(*v));
	memcpy(w, weights, n);
	found = tfind(&key, &t->tree, weights_cmp);
	if (found) {
		pw = *found;
		free((void *) pw->w.nodes);
		free((void *) pw->w.weights);
	} else {
		pw = malloc(sizeof(*pw));
		if (!pw)
			goto no_memory;
		pw->vpid = vpid;
		if (!tsearch(pw, &t->tree, weights_cmp)) {
			free(pw);
			goto no_memory;
		}
	}
	pw->w = (struct interleave_weights) { v, w, n };
	return 0;
no_memory:
	free(v);
	free(w);
	return -1;
}

const struct interleave_weights *weights_in_force(struct weights_table *t,
						  int64_t vpid, uint64_t mode)
{
	struct process_weights key = { .vpid = vpid }, **found;

	if (numashim_mpol_mode_of(mode) != NUMASHIM_MPOL_WEIGHTED_INTERLEAVE)
		return NULL;
	found = tfind(&key, &t->tree, weights_cmp);
	return found ? &(*found)->w : NULL;
}

void weights_fini(struct weights_table *t)
{
	tdestroy(t->tree, weights_free);
	t->tree = NULL;
}
