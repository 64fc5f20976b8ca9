// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The failures view's document: a row per call kind or page scope and
 * code, the kernel's before the rules', the most frequent first, with
 * what the code means and what to try, and in JSON the call sites it
 * came from.
 */
#include "documents.h"

enum { CALL, SCOPE, CODE, COUNT, CALLS, INJECTED, MEANING, ADVICE, SITES };

static const struct doc_column columns[] = {
	[CALL] = { .key = "call", .title = "Call", .class = LAMI_STRING,
		   .type = DOC_STRING, .formats = DOC_IN_ALL },
	[SCOPE] = { .key = "scope", .title = "Scope", .class = LAMI_STRING,
		    .type = DOC_STRING, .formats = DOC_IN_ALL },
	[CODE] = { .key = "code", .title = "Code", .class = LAMI_STRING,
		   .type = DOC_CODE, .formats = DOC_IN_ALL },
	[COUNT] = { .key = "count", .title = "Count", .class = LAMI_NUMBER,
		    .unit = "failures", .type = DOC_UINT,
		    .formats = DOC_IN_ALL },
	[CALLS] = { .key = "calls", .title = "Calls", .class = LAMI_NUMBER,
		    .unit = "calls", .type = DOC_UINT, .formats = DOC_IN_ALL },
	[INJECTED] = { .key = "injected", .title = "Made up by a rule",
		       .class = LAMI_BOOL, .type = DOC_BOOL,
		       .formats = DOC_IN_ALL },
	[MEANING] = { .key = "meaning", .title = "Meaning",
		      .class = LAMI_STRING, .type = DOC_STRING,
		      .formats = DOC_IN_ALL },
	[ADVICE] = { .key = "advice", .title = "Advice", .class = LAMI_STRING,
		     .type = DOC_STRING, .formats = DOC_IN_ALL },
	[SITES] = { .key = "sites", .type = DOC_ROWS, .formats = DOC_IN(JSON) },
};

/* CSV gives whether a rule made the failures up last. */
static const size_t csv_order[] = {
	CALL, SCOPE, CODE, COUNT, CALLS, MEANING, ADVICE, INJECTED,
};

const struct doc_shape failures_shape = {
	.name = "failures", .title = "Failed calls and pages by code",
	DOC_COLUMNS(columns), DOC_ORDER(CSV, csv_order),
};

enum { SITE, BINARY, OFFSET, SITE_COUNT };

static const struct doc_column site_columns[] = {
	[SITE] = { .key = "site", .type = DOC_SITE, .formats = DOC_IN(JSON) },
	[BINARY] = { .key = "binary", .type = DOC_STRING,
		     .formats = DOC_IN(JSON) },
	[OFFSET] = { .key = "offset", .type = DOC_UINT,
		     .formats = DOC_IN(JSON) },
	[SITE_COUNT] = { .key = "count", .type = DOC_UINT,
			 .formats = DOC_IN(JSON) },
};

static const struct doc_shape sites_shape = {
	.name = "sites", DOC_COLUMNS(site_columns),
};

static int put_sites(struct document *d, struct doc_cell *c,
		     const struct failure_group *g)
{
	struct doc_table *t = doc_table_new(d, &sites_shape, g->site_count);
	size_t i;

	if (!t)
		return -1;
	for (i = 0; i < g->site_count; i++) {
		struct doc_cell *row = doc_row(t, i);

		row[SITE] = doc_site(g->sites[i].site);
		row[BINARY] = doc_string(g->sites[i].site->path);
		row[OFFSET] = doc_uint(g->sites[i].site->offset);
		row[SITE_COUNT] = doc_uint(g->sites[i].count);
	}
	*c = doc_rows(t);
	return 0;
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t i)
{
	const struct failure_group *g =
		((const struct view_figures *) src)->groups[i];
	const struct numashim_code_text *text = failure_text(g);

	c[CALL] = doc_string(failure_scope_calls[g->scope]);
	c[SCOPE] = doc_string(g->scope == NUMASHIM_SCOPE_PAGE ? "page" :
			      "call");
	c[CODE] = doc_code(failure_code(g));
	c[COUNT] = doc_uint(g->count);
	c[CALLS] = doc_uint(g->calls);
	c[INJECTED] = doc_bool(g->injected);
	if (text) {
		c[MEANING] = doc_string(text->meaning);
		c[ADVICE] = doc_string(text->advice);
	}
	return put_sites(d, &c[SITES], g);
}

int failures_document(struct document *d, const struct view_figures *f)
{
	return doc_table_fill(d, &failures_shape, f->count, put_row, f);
}
