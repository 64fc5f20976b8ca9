// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The kinds of call the benchmarks time. Every call targets memory that
 * is in place already, on the node it is on, so that the kernel's part
 * stays the same from one call to the next and from one variant to the
 * next: what changes between variants is what is around the call.
 */
#define _GNU_SOURCE
#include <numaif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kinds.h"

/*
 * Calls on more pages than this name the same pages over and over: the
 * kernel looks each one up all the same, and a million-page call does not
 * need 4 GiB of memory.
 */
#define DISTINCT_PAGES_MAX 4096

struct bench_calls bench_calls = { move_pages, mbind, migrate_pages };

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p) {
		perror("numabench: calloc");
		exit(2);
	}
	return p;
}

/* The node the kernel put the page at addr on, without a call we time. */
static int node_of(void *addr)
{
	int node;

	if (get_mempolicy(&node, NULL, 0, addr, MPOL_F_NODE | MPOL_F_ADDR)) {
		perror("numabench: get_mempolicy");
		exit(2);
	}
	return node;
}

static void map_touched(struct bench_mem *m, unsigned long npages)
{
	const long page = sysconf(_SC_PAGESIZE);
	unsigned long distinct = npages < DISTINCT_PAGES_MAX ?
				 npages : DISTINCT_PAGES_MAX;
	unsigned long i;

	m->mem = mmap(NULL, distinct * page, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m->mem == MAP_FAILED) {
		perror("numabench: mmap");
		exit(2);
	}
	memset(m->mem, 1, distinct * page);
	m->npages = npages;
	m->pages = xcalloc(npages, sizeof(*m->pages));
	m->status = xcalloc(npages, sizeof(*m->status));
	for (i = 0; i < npages; i++)
		m->pages[i] = m->mem + (i % distinct) * page;
	m->maxnode = 8 * sizeof(m->mask);
	m->mask[0] = 1UL << node_of(m->mem);
}

static void setup_query(struct bench_mem *m, unsigned long npages)
{
	map_touched(m, npages);
}

/* A move of every page to the node it is on already. */
static void setup_move(struct bench_mem *m, unsigned long npages)
{
	unsigned long i;

	map_touched(m, npages);
	m->nodes = xcalloc(npages, sizeof(*m->nodes));
	for (i = 0; i < npages; i++)
		m->nodes[i] = i < DISTINCT_PAGES_MAX ?
			      node_of(m->pages[i]) :
			      m->nodes[i % DISTINCT_PAGES_MAX];
}

static void setup_1(struct bench_mem *m, unsigned long npages)
{
	(void) npages;
	setup_query(m, 1);
}

static void setup_512(struct bench_mem *m, unsigned long npages)
{
	(void) npages;
	setup_query(m, 512);
}

static void setup_move_1(struct bench_mem *m, unsigned long npages)
{
	(void) npages;
	setup_move(m, 1);
}

static long run_move_pages(struct bench_mem *m)
{
	return bench_calls.move_pages(0, m->npages, m->pages, m->nodes, m->status,
			  m->nodes ? MPOL_MF_MOVE : 0);
}

static long run_mbind(struct bench_mem *m)
{
	return bench_calls.mbind(m->mem, sysconf(_SC_PAGESIZE), MPOL_BIND, m->mask,
		     m->maxnode, MPOL_MF_MOVE);
}

static long run_migrate_pages(struct bench_mem *m)
{
	return bench_calls.migrate_pages(0, m->maxnode, m->mask, m->mask);
}

/*
 * The fork-heavy kinds time a child's whole life, which under a recording
 * is mostly what lttng-ust does in it: a child of fork() that exits at
 * once, or one that executes /bin/true, which starts afresh with the
 * preloaded library. Neither makes a placement call.
 */
static void setup_none(struct bench_mem *m, unsigned long npages)
{
	(void) m;
	(void) npages;
}

static long child_wait(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

static long run_fork(struct bench_mem *m)
{
	pid_t pid = fork();

	(void) m;
	if (!pid)
		_exit(0);
	return child_wait(pid);
}

static long run_fork_exec(struct bench_mem *m)
{
	pid_t pid = fork();

	(void) m;
	if (!pid) {
		execl("/bin/true", "true", (char *) NULL);
		_exit(127);
	}
	return child_wait(pid);
}

const struct bench_kind bench_kinds[] = {
	{ "query1", "move_pages", setup_1, run_move_pages },
	{ "query512", "move_pages", setup_512, run_move_pages },
	{ "move1", "move_pages", setup_move_1, run_move_pages },
	{ "mbind", "mbind", setup_1, run_mbind },
	{ "migrate", "migrate_pages", setup_1, run_migrate_pages },
	{ "big", "move_pages", setup_move, run_move_pages },
	{ "fork", "fork", setup_none, run_fork },
	{ "exec", "execve", setup_none, run_fork_exec },
};

const size_t bench_nkinds = sizeof(bench_kinds) / sizeof(bench_kinds[0]);

const struct bench_kind *bench_kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < bench_nkinds; i++)
		if (!strcmp(bench_kinds[i].name, name))
			return &bench_kinds[i];
	return NULL;
}
