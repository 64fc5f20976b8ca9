// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Memory policy calls whose trace the tests check (scenarios/policy.scn):
 * set_mempolicy, get_mempolicy and set_mempolicy_home_node through their
 * functions and through syscall(), with good and bad arguments, and
 * libnuma's calls that reach them; each written down through expect.c
 * with what the kernel answered. The host has node 0 at least.
 *
 * With an argument, calls made to run under rewrite rules instead
 * (policy-rewrite.test), each checked against what the kernel really
 * holds afterwards, asked without the shim: "rewritten" under
 * "set_mempolicy: node 1 -> 0; set_mempolicy_home_node: node 1 -> 0",
 * "failed" under fail=EPERM for the three calls, "dry-run" under
 * "set_mempolicy: dry-run". Exits 3 when the
 * program gets or leaves what the rules should not give.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <numa.h>
#include <numaif.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expect.h"
#include "pages.h"
#include "raw-syscall.h"

#define WORD_BITS (8 * sizeof(unsigned long))
#define MASK_WORDS 16	/* room for a maxnode of 1025 */
#define MAXNODE 65	/* one word of mask */
#define BAD_PTR ((void *) 8)

static const int node0[] = { 0 };
static const unsigned long mask0[MASK_WORDS] = { 1 };
static const int node1[] = { 1 };
static const unsigned long mask1[MASK_WORDS] = { 2 };

typedef long (*home_node_fn)(unsigned long, unsigned long, unsigned long,
			     unsigned long);

static __attribute__((noinline)) long
checked_set_mempolicy(struct expect_site site, int mode,
		      const unsigned long *mask, unsigned long maxnode,
		      const int *nodes, int nnodes)
{
	long ret;
	int err;

	errno = 0;
	ret = site.via == EXPECT_SYSCALL ?
	      syscall(SYS_set_mempolicy, mode, mask, maxnode) :
	      set_mempolicy(mode, mask, maxnode);
	err = errno;
	expect_set_mempolicy(site, mode, mask, nodes, nnodes, maxnode, ret,
			     err);
	return ret;
}

/* The nodes set in the words a successful get_mempolicy wrote. */
static int written_nodes(const unsigned long *mask, unsigned long maxnode,
			 int *nodes)
{
	unsigned long bits, bit;
	int n = 0;

	if (!mask || maxnode <= 1)
		return 0;
	bits = (maxnode - 1 + WORD_BITS - 1) / WORD_BITS * WORD_BITS;
	for (bit = 0; bit < bits; bit++)
		if (mask[bit / WORD_BITS] & 1UL << bit % WORD_BITS)
			nodes[n++] = bit;
	return n;
}

static __attribute__((noinline)) long
checked_get_mempolicy(struct expect_site site, int *mode,
		      unsigned long *mask, unsigned long maxnode, void *addr,
		      unsigned long flags)
{
	int nodes[MASK_WORDS * 64];
	int nnodes = 0, err;
	long ret;

	errno = 0;
	ret = site.via == EXPECT_SYSCALL ?
	      syscall(SYS_get_mempolicy, mode, mask, maxnode, addr, flags) :
	      get_mempolicy(mode, mask, maxnode, addr, flags);
	err = errno;
	if (!ret)
		nnodes = written_nodes(mask, maxnode, nodes);
	expect_get_mempolicy(site, mode, mask, maxnode, addr, flags,
			     !ret && mode ? (unsigned long) *mode : EXPECT_ANY,
			     nodes, nnodes, ret, err);
	return ret;
}

/*
 * No library defines the function: a program finds the shim's by name,
 * or makes the system call when there is none.
 */
static __attribute__((noinline)) long
checked_home_node(struct expect_site site, void *start, unsigned long len,
		  unsigned long home_node, unsigned long flags)
{
	home_node_fn fn = dlsym(RTLD_DEFAULT, "set_mempolicy_home_node");
	long ret;
	int err;

	if (!fn)
		site.via = EXPECT_SYSCALL;
	errno = 0;
	ret = site.via == EXPECT_SYSCALL ?
	      syscall(SYS_set_mempolicy_home_node, start, len, home_node,
		      flags) :
	      fn((unsigned long) start, len, home_node, flags);
	err = errno;
	expect_set_mempolicy_home_node(site, start, len, home_node, flags,
				       ret, err);
	return ret;
}

/*
 * Ends the program unless cond holds: what says what went wrong, and
 * errno, when set, what the last call that failed answered.
 */
static void want(int cond, const char *what)
{
	int err = errno;

	if (!cond) {
		fprintf(stderr, "policy: %s%s%s\n", what, err ? ": " : "",
			err ? strerror(err) : "");
		exit(3);
	}
}

/* Every mode the kernel has, on node 0. */
static void set_policies(enum expect_via via)
{
	struct expect_site site = EXPECT_SITE(via, 1);

	want(!checked_set_mempolicy(site, MPOL_BIND, mask0, MAXNODE, node0, 1),
	     "bind failed");
	want(!checked_set_mempolicy(site, MPOL_INTERLEAVE | MPOL_F_STATIC_NODES,
				    mask0, MAXNODE, node0, 1),
	     "interleave failed");
	want(!checked_set_mempolicy(site, MPOL_PREFERRED, mask0, 2, node0, 1),
	     "preferred failed");
	want(!checked_set_mempolicy(site, MPOL_WEIGHTED_INTERLEAVE, mask0,
				    MAXNODE, node0, 1),
	     "weighted interleave failed");
	want(!checked_set_mempolicy(site, MPOL_LOCAL, NULL, 0, node0, 0),
	     "local failed");
	want(!checked_set_mempolicy(site, MPOL_DEFAULT, NULL, 0, node0, 0),
	     "default failed");
}

/* The answers of get_mempolicy, and a home node, on a bound range. */
static void get_policies(enum expect_via via)
{
	struct expect_site site = EXPECT_SITE(via, 1);
	unsigned long mask[MASK_WORDS] = { 0 };
	char *mem = map_pages(2, 2);
	int mode = -1;
	long ret;

	want(!checked_set_mempolicy(site, MPOL_INTERLEAVE, mask0, MAXNODE,
				    node0, 1), "interleave failed");
	want(!checked_get_mempolicy(site, &mode, mask, MAXNODE, NULL, 0),
	     "get failed");
	want(!checked_get_mempolicy(site, &mode, NULL, 0, NULL, MPOL_F_NODE),
	     "get next node failed");
	want(!checked_get_mempolicy(site, &mode, mask, 1025, NULL,
				    MPOL_F_MEMS_ALLOWED), "get allowed failed");
	want(!checked_get_mempolicy(site, NULL, NULL, 0, NULL, 0),
	     "get none failed");
	ret = mbind(mem, 2 * page_size, MPOL_BIND, mask0, MAXNODE, 0);
	expect_mbind(EXPECT_SITE(EXPECT_FUNCTION, 0), mem, 2 * page_size,
		     MPOL_BIND, node0, 1, MAXNODE, 0, ret, errno);
	want(!ret, "mbind failed");
	want(!checked_get_mempolicy(site, &mode, mask, MAXNODE, mem,
				    MPOL_F_ADDR), "get range failed");
	want(!checked_get_mempolicy(site, &mode, NULL, 0, mem,
				    MPOL_F_NODE | MPOL_F_ADDR),
	     "get page node failed");
	want(!checked_home_node(site, mem, 2 * page_size, 0, 0),
	     "home node failed");
	want(!checked_set_mempolicy(site, MPOL_DEFAULT, NULL, 0, node0, 0),
	     "default failed");
	munmap(mem, 2 * page_size);
}

static __attribute__((noinline)) void
checked_mbind(void *addr, unsigned long len, int mode,
	      const unsigned long *mask, const int *nodes, int nnodes)
{
	long ret = mbind(addr, len, mode, mask, MAXNODE, 0);

	expect_mbind(EXPECT_SITE(EXPECT_FUNCTION, 0), addr, len, mode, nodes,
		     nnodes, MAXNODE, 0, ret, errno);
}

/*
 * The same mbind made again over a range, as runtimes do, which the
 * policies view counts in one row: three times, then another policy
 * over part of the range, which ends that row, then twice again; a
 * refused one twice. Under weighted interleave too, whose rows show
 * the weights in force (a kernel before Linux 6.9 refuses the mode).
 */
static void ranges(void)
{
	char *mem = map_pages(2, 2);
	int i;

	for (i = 0; i < 3; i++)
		checked_mbind(mem, 2 * page_size, MPOL_BIND, mask0, node0, 1);
	checked_mbind(mem + page_size, page_size, MPOL_PREFERRED, mask0,
		      node0, 1);
	for (i = 0; i < 2; i++)
		checked_mbind(mem, 2 * page_size, MPOL_BIND, mask0, node0, 1);
	for (i = 0; i < 2; i++)
		checked_mbind(mem + 1, page_size, MPOL_BIND, mask0, node0, 1);
	for (i = 0; i < 2; i++)
		checked_mbind(mem, 2 * page_size, MPOL_WEIGHTED_INTERLEAVE,
			      mask0, node0, 1);
	munmap(mem, 2 * page_size);
}

/* What the kernel refuses, recorded as it answered. */
static void refused(enum expect_via via)
{
	struct expect_site site = EXPECT_SITE(via, 1);
	unsigned long mask[MASK_WORDS] = { 0 };
	char *mem = map_pages(1, 1);
	int mode = -1;

	checked_set_mempolicy(site, 99, mask0, MAXNODE, node0, 1);
	checked_set_mempolicy(site, MPOL_BIND, NULL, MAXNODE, node0, 0);
	checked_set_mempolicy(site, MPOL_BIND, BAD_PTR, MAXNODE, NULL, 0);
	checked_set_mempolicy(site, MPOL_BIND, mask0, 1UL << 20, NULL, 0);
	checked_set_mempolicy(site, MPOL_BIND | 1 << 20, mask0, MAXNODE,
			      node0, 1);
	munmap(mem, page_size);
	checked_get_mempolicy(site, &mode, mask, MAXNODE, mem, MPOL_F_ADDR);
	checked_get_mempolicy(site, BAD_PTR, mask, MAXNODE, NULL, 0);
	checked_get_mempolicy(site, &mode, BAD_PTR, MAXNODE, NULL, 0);
	checked_get_mempolicy(site, &mode, mask, 0, NULL, 0);
	checked_get_mempolicy(site, &mode, mask, MAXNODE, NULL, 1 << 5);
	checked_get_mempolicy(site, &mode, NULL, 0, NULL, MPOL_F_NODE);
	checked_home_node(site, mem + 1, page_size, 0, 0);
	checked_home_node(site, mem, page_size, 0, 1);
	checked_home_node(site, mem, page_size, 4096, 0);
}

/* libnuma's calls, which reach the kernel through numaif.h's functions. */
static void libnuma_calls(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 1);
	struct bitmask *m = numa_allocate_nodemask();
	const void *any = (const void *) EXPECT_ANY;

	numa_bitmask_setbit(m, 0);
	numa_set_membind(m);
	expect_set_mempolicy(site, MPOL_BIND, any, node0, 1, EXPECT_ANY, 0, 0);
	numa_set_preferred(0);
	expect_set_mempolicy(site, MPOL_PREFERRED, any, node0, 1, EXPECT_ANY,
			     0, 0);
	numa_set_interleave_mask(m);
	expect_set_mempolicy(site, MPOL_INTERLEAVE, any, node0, 1, EXPECT_ANY,
			     0, 0);
	numa_bitmask_free(numa_get_interleave_mask());
	expect_get_mempolicy(site, any, any, EXPECT_ANY, NULL, 0,
			     MPOL_INTERLEAVE, node0, 1, 0, 0);
	numa_set_localalloc();
	expect_set_mempolicy(site, MPOL_LOCAL, any, node0, 0, EXPECT_ANY, 0, 0);
	numa_bitmask_free(numa_get_membind());
	expect_get_mempolicy(site, any, any, EXPECT_ANY, NULL, 0, MPOL_LOCAL,
			     node0, 0, 0, 0);
	numa_bitmask_free(m);
}

/* The thread's policy as the kernel holds it, asked past the shim. */
static int kernel_policy(unsigned long *mask)
{
	int mode = -1;

	mask[0] = 0;
	if (raw_syscall(SYS_get_mempolicy, &mode, mask, MAXNODE, 0, 0))
		return -1;
	return mode;
}

/*
 * Node 1 is not here: the BIND {1} and the home node 1 that the kernel
 * refuses with EINVAL are mapped to node 0, and work. Bad masks still
 * get the kernel's answer.
 */
static void rewritten(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 1);
	unsigned long mask[MASK_WORDS] = { 0 };
	char *mem = map_pages(2, 2);
	int mode = -1;

	want(!checked_set_mempolicy(site, MPOL_BIND, mask1, MAXNODE, node1, 1),
	     "set_mempolicy BIND {1} failed");
	want(kernel_policy(mask) == MPOL_BIND && mask[0] == 1,
	     "the kernel holds no BIND {0}");
	want(!checked_get_mempolicy(site, &mode, mask, MAXNODE, NULL, 0) &&
	     mode == MPOL_BIND && mask[0] == 1,
	     "get_mempolicy does not answer BIND {0}");
	site.via = EXPECT_SYSCALL;
	want(checked_set_mempolicy(site, MPOL_BIND, BAD_PTR, MAXNODE, NULL, 0) &&
	     errno == EFAULT, "a bad mask did not get EFAULT");
	want(checked_set_mempolicy(site, MPOL_BIND, NULL, MAXNODE, NULL, 0) &&
	     errno == EINVAL, "a NULL mask did not get EINVAL");
	want(mbind(mem, 2 * page_size, MPOL_BIND, mask0, MAXNODE, 0) == 0,
	     "mbind failed");
	expect_mbind(EXPECT_SITE(EXPECT_FUNCTION, 0), mem, 2 * page_size,
		     MPOL_BIND, node0, 1, MAXNODE, 0, 0, 0);
	want(!checked_home_node(site, mem, 2 * page_size, 1, 0),
	     "set_mempolicy_home_node 1 failed");
	munmap(mem, 2 * page_size);
	want(!raw_syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0),
	     "cannot put the default policy back");
}

/*
 * Each call fails with the rule's EPERM, and the kernel never saw it:
 * the policy set past the shim is still there, get_mempolicy wrote
 * nothing.
 */
static void failed(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_SYSCALL, 1);
	unsigned long mask[MASK_WORDS] = { 0 };
	char *mem = map_pages(1, 1);
	int mode = -7;

	want(!raw_syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, mask0, MAXNODE),
	     "cannot set INTERLEAVE {0}");
	want(checked_set_mempolicy(site, MPOL_BIND, mask0, MAXNODE, node0, 1) == -1 &&
	     errno == EPERM, "set_mempolicy did not fail with EPERM");
	want(kernel_policy(mask) == MPOL_INTERLEAVE && mask[0] == 1,
	     "the kernel's policy changed");
	site.via = EXPECT_FUNCTION;
	mask[0] = 0xf0;
	want(checked_get_mempolicy(site, &mode, mask, MAXNODE, NULL, 0) == -1 &&
	     errno == EPERM, "get_mempolicy did not fail with EPERM");
	want(mode == -7 && mask[0] == 0xf0, "get_mempolicy wrote an answer");
	want(checked_home_node(site, mem, page_size, 0, 0) == -1 &&
	     errno == EPERM, "set_mempolicy_home_node did not fail with EPERM");
	munmap(mem, page_size);
	want(!raw_syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0),
	     "cannot put the default policy back");
}

/*
 * A dry run: the kernel judges each call, the program gets its answer,
 * and the policy set before, past the shim, stays.
 */
static void dry_run(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 1);
	unsigned long mask[MASK_WORDS] = { 0 };

	want(!raw_syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, mask0, MAXNODE),
	     "cannot set INTERLEAVE {0}");
	want(!checked_set_mempolicy(site, MPOL_BIND, mask0, MAXNODE, node0, 1),
	     "set_mempolicy BIND {0} failed");
	want(checked_set_mempolicy(site, 99, mask0, MAXNODE, node0, 1) == -1 &&
	     errno == EINVAL, "a bad mode did not get EINVAL");
	want(kernel_policy(mask) == MPOL_INTERLEAVE && mask[0] == 1,
	     "the kernel's policy changed");
	want(!raw_syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0),
	     "cannot put the default policy back");
}

/*
 * A thread's policy is its own: each thread sets another one, and the
 * first also asks for node 1, which a host of one node refuses, so that
 * its policy in force stays the one before.
 */
static void *bind_thread(void *arg)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 1);

	(void) arg;
	want(!checked_set_mempolicy(site, MPOL_BIND, mask0, MAXNODE, node0, 1),
	     "thread bind failed");
	checked_set_mempolicy(site, MPOL_INTERLEAVE, mask1, MAXNODE, node1, 1);
	return NULL;
}

static void *preferred_thread(void *arg)
{
	struct expect_site site = EXPECT_SITE(EXPECT_SYSCALL, 1);

	(void) arg;
	want(!checked_set_mempolicy(site, MPOL_PREFERRED, mask0, MAXNODE,
				    node0, 1), "thread preferred failed");
	return NULL;
}

/* One after the other, so that their calls come in a known order. */
static void threads(void)
{
	void *(*const bodies[])(void *) = { bind_thread, preferred_thread };
	pthread_t t;
	size_t i;

	for (i = 0; i < sizeof(bodies) / sizeof(*bodies); i++)
		want(!pthread_create(&t, NULL, bodies[i], NULL) &&
		     !pthread_join(t, NULL), "pthread failed");
}

int main(int argc, char **argv)
{
	page_size = sysconf(_SC_PAGESIZE);
	if (argc > 1) {
		if (!strcmp(argv[1], "rewritten"))
			rewritten();
		else if (!strcmp(argv[1], "failed"))
			failed();
		else if (!strcmp(argv[1], "dry-run"))
			dry_run();
		else
			want(0, "no such scenario");
		return 0;
	}
	set_policies(EXPECT_FUNCTION);
	set_policies(EXPECT_SYSCALL);
	get_policies(EXPECT_FUNCTION);
	get_policies(EXPECT_SYSCALL);
	ranges();
	refused(EXPECT_FUNCTION);
	refused(EXPECT_SYSCALL);
	libnuma_calls();
	threads();
	return 0;
}
