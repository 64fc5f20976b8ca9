/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The machine's NUMA facts that each process recorded
 * (numashim:machine, then a numashim:machine_node event per online
 * node): those of its first recorded call, and those of the last call
 * that recorded them again, one the kernel failed whole, by process
 * (vpid). They are the evidence of why a call failed (which nodes were
 * online or had memory, how full, which the cpuset allowed); no view
 * shows them yet.
 */
#ifndef NUMASHIM_MACHINE_FACTS_H
#define NUMASHIM_MACHINE_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine_node {
	uint32_t node;
	bool has_memory;
	bool has_cpu;
	bool memory_only;	/* memory and no CPU */
	int64_t mem_total_kb;	/* -1: the shim could not read it */
	int64_t mem_free_kb;
	/* To each online node, in the order of the facts' nodes. */
	uint8_t *distances;
	size_t distances_len;
};

struct machine_facts {
	uint64_t call_id;	/* the call they were recorded at */
	char *release;		/* the kernel's, as uname(2) gives it */
	int32_t numa_balancing;	/* -1: unreadable */
	/* Online nodes: as many as the machine event says, and those read. */
	uint32_t nodes_announced;
	struct machine_node *nodes;
	size_t node_count;
	int32_t *mems_allowed;	/* the process's Mems_allowed, ascending */
	size_t mems_allowed_len;
	/* Weighted interleave's, as struct interleave_weights has them. */
	uint32_t *weight_nodes;
	uint8_t *weights;
	size_t weights_len;
	/* The host's name, and the rank in a job; "" and -1: not told. */
	char *host;
	int64_t rank;
	char *rank_variable;	/* of the environment, that gave it */
};

struct process_machine {
	int64_t vpid;
	struct machine_facts *first;
	struct machine_facts *latest;	/* first, until recorded again */
};

struct machines {
	void *tree;		/* tsearch(3) tree of struct process_machine */
};

/*
 * Each returns 0, or -1 when out of memory. The facts f of a machine
 * event of the process vpid, without their nodes; the arrays are copied.
 */
int machines_begin(struct machines *m, int64_t vpid,
		   const struct machine_facts *f);

/*
 * A node of the facts the process vpid recorded last, when they are
 * those of call_id and still short of a node; else nothing.
 */
int machines_add_node(struct machines *m, int64_t vpid, uint64_t call_id,
		      const struct machine_node *n);

/* What the process vpid recorded; NULL: nothing. */
const struct process_machine *machines_find(const struct machines *m,
					    int64_t vpid);

void machines_fini(struct machines *m);

#endif /* NUMASHIM_MACHINE_FACTS_H */
