/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The rewrites view's figures: for each rewrite rule that fired
 * (numashim-rewrite(7)), the calls it changed and how: move_pages' pages
 * sent to another node than the program asked for, mbind's and
 * set_mempolicy's mode, the flags, the node masks and the home node as
 * passed and as the kernel got them, dry
 * runs; and the failures it made up, apart from the kernel's own
 * failures of the same calls. A trace holds few rules, nodes and codes,
 * so the tallies stay small however long it is.
 */
#ifndef NUMASHIM_REWRITES_H
#define NUMASHIM_REWRITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "nodelist.h"
#include "summary.h"

/*
 * What a rule may change besides move_pages' target nodes:
 * X(ID, name, title), FIELD_ID, its name in the reports and its title
 * in LAMI's, as "Node mask" in "Node mask changes".
 */
#define REWRITE_FIELD_LIST(X)						\
	/* mbind's and set_mempolicy's mode and mode flags */		\
	X(MODE, mode, "Mode")						\
	/* move_pages' and mbind's MPOL_MF_* flags */			\
	X(FLAGS, flags, "Flags")					\
	/* mbind's and set_mempolicy's */				\
	X(NODEMASK, nodemask, "Node mask")				\
	/* migrate_pages' */						\
	X(NEW_NODES, new_nodes, "New nodes")				\
	X(OLD_NODES, old_nodes, "Old nodes")				\
	/* set_mempolicy_home_node's */					\
	X(HOME_NODE, home_node, "Home node")

#define REWRITE_FIELD_ENUM(ID, name, title) FIELD_##ID,
enum rewrite_field {
	REWRITE_FIELD_LIST(REWRITE_FIELD_ENUM)
	REWRITE_FIELDS,
};
#undef REWRITE_FIELD_ENUM

extern const char *const rewrite_field_names[REWRITE_FIELDS];

/* A value as the program passed it and as the kernel got it. */
struct rewrite_change {
	char from[NODE_LIST_MAX];
	char to[NODE_LIST_MAX];
	uint64_t calls;
};

struct rewrite_changes {
	struct rewrite_change *v;
	size_t len;
};

/* move_pages' pages the program sent to from and the kernel to to. */
struct node_move {
	int32_t from;
	int32_t to;
	uint64_t pages;
};

struct node_moves {
	struct node_move *v;
	size_t len;
};

/* What one rule did to the calls it fired on. */
struct rule_tally {
	uint32_t number;	/* in its rule set, from 1 */
	char *text;		/* the rule as written */
	uint64_t calls[CALL_KINDS];
	uint64_t dry_runs;
	struct node_moves moves;
	struct rewrite_changes changes[REWRITE_FIELDS];
	/* The failures the rule made up: whole calls, and page statuses. */
	struct code_counts injected_errors;
	struct code_counts injected_status;
	/* The kernel's own failures of the calls the rule changed. */
	struct code_counts errors;
	struct code_counts status;
};

/* What a rule did to one call. */
struct call_rewrite {
	struct rule_tally *rule;
	bool dry_run;
	struct node_moves moves;
	/* from and to of each field, or NULL when the rule left it alone. */
	const char *from[REWRITE_FIELDS];
	const char *to[REWRITE_FIELDS];
};

struct rewrites {
	void *tree;		/* tsearch(3) tree of struct rule_tally */
	size_t count;
};

/*
 * The tally of the rule number of a rule set, written text, made on
 * first use; NULL when out of memory. Calls are not counted in it until
 * rewrites_add().
 */
struct rule_tally *rewrites_rule(struct rewrites *r, uint32_t number,
				 const char *text);

/* Count pages from -> to in moves; 0, or -1 when out of memory. */
int node_moves_add(struct node_moves *moves, int32_t from, int32_t to,
		   uint64_t pages);

/* Count c, which c->rewrite says a rule changed; 0, or -1: no memory. */
int rewrites_add(const struct call_record *c);

/*
 * The rules that changed a call, by number then text; free() the array.
 * NULL when out of memory.
 */
struct rule_tally **rewrites_list(const struct rewrites *r, size_t *count);

/* Calls a rule changed, of all kinds. */
uint64_t rule_tally_calls(const struct rule_tally *t);


/* mbind's mode and MPOL_MF_* flags as rules write them: "bind|static_nodes". */
const char *mode_text(uint64_t mode, char *buf, size_t size);
const char *mf_flags_text(uint64_t flags, char *buf, size_t size);
/* A mode's parts: the mode alone, "bind", and its mode flags, or "none". */
const char *mode_name(uint64_t mode, char *buf, size_t size);
const char *mode_flags_text(uint64_t mode, char *buf, size_t size);

void rewrites_fini(struct rewrites *r);

#endif /* NUMASHIM_REWRITES_H */
