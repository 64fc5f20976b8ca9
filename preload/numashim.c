// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The interposed entry points: move_pages(), migrate_pages() and mbind()
 * with numaif.h's signatures, and syscall() for their three numbers and
 * for those of the policy calls (policy.c). When
 * no session records the numashim events a call costs the enabled checks
 * of its entry and exit events; otherwise the call is bracketed by them.
 *
 * The program must not notice the shim: its arguments go to the kernel
 * untouched, and the return value and errno it gets back are the kernel's.
 * Where numaif.h is installed the compiler holds the definitions below to
 * its declarations, as unistd.h's holds syscall() to glibc's.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef HAVE_NUMAIF_H
#include <numaif.h>
#endif

#include "arrays.h"
#include "backtrace.h"
#include "numashim-tp.h"
#include "pagestate.h"
#include "placement.h"
#include "policy.h"
#include "provider.h"
#include "real.h"
#include "record.h"
#include "rewrite.h"
#include "scratch.h"
#include "self.h"
#include "thread.h"
#include "weights.h"

#define NUMASHIM_EXPORT __attribute__((visibility("default")))

/* Each thread's guards and id (thread.h). */
__thread struct numashim_thread numashim_td
	__attribute__((tls_model("initial-exec")));

/* A mask's copy: one of the call's two mask buffers, if it has them. */
static unsigned long *mask_words(const struct numashim_rewrite *rw,
				 unsigned int i)
{
	return rw->scratch ? rw->scratch->masks[i] : NULL;
}

/* Whether a rule fails the call instead of the kernel, which never gets it. */
static bool injected(const struct numashim_rewrite *rw)
{
	return rw->rule && rw->rule->fail_errno;
}

/*
 * The arrays of a move_pages call copied into the scratch slot (or chunk
 * events), read safely unless accessed: a pointer of a call that failed
 * may be bad.
 */
static void record_move_pages_arrays(const struct numashim_move_pages_args *a,
				     bool accessed, struct numashim_scratch *s,
				     struct numashim_recorded_call *rc,
				     struct numashim_addrs *pages_rec,
				     struct numashim_ints *nodes_rec,
				     struct numashim_ints *status_rec, void *ip)
{
	struct numashim_array_src pages, nodes, status;

	numashim_array_init(&pages, NUMASHIM_ARRAY_PAGES, a->pages, a->count,
			    sizeof(uint64_t));
	numashim_array_init(&nodes, NUMASHIM_ARRAY_NODES, a->nodes,
			    a->nodes ? a->count : 0, sizeof(int32_t));
	numashim_array_init(&status, NUMASHIM_ARRAY_STATUS, a->status,
			    a->count, sizeof(int32_t));
	if (accessed) {
		numashim_array_accessed(&pages);
		numashim_array_accessed(&nodes);
		numashim_array_accessed(&status);
	}
	pages_rec->len = numashim_record_take(&pages, s, rc->call.id,
					      (void *) pages_rec->v, ip);
	nodes_rec->len = numashim_record_take(&nodes, s, rc->call.id,
					      (void *) nodes_rec->v, ip);
	status_rec->len = numashim_record_take(&status, s, rc->call.id,
					       (void *) status_rec->v, ip);
	rc->res.incomplete |= numashim_array_finish(&pages, rc->call.id, ip) |
			      numashim_array_finish(&nodes, rc->call.id, ip) |
			      numashim_array_finish(&status, rc->call.id, ip);
}

static long record_move_pages(const struct numashim_move_pages_args *a,
			      struct numashim_rewrite *rw, void *ip)
{
	struct numashim_scratch *s = rw->scratch;
	struct numashim_recorded_call rc;
	bool accessed;
	struct numashim_addrs pages_rec = { .v = s ? s->exit.move_pages.pages : NULL };
	struct numashim_ints nodes_rec = { .v = s ? s->exit.move_pages.nodes : NULL };
	struct numashim_ints status_rec = { .v = s ? s->exit.move_pages.status : NULL };
	long ret;

	numashim_record_enter(&rc, rw, ip);
	lttng_ust_do_tracepoint(numashim, move_pages_entry, &rc.call, a, ip);
	numashim_record_call_start(&rc);
	ret = numashim_rewrite_call_move_pages(rw);
	numashim_record_call_end(&rc, ret);

	if (rw->rule) {
		const struct numashim_move_pages_args *k = &rw->args.move_pages;
		struct numashim_array_src kernel_nodes;

		numashim_array_init(&kernel_nodes, NUMASHIM_ARRAY_KERNEL_NODES,
				    k->nodes, k->nodes ? k->count : 0,
				    sizeof(int32_t));
		rc.res.incomplete |= numashim_record_rewrite(rw, rc.call.id, k->flags,
						    0, 0, &kernel_nodes, NULL,
						    k->count, ip);
	}
	/*
	 * A call that returned 0 went through every page (one that cannot
	 * move stops it, and it returns how many are left); and with no rule
	 * between, through the program's own arrays.
	 */
	accessed = ret == 0 && !rw->rule;
	if (accessed && s && a->count <= NUMASHIM_INLINE_LEN) {
		/*
		 * The kernel has just gone through all three whole and they
		 * fit in the exit event: the ring buffer copies them from the
		 * program's memory as it would from a copy of ours.
		 */
		pages_rec = (struct numashim_addrs) {
			(const uint64_t *) a->pages, a->count };
		nodes_rec = (struct numashim_ints) {
			a->nodes, a->nodes ? a->count : 0 };
		status_rec = (struct numashim_ints) { a->status, a->count };
	} else {
		record_move_pages_arrays(a, accessed, s, &rc, &pages_rec,
					 &nodes_rec, &status_rec, ip);
	}
	if (!injected(rw))
		numashim_page_states_record(rw, ret, accessed, &status_rec,
					    rc.call.id, ip);
	numashim_record_machine(&rc, rw, true, ip);
	lttng_ust_do_tracepoint(numashim, move_pages_exit, &rc.res, &pages_rec,
				&nodes_rec, &status_rec, ip);
	errno = rc.program_errno;
	return ret;
}

static long record_migrate_pages(const struct numashim_migrate_pages_args *a,
				 struct numashim_rewrite *rw, void *ip)
{
	struct numashim_scratch *s = rw->scratch;
	struct numashim_recorded_call rc;
	struct numashim_ints old_rec = { .v = s ? s->exit.migrate_pages.old_nodes : NULL };
	struct numashim_ints new_rec = { .v = s ? s->exit.migrate_pages.new_nodes : NULL };
	bool accessed, measured;
	long ret;

	numashim_record_enter(&rc, rw, ip);
	lttng_ust_do_tracepoint(numashim, migrate_pages_entry, &rc.call, a,
				ip);
	measured = !injected(rw) &&
		   numashim_placement_migrate_before(s, &rw->args.migrate_pages);
	numashim_record_call_start(&rc);
	ret = numashim_rewrite_call_migrate_pages(rw);
	numashim_record_call_end(&rc, ret);
	if (measured)
		numashim_placement_record(s, rc.call.id, ip);

	if (rw->rule) {
		const struct numashim_migrate_pages_args *k = &rw->args.migrate_pages;
		struct numashim_array_src kernel_nodes, kernel_old_nodes;

		numashim_mask_init(&kernel_nodes, NUMASHIM_ARRAY_KERNEL_NODES,
			  k->new_nodes, k->maxnode, mask_words(rw, 0));
		numashim_mask_init(&kernel_old_nodes, NUMASHIM_ARRAY_KERNEL_OLD_NODES,
			  k->old_nodes, k->maxnode, mask_words(rw, 1));
		rc.res.incomplete |= numashim_record_rewrite(rw, rc.call.id, 0, 0,
						    k->maxnode, &kernel_nodes,
						    &kernel_old_nodes, 0, ip);
	}
	/* The kernel reads both masks before anything else. */
	accessed = ret >= 0 && !rw->rule;
	rc.res.incomplete |=
		numashim_record_mask(&old_rec, NUMASHIM_ARRAY_OLD_NODES,
				     a->old_nodes, a->maxnode, mask_words(rw, 0),
				     accessed, s, rc.call.id, ip) |
		numashim_record_mask(&new_rec, NUMASHIM_ARRAY_NEW_NODES,
				     a->new_nodes, a->maxnode, mask_words(rw, 1),
				     accessed, s, rc.call.id, ip);
	numashim_record_machine(&rc, rw, true, ip);
	lttng_ust_do_tracepoint(numashim, migrate_pages_exit, &rc.res,
				&old_rec, &new_rec, ip);
	errno = rc.program_errno;
	return ret;
}

static long record_mbind(const struct numashim_mbind_args *a,
			 struct numashim_rewrite *rw, void *ip)
{
	struct numashim_scratch *s = rw->scratch;
	struct numashim_recorded_call rc;
	struct numashim_ints mask_rec = { .v = s ? s->exit.nodemask : NULL };
	bool measured;
	long ret;

	numashim_record_enter(&rc, rw, ip);
	lttng_ust_do_tracepoint(numashim, mbind_entry, &rc.call, a, ip);
	measured = !injected(rw) &&
		   numashim_placement_mbind_before(s, &rw->args.mbind);
	numashim_record_call_start(&rc);
	ret = numashim_rewrite_call_mbind(rw);
	numashim_record_call_end(&rc, ret);
	if (measured)
		numashim_placement_record(s, rc.call.id, ip);

	if (rw->rule) {
		const struct numashim_mbind_args *k = &rw->args.mbind;
		struct numashim_array_src kernel_nodes;

		numashim_mask_init(&kernel_nodes, NUMASHIM_ARRAY_KERNEL_NODES,
			  k->nodemask, k->maxnode, mask_words(rw, 0));
		rc.res.incomplete |= numashim_record_rewrite(rw, rc.call.id, k->flags, k->mode,
						    k->maxnode, &kernel_nodes,
						    NULL, 0, ip);
	}
	/* As for migrate_pages, the mask is read first. */
	rc.res.incomplete |= numashim_record_mask(&mask_rec,
						  NUMASHIM_ARRAY_NODEMASK,
						  a->nodemask, a->maxnode,
						  mask_words(rw, 0),
						  ret == 0 && !rw->rule, s,
						  rc.call.id, ip);
	/* The mode the kernel got, unless a rule failed the call instead. */
	if (!injected(rw))
		numashim_weights_record(s, rc.call.id, rw->args.mbind.mode, ip);
	numashim_record_machine(&rc, rw, true, ip);
	lttng_ust_do_tracepoint(numashim, mbind_exit, &rc.res, &mask_rec, ip);
	errno = rc.program_errno;
	return ret;
}

NUMASHIM_DEFINE_HANDLE(move_pages)
NUMASHIM_DEFINE_HANDLE(migrate_pages)
NUMASHIM_DEFINE_HANDLE(mbind)

/*
 * The entry points. raw is NULL for a call through the numaif.h function,
 * and the six untouched syscall() arguments for a call through syscall().
 */
static long do_move_pages(const struct numashim_move_pages_args *a,
			  const long *raw, void *ip)
{
	if (!NUMASHIM_TRACING(move_pages) && !numashim_rewrite_active())
		return numashim_real_move_pages(a, raw);
	return handle_move_pages(a, raw, ip);
}

static long do_migrate_pages(const struct numashim_migrate_pages_args *a,
			     const long *raw, void *ip)
{
	if (!NUMASHIM_TRACING(migrate_pages) && !numashim_rewrite_active())
		return numashim_real_migrate_pages(a, raw);
	return handle_migrate_pages(a, raw, ip);
}

static long do_mbind(const struct numashim_mbind_args *a, const long *raw,
		     void *ip)
{
	if (!NUMASHIM_TRACING(mbind) && !numashim_rewrite_active())
		return numashim_real_mbind(a, raw);
	return handle_mbind(a, raw, ip);
}

NUMASHIM_EXPORT
long move_pages(int pid, unsigned long count, void **pages, const int *nodes,
		int *status, int flags)
{
	const struct numashim_move_pages_args a = {
		pid, count, pages, nodes, status, flags,
	};

	return do_move_pages(&a, NULL, __builtin_return_address(0));
}

NUMASHIM_EXPORT
long migrate_pages(int pid, unsigned long maxnode,
		   const unsigned long *old_nodes,
		   const unsigned long *new_nodes)
{
	const struct numashim_migrate_pages_args a = {
		pid, maxnode, old_nodes, new_nodes,
	};

	return do_migrate_pages(&a, NULL, __builtin_return_address(0));
}

NUMASHIM_EXPORT
long mbind(void *addr, unsigned long len, int mode,
	   const unsigned long *nodemask, unsigned long maxnode,
	   unsigned int flags)
{
	/* libnuma hands the int to syscall(), which widens it unsigned. */
	const struct numashim_mbind_args a = {
		addr, len, (unsigned int) mode, nodemask, maxnode, flags,
	};

	return do_mbind(&a, NULL, __builtin_return_address(0));
}

/*
 * glibc's syscall() takes six arguments whatever the number, and so do we:
 * every one is passed on, numbers other than our six untouched. The
 * structures keep the argument types the kernel gives them.
 */
NUMASHIM_EXPORT
long syscall(long nr, ...)
{
	void *ip = __builtin_return_address(0);
	long raw[6];
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		raw[i] = va_arg(ap, long);
	va_end(ap);

	if (numashim_td.forwarding)
		return numashim_real_syscall(nr, raw);
	switch (nr) {
	case SYS_move_pages: {
		const struct numashim_move_pages_args a = {
			(int) raw[0], raw[1], (void **) raw[2],
			(const int *) raw[3], (int *) raw[4], (int) raw[5],
		};

		return do_move_pages(&a, raw, ip);
	}
	case SYS_migrate_pages: {
		const struct numashim_migrate_pages_args a = {
			(int) raw[0], raw[1], (const unsigned long *) raw[2],
			(const unsigned long *) raw[3],
		};

		return do_migrate_pages(&a, raw, ip);
	}
	case SYS_mbind: {
		const struct numashim_mbind_args a = {
			(void *) raw[0], raw[1], raw[2],
			(const unsigned long *) raw[3], raw[4],
			(unsigned int) raw[5],
		};

		return do_mbind(&a, raw, ip);
	}
	case SYS_set_mempolicy:
	case SYS_get_mempolicy:
	case SYS_set_mempolicy_home_node:
		return numashim_policy_syscall(nr, raw, ip);
	default:
		return numashim_real_syscall(nr, raw);
	}
}

/*
 * The unwinders' first-use allocations, made before main(), not in a
 * call: backtrace(3)'s to record, libunwind's for the caller= rules.
 */
static void warm_unwinders(bool tracing, bool rules)
{
	struct numashim_scratch *s = numashim_scratch_get();

	if (!s)
		return;
	if (tracing)
		numashim_backtrace_warm(&s->unwind);
	if (rules)
		numashim_unwind_warm(&s->unwind);
	numashim_scratch_put(s);
}

/* The program's errno is its own when main() starts. */
static void __attribute__((constructor)) numashim_init(void)
{
	int saved_errno = errno;
	bool tracing, rules;

	numashim_real_init();
	numashim_self_init();
	numashim_backtrace_init();
	numashim_placement_init();
	tracing = numashim_provider_load();
	numashim_rewrite_init();
	rules = numashim_rewrite_active();
	/* A process neither recorded nor rewritten keeps its address space. */
	if (tracing || rules)
		numashim_scratch_init();
	warm_unwinders(tracing, rules);
	if (rules)
		numashim_scratch_nodes_init();
	errno = saved_errno;
}
