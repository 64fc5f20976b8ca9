/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The summary view's figures: one row per call kind and process (and
 * thread, on request), added to as calls complete, plus what the trace
 * says about its own losses.
 */
#ifndef NUMASHIM_SUMMARY_H
#define NUMASHIM_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "numashim-calls.h"
#include "histogram.h"

#define CALL_KIND_CONSTANT(name, TAG, flags, arrays) CALL_##TAG,

/* CALL_MOVE_PAGES, ...: numashim_calls[kind]. */
enum call_kind {
	NUMASHIM_CALLS(CALL_KIND_CONSTANT)
	CALL_KINDS,
};

extern const char *const call_kind_names[CALL_KINDS];

/* What became of the pages a move_pages call named. */
struct page_tally {
	/*
	 * A move's page reported on its requested node: moved there, or
	 * already there, which the kernel answers alike.
	 */
	uint64_t on_target;
	/* A move's page reported on another node than requested. */
	uint64_t elsewhere;
	/* A query's page (nodes NULL) found on a node. */
	uint64_t located;
	/* Not told by the trace: the call failed, or status was not recorded. */
	uint64_t unknown;
	/* Pages whose status is a negative error code, by code. */
	struct code_counts failed;
	/* Pages whose status a rewrite rule made up, by code: not in failed. */
	struct code_counts injected;
};

struct site;
struct node_cells;
struct call_rewrite;
struct call_placement;
struct call_page_states;
struct interleave_weights;

/*
 * What a policy call with its entry asked of the kernel, or got from a
 * rewrite rule: set_mempolicy's policy for the thread, mbind's for a
 * range, set_mempolicy_home_node's home node for a range.
 */
struct call_policy {
	uint64_t mode;		/* with its mode flags */
	uint32_t flags;		/* mbind: MPOL_MF_* */
	uint64_t start;		/* mbind, home node: the range's address */
	uint64_t len;		/* and its length, as passed */
	uint64_t home_node;
	/* The node mask as numactl writes it; NULL: not recorded whole. */
	const char *nodes;
};

/* A finished call, as the views count it. */
struct call_record {
	enum call_kind kind;
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	int64_t tid;
	int64_t rank;		/* in its job (numashim:machine); -1: not told */
	const char *procname;
	bool has_entry;		/* false: the entry event was lost */
	uint64_t asked;		/* move_pages: count */
	/*
	 * move_pages: the nodes the program asked for, as a node list;
	 * NULL for a query or a nodes array the trace lacks in part.
	 */
	const char *targets;
	uint64_t bytes;		/* mbind: what the kernel bound, see calls.c */
	const struct page_tally *pages;	/* move_pages with its entry */
	const struct node_cells *cells;	/* its pages by node; NULL: none */
	struct site *site;		/* where the program called */
	/* What a rewrite rule did to the call; NULL: none did. */
	const struct call_rewrite *rewrite;
	/* set_mempolicy, mbind and home node calls with their entry; else NULL. */
	const struct call_policy *policy;
	int32_t injected_err;	/* the errno a rule made up; 0: the kernel's */
	/* Weighted interleave's weights in force (weights.h); NULL: none. */
	const struct interleave_weights *weights;
	/* Where its pages were before and after (placement.h); NULL: not told. */
	const struct call_placement *placement;
	/* move_pages: the state of its failed pages (pagestate.h); NULL: none. */
	const struct call_page_states *page_states;
	uint64_t start_ns;	/* when, in ns from the clock's origin */
	/*
	 * The backtrace's frames, innermost first, when a writer asked
	 * for them (views.h) and the entry recorded one; else none.
	 */
	struct site *const *frames;
	size_t frame_count;
	int64_t ret;
	int32_t err;
	uint64_t latency_ns;
};

#define PROCNAME_MAX 32

struct summary_row {
	enum call_kind kind;
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	int64_t tid;		/* -1 unless the summary is per thread */
	char procname[PROCNAME_MAX];
	uint64_t calls;		/* calls with an exit event */
	uint64_t no_exit;	/* calls whose exit is not in the trace */
	struct code_counts errors;	/* failed calls by errno */
	/* Calls failed by a rewrite rule, not the kernel: not in errors. */
	struct code_counts injected;
	uint64_t asked;
	uint64_t bytes;
	uint64_t not_moved;	/* sum of positive returns: pages not moved */
	struct page_tally pages;
	struct histogram latency;
};

struct summary {
	bool per_thread;
	void *rows;		/* tsearch(3) tree of struct summary_row */
	size_t row_count;
	uint64_t numashim_events;
	uint64_t first_ns, last_ns;	/* the span of those events */
	uint64_t discarded_events;
	/* Discarded-events messages that could not say how many. */
	uint64_t uncounted_discards;
	uint64_t discarded_packets;
	/*
	 * Streams whose clock says nothing of where the Unix epoch lies:
	 * their times count from boot, not dates.
	 */
	uint64_t streams_without_epoch;
	uint64_t calls_without_entry;
	uint64_t calls_without_exit;
	/* Calls whose call site lies in no binary the trace tells of. */
	uint64_t calls_in_no_binary;
	/* mbind entries with no page_size, whose bytes are rounded to 4 KiB. */
	uint64_t calls_without_page_size;
	/*
	 * Placements whose page queries failed (their moves are not
	 * counted), and mbind placements of a range longer than the pages
	 * queried (counted over the first pages only).
	 */
	uint64_t placements_unread;
	uint64_t placements_cut;
	/* CONTEXT_MISSING() bits: contexts some numashim events lack. */
	unsigned int missing_contexts;
	/*
	 * Event classes of numashim's or lttng-ust's not laid out as their
	 * tracepoints, and the events of theirs not read.
	 */
	uint64_t malformed_types;
	uint64_t malformed_events;
	/* Why the trace could not be read to its end; NULL when it was. */
	const char *read_error;
};

void summary_init(struct summary *s, bool per_thread);
void summary_fini(struct summary *s);

/* Both return 0, or -1 when out of memory. */
int summary_add_call(struct summary *s, const struct call_record *c);
int summary_add_unfinished(struct summary *s, enum call_kind kind,
			   int64_t vpid, int64_t tid, const char *procname);

/* The rows, sorted by call kind, process and thread; free() the array. */
struct summary_row **summary_rows(const struct summary *s, size_t *count);

/* Add src's figures to dst's, whatever their process; 0, or -1: no memory. */
int summary_row_merge(struct summary_row *dst, const struct summary_row *src);
/* Free what a row holds, not the row. */
void summary_row_fini(struct summary_row *row);

/* Percentiles of the latency that every format gives: p50, p90, p99. */
extern const double latency_quantiles[3];

/* Pages asked for per second spent in the calls; < 0 when no time. */
double pages_per_second(const struct summary_row *row);

int page_tally_merge(struct page_tally *dst, const struct page_tally *src);
uint64_t page_tally_total(const struct page_tally *t);

#endif /* NUMASHIM_SUMMARY_H */
