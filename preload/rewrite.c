// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrite rules at work: for each intercepted call, the first rule
 * that matches it (numashim-rewrite(7), match.c) decides what the kernel
 * gets, or which failure the program gets instead. Without NUMASHIM_REWRITE the
 * program's arguments go to the kernel untouched.
 *
 * Rewritten arrays live in the shim's room for calls, reserved when the
 * library loads (scratch.h), never in the program's memory nor in memory
 * mapped during the call: the program's own arrays are only read, with
 * the same care as for tracing, and a call whose arrays cannot be read
 * whole, or cannot have room, is left as it is for the kernel to judge.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "arrays.h"
#include "match.h"
#include "real.h"
#include "rewrite.h"
#include "scratch.h"
#include "usermem.h"

#define BITS_PER_LONG (8 * sizeof(unsigned long))

static struct numashim_rules rules;
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;
int numashim_rewrite_state;

/*
 * A program must never run with part of its rules, or with none when it
 * was given some: a rule set that does not load ends the process before
 * main(), as a bad option ends a command.
 */
static void rules_load(void)
{
	const char *text = secure_getenv("NUMASHIM_REWRITE");
	char explanation[1024];
	int state = NUMASHIM_REWRITE_NONE;

	if (text && *text) {
		if (numashim_rules_load(text, &rules, "numashim: NUMASHIM_REWRITE",
					explanation, sizeof(explanation))) {
			fputs(explanation, stderr);
			_exit(127);
		}
		state = NUMASHIM_REWRITE_RULES;
	}
	__atomic_store_n(&numashim_rewrite_state, state, __ATOMIC_RELEASE);
}

/* Also on a first call that comes before the library's constructor. */
void numashim_rewrite_init(void)
{
	pthread_once(&rules_once, rules_load);
}

static void rewrite_begin(struct numashim_rewrite *rw, const long *raw,
			  uint64_t seq)
{
	rw->rule = NULL;
	rw->rule_no = 0;
	rw->seq = seq;
	rw->raw = raw;
	rw->nodes = NULL;
	rw->injected_pages = 0;
}

/*
 * The call's two mask buffers: free until the call is recorded, which
 * reads the rewritten masks in place before it copies the program's.
 */
static unsigned long *masks_get(const struct numashim_rewrite *rw)
{
	return rw->scratch ? rw->scratch->masks[0] : NULL;
}

void numashim_rewrite_done(struct numashim_rewrite *rw)
{
	numashim_scratch_nodes_put(rw->nodes);
	rw->nodes = NULL;
}

/* The raw syscall() arguments, with the rewritten ones in their places. */
static void raw_set(struct numashim_rewrite *rw, unsigned int i, long v)
{
	if (!rw->raw)
		return;
	if (rw->raw != rw->raw_buf) {
		memcpy(rw->raw_buf, rw->raw, sizeof(rw->raw_buf));
		rw->raw = rw->raw_buf;
	}
	rw->raw_buf[i] = v;
}

/* The map of r that takes node, among its source maps or the others. */
static const struct numashim_node_map *map_for(const struct numashim_rule *r,
					       unsigned int node, bool source)
{
	unsigned int m;

	for (m = 0; m < r->n_maps; m++)
		if (r->maps[m].source == source &&
		    (r->maps[m].from_any ||
		     numashim_node_set_has(&r->maps[m].from, node)))
			return &r->maps[m];
	return NULL;
}

#define SET_WORDS (NUMASHIM_RULE_NODES / 64)

/*
 * The turn-th node of a map's target set, round and round. Called for
 * every page of a mapped call: a word of the set at a time, not a bit.
 */
static unsigned int map_target(const struct numashim_node_map *m,
			       uint64_t turn)
{
	unsigned int w, count = 0;
	uint64_t bits;

	for (w = 0; w < SET_WORDS; w++)
		count += __builtin_popcountll(m->to.bits[w]);
	turn %= count;
	for (w = 0; turn >= (uint64_t) __builtin_popcountll(m->to.bits[w]); w++)
		turn -= __builtin_popcountll(m->to.bits[w]);
	for (bits = m->to.bits[w]; turn--; bits &= bits - 1)
		;
	return w * 64 + __builtin_ctzll(bits);
}

/* move_pages' nodes, mapped page by page; false if they cannot be read. */
static bool nodes_map(struct numashim_rewrite *rw, const struct numashim_rule *r,
		      const int *user, unsigned long count)
{
	size_t size = count * sizeof(int);
	uint64_t turn = 0;
	unsigned long i;
	int *nodes, err;

	nodes = rw->nodes = numashim_scratch_nodes_get(count);
	if (!nodes)
		return false;
	if (numashim_copy_in(nodes, user, size, &err) != size)
		return false;
	for (i = 0; i < count; i++) {
		const struct numashim_node_map *m =
			nodes[i] >= 0 ? map_for(r, nodes[i], false) : NULL;

		if (m)
			nodes[i] = map_target(m, turn++);
	}
	rw->args.move_pages.nodes = nodes;
	return true;
}

void numashim_rewrite_move_pages(struct numashim_rewrite *rw,
				 const struct numashim_move_pages_args *a,
				 const long *raw, const void *ip, uint64_t seq)
{
	struct numashim_move_pages_args *k = &rw->args.move_pages;
	const struct numashim_rule *r;

	rewrite_begin(rw, raw, seq);
	*k = *a;
	r = numashim_match(&rules, NUMASHIM_RULE_MOVE_PAGES, ip, seq,
			   rw->scratch, &rw->rule_no);
	if (!r)
		return;
	if (r->dry_run) {
		k->nodes = NULL;
	} else if (r->n_maps && a->nodes && !nodes_map(rw, r, a->nodes, a->count)) {
		numashim_rewrite_done(rw);
		*k = *a;
		return;
	}
	k->flags = (k->flags | r->flags_add) & ~r->flags_drop;
	raw_set(rw, 3, (long) k->nodes);
	raw_set(rw, 5, k->flags);
	rw->rule = r;
}

static bool page_in_ranges(const struct numashim_rule *r, uint64_t page)
{
	unsigned int i;

	for (i = 0; i < r->n_page_ranges; i++)
		if (page >= r->page_ranges[i].first &&
		    page <= r->page_ranges[i].last)
			return true;
	return !r->n_page_ranges;
}

bool numashim_rewrite_page_injected(const struct numashim_rewrite *rw,
				    uint64_t page)
{
	const struct numashim_rule *r = rw->rule;

	return r && r->fail_pages_status && page_in_ranges(r, page) &&
	       numashim_match_draw(r->seed, rw->rule_no, rw->seq, page) <
	       r->fail_pages_ppm;
}

/* fail=: the call never reaches the kernel. */
static bool failed_by_rule(const struct numashim_rewrite *rw)
{
	if (!rw->rule || !rw->rule->fail_errno)
		return false;
	errno = rw->rule->fail_errno;
	return true;
}

long numashim_rewrite_call_move_pages(struct numashim_rewrite *rw)
{
	const struct numashim_move_pages_args *k = &rw->args.move_pages;
	unsigned long i;
	long ret;

	if (failed_by_rule(rw))
		return -1;
	ret = numashim_real_move_pages(k, rw->raw);
	/* The kernel wrote the whole status array: it is the program's to keep. */
	if (ret < 0 || !k->status)
		return ret;
	for (i = 0; i < k->count; i++) {
		if (!numashim_rewrite_page_injected(rw, i))
			continue;
		k->status[i] = -rw->rule->fail_pages_status;
		rw->injected_pages++;
	}
	return ret;
}

static void bit_set(unsigned long *mask, unsigned long bit)
{
	mask[bit / BITS_PER_LONG] |= 1UL << (bit % BITS_PER_LONG);
}

/*
 * The program's mask is read a piece at a time, not into a copy of the
 * whole (4 KiB) on the program's stack: a mask that long is rare, and
 * costs a read per piece.
 */
#define MASK_PIECE_WORDS 32
#define MASK_PIECE_BITS (MASK_PIECE_WORDS * BITS_PER_LONG)

/*
 * The node mask the kernel would read (maxnode - 1 bits) into out, with
 * r's source maps or its others applied: a node that a map takes is
 * replaced by all of the map's targets. Returns the maxnode that covers
 * the new mask, or 0 when the program's mask cannot be read or is more
 * than the kernel takes.
 */
static unsigned long mask_map(const struct numashim_rule *r, bool source,
			      const unsigned long *user, unsigned long maxnode,
			      unsigned long *out)
{
	unsigned long in[MASK_PIECE_WORDS], bits, node, top = 0;
	size_t size;
	int err;

	if (!user || maxnode < 2 || maxnode - 1 > NUMASHIM_MASK_MAX_BITS)
		return 0;
	bits = maxnode - 1;
	memset(out, 0, NUMASHIM_MASK_MAX_WORDS * sizeof(long));
	for (node = 0; node < bits; node++) {
		const struct numashim_node_map *m;
		unsigned int target;
		unsigned long word = node / BITS_PER_LONG;

		if (node % MASK_PIECE_BITS == 0) {
			size = (bits - node + BITS_PER_LONG - 1) / BITS_PER_LONG;
			size = (size < MASK_PIECE_WORDS ? size : MASK_PIECE_WORDS) *
			       sizeof(long);
			if (numashim_copy_in(in, user + word, size, &err) != size)
				return 0;
		}
		if (!(in[word % MASK_PIECE_WORDS] >> (node % BITS_PER_LONG) & 1))
			continue;
		m = map_for(r, node, source);
		if (!m) {
			bit_set(out, node);
			top = node > top ? node : top;
			continue;
		}
		for (target = 0; target < NUMASHIM_RULE_NODES; target++) {
			if (!numashim_node_set_has(&m->to, target))
				continue;
			bit_set(out, target);
			top = target > top ? target : top;
		}
	}
	return top + 2 > maxnode ? top + 2 : maxnode;
}

void numashim_rewrite_migrate_pages(struct numashim_rewrite *rw,
				    const struct numashim_migrate_pages_args *a,
				    const long *raw, const void *ip, uint64_t seq)
{
	struct numashim_migrate_pages_args *k = &rw->args.migrate_pages;
	const struct numashim_rule *r;
	unsigned long *old_nodes, *new_nodes, maxnode;

	rewrite_begin(rw, raw, seq);
	*k = *a;
	r = numashim_match(&rules, NUMASHIM_RULE_MIGRATE_PAGES, ip, seq,
			   rw->scratch, &rw->rule_no);
	if (!r)
		return;
	if (r->n_maps) {
		unsigned long old_max;

		/* Both masks share maxnode: the wider one sets it for both. */
		new_nodes = masks_get(rw);
		old_nodes = new_nodes + NUMASHIM_MASK_MAX_WORDS;
		maxnode = new_nodes ? mask_map(r, false, a->new_nodes, a->maxnode,
					       new_nodes) : 0;
		old_max = maxnode ? mask_map(r, true, a->old_nodes, a->maxnode,
					     old_nodes) : 0;
		if (!old_max)
			return;
		maxnode = old_max > maxnode ? old_max : maxnode;
		k->old_nodes = old_nodes;
		k->new_nodes = new_nodes;
		k->maxnode = maxnode;
		raw_set(rw, 1, maxnode);
		raw_set(rw, 2, (long) old_nodes);
		raw_set(rw, 3, (long) new_nodes);
	}
	rw->rule = r;
}

long numashim_rewrite_call_migrate_pages(struct numashim_rewrite *rw)
{
	if (failed_by_rule(rw))
		return -1;
	return numashim_real_migrate_pages(&rw->args.migrate_pages, rw->raw);
}

/*
 * r's node maps on a call's node mask, into the call's first mask buffer;
 * false, the mask as it was, when the program's cannot be read or there
 * is no room: the rule does not fire.
 */
static bool nodemask_map(struct numashim_rewrite *rw,
			 const struct numashim_rule *r,
			 const unsigned long **nodemask, unsigned long *maxnode)
{
	unsigned long *mask = masks_get(rw);
	unsigned long n = mask ? mask_map(r, false, *nodemask, *maxnode, mask) : 0;

	if (!n)
		return false;
	*nodemask = mask;
	*maxnode = n;
	return true;
}

void numashim_rewrite_mbind(struct numashim_rewrite *rw,
			    const struct numashim_mbind_args *a,
			    const long *raw, const void *ip, uint64_t seq)
{
	struct numashim_mbind_args *k = &rw->args.mbind;
	const struct numashim_rule *r;

	rewrite_begin(rw, raw, seq);
	*k = *a;
	r = numashim_match(&rules, NUMASHIM_RULE_MBIND, ip, seq,
			   rw->scratch, &rw->rule_no);
	if (!r)
		return;
	if (r->n_maps) {
		if (!nodemask_map(rw, r, &k->nodemask, &k->maxnode))
			return;
		raw_set(rw, 3, (long) k->nodemask);
		raw_set(rw, 4, k->maxnode);
	}
	if (r->set_mode) {
		k->mode = r->mode;
		raw_set(rw, 2, k->mode);
	}
	k->flags = (k->flags | r->flags_add) & ~r->flags_drop;
	/* A dry run keeps the policy and moves nothing that is there. */
	if (r->dry_run)
		k->flags &= ~NUMASHIM_MPOL_MF_MOVE_ANY;
	raw_set(rw, 5, k->flags);
	rw->rule = r;
}

long numashim_rewrite_call_mbind(struct numashim_rewrite *rw)
{
	if (failed_by_rule(rw))
		return -1;
	return numashim_real_mbind(&rw->args.mbind, rw->raw);
}

/*
 * The thread's policy before a dry run of set_mempolicy, into the call's
 * second mask buffer: false when it cannot be read, and the rule does
 * not fire. Straight to the kernel, as a program's libnuma would.
 */
static bool policy_save(struct numashim_rewrite *rw)
{
	unsigned long *saved = masks_get(rw);

	return saved && !numashim_real_syscall(SYS_get_mempolicy, (const long[6]) {
		(long) &rw->saved_mode, (long) (saved + NUMASHIM_MASK_MAX_WORDS),
		NUMASHIM_MASK_MAX_BITS + 1, 0, 0 });
}

static void policy_restore(const struct numashim_rewrite *rw)
{
	numashim_real_syscall(SYS_set_mempolicy, (const long[6]) {
		rw->saved_mode, (long) (masks_get(rw) + NUMASHIM_MASK_MAX_WORDS),
		NUMASHIM_MASK_MAX_BITS + 1 });
}

void numashim_rewrite_set_mempolicy(struct numashim_rewrite *rw,
				    const struct numashim_set_mempolicy_args *a,
				    const long *raw, const void *ip, uint64_t seq)
{
	struct numashim_set_mempolicy_args *k = &rw->args.set_mempolicy;
	const struct numashim_rule *r;

	rewrite_begin(rw, raw, seq);
	*k = *a;
	r = numashim_match(&rules, NUMASHIM_RULE_SET_MEMPOLICY, ip, seq,
			   rw->scratch, &rw->rule_no);
	if (!r)
		return;
	if (r->dry_run && !policy_save(rw))
		return;
	if (r->n_maps) {
		if (!nodemask_map(rw, r, &k->nodemask, &k->maxnode))
			return;
		raw_set(rw, 1, (long) k->nodemask);
		raw_set(rw, 2, k->maxnode);
	}
	if (r->set_mode) {
		k->mode = r->mode;
		raw_set(rw, 0, k->mode);
	}
	rw->rule = r;
}

/*
 * A dry run has the kernel judge the call, so that the program gets its
 * answer, then puts the thread's policy back: nothing is placed by it.
 */
long numashim_rewrite_call_set_mempolicy(struct numashim_rewrite *rw)
{
	long ret;
	int err;

	if (failed_by_rule(rw))
		return -1;
	ret = numashim_real_set_mempolicy(&rw->args.set_mempolicy, rw->raw);
	if (ret || !rw->rule || !rw->rule->dry_run)
		return ret;
	err = errno;
	policy_restore(rw);
	errno = err;
	return ret;
}

void numashim_rewrite_get_mempolicy(struct numashim_rewrite *rw,
				    const struct numashim_get_mempolicy_args *a,
				    const long *raw, const void *ip, uint64_t seq)
{
	rewrite_begin(rw, raw, seq);
	rw->args.get_mempolicy = *a;
	rw->rule = numashim_match(&rules, NUMASHIM_RULE_GET_MEMPOLICY, ip, seq,
				  rw->scratch, &rw->rule_no);
}

long numashim_rewrite_call_get_mempolicy(struct numashim_rewrite *rw)
{
	if (failed_by_rule(rw))
		return -1;
	return numashim_real_get_mempolicy(&rw->args.get_mempolicy, rw->raw);
}

/*
 * The home node is one node: the map that takes it gives it its target,
 * the only one the parser lets it have. A node past those rules name is
 * taken by * alone.
 */
void numashim_rewrite_set_mempolicy_home_node(
	struct numashim_rewrite *rw,
	const struct numashim_set_mempolicy_home_node_args *a,
	const long *raw, const void *ip, uint64_t seq)
{
	struct numashim_set_mempolicy_home_node_args *k =
		&rw->args.set_mempolicy_home_node;
	const struct numashim_node_map *m;
	const struct numashim_rule *r;

	rewrite_begin(rw, raw, seq);
	*k = *a;
	r = numashim_match(&rules, NUMASHIM_RULE_SET_MEMPOLICY_HOME_NODE, ip,
			   seq, rw->scratch, &rw->rule_no);
	if (!r)
		return;
	m = map_for(r, a->home_node < NUMASHIM_RULE_NODES ? a->home_node :
		    NUMASHIM_RULE_NODES, false);
	if (m) {
		k->home_node = map_target(m, 0);
		raw_set(rw, 2, k->home_node);
	}
	rw->rule = r;
}

long numashim_rewrite_call_set_mempolicy_home_node(struct numashim_rewrite *rw)
{
	if (failed_by_rule(rw))
		return -1;
	return numashim_real_set_mempolicy_home_node(
		&rw->args.set_mempolicy_home_node, rw->raw);
}
