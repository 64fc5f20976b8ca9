// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrites view's document: a row per rule, its calls by kind and
 * dry runs, move_pages' pages it sent elsewhere ("1->0": from the node
 * the program asked for to the kernel's), the calls of which it changed
 * each field ("bind->preferred"), the failures it made up and those of
 * the kernel for the calls it changed.
 */
#include <inttypes.h>
#include <stdio.h>

#include "documents.h"

#define FIELD_COLUMN_ID(ID, name, title) CHANGES_##ID,
enum {
	RULE, TEXT, CALLS, DRY_RUNS, MOVES,
	REWRITE_FIELD_LIST(FIELD_COLUMN_ID)
	INJECTED_ERRORS, INJECTED_STATUS, ERRORS, STATUS,
};
#undef FIELD_COLUMN_ID

/* A map's column: JSON's object, text in CSV and LAMI. */
#define MAP_COLUMN(key_, title_) {					\
	.key = key_, .title = title_, .class = LAMI_STRING,		\
	.type = DOC_MAP, .formats = DOC_IN_ALL,				\
}
#define FIELD_COLUMN(ID, name, title)					\
	[CHANGES_##ID] = MAP_COLUMN("changes." #name, title " changes"),

static const struct doc_column columns[] = {
	[RULE] = { .key = "rule", .title = "Rule", .class = LAMI_NUMBER,
		   .type = DOC_UINT, .formats = DOC_IN_ALL },
	[TEXT] = { .key = "text", .title = "Rule text", .class = LAMI_STRING,
		   .type = DOC_STRING, .formats = DOC_IN_ALL },
	[CALLS] = { .key = "calls", .title = "%s calls", .class = LAMI_NUMBER,
		    .unit = "calls", .type = DOC_COUNTS, .formats = DOC_IN_ALL,
		    .labels = call_kind_names, .label_count = CALL_KINDS },
	[DRY_RUNS] = { .key = "dry_runs", .title = "Dry runs",
		       .class = LAMI_NUMBER, .unit = "calls",
		       .type = DOC_UINT, .formats = DOC_IN_ALL },
	[MOVES] = MAP_COLUMN("nodes", "Pages sent elsewhere"),
	REWRITE_FIELD_LIST(FIELD_COLUMN)
	[INJECTED_ERRORS] = MAP_COLUMN("injected_errors", "Errors made up"),
	[INJECTED_STATUS] = MAP_COLUMN("injected_status",
				       "Page status made up"),
	[ERRORS] = MAP_COLUMN("errors", "Kernel errors"),
	[STATUS] = MAP_COLUMN("status", "Kernel page status"),
};
#undef FIELD_COLUMN
#undef MAP_COLUMN

const struct doc_shape rewrites_shape = {
	.name = "rewrites", .title = "What each rewrite rule changed",
	DOC_COLUMNS(columns),
};

static const char *move_entry(const void *src, size_t i, char *key,
			      size_t size, uint64_t *count)
{
	const struct node_move *move = &((const struct node_moves *) src)->v[i];

	*count = move->pages;
	snprintf(key, size, "%" PRId32 "->%" PRId32, move->from, move->to);
	return key;
}

static const char *change_entry(const void *src, size_t i, char *key,
				size_t size, uint64_t *count)
{
	const struct rewrite_change *change =
		&((const struct rewrite_changes *) src)->v[i];

	*count = change->calls;
	snprintf(key, size, "%s->%s", change->from, change->to);
	return key;
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t rule)
{
	const struct rule_tally *t =
		((const struct view_figures *) src)->rules[rule];
	size_t i;

	c[RULE] = doc_uint(t->number);
	c[TEXT] = doc_string(t->text);
	c[CALLS] = doc_counts(t->calls, 1);
	c[DRY_RUNS] = doc_uint(t->dry_runs);
	c[MOVES] = doc_map(&t->moves, t->moves.len, move_entry);
	for (i = 0; i < REWRITE_FIELDS; i++)
		c[MOVES + 1 + i] = doc_map(&t->changes[i], t->changes[i].len,
					   change_entry);
	c[INJECTED_ERRORS] = doc_codes(&t->injected_errors);
	c[INJECTED_STATUS] = doc_codes(&t->injected_status);
	c[ERRORS] = doc_codes(&t->errors);
	c[STATUS] = doc_codes(&t->status);
	(void) d;
	return 0;
}

int rewrites_document(struct document *d, const struct view_figures *f)
{
	return doc_table_fill(d, &rewrites_shape, f->count, put_row, f);
}
