// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The call a rule is for. Rules apply to the calls of NUMASHIM_RULE_CALLS
 * only: a rule for another call the shim records is refused by name
 * rather than taken for a misspelling.
 */
#include <stdio.h>

#include "calls.h"

const struct numashim_call_info *rule_call(const struct numashim_rule *r)
{
	return r->call == NUMASHIM_RULE_ANY_CALL ? NULL : &numashim_calls[r->call - 1];
}

unsigned long rule_call_flags(const struct numashim_call_info *call)
{
	unsigned long flags = 0;
	size_t i;

	if (call && call->flags)
		return call->flags;
	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		flags |= numashim_calls[i].flags;
	return flags;
}

/* Whether rules apply to the call of row i (NUMASHIM_RULE_CALLS). */
static bool rule_call_at(size_t i)
{
	return NUMASHIM_RULE_CALLS & 1U << i;
}

void rule_calls_list(char *buf, size_t size, bool with_flags,
		     const char *last)
{
	size_t i, len = 0, n = 0, shown = 0;

	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		n += rule_call_at(i) && (!with_flags || numashim_calls[i].flags);
	buf[0] = 0;
	for (i = 0; i < NUMASHIM_CALL_COUNT && len < size; i++) {
		const char *sep = !shown ? "" : shown == n - 1 ? last : ", ";

		if (!rule_call_at(i) || (with_flags && !numashim_calls[i].flags))
			continue;
		shown++;
		len += snprintf(buf + len, size - len, "%s%s", sep,
				numashim_calls[i].name);
	}
}

int rule_call_name(struct parser *p, struct numashim_rule *r)
{
	char list[80], thing[96];
	size_t i;

	if (lex_is_punct(p, '*')) {
		r->call = NUMASHIM_RULE_ANY_CALL;
		lex_next(p);
		return 0;
	}
	for (i = 0; i < NUMASHIM_CALL_COUNT; i++) {
		if (!lex_is_word(p, numashim_calls[i].name))
			continue;
		if (!rule_call_at(i)) {
			rule_calls_list(list, sizeof(list), false, " and ");
			return parse_fail(p, p->tok.start,
					  "%s takes no rewrite rules: they apply to %s",
					  numashim_calls[i].name, list);
		}
		r->call = NUMASHIM_RULE_ANY_CALL + 1 + i;
		lex_next(p);
		return 0;
	}
	rule_calls_list(list, sizeof(list), false, ", ");
	snprintf(thing, sizeof(thing), "%s or *", list);
	return lex_expected(p, thing);
}

