// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The callsites view for a terminal: a line of figures per site, most
 * calls first, under it the function and source line, and the binary.
 */
#include <inttypes.h>
#include <string.h>

#include "output.h"

static void put_kinds(FILE *out, const struct site_tally *t)
{
	const char *sep = "";
	int k;

	for (k = 0; k < CALL_KINDS; k++) {
		if (t->by_kind[k]) {
			fprintf(out, "%s%s", sep, call_kind_names[k]);
			sep = ",";
		}
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void put_symbol(FILE *out, const struct symbol *sym)
{
	fputs("      ", out);
	if (sym->function) {
		put_escaped(out, sym->function, 0);
		fprintf(out, "+%#" PRIx64, sym->function_offset);
	} else
		fputs("?", out);
	if (sym->file) {
		fputs(" at ", out);
		put_escaped(out, base_name(sym->file), 0);
		fprintf(out, ":%d", sym->line);
	}
	if (sym->problem) {
		fputs(" (", out);
		put_escaped(out, sym->problem, 0);
		fputc(')', out);
	}
	fputc('\n', out);
}

static void put_callsite(FILE *out, const struct callsite *cs)
{
	const struct site_tally *t = &cs->site->tally;
	char name[SITE_NAME_MAX];

	fprintf(out, "%10" PRIu64 " %8" PRIu64 " %12" PRIu64 " %12.1f %10.1f "
		"%10.1f  ", t->calls, t->failed, t->failed_pages,
		t->latency_sum / 1e3, t->latency_sum / 1e3 / t->calls,
		t->latency_max / 1e3);
	put_kinds(out, t);
	fputc('\n', out);
	put_symbol(out, &cs->symbol);
	fputs("      in ", out);
	put_escaped(out, site_name(cs->site, name, sizeof(name)), 0);
	fputc('\n', out);
}

void print_callsites_text(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	const struct callsite *sites = f->sites;
	size_t count = f->count;
	uint64_t calls = 0;
	size_t i;

	for (i = 0; i < count; i++)
		calls += sites[i].site->tally.calls;
	fprintf(out, "numashim call sites: %zu sites, %" PRIu64 " calls\n\n"
		"     CALLS   FAILED FAILED-PAGES      TIME-US    MEAN-US"
		"     MAX-US  CALL\n", count, calls);
	for (i = 0; i < count; i++)
		put_callsite(out, &sites[i]);
	summary_warnings(&v->summary, put_warning, out);
}
