// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The failures view as one JSON object, for scripts:
 * {"failures": [{"call": ..., "scope": "page" or "call", "code": ...,
 * "count": N, "calls": N, "injected": false, "meaning": ..., "advice": ...,
 * "sites": [...]}, ...], "numashim_events": N, "warnings": [...]};
 * "injected" is true for the failures a rewrite rule made up.
 */
#include <inttypes.h>

#include "output.h"

static void put_site(FILE *out, const struct site_count *sc)
{
	fputc('{', out);
	put_json_site(out, sc->site);
	fprintf(out, ", \"count\": %" PRIu64 "}", sc->count);
}

static void put_text(FILE *out, const struct failure_group *g)
{
	const struct numashim_code_text *text =
		failure_text(g);

	fputs(", \"meaning\": ", out);
	put_json_string(out, text ? text->meaning : NULL);
	fputs(", \"advice\": ", out);
	put_json_string(out, text ? text->advice : NULL);
}

static void put_group(FILE *out, const struct failure_group *g)
{
	bool page = g->scope == NUMASHIM_SCOPE_PAGE;
	char name[CODE_NAME_MAX];
	size_t i;

	fprintf(out, "{\"call\": \"%s\", \"scope\": \"%s\", \"code\": ",
		failure_scope_calls[g->scope], page ? "page" : "call");
	put_json_string(out, code_name(page ? -g->code : g->code, name,
				       sizeof(name)));
	fprintf(out, ", \"count\": %" PRIu64 ", \"calls\": %" PRIu64
		", \"injected\": %s", g->count, g->calls,
		g->injected ? "true" : "false");
	put_text(out, g);
	fputs(", \"sites\": [", out);
	for (i = 0; i < g->site_count; i++) {
		fputs(i ? ", " : "", out);
		put_site(out, &g->sites[i]);
	}
	fputs("]}", out);
}

void print_failures_json(FILE *out, const struct views *v,
			 struct failure_group *const *groups, size_t count)
{
	size_t i;

	fputs("{\"failures\": [", out);
	for (i = 0; i < count; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		put_group(out, groups[i]);
	}
	put_json_view_end(out, &v->summary);
}
