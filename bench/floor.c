// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The floor of recording: what LTTng-UST itself costs a call, measured
 * by numabench -f with this library preloaded by numashim record in the
 * shim's place (NUMASHIM_LIB). It fires the shim's own entry and exit
 * events, from the same field tables (trace/numashim-fields.h) and so of
 * the same layout, into the same session, around a bare call: the ring
 * buffer is given the program's arrays directly, the call's number and
 * thread come from a counter and a cached id, and nothing else is done
 * (no clock read of ours, no backtrace, no copy, no check of the
 * program's memory). What the shim adds above this is its own.
 *
 * The events carry what the shim's would, so that numashim report checks
 * a floor trace as it checks the shim's: every call and page there. The
 * arrays are those the benchmarks' calls pass, at most
 * NUMASHIM_INLINE_LEN elements and masks of one word.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numaif.h>
#include <unistd.h>

#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TRACEPOINT_DEFINE
#define LTTNG_UST_TP_IP_PARAM ip
#include "numashim-tp.h"

#include "floor.h"

static uint64_t last_call_id;
static __thread pid_t tid;

static void call_begin(struct numashim_call *c)
{
	if (!tid)
		tid = gettid();
	*c = (struct numashim_call) {
		.id = __atomic_add_fetch(&last_call_id, 1, __ATOMIC_RELAXED),
		.tid = tid,
		.via = NUMASHIM_VIA_FUNCTION,
	};
}

static void result_set(struct numashim_result *r, uint64_t id, long ret)
{
	*r = (struct numashim_result) {
		.id = id, .ret = ret, .err = ret < 0 ? errno : 0,
	};
}

/* The nodes of a one-word mask of maxnode - 1 bits, as the shim lists them. */
static size_t mask_nodes(const unsigned long *mask, unsigned long maxnode,
			 int32_t *nodes)
{
	unsigned long bits = maxnode > 1 ? maxnode - 1 : 0;
	unsigned long word = mask ? mask[0] : 0;
	size_t n = 0;
	unsigned long i;

	if (bits < 8 * sizeof(word))
		word &= (1UL << bits) - 1;
	for (i = 0; word; i++, word >>= 1)
		if (word & 1)
			nodes[n++] = i;
	return n;
}

long numabench_floor_move_pages(int pid, unsigned long count, void **pages,
				const int *nodes, int *status, int flags)
{
	void *ip = __builtin_return_address(0);
	const struct numashim_move_pages_args a = {
		pid, count, pages, nodes, status, flags,
	};
	struct numashim_addrs pages_rec = { (const uint64_t *) pages, count };
	struct numashim_ints nodes_rec = { nodes, nodes ? count : 0 };
	struct numashim_ints status_rec = { status, count };
	struct numashim_call c;
	struct numashim_result r;
	long ret;

	call_begin(&c);
	lttng_ust_tracepoint(numashim, move_pages_entry, &c, &a, ip);
	ret = move_pages(pid, count, pages, nodes, status, flags);
	result_set(&r, c.id, ret);
	lttng_ust_tracepoint(numashim, move_pages_exit, &r, &pages_rec,
			     &nodes_rec, &status_rec, ip);
	return ret;
}

long numabench_floor_mbind(void *addr, unsigned long len, int mode,
			   const unsigned long *nodemask,
			   unsigned long maxnode, unsigned int flags)
{
	void *ip = __builtin_return_address(0);
	const struct numashim_mbind_args a = {
		addr, len, (unsigned int) mode, nodemask, maxnode, flags,
	};
	int32_t nodes[8 * sizeof(long)];
	struct numashim_ints mask_rec = { nodes, 0 };
	struct numashim_call c;
	struct numashim_result r;
	long ret;

	call_begin(&c);
	lttng_ust_tracepoint(numashim, mbind_entry, &c, &a, ip);
	ret = mbind(addr, len, mode, nodemask, maxnode, flags);
	result_set(&r, c.id, ret);
	mask_rec.len = mask_nodes(nodemask, maxnode, nodes);
	lttng_ust_tracepoint(numashim, mbind_exit, &r, &mask_rec, ip);
	return ret;
}

long numabench_floor_migrate_pages(int pid, unsigned long maxnode,
				   const unsigned long *old_nodes,
				   const unsigned long *new_nodes)
{
	void *ip = __builtin_return_address(0);
	const struct numashim_migrate_pages_args a = {
		pid, maxnode, old_nodes, new_nodes,
	};
	int32_t old[8 * sizeof(long)], new[8 * sizeof(long)];
	struct numashim_ints old_rec = { old, 0 }, new_rec = { new, 0 };
	struct numashim_call c;
	struct numashim_result r;
	long ret;

	call_begin(&c);
	lttng_ust_tracepoint(numashim, migrate_pages_entry, &c, &a, ip);
	ret = migrate_pages(pid, maxnode, old_nodes, new_nodes);
	result_set(&r, c.id, ret);
	old_rec.len = mask_nodes(old_nodes, maxnode, old);
	new_rec.len = mask_nodes(new_nodes, maxnode, new);
	lttng_ust_tracepoint(numashim, migrate_pages_exit, &r, &old_rec,
			     &new_rec, ip);
	return ret;
}
