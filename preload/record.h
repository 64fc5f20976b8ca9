/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What every recorded call goes through, whatever the call: its number,
 * its entry-side state (thread, entry point, backtrace), the clock and
 * errno around the kernel's part, and its arrays for the exit event.
 */
#ifndef NUMASHIM_RECORD_H
#define NUMASHIM_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "arrays.h"
#include "gate.h"
#include "numashim-tp.h"
#include "scratch.h"

/*
 * Whether a session records the call's events: one enables them, and a
 * recording of the process's run is on, not only another run's.
 */
#define NUMASHIM_TRACING(call)						\
	((lttng_ust_tracepoint_enabled(numashim, call##_entry) ||	\
	  lttng_ust_tracepoint_enabled(numashim, call##_exit)) &&	\
	 numashim_gate_open())

/*
 * The next call's number in the process, from 1: its call_id, and what
 * seq= rules count. Every intercepted call takes one when it is recorded
 * or may be rewritten, so that the count is the same either way.
 */
uint64_t numashim_call_number(void);

/* Entry-side state of a call being recorded. */
struct numashim_recorded_call {
	struct numashim_call call;
	struct numashim_result res;
	uint64_t start_ns;
	int program_errno;	/* its own before the call, the kernel's after */
};

struct numashim_rewrite;

/*
 * Before the entry event, which may touch errno: the call rw numbered,
 * with its scratch (NULL: none, no backtrace), through syscall() when it
 * has raw arguments, from ip.
 */
void numashim_record_enter(struct numashim_recorded_call *rc,
			   const struct numashim_rewrite *rw, const void *ip);
/* Just before the kernel: the program's errno back, the clock started. */
void numashim_record_call_start(struct numashim_recorded_call *rc);
/* Just after: the kernel's errno and ret kept, for the exit event. */
void numashim_record_call_end(struct numashim_recorded_call *rc, long ret);

/*
 * The program's array for the exit event, into exit_buf, or into its
 * chunk events; none without scratch.
 */
size_t numashim_record_take(struct numashim_array_src *src,
			    struct numashim_scratch *s, uint64_t id,
			    void *exit_buf, void *ip);

/*
 * A node mask of the program's, array id, for the exit event (rec->v, or
 * NULL: none) or its chunk events: the first maxnode - 1 bits at mask,
 * copied into words (numashim_mask_init()); accessed when the kernel
 * has just read or written it whole. Sets rec->len; returns the mask's
 * bit of the exit event's "incomplete" field.
 */
uint32_t numashim_record_mask(struct numashim_ints *rec,
			      enum numashim_array id,
			      const unsigned long *mask, unsigned long maxnode,
			      unsigned long *words, bool accessed,
			      struct numashim_scratch *s, uint64_t call_id,
			      void *ip);

/*
 * What the rule did to the call, after the kernel answered (or would have):
 * kernel_nodes is the source of the target nodes the kernel got,
 * kernel_old_nodes (migrate_pages only, else NULL) of the nodes it took
 * pages from, pages the length of move_pages' status array. Taken only
 * by calls that a rule changed, before the program's own arrays are
 * read: it has the exit buffers to itself.
 */
uint32_t numashim_record_rewrite(const struct numashim_rewrite *rw, uint64_t id,
				 int32_t flags, uint64_t mode, uint64_t maxnode,
				 struct numashim_array_src *kernel_nodes,
				 struct numashim_array_src *kernel_old_nodes,
				 uint64_t pages, void *ip);

/*
 * Before the exit event, once the call's arrays are recorded: the
 * machine's NUMA facts (machine.h), at the process's first recorded
 * call and, when whole_failures says the call is one whose failure they
 * may explain, at a failure of the kernel's (not one a rule made up).
 */
void numashim_record_machine(const struct numashim_recorded_call *rc,
			     const struct numashim_rewrite *rw,
			     bool whole_failures, void *ip);

#endif /* NUMASHIM_RECORD_H */
