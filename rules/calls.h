/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The call a rule is for, as the parser reads and checks it: the calls
 * of numashim-calls.h that rules apply to (NUMASHIM_RULE_CALLS), named
 * in a rule and in the parser's messages.
 */
#ifndef NUMASHIM_RULES_CALLS_H
#define NUMASHIM_RULES_CALLS_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer.h"
#include "numashim-calls.h"

/* The call's name or *, into r->call; refuses a call rules do not apply to. */
int rule_call_name(struct parser *p, struct numashim_rule *r);

/* The row of r's call; NULL for *. */
const struct numashim_call_info *rule_call(const struct numashim_rule *r);

/*
 * The flags call takes; for * or a call without flags, those of any
 * call, so that the flag is known and rule_check says what is wrong.
 */
unsigned long rule_call_flags(const struct numashim_call_info *call);

/*
 * The names of the calls rules apply to (only those with flags, if
 * with_flags), joined by ", " and by last before the last one.
 */
void rule_calls_list(char *buf, size_t size, bool with_flags,
		     const char *last);

#endif /* NUMASHIM_RULES_CALLS_H */
