// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The callsites view as one JSON object, for scripts:
 * {"callsites": [{"site": ..., "binary": ..., "offset": N, "function": ...,
 * "function_offset": N, "file": ..., "line": N, "problem": ...,
 * "calls": N, "calls_by_kind": {...}, "failed": N, "failed_pages": N,
 * "latency_ns": {"sum": N, "max": N, "mean": X}}, ...],
 * "numashim_events": N, "warnings": [...]}, the most calls first.
 */
#include <inttypes.h>

#include "output.h"

static void put_symbol(FILE *out, const struct symbol *sym)
{
	fputs(", \"function\": ", out);
	put_json_string(out, sym->function);
	if (sym->function)
		fprintf(out, ", \"function_offset\": %" PRIu64,
			sym->function_offset);
	fputs(", \"file\": ", out);
	put_json_string(out, sym->file);
	if (sym->file)
		fprintf(out, ", \"line\": %d", sym->line);
	fputs(", \"problem\": ", out);
	put_json_string(out, sym->problem);
}

static void put_tally(FILE *out, const struct site_tally *t)
{
	const char *sep = "";
	int k;

	fprintf(out, ", \"calls\": %" PRIu64 ", \"calls_by_kind\": {",
		t->calls);
	for (k = 0; k < CALL_KINDS; k++) {
		if (t->by_kind[k]) {
			fprintf(out, "%s\"%s\": %" PRIu64, sep,
				call_kind_names[k], t->by_kind[k]);
			sep = ", ";
		}
	}
	fprintf(out, "}, \"failed\": %" PRIu64 ", \"failed_pages\": %" PRIu64
		", \"latency_ns\": {\"sum\": %" PRIu64 ", \"max\": %" PRIu64
		", \"mean\": %.1f}", t->failed, t->failed_pages,
		t->latency_sum, t->latency_max,
		(double) t->latency_sum / t->calls);
}

static void put_callsite(FILE *out, const struct callsite *cs)
{
	fputc('{', out);
	put_json_site(out, cs->site);
	put_symbol(out, &cs->symbol);
	put_tally(out, &cs->site->tally);
	fputc('}', out);
}

void print_callsites_json(FILE *out, const struct views *v,
			  const struct callsite *sites, size_t count)
{
	size_t i;

	fputs("{\"callsites\": [", out);
	for (i = 0; i < count; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		put_callsite(out, &sites[i]);
	}
	put_json_view_end(out, &v->summary);
}
