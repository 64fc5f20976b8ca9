/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Rewrite rules: what the shim changes in a call before the kernel sees
 * it, or what failure it makes up instead. The grammar is in
 * numashim-rewrite(7); this is its parsed form, shared by the shim, which
 * applies the rules, and by numashim record, which checks them before it
 * starts anything.
 */
#ifndef NUMASHIM_RULES_H
#define NUMASHIM_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "numashim-calls.h"

/* Nodes a rule may name: the kernel's MAX_NUMNODES on x86-64. */
#define NUMASHIM_RULE_NODES 1024

struct numashim_node_set {
	uint64_t bits[NUMASHIM_RULE_NODES / 64];
};

#define NUMASHIM_RULE_CALL_CONSTANT(name, TAG, flags, arrays) NUMASHIM_RULE_##TAG,

/* The call a rule is for: * (any), or numashim_calls[call - 1]. */
enum numashim_rule_call {
	NUMASHIM_RULE_ANY_CALL,
	NUMASHIM_CALLS(NUMASHIM_RULE_CALL_CONSTANT)
};

/*
 * node FROM -> TO, or for migrate_pages' old_nodes (the nodes pages are
 * taken from) source-node FROM -> TO.
 */
struct numashim_node_map {
	struct numashim_node_set from;
	struct numashim_node_set to;
	bool from_any;
	bool source;
};

#define NUMASHIM_RULE_MAPS_MAX 8
#define NUMASHIM_PPM 1000000u	/* probabilities in parts per million */
#define NUMASHIM_RULE_RANGES_MAX 8

struct numashim_rule {
	enum numashim_rule_call call;
	char *text;			/* the rule as written, for the trace */
	size_t offset;			/* where it starts in the rule set */

	/* When it fires: every condition given holds. */
	char *caller;			/* fnmatch(3) pattern: function or object */
	int64_t tid;			/* -1: any */
	uint64_t seq_first, seq_last;	/* the call's number in its process */
	uint32_t chance_ppm;
	uint64_t seed;

	/* What it does. */
	struct numashim_node_map maps[NUMASHIM_RULE_MAPS_MAX];
	unsigned int n_maps;
	unsigned int flags_add, flags_drop;	/* MPOL_MF_* */
	bool set_mode;
	unsigned long mode;			/* MPOL_* | MPOL_F_* */
	bool dry_run;
	int fail_errno;				/* 0: none */
	int fail_pages_status;			/* a positive errno; 0: none */
	uint32_t fail_pages_ppm;
	struct {
		uint64_t first, last;
	} page_ranges[NUMASHIM_RULE_RANGES_MAX];	/* none: every page */
	unsigned int n_page_ranges;
};

struct numashim_rules {
	struct numashim_rule *v;
	size_t n;
};

/* Where and why a rule set does not parse. */
struct numashim_rules_error {
	size_t offset;
	char msg[160];
};

int numashim_rules_parse(const char *text, struct numashim_rules *rules,
			 struct numashim_rules_error *err);
/* A node list as rules write it, "0-3,5"; 0, or -1 when it is not one. */
int numashim_node_set_parse(const char *text, struct numashim_node_set *set);
int numashim_rules_check_nodes(const struct numashim_rules *rules,
			       const struct numashim_node_set *possible,
			       struct numashim_rules_error *err);
void numashim_rules_free(struct numashim_rules *rules);
int numashim_rules_load(const char *text, struct numashim_rules *rules,
			const char *source, char *explanation, size_t size);
void numashim_rules_explain(const char *text,
			    const struct numashim_rules_error *err,
			    const char *source, char *out, size_t size);

static inline bool numashim_node_set_has(const struct numashim_node_set *s,
					 unsigned int node)
{
	return node < NUMASHIM_RULE_NODES &&
	       (s->bits[node / 64] >> (node % 64)) & 1;
}

#endif /* NUMASHIM_RULES_H */
