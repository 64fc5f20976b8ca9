// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The timeline view as one JSON object, for scripts: {"buckets":
 * [{"start_ns": N, "end_ns": N (from the origin), "calls": {KIND: N, ...},
 * "failed": {KIND: N, ...}, "moved": {"NODE": N, ...}, "not_migrated": N,
 * "mbind_bytes": N}, ...], "origin_ns": N (from the clock's origin),
 * "bucket_ns": N, "nodes": [N, ...], "numashim_events": N,
 * "warnings": [...]}.
 */
#include <inttypes.h>

#include "json-writer.h"
#include "output.h"

static void put_moved(struct json_writer *w, const struct timeline *t,
		      size_t b)
{
	char node[16];
	size_t n;

	json_key(w, "moved");
	json_begin_object(w);
	for (n = 0; n < t->node_count; n++) {
		snprintf(node, sizeof(node), "%" PRId32, t->nodes[n]);
		json_member_uint(w, node, timeline_moved(t, n, b));
	}
	json_end_object(w);
}

static void put_bucket(struct json_writer *w, const struct view_figures *f,
		       size_t b)
{
	const struct timeline *t = &f->v->timeline;
	const struct timeline_bucket *bucket = &t->buckets[b];

	json_begin_object(w);
	json_member_uint(w, "start_ns", b * t->width_ns);
	json_member_uint(w, "end_ns", (b + 1) * t->width_ns);
	put_json_kinds(w, "calls", bucket->calls);
	put_json_kinds(w, "failed", bucket->failed);
	put_moved(w, t, b);
	json_member_uint(w, "not_migrated", bucket->not_migrated);
	json_member_uint(w, "mbind_bytes", bucket->mbind_bytes);
	json_end_object(w);
}

void print_timeline_json(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	const struct timeline *t = &v->timeline;
	struct json_writer w;
	size_t i;

	put_json_view_list(&w, out, "buckets", f, put_bucket);
	json_break(&w, 1);
	json_member_uint(&w, "origin_ns", t->origin_ns);
	json_member_uint(&w, "bucket_ns", t->width_ns);
	json_key(&w, "nodes");
	json_begin_array(&w);
	for (i = 0; i < t->node_count; i++)
		json_int(&w, t->nodes[i]);
	json_end_array(&w);
	put_json_view_end(&w, &v->summary);
}
