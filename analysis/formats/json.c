// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The summary as one JSON object, every figure exact, for scripts:
 * {"rows": [...], "discarded_events": N, ..., "warnings": [...]}.
 * "failed" and "errors", "status" are the kernel's failures; "injected"
 * those a rewrite rule made up. Also what every view's JSON shares.
 */
#include <inttypes.h>
#include <stdbool.h>

#include "json-writer.h"
#include "output.h"

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

void put_json_kinds(struct json_writer *w, const char *key,
		    const uint64_t *counts)
{
	int k;

	json_key(w, key);
	json_begin_object(w);
	for (k = 0; k < CALL_KINDS; k++)
		json_member_uint(w, call_kind_names[k], counts[k]);
	json_end_object(w);
}

static void put_latency(struct json_writer *w, const struct histogram *h)
{
	size_t q;

	json_key(w, "latency_ns");
	json_begin_object(w);
	json_member_uint(w, "count", h->count);
	json_member_uint(w, "min", h->min);
	json_member_uint(w, "max", h->max);
	json_member_uint(w, "sum", h->sum);
	for (q = 0; q < sizeof(latency_quantiles) / sizeof(*latency_quantiles);
	     q++)
		json_member_uint(w, latency_quantiles[q].name,
				 histogram_quantile(h, latency_quantiles[q].q));
	json_key(w, "mean");
	json_real(w, 1, h->count ? (double) h->sum / (double) h->count : 0.0);
	json_end_object(w);
}

static void put_pages(struct json_writer *w, const struct summary_row *row)
{
	const struct page_tally *p = &row->pages;
	double rate = pages_per_second(row);

	json_key(w, "pages");
	json_begin_object(w);
	json_member_uint(w, "asked", row->asked);
	json_member_uint(w, "on_target", p->on_target);
	json_member_uint(w, "elsewhere", p->elsewhere);
	json_member_uint(w, "located", p->located);
	json_member_uint(w, "failed", code_counts_total(&p->failed));
	json_member_uint(w, "unknown", p->unknown);
	json_member_uint(w, "not_moved", row->not_moved);
	put_json_codes(w, "status", &p->failed);
	json_member_uint(w, "injected", code_counts_total(&p->injected));
	put_json_codes(w, "injected_status", &p->injected);
	json_key(w, "per_second");
	if (rate < 0)
		json_null(w);
	else
		json_real(w, 1, rate);
	json_end_object(w);
}

static void put_row(struct json_writer *w, const struct summary_row *row)
{
	json_begin_object(w);
	json_member_string(w, "call", call_kind_names[row->kind]);
	json_member_int(w, "vpid", row->vpid);
	json_key(w, "tid");
	if (row->tid < 0)
		json_null(w);
	else
		json_int(w, row->tid);
	json_member_string(w, "procname", row->procname);
	json_member_uint(w, "calls", row->calls);
	json_member_uint(w, "failed", code_counts_total(&row->errors));
	json_member_uint(w, "no_exit", row->no_exit);
	put_json_codes(w, "errors", &row->errors);
	json_member_uint(w, "injected", code_counts_total(&row->injected));
	put_json_codes(w, "injected_errors", &row->injected);
	put_latency(w, &row->latency);
	if (row->kind == CALL_MOVE_PAGES)
		put_pages(w, row);
	if (row->kind == CALL_MBIND)
		json_member_uint(w, "bytes", row->bytes);
	if (row->kind == CALL_MIGRATE_PAGES)
		json_member_uint(w, "not_moved", row->not_moved);
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

void put_json_losses(struct json_writer *w, const struct summary *s)
{
	json_member_uint(w, "numashim_events", s->numashim_events);
	json_member_uint(w, "discarded_events", s->discarded_events);
	json_member_uint(w, "uncounted_discards", s->uncounted_discards);
	json_member_uint(w, "discarded_packets", s->discarded_packets);
	json_member_uint(w, "calls_without_entry", s->calls_without_entry);
}

void put_json_view_begin(struct json_writer *w, FILE *out, const char *list)
{
	json_init(w, out);
	json_begin_object(w);
	json_key(w, list);
	json_begin_array(w);
}

void put_json_view_end(struct json_writer *w, const struct summary *s)
{
	json_break(w, 1);
	json_member_uint(w, "numashim_events", s->numashim_events);
	json_break(w, 1);
	put_json_warnings(w, s);
	json_end_object(w);
}

void print_summary_json(FILE *out, const struct view_figures *f)
{
	const struct summary *s = &f->v->summary;
	struct summary_row *const *rows = f->rows;
	size_t count = f->count;
	struct json_writer w;
	size_t i;

	put_json_view_begin(&w, out, "rows");
	for (i = 0; i < count; i++) {
		json_break(&w, 2);
		put_row(&w, rows[i]);
	}
	json_end_array(&w);
	json_break(&w, 1);
	json_member_bool(&w, "per_thread", s->per_thread);
	put_json_losses(&w, s);
	json_break(&w, 1);
	put_json_warnings(&w, s);
	json_end_object(&w);
}
