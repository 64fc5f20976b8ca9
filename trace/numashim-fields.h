/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The payload fields of every numashim event, in order, one table per
 * event. The tracepoint provider (numashim-tp.h) expands each into its
 * ctf_* fields; the report expands the same table into the layout it
 * holds each event class of a trace to, so that a metadata in which a
 * field is missing, added, renamed, moved or of another type is told
 * apart from numashim's own instead of being read shifted.
 *
 * F(kind, ctype, name, value...), one per field:
 * - int, hex: an integer of ctype, shown in decimal or hexadecimal;
 * - int_added, string_added: an int or a string that the first
 *   releases did not record, which their traces lack;
 * - via, error, array, mapping: an integer of ctype, labelled by numashim's
 *   enumeration of that name;
 * - ints, hexes: a sequence of ctype, in decimal or hexadecimal, value
 *   being the elements and their count;
 * - string: a string (ctype char).
 * The values are expressions of the tracepoint's arguments, by the names
 * numashim-tp.h gives them; the report never evaluates them.
 */
#ifndef NUMASHIM_FIELDS_H
#define NUMASHIM_FIELDS_H

/* Opens every event, so that a session can keep one run's events. */
#define NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, run, numashim_run_id())

/* The fields that open every entry event, of the call c. */
#define NUMASHIM_CALL_FIELDS(F)						\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, c->id)				\
	F(int, int32_t, tid, c->tid)					\
	F(via, int, via, c->via)

#define NUMASHIM_BACKTRACE_FIELDS(F)					\
	F(hexes, uint64_t, backtrace, c->backtrace, c->backtrace_len)

/* The entry events: the call c, its arguments a. */
#define NUMASHIM_MOVE_PAGES_ENTRY_FIELDS(F)				\
	NUMASHIM_CALL_FIELDS(F)						\
	F(int, int32_t, pid, a->pid)					\
	F(int, uint64_t, count, a->count)				\
	F(int_added, uint32_t, page_size, numashim_page_size())		\
	F(hex, uint64_t, pages_ptr, (uintptr_t) a->pages)		\
	F(hex, uint64_t, nodes_ptr, (uintptr_t) a->nodes)		\
	F(hex, uint64_t, status_ptr, (uintptr_t) a->status)		\
	F(hex, int32_t, flags, a->flags)				\
	NUMASHIM_BACKTRACE_FIELDS(F)

#define NUMASHIM_MIGRATE_PAGES_ENTRY_FIELDS(F)				\
	NUMASHIM_CALL_FIELDS(F)						\
	F(int, int32_t, pid, a->pid)					\
	F(int, uint64_t, maxnode, a->maxnode)				\
	F(hex, uint64_t, old_nodes_ptr, (uintptr_t) a->old_nodes)	\
	F(hex, uint64_t, new_nodes_ptr, (uintptr_t) a->new_nodes)	\
	NUMASHIM_BACKTRACE_FIELDS(F)

#define NUMASHIM_MBIND_ENTRY_FIELDS(F)					\
	NUMASHIM_CALL_FIELDS(F)						\
	F(hex, uint64_t, addr, (uintptr_t) a->addr)			\
	F(int, uint64_t, len, a->len)					\
	F(int_added, uint32_t, page_size, numashim_page_size())		\
	F(hex, uint64_t, mode, a->mode)					\
	F(hex, uint64_t, nodemask_ptr, (uintptr_t) a->nodemask)		\
	F(int, uint64_t, maxnode, a->maxnode)				\
	F(hex, uint32_t, flags, a->flags)				\
	NUMASHIM_BACKTRACE_FIELDS(F)

/*
 * set_mempolicy's mode split as the kernel splits it: the mode flags
 * (MPOL_MODE_FLAGS) and the rest, which together give the argument.
 */
#define NUMASHIM_SET_MEMPOLICY_ENTRY_FIELDS(F)				\
	NUMASHIM_CALL_FIELDS(F)						\
	F(int, int32_t, mode, a->mode & ~NUMASHIM_MPOL_MODE_FLAG_MASK)	\
	F(hex, uint32_t, mode_flags, a->mode & NUMASHIM_MPOL_MODE_FLAG_MASK) \
	F(hex, uint64_t, nodemask_ptr, (uintptr_t) a->nodemask)		\
	F(int, uint64_t, maxnode, a->maxnode)				\
	NUMASHIM_BACKTRACE_FIELDS(F)

#define NUMASHIM_GET_MEMPOLICY_ENTRY_FIELDS(F)				\
	NUMASHIM_CALL_FIELDS(F)						\
	F(hex, uint64_t, mode_ptr, (uintptr_t) a->mode)			\
	F(hex, uint64_t, nodemask_ptr, (uintptr_t) a->nodemask)		\
	F(int, uint64_t, maxnode, a->maxnode)				\
	F(hex, uint64_t, addr, (uintptr_t) a->addr)			\
	F(hex, uint64_t, flags, a->flags)				\
	NUMASHIM_BACKTRACE_FIELDS(F)

#define NUMASHIM_SET_MEMPOLICY_HOME_NODE_ENTRY_FIELDS(F)		\
	NUMASHIM_CALL_FIELDS(F)						\
	F(hex, uint64_t, start, a->start)				\
	F(int, uint64_t, len, a->len)					\
	F(int, uint64_t, home_node, a->home_node)			\
	F(hex, uint64_t, flags, a->flags)				\
	NUMASHIM_BACKTRACE_FIELDS(F)

/* The fields that open every exit event, of the result r. */
#define NUMASHIM_RESULT_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, r->id)				\
	F(int, int64_t, ret, r->ret)					\
	F(error, int32_t, err, r->err)					\
	F(int, uint64_t, latency_ns, r->latency_ns)			\
	F(hex, uint32_t, incomplete, r->incomplete)

/* The exit events: the arrays are the arguments of their names. */
#define NUMASHIM_MOVE_PAGES_EXIT_FIELDS(F)				\
	NUMASHIM_RESULT_FIELDS(F)					\
	F(hexes, uint64_t, pages, pages->v, pages->len)			\
	F(ints, int32_t, nodes, nodes->v, nodes->len)			\
	F(ints, int32_t, status, status->v, status->len)

#define NUMASHIM_MIGRATE_PAGES_EXIT_FIELDS(F)				\
	NUMASHIM_RESULT_FIELDS(F)					\
	F(ints, int32_t, old_nodes, old_nodes->v, old_nodes->len)	\
	F(ints, int32_t, new_nodes, new_nodes->v, new_nodes->len)

#define NUMASHIM_MBIND_EXIT_FIELDS(F)					\
	NUMASHIM_RESULT_FIELDS(F)					\
	F(ints, int32_t, nodemask, nodemask->v, nodemask->len)

#define NUMASHIM_SET_MEMPOLICY_EXIT_FIELDS(F)				\
	NUMASHIM_RESULT_FIELDS(F)					\
	F(ints, int32_t, nodemask, nodemask->v, nodemask->len)

/* What get_mempolicy wrote into *mode, g, and into its nodemask. */
#define NUMASHIM_GET_MEMPOLICY_EXIT_FIELDS(F)				\
	NUMASHIM_RESULT_FIELDS(F)					\
	F(int, int32_t, mode, g->mode)					\
	F(hex, uint32_t, mode_flags, g->mode_flags)			\
	F(int, int32_t, node, g->node)					\
	F(ints, int32_t, nodemask, nodemask->v, nodemask->len)

#define NUMASHIM_SET_MEMPOLICY_HOME_NODE_EXIT_FIELDS(F)			\
	NUMASHIM_RESULT_FIELDS(F)

/* The rewrite w of a call, and its arrays. */
#define NUMASHIM_REWRITE_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, w->id)				\
	F(int, uint32_t, rule, w->rule_no)				\
	F(string, char, rule_text, w->rule_text)			\
	F(error, int32_t, injected_err, w->injected_err)		\
	F(int, uint8_t, dry_run, w->dry_run)				\
	F(hex, int32_t, flags, w->flags)				\
	F(hex, uint64_t, mode, w->mode)					\
	F(int, uint64_t, maxnode, w->maxnode)				\
	F(ints, int32_t, kernel_nodes, kernel_nodes->v, kernel_nodes->len) \
	F(hexes, uint64_t, injected, injected->v, injected->len)

/*
 * The weights of weighted interleave in force when the call call_id
 * asked for the mode, w: each node that has a weight file, and its
 * weight, in the same order.
 */
#define NUMASHIM_INTERLEAVE_WEIGHTS_FIELDS(F)				\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, w->id)				\
	F(ints, uint32_t, nodes, w->nodes, w->len)			\
	F(ints, uint8_t, weights, w->weights, w->len)

/*
 * The machine's NUMA facts m as the call call_id found them, its first
 * recorded call in the process or one that failed whole: the kernel's
 * release, numa_balancing (-1: unreadable), the nodes the process may
 * allocate on (Mems_allowed_list), the weights of weighted interleave
 * as interleave_weights has them, how many machine_node events, one
 * per online node, follow; the host's name (uname(2)'s nodename), and
 * the process's rank in its job with the variable of the environment
 * that gave it (-1 and "": none).
 */
#define NUMASHIM_MACHINE_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, m->id)				\
	F(string, char, release, m->release)				\
	F(int, int32_t, numa_balancing, m->numa_balancing)		\
	F(int, uint32_t, nodes, m->nodes)				\
	F(ints, int32_t, mems_allowed, m->mems_allowed, m->mems_allowed_len) \
	F(ints, uint32_t, weight_nodes, m->weight_nodes, m->weights_len) \
	F(ints, uint8_t, weights, m->weights, m->weights_len)		\
	F(string_added, char, host, m->host)				\
	F(int_added, int64_t, rank, m->rank)				\
	F(string_added, char, rank_variable, m->rank_variable)

/*
 * One online node n of a machine event: whether it has memory and CPUs
 * (memory and no CPU: a memory-only node), its MemTotal and MemFree in
 * KiB (-1: unreadable), and its distances to every online node, in the
 * order of their node numbers.
 */
#define NUMASHIM_MACHINE_NODE_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, n->id)				\
	F(int, uint32_t, node, n->node)					\
	F(int, uint8_t, has_memory, n->has_memory)			\
	F(int, uint8_t, has_cpu, n->has_cpu)				\
	F(int, int64_t, mem_total_kb, n->mem_total_kb)			\
	F(int, int64_t, mem_free_kb, n->mem_free_kb)			\
	F(ints, uint8_t, distances, n->distances, n->distances_len)

/*
 * Where the pages of the call call_id were, p, before and after it
 * (numashim:placement): the pages it concerns and how many of them were
 * queried, the errno of a query that failed (0: none), the nodes that
 * held some, ascending, with their pages before and after, and the pages
 * the query found absent (no page, or not mapped) before and after.
 */
#define NUMASHIM_PLACEMENT_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, p->id)				\
	F(int, uint64_t, pages, p->pages)				\
	F(int, uint64_t, queried, p->queried)				\
	F(error, int32_t, err, p->err)					\
	F(ints, uint32_t, nodes, p->nodes, p->len)			\
	F(ints, uint64_t, before, p->before, p->len)			\
	F(ints, uint64_t, after, p->after, p->len)			\
	F(int, uint64_t, absent_before, p->absent_before)		\
	F(int, uint64_t, absent_after, p->absent_after)

/*
 * The state of one failed page of the call call_id, g
 * (numashim:page_state): where it is in the call's pages array, its
 * address and status, then by source, each with the errno that reading
 * it gave (0: read): its pagemap entry, the mapping it lies in and its
 * facts (smaps), and its page frame's kpageflags and kpagecount.
 */
#define NUMASHIM_PAGE_STATE_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, g->id)				\
	F(int, uint64_t, index, g->index)				\
	F(hex, uint64_t, addr, g->addr)					\
	F(int, int32_t, status, g->status)				\
	F(int, int32_t, pagemap_err, g->pagemap_err)			\
	F(int, uint8_t, present, g->present)				\
	F(int, uint8_t, swapped, g->swapped)				\
	F(int, uint8_t, exclusive, g->exclusive)			\
	F(int, uint8_t, file_shared, g->file_shared)			\
	F(int, uint8_t, soft_dirty, g->soft_dirty)			\
	F(hex, uint64_t, pfn, g->pfn)					\
	F(int, int32_t, map_err, g->map_err)				\
	F(mapping, int, mapping, g->mapping)				\
	F(hex, uint64_t, map_start, g->map_start)			\
	F(hex, uint64_t, map_end, g->map_end)				\
	F(string, char, map_perms, g->map_perms)			\
	F(string, char, map_path, g->map_path)				\
	F(string, char, vm_flags, g->vm_flags)				\
	F(int, int64_t, anon_huge_kb, g->anon_huge_kb)			\
	F(int, int32_t, kpage_err, g->kpage_err)			\
	F(hex, uint64_t, kpageflags, g->kpageflags)			\
	F(int, int64_t, kpagecount, g->kpagecount)

/*
 * After the page_state events of the call call_id, g
 * (numashim:page_states): its failed pages, those with a page_state
 * event, those left out, and the left out by status.
 */
#define NUMASHIM_PAGE_STATES_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, g->id)				\
	F(int, uint64_t, failed, g->failed)				\
	F(int, uint64_t, recorded, g->recorded)				\
	F(int, uint64_t, left_out, g->left_out)				\
	F(ints, int32_t, left_statuses, g->statuses, g->len)		\
	F(ints, uint64_t, left_counts, g->counts, g->len)

/* The fields that open every event about a part of an array. */
#define NUMASHIM_ARRAY_FIELDS(F)					\
	NUMASHIM_RUN_FIELDS(F)						\
	F(int, uint64_t, call_id, call_id)				\
	F(array, int, array, array)

/* A chunk: the elements rec of the array from offset. */
#define NUMASHIM_ADDR_CHUNK_FIELDS(F)					\
	NUMASHIM_ARRAY_FIELDS(F)					\
	F(int, uint64_t, offset, offset)				\
	F(hexes, uint64_t, values, rec->v, rec->len)

#define NUMASHIM_INT_CHUNK_FIELDS(F)					\
	NUMASHIM_ARRAY_FIELDS(F)					\
	F(int, uint64_t, offset, offset)				\
	F(ints, int32_t, values, rec->v, rec->len)

#define NUMASHIM_ARRAY_INCOMPLETE_FIELDS(F)				\
	NUMASHIM_ARRAY_FIELDS(F)					\
	F(int, uint64_t, recorded, recorded)				\
	F(int, uint64_t, expected, expected)				\
	F(int, int32_t, err, err)

#endif /* NUMASHIM_FIELDS_H */
