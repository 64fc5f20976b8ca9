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

/* errno as a name; "none" when the call succeeded. */
#define NUMASHIM_ERROR_VALUE(code) ctf_enum_value(#code, code)

LTTNG_UST_TRACEPOINT_ENUM(numashim, error,
	LTTNG_UST_TP_ENUM_VALUES(
		ctf_enum_value("none", 0)
		NUMASHIM_ERRNOS(NUMASHIM_ERROR_VALUE)
	)
)

/* Opens every event, so that a session can keep one run's events. */
#define NUMASHIM_RUN_FIELD						\
	ctf_integer(uint64_t, run, numashim_run_id())

/* The fields that open every entry event. */
#define NUMASHIM_CALL_FIELDS(c)						\
	NUMASHIM_RUN_FIELD						\
	ctf_integer(uint64_t, call_id, (c)->id)				\
	ctf_integer(int32_t, tid, (c)->tid)				\
	ctf_enum(numashim, via, int, via, (c)->via)

#define NUMASHIM_BACKTRACE_FIELD(c)					\
	ctf_sequence_hex(uint64_t, backtrace, (c)->backtrace,		\
			 size_t, (c)->backtrace_len)

LTTNG_UST_TRACEPOINT_EVENT(numashim, move_pages_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_move_pages_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_CALL_FIELDS(c)
		ctf_integer(int32_t, pid, a->pid)
		ctf_integer(uint64_t, count, a->count)
		ctf_integer(uint32_t, page_size, numashim_page_size())
		ctf_integer_hex(uint64_t, pages_ptr, (uintptr_t) a->pages)
		ctf_integer_hex(uint64_t, nodes_ptr, (uintptr_t) a->nodes)
		ctf_integer_hex(uint64_t, status_ptr, (uintptr_t) a->status)
		ctf_integer_hex(int32_t, flags, a->flags)
		NUMASHIM_BACKTRACE_FIELD(c)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, migrate_pages_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_migrate_pages_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_CALL_FIELDS(c)
		ctf_integer(int32_t, pid, a->pid)
		ctf_integer(uint64_t, maxnode, a->maxnode)
		ctf_integer_hex(uint64_t, old_nodes_ptr, (uintptr_t) a->old_nodes)
		ctf_integer_hex(uint64_t, new_nodes_ptr, (uintptr_t) a->new_nodes)
		NUMASHIM_BACKTRACE_FIELD(c)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, mbind_entry,
	LTTNG_UST_TP_ARGS(const struct numashim_call *, c,
		const struct numashim_mbind_args *, a,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_CALL_FIELDS(c)
		ctf_integer_hex(uint64_t, addr, (uintptr_t) a->addr)
		ctf_integer(uint64_t, len, a->len)
		ctf_integer(uint32_t, page_size, numashim_page_size())
		ctf_integer_hex(uint64_t, mode, a->mode)
		ctf_integer_hex(uint64_t, nodemask_ptr, (uintptr_t) a->nodemask)
		ctf_integer(uint64_t, maxnode, a->maxnode)
		ctf_integer_hex(uint32_t, flags, a->flags)
		NUMASHIM_BACKTRACE_FIELD(c)
		ctf_unused(ip)
	)
)

#define NUMASHIM_RESULT_FIELDS(r)					\
	NUMASHIM_RUN_FIELD						\
	ctf_integer(uint64_t, call_id, (r)->id)				\
	ctf_integer(int64_t, ret, (r)->ret)				\
	ctf_enum(numashim, error, int32_t, err, (r)->err)		\
	ctf_integer(uint64_t, latency_ns, (r)->latency_ns)		\
	ctf_integer_hex(uint32_t, incomplete, (r)->incomplete)

#define NUMASHIM_INTS_FIELD(name)					\
	ctf_sequence(int32_t, name, name->v, size_t, name->len)

LTTNG_UST_TRACEPOINT_EVENT(numashim, move_pages_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_addrs *, pages,
		const struct numashim_ints *, nodes,
		const struct numashim_ints *, status,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_RESULT_FIELDS(r)
		ctf_sequence_hex(uint64_t, pages, pages->v, size_t, pages->len)
		NUMASHIM_INTS_FIELD(nodes)
		NUMASHIM_INTS_FIELD(status)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, migrate_pages_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_ints *, old_nodes,
		const struct numashim_ints *, new_nodes,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_RESULT_FIELDS(r)
		NUMASHIM_INTS_FIELD(old_nodes)
		NUMASHIM_INTS_FIELD(new_nodes)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, mbind_exit,
	LTTNG_UST_TP_ARGS(const struct numashim_result *, r,
		const struct numashim_ints *, nodemask,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_RESULT_FIELDS(r)
		NUMASHIM_INTS_FIELD(nodemask)
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
		NUMASHIM_RUN_FIELD
		ctf_integer(uint64_t, call_id, w->id)
		ctf_integer(uint32_t, rule, w->rule_no)
		ctf_string(rule_text, w->rule_text)
		ctf_enum(numashim, error, int32_t, injected_err, w->injected_err)
		ctf_integer(uint8_t, dry_run, w->dry_run)
		ctf_integer_hex(int32_t, flags, w->flags)
		ctf_integer_hex(uint64_t, mode, w->mode)
		ctf_integer(uint64_t, maxnode, w->maxnode)
		ctf_sequence(int32_t, kernel_nodes, kernel_nodes->v, size_t,
			     kernel_nodes->len)
		ctf_sequence_hex(uint64_t, injected, injected->v, size_t,
				 injected->len)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, addr_chunk,
	LTTNG_UST_TP_ARGS(uint64_t, call_id, enum numashim_array, array,
		uint64_t, offset, const struct numashim_addrs *, rec,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_RUN_FIELD
		ctf_integer(uint64_t, call_id, call_id)
		ctf_enum(numashim, array, int, array, array)
		ctf_integer(uint64_t, offset, offset)
		ctf_sequence_hex(uint64_t, values, rec->v, size_t, rec->len)
		ctf_unused(ip)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(numashim, int_chunk,
	LTTNG_UST_TP_ARGS(uint64_t, call_id, enum numashim_array, array,
		uint64_t, offset, const struct numashim_ints *, rec,
		void *, ip),
	LTTNG_UST_TP_FIELDS(
		NUMASHIM_RUN_FIELD
		ctf_integer(uint64_t, call_id, call_id)
		ctf_enum(numashim, array, int, array, array)
		ctf_integer(uint64_t, offset, offset)
		ctf_sequence(int32_t, values, rec->v, size_t, rec->len)
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
		NUMASHIM_RUN_FIELD
		ctf_integer(uint64_t, call_id, call_id)
		ctf_enum(numashim, array, int, array, array)
		ctf_integer(uint64_t, recorded, recorded)
		ctf_integer(uint64_t, expected, expected)
		ctf_integer(int32_t, err, err)
		ctf_unused(ip)
	)
)

#endif /* NUMASHIM_TP_H */

#include <lttng/tracepoint-event.h>
