/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The weights of weighted interleave each process recorded last
 * (numashim:interleave_weights), for the calls that use them.
 */
#ifndef NUMASHIM_WEIGHTS_H
#define NUMASHIM_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The weights of weighted interleave in force for a call, which decide
 * where its pages go: node nodes[i] gets weights[i] pages in each round
 * of its interleave, for i below len, nodes ascending. These are every
 * node that has a weight file (/sys/kernel/mm/mempolicy/
 * weighted_interleave/nodeN), not only those of the call's node mask.
 * The call record's weights (summary.h) point here: set for a
 * set_mempolicy or mbind call that gave the kernel MPOL_WEIGHTED_INTERLEAVE
 * (the mode a rewrite rule gave it, and none when a rule failed the
 * call), to the weights its process recorded last
 * (numashim:interleave_weights, which comes before the exit of the first
 * such call of a process and of the first after they changed); NULL for
 * every other call, and when the process recorded none (a kernel before
 * Linux 6.9, or the event lost). Valid while the view counts the call.
 */
struct interleave_weights {
	const uint32_t *nodes;
	const uint8_t *weights;
	size_t len;
};

/* Each process's last weights. */
struct weights_table {
	void *tree;		/* tsearch(3) tree of struct process_weights */
};

/*
 * The weights the process vpid recorded, n nodes and their weights, for
 * its calls from now on; 0, or -1 when out of memory.
 */
int weights_set(struct weights_table *t, int64_t vpid, const uint32_t *nodes,
		const uint8_t *weights, size_t n);

/*
 * The weights in force for a call of the process vpid that gave the
 * kernel mode (with its mode flags): the process's last, for weighted
 * interleave; else NULL.
 */
const struct interleave_weights *weights_in_force(struct weights_table *t,
						  int64_t vpid, uint64_t mode);

/* Forget every process's weights. */
void weights_fini(struct weights_table *t);

#endif /* NUMASHIM_WEIGHTS_H */
