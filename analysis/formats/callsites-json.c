// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The callsites view as one JSON object, for scripts:
 * {"callsites": [{"site": ..., "binary": ..., "offset": N, "function": ...,
 * "function_offset": N, "file": ..., "line": N, "problem": ...,
 * "calls": N, "calls_by_kind": {...}, "failed": N, "failed_pages": N,
 * "latency_ns": {"sum": N, "max": N, "mean": X}}, ...],
 * "numashim_events": N, "warnings": [...]}, the most calls first.
 */
#include "json-writer.h"
#include "output.h"

static void put_symbol(struct json_writer *w, const struct symbol *sym)
{
	json_member_string(w, "function", sym->function);
	if (sym->function)
		json_member_uint(w, "function_offset", sym->function_offset);
	json_member_string(w, "file", sym->file);
	if (sym->file)
		json_member_int(w, "line", sym->line);
	json_member_string(w, "problem", sym->problem);
}

static void put_tally(struct json_writer *w, const struct site_tally *t)
{
	int k;

	json_member_uint(w, "calls", t->calls);
	json_key(w, "calls_by_kind");
	json_begin_object(w);
	for (k = 0; k < CALL_KINDS; k++)
		if (t->by_kind[k])
			json_member_uint(w, call_kind_names[k], t->by_kind[k]);
	json_end_object(w);
	json_member_uint(w, "failed", t->failed);
	json_member_uint(w, "failed_pages", t->failed_pages);
	json_key(w, "latency_ns");
	json_begin_object(w);
	json_member_uint(w, "sum", t->latency_sum);
	json_member_uint(w, "max", t->latency_max);
	json_key(w, "mean");
	json_real(w, 1, (double) t->latency_sum / t->calls);
	json_end_object(w);
}

static void put_callsite(struct json_writer *w, const struct view_figures *f,
			 size_t i)
{
	const struct callsite *cs = &f->sites[i];
	json_begin_object(w);
	put_json_site(w, cs->site);
	put_symbol(w, &cs->symbol);
	put_tally(w, &cs->site->tally);
	json_end_object(w);
}

void print_callsites_json(FILE *out, const struct view_figures *f)
{
	put_json_view(out, "callsites", f, put_callsite);
}
