// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What the JSON writers share: of the documents (document-json.c), of
 * the views without one (documents.h) and of --compare: a call site's
 * members, the warnings, the counts of events lost, a view's list.
 */
#include "json-writer.h"
#include "output.h"

void put_json_site(struct json_writer *w, const struct site *site)
{
	char name[SITE_NAME_MAX];

	json_member_string(w, "site", site_name(site, name, sizeof(name)));
	json_member_string(w, "binary", site->path);
	json_member_uint(w, "offset", site->offset);
}

static void put_warning_string(void *w, const char *message)
{
	json_string(w, message);
}

void put_json_warnings(struct json_writer *w, const struct summary *s)
{
	json_key(w, "warnings");
	json_begin_array(w);
	summary_warnings(s, put_warning_string, w);
	json_end_array(w);
}

void put_json_policies_warnings(struct json_writer *w, const struct views *v)
{
	json_key(w, "warnings");
	json_begin_array(w);
	policies_warnings(v, put_warning_string, w);
	json_end_array(w);
}

void put_json_losses(struct json_writer *w, const struct summary *s)
{
	json_member_uint(w, "numashim_events", s->numashim_events);
	json_member_uint(w, "discarded_events", s->discarded_events);
	json_member_uint(w, "uncounted_discards", s->uncounted_discards);
	json_member_uint(w, "discarded_packets", s->discarded_packets);
	json_member_uint(w, "calls_without_entry", s->calls_without_entry);
}

void put_json_view_list(struct json_writer *w, FILE *out, const char *list,
			const struct view_figures *f, json_item_fn put)
{
	size_t i;

	json_init(w, out);
	json_begin_object(w);
	json_key(w, list);
	json_begin_array(w);
	for (i = 0; i < f->count; i++) {
		json_break(w, 2);
		put(w, f, i);
	}
	json_end_array(w);
}

