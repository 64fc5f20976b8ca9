// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>

#include "field-values.h"
#include "placement.h"

void placement_free(struct call_placement *p)
{
	if (!p)
		return;
	free(p->nodes);
	free(p->before);
	free(p->after);
	free(p);
}

static void placement_free_node(void *p)
{
	placement_free(p);
}

/* The n elements of the integer array field, which has no more, into v. */
static bool counts_of(const bt_field *array, uint64_t n, uint64_t *v)
{
	return field_is_array(array) && bt_field_array_get_length(array) == n &&
	       field_u64_elements(array, n, v);
}

/* The arrays of p, or false when they do not hold len elements each. */
static bool read_arrays(struct call_placement *c, const bt_field *p)
{
	const bt_field *nodes = field_member(p, "nodes");
	size_t len = field_is_array(nodes) ?
		     bt_field_array_get_length(nodes) : 0;

	c->nodes = malloc((len + 1) * sizeof(*c->nodes));
	c->before = malloc((len + 1) * sizeof(*c->before));
	c->after = malloc((len + 1) * sizeof(*c->after));
	c->len = len;
	return c->nodes && c->before && c->after &&
	       field_uint_elements(nodes, len, c->nodes) &&
	       counts_of(field_member(p, "before"), len, c->before) &&
	       counts_of(field_member(p, "after"), len, c->after);
}

int placements_read(struct placements *t, int64_t vpid, uint64_t call_id,
		    const bt_field *p)
{
	struct call_placement *c = calloc(1, sizeof(*c)), **found;

	if (!c)
		return -1;
	*c = (struct call_placement) {
		.key = { .vpid = vpid, .call_id = call_id },
		.pages = field_int_member(p, "pages"),
		.queried = field_int_member(p, "queried"),
		.err = field_int_member(p, "err"),
		.absent_before = field_int_member(p, "absent_before"),
		.absent_after = field_int_member(p, "absent_after"),
	};
	if (!read_arrays(c, p)) {
		bool no_memory = !c->nodes || !c->before || !c->after;

		placement_free(c);
		return no_memory ? -1 : 0;
	}
	found = tsearch(c, &t->tree, call_key_cmp);
	if (!found) {
		placement_free(c);
		return -1;
	}
	/* A second placement of the call: the first is kept. */
	if (*found != c)
		placement_free(c);
	return 0;
}

struct call_placement *placements_take(struct placements *t, int64_t vpid,
				       uint64_t call_id)
{
	const struct call_key key = { .vpid = vpid, .call_id = call_id };
	struct call_placement **found = tfind(&key, &t->tree, call_key_cmp);
	struct call_placement *c;

	if (!found)
		return NULL;
	c = *found;
	tdelete(c, &t->tree, call_key_cmp);
	return c;
}

void placements_fini(struct placements *t)
{
	tdestroy(t->tree, placement_free_node);
	t->tree = NULL;
}

static uint64_t gain(const struct call_placement *p, size_t i)
{
	return p->after[i] > p->before[i] ? p->after[i] - p->before[i] : 0;
}

static uint64_t loss(const struct call_placement *p, size_t i)
{
	return p->before[i] > p->after[i] ? p->before[i] - p->after[i] : 0;
}

/*
 * The change of node i as far as the opposite changes of all nodes
 * match it: own(i), cut in proportion when the own changes outgrow them.
 */
static uint64_t matched(const struct call_placement *p, size_t i,
			uint64_t (*own)(const struct call_placement *, size_t),
			uint64_t (*other)(const struct call_placement *, size_t))
{
	uint64_t owns = 0, others = 0;
	size_t n;

	for (n = 0; n < p->len; n++) {
		owns += own(p, n);
		others += other(p, n);
	}
	if (owns <= others)
		return own(p, i);
	return (unsigned __int128) own(p, i) * others / owns;
}

uint64_t placement_moved_to(const struct call_placement *p, size_t i)
{
	return matched(p, i, gain, loss);
}

uint64_t placement_moved_from(const struct call_placement *p, size_t i)
{
	return matched(p, i, loss, gain);
}
