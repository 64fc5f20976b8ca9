// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Memory policies at work, for a guest with several NUMA nodes: the
 * process's policy (set_mempolicy) and a range's home node
 * (set_mempolicy_home_node) decide where fresh pages land when first
 * touched. Each scenario sets a policy, touches pages, and checks where
 * the kernel put them (a status query, numa_maps, and get_mempolicy's
 * MPOL_F_NODE|MPOL_F_ADDR for each page) and what get_mempolicy answers
 * of the policy; every call is written down through expect.c, for
 * tracecheck.py to compare with the trace. The verdicts are placement.c's.
 *
 * The nodes a policy names are those the case gives that the guest has;
 * where each page must land follows from the policy and the CPU the
 * process runs on, never from what a first run found.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numa.h>
#include <numaif.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../expect.h"
#include "../pages.h"
#include "placement.h"

#define ALL_NODES (~0UL)

/* ---- the calls, each recorded for tracecheck.py ---- */

/* MPOL_DEFAULT and MPOL_LOCAL take no nodes: mask 0 passes none. */
long traced_set_mempolicy(int mode, unsigned long mask)
{
	int nodes[MAX_NODES], n = mask_nodes(mask, nodes);
	unsigned long *ptr = mask ? &mask : NULL;
	unsigned long maxnode = mask ? MAXNODE : 0;
	long ret;
	int err;

	errno = 0;
	ret = set_mempolicy(mode, ptr, maxnode);
	err = errno;
	expect_set_mempolicy(EXPECT_SITE(EXPECT_FUNCTION, 0), mode, ptr, nodes,
			     n, maxnode, ret, err);
	errno = err;
	return ret;
}

/* *mode and *mask (one word, or none when mask is NULL) as answered. */
static long traced_get_mempolicy(int *mode, unsigned long *mask, void *addr,
				 unsigned long flags)
{
	int nodes[MAX_NODES], n = 0;
	unsigned long maxnode = mask ? MAXNODE : 0;
	long ret;
	int err;

	*mode = -1;
	if (mask)
		*mask = 0;
	errno = 0;
	ret = get_mempolicy(mode, mask, maxnode, addr, flags);
	err = errno;
	if (!ret && mask)
		n = mask_nodes(*mask, nodes);
	expect_get_mempolicy(EXPECT_SITE(EXPECT_FUNCTION, 0), mode, mask,
			     maxnode, addr, flags,
			     ret ? EXPECT_ANY : (unsigned long) *mode, nodes, n,
			     ret, err);
	errno = err;
	return ret;
}

/* No library has a function for it: programs make the system call. */
static long traced_home_node(void *start, unsigned long len, int node)
{
	long ret;
	int err;

	errno = 0;
	ret = syscall(SYS_set_mempolicy_home_node, start, len, node, 0);
	err = errno;
	expect_set_mempolicy_home_node(EXPECT_SITE(EXPECT_SYSCALL, 0), start,
				       len, node, 0, ret, err);
	errno = err;
	return ret;
}

/* ---- what the kernel says ---- */

static unsigned long guest_nodes(void)
{
	return (1UL << node_count()) - 1;
}

/* The nodes of mask as a list, "{0,1}", in buf. */
static const char *node_list(unsigned long mask, char *buf, size_t size)
{
	int nodes[MAX_NODES], n = mask_nodes(mask, nodes), i, len = 1;

	snprintf(buf, size, "{");
	for (i = 0; i < n && len < (int) size; i++)
		len += snprintf(buf + len, size - len, "%s%d", i ? "," : "",
				nodes[i]);
	snprintf(buf + strlen(buf), size - strlen(buf), "}");
	return buf;
}

/* Names the verdicts that follow after the scenario and the case. */
static void name_case(const char *fmt, ...)
{
	static const char *base;
	static char name[192];
	va_list ap;
	int len;

	if (!base)
		base = scenario;
	len = snprintf(name, sizeof(name), "%s, ", base);
	va_start(ap, fmt);
	vsnprintf(name + len, sizeof(name) - len, fmt, ap);
	va_end(ap);
	scenario = name;
}

/* get_mempolicy's answer of the policy in force: at addr, or the process's. */
static void policy_is(void *addr, int mode, unsigned long mask)
{
	unsigned long got_mask;
	char want[128], got[128];
	long ret;
	int got_mode;

	ret = traced_get_mempolicy(&got_mode, &got_mask, addr,
				   addr ? MPOL_F_ADDR : 0);
	verdict(ret == 0 && got_mode == mode && got_mask == mask,
		"get_mempolicy%s answers mode %d with nodes %s | ret %ld errno %d, mode %d, nodes %s",
		addr ? " MPOL_F_ADDR" : "", mode,
		node_list(mask, want, sizeof(want)), ret, ret ? errno : 0,
		got_mode, node_list(got_mask, got, sizeof(got)));
}

/* get_mempolicy MPOL_F_NODE|MPOL_F_ADDR of each page of mem: want[i]. */
static void nodes_answered(char *mem, unsigned long n, const int *want)
{
	unsigned long i;
	long ret = 0;
	int node = -1;

	for (i = 0; i < n; i++) {
		ret = traced_get_mempolicy(&node, NULL, mem + i * page_size,
					   MPOL_F_NODE | MPOL_F_ADDR);
		if (ret || node != want[i])
			break;
	}
	verdict(i == n,
		"get_mempolicy MPOL_F_NODE|MPOL_F_ADDR answers each page's node | page %lu: ret %ld errno %d, node %d, wanted %d",
		i, ret, ret ? errno : 0, node, i < n ? want[i] : 0);
}

/*
 * Pages [0, n) of mem, just touched, are where want says (NULL: each on
 * any node of mask, the kernel's choice among them), by a status query,
 * numa_maps and get_mempolicy.
 */
static void landed(char *mem, unsigned long n, const int *want,
		   unsigned long mask)
{
	void **pages = malloc(n * sizeof(*pages));
	int *status = malloc(n * sizeof(*status));
	char nodes[128];
	unsigned long i;
	long ret;

	if (!want) {
		page_list(pages, mem, n);
		fill(status, n, UNSET);
		ret = traced_move_pages(0, n, pages, NULL, status, 0);
		for (i = 0; i < n; i++)
			if (status[i] < 0 || status[i] >= MAX_NODES ||
			    !(mask & 1UL << status[i]))
				break;
		verdict(ret == 0 && i == n,
			"every page is on a node of %s | ret %ld, page %lu: %d",
			node_list(mask, nodes, sizeof(nodes)), ret, i,
			i < n ? status[i] : 0);
		if (ret || i < n)
			goto out;
		want = status;
	}
	kernel_agrees(0, mem, n, want);
	nodes_answered(mem, n, want);
out:
	free(pages);
	free(status);
}

/* ---- the process's policy ---- */

static void touch(char *mem, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		mem[i * page_size] = 1;
}

/*
 * Where the kernel puts page i of mem when first touched under mode over
 * mask, the process running on node cpu_node: want[i]. Returns want, or
 * NULL when the kernel picks any node of mask (MPOL_PREFERRED_MANY: the
 * first with free memory, in its own order of nearness).
 */
static const int *first_touch_nodes(int mode, unsigned long mask,
				    int cpu_node, const char *mem,
				    unsigned long n, int *want)
{
	int nodes[MAX_NODES], nn = mask_nodes(mask, nodes);
	unsigned long i, page;

	if (mode == MPOL_PREFERRED_MANY)
		return NULL;
	for (i = 0; i < n; i++) {
		page = (unsigned long) (mem + i * page_size) / page_size;
		if (mode == MPOL_LOCAL)
			want[i] = cpu_node;
		/*
		 * An anonymous page's offset in its mapping, which picks
		 * its node among the policy's (numa_memory_policy.rst),
		 * counts from address 0: a private anonymous mapping's
		 * vm_pgoff is its address in pages (do_mmap()).
		 */
		else if (mode == MPOL_INTERLEAVE)
			want[i] = nodes[page % nn];
		else
			want[i] = nodes[0];	/* MPOL_BIND, MPOL_PREFERRED */
	}
	return want;
}

/*
 * One process policy: the mode, the nodes of the guest it names, and the
 * node whose CPUs the process runs on (which decides MPOL_LOCAL's node,
 * and MPOL_PREFERRED_MANY's, were node 0 in the mask).
 */
static const struct policy_case {
	const char *name;
	int mode;
	unsigned long nodes;
	int cpu_node;
} policy_cases[] = {
	{ "MPOL_BIND", MPOL_BIND, 1UL << 1, 0 },
	{ "MPOL_INTERLEAVE", MPOL_INTERLEAVE, ALL_NODES, 0 },
	{ "MPOL_PREFERRED", MPOL_PREFERRED, 1UL << 1, 0 },
	{ "MPOL_PREFERRED_MANY", MPOL_PREFERRED_MANY, ALL_NODES & ~1UL, 0 },
	{ "MPOL_LOCAL", MPOL_LOCAL, 0, 1 },
};

static void process_policy(const struct policy_case *c)
{
	unsigned long mask = c->nodes & guest_nodes();
	char *mem = region(NPAGES, 0), nodes[128];
	int want[NPAGES], next;
	long ret;

	name_case("%s %s", c->name, node_list(mask, nodes, sizeof(nodes)));
	if (numa_run_on_node(c->cpu_node)) {
		verdict(0, "the process runs on node %d's CPUs | errno %d",
			c->cpu_node, errno);
		return;
	}
	ret = traced_set_mempolicy(c->mode, mask);
	verdict(ret == 0, "set_mempolicy returns 0 | errno %d",
		ret ? errno : 0);
	if (ret)
		return;
	policy_is(NULL, c->mode, mask);
	if (c->mode == MPOL_INTERLEAVE) {
		/* The node of the kernel's own next allocation. */
		ret = traced_get_mempolicy(&next, NULL, NULL, MPOL_F_NODE);
		verdict(ret == 0 && next >= 0 && next < MAX_NODES &&
			mask & 1UL << next,
			"get_mempolicy MPOL_F_NODE answers a node of the policy as the next one | ret %ld errno %d, node %d",
			ret, ret ? errno : 0, next);
	}
	touch(mem, NPAGES);
	landed(mem, NPAGES, first_touch_nodes(c->mode, mask, c->cpu_node, mem,
					      NPAGES, want), mask);
}

/* Each mode, set for the process, then the default again. */
static void process_policies(void)
{
	size_t i;
	long ret;

	for (i = 0; i < sizeof(policy_cases) / sizeof(*policy_cases); i++)
		process_policy(&policy_cases[i]);
	name_case("MPOL_DEFAULT");
	ret = traced_set_mempolicy(MPOL_DEFAULT, 0);
	verdict(ret == 0, "set_mempolicy returns 0 | errno %d",
		ret ? errno : 0);
	policy_is(NULL, MPOL_DEFAULT, 0);
}

/* ---- a range's home node ---- */

/*
 * mbind of fresh pages to nodes {0, 1} under mode, with home node home
 * (none when negative), then touched by the process on node 0's CPUs:
 * the pages land on the home node, or on node 0 without one.
 */
static void home_node(int mode, const char *name, int home)
{
	const unsigned long mask = 3, len = NPAGES * page_size;
	char *mem = region(NPAGES, 0);
	int want[NPAGES];
	long ret;

	if (home < 0)
		name_case("mbind %s {0,1}, no home node", name);
	else
		name_case("mbind %s {0,1}, home node %d", name, home);
	ret = traced_mbind(mem, len, mode, mask, 0);
	verdict(ret == 0, "mbind returns 0 | errno %d", ret ? errno : 0);
	if (home >= 0) {
		ret = traced_home_node(mem, len, home);
		verdict(ret == 0, "set_mempolicy_home_node returns 0 | errno %d",
			ret ? errno : 0);
	}
	policy_is(mem, mode, mask);
	touch(mem, NPAGES);
	fill(want, NPAGES, home < 0 ? 0 : home);
	landed(mem, NPAGES, want, mask);
}

static void home_nodes(void)
{
	char *mem = region(1, 0);
	long ret;

	if (numa_run_on_node(0)) {
		verdict(0, "the process runs on node 0's CPUs | errno %d",
			errno);
		return;
	}
	home_node(MPOL_BIND, "MPOL_BIND", -1);
	home_node(MPOL_BIND, "MPOL_BIND", 1);
	home_node(MPOL_PREFERRED_MANY, "MPOL_PREFERRED_MANY", 1);
	/* set_mempolicy_home_node(2): only those two modes take one. */
	name_case("mbind MPOL_PREFERRED {1}, home node 1");
	ret = traced_mbind(mem, page_size, MPOL_PREFERRED, 1UL << 1, 0);
	verdict(ret == 0, "mbind returns 0 | errno %d", ret ? errno : 0);
	ret = traced_home_node(mem, page_size, 1);
	verdict(ret == -1 && errno == EOPNOTSUPP,
		"set_mempolicy_home_node fails with EOPNOTSUPP | ret %ld errno %d",
		ret, errno);
}

const struct scenario policy_scenarios[] = {
	{ "policy-modes", process_policies },
	{ "policy-home-node", home_nodes },
};

const unsigned int policy_scenario_count =
	sizeof(policy_scenarios) / sizeof(*policy_scenarios);

/*
 * Run by numactl under the policy it was asked for (bind, interleave or
 * preferred, over the nodes listed): fresh pages land where that policy
 * puts them, as a status query and numa_maps say. numactl's own calls
 * are in the same thread: this program makes no policy call of its own.
 */
void policy_workload(const char *policy, const char *list)
{
	static const struct { const char *name; int mode; } modes[] = {
		{ "bind", MPOL_BIND },
		{ "interleave", MPOL_INTERLEAVE },
		{ "preferred", MPOL_PREFERRED },
	};
	char *mem = region(NPAGES, NPAGES), *end;
	const char *p = list;
	unsigned long mask = 0;
	int want[NPAGES];
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(*modes); i++)
		if (!strcmp(policy, modes[i].name))
			break;
	do {
		mask |= 1UL << strtoul(p, &end, 10);
		p = end + 1;
	} while (*end == ',');
	if (i == sizeof(modes) / sizeof(*modes) || *end) {
		verdict(0, "the policy %s over nodes %s is one to check", policy,
			list);
		return;
	}
	name_case("under %s %s", policy, list);
	kernel_agrees(0, mem, NPAGES,
		      first_touch_nodes(modes[i].mode, mask, -1, mem, NPAGES,
					want));
}
