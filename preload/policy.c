// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The memory policy calls: set_mempolicy() and get_mempolicy() with
 * numaif.h's signatures, set_mempolicy_home_node() with the kernel's
 * (no header declares it, and no library of Debian 12 defines it: the
 * definition below is for programs that find it by name), and the three
 * through syscall() (numashim.c). Each is recorded and rewritten as
 * the placement calls are, with what NUMASHIM_CALL_RULES lets a rule do.
 *
 * get_mempolicy writes into the program's memory: its answer is read
 * only after the kernel said it wrote it, and only as far as it wrote.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <sys/syscall.h>
#ifdef HAVE_NUMAIF_H
#include <numaif.h>
#endif

#include "policy.h"
#include "real.h"
#include "record.h"
#include "rewrite.h"
#include "usermem.h"
#include "weights.h"

#define NUMASHIM_EXPORT __attribute__((visibility("default")))
#define WORD_BITS (8 * sizeof(unsigned long))

/* What a rule changed: the one-node array of a home node, or none. */
static uint32_t record_rewrite(const struct numashim_rewrite *rw,
			       uint64_t mode, uint64_t maxnode,
			       struct numashim_array_src *kernel_nodes,
			       void *ip)
{
	return numashim_record_rewrite(rw, rw->seq, 0, mode, maxnode,
				       kernel_nodes, NULL, 0, ip);
}

static long record_set_mempolicy(const struct numashim_set_mempolicy_args *a,
				 struct numashim_rewrite *rw, void *ip)
{
	struct numashim_scratch *s = rw->scratch;
	struct numashim_recorded_call rc;
	struct numashim_ints mask_rec = { .v = s ? s->exit.nodemask : NULL };
	long ret;

	numashim_record_enter(&rc, rw, ip);
	lttng_ust_do_tracepoint(numashim, set_mempolicy_entry, &rc.call, a,
				ip);
	numashim_record_call_start(&rc);
	ret = numashim_rewrite_call_set_mempolicy(rw);
	numashim_record_call_end(&rc, ret);

	if (rw->rule) {
		const struct numashim_set_mempolicy_args *k = &rw->args.set_mempolicy;
		struct numashim_array_src kernel_nodes;

		numashim_mask_init(&kernel_nodes, NUMASHIM_ARRAY_KERNEL_NODES,
				   k->nodemask, k->maxnode, s ? s->masks[0] : NULL);
		rc.res.incomplete |= record_rewrite(rw, (unsigned int) k->mode,
						    k->maxnode, &kernel_nodes, ip);
	}
	/* A policy set, with no rule between, is one whose whole mask the kernel read. */
	rc.res.incomplete |= numashim_record_mask(&mask_rec,
						  NUMASHIM_ARRAY_POLICY_NODEMASK,
						  a->nodemask, a->maxnode,
						  s ? s->masks[0] : NULL,
						  ret == 0 && !rw->rule, s,
						  rc.call.id, ip);
	/* The mode the kernel got, unless a rule failed the call instead. */
	if (!rw->rule || !rw->rule->fail_errno)
		numashim_weights_record(s, rc.call.id,
					rw->args.set_mempolicy.mode, ip);
	numashim_record_machine(&rc, rw, true, ip);
	lttng_ust_do_tracepoint(numashim, set_mempolicy_exit, &rc.res,
				&mask_rec, ip);
	errno = rc.program_errno;
	return ret;
}

/*
 * What a successful get_mempolicy wrote into *mode: with MPOL_F_NODE a
 * node, else the policy ORed with its mode flags.
 */
static void read_answer(const struct numashim_get_mempolicy_args *a,
			struct numashim_policy_answer *g)
{
	int v;

	if (!a->mode)
		return;
	numashim_copy_accessed(&v, a->mode, sizeof(v));
	if (a->flags & NUMASHIM_MPOL_F_NODE) {
		g->node = v;
	} else {
		g->mode = v & ~NUMASHIM_MPOL_MODE_FLAG_MASK;
		g->mode_flags = v & NUMASHIM_MPOL_MODE_FLAG_MASK;
	}
}

/*
 * The maxnode that names the bits a successful get_mempolicy wrote:
 * whole words up to bit maxnode - 1 (copy_nodes_to_user()), none for a
 * maxnode of 1; none when the call failed, whatever it wrote then.
 */
static unsigned long written_maxnode(const struct numashim_get_mempolicy_args *a,
				     long ret)
{
	if (ret || !a->nodemask || a->maxnode <= 1)
		return 0;
	return (a->maxnode - 1 + WORD_BITS - 1) / WORD_BITS * WORD_BITS + 1;
}

static long record_get_mempolicy(const struct numashim_get_mempolicy_args *a,
				 struct numashim_rewrite *rw, void *ip)
{
	struct numashim_scratch *s = rw->scratch;
	struct numashim_recorded_call rc;
	struct numashim_ints mask_rec = { .v = s ? s->exit.nodemask : NULL };
	struct numashim_policy_answer g = { .mode = -1, .node = -1 };
	long ret;

	numashim_record_enter(&rc, rw, ip);
	lttng_ust_do_tracepoint(numashim, get_mempolicy_entry, &rc.call, a,
				ip);
	numashim_record_call_start(&rc);
	ret = numashim_rewrite_call_get_mempolicy(rw);
	numashim_record_call_end(&rc, ret);

	/* fail= is all a rule does to it: no argument of its changes. */
	if (rw->rule) {
		struct numashim_array_src kernel_nodes;

		numashim_array_init(&kernel_nodes, NUMASHIM_ARRAY_KERNEL_NODES,
				    NULL, 0, sizeof(int32_t));
		rc.res.incomplete |= record_rewrite(rw, 0, 0, &kernel_nodes, ip);
	}

	if (ret == 0)
		read_answer(a, &g);
	rc.res.incomplete |= numashim_record_mask(&mask_rec,
						  NUMASHIM_ARRAY_RETURNED_NODEMASK,
						  a->nodemask,
						  written_maxnode(a, ret),
						  s ? s->masks[0] : NULL,
						  ret == 0, s, rc.call.id, ip);
	numashim_record_machine(&rc, rw, false, ip);
	lttng_ust_do_tracepoint(numashim, get_mempolicy_exit, &rc.res, &g,
				&mask_rec, ip);
	errno = rc.program_errno;
	return ret;
}

static long record_set_mempolicy_home_node(
	const struct numashim_set_mempolicy_home_node_args *a,
	struct numashim_rewrite *rw, void *ip)
{
	struct numashim_recorded_call rc;
	long ret;

	numashim_record_enter(&rc, rw, ip);
	lttng_ust_do_tracepoint(numashim, set_mempolicy_home_node_entry,
				&rc.call, a, ip);
	numashim_record_call_start(&rc);
	ret = numashim_rewrite_call_set_mempolicy_home_node(rw);
	numashim_record_call_end(&rc, ret);

	/* kernel_nodes: the home node the kernel got, as a one-node list. */
	if (rw->rule) {
		int32_t home = rw->args.set_mempolicy_home_node.home_node;
		struct numashim_array_src kernel_nodes;

		numashim_array_init(&kernel_nodes, NUMASHIM_ARRAY_KERNEL_NODES,
				    &home, 1, sizeof(home));
		rc.res.incomplete |= record_rewrite(rw, 0, 0, &kernel_nodes, ip);
	}
	numashim_record_machine(&rc, rw, true, ip);
	lttng_ust_do_tracepoint(numashim, set_mempolicy_home_node_exit,
				&rc.res, ip);
	errno = rc.program_errno;
	return ret;
}

NUMASHIM_DEFINE_HANDLE(set_mempolicy)
NUMASHIM_DEFINE_HANDLE(get_mempolicy)
NUMASHIM_DEFINE_HANDLE(set_mempolicy_home_node)

/*
 * The entry points: raw is NULL for a call through the function, and the
 * six syscall() arguments otherwise.
 */
#define DEFINE_POLICY_CALL(call)					\
static long do_##call(const struct numashim_##call##_args *a,		\
		      const long *raw, void *ip)			\
{									\
	if (!NUMASHIM_TRACING(call) && !numashim_rewrite_active())	\
		return numashim_real_##call(a, raw);			\
	return handle_##call(a, raw, ip);				\
}

DEFINE_POLICY_CALL(set_mempolicy)
DEFINE_POLICY_CALL(get_mempolicy)
DEFINE_POLICY_CALL(set_mempolicy_home_node)

NUMASHIM_EXPORT
long set_mempolicy(int mode, const unsigned long *nodemask,
		   unsigned long maxnode)
{
	const struct numashim_set_mempolicy_args a = {
		mode, nodemask, maxnode,
	};

	return do_set_mempolicy(&a, NULL, __builtin_return_address(0));
}

/* libnuma hands flags to syscall(), which widens it unsigned. */
NUMASHIM_EXPORT
long get_mempolicy(int *mode, unsigned long *nodemask, unsigned long maxnode,
		   void *addr, unsigned int flags)
{
	const struct numashim_get_mempolicy_args a = {
		mode, nodemask, maxnode, addr, flags,
	};

	return do_get_mempolicy(&a, NULL, __builtin_return_address(0));
}

long set_mempolicy_home_node(unsigned long start, unsigned long len,
			     unsigned long home_node, unsigned long flags);

NUMASHIM_EXPORT
long set_mempolicy_home_node(unsigned long start, unsigned long len,
			     unsigned long home_node, unsigned long flags)
{
	const struct numashim_set_mempolicy_home_node_args a = {
		start, len, home_node, flags,
	};

	return do_set_mempolicy_home_node(&a, NULL,
					  __builtin_return_address(0));
}

/* The kernel reads set_mempolicy's mode as an int. */
long numashim_policy_syscall(long nr, const long raw[6], void *ip)
{
	switch (nr) {
	case SYS_set_mempolicy: {
		const struct numashim_set_mempolicy_args a = {
			(int) raw[0], (const unsigned long *) raw[1], raw[2],
		};

		return do_set_mempolicy(&a, raw, ip);
	}
	case SYS_get_mempolicy: {
		const struct numashim_get_mempolicy_args a = {
			(int *) raw[0], (unsigned long *) raw[1], raw[2],
			(void *) raw[3], raw[4],
		};

		return do_get_mempolicy(&a, raw, ip);
	}
	default: {
		const struct numashim_set_mempolicy_home_node_args a = {
			raw[0], raw[1], raw[2], raw[3],
		};

		return do_set_mempolicy_home_node(&a, raw, ip);
	}
	}
}
