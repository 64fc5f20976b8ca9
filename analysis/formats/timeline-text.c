// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The timeline view for a terminal: a line per bucket of time, the calls
 * made in it by kind, then the pages moved in it by node, in tables of
 * as many node columns as 78 columns hold.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "output.h"

#define NODE_COLUMNS 6

/* Bucket widths are whole microseconds: six decimals are exact. */
static void put_start(FILE *out, const struct timeline *t, size_t b)
{
	uint64_t ns = b * t->width_ns;

	fprintf(out, "%3" PRIu64 ".%06" PRIu64, ns / 1000000000,
		ns % 1000000000 / 1000);
}

/* A kind's columns, calls and failed: 16 wide, or as wide as its name. */
static int kind_width(int k)
{
	int len = strlen(call_kind_names[k]);

	return len > 16 ? len : 16;
}

/*
 * The calls of kinds first..end - 1 by bucket, under title, and mbind's
 * bytes if asked: a table for the placement calls, and one for the
 * policy calls, so that each holds in 78 columns.
 */
static void calls_table(FILE *out, const struct timeline *t,
			const char *title, int first, int end, bool bytes)
{
	const struct timeline_bucket *bucket;
	size_t b;
	int k;

	fprintf(out, "\n%-10s", title);
	for (k = first; k < end; k++)
		fprintf(out, " %*s", kind_width(k), call_kind_names[k]);
	fprintf(out, "\n%10s", "start s");
	for (k = first; k < end; k++)
		fprintf(out, " %*s %7s", kind_width(k) - 8, "calls", "failed");
	fprintf(out, bytes ? " %14s\n" : "\n", "mbind bytes");
	for (b = 0; b < t->used; b++) {
		bucket = &t->buckets[b];
		put_start(out, t, b);
		for (k = first; k < end; k++)
			fprintf(out, " %*" PRIu64 " %7" PRIu64,
				kind_width(k) - 8, bucket->calls[k],
				bucket->failed[k]);
		if (bytes)
			fprintf(out, " %14" PRIu64, bucket->mbind_bytes);
		fputc('\n', out);
	}
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

/* Column c of the pages: a node's moved pages, then migrate_pages'. */
static uint64_t pages_in(const struct timeline *t, size_t c, size_t b)
{
	if (c < t->node_count)
		return timeline_moved(t, c, b);
	return t->buckets[b].not_migrated;
}

static void pages_table(FILE *out, const struct timeline *t, size_t first,
			size_t end)
{
	char label[16];
	size_t b, c;

	fprintf(out, "\n%10s", "start s");
	for (c = first; c < end; c++) {
		if (c < t->node_count)
			snprintf(label, sizeof(label), "node %" PRId32,
				 t->nodes[c]);
		else
			snprintf(label, sizeof(label), "unmoved");
		fprintf(out, " %9s", label);
	}
	fputc('\n', out);
	for (b = 0; b < t->used; b++) {
		put_start(out, t, b);
		for (c = first; c < end; c++)
			fprintf(out, " %9" PRIu64, pages_in(t, c, b));
		fputc('\n', out);
	}
}

void print_timeline_text(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	const struct timeline *t = &v->timeline;
	size_t columns = t->node_count + 1, c;
	char head[256];

	snprintf(head, sizeof(head), "numashim timeline: calls by the time of their entry, in "
		 "%zu buckets of %" PRIu64 " us from %" PRIu64 ".%09" PRIu64
		 " s (clock seconds: the first numashim event, or --begin)",
		 t->used, t->width_ns / 1000, t->origin_ns / 1000000000,
		 t->origin_ns % 1000000000);
	put_wrapped(out, "", "", head);
	calls_table(out, t, "CALLS", 0, CALL_SET_MEMPOLICY, true);
	/* Printed only when there are some, as a trace of old has none. */
	if (has_calls(t, CALL_SET_MEMPOLICY))
		calls_table(out, t, "POLICY", CALL_SET_MEMPOLICY, CALL_KINDS,
			    false);
	if (t->placements)
		fputs("\nPAGES: node N: move_pages' pages whose status after a move "
		      "is node N, and the\npages mbind and migrate_pages moved "
		      "to node N by numashim:placement's\ncounts before and "
		      "after; unmoved: the pages migrate_pages could not move\n"
		      "(its return)\n", out);
	else
		fputs("\nPAGES: node N: move_pages' pages whose status after a move "
		      "is node N;\nunmoved: the pages migrate_pages could not move "
		      "(its return); the pages it\nand mbind moved are not in the "
		      "trace (numashim record --verify-placement)\n", out);
	for (c = 0; c < columns; c += NODE_COLUMNS)
		pages_table(out, t, c, c + NODE_COLUMNS < columns ?
			    c + NODE_COLUMNS : columns);
	summary_warnings(&v->summary, put_warning, out);
}
