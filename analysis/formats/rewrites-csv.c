// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrites view as CSV, a line per rule, its columns named after the
 * members of the JSON (csv.c): moves and changes are one column each,
 * "1->0=512 2->0=3".
 */
#include <inttypes.h>

#include "output.h"

/* Room for a rule's moves or changes of one field. */
#define CHANGES_MAX 256

static void put_changes(FILE *out, const char *text)
{
	fputc(',', out);
	put_csv_string(out, text);
}

static void put_rule(FILE *out, const struct rule_tally *t)
{
	char text[CHANGES_MAX];
	size_t i;

	fprintf(out, "%" PRIu32 ",", t->number);
	put_csv_string(out, t->text);
	for (i = 0; i < CALL_KINDS; i++)
		fprintf(out, ",%" PRIu64, t->calls[i]);
	fprintf(out, ",%" PRIu64, t->dry_runs);
	put_changes(out, node_moves_text(&t->moves, text, sizeof(text)));
	for (i = 0; i < REWRITE_FIELDS; i++)
		put_changes(out, rewrite_changes_text(&t->changes[i], text,
						      sizeof(text)));
	put_csv_codes(out, &t->injected_errors);
	put_csv_codes(out, &t->injected_status);
	put_csv_codes(out, &t->errors);
	put_csv_codes(out, &t->status);
	fputc('\n', out);
}

void print_rewrites_csv(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	struct rule_tally *const *rules = f->rules;
	size_t count = f->count;
	size_t i;

	fputs("rule,text", out);
	for (i = 0; i < CALL_KINDS; i++)
		fprintf(out, ",calls.%s", call_kind_names[i]);
	fputs(",dry_runs,nodes,changes.mode,changes.flags,changes.nodemask,"
	      "changes.new_nodes,changes.old_nodes,injected_errors,"
	      "injected_status,errors,status\n", out);
	for (i = 0; i < count; i++)
		put_rule(out, rules[i]);
	summary_warnings(&v->summary, put_warning, stderr);
}
