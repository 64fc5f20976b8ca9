// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrite rule parser: a hand-written recursive descent over a
 * grammar of a dozen words (numashim-rewrite(7)). Any error stops the
 * parse with the offset of the token at fault, so that a caller can quote
 * the rule and point at it: a rule set is taken whole or not at all.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "lexer.h"
#include "rules.h"

/* P% as parts per million: "10%", "0.5%". */
static int percent(struct parser *p, uint32_t *ppm)
{
	const char *at = p->tok.start;
	double v;

	if (p->tok.kind != TOK_NUM)
		return lex_expected(p, "a percentage");
	v = strtod(p->tok.start, NULL);
	lex_next(p);
	if (lex_expect_punct(p, '%'))
		return -1;
	if (v > 100)
		return parse_fail(p, at, "a percentage is at most 100%%");
	*ppm = (uint32_t) (v * (NUMASHIM_PPM / 100) + 0.5);
	return 0;
}

static int errno_value(const char *name, size_t len)
{
	int e;

	for (e = 1; e < 256; e++) {
		const char *n = strerrorname_np(e);

		if (n && strlen(n) == len && !strncmp(n, name, len))
			return e;
	}
	return 0;
}

/* An errno name, "EBUSY" or "-EBUSY" as move_pages(2) writes statuses. */
static int errno_name(struct parser *p, int *out)
{
	if (lex_is_punct(p, '-'))
		lex_next(p);
	if (p->tok.kind != TOK_WORD || !(*out = errno_value(p->tok.start, p->tok.len)))
		return lex_expected(p, "an errno name such as EBUSY");
	lex_next(p);
	return 0;
}

static void node_set_add(struct numashim_node_set *s, unsigned int node)
{
	s->bits[node / 64] |= 1ULL << (node % 64);
}

/* N or N-M, at most max: a range of what (nodes, pages, calls). */
static int range(struct parser *p, uint64_t max, const char *what,
		 uint64_t *first, uint64_t *last)
{
	const char *at;

	if (lex_number(p, max, first))
		return -1;
	*last = *first;
	if (!lex_is_punct(p, '-'))
		return 0;
	lex_next(p);
	at = p->tok.start;
	if (lex_number(p, max, last))
		return -1;
	return *last < *first ? parse_fail(p, at, "a %s range goes upwards", what) : 0;
}

typedef int (*range_add_fn)(struct parser *p, void *list, uint64_t first,
			    uint64_t last);

/* 1 | 0-3 | 0,2,5-7: each range handed to add. */
static int range_list(struct parser *p, uint64_t max, const char *what,
		      range_add_fn add, void *list)
{
	for (;;) {
		uint64_t first, last;

		if (range(p, max, what, &first, &last) ||
		    add(p, list, first, last))
			return -1;
		/* A comma then a number continues the list; then a word, the rule. */
		if (!lex_is_punct(p, ',') || !isdigit((unsigned char) p->pos[strspn(p->pos, " \t")]))
			return 0;
		lex_next(p);
	}
}

static int node_set_add_range(struct parser *p, void *set, uint64_t first,
			      uint64_t last)
{
	(void) p;
	for (; first <= last; first++)
		node_set_add(set, first);
	return 0;
}

static int node_set(struct parser *p, struct numashim_node_set *set)
{
	memset(set, 0, sizeof(*set));
	return range_list(p, NUMASHIM_RULE_NODES - 1, "node",
			  node_set_add_range, set);
}

static bool sets_meet(const struct numashim_node_set *a,
		      const struct numashim_node_set *b)
{
	size_t i;

	for (i = 0; i < NUMASHIM_RULE_NODES / 64; i++)
		if (a->bits[i] & b->bits[i])
			return true;
	return false;
}

static unsigned int node_set_count(const struct numashim_node_set *s)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < NUMASHIM_RULE_NODES / 64; i++)
		n += __builtin_popcountll(s->bits[i]);
	return n;
}

/* node FROM -> TO, FROM being * for any node. */
static int action_node(struct parser *p, struct numashim_rule *r, bool source)
{
	const char *at = p->tok.start;
	struct numashim_node_map *m;
	unsigned int i;

	if (r->n_maps == NUMASHIM_RULE_MAPS_MAX)
		return parse_fail(p, at, "a rule maps nodes %d times at most",
			    NUMASHIM_RULE_MAPS_MAX);
	m = &r->maps[r->n_maps];
	m->source = source;
	if (lex_is_punct(p, '*')) {
		m->from_any = true;
		lex_next(p);
	} else if (node_set(p, &m->from)) {
		return -1;
	}
	for (i = 0; i < r->n_maps; i++)
		if (r->maps[i].source == source &&
		    (m->from_any || r->maps[i].from_any ||
		     sets_meet(&m->from, &r->maps[i].from)))
			return parse_fail(p, at, "this node is mapped twice in the rule");
	if (p->tok.kind != TOK_ARROW)
		return lex_expected(p, "'->'");
	lex_next(p);
	at = p->tok.start;
	if (node_set(p, &m->to))
		return -1;
	if (rule_one_node(r) && node_set_count(&m->to) != 1)
		return parse_fail(p, at, "%s takes one node: map to one node",
				  rule_call(r)->name);
	r->n_maps++;
	return 0;
}

/* The word at hand is not one of table's names in mask: say which are. */
static int expected_name(struct parser *p, const char *what,
			 const struct numashim_name *table, unsigned long mask)
{
	char list[96], thing[160];

	numashim_names_list(list, sizeof(list), table, mask);
	snprintf(thing, sizeof(thing), "%s (%s)", what, list);
	return lex_expected(p, thing);
}

/* The word at hand in table, of mask; NULL if it is not there. */
static const struct numashim_name *name_in(const struct parser *p,
					   const struct numashim_name *table,
					   unsigned long mask)
{
	const struct numashim_name *n;

	if (p->tok.kind != TOK_WORD)
		return NULL;
	n = numashim_name_find(table, p->tok.start, p->tok.len);
	return n && (mask == ~0UL || n->value & mask) ? n : NULL;
}

/* flags +move -strict ..., each a flag the call takes. */
static int action_flags(struct parser *p, struct numashim_rule *r)
{
	/* Only a call with flags takes the action (NUMASHIM_CALL_RULES). */
	const struct numashim_call_info *call = rule_call(r);
	unsigned long accepted = call->flags;
	char what[48];

	snprintf(what, sizeof(what), "a flag of %s", call->name);
	if (!lex_is_punct(p, '+') && !lex_is_punct(p, '-'))
		return lex_expected(p, "+FLAG or -FLAG");
	while (lex_is_punct(p, '+') || lex_is_punct(p, '-')) {
		bool add = lex_is_punct(p, '+');
		const struct numashim_name *f;

		lex_next(p);
		f = name_in(p, numashim_mpol_mf_flags, accepted);
		if (!f)
			return expected_name(p, what, numashim_mpol_mf_flags,
					     accepted);
		if ((add ? r->flags_drop : r->flags_add) & f->value)
			return parse_fail(p, p->tok.start, "%s is both added and dropped",
				    f->name);
		*(add ? &r->flags_add : &r->flags_drop) |= f->value;
		lex_next(p);
	}
	return 0;
}

/* mode=interleave|static_nodes */
static int action_mode(struct parser *p, struct numashim_rule *r)
{
	const struct numashim_name *m;

	if (lex_expect_punct(p, '='))
		return -1;
	m = name_in(p, numashim_mpol_modes, ~0UL);
	if (!m)
		return expected_name(p, "a memory policy mode",
				     numashim_mpol_modes, ~0UL);
	r->set_mode = true;
	r->mode = m->value;
	lex_next(p);
	while (lex_is_punct(p, '|')) {
		lex_next(p);
		m = name_in(p, numashim_mpol_mode_flags, ~0UL);
		if (!m)
			return expected_name(p, "a mode flag",
					     numashim_mpol_mode_flags, ~0UL);
		r->mode |= m->value;
		lex_next(p);
	}
	return 0;
}

static int page_ranges_add(struct parser *p, void *rule, uint64_t first,
			   uint64_t last)
{
	struct numashim_rule *r = rule;

	if (r->n_page_ranges == NUMASHIM_RULE_RANGES_MAX)
		return parse_fail(p, p->tok.start, "%d page ranges at most",
			    NUMASHIM_RULE_RANGES_MAX);
	r->page_ranges[r->n_page_ranges].first = first;
	r->page_ranges[r->n_page_ranges++].last = last;
	return 0;
}

/* fail-pages=EBUSY[@P% | @PAGES], PAGES being indexes in the call's arrays. */
static int action_fail_pages(struct parser *p, struct numashim_rule *r)
{
	const char *after;

	if (lex_expect_punct(p, '=') || errno_name(p, &r->fail_pages_status))
		return -1;
	r->fail_pages_ppm = NUMASHIM_PPM;
	if (!lex_is_punct(p, '@'))
		return 0;
	lex_next(p);
	after = p->pos + strspn(p->pos, " \t");
	if (p->tok.kind == TOK_NUM && *after == '%')
		return percent(p, &r->fail_pages_ppm);
	return range_list(p, UINT64_MAX, "page", page_ranges_add, r);
}

static int action(struct parser *p, struct numashim_rule *r)
{
	enum numashim_rule_action a;

	if (rule_action_word(p, r, &a))
		return -1;
	switch (a) {
	case NUMASHIM_RULE_ACTION_NODE:
	case NUMASHIM_RULE_ACTION_SOURCE_NODE:
		return action_node(p, r, a == NUMASHIM_RULE_ACTION_SOURCE_NODE);
	case NUMASHIM_RULE_ACTION_FLAGS:
		return action_flags(p, r);
	case NUMASHIM_RULE_ACTION_MODE:
		return action_mode(p, r);
	case NUMASHIM_RULE_ACTION_DRY_RUN:
		r->dry_run = true;
		return 0;
	case NUMASHIM_RULE_ACTION_FAIL:
		return lex_expect_punct(p, '=') || errno_name(p, &r->fail_errno) ? -1 : 0;
	default:
		return action_fail_pages(p, r);
	}
}

/* caller=PATTERN: everything up to a blank, ':' or ','. */
static int condition_caller(struct parser *p, struct numashim_rule *r)
{
	size_t len;

	lex_skip_blanks(p);
	len = strcspn(p->pos, " \t\r\n:,;");
	if (!len)
		return parse_fail(p, p->pos, "expected a function or object name");
	r->caller = strndup(p->pos, len);
	if (!r->caller)
		return parse_fail(p, p->pos, "out of memory");
	p->pos += len;
	lex_next(p);
	return 0;
}

static const char *const conditions[] = {
	"caller", "tid", "seq", "chance", "seed",
};

static int condition_value(struct parser *p, struct numashim_rule *r,
			   size_t which)
{
	uint64_t v;

	switch (which) {
	case 0:
		if (!lex_is_punct(p, '='))
			return lex_expected(p, "'='");
		p->pos = p->tok.start + 1;
		return condition_caller(p, r);
	case 1:
		if (lex_expect_punct(p, '=') || lex_number(p, INT32_MAX, &v))
			return -1;
		r->tid = v;
		return 0;
	case 2:
		return lex_expect_punct(p, '=') ||
		       range(p, UINT64_MAX, "seq", &r->seq_first, &r->seq_last) ? -1 : 0;
	case 3:
		return lex_expect_punct(p, '=') || percent(p, &r->chance_ppm) ? -1 : 0;
	default:
		return lex_expect_punct(p, '=') || lex_number(p, UINT64_MAX, &r->seed) ? -1 : 0;
	}
}

static int condition(struct parser *p, struct numashim_rule *r)
{
	size_t i;

	for (i = 0; i < sizeof(conditions) / sizeof(conditions[0]); i++) {
		if (!lex_is_word(p, conditions[i]))
			continue;
		if (p->conditions_seen & 1u << i)
			return parse_fail(p, p->tok.start, "%s= is given twice",
				    conditions[i]);
		p->conditions_seen |= 1u << i;
		lex_next(p);
		return condition_value(p, r, i);
	}
	return parse_fail(p, p->tok.start,
		    "expected a condition (caller, tid, seq, chance, seed) or ':'");
}

/*
 * Actions that cannot go together. Those a call does not have were
 * refused where they were written (rule_action_word()).
 */
static int rule_check(struct parser *p, const struct numashim_rule *r,
		      const char *at)
{
	bool flags = r->flags_add || r->flags_drop;

	if (r->fail_errno && (r->n_maps || flags || r->set_mode ||
			      r->dry_run || r->fail_pages_status))
		return parse_fail(p, at, "fail= keeps the call from the kernel: no other action applies");
	if (r->dry_run && r->n_maps)
		return parse_fail(p, at, "dry-run moves nothing: mapping nodes contradicts it");
	return 0;
}

static void rule_init(struct numashim_rule *r)
{
	memset(r, 0, sizeof(*r));
	r->tid = -1;
	r->seq_last = UINT64_MAX;
	r->chance_ppm = NUMASHIM_PPM;
}

/* CALL [CONDITION]... : ACTION [, ACTION]... */
static int rule(struct parser *p, struct numashim_rule *r)
{
	const char *start = p->tok.start, *end;

	rule_init(r);
	p->conditions_seen = 0;
	r->offset = start - p->text;
	if (rule_call_name(p, r))
		return -1;
	while (!lex_is_punct(p, ':'))
		if (condition(p, r))
			return -1;
	lex_next(p);
	if (action(p, r))
		return -1;
	while (lex_is_punct(p, ',')) {
		lex_next(p);
		if (action(p, r))
			return -1;
	}
	if (p->tok.kind != TOK_SEP && p->tok.kind != TOK_END)
		return lex_expected(p, "',' and another action, or the end of the rule");
	end = p->tok.start;
	while (end > start && isspace((unsigned char) end[-1]))
		end--;
	r->text = strndup(start, end - start);
	if (!r->text)
		return parse_fail(p, start, "out of memory");
	return rule_check(p, r, start);
}

/* a takes every call that b would take: b never fires after it. */
static bool shadows(const struct numashim_rule *a, const struct numashim_rule *b)
{
	bool covers = a->call == b->call ||
		      (b->call != NUMASHIM_RULE_ANY_CALL &&
		       rule_call_covers(a->call, b->call - 1));

	return covers &&
	       (!a->caller || (b->caller && !strcmp(a->caller, b->caller))) &&
	       (a->tid < 0 || a->tid == b->tid) &&
	       a->seq_first <= b->seq_first && a->seq_last >= b->seq_last &&
	       a->chance_ppm == NUMASHIM_PPM;
}

static int rules_check_order(struct parser *p, const struct numashim_rules *rules)
{
	size_t i, j;

	for (j = 1; j < rules->n; j++)
		for (i = 0; i < j; i++)
			if (shadows(&rules->v[i], &rules->v[j]))
				return parse_fail(p, p->text + rules->v[j].offset,
					    "this rule never fires: rule %zu before it takes every call it would",
					    i + 1);
	return 0;
}

void numashim_rules_free(struct numashim_rules *rules)
{
	size_t i;

	for (i = 0; i < rules->n; i++) {
		free(rules->v[i].text);
		free(rules->v[i].caller);
	}
	free(rules->v);
	rules->v = NULL;
	rules->n = 0;
}

int numashim_rules_parse(const char *text, struct numashim_rules *rules,
			 struct numashim_rules_error *err)
{
	struct parser p = { .text = text, .pos = text, .err = err };
	size_t room = 0;

	rules->v = NULL;
	rules->n = 0;
	lex_next(&p);
	for (;;) {
		while (p.tok.kind == TOK_SEP)
			lex_next(&p);
		if (p.tok.kind == TOK_END)
			break;
		if (rules->n == room) {
			struct numashim_rule *v;

			room = room ? 2 * room : 4;
			v = realloc(rules->v, room * sizeof(*v));
			if (!v) {
				parse_fail(&p, p.tok.start, "out of memory");
				goto error;
			}
			rules->v = v;
		}
		if (rule(&p, &rules->v[rules->n++]))
			goto error;
	}
	if (!rules->n) {
		parse_fail(&p, p.tok.start, "no rule");
		goto error;
	}
	if (!rules_check_order(&p, rules))
		return 0;
error:
	numashim_rules_free(rules);
	return -1;
}

int numashim_node_set_parse(const char *text, struct numashim_node_set *set)
{
	struct numashim_rules_error err;
	struct parser p = { .text = text, .pos = text, .err = &err };

	lex_next(&p);
	return node_set(&p, set) || p.tok.kind != TOK_END ? -1 : 0;
}
