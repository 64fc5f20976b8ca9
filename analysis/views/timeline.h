/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The timeline view's figures: calls by kind, failed calls, and what the
 * trace says the calls moved, in buckets of time counted from the first
 * numashim event (or --begin, when later). A call falls in the bucket of
 * its entry event's time. Buckets start TIMELINE_FIRST_WIDTH_NS wide;
 * when a call falls past the last one, neighbouring pairs are merged and
 * the width doubles, so TIMELINE_BUCKETS cover any duration and the
 * figures stay a fixed size per node however long the trace.
 */
#ifndef NUMASHIM_TIMELINE_H
#define NUMASHIM_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "summary.h"

#define TIMELINE_BUCKETS 64
#define TIMELINE_FIRST_WIDTH_NS 1000

struct timeline_bucket {
	uint64_t calls[CALL_KINDS];	/* calls with an exit event */
	uint64_t failed[CALL_KINDS];	/* those that returned an error */
	/* migrate_pages' positive returns: the pages it could not move. */
	uint64_t not_migrated;
	uint64_t mbind_bytes;		/* the bytes mbind's calls bound */
};

/* A thread's calls with an exit in each bucket, and those that failed. */
struct timeline_lane {
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	int64_t tid;
	char procname[PROCNAME_MAX];
	uint64_t calls[TIMELINE_BUCKETS];
	uint64_t failed[TIMELINE_BUCKETS];
};

struct timeline {
	bool started;
	uint64_t floor_ns;	/* no origin earlier than this (--begin) */
	uint64_t origin_ns;	/* from the clock's origin */
	uint64_t width_ns;
	size_t used;		/* buckets up to the last one counted in */
	struct timeline_bucket buckets[TIMELINE_BUCKETS];
	/*
	 * move_pages' pages whose status after a move is a node, and the
	 * pages that numashim:placement says mbind and migrate_pages moved
	 * to it, by that node: nodes[i]'s count in bucket b is
	 * moved[i * TIMELINE_BUCKETS + b]. The nodes seen so far, in
	 * increasing order.
	 */
	int32_t *nodes;
	size_t node_count;
	uint64_t *moved;
	/* mbind and migrate_pages calls with a numashim:placement. */
	uint64_t placements;
	/* tsearch(3) tree of struct timeline_lane, by process and thread. */
	void *lanes;
	size_t lane_count;
};

void timeline_init(struct timeline *t, uint64_t floor_ns);
void timeline_fini(struct timeline *t);

/* A numashim event at time_ns: the first one sets the origin. */
void timeline_see(struct timeline *t, uint64_t time_ns);

/* Count a finished call; 0, or -1 when out of memory. */
int timeline_add_call(struct timeline *t, const struct call_record *c);

/*
 * The lanes in the order of their processes and threads, as a new array
 * of lane_count; NULL when out of memory (or when there is none).
 */
const struct timeline_lane **timeline_lanes(const struct timeline *t);

/* The pages moved to nodes[node] in bucket b. */
uint64_t timeline_moved(const struct timeline *t, size_t node, size_t b);

#endif /* NUMASHIM_TIMELINE_H */
