// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The timeline view's document: a row per bucket of time, its span
 * (from the origin in JSON and CSV, since the Epoch in LAMI), the calls
 * and failed calls by kind, the pages moved by node, a column per node
 * of the trace, and what migrate_pages left and mbind bound; in JSON,
 * the origin, the buckets' width and the nodes as members too.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "documents.h"

enum { START, END, RANGE, CALLS, FAILED, MOVED, NOT_MIGRATED, MBIND_BYTES };

static const struct doc_column columns[] = {
	[START] = { .key = "start_ns", .type = DOC_UINT,
		    .formats = DOC_IN(JSON) | DOC_IN(CSV) },
	[END] = { .key = "end_ns", .type = DOC_UINT,
		  .formats = DOC_IN(JSON) | DOC_IN(CSV) },
	[RANGE] = { .title = "Time range", .class = LAMI_TIME_RANGE,
		    .type = DOC_RANGE, .formats = DOC_IN(LAMI) },
	[CALLS] = { .key = "calls", .title = "%s calls", .class = LAMI_NUMBER,
		    .unit = "calls", .type = DOC_COUNTS, .formats = DOC_IN_ALL,
		    .labels = call_kind_names, .label_count = CALL_KINDS },
	[FAILED] = { .key = "failed", .title = "Failed %s calls",
		     .class = LAMI_NUMBER, .unit = "calls", .type = DOC_COUNTS,
		     .formats = DOC_IN_ALL, .labels = call_kind_names,
		     .label_count = CALL_KINDS },
	/* Its labels are the trace's nodes: none in the metadata. */
	[MOVED] = { .key = "moved", .title = "Pages moved to node %s",
		    .class = LAMI_NUMBER, .unit = "pages", .type = DOC_COUNTS,
		    .formats = DOC_IN_ALL },
	[NOT_MIGRATED] = { .key = "not_migrated", .title = "Pages not migrated",
			   .class = LAMI_NUMBER, .unit = "pages",
			   .type = DOC_UINT, .formats = DOC_IN_ALL },
	[MBIND_BYTES] = { .key = "mbind_bytes", .title = "Bytes bound",
			  .class = LAMI_SIZE, .type = DOC_UINT,
			  .formats = DOC_IN_ALL },
};

/* LAMI puts the columns of the trace's nodes last. */
static const size_t lami_order[] = {
	RANGE, CALLS, FAILED, NOT_MIGRATED, MBIND_BYTES, MOVED,
};

const struct doc_shape timeline_shape = {
	.name = "timeline", .list = "buckets",
	.title = "Calls and pages moved over time",
	DOC_COLUMNS(columns), DOC_ORDER(LAMI, lami_order), .dynamic = true,
};

enum { ORIGIN, WIDTH, NODES };

static const struct doc_column member_columns[] = {
	[ORIGIN] = { .key = "origin_ns", .type = DOC_UINT,
		     .formats = DOC_IN(JSON) },
	[WIDTH] = { .key = "bucket_ns", .type = DOC_UINT,
		    .formats = DOC_IN(JSON) },
	[NODES] = { .key = "nodes", .type = DOC_NODES,
		    .formats = DOC_IN(JSON) },
};

static const struct doc_shape members_shape = {
	.name = "timeline", DOC_COLUMNS(member_columns), .members = true,
};

#define NODE_LABEL_MAX 16

/* The shape of t's buckets: a column of pages moved per node of t's. */
static const struct doc_shape *trace_shape(struct document *d,
					   const struct timeline *t)
{
	struct doc_shape *shape = doc_alloc(d, 1, sizeof(*shape));
	struct doc_column *cols = doc_alloc(d, 1, sizeof(columns));
	char (*names)[NODE_LABEL_MAX] = doc_alloc(d, t->node_count,
						   sizeof(*names));
	const char **labels = doc_alloc(d, t->node_count, sizeof(*labels));
	size_t n;

	if (!shape || !cols || !names || !labels)
		return NULL;
	for (n = 0; n < t->node_count; n++) {
		snprintf(names[n], sizeof(*names), "%" PRId32, t->nodes[n]);
		labels[n] = names[n];
	}
	memcpy(cols, columns, sizeof(columns));
	cols[MOVED].labels = labels;
	cols[MOVED].label_count = t->node_count;
	*shape = timeline_shape;
	shape->columns = cols;
	return shape;
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t b)
{
	const struct timeline *t = src;
	const struct timeline_bucket *bucket = &t->buckets[b];
	const uint64_t begin = t->origin_ns + b * t->width_ns;

	c[START] = doc_uint(b * t->width_ns);
	c[END] = doc_uint((b + 1) * t->width_ns);
	c[RANGE] = doc_range(begin, begin + t->width_ns);
	c[CALLS] = doc_counts(bucket->calls, 1);
	c[FAILED] = doc_counts(bucket->failed, 1);
	c[MOVED] = doc_counts(t->node_count ? t->moved + b : NULL,
			      TIMELINE_BUCKETS);
	c[NOT_MIGRATED] = doc_uint(bucket->not_migrated);
	c[MBIND_BYTES] = doc_uint(bucket->mbind_bytes);
	(void) d;
	return 0;
}

int timeline_document(struct document *d, const struct view_figures *f)
{
	const struct timeline *t = &f->v->timeline;
	const struct doc_shape *shape = trace_shape(d, t);
	struct doc_table *members;
	struct doc_cell *c;

	if (!shape || doc_table_fill(d, shape, t->used, put_row, t))
		return -1;
	members = doc_table_add(d, &members_shape, 1);
	if (!members)
		return -1;
	c = doc_row(members, 0);
	c[ORIGIN] = doc_uint(t->origin_ns);
	c[WIDTH] = doc_uint(t->width_ns);
	c[NODES] = doc_nodes(t->nodes, t->node_count);
	return 0;
}
