// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrites view for a terminal: a paragraph per rule, quoted as the
 * trace gives it, with the calls it changed, what the kernel got instead,
 * and the failures it made up apart from the kernel's own.
 */
#include <inttypes.h>

#include "output.h"

static void put_calls(FILE *out, const struct rule_tally *t)
{
	const char *sep = " (";
	size_t k;

	fprintf(out, ": %" PRIu64 " calls", rule_tally_calls(t));
	for (k = 0; k < CALL_KINDS; k++) {
		if (!t->calls[k])
			continue;
		fprintf(out, "%s%s %" PRIu64, sep, call_kind_names[k],
			t->calls[k]);
		sep = ", ";
	}
	fputs(")\n", out);
}

static void put_changes(FILE *out, const struct rule_tally *t)
{
	const struct rewrite_changes *ch;
	size_t f, i;

	for (i = 0; i < t->moves.len; i++)
		fprintf(out, "  pages: node %" PRId32 " -> %" PRId32 ": %"
			PRIu64 "\n", t->moves.v[i].from, t->moves.v[i].to,
			t->moves.v[i].pages);
	for (f = 0; f < REWRITE_FIELDS; f++) {
		ch = &t->changes[f];
		for (i = 0; i < ch->len; i++)
			fprintf(out, "  %s: %s -> %s: %" PRIu64 " calls\n",
				rewrite_field_names[f], ch->v[i].from,
				ch->v[i].to, ch->v[i].calls);
	}
	if (t->dry_runs)
		fprintf(out, "  dry runs: %" PRIu64 " calls\n", t->dry_runs);
}

static void put_codes(FILE *out, const char *label,
		      const struct code_counts *calls,
		      const struct code_counts *pages)
{
	char name[CODE_NAME_MAX];
	size_t i;

	if (!calls->len && !pages->len)
		return;
	fprintf(out, "  %s:", label);
	for (i = 0; i < calls->len; i++)
		fprintf(out, "%s%s %" PRIu64, i ? ", " : " calls ",
			code_name(calls->v[i].code, name, sizeof(name)),
			calls->v[i].count);
	for (i = 0; i < pages->len; i++)
		fprintf(out, "%s%s %" PRIu64, i ? ", " :
			calls->len ? "; pages " : " pages ",
			code_name(pages->v[i].code, name, sizeof(name)),
			pages->v[i].count);
	fputc('\n', out);
}

static void put_rule(FILE *out, const struct rule_tally *t)
{
	fprintf(out, "\nrule %" PRIu32 " '", t->number);
	put_escaped(out, t->text, 0);
	fputc('\'', out);
	put_calls(out, t);
	put_changes(out, t);
	put_codes(out, "made up by the rule", &t->injected_errors,
		  &t->injected_status);
	put_codes(out, "failed in the kernel", &t->errors, &t->status);
}

void print_rewrites_text(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	struct rule_tally *const *rules = f->rules;
	size_t count = f->count;
	uint64_t calls = 0;
	size_t i;

	for (i = 0; i < count; i++)
		calls += rule_tally_calls(rules[i]);
	fprintf(out, "numashim rewrites: %zu rules changed %" PRIu64
		" calls\n", count, calls);
	for (i = 0; i < count; i++)
		put_rule(out, rules[i]);
	summary_warnings(&v->summary, put_warning, out);
}
