/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The numashim tracepoint provider. Every intercepted call gives an entry
 * event before the kernel sees it, with the scalar arguments and the
 * backtrace, and an exit event after, with the result and the arrays, tied
 * by call_id. Arrays longer than NUMASHIM_INLINE_LEN go into chunk events
 * between the two instead, and an array that could not be copied whole
 * gets an array_incomplete event.
 * doc/numashim.7 is the reference for readers of these events.
 */
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER numashim

#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "./numashim-tp.h"

#if !defined(NUMASHIM_TP_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define NUMASHIM_TP_H

#include <lttng/tracepoint.h>
#include "numashim-codes.h"
#include "numashim-fields.h"
#include "numashim-payload.h"

/* The array an event's values belong to, by name. */
#define NUMASHIM_ARRAY_VALUE(name, TAG, value)				\
	ctf_enum_value(#name, NUMASHIM_ARRAY_##TAG)

LTTNG_UST_TRACEPOINT_ENUM(numashim, array,
	LTTNG_UST_TP_ENUM_VALUES(
		NUMASHIM_ARRAYS(NUMASHIM_ARRAY_VALUE)
	)
)

LTTNG_UST_TRACEPOINT_ENUM(numashim, via,
	LTTNG_UST_TP_ENUM_VALUES(
		ctf_enum_value("function", NUMASHIM_VIA_FUNCTION)
		ctf_enum_value("syscall", NUMASHIM_VIA_SYSCALL)
	)
)

#define NUMASHIM_MAPPING_VALUE(name, TAG)				\
	ctf_enum_value(#name, NUMASHIM_MAPPING_##TAG)

LTTNG_UST_TRACEPOINT_ENUM(numashim, mapping,
	LTTNG_UST_TP_ENUM_VALUES(
		NUMASHIM_MAPPINGS(NUMASHIM_MAPPING_VALUE)
	)
)

/* errno as a name; "none" when the call succeeded. */
#define NUMASHIM_ERROR_VALUE(code) ctf_enum_value(#code, code)

LTTNG_UST_TRACEPOINT_ENUM(numashim, error,
	LTTNG_UST_TP_ENUM_VALUES(
		ctf_enum_value("none", 0)
		NUMASHIM_ERRNOS(NUMASHIM_ERROR_VALUE)
	)
)

/* One field of numashim-fields.h's tables, as lttng-ust declares it. */
#define NUMASHIM_CTF_FIELD(kind, ctype, name, ...)			\
	NUMASHIM_CTF_##kind(ctype, name, __VA_ARGS__)
#define NUMASHIM_CTF_int(ctype, name, v) ctf_integer(ctype, name, v)
#define NUMASHIM_CTF_int_added NUMASHIM_CTF_int
#define NUMASHIM_CTF_hex(ctype, name, v) ctf_integer_hex(ctype, name, v)
#define NUMASHIM_CTF_via(ctype, name, v) ctf_enum(numashim, via, ctype, name, v)
#define NUMASHIM_CTF_error(ctype, name, v)				\
	ctf_enum(numashim, error, ctype, name, v)
#define NUMASHIM_CTF_array(ctype, name, v)				\
	ctf_enum(numashim, array, ctype, name, v)
#define NUMASHIM_CTF_mapping(ctype, name, v)				\
	ctf_enum(numashim, mapping, ctype, name, v)
#define NUMASHIM_CTF_ints(ctype, name, v, len)				\
	ctf_sequence(ctype, name, v, size_t, len)
#define NUMASHIM_CTF_hexes(ctype, name, v, len)				\
	ctf_sequence_hex(ctype, name, v, size_t, len)
#define NUMASHIM_CTF_string(ctype, name, v) ctf_string(name, v)
#define NUMASHIM_CTF_string_added NUMASHIM_CTF_string

LTTNG_UST_TRACEPOINT_EVENT(numashim, move_pages_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_move_pages_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MOVE_PAGES_ENTRY_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, migrate_pages_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_migrate_pages_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MIGRATE_PAGES_ENTRY_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, mbind_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_mbind_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MBIND_ENTRY_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, set_mempolicy_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_set_mempolicy_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_SET_MEMPOLICY_ENTRY_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, get_mempolicy_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_get_mempolicy_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_GET_MEMPOLICY_ENTRY_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, set_mempolicy_home_node_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_set_mempolicy_home_node_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_SET_MEMPOLICY_HOME_NODE_ENTRY_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, move_pages_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_addrs *, pages,
		const struct numashim_ints *, nodes,
		const struct numashim_ints *, status,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MOVE_PAGES_EXIT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, migrate_pages_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_ints *, old_nodes,
		const struct numashim_ints *, new_nodes,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MIGRATE_PAGES_EXIT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, mbind_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_ints *, nodemask,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MBIND_EXIT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, set_mempolicy_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_ints *, nodemask,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_SET_MEMPOLICY_EXIT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, get_mempolicy_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_policy_answer *, g,
		const struct numashim_ints *, nodemask,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_GET_MEMPOLICY_EXIT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, set_mempolicy_home_node_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_SET_MEMPOLICY_HOME_NODE_EXIT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

/*
 * A call that a rewrite rule changed, between its entry and exit events:
 * which rule, and what the kernel got instead of the program's arguments
 * (kernel_nodes: move_pages' target nodes, or the nodes of mbind's mask
 * or of migrate_pages' new_nodes), or the failure made up (injected_err
 * for the whole call, injected for the pages whose status was).
 */
LTTNG_UST_TRACEPOINT_EVENT(numashim, rewrite,
	LTTNG_UST_TP_ARGS(const struct numashim_rewrite_rec *, w,
		const struct numashim_ints *, kernel_nodes,
		const struct numashim_addrs *, injected,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_REWRITE_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

/*
 * The weights of weighted interleave (Linux 6.9), from
 * /sys/kernel/mm/mempolicy/weighted_interleave/nodeN, before the exit of
 * a set_mempolicy or mbind call that gave the kernel that mode: the first
 * such call of the process, and the first after they changed.
 */
LTTNG_UST_TRACEPOINT_EVENT(numashim, interleave_weights,
	LTTNG_UST_TP_ARGS(const struct numashim_weights_rec *, w,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_INTERLEAVE_WEIGHTS_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

/*
 * The machine's NUMA facts (numashim-fields.h), before the exit of the
 * first recorded call of a process and of every call that failed whole,
 * and one machine_node event per online node after it: events of their
 * own, so that none outgrows a sub-buffer on a machine of many nodes.
 */
LTTNG_UST_TRACEPOINT_EVENT(numashim, machine,
	LTTNG_UST_TP_ARGS(const struct numashim_machine_rec *, m,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MACHINE_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, machine_node,
	LTTNG_UST_TP_ARGS(const struct numashim_machine_node_rec *, n,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_MACHINE_NODE_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

/*
 * What an mbind() with MPOL_MF_MOVE or MPOL_MF_MOVE_ALL or a
 * migrate_pages() really moved, when asked (NUMASHIM_VERIFY_PLACEMENT=1):
 * the pages per node before and after the call, after the kernel
 * answered and before the exit event. mbind's are those of its range,
 * by a move_pages() query; migrate_pages' those of the whole process,
 * from /proc/PID/numa_maps.
 */
LTTNG_UST_TRACEPOINT_EVENT(numashim, placement,
	LTTNG_UST_TP_ARGS(const struct numashim_placement_rec *, p,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_PLACEMENT_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

/*
 * The state of each page that a move_pages() call asking for moves
 * failed (a negative status the kernel wrote), as the process could read
 * it just after the call, before its exit event: up to
 * NUMASHIM_PAGE_STATES_MAX page_state events, then one page_states event
 * with the count of the rest. Calls whose every status is a node read
 * nothing.
 */
LTTNG_UST_TRACEPOINT_EVENT(numashim, page_state,
	LTTNG_UST_TP_ARGS(const struct numashim_page_state_rec *, g,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_PAGE_STATE_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, page_states,
	LTTNG_UST_TP_ARGS(const struct numashim_page_states_rec *, g,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_PAGE_STATES_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, addr_chunk,
	LTTNG_UST_TP_ARGS(uint64_t, call_id, enum numashim_array, array,
		uint64_t, offset, const struct numashim_addrs *, rec,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_ADDR_CHUNK_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, int_chunk,
	LTTNG_UST_TP_ARGS(uint64_t, call_id, enum numashim_array, array,
		uint64_t, offset, const struct numashim_ints *, rec,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_INT_CHUNK_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

/*
 * An array that was not recorded whole: "recorded" elements made it into
 * the trace out of "expected", and err says why the rest did not
 * (EFAULT: the program's memory there is unreadable; E2BIG: more than the
 * shim records for that array).
 */
LTTNG_UST_TRACEPOINT_EVENT(numashim, array_incomplete,
	LTTNG_UST_TP_ARGS(uint64_t, call_id, enum numashim_array, array,
		uint64_t, recorded, uint64_t, expected, int, err,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_ARRAY_INCOMPLETE_FIELDS(NUMASHIM_CTF_FIELD)
		ctf_unused(ip)
	)
)

#endif /* NUMASHIM_TP_H */

#include <lttng/tracepoint-event.h>
