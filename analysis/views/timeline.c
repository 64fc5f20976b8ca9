// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <string.h>

#include "nodes.h"
#include "placement.h"
#include "timeline.h"

void timeline_init(struct timeline *t, uint64_t floor_ns)
{
	*t = (struct timeline) {
		.floor_ns = floor_ns, .width_ns = TIMELINE_FIRST_WIDTH_NS,
	};
}

void timeline_fini(struct timeline *t)
{
	tdestroy(t->lanes, free);
	t->lanes = NULL;
	t->lane_count = 0;
	free(t->nodes);
	free(t->moved);
	t->nodes = NULL;
	t->moved = NULL;
	t->node_count = 0;
}

void timeline_see(struct timeline *t, uint64_t time_ns)
{
	if (t->started)
		return;
	t->started = true;
	t->origin_ns = time_ns > t->floor_ns ? time_ns : t->floor_ns;
}

uint64_t timeline_moved(const struct timeline *t, size_t node, size_t b)
{
	return t->moved[node * TIMELINE_BUCKETS + b];
}

static void add_bucket(struct timeline_bucket *dst,
		       const struct timeline_bucket *src)
{
	int k;

	for (k = 0; k < CALL_KINDS; k++) {
		dst->calls[k] += src->calls[k];
		dst->failed[k] += src->failed[k];
	}
	dst->not_migrated += src->not_migrated;
	dst->mbind_bytes += src->mbind_bytes;
}

static int lane_cmp(const void *a, const void *b)
{
	const struct timeline_lane *x = a, *y = b;

	if (x->vpid != y->vpid)
		return (x->vpid > y->vpid) - (x->vpid < y->vpid);
	return (x->tid > y->tid) - (x->tid < y->tid);
}

/* Pairs of buckets into one: what 2i and 2i + 1 held into i. */
static void merge_counts(uint64_t *v)
{
	const size_t half = TIMELINE_BUCKETS / 2;
	size_t i;

	for (i = 0; i < half; i++)
		v[i] = v[2 * i] + v[2 * i + 1];
	memset(&v[half], 0, half * sizeof(*v));
}

static void merge_lane(const void *node, VISIT which, void *unused)
{
	struct timeline_lane *lane = *(struct timeline_lane *const *) node;

	(void) unused;
	if (which != postorder && which != leaf)
		return;
	merge_counts(lane->calls);
	merge_counts(lane->failed);
}

/* The lane of c's thread, made on first use; NULL when out of memory. */
static struct timeline_lane *lane_of(struct timeline *t,
				     const struct call_record *c)
{
	struct timeline_lane key = { .vpid = c->vpid, .tid = c->tid };
	struct timeline_lane *lane, **found;

	found = tfind(&key, &t->lanes, lane_cmp);
	if (found)
		return *found;
	lane = calloc(1, sizeof(*lane));
	if (!lane)
		return NULL;
	*lane = key;
	snprintf(lane->procname, sizeof(lane->procname), "%s",
		 c->procname ? c->procname : "");
	if (!tsearch(lane, &t->lanes, lane_cmp)) {
		free(lane);
		return NULL;
	}
	t->lane_count++;
	return lane;
}

struct lane_list {
	const struct timeline_lane **v;
	size_t len;
};

static void list_lane(const void *node, VISIT which, void *list)
{
	struct lane_list *l = list;

	if (which == postorder || which == leaf)
		l->v[l->len++] = *(const struct timeline_lane *const *) node;
}

const struct timeline_lane **timeline_lanes(const struct timeline *t)
{
	struct lane_list l = {
		calloc(t->lane_count + 1, sizeof(*l.v)), 0,
	};

	if (l.v)
		twalk_r(t->lanes, list_lane, &l);
	return l.v;
}

/* Twice as wide buckets: bucket i holds what 2i and 2i + 1 held. */
static void merge_pairs(struct timeline *t)
{
	const size_t half = TIMELINE_BUCKETS / 2;
	size_t i, n;

	for (i = 0; i < half; i++) {
		t->buckets[i] = t->buckets[2 * i];
		add_bucket(&t->buckets[i], &t->buckets[2 * i + 1]);
	}
	memset(&t->buckets[half], 0, half * sizeof(*t->buckets));
	for (n = 0; n < t->node_count; n++)
		merge_counts(&t->moved[n * TIMELINE_BUCKETS]);
	twalk_r(t->lanes, merge_lane, NULL);
	t->width_ns *= 2;
	t->used = (t->used + 1) / 2;
}

/* The bucket of time_ns, made room for; a time before the origin is 0. */
static size_t bucket_of(struct timeline *t, uint64_t time_ns)
{
	uint64_t since = time_ns > t->origin_ns ? time_ns - t->origin_ns : 0;
	size_t b;

	while (since / t->width_ns >= TIMELINE_BUCKETS)
		merge_pairs(t);
	b = since / t->width_ns;
	if (b >= t->used)
		t->used = b + 1;
	return b;
}

/* The index of node in t->nodes, added in order if new; -1: no memory. */
static ssize_t node_index(struct timeline *t, int32_t node)
{
	size_t i, rows = TIMELINE_BUCKETS;
	int32_t *nodes;
	uint64_t *moved;

	for (i = 0; i < t->node_count && t->nodes[i] < node; i++)
		;
	if (i < t->node_count && t->nodes[i] == node)
		return i;
	nodes = realloc(t->nodes, (t->node_count + 1) * sizeof(*nodes));
	if (!nodes)
		return -1;
	t->nodes = nodes;
	moved = realloc(t->moved, (t->node_count + 1) * rows * sizeof(*moved));
	if (!moved)
		return -1;
	t->moved = moved;
	memmove(&nodes[i + 1], &nodes[i], (t->node_count - i) * sizeof(*nodes));
	memmove(&moved[(i + 1) * rows], &moved[i * rows],
		(t->node_count - i) * rows * sizeof(*moved));
	nodes[i] = node;
	memset(&moved[i * rows], 0, rows * sizeof(*moved));
	t->node_count++;
	return i;
}

/*
 * A move's pages that ended on a node: not a query's (no node asked), nor
 * those of a call a rule made a query (no node given to the kernel).
 */
static int add_moved(struct timeline *t, size_t b,
		     const struct node_cells *cells)
{
	const struct node_cell *cell;
	ssize_t n;
	size_t i;

	for (i = 0; cells && i < cells->len; i++) {
		cell = &cells->v[i];
		if (cell->requested == NODE_NONE || cell->kernel == NODE_NONE ||
		    cell->result < 0)
			continue;
		n = node_index(t, cell->result);
		if (n < 0)
			return -1;
		t->moved[n * TIMELINE_BUCKETS + b] += cell->pages;
	}
	return 0;
}

/* The pages that mbind or migrate_pages moved, as measured. */
static int add_placed(struct timeline *t, size_t b,
		      const struct call_placement *p)
{
	uint64_t pages;
	ssize_t n;
	size_t i;

	t->placements++;
	for (i = 0; i < p->len; i++) {
		pages = placement_moved_to(p, i);
		if (!pages)
			continue;
		n = node_index(t, p->nodes[i]);
		if (n < 0)
			return -1;
		t->moved[n * TIMELINE_BUCKETS + b] += pages;
	}
	return 0;
}

int timeline_add_call(struct timeline *t, const struct call_record *c)
{
	size_t b = bucket_of(t, c->start_ns);
	struct timeline_bucket *bucket = &t->buckets[b];
	struct timeline_lane *lane = lane_of(t, c);

	if (!lane)
		return -1;
	bucket->calls[c->kind]++;
	lane->calls[b]++;
	if (c->ret < 0) {
		bucket->failed[c->kind]++;
		lane->failed[b]++;
	}
	else if (c->kind == CALL_MIGRATE_PAGES)
		bucket->not_migrated += c->ret;
	if (c->kind == CALL_MBIND)
		bucket->mbind_bytes += c->bytes;
	if (c->placement && add_placed(t, b, c->placement))
		return -1;
	return add_moved(t, b, c->cells);
}
