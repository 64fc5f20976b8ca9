// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrites view as one JSON object, for scripts:
 * {"rewrites": [{"rule": N, "text": ..., "calls": {"move_pages": N, ...},
 * "dry_runs": N, "nodes": {"FROM->TO": PAGES, ...},
 * "changes": {"mode": {"FROM->TO": CALLS, ...}, "flags": ..., "nodemask":
 * ..., "new_nodes": ..., "old_nodes": ...},
 * "injected_errors": {...}, "injected_status": {...},
 * "errors": {...}, "status": {...}}, ...],
 * "numashim_events": N, "warnings": [...]}.
 */
#include <inttypes.h>

#include "output.h"

static void put_calls(FILE *out, const struct rule_tally *t)
{
	size_t k;

	fputs(", \"calls\": {", out);
	for (k = 0; k < CALL_KINDS; k++)
		fprintf(out, "%s\"%s\": %" PRIu64, k ? ", " : "",
			call_kind_names[k], t->calls[k]);
	fputc('}', out);
}

static void put_moves(FILE *out, const struct node_moves *moves)
{
	size_t i;

	fputs(", \"nodes\": {", out);
	for (i = 0; i < moves->len; i++)
		fprintf(out, "%s\"%" PRId32 "->%" PRId32 "\": %" PRIu64,
			i ? ", " : "", moves->v[i].from, moves->v[i].to,
			moves->v[i].pages);
	fputc('}', out);
}

static void put_change(FILE *out, const struct rewrite_change *ch)
{
	char key[2 * NODE_LIST_MAX + 2];

	snprintf(key, sizeof(key), "%s->%s", ch->from, ch->to);
	put_json_string(out, key);
	fprintf(out, ": %" PRIu64, ch->calls);
}

static void put_changes(FILE *out, const struct rule_tally *t)
{
	size_t f, i;

	fputs(", \"changes\": {", out);
	for (f = 0; f < REWRITE_FIELDS; f++) {
		fprintf(out, "%s\"%s\": {", f ? ", " : "",
			rewrite_field_names[f]);
		for (i = 0; i < t->changes[f].len; i++) {
			fputs(i ? ", " : "", out);
			put_change(out, &t->changes[f].v[i]);
		}
		fputc('}', out);
	}
	fputc('}', out);
}

static void put_rule(FILE *out, const struct rule_tally *t)
{
	fprintf(out, "{\"rule\": %" PRIu32 ", \"text\": ", t->number);
	put_json_string(out, t->text);
	put_calls(out, t);
	fprintf(out, ", \"dry_runs\": %" PRIu64, t->dry_runs);
	put_moves(out, &t->moves);
	put_changes(out, t);
	put_json_codes(out, "injected_errors", &t->injected_errors);
	put_json_codes(out, "injected_status", &t->injected_status);
	put_json_codes(out, "errors", &t->errors);
	put_json_codes(out, "status", &t->status);
	fputc('}', out);
}

void print_rewrites_json(FILE *out, const struct views *v,
			 struct rule_tally *const *rules, size_t count)
{
	size_t i;

	fputs("{\"rewrites\": [", out);
	for (i = 0; i < count; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		put_rule(out, rules[i]);
	}
	put_json_view_end(out, &v->summary);
}
