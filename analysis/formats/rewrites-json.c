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

#include "json-writer.h"
#include "output.h"

static void put_moves(struct json_writer *w, const struct node_moves *moves)
{
	char key[32];
	size_t i;

	json_key(w, "nodes");
	json_begin_object(w);
	for (i = 0; i < moves->len; i++) {
		snprintf(key, sizeof(key), "%" PRId32 "->%" PRId32,
			 moves->v[i].from, moves->v[i].to);
		json_member_uint(w, key, moves->v[i].pages);
	}
	json_end_object(w);
}

static void put_change(struct json_writer *w, const struct rewrite_change *ch)
{
	char key[2 * NODE_LIST_MAX + 2];

	snprintf(key, sizeof(key), "%s->%s", ch->from, ch->to);
	json_member_uint(w, key, ch->calls);
}

static void put_changes(struct json_writer *w, const struct rule_tally *t)
{
	size_t f, i;

	json_key(w, "changes");
	json_begin_object(w);
	for (f = 0; f < REWRITE_FIELDS; f++) {
		json_key(w, rewrite_field_names[f]);
		json_begin_object(w);
		for (i = 0; i < t->changes[f].len; i++)
			put_change(w, &t->changes[f].v[i]);
		json_end_object(w);
	}
	json_end_object(w);
}

static void put_rule(struct json_writer *w, const struct view_figures *f,
		     size_t i)
{
	const struct rule_tally *t = f->rules[i];
	json_begin_object(w);
	json_member_uint(w, "rule", t->number);
	json_member_string(w, "text", t->text);
	put_json_kinds(w, "calls", t->calls);
	json_member_uint(w, "dry_runs", t->dry_runs);
	put_moves(w, &t->moves);
	put_changes(w, t);
	put_json_codes(w, "injected_errors", &t->injected_errors);
	put_json_codes(w, "injected_status", &t->injected_status);
	put_json_codes(w, "errors", &t->errors);
	put_json_codes(w, "status", &t->status);
	json_end_object(w);
}

void print_rewrites_json(FILE *out, const struct view_figures *f)
{
	put_json_view(out, "rewrites", f, put_rule);
}
