/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_REWRITE_H
#define NUMASHIM_REWRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "numashim-payload.h"
#include "rules.h"

struct numashim_scratch;

/*
 * One call as the rules leave it: the arguments the kernel gets (the
 * program's own when no rule fired), or the failure made up instead.
 */
struct numashim_rewrite {
	const struct numashim_rule *rule;	/* NULL: no rule fired */
	unsigned int rule_no;			/* from 1, in the rule set */
	uint64_t seq;				/* the call's number in the process */
	const long *raw;			/* syscall() arguments, or NULL */
	long raw_buf[6];
	union {
		struct numashim_move_pages_args move_pages;
		struct numashim_migrate_pages_args migrate_pages;
		struct numashim_mbind_args mbind;
		struct numashim_set_mempolicy_args set_mempolicy;
		struct numashim_get_mempolicy_args get_mempolicy;
		struct numashim_set_mempolicy_home_node_args set_mempolicy_home_node;
	} args;
	int saved_mode;				/* set_mempolicy's dry run: the policy before */
	int *nodes;				/* rewritten nodes, or NULL */
	uint64_t injected_pages;
	struct numashim_scratch *scratch;	/* the call's buffers, or NULL */
};

void numashim_rewrite_init(void);

/* NUMASHIM_REWRITE_UNKNOWN until the rules are loaded. */
enum { NUMASHIM_REWRITE_UNKNOWN, NUMASHIM_REWRITE_NONE, NUMASHIM_REWRITE_RULES };
extern int numashim_rewrite_state;

/* Every intercepted call asks: one load, once the rules are known. */
static inline bool numashim_rewrite_active(void)
{
	int state = __atomic_load_n(&numashim_rewrite_state, __ATOMIC_ACQUIRE);

	if (__builtin_expect(state == NUMASHIM_REWRITE_UNKNOWN, 0)) {
		numashim_rewrite_init();
		state = __atomic_load_n(&numashim_rewrite_state, __ATOMIC_ACQUIRE);
	}
	return state == NUMASHIM_REWRITE_RULES;
}

void numashim_rewrite_move_pages(struct numashim_rewrite *rw,
				 const struct numashim_move_pages_args *a,
				 const long *raw, const void *ip, uint64_t seq);
void numashim_rewrite_migrate_pages(struct numashim_rewrite *rw,
				    const struct numashim_migrate_pages_args *a,
				    const long *raw, const void *ip, uint64_t seq);
void numashim_rewrite_mbind(struct numashim_rewrite *rw,
			    const struct numashim_mbind_args *a,
			    const long *raw, const void *ip, uint64_t seq);
void numashim_rewrite_set_mempolicy(struct numashim_rewrite *rw,
				    const struct numashim_set_mempolicy_args *a,
				    const long *raw, const void *ip, uint64_t seq);
void numashim_rewrite_get_mempolicy(struct numashim_rewrite *rw,
				    const struct numashim_get_mempolicy_args *a,
				    const long *raw, const void *ip, uint64_t seq);
void numashim_rewrite_set_mempolicy_home_node(
	struct numashim_rewrite *rw,
	const struct numashim_set_mempolicy_home_node_args *a,
	const long *raw, const void *ip, uint64_t seq);

long numashim_rewrite_call_move_pages(struct numashim_rewrite *rw);
long numashim_rewrite_call_migrate_pages(struct numashim_rewrite *rw);
long numashim_rewrite_call_mbind(struct numashim_rewrite *rw);
long numashim_rewrite_call_set_mempolicy(struct numashim_rewrite *rw);
long numashim_rewrite_call_get_mempolicy(struct numashim_rewrite *rw);
long numashim_rewrite_call_set_mempolicy_home_node(struct numashim_rewrite *rw);

bool numashim_rewrite_page_injected(const struct numashim_rewrite *rw,
				    uint64_t page);
void numashim_rewrite_done(struct numashim_rewrite *rw);

/*
 * handle_CALL(): a call that is recorded or may be rewritten: its number,
 * the rules' verdict, then the kernel, through record_CALL(a, rw, ip)
 * when a session records it. Preparing a rewrite may touch errno: the
 * program's goes to the kernel. Out of line, so that the common path,
 * nothing recorded and no rules, stays a few instructions.
 */
#define NUMASHIM_DEFINE_HANDLE(call)					\
static long __attribute__((noinline))					\
handle_##call(const struct numashim_##call##_args *a, const long *raw,	\
	      void *ip)							\
{									\
	struct numashim_rewrite rw;					\
	int saved_errno = errno;					\
	long ret;							\
									\
	rw.scratch = numashim_scratch_get();				\
	numashim_rewrite_##call(&rw, a, raw, ip, numashim_call_number());	\
	errno = saved_errno;						\
	if (NUMASHIM_TRACING(call))					\
		ret = record_##call(a, &rw, ip);			\
	else								\
		ret = numashim_rewrite_call_##call(&rw);		\
	numashim_rewrite_done(&rw);					\
	numashim_scratch_put(rw.scratch);				\
	return ret;							\
}

#endif /* NUMASHIM_REWRITE_H */
