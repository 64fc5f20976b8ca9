// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The failures view as one JSON object, for scripts:
 * {"failures": [{"call": ..., "scope": "page" or "call", "code": ...,
 * "count": N, "calls": N, "injected": false, "meaning": ..., "advice": ...,
 * "sites": [...]}, ...], "numashim_events": N, "warnings": [...]};
 * "injected" is true for the failures a rewrite rule made up.
 */
#include "json-writer.h"
#include "output.h"

static void put_site(struct json_writer *w, const struct site_count *sc)
{
	json_begin_object(w);
	put_json_site(w, sc->site);
	json_member_uint(w, "count", sc->count);
	json_end_object(w);
}

static void put_text(struct json_writer *w, const struct failure_group *g)
{
	const struct numashim_code_text *text = failure_text(g);

	json_member_string(w, "meaning", text ? text->meaning : NULL);
	json_member_string(w, "advice", text ? text->advice : NULL);
}

static void put_group(struct json_writer *w, const struct view_figures *f,
		      size_t group)
{
	const struct failure_group *g = f->groups[group];
	bool page = g->scope == NUMASHIM_SCOPE_PAGE;
	char name[CODE_NAME_MAX];
	size_t i;

	json_begin_object(w);
	json_member_string(w, "call", failure_scope_calls[g->scope]);
	json_member_string(w, "scope", page ? "page" : "call");
	json_member_string(w, "code", code_name(failure_code(g),
						name, sizeof(name)));
	json_member_uint(w, "count", g->count);
	json_member_uint(w, "calls", g->calls);
	json_member_bool(w, "injected", g->injected);
	put_text(w, g);
	json_key(w, "sites");
	json_begin_array(w);
	for (i = 0; i < g->site_count; i++)
		put_site(w, &g->sites[i]);
	json_end_array(w);
	json_end_object(w);
}

void print_failures_json(FILE *out, const struct view_figures *f)
{
	put_json_view(out, "failures", f, put_group);
}
