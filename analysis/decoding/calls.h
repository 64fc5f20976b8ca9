/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Calls in flight: what the summary needs of a call between its entry
 * event and its exit event, keyed by the process (vpid) and the call's
 * call_id, as numashim(7) says to match events. A call leaves the table at
 * its exit, so the table holds only the calls the trace has not finished.
 */
#ifndef NUMASHIM_CALLS_H
#define NUMASHIM_CALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "views.h"
#include "machine.h"
#include "weights.h"

struct call;

struct call_table {
	void *tree;		/* tsearch(3) tree of struct call */
	struct weights_table weights;
	/* The machine facts of each process, and so its rank in a job. */
	struct machines machines;
	struct views *views;
};

struct call_start {
	enum call_kind kind;
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	uint64_t call_id;
	int64_t tid;
	const char *procname;
	uint64_t start_ns;	/* the entry's time, ns from the origin */
	uint64_t count;		/* move_pages: count */
	bool query;		/* move_pages: nodes is NULL */
	uint32_t page_size;	/* move_pages, mbind: 0 when not recorded */
	uint64_t addr;		/* mbind: addr; home node: start */
	uint64_t bytes;		/* mbind, home node: len */
	uint64_t mode;		/* mbind, set_mempolicy: mode with its flags */
	uint64_t home_node;	/* home node: home_node */
	int32_t flags;		/* move_pages, mbind, home node: flags */
	struct site *site;
	/* The backtrace, innermost first, malloc()ed: the call's own. */
	struct site **frames;
	size_t frame_count;
};

/* What the numashim:rewrite event of a call says the rule did. */
struct call_rewrite_start {
	struct rule_tally *rule;
	int32_t injected_err;
	bool dry_run;
	uint64_t mode;		/* mbind, set_mempolicy: the kernel's */
	int32_t flags;		/* move_pages, mbind: the kernel's */
};

struct call_result {
	enum call_kind kind;
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	uint64_t call_id;
	int64_t tid;		/* the thread that emitted the exit */
	const char *procname;
	struct site *site;	/* the exit's, for a call without entry */
	uint64_t end_ns;	/* the exit's time, ns from the origin */
	int64_t ret;
	int32_t err;
	uint64_t latency_ns;
	uint32_t incomplete;	/* bits of the arrays not recorded whole */
	/* Its numashim:placement, the caller's; NULL: none. */
	const struct call_placement *placement;
	/* Its numashim:page_state events, the caller's; NULL: none. */
	const struct call_page_states *page_states;
};

/*
 * Every function that returns int returns 0, or -1 when out of memory.
 * calls_begin() takes start's frames, even when it fails.
 * A call_id seen again before its exit (its exit was lost) finishes the
 * older call as unfinished.
 */
int calls_begin(struct call_table *t, const struct call_start *start);
struct call *calls_find(struct call_table *t, int64_t vpid, uint64_t call_id);

/* Elements offset.. of a move_pages call's nodes or status array. */
int call_add_nodes(struct call *c, uint64_t offset, const int32_t *v,
		   size_t n);
int call_add_statuses(struct call *c, uint64_t offset, const int32_t *v,
		      size_t n);

/*
 * The node masks of mbind, set_mempolicy and migrate_pages, element
 * offset.. of the list of their nodes: the target mask (mbind's and
 * set_mempolicy's nodemask, migrate_pages' new_nodes) and migrate_pages'
 * source mask (old_nodes).
 */
int call_add_target_mask(struct call *c, uint64_t offset, const int32_t *v,
			 size_t n);
int call_add_source_mask(struct call *c, uint64_t offset, const int32_t *v,
			 size_t n);

/*
 * A rewrite rule changed the call; what the kernel got instead: target
 * nodes (move_pages' nodes array, or the target mask), and migrate_pages'
 * source mask; the index of the page at offset of the list of those whose
 * status the rule made up.
 */
void call_rewritten(struct call *c, const struct call_rewrite_start *w);
int call_add_kernel_nodes(struct call *c, uint64_t offset, const int32_t *v,
			  size_t n);
int call_add_kernel_source_mask(struct call *c, uint64_t offset,
				const int32_t *v, size_t n);
int call_add_injected(struct call *c, uint64_t offset, uint64_t page);

/* Count the call in the views and forget it; c may be NULL (no entry). */
int calls_end(struct call_table *t, struct call *c,
	      const struct call_result *r);

/* At the end of the trace: count the calls still in flight, forget all. */
int calls_flush(struct call_table *t);

/* Forget every call and the weights without counting any. */
void calls_fini(struct call_table *t);

#endif /* NUMASHIM_CALLS_H */
