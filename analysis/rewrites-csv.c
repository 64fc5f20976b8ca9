// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrites view as CSV, a line per rule, its columns named after the
 * members of the JSON (csv.c): moves and changes are one column each,
 * "1->0=512 2->0=3".
 */
#include <inttypes.h>

#include "output.h"

static void put_moves(FILE *out, const struct node_moves *moves)
{
	size_t i;

	fputc(',', out);
	for (i = 0; i < moves->len; i++)
		fprintf(out, "%s%" PRId32 "->%" PRId32 "=%" PRIu64,
			i ? " " : "", moves->v[i].from, moves->v[i].to,
			moves->v[i].pages);
}

static void put_changes(FILE *out, const struct rewrite_changes *ch)
{
	char field[3 * NODE_LIST_MAX];
	size_t i, len = 0;

	field[0] = 0;
	for (i = 0; i < ch->len && len < sizeof(field); i++)
		len += snprintf(field + len, sizeof(field) - len,
				"%s%s->%s=%" PRIu64, i ? " " : "",
				ch->v[i].from, ch->v[i].to, ch->v[i].calls);
	fputc(',', out);
	put_csv_string(out, field);
}

static void put_rule(FILE *out, const struct rule_tally *t)
{
	size_t i;

	fprintf(out, "%" PRIu32 ",", t->number);
	put_csv_string(out, t->text);
	for (i = 0; i < CALL_KINDS; i++)
		fprintf(out, ",%" PRIu64, t->calls[i]);
	fprintf(out, ",%" PRIu64, t->dry_runs);
	put_moves(out, &t->moves);
	for (i = 0; i < REWRITE_FIELDS; i++)
		put_changes(out, &t->changes[i]);
	put_csv_codes(out, &t->injected_errors);
	put_csv_codes(out, &t->injected_status);
	put_csv_codes(out, &t->errors);
	put_csv_codes(out, &t->status);
	fputc('\n', out);
}

void print_rewrites_csv(FILE *out, const struct views *v,
			struct rule_tally *const *rules, size_t count)
{
	size_t i;

	fputs("rule,text,calls.move_pages,calls.migrate_pages,calls.mbind,"
	      "dry_runs,nodes,changes.mode,changes.flags,changes.nodemask,"
	      "changes.new_nodes,changes.old_nodes,injected_errors,"
	      "injected_status,errors,status\n", out);
	for (i = 0; i < count; i++)
		put_rule(out, rules[i]);
	summary_warnings(&v->summary, put_warning, stderr);
}
