// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The weights of weighted interleave in the trace (weights.test): calls
 * that give the kernel MPOL_WEIGHTED_INTERLEAVE, through set_mempolicy
 * and mbind, their functions and syscall(), and calls of other modes,
 * each written down through expect.c with the weights it must have
 * recorded: those of sysfs, read here with stdio, at the first such call
 * of the process, after they changed and in a forked child; none at the
 * others; and whether the kernel got the mode, which puts the weights
 * the process recorded last in force for the call. The host has node 0
 * at least, and a kernel with the weights (Linux 6.9 or later: the test
 * skips otherwise).
 *
 *	weights [change]	the calls; with "change", node 0's weight is
 *				changed, then put back, between them
 *	weights rules		mbind and set_mempolicy calls whose mode the
 *				rules of weights.test change or fail
 *	weights policy-rules	set_mempolicy calls of those rules, the first
 *				of a process
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <numaif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"
#include "pages.h"

#define WEIGHTS_DIR "/sys/kernel/mm/mempolicy/weighted_interleave"
#define MAX_NODES 64
#define MAXNODE 65	/* one word of mask */

static const int node0[] = { 0 };
static const unsigned long mask0 = 1;

struct weights {
	int n;
	int nodes[MAX_NODES];
	int weights[MAX_NODES];
};

static struct weights now;	/* in sysfs, as last read */
static int node0_weight = -1;	/* to put back, once changed */

static void read_weights(struct weights *w)
{
	DIR *dir = opendir(WEIGHTS_DIR);
	struct dirent *d;
	char path[512];
	int node, weight, i;
	FILE *f;

	if (!dir) {
		fprintf(stderr, "%s: %m\n", WEIGHTS_DIR);
		exit(77);
	}
	w->n = 0;
	while ((d = readdir(dir))) {
		if (sscanf(d->d_name, "node%d", &node) != 1)
			continue;
		snprintf(path, sizeof(path), "%s/%s", WEIGHTS_DIR, d->d_name);
		f = fopen(path, "r");
		if (!f || fscanf(f, "%d", &weight) != 1 || w->n == MAX_NODES)
			exit(2);
		fclose(f);
		for (i = w->n++; i > 0 && w->nodes[i - 1] > node; i--) {
			w->nodes[i] = w->nodes[i - 1];
			w->weights[i] = w->weights[i - 1];
		}
		w->nodes[i] = node;
		w->weights[i] = weight;
	}
	closedir(dir);
}

/* The next call gives the kernel the mode, and records the weights in sysfs. */
static void expect_recorded(void)
{
	read_weights(&now);
	expect_weights(now.nodes, now.weights, now.n, 1);
}

/* The next call gives the kernel the mode, with the weights recorded last. */
static void expect_same(void)
{
	expect_weights(NULL, NULL, -1, 1);
}

/* The next call gives the kernel another mode, or never reaches it. */
static void expect_none(void)
{
	expect_weights(NULL, NULL, -1, 0);
}

/* set_mempolicy with mode on node 0; MPOL_DEFAULT takes no nodes. */
static __attribute__((noinline)) long
weighted_set_mempolicy(enum expect_via via, int mode)
{
	struct expect_site site = EXPECT_SITE(via, 0);
	const unsigned long *mask = mode == MPOL_DEFAULT ? NULL : &mask0;
	long ret;
	int err;

	errno = 0;
	ret = via == EXPECT_SYSCALL ?
	      syscall(SYS_set_mempolicy, mode, mask, MAXNODE) :
	      set_mempolicy(mode, mask, MAXNODE);
	err = errno;
	expect_set_mempolicy(site, mode, mask, node0, mask ? 1 : 0, MAXNODE,
			     ret, err);
	return ret;
}

/* mbind on two fresh pages, from the function site names. */
static long bind_pages(enum expect_via via, struct expect_site site,
		       int mode)
{
	char *mem = map_pages(2, 0);
	long ret;
	int err;

	errno = 0;
	ret = via == EXPECT_SYSCALL ?
	      syscall(SYS_mbind, mem, 2 * page_size, mode, &mask0, MAXNODE, 0) :
	      mbind(mem, 2 * page_size, mode, &mask0, MAXNODE, 0);
	err = errno;
	expect_mbind(site, mem, 2 * page_size, mode, node0, 1, MAXNODE, 0,
		     ret, err);
	munmap(mem, 2 * page_size);
	return ret;
}

static __attribute__((noinline)) long weighted_mbind(enum expect_via via,
						     int mode)
{
	return bind_pages(via, EXPECT_SITE(via, 1), mode);
}

static void must(long ret, const char *what)
{
	if (ret) {
		fprintf(stderr, "%s failed: %m\n", what);
		exit(3);
	}
}

static void write_node0(int weight)
{
	FILE *f = fopen(WEIGHTS_DIR "/node0", "w");

	if (!f || fprintf(f, "%d\n", weight) < 0 || fclose(f)) {
		fprintf(stderr, "%s/node0: %m\n", WEIGHTS_DIR);
		exit(2);
	}
}

static void put_back(void)
{
	if (node0_weight >= 0)
		write_node0(node0_weight);
}

/* A weight that changes, then comes back: recorded each time. */
static void change(void)
{
	node0_weight = now.weights[0];
	atexit(put_back);
	write_node0(node0_weight % 255 + 1);
	expect_recorded();
	must(weighted_mbind(EXPECT_SYSCALL, MPOL_WEIGHTED_INTERLEAVE),
	     "mbind after a change");
	expect_same();
	must(weighted_set_mempolicy(EXPECT_FUNCTION, MPOL_WEIGHTED_INTERLEAVE),
	     "set_mempolicy after a change");
	write_node0(node0_weight);
	node0_weight = -1;
	expect_recorded();
	must(weighted_set_mempolicy(EXPECT_SYSCALL, MPOL_WEIGHTED_INTERLEAVE),
	     "set_mempolicy after the weight came back");
}

/* A child of fork() records the weights at its own first call. */
static void child(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		exit(2);
	if (pid == 0) {
		expect_recorded();
		must(weighted_mbind(EXPECT_SYSCALL, MPOL_WEIGHTED_INTERLEAVE |
						   MPOL_F_STATIC_NODES),
		     "the child's mbind");
		expect_same();
		must(weighted_set_mempolicy(EXPECT_FUNCTION,
					    MPOL_WEIGHTED_INTERLEAVE),
		     "the child's set_mempolicy");
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		exit(3);
}

static void calls(int changing)
{
	/* Other modes never record them, even before the first. */
	expect_none();
	must(weighted_set_mempolicy(EXPECT_FUNCTION, MPOL_INTERLEAVE),
	     "interleave");
	expect_none();
	must(weighted_mbind(EXPECT_FUNCTION, MPOL_BIND), "bind");
	expect_recorded();
	must(weighted_set_mempolicy(EXPECT_FUNCTION, MPOL_WEIGHTED_INTERLEAVE),
	     "weighted interleave");
	expect_same();
	must(weighted_set_mempolicy(EXPECT_SYSCALL, MPOL_WEIGHTED_INTERLEAVE),
	     "weighted interleave again");
	expect_same();
	must(weighted_mbind(EXPECT_FUNCTION, MPOL_WEIGHTED_INTERLEAVE),
	     "mbind weighted interleave");
	if (changing)
		change();
	child();
	expect_none();
	must(weighted_set_mempolicy(EXPECT_FUNCTION, MPOL_DEFAULT), "default");
}

/* The functions weights.test's rules name (caller=). */
static __attribute__((noinline)) long rewritten_to_weighted(void)
{
	return bind_pages(EXPECT_FUNCTION, EXPECT_SITE(EXPECT_FUNCTION, 1),
			  MPOL_BIND);
}

static __attribute__((noinline)) long rewritten_from_weighted(void)
{
	return bind_pages(EXPECT_FUNCTION, EXPECT_SITE(EXPECT_FUNCTION, 1),
			  MPOL_WEIGHTED_INTERLEAVE);
}

static __attribute__((noinline)) long failed_weighted(void)
{
	return bind_pages(EXPECT_FUNCTION, EXPECT_SITE(EXPECT_FUNCTION, 1),
			  MPOL_WEIGHTED_INTERLEAVE);
}

static __attribute__((noinline)) long policy_to_weighted(void)
{
	return weighted_set_mempolicy(EXPECT_FUNCTION, MPOL_BIND);
}

static __attribute__((noinline)) long policy_from_weighted(void)
{
	return weighted_set_mempolicy(EXPECT_FUNCTION, MPOL_WEIGHTED_INTERLEAVE);
}

/* Through syscall(), which also keeps it apart from the one above. */
static __attribute__((noinline)) long policy_failed_weighted(void)
{
	return weighted_set_mempolicy(EXPECT_SYSCALL, MPOL_WEIGHTED_INTERLEAVE);
}

/*
 * The mode the kernel got is what counts, not the program's: for the
 * weights recorded, and for those in force once the process has some.
 */
static void rules(void)
{
	expect_none();
	if (failed_weighted() != -1 || errno != EIO)
		exit(3);
	expect_none();
	must(rewritten_from_weighted(), "rewritten from weighted interleave");
	expect_recorded();
	must(rewritten_to_weighted(), "rewritten to weighted interleave");
	expect_none();
	must(policy_from_weighted(), "policy rewritten from weighted interleave");
	expect_none();
	if (policy_failed_weighted() != -1 || errno != EIO)
		exit(3);
}

/* set_mempolicy's own: the first weighted call of its process. */
static void policy_rules(void)
{
	expect_recorded();
	must(policy_to_weighted(), "policy rewritten to weighted interleave");
}

int main(int argc, char **argv)
{
	page_size = sysconf(_SC_PAGESIZE);
	read_weights(&now);
	if (argc > 1 && !strcmp(argv[1], "rules"))
		rules();
	else if (argc > 1 && !strcmp(argv[1], "policy-rules"))
		policy_rules();
	else
		calls(argc > 1 && !strcmp(argv[1], "change"));
	return 0;
}
