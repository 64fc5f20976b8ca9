// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The timeline view's document: a row per bucket of time, its span
 * (from the origin in JSON and CSV, since the Epoch in LAMI), the calls
 * and failed calls by kind, the pages moved by node, a column per node
 * of the trace, and what migrate_pages left and mbind bound; in JSON,
 * the origin, the buckets' width and the nodes as members too. Text
 * gives the calls by kind of each bucket, then the pages moved in it by
 * node, in tables of as many columns as 78 columns hold.
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

/* Text: the buckets, their width and origin, before the tables. */
static const struct doc_text_field head_fields[] = {
	{ .column = 0, .before = "numashim timeline: calls by the time of "
				 "their entry, in ", .after = " buckets of " },
	{ .column = 1, .after = " us from " },
	{ .column = 2, .flags = DOC_TEXT_SECONDS, .decimals = 9,
	  .after = " s (clock seconds: the first numashim event, or "
		   "--begin)" },
};

static const struct doc_text head_text = {
	.sections = &(const struct doc_text_section) {
		.when = DOC_NO_CELL,
		.lines = &(const struct doc_text_line) {
			DOC_FIELDS(head_fields), .flags = DOC_LINE_WRAP,
		},
		.line_count = 1,
	},
	.section_count = 1,
};

static const struct doc_shape head_shape =
	DOC_HEAD_SHAPE("timeline", 3, &head_text);

/* Text's tables: the pages' node columns a table holds. */
#define NODE_COLUMNS 6
#define NODE_LABEL_MAX 16

static const struct doc_text_field start_field = {
	.column = START, .head = "start s", .width = 10,
	.flags = DOC_TEXT_SECONDS, .decimals = 6,
};

/* Its words, whether the trace has numashim:placement's counts or not. */
static const char *const pages_notes[2] = {
	"\nPAGES: node N: move_pages' pages whose status after a move is "
	"node N;\nunmoved: the pages migrate_pages could not move (its "
	"return); the pages it\nand mbind moved are not in the trace "
	"(numashim record --verify-placement)\n",
	"\nPAGES: node N: move_pages' pages whose status after a move is "
	"node N, and the\npages mbind and migrate_pages moved to node N by "
	"numashim:placement's\ncounts before and after; unmoved: the pages "
	"migrate_pages could not move\n(its return)\n",
};

/* A line of the fields f, n of them. */
static struct doc_text_line *line_of(struct document *d,
				     const struct doc_text_field *f, size_t n)
{
	struct doc_text_line *line = doc_alloc(d, 1, sizeof(*line));

	if (line)
		*line = (struct doc_text_line) { .fields = f, .field_count = n };
	return line;
}

/* A kind's columns, calls and failed: 16 wide, or as wide as its name. */
static int kind_width(int k)
{
	int len = strlen(call_kind_names[k]);

	return len > 16 ? len : 16;
}

/*
 * A table of the calls of kinds first..end - 1 by bucket, under title,
 * and mbind's bytes if asked: one for the placement calls and one for
 * the policy calls, so that each holds in 78 columns.
 */
static int calls_section(struct document *d, struct doc_text_section *sec,
			 const char *title, int first, int end, bool bytes)
{
	struct doc_text_field *kinds = doc_alloc(d, 1 + end - first,
						 sizeof(*kinds));
	struct doc_text_field *f = doc_alloc(d, 2 + 2 * (end - first),
					     sizeof(*f));
	size_t n = 0;
	int k;

	if (!kinds || !f)
		return -1;
	kinds[0] = (struct doc_text_field) {
		.column = DOC_NO_CELL, .head = title, .width = -10,
	};
	f[n++] = start_field;
	for (k = first; k < end; k++) {
		kinds[1 + k - first] = (struct doc_text_field) {
			.column = DOC_NO_CELL, .head = call_kind_names[k],
			.width = kind_width(k), .before = " ",
		};
		f[n++] = (struct doc_text_field) {
			.column = CALLS, .head = "calls", .label = k,
			.width = kind_width(k) - 8, .flags = DOC_TEXT_LABEL,
			.before = " ",
		};
		f[n++] = (struct doc_text_field) {
			.column = FAILED, .head = "failed", .label = k,
			.width = 7, .flags = DOC_TEXT_LABEL, .before = " ",
		};
	}
	if (bytes)
		f[n++] = (struct doc_text_field) {
			.column = MBIND_BYTES, .head = "mbind bytes",
			.width = 14, .before = " ",
		};
	*sec = (struct doc_text_section) {
		.heading = "\n", .above = line_of(d, kinds, 1 + end - first),
		.heads = true, .always = true, .when = DOC_NO_CELL,
		.lines = line_of(d, f, n), .line_count = 1,
	};
	return sec->above && sec->lines ? 0 : -1;
}

/* A table of the pages in columns first..end - 1: nodes', then unmoved. */
static int pages_section(struct document *d, struct doc_text_section *sec,
			 const struct timeline *t, size_t first, size_t end)
{
	struct doc_text_field *f = doc_alloc(d, 1 + end - first, sizeof(*f));
	size_t c, n = 0;
	char *head;

	if (!f)
		return -1;
	f[n++] = start_field;
	for (c = first; c < end; c++) {
		head = doc_alloc(d, NODE_LABEL_MAX, 1);
		if (!head)
			return -1;
		if (c < t->node_count)
			snprintf(head, NODE_LABEL_MAX, "node %" PRId32,
				 t->nodes[c]);
		else
			snprintf(head, NODE_LABEL_MAX, "unmoved");
		f[n++] = (struct doc_text_field) {
			.column = c < t->node_count ? MOVED : NOT_MIGRATED,
			.head = head, .label = c, .width = 9, .before = " ",
			.flags = c < t->node_count ? DOC_TEXT_LABEL : 0,
		};
	}
	*sec = (struct doc_text_section) {
		.heading = "\n", .heads = true, .always = true,
		.when = DOC_NO_CELL, .lines = line_of(d, f, n), .line_count = 1,
	};
	return sec->lines ? 0 : -1;
}

/* Whether a bucket holds calls of kinds first..CALL_KINDS - 1. */
static bool has_calls(const struct timeline *t, int first)
{
	size_t b;
	int k;

	for (b = 0; b < t->used; b++)
		for (k = first; k < CALL_KINDS; k++)
			if (t->buckets[b].calls[k])
				return true;
	return false;
}

/*
 * The tables: the placement calls, the policy calls when there are some
 * (a trace of old has none), what the pages are, then the pages.
 */
static const struct doc_text *timeline_text(struct document *d,
					    const struct timeline *t)
{
	const size_t pages_columns = t->node_count + 1;
	struct doc_text *text = doc_alloc(d, 1, sizeof(*text));
	struct doc_text_section *s =
		doc_alloc(d, 3 + (pages_columns + NODE_COLUMNS - 1) /
			  NODE_COLUMNS,
			  sizeof(*s));
	size_t n = 0, c;

	if (!text || !s ||
	    calls_section(d, &s[n++], "CALLS", 0, CALL_SET_MEMPOLICY, true))
		return NULL;
	if (has_calls(t, CALL_SET_MEMPOLICY) &&
	    calls_section(d, &s[n++], "POLICY", CALL_SET_MEMPOLICY,
			  CALL_KINDS, false))
		return NULL;
	s[n++] = (struct doc_text_section) {
		.heading = pages_notes[!!t->placements], .always = true,
		.when = DOC_NO_CELL,
	};
	for (c = 0; c < pages_columns; c += NODE_COLUMNS)
		if (pages_section(d, &s[n++], t, c,
				  c + NODE_COLUMNS < pages_columns ?
				  c + NODE_COLUMNS : pages_columns))
			return NULL;
	text->sections = s;
	text->section_count = n;
	return text;
}

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
	shape->text = timeline_text(d, t);
	return shape->text ? shape : NULL;
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
	const uint64_t head[3] = { t->used, t->width_ns / 1000, t->origin_ns };
	struct doc_table *members;
	const struct doc_shape *shape;
	struct doc_cell *c;

	if (!doc_head_add(d, &head_shape, head))
		return -1;
	shape = trace_shape(d, t);
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
