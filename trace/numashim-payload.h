/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the shim hands to the tracepoint provider: the calls' arguments as
 * the program passed them, the parts of their arrays that were copied out
 * of the program's memory, and the results. Readers see the enumerations'
 * labels ("pages", "syscall", ...) in the array and via fields; the
 * arrays are named in numashim-calls.h.
 */
#ifndef NUMASHIM_PAYLOAD_H
#define NUMASHIM_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "numashim-calls.h"

enum numashim_via {
	NUMASHIM_VIA_FUNCTION = 0,	/* move_pages(), mbind(), set_mempolicy()... */
	NUMASHIM_VIA_SYSCALL = 1,	/* syscall(SYS_...) */
};

/*
 * The arrays of a call are read once the kernel has answered. An array of
 * up to NUMASHIM_INLINE_LEN elements rides in the exit event; a longer one
 * goes whole into chunk events of up to NUMASHIM_CHUNK_LEN elements, before
 * the exit event. The largest events, an addr_chunk of 1024 addresses and
 * move_pages_exit with 512 addresses, 512 nodes and 512 statuses, are about
 * 8 KiB: within the 16 KiB sub-buffers of lttng's smallest default
 * (per-process buffers) and far within the 512 KiB of per-user ones. An
 * event larger than a sub-buffer would be dropped.
 */
#define NUMASHIM_CHUNK_LEN 1024
#define NUMASHIM_INLINE_LEN 512

/* From NUMASHIM_RUN: the record run of this process, 0 outside one. */
uint64_t numashim_run_id(void);

/* sysconf(_SC_PAGESIZE), asked once. */
uint32_t numashim_page_size(void);

/* What every entry event carries besides the call's own arguments. */
struct numashim_call {
	uint64_t id;
	int32_t tid;
	enum numashim_via via;
	const uint64_t *backtrace;
	size_t backtrace_len;
};

/* An array as recorded in one event. */
struct numashim_addrs {
	const uint64_t *v;
	size_t len;
};

struct numashim_ints {
	const int32_t *v;
	size_t len;
};

/* Arguments as in numaif.h, whichever entry point the call came through. */
struct numashim_move_pages_args {
	int pid;
	unsigned long count;
	void **pages;
	const int *nodes;
	int *status;
	int flags;
};

struct numashim_migrate_pages_args {
	int pid;
	unsigned long maxnode;
	const unsigned long *old_nodes;
	const unsigned long *new_nodes;
};

/* mode is as wide as the kernel reads it: syscall() passes all 64 bits. */
struct numashim_mbind_args {
	void *addr;
	unsigned long len;
	unsigned long mode;
	const unsigned long *nodemask;
	unsigned long maxnode;
	unsigned int flags;
};

/* mode as the kernel reads it, an int, with its mode flags. */
struct numashim_set_mempolicy_args {
	int mode;
	const unsigned long *nodemask;
	unsigned long maxnode;
};

/* flags as wide as the kernel reads it, as mbind's mode. */
struct numashim_get_mempolicy_args {
	int *mode;
	unsigned long *nodemask;
	unsigned long maxnode;
	void *addr;
	unsigned long flags;
};

struct numashim_set_mempolicy_home_node_args {
	unsigned long start;
	unsigned long len;
	unsigned long home_node;
	unsigned long flags;
};

/*
 * What get_mempolicy wrote into *mode: the policy and its mode flags,
 * or with MPOL_F_NODE a node; -1 (and no flags) for what it did not
 * write.
 */
struct numashim_policy_answer {
	int32_t mode;
	uint32_t mode_flags;
	int32_t node;
};

struct numashim_result {
	uint64_t id;
	int64_t ret;
	int32_t err;
	uint64_t latency_ns;
	uint32_t incomplete;	/* bit (1 << enum numashim_array) per array not recorded whole */
};

/* What a rewrite rule did to a call. */
struct numashim_rewrite_rec {
	uint64_t id;
	uint32_t rule_no;
	const char *rule_text;
	int32_t injected_err;	/* fail=: the errno made up, else 0 */
	uint8_t dry_run;
	int32_t flags;		/* move_pages and mbind: the flags the kernel got */
	uint64_t mode;		/* mbind: the mode the kernel got */
	uint64_t maxnode;	/* mbind, migrate_pages: the maxnode the kernel got */
};

/*
 * The most nodes whose weights are recorded: the kernel's MAX_NUMNODES at
 * its largest (CONFIG_NODES_SHIFT 10, Debian's).
 */
#define NUMASHIM_WEIGHTS_MAX 1024

/* The weighted interleave weights read for the call id, by node. */
struct numashim_weights_rec {
	uint64_t id;
	const uint32_t *nodes;
	const uint8_t *weights;
	size_t len;
};

/*
 * The most online nodes a machine event tells of, and the most nodes of
 * a Mems_allowed list: MAX_NUMNODES, as for the weights.
 */
#define NUMASHIM_NODES_MAX NUMASHIM_WEIGHTS_MAX

/* The machine's NUMA facts at the call id (numashim:machine). */
struct numashim_machine_rec {
	uint64_t id;
	const char *release;
	int32_t numa_balancing;		/* -1: unreadable */
	uint32_t nodes;			/* the machine_node events that follow */
	const int32_t *mems_allowed;
	size_t mems_allowed_len;
	const uint32_t *weight_nodes;
	const uint8_t *weights;
	size_t weights_len;
	const char *host;
	int64_t rank;			/* -1: none */
	const char *rank_variable;	/* that gave the rank; "": none */
};

/* One online node of the machine event of the call id. */
struct numashim_machine_node_rec {
	uint64_t id;
	uint32_t node;
	uint8_t has_memory;
	uint8_t has_cpu;
	int64_t mem_total_kb;		/* -1: unreadable */
	int64_t mem_free_kb;
	const uint8_t *distances;	/* to each online node, ascending */
	size_t distances_len;
};

/*
 * The most pages of an mbind() range whose nodes are queried before and
 * after the call (4 GiB of 4 KiB pages), so that a call on a huge range
 * costs a bounded time; a placement event's queried field says how far
 * the query went.
 */
#define NUMASHIM_PLACEMENT_PAGES_MAX (1UL << 20)

/* Where the pages of the call id were before and after it. */
struct numashim_placement_rec {
	uint64_t id;
	uint64_t pages;
	uint64_t queried;
	int32_t err;			/* of the query that failed; 0: none */
	const uint32_t *nodes;		/* ascending, each with some pages */
	const uint64_t *before;
	const uint64_t *after;
	size_t len;
	uint64_t absent_before;
	uint64_t absent_after;
};

/*
 * The most failed pages of one move_pages() call whose state a call
 * records (numashim:page_state); numashim:page_states counts the rest
 * by status.
 */
#define NUMASHIM_PAGE_STATES_MAX 1024

/*
 * The mappings a page may lie in, as /proc/PID/maps names them:
 * X(name, TAG), TAG giving NUMASHIM_MAPPING_TAG.
 */
#define NUMASHIM_MAPPINGS(X)						\
	X(unread, UNREAD)	/* maps could not be read */		\
	X(none, NONE)		/* the address is in no mapping */	\
	X(anonymous, ANONYMOUS)	/* private, without a file */		\
	X(heap, HEAP)		/* [heap] */				\
	X(stack, STACK)		/* [stack] */				\
	X(shared_memory, SHARED_MEMORY)	/* shared anonymous, SysV, memfd */ \
	X(file, FILE)		/* a file, its path in map_path */	\
	X(special, SPECIAL)	/* [vdso], [vvar] and the like */

#define NUMASHIM_MAPPING_CONSTANT(name, TAG) NUMASHIM_MAPPING_##TAG,

enum numashim_mapping {
	NUMASHIM_MAPPINGS(NUMASHIM_MAPPING_CONSTANT)
	NUMASHIM_MAPPING_KINDS
};

/*
 * What a page_state string holds when there is nothing to say (no path:
 * an anonymous mapping; no mapping): never a path, which maps prints
 * absolute or in brackets. Never empty, for babeltrace2 2.0.4 (Debian
 * 12's) shows an empty string as the string of an earlier event.
 */
#define NUMASHIM_NO_TEXT "-"

/*
 * The state of one failed page of the call id, the index-th of its
 * pages array. Each group of facts has the errno of the file it comes
 * from, 0 when it was read; the facts of a group that was not read are
 * 0 or NUMASHIM_NO_TEXT, and mean nothing.
 */
struct numashim_page_state_rec {
	uint64_t id;
	uint64_t index;
	uint64_t addr;
	int32_t status;
	/* /proc/PID/pagemap */
	int32_t pagemap_err;
	uint8_t present;
	uint8_t swapped;
	uint8_t exclusive;
	uint8_t file_shared;
	uint8_t soft_dirty;
	uint64_t pfn;			/* 0: not given */
	/* /proc/PID/smaps: the mapping, as maps has it, and its facts */
	int32_t map_err;
	enum numashim_mapping mapping;
	uint64_t map_start;
	uint64_t map_end;
	const char *map_perms;
	const char *map_path;
	const char *vm_flags;		/* as smaps spells them */
	int64_t anon_huge_kb;		/* -1: smaps has no AnonHugePages */
	/* /proc/kpageflags and /proc/kpagecount, of pfn */
	int32_t kpage_err;
	uint64_t kpageflags;
	int64_t kpagecount;
};

/*
 * The failed pages of the call id: how many there were, how many have a
 * page_state event, and the rest (left out) counted by status, the
 * statuses ascending.
 */
struct numashim_page_states_rec {
	uint64_t id;
	uint64_t failed;
	uint64_t recorded;
	uint64_t left_out;
	const int32_t *statuses;
	const uint64_t *counts;
	size_t len;
};

#endif /* NUMASHIM_PAYLOAD_H */
