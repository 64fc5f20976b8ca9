// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The summary as one JSON object, every figure exact, for scripts:
 * {"rows": [...], "discarded_events": N, ..., "warnings": [...]}.
 * "failed" and "errors", "status" are the kernel's failures; "injected"
 * those a rewrite rule made up. Also what the JSON of the views without
 * a document (documents.h) and of --compare shares.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "json-writer.h"
#include "output.h"
#include "summary-figures.h"

void put_json_site(struct json_writer *w, const struct site *site)
{
	char name[SITE_NAME_MAX];

	json_member_string(w, "site", site_name(site, name, sizeof(name)));
	json_member_string(w, "binary", site->path);
	json_member_uint(w, "offset", site->offset);
}

void put_json_codes(struct json_writer *w, const char *key,
		    const struct code_counts *cc)
{
	char name[CODE_NAME_MAX];
	size_t i;

	json_key(w, key);
	json_begin_object(w);
	for (i = 0; i < cc->len; i++)
		json_member_uint(w, code_name(cc->v[i].code, name,
					      sizeof(name)), cc->v[i].count);
	json_end_object(w);
}

/* The figure's member, in the object its name's prefix opens. */
static void put_figure(struct json_writer *w, const struct summary_figure *f,
		       const struct summary_value *v)
{
	const char *member = summary_figure_member(f);

	switch (f->type) {
	case FIGURE_COUNT:
		json_member_uint(w, member, v->count);
		break;
	case FIGURE_CODES:
		put_json_codes(w, member, v->codes);
		break;
	case FIGURE_REAL:
	case FIGURE_RATE:
		json_key(w, member);
		if (f->type == FIGURE_RATE && !v->known)
			json_null(w);
		else
			json_real(w, 1, v->real);
		break;
	}
}

/* The figures of the row's kind, "a.b" as member b of object a. */
static void put_figures(struct json_writer *w, const struct summary_row *row)
{
	const char *group = NULL, *member;
	struct summary_value v;
	char key[32];
	size_t i;

	for (i = 0; i < SUMMARY_FIGURE_COUNT; i++) {
		const struct summary_figure *f = &summary_figures[i];

		if (!summary_figure_applies(f, row->kind))
			continue;
		member = summary_figure_member(f);
		if (group && (member == f->name ||
			      strncmp(group, f->name, member - f->name))) {
			json_end_object(w);
			group = NULL;
		}
		if (!group && member != f->name) {
			group = f->name;
			snprintf(key, sizeof(key), "%.*s",
				 (int) (member - 1 - f->name), f->name);
			json_key(w, key);
			json_begin_object(w);
		}
		f->get(row, &v);
		put_figure(w, f, &v);
	}
	if (group)
		json_end_object(w);
}

static void put_row(struct json_writer *w, const struct view_figures *f,
		    size_t i)
{
	const struct summary_row *row = f->rows[i];
	json_begin_object(w);
	json_member_string(w, "call", call_kind_names[row->kind]);
	json_member_int(w, "vpid", row->vpid);
	json_key(w, "tid");
	if (row->tid < 0)
		json_null(w);
	else
		json_int(w, row->tid);
	json_member_string(w, "procname", row->procname);
	put_figures(w, row);
	json_end_object(w);
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

void print_summary_json(FILE *out, const struct view_figures *f)
{
	const struct summary *s = &f->v->summary;
	struct json_writer w;

	put_json_view_list(&w, out, "rows", f, put_row);
	json_break(&w, 1);
	json_member_bool(&w, "per_thread", s->per_thread);
	put_json_losses(&w, s);
	json_break(&w, 1);
	put_json_warnings(&w, s);
	json_end_object(&w);
}
