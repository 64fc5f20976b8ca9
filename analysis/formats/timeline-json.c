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

#include "output.h"

static void put_kinds(FILE *out, const char *key, const uint64_t *counts)
{
	int k;

	fprintf(out, ", \"%s\": {", key);
	for (k = 0; k < CALL_KINDS; k++)
		fprintf(out, "%s\"%s\": %" PRIu64, k ? ", " : "",
			call_kind_names[k], counts[k]);
	fputc('}', out);
}

static void put_bucket(FILE *out, const struct timeline *t, size_t b)
{
	const struct timeline_bucket *bucket = &t->buckets[b];
	size_t n;

	fprintf(out, "{\"start_ns\": %" PRIu64 ", \"end_ns\": %" PRIu64,
		b * t->width_ns, (b + 1) * t->width_ns);
	put_kinds(out, "calls", bucket->calls);
	put_kinds(out, "failed", bucket->failed);
	fputs(", \"moved\": {", out);
	for (n = 0; n < t->node_count; n++)
		fprintf(out, "%s\"%" PRId32 "\": %" PRIu64, n ? ", " : "",
			t->nodes[n], timeline_moved(t, n, b));
	fprintf(out, "}, \"not_migrated\": %" PRIu64 ", \"mbind_bytes\": %"
		PRIu64 "}", bucket->not_migrated, bucket->mbind_bytes);
}

void print_timeline_json(FILE *out, const struct views *v)
{
	const struct timeline *t = &v->timeline;
	size_t i;

	fputs("{\"buckets\": [", out);
	for (i = 0; i < t->used; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		put_bucket(out, t, i);
	}
	fprintf(out, "],\n \"origin_ns\": %" PRIu64 ", \"bucket_ns\": %"
		PRIu64 ", \"nodes\": [", t->origin_ns, t->width_ns);
	for (i = 0; i < t->node_count; i++)
		fprintf(out, "%s%" PRId32, i ? ", " : "", t->nodes[i]);
	put_json_view_end(out, &v->summary);
}
