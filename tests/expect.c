// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <dlfcn.h>
#include <numaif.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "expect.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The weights the thread's next call must have recorded (expect_weights()). */
#define WEIGHTS_MAX 64
static __thread struct {
	int given;
	int in_force;
	int n;
	int nodes[WEIGHTS_MAX];
	int weights[WEIGHTS_MAX];
} weights;

/* The machine facts the thread's next call must have recorded (expect_machine()). */
#define MACHINE_NODES_MAX 64
static __thread struct {
	int given;
	int n;
	long free_kb[2 * MACHINE_NODES_MAX];
} machine;

/* Opened per call, in append mode, so that forked children can write too. */
static FILE *expect_begin(const char *call, struct expect_site site)
{
	const char *path = getenv("NUMASHIM_EXPECT");
	FILE *f;

	if (!path)
		return NULL;
	pthread_mutex_lock(&lock);
	f = fopen(path, "a");
	if (!f) {
		perror(path);
		exit(2);
	}
	fprintf(f, "{\"call\": \"%s\", \"pid\": %d, \"tid\": %d, \"func\": \"%s\", \"frame\": %d, \"via\": \"%s\"",
		call, getpid(), gettid(), site.func, site.frame,
		site.via == EXPECT_SYSCALL ? "syscall" : "function");
	return f;
}

void expect_weights(const int *nodes, const int *w, int n, int in_force)
{
	int i;

	if (n > WEIGHTS_MAX) {
		fprintf(stderr, "expect_weights: more than %d nodes\n",
			WEIGHTS_MAX);
		exit(2);
	}
	weights.given = 1;
	weights.in_force = in_force;
	weights.n = n;
	for (i = 0; i < n; i++) {
		weights.nodes[i] = nodes[i];
		weights.weights[i] = w[i];
	}
}

static void put_list(FILE *f, const int *v, int n)
{
	int i;

	fputc('[', f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s%d", i ? ", " : "", v[i]);
	fputc(']', f);
}

static void put_weights(FILE *f)
{
	if (!weights.given)
		return;
	weights.given = 0;
	fprintf(f, ", \"in_force\": %s", weights.in_force ? "true" : "false");
	if (weights.n < 0) {
		fputs(", \"weights\": null", f);
		return;
	}
	fputs(", \"weights\": {\"nodes\": ", f);
	put_list(f, weights.nodes, weights.n);
	fputs(", \"weights\": ", f);
	put_list(f, weights.weights, weights.n);
	fputc('}', f);
}

void expect_machine(const long *free_kb, int n)
{
	int i;

	if (n > MACHINE_NODES_MAX) {
		fprintf(stderr, "expect_machine: more than %d nodes\n",
			MACHINE_NODES_MAX);
		exit(2);
	}
	machine.given = 1;
	machine.n = n;
	for (i = 0; i < 2 * n; i++)
		machine.free_kb[i] = free_kb[i];
}

static void put_machine(FILE *f)
{
	int i;

	if (!machine.given)
		return;
	machine.given = 0;
	if (machine.n < 0) {
		fputs(", \"machine\": null", f);
		return;
	}
	fputs(", \"machine\": {\"free_kb\": [", f);
	for (i = 0; i < machine.n; i++)
		fprintf(f, "%s[%ld, %ld]", i ? ", " : "",
			machine.free_kb[2 * i], machine.free_kb[2 * i + 1]);
	fputs("]}", f);
}

static void expect_end(FILE *f, long ret, int err)
{
	put_weights(f);
	put_machine(f);
	fprintf(f, ", \"ret\": %ld, \"err\": %d}\n", ret, ret < 0 ? err : 0);
	fclose(f);
	pthread_mutex_unlock(&lock);
}

static void put_scalar(FILE *f, const char *name, unsigned long v)
{
	if (v != EXPECT_ANY)
		fprintf(f, ", \"%s\": %lu", name, v);
}

/* name: the readable elements; name_expected: how many the call names. */
static void put_array(FILE *f, const char *name, struct expect_array a,
		      int addrs)
{
	unsigned long i;

	fprintf(f, ", \"%s_expected\": %lu, \"%s\": [", name, a.count, name);
	for (i = 0; i < a.readable; i++) {
		if (addrs)
			fprintf(f, "%s%lu", i ? ", " : "",
				((const unsigned long *) a.ptr)[i]);
		else
			fprintf(f, "%s%d", i ? ", " : "",
				((const int *) a.ptr)[i]);
	}
	fputc(']', f);
}

static void put_nodes(FILE *f, const char *name, const int *nodes, int n)
{
	int i;

	if (!nodes)
		return;
	fprintf(f, ", \"%s\": [", name);
	for (i = 0; i < n; i++)
		fprintf(f, "%s%d", i ? ", " : "", nodes[i]);
	fputc(']', f);
}

void expect_move_pages(struct expect_site site, int pid, unsigned long count,
		       struct expect_array pages, struct expect_array nodes,
		       struct expect_array status, int flags, long ret,
		       int err)
{
	FILE *f = expect_begin("move_pages", site);

	if (!f)
		return;
	fprintf(f, ", \"target_pid\": %d, \"count\": %lu, \"page_size\": %ld, \"flags\": %d, \"pages_ptr\": %lu, \"nodes_ptr\": %lu, \"status_ptr\": %lu",
		pid, count, sysconf(_SC_PAGESIZE), flags,
		(unsigned long) pages.ptr, (unsigned long) nodes.ptr,
		(unsigned long) status.ptr);
	put_array(f, "pages", pages, 1);
	put_array(f, "nodes", nodes, 0);
	put_array(f, "status", status, 0);
	expect_end(f, ret, err);
}

void expect_mbind(struct expect_site site, const void *addr,
		  unsigned long len, unsigned long mode, const int *nodes,
		  int nnodes, unsigned long maxnode, unsigned int flags,
		  long ret, int err)
{
	FILE *f = expect_begin("mbind", site);

	if (!f)
		return;
	fprintf(f, ", \"addr\": %lu, \"len\": %lu, \"page_size\": %ld, \"mode\": %lu, \"flags\": %u",
		(unsigned long) addr, len, sysconf(_SC_PAGESIZE), mode, flags);
	put_scalar(f, "maxnode", maxnode);
	put_nodes(f, "nodemask", nodes, nnodes);
	expect_end(f, ret, err);
}

void expect_migrate_pages(struct expect_site site, int pid,
			  unsigned long maxnode, const int *old_nodes,
			  int nold, const int *new_nodes, int nnew, long ret,
			  int err)
{
	FILE *f = expect_begin("migrate_pages", site);

	if (!f)
		return;
	fprintf(f, ", \"target_pid\": %d", pid);
	put_scalar(f, "maxnode", maxnode);
	put_nodes(f, "old_nodes", old_nodes, nold);
	put_nodes(f, "new_nodes", new_nodes, nnew);
	expect_end(f, ret, err);
}

/* The kernel's split of a mode: the mode flags, and the rest. */
#define MODE_FLAGS (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | \
		    MPOL_F_NUMA_BALANCING)

void expect_set_mempolicy(struct expect_site site, int mode,
			  const void *nodemask_ptr, const int *nodes,
			  int nnodes, unsigned long maxnode, long ret,
			  int err)
{
	FILE *f = expect_begin("set_mempolicy", site);

	if (!f)
		return;
	fprintf(f, ", \"mode\": %d, \"mode_flags\": %d", mode & ~MODE_FLAGS,
		mode & MODE_FLAGS);
	put_scalar(f, "nodemask_ptr", (unsigned long) nodemask_ptr);
	put_scalar(f, "maxnode", maxnode);
	put_nodes(f, "policy_nodemask", nodes, nnodes);
	expect_end(f, ret, err);
}

void expect_get_mempolicy(struct expect_site site, const int *mode_ptr,
			  const void *nodemask_ptr, unsigned long maxnode,
			  const void *addr, unsigned long flags,
			  unsigned long answer, const int *nodes, int nnodes,
			  long ret, int err)
{
	FILE *f = expect_begin("get_mempolicy", site);
	int v = answer;

	if (!f)
		return;
	put_scalar(f, "mode_ptr", (unsigned long) mode_ptr);
	put_scalar(f, "nodemask_ptr", (unsigned long) nodemask_ptr);
	put_scalar(f, "maxnode", maxnode);
	put_scalar(f, "addr", (unsigned long) addr);
	put_scalar(f, "flags", flags);
	if (answer == EXPECT_ANY)
		fprintf(f, ", \"exit_mode\": -1, \"exit_mode_flags\": 0, \"exit_node\": -1");
	else if (flags & MPOL_F_NODE)
		fprintf(f, ", \"exit_mode\": -1, \"exit_mode_flags\": 0, \"exit_node\": %d", v);
	else
		fprintf(f, ", \"exit_mode\": %d, \"exit_mode_flags\": %d, \"exit_node\": -1",
			v & ~MODE_FLAGS, v & MODE_FLAGS);
	put_nodes(f, "returned_nodemask", nodes, nnodes);
	expect_end(f, ret, err);
}

void expect_set_mempolicy_home_node(struct expect_site site,
				    const void *start, unsigned long len,
				    unsigned long home_node,
				    unsigned long flags, long ret, int err)
{
	FILE *f = expect_begin("set_mempolicy_home_node", site);

	if (!f)
		return;
	fprintf(f, ", \"start\": %lu, \"len\": %lu, \"home_node\": %lu, \"flags\": %lu",
		(unsigned long) start, len, home_node, flags);
	expect_end(f, ret, err);
}
