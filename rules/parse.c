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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numashim-calls.h"
#include "rules.h"

enum token_kind {
	TOK_END,
	TOK_SEP,	/* ';' or a new line */
	TOK_WORD,
	TOK_NUM,	/* digits, maybe with a decimal point */
	TOK_ARROW,	/* -> */
	TOK_PUNCT,	/* one of : , = % + - @ * | */
};

struct token {
	enum token_kind kind;
	const char *start;
	size_t len;
};

struct parser {
	const char *text;
	const char *pos;
	struct token tok;
	struct numashim_rules_error *err;
	unsigned int conditions_seen;	/* bits of conditions[], this rule */
};

static int fail(struct parser *p, const char *at, const char *fmt, ...)
{
	va_list ap;

	p->err->offset = at - p->text;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static void skip_blanks(struct parser *p)
{
	for (;;) {
		while (*p->pos == ' ' || *p->pos == '\t' || *p->pos == '\r')
			p->pos++;
		if (*p->pos != '#')
			return;
		while (*p->pos && *p->pos != '\n')
			p->pos++;
	}
}

static bool word_char(char c, bool first)
{
	return isalpha((unsigned char) c) || c == '_' ||
	       (!first && (isdigit((unsigned char) c) || c == '-'));
}

static void next(struct parser *p)
{
	const char *s;

	skip_blanks(p);
	s = p->pos;
	p->tok.start = s;
	if (!*s) {
		p->tok.kind = TOK_END;
	} else if (*s == ';' || *s == '\n') {
		p->tok.kind = TOK_SEP;
		s++;
	} else if (word_char(*s, true)) {
		p->tok.kind = TOK_WORD;
		while (word_char(*s, false))
			s++;
	} else if (isdigit((unsigned char) *s)) {
		p->tok.kind = TOK_NUM;
		while (isdigit((unsigned char) *s))
			s++;
		if (*s == '.' && isdigit((unsigned char) s[1]))
			for (s++; isdigit((unsigned char) *s); s++)
				;
	} else if (s[0] == '-' && s[1] == '>') {
		p->tok.kind = TOK_ARROW;
		s += 2;
	} else {
		p->tok.kind = TOK_PUNCT;
		s++;
	}
	p->tok.len = s - p->tok.start;
	p->pos = s;
}

static bool is_punct(const struct parser *p, char c)
{
	return p->tok.kind == TOK_PUNCT && *p->tok.start == c;
}

static bool is_word(const struct parser *p, const char *w)
{
	return p->tok.kind == TOK_WORD && p->tok.len == strlen(w) &&
	       !strncmp(p->tok.start, w, p->tok.len);
}

static const char *what(const struct parser *p)
{
	switch (p->tok.kind) {
	case TOK_END:
		return "the end of the rules";
	case TOK_SEP:
		return "the end of the rule";
	default:
		return NULL;
	}
}

static int expected(struct parser *p, const char *thing)
{
	const char *found = what(p);

	if (found)
		return fail(p, p->tok.start, "expected %s, found %s", thing, found);
	return fail(p, p->tok.start, "expected %s, found \"%.*s\"", thing,
		    (int) p->tok.len, p->tok.start);
}

static int expect_punct(struct parser *p, char c)
{
	char thing[8];

	if (!is_punct(p, c)) {
		snprintf(thing, sizeof(thing), "'%c'", c);
		return expected(p, thing);
	}
	next(p);
	return 0;
}

static int number(struct parser *p, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (p->tok.kind != TOK_NUM || memchr(p->tok.start, '.', p->tok.len))
		return expected(p, "a whole number");
	errno = 0;
	v = strtoull(p->tok.start, &end, 10);
	if (errno || v > max)
		return fail(p, p->tok.start, "%.*s is out of range (0 to %llu)",
			    (int) p->tok.len, p->tok.start,
			    (unsigned long long) max);
	*out = v;
	next(p);
	return 0;
}

/* P% as parts per million: "10%", "0.5%". */
static int percent(struct parser *p, uint32_t *ppm)
{
	const char *at = p->tok.start;
	double v;

	if (p->tok.kind != TOK_NUM)
		return expected(p, "a percentage");
	v = strtod(p->tok.start, NULL);
	next(p);
	if (expect_punct(p, '%'))
		return -1;
	if (v > 100)
		return fail(p, at, "a percentage is at most 100%%");
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
	if (is_punct(p, '-'))
		next(p);
	if (p->tok.kind != TOK_WORD || !(*out = errno_value(p->tok.start, p->tok.len)))
		return expected(p, "an errno name such as EBUSY");
	next(p);
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

	if (number(p, max, first))
		return -1;
	*last = *first;
	if (!is_punct(p, '-'))
		return 0;
	next(p);
	at = p->tok.start;
	if (number(p, max, last))
		return -1;
	return *last < *first ? fail(p, at, "a %s range goes upwards", what) : 0;
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
		if (!is_punct(p, ',') || !isdigit((unsigned char) p->pos[strspn(p->pos, " \t")]))
			return 0;
		next(p);
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

/* node FROM -> TO, FROM being * for any node. */
static int action_node(struct parser *p, struct numashim_rule *r, bool source)
{
	const char *at = p->tok.start;
	struct numashim_node_map *m;
	unsigned int i;

	if (r->n_maps == NUMASHIM_RULE_MAPS_MAX)
		return fail(p, at, "a rule maps nodes %d times at most",
			    NUMASHIM_RULE_MAPS_MAX);
	m = &r->maps[r->n_maps];
	m->source = source;
	if (is_punct(p, '*')) {
		m->from_any = true;
		next(p);
	} else if (node_set(p, &m->from)) {
		return -1;
	}
	for (i = 0; i < r->n_maps; i++)
		if (r->maps[i].source == source &&
		    (m->from_any || r->maps[i].from_any ||
		     sets_meet(&m->from, &r->maps[i].from)))
			return fail(p, at, "this node is mapped twice in the rule");
	if (p->tok.kind != TOK_ARROW)
		return expected(p, "'->'");
	next(p);
	if (node_set(p, &m->to))
		return -1;
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
	return expected(p, thing);
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

/* The row of r's call; NULL for *. */
static const struct numashim_call_info *rule_call(const struct numashim_rule *r)
{
	return r->call == NUMASHIM_RULE_ANY_CALL ? NULL : &numashim_calls[r->call - 1];
}

/*
 * The flags call takes; for * or a call without flags, those of any
 * call, so that the flag is known and rule_check says what is wrong.
 */
static unsigned long call_flags(const struct numashim_call_info *call)
{
	unsigned long flags = 0;
	size_t i;

	if (call && call->flags)
		return call->flags;
	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		flags |= numashim_calls[i].flags;
	return flags;
}

/* flags +move -strict ..., each a flag the call takes. */
static int action_flags(struct parser *p, struct numashim_rule *r)
{
	const struct numashim_call_info *call = rule_call(r);
	unsigned long accepted = call_flags(call);
	char what[48] = "a flag";

	if (call && call->flags)
		snprintf(what, sizeof(what), "a flag of %s", call->name);
	if (!is_punct(p, '+') && !is_punct(p, '-'))
		return expected(p, "+FLAG or -FLAG");
	while (is_punct(p, '+') || is_punct(p, '-')) {
		bool add = is_punct(p, '+');
		const struct numashim_name *f;

		next(p);
		f = name_in(p, numashim_mpol_mf_flags, accepted);
		if (!f)
			return expected_name(p, what, numashim_mpol_mf_flags,
					     accepted);
		if ((add ? r->flags_drop : r->flags_add) & f->value)
			return fail(p, p->tok.start, "%s is both added and dropped",
				    f->name);
		*(add ? &r->flags_add : &r->flags_drop) |= f->value;
		next(p);
	}
	return 0;
}

/* mode=interleave|static_nodes */
static int action_mode(struct parser *p, struct numashim_rule *r)
{
	const struct numashim_name *m;

	if (expect_punct(p, '='))
		return -1;
	m = name_in(p, numashim_mpol_modes, ~0UL);
	if (!m)
		return expected_name(p, "a memory policy mode",
				     numashim_mpol_modes, ~0UL);
	r->set_mode = true;
	r->mode = m->value;
	next(p);
	while (is_punct(p, '|')) {
		next(p);
		m = name_in(p, numashim_mpol_mode_flags, ~0UL);
		if (!m)
			return expected_name(p, "a mode flag",
					     numashim_mpol_mode_flags, ~0UL);
		r->mode |= m->value;
		next(p);
	}
	return 0;
}

static int page_ranges_add(struct parser *p, void *rule, uint64_t first,
			   uint64_t last)
{
	struct numashim_rule *r = rule;

	if (r->n_page_ranges == NUMASHIM_RULE_RANGES_MAX)
		return fail(p, p->tok.start, "%d page ranges at most",
			    NUMASHIM_RULE_RANGES_MAX);
	r->page_ranges[r->n_page_ranges].first = first;
	r->page_ranges[r->n_page_ranges++].last = last;
	return 0;
}

/* fail-pages=EBUSY[@P% | @PAGES], PAGES being indexes in the call's arrays. */
static int action_fail_pages(struct parser *p, struct numashim_rule *r)
{
	const char *after;

	if (expect_punct(p, '=') || errno_name(p, &r->fail_pages_status))
		return -1;
	r->fail_pages_ppm = NUMASHIM_PPM;
	if (!is_punct(p, '@'))
		return 0;
	next(p);
	after = p->pos + strspn(p->pos, " \t");
	if (p->tok.kind == TOK_NUM && *after == '%')
		return percent(p, &r->fail_pages_ppm);
	return range_list(p, UINT64_MAX, "page", page_ranges_add, r);
}

static int action(struct parser *p, struct numashim_rule *r)
{
	if (is_word(p, "node") || is_word(p, "source-node")) {
		bool source = is_word(p, "source-node");

		next(p);
		return action_node(p, r, source);
	}
	if (is_word(p, "flags")) {
		next(p);
		return action_flags(p, r);
	}
	if (is_word(p, "mode")) {
		next(p);
		return action_mode(p, r);
	}
	if (is_word(p, "dry-run")) {
		next(p);
		r->dry_run = true;
		return 0;
	}
	if (is_word(p, "fail")) {
		next(p);
		return expect_punct(p, '=') || errno_name(p, &r->fail_errno) ? -1 : 0;
	}
	if (is_word(p, "fail-pages")) {
		next(p);
		return action_fail_pages(p, r);
	}
	return expected(p, "an action (node, source-node, flags, mode, dry-run, fail, fail-pages)");
}

/* caller=PATTERN: everything up to a blank, ':' or ','. */
static int condition_caller(struct parser *p, struct numashim_rule *r)
{
	size_t len;

	skip_blanks(p);
	len = strcspn(p->pos, " \t\r\n:,;");
	if (!len)
		return fail(p, p->pos, "expected a function or object name");
	r->caller = strndup(p->pos, len);
	if (!r->caller)
		return fail(p, p->pos, "out of memory");
	p->pos += len;
	next(p);
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
		if (!is_punct(p, '='))
			return expected(p, "'='");
		p->pos = p->tok.start + 1;
		return condition_caller(p, r);
	case 1:
		if (expect_punct(p, '=') || number(p, INT32_MAX, &v))
			return -1;
		r->tid = v;
		return 0;
	case 2:
		return expect_punct(p, '=') ||
		       range(p, UINT64_MAX, "seq", &r->seq_first, &r->seq_last) ? -1 : 0;
	case 3:
		return expect_punct(p, '=') || percent(p, &r->chance_ppm) ? -1 : 0;
	default:
		return expect_punct(p, '=') || number(p, UINT64_MAX, &r->seed) ? -1 : 0;
	}
}

static int condition(struct parser *p, struct numashim_rule *r)
{
	size_t i;

	for (i = 0; i < sizeof(conditions) / sizeof(conditions[0]); i++) {
		if (!is_word(p, conditions[i]))
			continue;
		if (p->conditions_seen & 1u << i)
			return fail(p, p->tok.start, "%s= is given twice",
				    conditions[i]);
		p->conditions_seen |= 1u << i;
		next(p);
		return condition_value(p, r, i);
	}
	return fail(p, p->tok.start,
		    "expected a condition (caller, tid, seq, chance, seed) or ':'");
}

/*
 * The calls' names (only those with flags, if with_flags), joined by
 * ", " and by last before the last one.
 */
static void calls_list(char *buf, size_t size, bool with_flags,
		       const char *last)
{
	size_t i, len = 0, n = 0, shown = 0;

	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		n += !with_flags || numashim_calls[i].flags;
	buf[0] = 0;
	for (i = 0; i < NUMASHIM_CALL_COUNT && len < size; i++) {
		const char *sep = !shown ? "" : shown == n - 1 ? last : ", ";

		if (with_flags && !numashim_calls[i].flags)
			continue;
		shown++;
		len += snprintf(buf + len, size - len, "%s%s", sep,
				numashim_calls[i].name);
	}
}

static int call_name(struct parser *p, struct numashim_rule *r)
{
	char list[80], thing[96];
	size_t i;

	if (is_punct(p, '*')) {
		r->call = NUMASHIM_RULE_ANY_CALL;
		next(p);
		return 0;
	}
	for (i = 0; i < NUMASHIM_CALL_COUNT; i++) {
		if (is_word(p, numashim_calls[i].name)) {
			r->call = NUMASHIM_RULE_ANY_CALL + 1 + i;
			next(p);
			return 0;
		}
	}
	calls_list(list, sizeof(list), false, ", ");
	snprintf(thing, sizeof(thing), "%s or *", list);
	return expected(p, thing);
}

static bool has_source_map(const struct numashim_rule *r)
{
	unsigned int m;

	for (m = 0; m < r->n_maps; m++)
		if (r->maps[m].source)
			return true;
	return false;
}

/* Actions that cannot go together, or do not exist for the call. */
static int rule_check(struct parser *p, const struct numashim_rule *r,
		      const char *at)
{
	bool flags = r->flags_add || r->flags_drop;
	char list[80];

	if (r->fail_errno && (r->n_maps || flags || r->set_mode ||
			      r->dry_run || r->fail_pages_status))
		return fail(p, at, "fail= keeps the call from the kernel: no other action applies");
	if (r->dry_run && r->n_maps)
		return fail(p, at, "dry-run moves nothing: mapping nodes contradicts it");
	if (r->set_mode && r->call != NUMASHIM_RULE_MBIND)
		return fail(p, at, "mode= applies to mbind only");
	if (flags && !(rule_call(r) && rule_call(r)->flags)) {
		calls_list(list, sizeof(list), true, " and ");
		return fail(p, at, "flags apply to %s only", list);
	}
	if (has_source_map(r) && r->call != NUMASHIM_RULE_MIGRATE_PAGES)
		return fail(p, at, "source-node applies to migrate_pages only");
	if (r->fail_pages_status && r->call != NUMASHIM_RULE_MOVE_PAGES)
		return fail(p, at, "fail-pages= applies to move_pages only");
	if (r->dry_run && r->call == NUMASHIM_RULE_MIGRATE_PAGES)
		return fail(p, at, "dry-run applies to move_pages and mbind: use seq or fail= for migrate_pages");
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
	if (call_name(p, r))
		return -1;
	while (!is_punct(p, ':'))
		if (condition(p, r))
			return -1;
	next(p);
	if (action(p, r))
		return -1;
	while (is_punct(p, ',')) {
		next(p);
		if (action(p, r))
			return -1;
	}
	if (p->tok.kind != TOK_SEP && p->tok.kind != TOK_END)
		return expected(p, "',' and another action, or the end of the rule");
	end = p->tok.start;
	while (end > start && isspace((unsigned char) end[-1]))
		end--;
	r->text = strndup(start, end - start);
	if (!r->text)
		return fail(p, start, "out of memory");
	return rule_check(p, r, start);
}

/* a takes every call that b would take: b never fires after it. */
static bool shadows(const struct numashim_rule *a, const struct numashim_rule *b)
{
	return (a->call == NUMASHIM_RULE_ANY_CALL || a->call == b->call) &&
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
				return fail(p, p->text + rules->v[j].offset,
					    "this rule never fires: rule %zu before it takes every call it would",
					    i + 1);
	return 0;
}

int numashim_rules_parse(const char *text, struct numashim_rules *rules,
			 struct numashim_rules_error *err)
{
	struct parser p = { .text = text, .pos = text, .err = err };
	size_t room = 0;

	rules->v = NULL;
	rules->n = 0;
	next(&p);
	for (;;) {
		while (p.tok.kind == TOK_SEP)
			next(&p);
		if (p.tok.kind == TOK_END)
			break;
		if (rules->n == room) {
			struct numashim_rule *v;

			room = room ? 2 * room : 4;
			v = realloc(rules->v, room * sizeof(*v));
			if (!v) {
				fail(&p, p.tok.start, "out of memory");
				goto error;
			}
			rules->v = v;
		}
		if (rule(&p, &rules->v[rules->n++]))
			goto error;
	}
	if (!rules->n) {
		fail(&p, p.tok.start, "no rule");
		goto error;
	}
	if (!rules_check_order(&p, rules))
		return 0;
error:
	numashim_rules_free(rules);
	return -1;
}

static int check_set(const struct numashim_node_set *set,
		     const struct numashim_node_set *possible,
		     const struct numashim_rule *r, struct numashim_rules_error *err)
{
	unsigned int node;

	for (node = 0; node < NUMASHIM_RULE_NODES; node++) {
		if (!numashim_node_set_has(set, node) ||
		    numashim_node_set_has(possible, node))
			continue;
		err->offset = r->offset;
		snprintf(err->msg, sizeof(err->msg),
			 "node %u is not a possible node of this machine (/sys/devices/system/node/possible)",
			 node);
		return -1;
	}
	return 0;
}

/*
 * Target nodes that cannot exist here: a rule sending pages there is a
 * mistake. The nodes a rule maps from are what the program asks for,
 * which may well be impossible (that is what such a rule is for).
 */
int numashim_rules_check_nodes(const struct numashim_rules *rules,
			       const struct numashim_node_set *possible,
			       struct numashim_rules_error *err)
{
	size_t i;
	unsigned int m;

	for (i = 0; i < rules->n; i++) {
		const struct numashim_rule *r = &rules->v[i];

		for (m = 0; m < r->n_maps; m++)
			if (check_set(&r->maps[m].to, possible, r, err))
				return -1;
	}
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

/*
 * "SOURCE: MESSAGE", then the line of the rules at fault and a caret
 * under the place, as compilers show errors.
 */
void numashim_rules_explain(const char *text,
			    const struct numashim_rules_error *err,
			    const char *source, char *out, size_t size)
{
	const char *at = text + err->offset, *line = at, *eol;
	int column;

	while (line > text && line[-1] != '\n')
		line--;
	eol = strchrnul(at, '\n');
	column = at - line;
	snprintf(out, size, "%s: %s\n  %.*s\n  %*s^\n", source, err->msg,
		 (int) (eol - line), line, column, "");
}

/*
 * The kernel's possible nodes, in the format of the rules' own node sets;
 * all of them when the file cannot be read (no sysfs), so that only the
 * parser's limit applies.
 */
static void possible_nodes(struct numashim_node_set *set)
{
	struct numashim_rules_error err;
	char text[256] = "";
	struct parser p = { .text = text, .pos = text, .err = &err };
	FILE *f = fopen("/sys/devices/system/node/possible", "re");
	size_t len = f ? fread(text, 1, sizeof(text) - 1, f) : 0;

	if (f)
		fclose(f);
	text[len] = 0;
	text[strcspn(text, "\n")] = 0;
	next(&p);
	if (!len || node_set(&p, set) || p.tok.kind != TOK_END)
		memset(set, 0xff, sizeof(*set));
}

/*
 * Parse text and check its nodes against this machine: 0, or -1 with an
 * explanation that quotes the rule at fault, for the shim and for
 * numashim record alike.
 */
int numashim_rules_load(const char *text, struct numashim_rules *rules,
			const char *source, char *explanation, size_t size)
{
	struct numashim_rules_error err;
	struct numashim_node_set possible;

	if (numashim_rules_parse(text, rules, &err))
		goto error;
	possible_nodes(&possible);
	if (!numashim_rules_check_nodes(rules, &possible, &err))
		return 0;
	numashim_rules_free(rules);
error:
	numashim_rules_explain(text, &err, source, explanation, size);
	return -1;
}
