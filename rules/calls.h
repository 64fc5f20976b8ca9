/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The call a rule is for, as the parser reads and checks it: the calls
 * of numashim-calls.h and what a rule may do to each
 * (NUMASHIM_CALL_RULES), named in a rule and in the parser's messages.
 */
#ifndef NUMASHIM_RULES_CALLS_H
#define NUMASHIM_RULES_CALLS_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer.h"
#include "numashim-calls.h"

/* The call's name or *, into r->call. */
int rule_call_name(struct parser *p, struct numashim_rule *r);

/* The row of r's call; NULL for *. */
const struct numashim_call_info *rule_call(const struct numashim_rule *r);

/* Whether a rule for call (NUMASHIM_RULE_*) applies to a call of row i. */
bool rule_call_covers(enum numashim_rule_call call, size_t i);

/*
 * The action of actions[] at hand, taken; or -1, saying at the action's
 * word that r's call has no such action (for *: not every call it stands
 * for), or what the actions are.
 */
int rule_action_word(struct parser *p, const struct numashim_rule *r,
		     enum numashim_rule_action *action);

/* Whether r's call takes node maps of one target node each. */
bool rule_one_node(const struct numashim_rule *r);

#endif /* NUMASHIM_RULES_CALLS_H */
