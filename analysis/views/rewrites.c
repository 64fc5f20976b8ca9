// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numashim-mpol.h"
#include "rewrites.h"
#include "tree.h"

#define REWRITE_FIELD_NAME(ID, name, title) [FIELD_##ID] = #name,
const char *const rewrite_field_names[REWRITE_FIELDS] = {
	REWRITE_FIELD_LIST(REWRITE_FIELD_NAME)
};
#undef REWRITE_FIELD_NAME

static int rule_cmp(const void *a, const void *b)
{
	const struct rule_tally *x = a, *y = b;

	if (x->number != y->number)
		return (x->number > y->number) - (x->number < y->number);
	return strcmp(x->text, y->text);
}

static void rule_free(void *p)
{
	struct rule_tally *t = p;
	size_t i;

	free(t->text);
	free(t->moves.v);
	for (i = 0; i < REWRITE_FIELDS; i++)
		free(t->changes[i].v);
	code_counts_fini(&t->injected_errors);
	code_counts_fini(&t->injected_status);
	code_counts_fini(&t->errors);
	code_counts_fini(&t->status);
	free(t);
}

struct rule_tally *rewrites_rule(struct rewrites *r, uint32_t number,
				 const char *text)
{
	struct rule_tally key = { .number = number, .text = (char *) text };
	struct rule_tally **found = tfind(&key, &r->tree, rule_cmp), *t;

	if (found)
		return *found;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->number = number;
	t->text = strdup(text);
	if (!t->text || !tsearch(t, &r->tree, rule_cmp)) {
		rule_free(t);
		return NULL;
	}
	r->count++;
	return t;
}

int node_moves_add(struct node_moves *moves, int32_t from, int32_t to,
		   uint64_t pages)
{
	struct node_move *v;
	size_t i;

	/* Pages come in runs of one move: the last one is tried first. */
	for (i = moves->len; i-- > 0;) {
		if (moves->v[i].from == from && moves->v[i].to == to) {
			moves->v[i].pages += pages;
			return 0;
		}
	}
	v = realloc(moves->v, (moves->len + 1) * sizeof(*v));
	if (!v)
		return -1;
	v[moves->len++] = (struct node_move) { from, to, pages };
	moves->v = v;
	return 0;
}

static int change_add(struct rewrite_changes *changes, const char *from,
		      const char *to)
{
	struct rewrite_change *v;
	size_t i;

	for (i = 0; i < changes->len; i++) {
		if (!strcmp(changes->v[i].from, from) &&
		    !strcmp(changes->v[i].to, to)) {
			changes->v[i].calls++;
			return 0;
		}
	}
	v = realloc(changes->v, (changes->len + 1) * sizeof(*v));
	if (!v)
		return -1;
	v[changes->len] = (struct rewrite_change) { .calls = 1 };
	snprintf(v[changes->len].from, sizeof(v->from), "%s", from);
	snprintf(v[changes->len].to, sizeof(v->to), "%s", to);
	changes->v = v;
	changes->len++;
	return 0;
}

/* The failures of c: made up by the rule, or the kernel's own. */
static int count_failures(struct rule_tally *t, const struct call_record *c)
{
	const struct page_tally *p = c->pages;

	if (c->ret < 0 && code_counts_add(c->injected_err ?
					  &t->injected_errors : &t->errors,
					  c->err, 1))
		return -1;
	if (!p)
		return 0;
	return code_counts_merge(&t->injected_status, &p->injected) ||
	       code_counts_merge(&t->status, &p->failed) ? -1 : 0;
}

int rewrites_add(const struct call_record *c)
{
	const struct call_rewrite *w = c->rewrite;
	struct rule_tally *t = w->rule;
	size_t i;

	t->calls[c->kind]++;
	t->dry_runs += w->dry_run;
	for (i = 0; i < w->moves.len; i++)
		if (node_moves_add(&t->moves, w->moves.v[i].from,
				   w->moves.v[i].to, w->moves.v[i].pages))
			return -1;
	for (i = 0; i < REWRITE_FIELDS; i++)
		if (w->from[i] && change_add(&t->changes[i], w->from[i],
					     w->to[i]))
			return -1;
	return count_failures(t, c);
}

uint64_t rule_tally_calls(const struct rule_tally *t)
{
	uint64_t calls = 0;
	size_t i;

	for (i = 0; i < CALL_KINDS; i++)
		calls += t->calls[i];
	return calls;
}

static int move_cmp(const void *a, const void *b)
{
	const struct node_move *x = a, *y = b;

	if (x->from != y->from)
		return (x->from > y->from) - (x->from < y->from);
	return (x->to > y->to) - (x->to < y->to);
}

/* The changes, most calls first. */
static int change_cmp(const void *a, const void *b)
{
	const struct rewrite_change *x = a, *y = b;

	if (x->calls != y->calls)
		return (x->calls < y->calls) - (x->calls > y->calls);
	return strcmp(x->from, y->from) ?: strcmp(x->to, y->to);
}

static void sort_tally(struct rule_tally *t)
{
	size_t i;

	sort_items(t->moves.v, t->moves.len, sizeof(*t->moves.v), move_cmp);
	for (i = 0; i < REWRITE_FIELDS; i++)
		sort_items(t->changes[i].v, t->changes[i].len,
			   sizeof(*t->changes[i].v), change_cmp);
}

struct rule_tally **rewrites_list(const struct rewrites *r, size_t *count)
{
	struct rule_tally **rules =
		(struct rule_tally **) tree_items(r->tree, r->count);
	size_t i, n = 0;

	if (!rules)
		return NULL;
	/* A rule whose calls the filters all left out has nothing to show. */
	for (i = 0; i < r->count; i++) {
		if (!rule_tally_calls(rules[i]))
			continue;
		sort_tally(rules[i]);
		rules[n++] = rules[i];
	}
	*count = n;
	return rules;
}

/* The names of the bits of value in table, joined by '|'; the rest in hex. */
static void put_bits(char *buf, size_t size, size_t len,
		     const struct numashim_name *table, uint64_t value)
{
	for (; table->name && len < size; table++) {
		if (!(value & table->value))
			continue;
		value &= ~table->value;
		len += snprintf(buf + len, size - len, "%s%s", len ? "|" : "",
				table->name);
	}
	if (value && len < size)
		snprintf(buf + len, size - len, "%s%#" PRIx64, len ? "|" : "",
			 value);
}

const char *mode_name(uint64_t mode, char *buf, size_t size)
{
	const struct numashim_name *m = numashim_mpol_modes;
	uint64_t base = mode & ~(uint64_t) NUMASHIM_MPOL_MODE_FLAG_MASK;

	for (; m->name && m->value != base; m++)
		;
	if (m->name)
		snprintf(buf, size, "%s", m->name);
	else
		snprintf(buf, size, "%" PRIu64, base);
	return buf;
}

const char *mode_text(uint64_t mode, char *buf, size_t size)
{
	mode_name(mode, buf, size);
	put_bits(buf, size, strlen(buf), numashim_mpol_mode_flags,
		 mode & NUMASHIM_MPOL_MODE_FLAG_MASK);
	return buf;
}

const char *mode_flags_text(uint64_t mode, char *buf, size_t size)
{
	buf[0] = 0;
	put_bits(buf, size, 0, numashim_mpol_mode_flags,
		 mode & NUMASHIM_MPOL_MODE_FLAG_MASK);
	return buf[0] ? buf : "none";
}

const char *mf_flags_text(uint64_t flags, char *buf, size_t size)
{
	buf[0] = 0;
	put_bits(buf, size, 0, numashim_mpol_mf_flags, flags);
	return buf[0] ? buf : "none";
}

void rewrites_fini(struct rewrites *r)
{
	tdestroy(r->tree, rule_free);
	*r = (struct rewrites) { 0 };
}
