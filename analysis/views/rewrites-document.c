// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrites view's document: a row per rule, its calls by kind and
 * dry runs, move_pages' pages it sent elsewhere ("1->0": from the node
 * the program asked for to the kernel's), the calls of which it changed
 * each field ("bind->preferred"), the failures it made up and those of
 * the kernel for the calls it changed. Text heads them with the rules
 * and the calls they changed, then gives a paragraph per rule, quoted as
 * the trace gives it, a line per change, and the failures it made up
 * apart from the kernel's own.
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

static const struct doc_text_field rule_fields[] = {
	{ .column = RULE, .before = "\nrule " },
	{ .column = TEXT, .before = " '", .after = "'" },
	{ .column = CALLS, .flags = DOC_TEXT_TOTAL, .before = ": ",
	  .after = " calls" },
	{ .column = CALLS, .before = " (" },
	{ .column = DOC_NO_CELL, .before = ")" },
};

/* A line per entry of a map of changes: "  pages: node 1 -> 0: 512". */
#define CHANGE_FIELD(column_, label, after_) {				\
	.column = (column_), .flags = DOC_TEXT_ARROW,			\
	.before = "  " label " ", .pair = ": ", .after = after_,	\
}
#define FIELD_CHANGES(ID, name, title)					\
	[FIELD_##ID] = CHANGE_FIELD(CHANGES_##ID, #name ":", " calls"),
static const struct doc_text_field moves_field =
	CHANGE_FIELD(MOVES, "pages: node", NULL);
static const struct doc_text_field changes_fields[REWRITE_FIELDS] = {
	REWRITE_FIELD_LIST(FIELD_CHANGES)
};
#undef FIELD_CHANGES
#undef CHANGE_FIELD

static const struct doc_text_field dry_runs_field = {
	.column = DRY_RUNS, .flags = DOC_TEXT_NONZERO,
	.before = "  dry runs: ", .after = " calls",
};

/* "  failed in the kernel: calls EINVAL 2; pages -EFAULT 3". */
#define CODES_FIELDS(label, calls, pages)				\
	{ .column = DOC_NO_CELL, .before = "  " label ":" },		\
	{ .column = (calls), .before = " calls " },			\
	{ .column = (pages), .before = "; pages ", .first = " pages " }
static const struct doc_text_field made_up_fields[] = {
	CODES_FIELDS("made up by the rule", INJECTED_ERRORS, INJECTED_STATUS),
};
static const struct doc_text_field kernel_fields[] = {
	CODES_FIELDS("failed in the kernel", ERRORS, STATUS),
};
#undef CODES_FIELDS

#define FIELD_LINE(ID, name, title)					\
	{ .fields = &changes_fields[FIELD_##ID], .field_count = 1,	\
	  .flags = DOC_LINE_EACH },
static const struct doc_text_line lines[] = {
	{ DOC_FIELDS(rule_fields) },
	{ .fields = &moves_field, .field_count = 1, .flags = DOC_LINE_EACH },
	REWRITE_FIELD_LIST(FIELD_LINE)
	{ .fields = &dry_runs_field, .field_count = 1, .flags = DOC_LINE_ANY },
	{ DOC_FIELDS(made_up_fields), .flags = DOC_LINE_ANY },
	{ DOC_FIELDS(kernel_fields), .flags = DOC_LINE_ANY },
};
#undef FIELD_LINE

static const struct doc_text text = {
	.sections = &(const struct doc_text_section) {
		.when = DOC_NO_CELL, DOC_LINES(lines),
	},
	.section_count = 1,
};

const struct doc_shape rewrites_shape = {
	.name = "rewrites", .title = "What each rewrite rule changed",
	DOC_COLUMNS(columns), .text = &text,
};

/* Text: the rules and the calls they changed, before the table. */
static const struct doc_text_field head_fields[] = {
	{ .column = 0, .before = "numashim rewrites: ",
	  .after = " rules changed " },
	{ .column = 1, .after = " calls" },
};

static const struct doc_text head_text = DOC_TEXT_LINE(head_fields);

static const struct doc_shape head_shape =
	DOC_HEAD_SHAPE("rewrites", 2, &head_text);

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
	uint64_t head[2] = { f->count, 0 };
	size_t i;

	for (i = 0; i < f->count; i++)
		head[1] += rule_tally_calls(f->rules[i]);
	return !doc_head_add(d, &head_shape, head) ||
	       doc_table_fill(d, &rewrites_shape, f->count, put_row, f);
}
