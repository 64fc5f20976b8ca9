// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The summary as one JSON object, every figure exact, for scripts:
 * {"rows": [...], "discarded_events": N, ..., "warnings": [...]}.
 * "failed" and "errors", "status" are the kernel's failures; "injected"
 * those a rewrite rule made up.
 */
#include <inttypes.h>
#include <stdbool.h>

#include "output.h"

void put_json_string(FILE *out, const char *s)
{
	unsigned long c;
	size_t len;

	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s += len ? len : 1) {
		len = utf8_decode(s, &c);
		if (!len)
			fputs("\\ufffd", out);
		else if (c == '"' || c == '\\')
			fprintf(out, "\\%c", *s);
		else if (c < 0x20)
			fprintf(out, "\\u%04lx", c);
		else
			fwrite(s, 1, len, out);
	}
	fputc('"', out);
}

void put_json_site(FILE *out, const struct site *site)
{
	char name[SITE_NAME_MAX];

	fputs("\"site\": ", out);
	put_json_string(out, site_name(site, name, sizeof(name)));
	fputs(", \"binary\": ", out);
	put_json_string(out, site->path);
	fprintf(out, ", \"offset\": %" PRIu64, site->offset);
}

void put_json_codes(FILE *out, const char *key, const struct code_counts *cc)
{
	char name[CODE_NAME_MAX];
	size_t i;

	fprintf(out, ", \"%s\": {", key);
	for (i = 0; i < cc->len; i++) {
		fputs(i ? ", " : "", out);
		put_json_string(out, code_name(cc->v[i].code, name, sizeof(name)));
		fprintf(out, ": %" PRIu64, cc->v[i].count);
	}
	fputc('}', out);
}

static void put_latency(FILE *out, const struct histogram *h)
{
	size_t q;

	fprintf(out, ", \"latency_ns\": {\"count\": %" PRIu64
		", \"min\": %" PRIu64 ", \"max\": %" PRIu64
		", \"sum\": %" PRIu64, h->count, h->min, h->max, h->sum);
	for (q = 0; q < sizeof(latency_quantiles) / sizeof(*latency_quantiles);
	     q++)
		fprintf(out, ", \"%s\": %" PRIu64, latency_quantiles[q].name,
			histogram_quantile(h, latency_quantiles[q].q));
	fprintf(out, ", \"mean\": %.1f}",
		h->count ? (double) h->sum / (double) h->count : 0.0);
}

static void put_pages(FILE *out, const struct summary_row *row)
{
	const struct page_tally *p = &row->pages;
	double rate = pages_per_second(row);

	fprintf(out, ", \"pages\": {\"asked\": %" PRIu64
		", \"on_target\": %" PRIu64 ", \"elsewhere\": %" PRIu64
		", \"located\": %" PRIu64 ", \"failed\": %" PRIu64
		", \"unknown\": %" PRIu64 ", \"not_moved\": %" PRIu64,
		row->asked, p->on_target, p->elsewhere, p->located,
		code_counts_total(&p->failed), p->unknown, row->not_moved);
	put_json_codes(out, "status", &p->failed);
	fprintf(out, ", \"injected\": %" PRIu64,
		code_counts_total(&p->injected));
	put_json_codes(out, "injected_status", &p->injected);
	if (rate < 0)
		fputs(", \"per_second\": null}", out);
	else
		fprintf(out, ", \"per_second\": %.1f}", rate);
}

static void put_row(FILE *out, const struct summary_row *row)
{
	fprintf(out, "{\"call\": \"%s\", \"vpid\": %" PRId64 ", \"tid\": ",
		call_kind_names[row->kind], row->vpid);
	if (row->tid < 0)
		fputs("null", out);
	else
		fprintf(out, "%" PRId64, row->tid);
	fputs(", \"procname\": ", out);
	put_json_string(out, row->procname);
	fprintf(out, ", \"calls\": %" PRIu64 ", \"failed\": %" PRIu64
		", \"no_exit\": %" PRIu64, row->calls,
		code_counts_total(&row->errors), row->no_exit);
	put_json_codes(out, "errors", &row->errors);
	fprintf(out, ", \"injected\": %" PRIu64,
		code_counts_total(&row->injected));
	put_json_codes(out, "injected_errors", &row->injected);
	put_latency(out, &row->latency);
	if (row->kind == CALL_MOVE_PAGES)
		put_pages(out, row);
	if (row->kind == CALL_MBIND)
		fprintf(out, ", \"bytes\": %" PRIu64, row->bytes);
	if (row->kind == CALL_MIGRATE_PAGES)
		fprintf(out, ", \"not_moved\": %" PRIu64, row->not_moved);
	fputc('}', out);
}

struct warning_list {
	FILE *out;
	bool first;
};

static void put_json_warning(void *data, const char *message)
{
	struct warning_list *w = data;

	fputs(w->first ? "" : ", ", w->out);
	put_json_string(w->out, message);
	w->first = false;
}

void put_json_warnings(FILE *out, const struct summary *s)
{
	struct warning_list w = { out, true };

	fputs("\"warnings\": [", out);
	summary_warnings(s, put_json_warning, &w);
	fputc(']', out);
}

void put_json_view_end(FILE *out, const struct summary *s)
{
	fprintf(out, "],\n \"numashim_events\": %" PRIu64 ",\n ",
		s->numashim_events);
	put_json_warnings(out, s);
	fputs("}\n", out);
}

void print_json(FILE *out, const struct summary *s,
		struct summary_row *const *rows, size_t count)
{
	size_t i;

	fputs("{\"rows\": [", out);
	for (i = 0; i < count; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		put_row(out, rows[i]);
	}
	fprintf(out, "],\n \"per_thread\": %s, \"numashim_events\": %" PRIu64
		", \"discarded_events\": %" PRIu64
		", \"uncounted_discards\": %" PRIu64
		", \"discarded_packets\": %" PRIu64
		", \"calls_without_entry\": %" PRIu64 ",\n ",
		s->per_thread ? "true" : "false", s->numashim_events,
		s->discarded_events, s->uncounted_discards,
		s->discarded_packets, s->calls_without_entry);
	put_json_warnings(out, s);
	fputs("}\n", out);
}
