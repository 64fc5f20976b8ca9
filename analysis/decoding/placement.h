/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Where the pages of an mbind() with a move or of a migrate_pages() were
 * before and after the call (numashim:placement, recorded with
 * --verify-placement), kept from the event until the call's exit, which
 * hands it to the views; and what the call moved to each node.
 */
#ifndef NUMASHIM_PLACEMENT_H
#define NUMASHIM_PLACEMENT_H

#include <stddef.h>
#include <stdint.h>

#include <babeltrace2/babeltrace.h>

#include "call-key.h"

struct call_placement {
	struct call_key key;	/* first, for the tree */
	uint64_t pages;		/* the range's, or the process's before */
	uint64_t queried;	/* of them, those the queries covered */
	int32_t err;		/* of a query that failed; 0: none */
	/* The nodes that held pages, ascending, and their pages. */
	uint32_t *nodes;
	uint64_t *before;
	uint64_t *after;
	size_t len;
	uint64_t absent_before;	/* no page, or not mapped */
	uint64_t absent_after;
};

struct placements {
	void *tree;		/* tsearch(3) tree of struct call_placement */
};

/*
 * The placement event payload p of the call call_id of process vpid,
 * kept for its exit; one of an event whose arrays disagree in length is
 * not. 0, or -1 when out of memory.
 */
int placements_read(struct placements *t, int64_t vpid, uint64_t call_id,
		    const bt_field *p);

/* The call's placement, now the caller's to free; NULL: none. */
struct call_placement *placements_take(struct placements *t, int64_t vpid,
				       uint64_t call_id);
void placement_free(struct call_placement *p);
void placements_fini(struct placements *t);

/*
 * The pages the call moved to nodes[i]: the node's gain, as far as the
 * other nodes lost pages (pages faulted in meanwhile, by other threads,
 * are no move); when the gains of all nodes outgrow the losses, each
 * gain is cut in proportion.
 */
uint64_t placement_moved_to(const struct call_placement *p, size_t i);

/*
 * The pages the call moved from nodes[i]: the node's loss, as far as
 * the other nodes gained pages (pages freed meanwhile are no move);
 * when the losses outgrow the gains, each is cut in proportion.
 */
uint64_t placement_moved_from(const struct call_placement *p, size_t i);

#endif /* NUMASHIM_PLACEMENT_H */
