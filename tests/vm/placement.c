// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Real migrations, for a guest with several NUMA nodes: `placement
 * SCENARIO` makes the scenario's calls, writes what each was given and
 * answered through expect.c (for tracecheck.py to compare with the trace),
 * and checks what the kernel really did, with a move_pages status query
 * after the call and with /proc/PID/numa_maps. Each check prints one TAP
 * line without its number:
 *
 *	ok - SCENARIO: what was checked
 *	not ok - SCENARIO: what was checked (and what was found)
 *	ok - SCENARIO: what could not be checked # SKIP why
 *
 * Expectations come from what a call asks for (the target node, the
 * policy's nodes), never from what a first run found.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <numa.h>
#include <numaif.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../expect.h"
#include "../pages.h"
#include "placement.h"

const char *scenario;
static int failed;

/*
 * One check's line. What follows " | " in the message says what was
 * found, and is printed, as a TAP comment, only when the check fails.
 */
void verdict(int ok, const char *fmt, ...)
{
	char msg[512], *found;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	found = strstr(msg, " | ");
	if (found)
		*found = '\0';
	printf("%s - %s: %s\n", ok ? "ok" : "not ok", scenario, msg);
	if (found && !ok)
		printf("# %s\n", found + 3);
	fflush(stdout);
	failed |= !ok;
}

static void skip(const char *what, const char *why)
{
	printf("ok - %s: %s # SKIP %s\n", scenario, what, why);
	fflush(stdout);
}

/*
 * n fresh pages, the first `touched` faulted in, between two inaccessible
 * pages: a mapping of their own, which numa_maps lists alone instead of
 * merged with a neighbour. Base pages only: the checks are page by page
 * (huge pages have a check of their own).
 */
char *region(unsigned long n, unsigned long touched)
{
	char *p = map_pages(n + 2, 0);
	unsigned long i;

	if (mprotect(p, page_size, PROT_NONE) ||
	    mprotect(p + (n + 1) * page_size, page_size, PROT_NONE) ||
	    madvise(p + page_size, n * page_size, MADV_NOHUGEPAGE))
		exit(2);
	for (i = 0; i < touched; i++)
		p[(i + 1) * page_size] = 1;
	return p + page_size;
}

/* ---- the calls, each recorded for tracecheck.py ---- */

long traced_move_pages(int pid, unsigned long n, void **pages,
		       const int *nodes, int *status, int flags)
{
	long ret;
	int err;

	errno = 0;
	ret = move_pages(pid, n, pages, nodes, status, flags);
	err = errno;
	expect_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 0), pid, n,
			  EXPECT_WHOLE(pages, n),
			  EXPECT_WHOLE(nodes, nodes ? n : 0),
			  EXPECT_WHOLE(status, n), flags, ret, err);
	errno = err;
	return ret;
}

/* The node numbers set in the first MAXNODE - 1 bits of mask. */
int mask_nodes(unsigned long mask, int *nodes)
{
	int n = 0, i;

	for (i = 0; i < MAXNODE - 1; i++)
		if (mask & (1UL << i))
			nodes[n++] = i;
	return n;
}

long traced_mbind(void *addr, unsigned long len, int mode,
		  unsigned long mask, unsigned int flags)
{
	int nodes[MAX_NODES], n = mask_nodes(mask, nodes);
	long ret;
	int err;

	errno = 0;
	ret = mbind(addr, len, mode, &mask, MAXNODE, flags);
	err = errno;
	expect_mbind(EXPECT_SITE(EXPECT_FUNCTION, 0), addr, len, mode, nodes,
		     n, MAXNODE, flags, ret, err);
	errno = err;
	return ret;
}

static long traced_migrate_pages(int pid, unsigned long from,
				 unsigned long to)
{
	int old[MAX_NODES], new[MAX_NODES];
	int nold = mask_nodes(from, old), nnew = mask_nodes(to, new);
	long ret;
	int err;

	errno = 0;
	ret = migrate_pages(pid, MAXNODE, &from, &to);
	err = errno;
	expect_migrate_pages(EXPECT_SITE(EXPECT_FUNCTION, 0), pid, MAXNODE,
			     old, nold, new, nnew, ret, err);
	errno = err;
	return ret;
}

/* ---- what the kernel says ---- */

void fill(int *a, unsigned long n, int v)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		a[i] = v;
}

/* The index of the first element of a that is not v, or n. */
static unsigned long first_not(const int *a, unsigned long n, int v)
{
	unsigned long i;

	for (i = 0; i < n && a[i] == v; i++)
		;
	return i;
}

/*
 * How many pages of the mapping at addr /proc/PID/numa_maps puts on each
 * node; -1 when the mapping is not listed.
 */
static int numa_maps(int pid, const void *addr, unsigned long *count)
{
	char path[64], line[4096], *tok;
	int found = -1;
	FILE *f;

	memset(count, 0, MAX_NODES * sizeof(*count));
	snprintf(path, sizeof(path), "/proc/%d/numa_maps", pid ? pid : getpid());
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (found < 0 && fgets(line, sizeof(line), f)) {
		if (strtoul(line, NULL, 16) != (unsigned long) addr)
			continue;
		found = 0;
		for (tok = strtok(line, " \n"); tok; tok = strtok(NULL, " \n")) {
			unsigned int node;
			unsigned long pages;

			if (sscanf(tok, "N%u=%lu", &node, &pages) == 2 &&
			    node < MAX_NODES)
				count[node] = pages;
		}
	}
	fclose(f);
	return found;
}

/*
 * The kernel's own view of pages [0, n) of mem in process pid, which the
 * test wants on want[i]: a status query (itself traced) and numa_maps.
 */
void kernel_agrees(int pid, char *mem, unsigned long n, const int *want)
{
	void **pages = malloc(n * sizeof(*pages));
	int *status = malloc(n * sizeof(*status));
	unsigned long got[MAX_NODES], wanted[MAX_NODES] = { 0 }, i;
	long ret;
	int node, same = 1;

	page_list(pages, mem, n);
	fill(status, n, UNSET);
	ret = traced_move_pages(pid, n, pages, NULL, status, 0);
	for (i = 0; i < n && want[i] == status[i]; i++)
		;
	verdict(ret == 0 && i == n,
		"a status query after the call finds every page where wanted | ret %ld, page %lu: on %d, wanted on %d",
		ret, i, i < n ? status[i] : 0, i < n ? want[i] : 0);
	if (i < n) {
		printf("# status");
		for (i = 0; i < n && i < 64; i++)
			printf(" %d", status[i]);
		printf("\n");
	}

	for (i = 0; i < n; i++)
		if (want[i] >= 0 && want[i] < MAX_NODES)
			wanted[want[i]]++;
	if (numa_maps(pid, mem, got) < 0) {
		verdict(0, "/proc/%d/numa_maps lists the mapping at %p",
			pid ? pid : getpid(), mem);
	} else {
		for (node = 0; node < MAX_NODES; node++)
			same &= got[node] == wanted[node];
		verdict(same,
			"numa_maps counts the pages per node as wanted | N0=%lu N1=%lu N2=%lu N3=%lu, wanted %lu %lu %lu %lu",
			got[0], got[1], got[2], got[3], wanted[0],
			wanted[1], wanted[2], wanted[3]);
	}
	free(pages);
	free(status);
}

static void kernel_agrees_all(int pid, char *mem, unsigned long n, int node)
{
	int *want = malloc(n * sizeof(*want));

	fill(want, n, node);
	kernel_agrees(pid, mem, n, want);
	free(want);
}

/*
 * move_pages of pages [0, n) of mem in process pid to the nodes given,
 * checked: the call succeeds and its status array holds the target of
 * each page. Returns whether it did.
 */
static int move_checked(int pid, char *mem, unsigned long n, const int *nodes,
			const char *what)
{
	void **pages = malloc(n * sizeof(*pages));
	int *status = malloc(n * sizeof(*status));
	unsigned long i;
	long ret;

	page_list(pages, mem, n);
	fill(status, n, UNSET);
	ret = traced_move_pages(pid, n, pages, nodes, status, MPOL_MF_MOVE);
	for (i = 0; i < n && status[i] == nodes[i]; i++)
		;
	verdict(ret == 0 && i == n,
		"%s: move_pages returns 0 and its status array holds each page's target | ret %ld errno %d, page %lu: %d, target %d",
		what, ret, ret < 0 ? errno : 0, i, i < n ? status[i] : 0,
		i < n ? nodes[i] : 0);
	free(pages);
	free(status);
	return ret == 0 && i == n;
}

static int move_all(int pid, char *mem, unsigned long n, int node,
		    const char *what)
{
	int *nodes = malloc(n * sizeof(*nodes));
	int ok;

	fill(nodes, n, node);
	ok = move_checked(pid, mem, n, nodes, what);
	free(nodes);
	return ok;
}

int node_count(void)
{
	return numa_max_node() + 1;
}

/* The nodes without CPUs, as CXL or HBM memory shows up. */
static int memory_only_nodes(int *nodes)
{
	struct bitmask *cpus = numa_allocate_cpumask();
	int n = 0, node;

	for (node = 0; node < node_count(); node++) {
		if (numa_node_to_cpus(node, cpus) == 0 &&
		    numa_bitmask_weight(cpus) == 0 &&
		    numa_node_size(node, NULL) > 0)
			nodes[n++] = node;
	}
	numa_free_cpumask(cpus);
	return n;
}

/* ---- scenarios ---- */

/* Pages moved between the first two nodes, both ways. */
static void move_between(int from, int to)
{
	char *mem = region(NPAGES, NPAGES);
	char what[64];

	snprintf(what, sizeof(what), "pages placed on node %d", from);
	if (!move_all(0, mem, NPAGES, from, what))
		return;
	snprintf(what, sizeof(what), "pages moved from node %d to node %d",
		 from, to);
	move_all(0, mem, NPAGES, to, what);
	kernel_agrees_all(0, mem, NPAGES, to);
}

static void move_0_1(void)
{
	move_between(0, 1);
}

static void move_1_0(void)
{
	move_between(1, 0);
}

/* To each memory-only node, then one page to each node in turn. */
static void move_memory_only(void)
{
	char *mem = region(NPAGES, NPAGES);
	int memonly[MAX_NODES], n = memory_only_nodes(memonly), i;
	int nodes[NPAGES];
	char what[64];

	if (!n) {
		skip("moves to a memory-only node", "the guest has none");
		return;
	}
	for (i = 0; i < n; i++) {
		snprintf(what, sizeof(what),
			 "pages moved to memory-only node %d", memonly[i]);
		if (move_all(0, mem, NPAGES, memonly[i], what))
			kernel_agrees_all(0, mem, NPAGES, memonly[i]);
	}
	for (i = 0; i < NPAGES; i++)
		nodes[i] = i % node_count();
	if (move_checked(0, mem, NPAGES, nodes,
			 "page i moved to node i modulo the node count"))
		kernel_agrees(0, mem, NPAGES, nodes);
}

/* mbind with MPOL_MF_MOVE moves pages already there. */
static void mbind_moves(void)
{
	const unsigned long len = NPAGES * page_size;
	char *mem = region(NPAGES, NPAGES);
	long ret;
	int i, want[NPAGES];

	if (!move_all(0, mem, NPAGES, 0, "pages placed on node 0"))
		return;
	ret = traced_mbind(mem, len, MPOL_BIND, 1UL << 1, MPOL_MF_MOVE);
	verdict(ret == 0, "mbind MPOL_BIND {1} MPOL_MF_MOVE returns 0 | errno %d",
		ret ? errno : 0);
	kernel_agrees_all(0, mem, NPAGES, 1);

	ret = traced_mbind(mem, len, MPOL_BIND, 1UL << 0,
			   MPOL_MF_MOVE | MPOL_MF_STRICT);
	verdict(ret == 0,
		"mbind MPOL_BIND {0} MPOL_MF_MOVE|MPOL_MF_STRICT returns 0 | errno %d",
		ret ? errno : 0);
	kernel_agrees_all(0, mem, NPAGES, 0);

	ret = traced_mbind(mem, len, MPOL_PREFERRED, 1UL << 1, MPOL_MF_MOVE);
	verdict(ret == 0,
		"mbind MPOL_PREFERRED {1} MPOL_MF_MOVE returns 0 | errno %d",
		ret ? errno : 0);
	kernel_agrees_all(0, mem, NPAGES, 1);

	/* Pages on a node the policy allows stay; STRICT alone says so. */
	ret = traced_mbind(mem, len, MPOL_BIND, 1UL << 0, MPOL_MF_STRICT);
	verdict(ret == -1 && errno == EIO,
		"mbind MPOL_BIND {0} MPOL_MF_STRICT over pages on node 1 fails with EIO | ret %ld errno %d",
		ret, errno);
	kernel_agrees_all(0, mem, NPAGES, 1);

	/*
	 * Fresh pages under MPOL_INTERLEAVE {0, 1} alternate between the
	 * two nodes as they are touched.
	 */
	mem = region(NPAGES, 0);
	ret = traced_mbind(mem, len, MPOL_INTERLEAVE, 3, 0);
	verdict(ret == 0, "mbind MPOL_INTERLEAVE {0,1} returns 0 | errno %d",
		ret ? errno : 0);
	for (i = 0; i < NPAGES; i++)
		mem[i * page_size] = 1;
	{
		void *pages[NPAGES];
		int status[NPAGES], alternate = 1;

		page_list(pages, mem, NPAGES);
		fill(status, NPAGES, UNSET);
		ret = traced_move_pages(0, NPAGES, pages, NULL, status, 0);
		for (i = 1; i < NPAGES; i++)
			alternate &= (status[i] == 0 || status[i] == 1) &&
				     status[i] != status[i - 1];
		verdict(ret == 0 && alternate,
			"pages touched under MPOL_INTERLEAVE {0,1} alternate between nodes 0 and 1 | %d %d %d %d ...",
			status[0], status[1], status[2], status[3]);
		for (i = 0; i < NPAGES; i++)
			want[i] = status[i];
		kernel_agrees(0, mem, NPAGES, want);
	}
}

/* MPOL_INTERLEAVE with MPOL_MF_MOVE moves pages off a node outside it. */
static void mbind_interleave_moves(void)
{
	char *mem = region(NPAGES, NPAGES);
	int memonly[MAX_NODES];
	void *pages[NPAGES];
	int status[NPAGES], i, on0 = 0, on1 = 0;
	long ret;

	if (!memory_only_nodes(memonly)) {
		skip("mbind MPOL_INTERLEAVE MPOL_MF_MOVE off a third node",
		     "the guest has no memory-only node");
		return;
	}
	if (!move_all(0, mem, NPAGES, memonly[0], "pages placed on a memory-only node"))
		return;
	ret = traced_mbind(mem, NPAGES * page_size, MPOL_INTERLEAVE, 3,
			   MPOL_MF_MOVE);
	verdict(ret == 0,
		"mbind MPOL_INTERLEAVE {0,1} MPOL_MF_MOVE returns 0 | errno %d",
		ret ? errno : 0);
	page_list(pages, mem, NPAGES);
	fill(status, NPAGES, UNSET);
	ret = traced_move_pages(0, NPAGES, pages, NULL, status, 0);
	for (i = 0; i < NPAGES; i++) {
		on0 += status[i] == 0;
		on1 += status[i] == 1;
	}
	verdict(ret == 0 && on0 + on1 == NPAGES && on0 && on1,
		"every page left node %d for node 0 or 1, and both got some | %d on 0, %d on 1",
		memonly[0], on0, on1);
}

/* migrate_pages of the calling process, there and back. */
static void migrate_self(void)
{
	char *mem = region(NPAGES, NPAGES);
	long ret;

	if (!move_all(0, mem, NPAGES, 0, "pages placed on node 0"))
		return;
	ret = traced_migrate_pages(0, 1UL << 0, 1UL << 1);
	verdict(ret >= 0, "migrate_pages(0, {0}, {1}) succeeds | ret %ld errno %d",
		ret, ret < 0 ? errno : 0);
	kernel_agrees_all(0, mem, NPAGES, 1);
	ret = traced_migrate_pages(0, 1UL << 1, 1UL << 0);
	verdict(ret >= 0, "migrate_pages(0, {1}, {0}) succeeds | ret %ld errno %d",
		ret, ret < 0 ? errno : 0);
	kernel_agrees_all(0, mem, NPAGES, 0);
}

/*
 * migrate_pages from {0, 1} to two memory-only nodes: the kernel pairs
 * the nodes in order, so pages on 0 go to the first, pages on 1 to the
 * second.
 */
static void migrate_memory_only(void)
{
	char *mem = region(NPAGES, NPAGES);
	int memonly[MAX_NODES], nodes[NPAGES], want[NPAGES], i;
	long ret;

	if (memory_only_nodes(memonly) < 2) {
		skip("migrate_pages to memory-only nodes",
		     "the guest has fewer than two memory-only nodes");
		return;
	}
	for (i = 0; i < NPAGES; i++) {
		nodes[i] = i % 2;
		want[i] = memonly[i % 2];
	}
	if (!move_checked(0, mem, NPAGES, nodes,
			  "pages placed on nodes 0 and 1 in turn"))
		return;
	ret = traced_migrate_pages(0, 3, (1UL << memonly[0]) | (1UL << memonly[1]));
	verdict(ret >= 0, "migrate_pages(0, {0,1}, {%d,%d}) succeeds | ret %ld errno %d",
		memonly[0], memonly[1], ret, ret < 0 ? errno : 0);
	kernel_agrees(0, mem, NPAGES, want);
}

/*
 * A child that maps and touches pages of its own (not shared with its
 * parent), tells the parent where they are and waits to be killed.
 */
static pid_t child_with_pages(char **mem)
{
	int fd[2];
	pid_t pid;

	if (pipe(fd) || (pid = fork()) < 0)
		exit(2);
	if (!pid) {
		char *p = region(NPAGES, NPAGES);

		if (write(fd[1], &p, sizeof(p)) != sizeof(p))
			_exit(2);
		for (;;)
			pause();
	}
	if (read(fd[0], mem, sizeof(*mem)) != sizeof(*mem))
		exit(2);
	close(fd[0]);
	close(fd[1]);
	return pid;
}

static void end_child(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* move_pages and migrate_pages of another process, by pid. */
static void migrate_other(void)
{
	char *mem;
	pid_t child = child_with_pages(&mem);
	long ret;

	if (move_all(child, mem, NPAGES, 0,
		     "another process's pages placed on node 0 by pid")) {
		ret = traced_migrate_pages(child, 1UL << 0, 1UL << 1);
		verdict(ret >= 0,
			"migrate_pages(child, {0}, {1}) succeeds | ret %ld errno %d",
			ret, ret < 0 ? errno : 0);
		kernel_agrees_all(child, mem, NPAGES, 1);
	}
	end_child(child);
}

/*
 * Pages shared with a child after fork (copy-on-write, mapped twice) move
 * only with MPOL_MF_MOVE_ALL: -EACCES for each page without it.
 */
static void shared_pages(void)
{
	char *mem = region(NPAGES, NPAGES);
	void *pages[NPAGES];
	int nodes[NPAGES], status[NPAGES];
	unsigned long i;
	pid_t child;
	long ret;

	if (!move_all(0, mem, NPAGES, 0, "pages placed on node 0"))
		return;
	child = fork();
	if (child < 0)
		exit(2);
	if (!child) {
		for (;;)
			pause();
	}
	page_list(pages, mem, NPAGES);
	fill(nodes, NPAGES, 1);
	fill(status, NPAGES, UNSET);
	ret = traced_move_pages(0, NPAGES, pages, nodes, status, MPOL_MF_MOVE);
	i = first_not(status, NPAGES, -EACCES);
	verdict(ret == 0 && i == NPAGES,
		"move_pages MPOL_MF_MOVE of pages shared with a child gives -EACCES for each | ret %ld, page %lu: %d",
		ret, i, i < NPAGES ? status[i] : 0);
	kernel_agrees_all(0, mem, NPAGES, 0);

	fill(status, NPAGES, UNSET);
	ret = traced_move_pages(0, NPAGES, pages, nodes, status,
				MPOL_MF_MOVE_ALL);
	i = first_not(status, NPAGES, 1);
	verdict(ret == 0 && i == NPAGES,
		"move_pages MPOL_MF_MOVE_ALL moves them all to node 1 | ret %ld, page %lu: %d",
		ret, i, i < NPAGES ? status[i] : 0);
	kernel_agrees_all(0, mem, NPAGES, 1);
	end_child(child);
}

/*
 * Per-page -EFAULT and -ENOENT: an anonymous page never touched, a page
 * only read (the zero page), an unmapped address, and a page of a shared
 * memory file never touched.
 */
static void absent_pages(void)
{
	char *anon = region(2, 1);
	/* Below vm.mmap_min_addr: nothing is ever mapped there. */
	char *gone = (char *) page_size;
	int fd = memfd_create("numashim-absent", 0);
	char *file;
	void *pages[4];
	int nodes[4] = { 1, 1, 1, 1 }, status[4];
	volatile char c;
	long ret;
	int i;

	if (fd < 0 || ftruncate(fd, page_size))
		exit(2);
	file = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (file == MAP_FAILED)
		exit(2);
	c = anon[page_size];	/* maps the zero page */
	(void) c;
	pages[0] = region(1, 0);
	pages[1] = anon + page_size;
	pages[2] = gone;
	pages[3] = file;

	for (i = 0; i < 2; i++) {
		fill(status, 4, UNSET);
		ret = traced_move_pages(0, 4, pages, i ? nodes : NULL, status,
					i ? MPOL_MF_MOVE : 0);
		/*
		 * move_pages(2): -ENOENT "the page is not present", -EFAULT
		 * "a zero page or an address not mapped". Kernels before 6.5
		 * answer -EFAULT for an anonymous page never touched too.
		 */
		verdict(ret == 0 && (status[0] == -EFAULT || status[0] == -ENOENT),
			"%s: an anonymous page never touched gives -EFAULT or -ENOENT | %d",
			i ? "move" : "query", status[0]);
		verdict(status[1] == -EFAULT,
			"%s: the zero page gives -EFAULT | %d",
			i ? "move" : "query", status[1]);
		verdict(status[2] == -EFAULT,
			"%s: an unmapped address gives -EFAULT | %d",
			i ? "move" : "query", status[2]);
		verdict(status[3] == -ENOENT,
			"%s: a shared memory page never touched gives -ENOENT | %d",
			i ? "move" : "query", status[3]);
	}
	close(fd);
}

/*
 * Whole-call errors a process of any user can provoke, and the codes this
 * kernel no longer returns.
 */
static void call_errors(void)
{
	char *mem = region(NPAGES, NPAGES);
	void *pages[NPAGES];
	int nodes[NPAGES], status[NPAGES];
	long ret;

	page_list(pages, mem, NPAGES);
	fill(nodes, NPAGES, node_count() + 3);
	fill(status, NPAGES, UNSET);
	ret = traced_move_pages(0, NPAGES, pages, nodes, status, MPOL_MF_MOVE);
	verdict(ret == -1 && errno == ENODEV,
		"move_pages to node %d, which does not exist, fails with ENODEV | ret %ld errno %d",
		node_count() + 3, ret, errno);

	fill(nodes, NPAGES, 0);
	ret = traced_move_pages(0, NPAGES, pages, nodes, status,
				MPOL_MF_STRICT);
	verdict(ret == -1 && errno == EINVAL,
		"move_pages with MPOL_MF_STRICT fails with EINVAL | ret %ld errno %d",
		ret, errno);

	errno = 0;
	ret = mbind(mem, NPAGES * page_size, MPOL_BIND, (unsigned long *) mem,
		    page_size * 8 + 2, 0);
	expect_mbind(EXPECT_SITE(EXPECT_FUNCTION, 0), mem, NPAGES * page_size,
		     MPOL_BIND, NULL, 0, page_size * 8 + 2, 0, ret, errno);
	verdict(ret == -1 && errno == EINVAL,
		"mbind with maxnode beyond a page of bits fails with EINVAL | ret %ld errno %d",
		ret, errno);

	ret = traced_migrate_pages(99999999, 1, 2);
	verdict(ret == -1 && errno == ESRCH,
		"migrate_pages of a pid that does not exist fails with ESRCH | ret %ld errno %d",
		ret, errno);
	ret = traced_move_pages(99999999, NPAGES, pages, NULL, status, 0);
	verdict(ret == -1 && errno == ESRCH,
		"move_pages of a pid that does not exist fails with ESRCH | ret %ld errno %d",
		ret, errno);

	skip("move_pages E2BIG",
	     "move_pages(2): since Linux 2.6.29 the kernel no longer generates this error");
}

/*
 * A target node too small for the pages sent to it: the pages that fit
 * land there, the kernel says how many did not, and the status query
 * finds the rest where they were.
 */
static void full_node(void)
{
	int memonly[MAX_NODES], n = memory_only_nodes(memonly), i, small = -1;
	long long smallest = 0, size, free_bytes;
	unsigned long count, j, moved = 0, nomem = 0, unset = 0, on_small = 0;
	void **pages;
	int *nodes, *status, *want;
	char *mem;
	long ret;
	int err;

	for (i = 0; i < n; i++) {
		size = numa_node_size64(memonly[i], NULL);
		if (small < 0 || size < smallest) {
			small = memonly[i];
			smallest = size;
		}
	}
	if (small < 0) {
		skip("-ENOMEM from a full node", "the guest has no memory-only node");
		return;
	}
	numa_node_size64(small, &free_bytes);
	count = (free_bytes + (32 << 20)) / page_size;
	mem = region(count, count);
	pages = malloc(count * sizeof(*pages));
	nodes = malloc(count * sizeof(*nodes));
	status = malloc(count * sizeof(*status));
	want = malloc(count * sizeof(*want));
	page_list(pages, mem, count);
	fill(nodes, count, small);
	fill(status, count, UNSET);
	ret = traced_move_pages(0, count, pages, nodes, status, MPOL_MF_MOVE);
	err = ret < 0 ? errno : 0;
	for (j = 0; j < count; j++) {
		moved += status[j] == small;
		nomem += status[j] == -ENOMEM;
		unset += status[j] == UNSET;
	}
	printf("# %lu pages to node %d (%lld MiB free): ret %ld errno %d; status: %lu on node %d, %lu -ENOMEM, %lu not written\n",
	       count, small, free_bytes >> 20, ret, err, moved, small, nomem,
	       unset);
	verdict(ret > 0 || nomem > 0 || (ret == -1 && err == ENOMEM),
		"moving %lu pages to node %d, %lld MiB more than it has free, fails for some pages | ret %ld errno %d, %lu with -ENOMEM",
		count, small, (count * page_size - free_bytes) >> 20, ret, err,
		nomem);
	verdict(moved + nomem + unset == count,
		"each status element is node %d, -ENOMEM, or left as the program set it | %lu, %lu, %lu of %lu",
		small, moved, nomem, unset, count);
	if (nomem)
		verdict(1, "pages the full node could not take have status -ENOMEM");
	else
		skip("per-page -ENOMEM",
		     ret == -1 && err == ENOMEM ?
		     "this kernel fails the whole call with ENOMEM when the target node fills, and writes no status for the pages it did not move" :
		     "this kernel reported the pages it could not move in its return value");

	/*
	 * Where the kernel says each page is now. When the call fails, the
	 * batch it was moving may have moved in part without a status.
	 */
	memcpy(want, status, count * sizeof(*want));
	fill(status, count, UNSET);
	traced_move_pages(0, count, pages, NULL, status, 0);
	for (j = 0; j < count; j++) {
		on_small += status[j] == small;
		if (want[j] == small && status[j] != small)
			break;
	}
	verdict(j == count,
		"a status query finds on node %d every page whose status said so | page %lu: status %d, found on %d",
		small, j, j < count ? want[j] : 0, j < count ? status[j] : 0);
	verdict(on_small > 0 && on_small < count,
		"some pages reached node %d before it filled, whatever the call returned, and the rest did not | %lu of %lu are there, %lu had status %d",
		small, on_small, count, moved, small);
	memcpy(want, status, count * sizeof(*want));
	kernel_agrees(0, mem, count, want);
}

/* Calls a process may not make without privileges, as user nobody. */
static void unprivileged_child(pid_t root_pid)
{
	char *mem = region(NPAGES, NPAGES);
	void *pages[NPAGES];
	int nodes[NPAGES], status[NPAGES];
	long ret;

	page_list(pages, mem, NPAGES);
	fill(nodes, NPAGES, 1);
	fill(status, NPAGES, UNSET);
	ret = traced_move_pages(0, NPAGES, pages, nodes, status,
				MPOL_MF_MOVE_ALL);
	verdict(ret == -1 && errno == EPERM,
		"as uid %d, move_pages MPOL_MF_MOVE_ALL fails with EPERM | ret %ld errno %d",
		getuid(), ret, errno);
	ret = traced_migrate_pages(root_pid, 1UL << 0, 1UL << 1);
	verdict(ret == -1 && errno == EPERM,
		"as uid %d, migrate_pages of a root process fails with EPERM | ret %ld errno %d",
		getuid(), ret, errno);
	ret = traced_move_pages(root_pid, NPAGES, pages, NULL, status, 0);
	verdict(ret == -1 && errno == EPERM,
		"as uid %d, move_pages of a root process fails with EPERM | ret %ld errno %d",
		getuid(), ret, errno);
	ret = traced_mbind(mem, NPAGES * page_size, MPOL_BIND, 1UL << 1,
			   MPOL_MF_MOVE_ALL);
	verdict(ret == -1 && errno == EPERM,
		"as uid %d, mbind MPOL_MF_MOVE_ALL fails with EPERM | ret %ld errno %d",
		getuid(), ret, errno);
}

static void unprivileged(void)
{
	char arg[32];
	pid_t pid;
	int st;

	snprintf(arg, sizeof(arg), "%d", getpid());
	pid = fork();
	if (pid < 0)
		exit(2);
	if (!pid) {
		if (setgid(65534) || setuid(65534))
			_exit(2);
		execl("/proc/self/exe", "placement", "unprivileged-child", arg,
		      (char *) NULL);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	verdict(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"the unprivileged process ran its checks | status %#x", st);
}

/* Mems_allowed_list of /proc/self/status. */
static int mems_allowed(char *buf, int size)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	int found = 0;

	while (f && !found && fgets(line, sizeof(line), f))
		found = sscanf(line, "Mems_allowed_list: %s", buf) == 1;
	if (f)
		fclose(f);
	(void) size;
	return found;
}

/*
 * In a cgroup v2 cpuset whose cpuset.mems is "0" (the guest script puts
 * the process there): node 1 is out of bounds.
 */
static void cpuset_bounds(void)
{
	char *mem = region(NPAGES, NPAGES);
	char allowed[128] = "";
	void *pages[NPAGES];
	int nodes[NPAGES], status[NPAGES];
	long ret;

	if (!mems_allowed(allowed, sizeof(allowed)) || strcmp(allowed, "0")) {
		verdict(0, "the process is confined to node 0 by its cpuset | Mems_allowed_list: %s",
			allowed);
		return;
	}
	page_list(pages, mem, NPAGES);
	fill(nodes, NPAGES, 1);
	fill(status, NPAGES, UNSET);
	ret = traced_move_pages(0, NPAGES, pages, nodes, status, MPOL_MF_MOVE);
	verdict(ret == -1 && errno == EACCES,
		"move_pages to node 1, outside the cpuset, fails with EACCES | ret %ld errno %d",
		ret, errno);
	kernel_agrees_all(0, mem, NPAGES, 0);
	ret = traced_migrate_pages(0, 1UL << 0, 1UL << 1);
	verdict(ret == -1 && errno == EINVAL,
		"migrate_pages to node 1, outside the cpuset, fails with EINVAL | ret %ld errno %d",
		ret, errno);
	ret = traced_mbind(mem, NPAGES * page_size, MPOL_BIND, 1UL << 1,
			   MPOL_MF_MOVE);
	verdict(ret == -1 && errno == EINVAL,
		"mbind MPOL_BIND {1}, outside the cpuset, fails with EINVAL | ret %ld errno %d",
		ret, errno);
	kernel_agrees_all(0, mem, NPAGES, 0);
}

/*
 * For numactl's migratepages: pages placed on node `from` (untraced:
 * this process runs without the shim), then, once SIGUSR1 comes, checked
 * to be on node `to`.
 */
static void hold(int from, int to)
{
	char *mem = region(NPAGES * 4, NPAGES * 4);
	void *pages[NPAGES * 4];
	int nodes[NPAGES * 4], status[NPAGES * 4];
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	page_list(pages, mem, NPAGES * 4);
	fill(nodes, NPAGES * 4, from);
	if (move_pages(0, NPAGES * 4, pages, nodes, status, MPOL_MF_MOVE) ||
	    first_not(status, NPAGES * 4, from) != NPAGES * 4) {
		verdict(0, "pages placed on node %d", from);
		exit(1);
	}
	printf("# ready\n");
	fflush(stdout);
	sigwait(&set, &sig);
	kernel_agrees_all(0, mem, NPAGES * 4, to);
}

/* The AnonHugePages of the mapping at addr in /proc/self/smaps, in KiB. */
static long anon_huge_kib(const void *addr)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[256];
	long kib = -1;
	int in = 0;

	while (f && fgets(line, sizeof(line), f)) {
		unsigned long start, end;

		if (sscanf(line, "%lx-%lx ", &start, &end) == 2)
			in = start <= (unsigned long) addr &&
			     (unsigned long) addr < end;
		else if (in)
			sscanf(line, "AnonHugePages: %ld kB", &kib);
	}
	if (f)
		fclose(f);
	return kib;
}

/*
 * A transparent huge page moved page by page to the other node: its
 * first page takes the whole huge page along, and the kernel answers
 * -EBUSY for a page of it that the call has already isolated (move_pages
 * (2): "the page is busy"). The page moves all the same.
 */
static void huge_page(void)
{
	const unsigned long n = 2UL << 20 >> 12;
	char *raw = map_pages(3 * n, 0);
	char *mem = (char *) (((unsigned long) raw + n * page_size) &
			      ~(n * page_size - 1));
	void **pages = malloc(n * sizeof(*pages));
	int *nodes = malloc(n * sizeof(*nodes));
	int *status = malloc(n * sizeof(*status));
	unsigned long i, busy = 0;
	long ret;
	int from, to;

	if (page_size != 4096 || madvise(mem, n * page_size, MADV_HUGEPAGE)) {
		skip("-EBUSY for a page of a huge page",
		     "no transparent huge pages of 512 pages");
		return;
	}
	memset(mem, 1, n * page_size);
	if (anon_huge_kib(mem) < 2048) {
		skip("-EBUSY for a page of a huge page",
		     "the kernel gave no transparent huge page");
		return;
	}
	page_list(pages, mem, n);
	fill(status, n, UNSET);
	traced_move_pages(0, 1, pages, NULL, status, 0);
	from = status[0];
	to = !from;
	fill(nodes, n, to);
	fill(status, n, UNSET);
	ret = traced_move_pages(0, n, pages, nodes, status, MPOL_MF_MOVE);
	for (i = 0; i < n && (status[i] == to || status[i] == -EBUSY); i++)
		busy += status[i] == -EBUSY;
	verdict(ret == 0 && i == n,
		"a huge page moved from node %d to node %d page by page: each status is the target or -EBUSY | ret %ld, page %lu: %d",
		from, to, ret, i, i < n ? status[i] : 0);
	verdict(busy > 0 && status[0] == to,
		"the pages after the first that the call had already isolated with it have status -EBUSY | %lu with -EBUSY, page 0: %d",
		busy, status[0]);
	kernel_agrees_all(0, mem, n, to);
}

/*
 * The calls the guest's rewrite rules aim at, by name
 * (caller=rewritten_*): pages [0, n) of mem asked to go to node 1.
 */
static void rewritten_move(char *mem, unsigned long n)
{
	void **pages = malloc(n * sizeof(*pages));
	int *nodes = malloc(n * sizeof(*nodes));
	int *status = malloc(n * sizeof(*status));

	page_list(pages, mem, n);
	fill(nodes, n, 1);
	fill(status, n, UNSET);
	traced_move_pages(0, n, pages, nodes, status, MPOL_MF_MOVE);
	free(pages);
	free(nodes);
	free(status);
}

static void rewritten_mbind(char *mem, unsigned long n)
{
	traced_mbind(mem, n * page_size, MPOL_BIND, 1UL << 1, MPOL_MF_MOVE);
}

/* All of the process's pages on node 0, asked to go to node 1. */
static void rewritten_migrate(char *mem, unsigned long n)
{
	(void) mem;
	(void) n;
	traced_migrate_pages(0, 1UL << 0, 1UL << 1);
}

/*
 * Pages on node 0 asked to go to node 1 (by ask) while a rewrite rule is at work
 * (NUMASHIM_REWRITE, from the guest's init): the kernel finds them where
 * the rule sent them, the nodes of NUMASHIM_TEST_LANDING ("0,1": page by
 * page in turn).
 */
static void rewritten(void (*ask)(char *mem, unsigned long n))
{
	const char *landing = getenv("NUMASHIM_TEST_LANDING");
	char *mem = region(NPAGES, NPAGES), *end;
	int want[NPAGES], targets[MAX_NODES], n = 0;
	unsigned long i;

	if (!landing || !getenv("NUMASHIM_REWRITE")) {
		skip("pages where the rule sends them", "no rule given");
		return;
	}
	do {
		targets[n++] = strtol(landing, &end, 10);
		landing = end + 1;
	} while (*end == ',' && n < MAX_NODES);
	for (i = 0; i < NPAGES; i++)
		want[i] = targets[i % n];
	if (!move_all(0, mem, NPAGES, 0, "pages placed on node 0"))
		return;
	ask(mem, NPAGES);
	kernel_agrees(0, mem, NPAGES, want);
}

/* Pages taken from node 1 to node 0: nothing to take, unless rewritten. */
static void rewritten_migrate_back(char *mem, unsigned long n)
{
	(void) mem;
	(void) n;
	traced_migrate_pages(0, 1UL << 1, 1UL << 0);
}

static void rewritten_moves(void)
{
	rewritten(rewritten_move);
}

static void rewritten_mbinds(void)
{
	rewritten(rewritten_mbind);
}

static void rewritten_migrates(void)
{
	rewritten(rewritten_migrate);
}

static void rewritten_migrates_back(void)
{
	rewritten(rewritten_migrate_back);
}

/*
 * The caller=rewritten_policy rule's call: BIND {1}, which the rule
 * makes BIND {0}; the fresh pages then touched must land on node 0,
 * where the program's own policy would have put none.
 */
static void rewritten_policy(void)
{
	char *mem = region(NPAGES, 0);
	unsigned long i;

	if (!getenv("NUMASHIM_REWRITE")) {
		skip("pages where the rule's policy puts them", "no rule given");
		return;
	}
	verdict(traced_set_mempolicy(MPOL_BIND, 1UL << 1) == 0,
		"set_mempolicy BIND {1} works | %m");
	for (i = 0; i < NPAGES; i++)
		mem[i * page_size] = 1;
	traced_set_mempolicy(MPOL_DEFAULT, 0);
	kernel_agrees_all(0, mem, NPAGES, 0);
}

static const struct scenario scenarios[] = {
	{ "rewrite-interleave", rewritten_moves },
	{ "rewrite-dry-run", rewritten_moves },
	{ "rewrite-memory-only", rewritten_moves },
	{ "rewrite-mbind", rewritten_mbinds },
	{ "rewrite-migrate", rewritten_migrates },
	{ "rewrite-migrate-source", rewritten_migrates_back },
	{ "rewrite-policy", rewritten_policy },
	{ "move-0-1", move_0_1 },
	{ "move-1-0", move_1_0 },
	{ "move-memory-only", move_memory_only },
	{ "mbind", mbind_moves },
	{ "mbind-interleave-move", mbind_interleave_moves },
	{ "migrate-self", migrate_self },
	{ "migrate-other", migrate_other },
	{ "migrate-memory-only", migrate_memory_only },
	{ "shared", shared_pages },
	{ "absent", absent_pages },
	{ "errors", call_errors },
	{ "full-node", full_node },
	{ "unprivileged", unprivileged },
	{ "cpuset", cpuset_bounds },
	{ "huge-page", huge_page },
};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

static const struct scenario *find(const struct scenario *table,
				   unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(name, table[i].name))
			return &table[i];
	return NULL;
}

static void list(const struct scenario *table, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		fprintf(stderr, " %s", table[i].name);
}

int main(int argc, char **argv)
{
	const struct scenario *run = NULL;

	scenario = argc > 1 ? argv[1] : "";
	if (argc == 2)
		run = find(policy_scenarios, policy_scenario_count, scenario);
	/*
	 * The memory policy scenarios check every get_mempolicy call the
	 * program makes, and numa_available() makes one: they run before
	 * it, and their first set_mempolicy tells whether the kernel has
	 * NUMA support.
	 */
	if (run) {
		run->run();
		return failed;
	}
	if (numa_available() < 0) {
		verdict(0, "the kernel has NUMA support");
		return 1;
	}
	if (argc == 3 && !strcmp(scenario, "unprivileged-child")) {
		scenario = "unprivileged";
		unprivileged_child(atoi(argv[2]));
	} else if (argc == 4 && !strcmp(scenario, "workload")) {
		policy_workload(argv[2], argv[3]);
	} else if (argc == 4 && !strcmp(scenario, "hold")) {
		hold(atoi(argv[2]), atoi(argv[3]));
	} else if (argc == 2 &&
		   (run = find(scenarios, COUNT(scenarios), scenario))) {
		run->run();
	} else {
		fprintf(stderr, "usage: %s SCENARIO | unprivileged-child PID | workload bind|interleave|preferred NODE,... | hold FROM TO\nscenarios:",
			argv[0]);
		list(scenarios, COUNT(scenarios));
		list(policy_scenarios, policy_scenario_count);
		fputc('\n', stderr);
		return 2;
	}
	return failed;
}
