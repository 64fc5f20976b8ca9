/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The policies view's figures: the memory policies the program set, so
 * that a user can tell under which one a range was placed. Per process
 * and thread, set_mempolicy's policies in time order, each in force from
 * its call until the thread's next one; per range, mbind's policies and
 * set_mempolicy_home_node's home nodes. The calls the kernel refused are
 * rows of their own, apart: a refused call leaves the policy as it was,
 * so it never shows as the policy in force. A row is kept per call, as
 * programs set policies a few times, not once per allocation, but for
 * the same mbind call made again over a range, which adds to the row of
 * the last call over it (policies_add()).
 */
#ifndef NUMASHIM_POLICIES_H
#define NUMASHIM_POLICIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "nodelist.h"
#include "summary.h"

/* What a row's policy applies to. */
enum policy_scope {
	POLICY_THREAD,		/* set_mempolicy */
	POLICY_RANGE,		/* mbind */
	POLICY_HOME_NODE,	/* set_mempolicy_home_node */
	POLICY_SCOPES,
};

extern const char *const policy_scope_names[POLICY_SCOPES];

/* One call's policy, every format's row. */
struct policy_row {
	enum policy_scope scope;
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	int64_t tid;
	char procname[PROCNAME_MAX];
	uint64_t time_ns;	/* the call's, from the clock's origin */
	/*
	 * The calls the row stands for, and the last one's time: a range's
	 * row counts the same call again, by the same thread from the same
	 * site, over the same range, with the same answer, when no other
	 * call set a policy over part of the range in between.
	 */
	uint64_t calls;
	uint64_t last_ns;
	/*
	 * A thread's policy in force: when the thread's next one replaced
	 * it; 0 when none did within the trace.
	 */
	uint64_t until_ns;
	uint64_t mode;		/* thread, range: with its mode flags */
	uint32_t flags;		/* range: MPOL_MF_* */
	uint64_t start;		/* range, home node */
	uint64_t end;		/* start + len, the len passed */
	uint64_t home_node;	/* home node */
	bool nodes_known;	/* thread, range: false when not recorded whole */
	char nodes[NODE_LIST_MAX];
	/*
	 * Weighted interleave's weights in force, "node:weight,..." for
	 * every node with a weight (calls.h); NULL for another mode, or
	 * when the trace holds none. Owned by the struct policies.
	 */
	char *weights;
	struct site *site;
	int32_t err;		/* 0: the kernel took it; else its errno */
};

struct policies {
	struct policy_row *v;
	size_t len;
	size_t cap;
	/* Policy calls the rows leave out, or show only in part. */
	uint64_t without_entry;	/* their policy is unknown */
	uint64_t without_exit;	/* whether the kernel took it is unknown */
	uint64_t masks_unknown;	/* rows whose node mask was not recorded */
};

/*
 * Keep c's policy, if it set one, as a row of its own or as one more
 * call of a range's row; 0, or -1 when out of memory. The calls come in
 * the order the trace finished them.
 */
int policies_add(struct policies *p, const struct call_record *c);
/* A policy call whose exit the trace lacks. */
void policies_add_unfinished(struct policies *p, enum call_kind kind);

/*
 * The rows in the order every format writes them, with until_ns set:
 * the policies in force, then the refused ones; each by process, scope,
 * thread or range, time. free() the array; NULL when out of memory.
 */
struct policy_row *policies_list(const struct policies *p, size_t *count);
/* The rows of policies_list() in force, first of the count. */
size_t policies_in_force(const struct policy_row *rows, size_t count);

/*
 * A row's words as every format writes them, NULL where the row's scope
 * has none or the trace does not tell: the mode by its constant's name,
 * its mode flags and mbind's flags ("none" for none), the nodes as
 * numactl writes them, weighted interleave's weights as "0:1,1:3", and
 * the errno of a refused call.
 */
struct policy_words {
	const char *mode;
	const char *mode_flags;
	const char *nodes;
	const char *weights;
	const char *flags;
	const char *error;
	char buf[4][NODE_LIST_MAX];
};

void policy_row_words(const struct policy_row *row, struct policy_words *w);

void policies_fini(struct policies *p);

#endif /* NUMASHIM_POLICIES_H */
