// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policies view as one JSON object, for scripts: {"policies": [ROW,
 * ...], "refused": [ROW, ...], "numashim_events": N, "warnings": [...]},
 * the policies in force and those the kernel refused, each ROW
 * {"scope": "thread", "range" or "home_node", "vpid": N, "tid": N,
 * "procname": ..., "time_ns": N, "until_ns": N, "calls": N, "last_ns": N,
 * "mode": ..., "mode_flags": ..., "nodes": ..., "weights": "0:1,1:3",
 * "flags": ..., "start": N, "end": N, "home_node": N, "site": ...,
 * "binary": ..., "offset": N, "error": ...}, with null for
 * what the row's scope lacks or the trace does not tell.
 */
#include "json-writer.h"
#include "output.h"

static void put_uint_or_null(struct json_writer *w, const char *key,
			     bool known, uint64_t u)
{
	json_key(w, key);
	if (known)
		json_uint(w, u);
	else
		json_null(w);
}

static void put_policy(struct json_writer *w, const struct policy_row *row)
{
	bool thread = row->scope == POLICY_THREAD;
	struct policy_words words;

	policy_row_words(row, &words);
	json_member_string(w, "mode", words.mode);
	json_member_string(w, "mode_flags", words.mode_flags);
	json_member_string(w, "nodes", words.nodes);
	json_member_string(w, "weights", words.weights);
	json_member_string(w, "flags", words.flags);
	put_uint_or_null(w, "start", !thread, row->start);
	put_uint_or_null(w, "end", !thread, row->end);
	put_uint_or_null(w, "home_node", row->scope == POLICY_HOME_NODE,
			 row->home_node);
	put_json_site(w, row->site);
	json_member_string(w, "error", words.error);
}

static void put_row(struct json_writer *w, const struct view_figures *f,
		    size_t i)
{
	const struct policy_row *row = &f->policies[i];

	json_begin_object(w);
	json_member_string(w, "scope", policy_scope_names[row->scope]);
	json_member_int(w, "vpid", row->vpid);
	json_member_int(w, "tid", row->tid);
	json_member_string(w, "procname", row->procname);
	json_member_uint(w, "time_ns", row->time_ns);
	put_uint_or_null(w, "until_ns", row->until_ns, row->until_ns);
	json_member_uint(w, "calls", row->calls);
	json_member_uint(w, "last_ns", row->last_ns);
	put_policy(w, row);
	json_end_object(w);
}

void print_policies_json(FILE *out, const struct view_figures *f)
{
	struct view_figures refused = *f;
	struct json_writer w;
	size_t i;

	/* The refused are the rows after those in force. */
	refused.count = f->in_force;
	put_json_view_list(&w, out, "policies", &refused, put_row);
	json_break(&w, 1);
	json_key(&w, "refused");
	json_begin_array(&w);
	for (i = f->in_force; i < f->count; i++) {
		json_break(&w, 2);
		put_row(&w, f, i);
	}
	json_end_array(&w);
	json_break(&w, 1);
	json_member_uint(&w, "numashim_events", f->v->summary.numashim_events);
	json_break(&w, 1);
	put_json_policies_warnings(&w, f->v);
	json_end_object(&w);
}
