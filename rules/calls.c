// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The call a rule is for, and the actions it may take. Both come from
 * the shared tables (NUMASHIM_CALLS, NUMASHIM_CALL_RULES), and so do the
 * messages that refuse a rule: no call is named here.
 */
#include <stdio.h>

#include "calls.h"

const struct numashim_call_info *rule_call(const struct numashim_rule *r)
{
	return r->call == NUMASHIM_RULE_ANY_CALL ? NULL : &numashim_calls[r->call - 1];
}

bool rule_call_covers(enum numashim_rule_call call, size_t i)
{
	if (call == NUMASHIM_RULE_ANY_CALL)
		return numashim_call_rules[i].in_any;
	return call == NUMASHIM_RULE_ANY_CALL + 1 + i;
}

/* What a rule for call may do: for *, what it may do to each call it covers. */
static unsigned int call_actions(enum numashim_rule_call call)
{
	unsigned int actions = ~0U;
	size_t i;

	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		if (rule_call_covers(call, i))
			actions &= numashim_call_rules[i].actions;
	return actions;
}

bool rule_one_node(const struct numashim_rule *r)
{
	size_t i;

	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		if (rule_call_covers(r->call, i) && numashim_call_rules[i].one_node)
			return true;
	return false;
}

/*
 * Whether the call of row i is among those a rule for call covers (every
 * call for EVERY_CALL) and has action (any for 0), or lacks it if !want.
 */
#define EVERY_CALL (-1)

static bool call_listed(int call, size_t i, unsigned int action, bool want)
{
	if (call != EVERY_CALL && !rule_call_covers(call, i))
		return false;
	return !action || !(numashim_call_rules[i].actions & action) == !want;
}

/* The names of the calls call_listed() takes, joined by ", " and last. */
static void calls_list(char *buf, size_t size, int call, unsigned int action,
		       bool want, const char *last)
{
	size_t i, len = 0, n = 0, shown = 0;

	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		n += call_listed(call, i, action, want);
	buf[0] = 0;
	for (i = 0; i < NUMASHIM_CALL_COUNT && len < size; i++) {
		const char *sep = !shown ? "" : shown == n - 1 ? last : ", ";

		if (!call_listed(call, i, action, want))
			continue;
		shown++;
		len += snprintf(buf + len, size - len, "%s%s", sep,
				numashim_calls[i].name);
	}
}

/* The words of actions, "node, mode or fail". */
static void actions_list(char *buf, size_t size, unsigned int actions)
{
	size_t i, len = 0, n = __builtin_popcount(actions), shown = 0;

	buf[0] = 0;
	for (i = 0; i < NUMASHIM_RULE_ACTION_COUNT && len < size; i++) {
		const char *sep = !shown ? "" : shown == n - 1 ? " or " : ", ";

		if (!(actions & 1U << i))
			continue;
		shown++;
		len += snprintf(buf + len, size - len, "%s%s", sep,
				numashim_rule_actions[i].word);
	}
}

int rule_call_name(struct parser *p, struct numashim_rule *r)
{
	char list[160], thing[176];
	size_t i;

	if (lex_is_punct(p, '*')) {
		r->call = NUMASHIM_RULE_ANY_CALL;
		lex_next(p);
		return 0;
	}
	for (i = 0; i < NUMASHIM_CALL_COUNT; i++) {
		if (!lex_is_word(p, numashim_calls[i].name))
			continue;
		r->call = NUMASHIM_RULE_ANY_CALL + 1 + i;
		lex_next(p);
		return 0;
	}
	calls_list(list, sizeof(list), EVERY_CALL, 0, true, ", ");
	snprintf(thing, sizeof(thing), "%s or *", list);
	return lex_expected(p, thing);
}

/* r's call has no action a: say so, and what it has. */
static int action_refused(struct parser *p, const struct numashim_rule *r,
			  enum numashim_rule_action a)
{
	const struct numashim_call_info *call = rule_call(r);
	unsigned int bit = 1U << a;
	char has[160], lacks[160];

	if (call) {
		actions_list(has, sizeof(has), call_actions(r->call));
		return parse_fail(p, p->tok.start, "%s has no %s: its rules take %s",
				  call->name, numashim_rule_actions[a].what, has);
	}
	calls_list(has, sizeof(has), EVERY_CALL, bit, true, " and ");
	calls_list(lacks, sizeof(lacks), r->call, bit, false, " and ");
	return parse_fail(p, p->tok.start,
			  "%s: for %s only, and * stands for %s too",
			  numashim_rule_actions[a].word, has, lacks);
}

int rule_action_word(struct parser *p, const struct numashim_rule *r,
		     enum numashim_rule_action *action)
{
	char list[128], thing[160];
	size_t i;

	for (i = 0; i < NUMASHIM_RULE_ACTION_COUNT; i++) {
		if (!lex_is_word(p, numashim_rule_actions[i].word))
			continue;
		if (!(call_actions(r->call) & 1U << i))
			return action_refused(p, r, i);
		*action = i;
		lex_next(p);
		return 0;
	}
	actions_list(list, sizeof(list), ~0U >> (32 - NUMASHIM_RULE_ACTION_COUNT));
	snprintf(thing, sizeof(thing), "an action (%s)", list);
	return lex_expected(p, thing);
}
