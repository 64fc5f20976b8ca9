// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The failures view for a terminal: a paragraph per code, most frequent
 * first, saying what it means, what to try, and where it came from.
 */
#include <inttypes.h>

#include "output.h"

/* Sites shown under a code; the rest are summed up in one line. */
#define SITES_SHOWN 10

#define SCOPE_LABEL(name, TAG, flags, arrays) [NUMASHIM_SCOPE_##TAG] = #name,

static const char *const scope_labels[NUMASHIM_SCOPES] = {
	[NUMASHIM_SCOPE_PAGE] = "move_pages page status",
	NUMASHIM_CALLS(SCOPE_LABEL)
};

static void put_heading(FILE *out, const struct failure_group *g)
{
	char name[CODE_NAME_MAX];

	fprintf(out, "\n%s%s %s: ", g->injected ? "injected " : "",
		scope_labels[g->scope],
		code_name(failure_code(g), name, sizeof(name)));
	if (g->scope == NUMASHIM_SCOPE_PAGE)
		fprintf(out, "%" PRIu64 " pages in %" PRIu64 " calls\n",
			g->count, g->calls);
	else
		fprintf(out, "%" PRIu64 " calls\n", g->count);
}

static void put_sites(FILE *out, const struct failure_group *g)
{
	char name[SITE_NAME_MAX];
	uint64_t rest = 0;
	size_t i;

	for (i = 0; i < g->site_count; i++) {
		if (i < SITES_SHOWN) {
			fprintf(out, "  %10" PRIu64 "  ", g->sites[i].count);
			put_escaped(out, site_name(g->sites[i].site, name,
						   sizeof(name)), 0);
			fputc('\n', out);
		} else {
			rest += g->sites[i].count;
		}
	}
	if (rest)
		fprintf(out, "  %10" PRIu64 "  at %zu other sites\n", rest,
			g->site_count - SITES_SHOWN);
}

static void put_group(FILE *out, const struct failure_group *g)
{
	const struct numashim_code_text *text =
		failure_text(g);

	put_heading(out, g);
	if (text) {
		put_wrapped(out, "  ", "  ", text->meaning);
		put_wrapped(out, "  try: ", "       ", text->advice);
	} else {
		fputs("  a code the kernel's documentation does not give "
		      "here\n", out);
	}
	put_sites(out, g);
}

void print_failures_text(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	struct failure_group *const *groups = f->groups;
	size_t count = f->count;
	/* The kernel's failures, then those the rules made up. */
	uint64_t calls[2] = { 0 }, pages[2] = { 0 };
	size_t i;

	for (i = 0; i < count; i++) {
		if (groups[i]->scope == NUMASHIM_SCOPE_PAGE)
			pages[groups[i]->injected] += groups[i]->count;
		else
			calls[groups[i]->injected] += groups[i]->count;
	}
	fprintf(out, "numashim failures: %" PRIu64 " failed calls, %" PRIu64
		" failed pages\n", calls[0], pages[0]);
	if (calls[1] || pages[1])
		fprintf(out, "made up by rewrite rules: %" PRIu64 " calls, %"
			PRIu64 " pages\n", calls[1], pages[1]);
	for (i = 0; i < count; i++)
		put_group(out, groups[i]);
	summary_warnings(&v->summary, put_warning, out);
}
