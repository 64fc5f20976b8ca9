/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_SCRATCH_H
#define NUMASHIM_SCRATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/utsname.h>

#include "arrays.h"
#include "backtrace.h"
#include "numashim-payload.h"

/* Scratch for one chunk of any array: addresses or int32 values. */
union numashim_chunk {
	uint64_t addrs[NUMASHIM_CHUNK_LEN];
	int32_t ints[NUMASHIM_CHUNK_LEN];
};

/* Room for getdents64()'s entries: a few dozen at a time. */
#define NUMASHIM_WEIGHTS_DIRENTS 2048

/* The weighted interleave weights of a call, as weights.c reads them. */
struct numashim_weights {
	uint32_t nodes[NUMASHIM_WEIGHTS_MAX];
	uint8_t weights[NUMASHIM_WEIGHTS_MAX];
	size_t len;
	char dirents[NUMASHIM_WEIGHTS_DIRENTS]
		__attribute__((aligned(8)));
};

/*
 * Room for the text of one sysfs or procfs file: a node's distances to
 * 1024 others, or /proc/thread-self/status with masks of thousands of
 * CPUs.
 */
#define NUMASHIM_MACHINE_TEXT 16384

/* The machine's NUMA facts of a call, as machine.c reads them. */
struct numashim_machine {
	char text[NUMASHIM_MACHINE_TEXT];
	struct utsname uts;
	int32_t online[NUMASHIM_NODES_MAX];
	int32_t mems_allowed[NUMASHIM_NODES_MAX];
	uint8_t distances[NUMASHIM_NODES_MAX];
	/* The online nodes, N_MEMORY, N_CPU and Mems_allowed: a bit a node. */
	uint64_t online_bits[NUMASHIM_NODES_MAX / 64];
	uint64_t has_memory[NUMASHIM_NODES_MAX / 64];
	uint64_t has_cpu[NUMASHIM_NODES_MAX / 64];
	uint64_t mems_allowed_bits[NUMASHIM_NODES_MAX / 64];
};

/* The pages of an mbind() range asked of move_pages() at a time. */
#define NUMASHIM_PLACEMENT_QUERY 512

/* Room for a line of /proc/PID/numa_maps: its path, then its counts. */
#define NUMASHIM_PLACEMENT_LINE 8192

/*
 * Where a call's pages were before and after it, as placement.c counts
 * them: by node number while counting, then the nodes that hold some,
 * packed at the start of the three arrays for the event.
 */
struct numashim_placement {
	uint64_t before[NUMASHIM_NODES_MAX];
	uint64_t after[NUMASHIM_NODES_MAX];
	uint32_t nodes[NUMASHIM_NODES_MAX];
	uint64_t absent_before;
	uint64_t absent_after;
	uint64_t pages;
	uint64_t queried;
	int32_t err;
	/* mbind: the address of the range's first page */
	uintptr_t start;
	int pid;		/* migrate_pages: the process, 0 for itself */
	bool by_range;		/* mbind's range, or else a whole process */
	union {
		struct {
			void *pages[NUMASHIM_PLACEMENT_QUERY];
			int32_t status[NUMASHIM_PLACEMENT_QUERY];
		} query;
		char line[NUMASHIM_PLACEMENT_LINE];
	} io;
};

/* The most distinct statuses that page_states counts the pages left out by. */
#define NUMASHIM_PAGE_STATES_STATUSES 64

/*
 * Room for a line of /proc/PID/smaps: a mapping's header with a path of
 * up to PATH_MAX bytes, or its VmFlags.
 */
#define NUMASHIM_PAGE_STATE_LINE (4096 + 128)

/* A failed page of a move_pages() call, and its pagemap entry. */
struct numashim_failed_page {
	uint64_t index;
	uint64_t addr;
	uint64_t pagemap;
	int32_t status;
	int32_t pagemap_err;
	bool recorded;		/* its page_state event is out */
};

/* The mapping of /proc/PID/smaps being read, as pagestate.c parses it. */
struct numashim_smaps_entry {
	uint64_t start;
	uint64_t end;
	char perms[8];
	char path[NUMASHIM_PAGE_STATE_LINE];
	char vm_flags[256];
	int64_t anon_huge_kb;
	bool open;		/* a header was read, its page_state events not out */
};

/*
 * The failed pages of a call, as pagestate.c gathers and records them.
 * The events are emitted from within the walk of smaps, the deepest
 * point of a call: what they need is kept here, off the stack.
 */
struct numashim_page_states {
	uint64_t id;		/* the call's */
	void *ip;
	union {
		struct numashim_page_state_rec page;
		struct numashim_page_states_rec states;
	} rec;
	char path[40];		/* /proc/PID/... */
	struct numashim_failed_page pages[NUMASHIM_PAGE_STATES_MAX];
	size_t len;
	uint64_t failed;
	int32_t left_statuses[NUMASHIM_PAGE_STATES_STATUSES];
	uint64_t left_counts[NUMASHIM_PAGE_STATES_STATUSES];
	size_t left_len;
	int kpageflags_fd;
	int kpagecount_fd;
	int kpage_err;		/* of opening them */
	struct numashim_smaps_entry map;
	union {
		struct {
			uint64_t addrs[NUMASHIM_CHUNK_LEN];
			int32_t status[NUMASHIM_CHUNK_LEN];
		} scan;
		char line[NUMASHIM_PAGE_STATE_LINE];
	} io;
};

/*
 * Everything large that one intercepted call needs, kept off the
 * program's stack, which may be a small thread stack or a signal
 * handler's alternate one. The exit events' arrays and the rewrite
 * event's are never needed at once: the rewrite is recorded first.
 */
struct numashim_scratch {
	/* The backtrace, and the context and cursor of caller= rules. */
	struct numashim_unwind unwind;
	union numashim_chunk chunk;
	struct numashim_weights weights;
	struct numashim_machine machine;
	struct numashim_placement placement;
	struct numashim_page_states page_states;
	unsigned long masks[2][NUMASHIM_MASK_MAX_WORDS];
	union {
		struct {
			uint64_t pages[NUMASHIM_INLINE_LEN];
			int32_t nodes[NUMASHIM_INLINE_LEN];
			int32_t status[NUMASHIM_INLINE_LEN];
		} move_pages;
		struct {
			int32_t old_nodes[NUMASHIM_INLINE_LEN];
			int32_t new_nodes[NUMASHIM_INLINE_LEN];
		} migrate_pages;
		int32_t nodemask[NUMASHIM_INLINE_LEN];
		struct {
			int32_t kernel_nodes[NUMASHIM_CHUNK_LEN];
			uint64_t injected[NUMASHIM_CHUNK_LEN];
		} rewrite;
	} exit;
};

/* Maps the slots, once, from the library's constructor. */
void numashim_scratch_init(void);

/*
 * A free slot for the calling thread, or NULL when every slot is taken
 * (by as many calls at once, or by calls that signal handlers
 * interrupted) or the constructor has not run yet. Lock-free, so a
 * signal handler may take one while the code it interrupted holds
 * another.
 */
struct numashim_scratch *numashim_scratch_get(void);
void numashim_scratch_put(struct numashim_scratch *s);

/*
 * Room for a move_pages() node array that a rule rewrites: as many pages
 * as a call may name for its nodes to be rewritten (4 MiB of ints).
 */
#define NUMASHIM_SCRATCH_NODES_MAX (1UL << 20)

/* Reserves the room, once, from the constructor, when there are rules. */
void numashim_scratch_nodes_init(void);

/*
 * Room for count nodes, or NULL when count is more than the maximum,
 * every region is taken, or there are no regions. Lock-free as above.
 */
int *numashim_scratch_nodes_get(unsigned long count);
void numashim_scratch_nodes_put(int *nodes);

#endif /* NUMASHIM_SCRATCH_H */
