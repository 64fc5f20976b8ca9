// SPDX-License-Identifier: LGPL-2.1-or-later
#include "numashim-calls.h"

#define CALL_ROW(name, TAG, flags, arrays) { #name, flags, arrays },

const struct numashim_call_info numashim_calls[NUMASHIM_CALL_COUNT] = {
	NUMASHIM_CALLS(CALL_ROW)
};

#define ACTION_ROW(word, TAG, what) { word, what },

const struct numashim_rule_action_info
	numashim_rule_actions[NUMASHIM_RULE_ACTION_COUNT] = {
	NUMASHIM_RULE_ACTIONS(ACTION_ROW)
};

#define CALL_FLAGS(name, TAG, flags, arrays) NUMASHIM_CALL_FLAGS_##TAG = (flags) != 0,

enum {
	NUMASHIM_CALLS(CALL_FLAGS)
};

#define CALL_RULES_ROW(TAG, in_any, actions, one_node)			\
	[NUMASHIM_CALL_##TAG] = {					\
		in_any,							\
		(actions) | NUMASHIM_CALL_FLAGS_##TAG * NUMASHIM_RULE_DOES(FLAGS), \
		one_node,						\
	},

const struct numashim_call_rules numashim_call_rules[NUMASHIM_CALL_COUNT] = {
	NUMASHIM_CALL_RULES(CALL_RULES_ROW)
};
