/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The calls numashim intercepts and the arrays of their arguments, one
 * table each. Every part that names a call or an array derives its enum
 * and its names from here: the tracepoint provider, the shim, the rules
 * and the report.
 */
#ifndef NUMASHIM_CALL_TABLE_H
#define NUMASHIM_CALL_TABLE_H

#include <stdbool.h>

#include "numashim-mpol.h"

/*
 * X(name, TAG, value): the arrays the trace records, by the number its
 * events carry in their array field (part of the trace format).
 */
#define NUMASHIM_ARRAYS(X)						\
	X(pages, PAGES, 0)		/* move_pages: pages */		\
	X(nodes, NODES, 1)		/* move_pages: nodes */		\
	X(status, STATUS, 2)		/* move_pages: status, after the call */ \
	X(nodemask, NODEMASK, 3)	/* mbind: nodemask */		\
	X(old_nodes, OLD_NODES, 4)	/* migrate_pages: old_nodes */	\
	X(new_nodes, NEW_NODES, 5)	/* migrate_pages: new_nodes */	\
	X(kernel_nodes, KERNEL_NODES, 6) /* rewrite: the target nodes the kernel got */ \
	X(injected, INJECTED, 7)	/* rewrite: pages given a made-up status */ \
	X(kernel_old_nodes, KERNEL_OLD_NODES, 8) /* rewrite: migrate_pages' old_nodes the kernel got */ \
	X(policy_nodemask, POLICY_NODEMASK, 9) /* set_mempolicy: nodemask */ \
	X(returned_nodemask, RETURNED_NODEMASK, 10) /* get_mempolicy: nodemask, as the kernel wrote it */

#define NUMASHIM_ARRAY_CONSTANT(name, TAG, value) NUMASHIM_ARRAY_##TAG = (value),

enum numashim_array {
	NUMASHIM_ARRAYS(NUMASHIM_ARRAY_CONSTANT)
};

#define NUMASHIM_ARRAY_BIT(TAG) (1U << NUMASHIM_ARRAY_##TAG)

/*
 * X(name, TAG, flags, arrays), one row per call:
 * - name: as numaif.h, the rules (numashim-rewrite(7)) and the report
 *   spell it; its events are numashim:NAME_entry and numashim:NAME_exit;
 * - TAG: what each part's enum constant for the call ends with
 *   (CALL_TAG in the report, NUMASHIM_RULE_TAG, NUMASHIM_SCOPE_TAG);
 * - flags: the MPOL_MF_* flags the kernel accepts in the call's flags
 *   argument, refusing any other with EINVAL (move_pages(2), mbind(2));
 *   0 for a call without them (get_mempolicy's flags are MPOL_F_*,
 *   and set_mempolicy_home_node's must be 0);
 * - arrays: the arrays of its arguments the exit event records.
 */
#define NUMASHIM_CALLS(X)						\
	X(move_pages, MOVE_PAGES, NUMASHIM_MPOL_MF_MOVE_ANY,		\
	  NUMASHIM_ARRAY_BIT(PAGES) | NUMASHIM_ARRAY_BIT(NODES) |	\
	  NUMASHIM_ARRAY_BIT(STATUS))					\
	X(migrate_pages, MIGRATE_PAGES, 0,				\
	  NUMASHIM_ARRAY_BIT(OLD_NODES) | NUMASHIM_ARRAY_BIT(NEW_NODES)) \
	X(mbind, MBIND,							\
	  NUMASHIM_MPOL_MF_STRICT | NUMASHIM_MPOL_MF_MOVE_ANY,		\
	  NUMASHIM_ARRAY_BIT(NODEMASK))					\
	X(set_mempolicy, SET_MEMPOLICY, 0,				\
	  NUMASHIM_ARRAY_BIT(POLICY_NODEMASK))				\
	X(get_mempolicy, GET_MEMPOLICY, 0,				\
	  NUMASHIM_ARRAY_BIT(RETURNED_NODEMASK))			\
	X(set_mempolicy_home_node, SET_MEMPOLICY_HOME_NODE, 0, 0) /* Linux 5.17 */

/* The events of the tracepoint provider (trace/numashim-tp.h). */
#define NUMASHIM_EVENT(event) "numashim:" #event
#define NUMASHIM_ENTRY_EVENT(name) NUMASHIM_EVENT(name##_entry)
#define NUMASHIM_EXIT_EVENT(name) NUMASHIM_EVENT(name##_exit)

#define NUMASHIM_CALL_INDEX(name, TAG, flags, arrays) NUMASHIM_CALL_##TAG,

/* NUMASHIM_CALL_MOVE_PAGES, ...: the index of the call's row. */
enum numashim_call_index {
	NUMASHIM_CALLS(NUMASHIM_CALL_INDEX)
	NUMASHIM_CALL_COUNT
};

#define NUMASHIM_CALL_BIT(TAG) (1U << NUMASHIM_CALL_##TAG)

/*
 * X(word, TAG, what): the actions of rewrite rules (numashim-rewrite(7)),
 * as a rule writes them and as the rule parser's messages name them.
 */
#define NUMASHIM_RULE_ACTIONS(X)					\
	X("node", NODE, "node maps")					\
	X("source-node", SOURCE_NODE, "source-node maps")		\
	X("flags", FLAGS, "MPOL_MF_* flags")				\
	X("mode", MODE, "mode")						\
	X("dry-run", DRY_RUN, "dry run")				\
	X("fail", FAIL, "made-up failure")				\
	X("fail-pages", FAIL_PAGES, "per-page failures")

#define NUMASHIM_RULE_ACTION_INDEX(word, TAG, what) NUMASHIM_RULE_ACTION_##TAG,

enum numashim_rule_action {
	NUMASHIM_RULE_ACTIONS(NUMASHIM_RULE_ACTION_INDEX)
	NUMASHIM_RULE_ACTION_COUNT
};

#define NUMASHIM_RULE_DOES(TAG) (1U << NUMASHIM_RULE_ACTION_##TAG)

/*
 * X(TAG, in_any, actions, one_node), one row per call of NUMASHIM_CALLS:
 * what a rewrite rule may do to it.
 * - in_any: whether a rule for * applies to it. The policy calls must be
 *   named: libnuma asks get_mempolicy whether the machine has NUMA at
 *   all, so a rule set written for the placement calls, "*: fail=EIO",
 *   would otherwise tell a program it has none;
 * - actions: the NUMASHIM_RULE_DOES bits a rule for it may hold; flags
 *   besides, for a call with MPOL_MF_* flags in its NUMASHIM_CALLS row;
 * - one_node: its node argument is one node, not a set, so each node map
 *   must have one target.
 */
#define NUMASHIM_CALL_RULES(X)						\
	X(MOVE_PAGES, true,						\
	  NUMASHIM_RULE_DOES(NODE) | NUMASHIM_RULE_DOES(DRY_RUN) |	\
	  NUMASHIM_RULE_DOES(FAIL) | NUMASHIM_RULE_DOES(FAIL_PAGES), false) \
	X(MIGRATE_PAGES, true,						\
	  NUMASHIM_RULE_DOES(NODE) | NUMASHIM_RULE_DOES(SOURCE_NODE) |	\
	  NUMASHIM_RULE_DOES(FAIL), false)				\
	X(MBIND, true,							\
	  NUMASHIM_RULE_DOES(NODE) | NUMASHIM_RULE_DOES(MODE) |		\
	  NUMASHIM_RULE_DOES(DRY_RUN) | NUMASHIM_RULE_DOES(FAIL), false) \
	X(SET_MEMPOLICY, false,						\
	  NUMASHIM_RULE_DOES(NODE) | NUMASHIM_RULE_DOES(MODE) |		\
	  NUMASHIM_RULE_DOES(DRY_RUN) | NUMASHIM_RULE_DOES(FAIL), false) \
	X(GET_MEMPOLICY, false, NUMASHIM_RULE_DOES(FAIL), false)	\
	X(SET_MEMPOLICY_HOME_NODE, false,				\
	  NUMASHIM_RULE_DOES(NODE) | NUMASHIM_RULE_DOES(FAIL), true)

/* A row of the table, for code that walks it rather than expands it. */
struct numashim_call_info {
	const char *name;
	unsigned long flags;	/* MPOL_MF_* */
	unsigned int arrays;	/* bits of enum numashim_array */
};

/* In the table's order. */
extern const struct numashim_call_info numashim_calls[NUMASHIM_CALL_COUNT];

struct numashim_rule_action_info {
	const char *word;
	const char *what;
};

extern const struct numashim_rule_action_info
	numashim_rule_actions[NUMASHIM_RULE_ACTION_COUNT];

/* A row of NUMASHIM_CALL_RULES, FLAGS added for a call with flags. */
struct numashim_call_rules {
	bool in_any;
	unsigned int actions;	/* NUMASHIM_RULE_DOES bits */
	bool one_node;
};

/* By the index of the call's row in NUMASHIM_CALLS. */
extern const struct numashim_call_rules numashim_call_rules[NUMASHIM_CALL_COUNT];

#endif /* NUMASHIM_CALL_TABLE_H */
