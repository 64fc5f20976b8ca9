// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Placement calls whose trace the tests check: `calls SCENARIO` makes the
 * scenario's calls and writes, through expect.c, what each call was given
 * and what the kernel answered. Every call is made from a function of its
 * own scenario so that the trace's call sites can be checked by name.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numa.h>
#include <numaif.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"
#include "pages.h"

/*
 * move_pages() through numaif.h, checked against the trace; the scenario
 * that asks is one frame below the call site.
 */
static __attribute__((noinline)) long checked_move_pages(struct expect_site site, unsigned long count,
			       void **pages, const int *nodes, int *status,
			       int flags)
{
	long ret;
	int err;

	errno = 0;
	ret = move_pages(0, count, pages, nodes, status, flags);
	err = errno;
	expect_move_pages(site, 0, count, EXPECT_WHOLE(pages, count),
			  EXPECT_WHOLE(nodes, nodes ? count : 0),
			  EXPECT_WHOLE(status, count), flags, ret, err);
	return ret;
}

static void status_query(void)
{
	char *mem = map_pages(NPAGES, NPAGES);
	void *pages[NPAGES];
	int status[NPAGES];

	page_list(pages, mem, NPAGES);
	if (checked_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 1), NPAGES, pages,
			       NULL, status, 0))
		exit(3);
}

static void move_to_node0(void)
{
	char *mem = map_pages(NPAGES, NPAGES);
	void *pages[NPAGES];
	int nodes[NPAGES] = { 0 };
	int status[NPAGES];

	page_list(pages, mem, NPAGES);
	if (checked_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 1), NPAGES, pages,
			       nodes, status, MPOL_MF_MOVE))
		exit(3);
}

static void move_to_missing_node(void)
{
	char *mem = map_pages(NPAGES, NPAGES);
	void *pages[NPAGES];
	int nodes[NPAGES] = { 0, 1, 0, 1, 1, 1, 0, 1 };
	int status[NPAGES];

	page_list(pages, mem, NPAGES);
	checked_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 1), NPAGES, pages,
			   nodes, status, MPOL_MF_MOVE);
}

/* Pages never touched, and an address with nothing mapped. */
static void untouched_and_unmapped(void)
{
	char *mem = map_pages(NPAGES, NPAGES / 2);
	char *gone = map_pages(1, 0);
	void *pages[NPAGES + 1];
	int status[NPAGES + 1];

	munmap(gone, page_size);
	page_list(pages, mem, NPAGES);
	pages[NPAGES] = gone;
	checked_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 1), NPAGES + 1, pages,
			   NULL, status, 0);
}

/* Arrays the kernel answers EFAULT for: the shim must record what it can. */
static void invalid_pointers(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	char *mem = map_pages(2, 2);
	void **edge = (void **) (mem + page_size) - 2;
	int status[4], nodes[4] = { 0 };
	long ret;

	/*
	 * The pages array runs from a readable page into an inaccessible one
	 * (present, so that the shim's reason is EFAULT, not ENODATA).
	 */
	mprotect(mem + page_size, page_size, PROT_NONE);
	edge[0] = mem;
	edge[1] = mem;
	errno = 0;
	ret = move_pages(0, 4, edge, NULL, status, 0);
	expect_move_pages(site, 0, 4, (struct expect_array) { edge, 4, 2 },
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, 4), 0,
			  ret, errno);

	errno = 0;
	ret = move_pages(0, 3, NULL, NULL, status, 0);
	expect_move_pages(site, 0, 3, (struct expect_array) { NULL, 3, 0 },
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, 3), 0,
			  ret, errno);

	errno = 0;
	ret = move_pages(0, 1, (void **) &mem, nodes, (int *) 1, MPOL_MF_MOVE);
	expect_move_pages(site, 0, 1, EXPECT_WHOLE(&mem, 1),
			  EXPECT_WHOLE(nodes, 1),
			  (struct expect_array) { (int *) 1, 1, 0 },
			  MPOL_MF_MOVE, ret, errno);

	errno = 0;
	ret = move_pages(0, 1, (void **) &mem, (int *) 8, status, MPOL_MF_MOVE);
	expect_move_pages(site, 0, 1, EXPECT_WHOLE(&mem, 1),
			  (struct expect_array) { (int *) 8, 1, 0 },
			  EXPECT_WHOLE(status, 1), MPOL_MF_MOVE, ret, errno);
}

static __attribute__((noinline)) void checked_mbind(struct expect_site site, int mode, int flags)
{
	char *mem = map_pages(NPAGES, NPAGES);
	unsigned long mask = 1;
	int node0 = 0;
	long ret;

	errno = 0;
	ret = mbind(mem, NPAGES * page_size, mode, &mask, 64, flags);
	expect_mbind(site, mem, NPAGES * page_size, mode, &node0, 1, 64, flags,
		     ret, errno);
	if (ret)
		exit(3);
}

static void mbind_policies(void)
{
	checked_mbind(EXPECT_SITE(EXPECT_FUNCTION, 1), MPOL_BIND, MPOL_MF_MOVE);
	checked_mbind(EXPECT_SITE(EXPECT_FUNCTION, 1), MPOL_PREFERRED,
		      MPOL_MF_MOVE);
	checked_mbind(EXPECT_SITE(EXPECT_FUNCTION, 1), MPOL_INTERLEAVE,
		      MPOL_MF_MOVE | MPOL_MF_STRICT);
}

static void migrate_self(void)
{
	unsigned long mask = 1;
	int node0 = 0;
	long ret;

	errno = 0;
	ret = migrate_pages(0, 64, &mask, &mask);
	expect_migrate_pages(EXPECT_SITE(EXPECT_FUNCTION, 0), 0, 64, &node0, 1,
			     &node0, 1, ret, errno);
	if (ret < 0)
		exit(3);
}

static __attribute__((noinline)) void checked_range(struct expect_site site,
						    char *addr,
						    unsigned long len,
						    unsigned int flags)
{
	unsigned long mask = 1;
	int node0 = 0;
	long ret;

	errno = 0;
	ret = mbind(addr, len, MPOL_BIND, &mask, 64, flags);
	expect_mbind(site, addr, len, MPOL_BIND, &node0, 1, 64, flags, ret,
		     errno);
}

/*
 * Ranges the kernel takes whole, rounds up, refuses, or takes as empty:
 * do_mbind() rounds len up to whole pages, refuses an unaligned start
 * and flags it does not know, and binds nothing when the rounded range
 * wraps to nothing, as len -1 does.
 */
static void mbind_ranges(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 1);
	char *mem = map_pages(256, 0);

	checked_range(site, mem, 256 * page_size, MPOL_MF_MOVE);
	checked_range(site, mem, 1, 0);
	checked_range(site, mem + 1, page_size, 0);
	checked_range(site, mem, 2 * page_size, ~0U);
	checked_range(site, mem, -1UL, MPOL_MF_STRICT);
}

/* libnuma's own functions, which reach the kernel through numaif.h's. */
static void libnuma_high_level(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 1);
	char *mem = map_pages(NPAGES, NPAGES);
	struct bitmask *from = numa_bitmask_alloc(numa_num_possible_nodes());
	struct bitmask *to = numa_bitmask_alloc(numa_num_possible_nodes());
	void *pages[NPAGES];
	int status[NPAGES];
	int node0 = 0;
	long ret;

	page_list(pages, mem, NPAGES);
	errno = 0;
	ret = numa_move_pages(0, NPAGES, pages, NULL, status, 0);
	expect_move_pages(site, 0, NPAGES, EXPECT_WHOLE(pages, NPAGES),
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, NPAGES),
			  0, ret, errno);

	numa_tonode_memory(mem, NPAGES * page_size, 0);
	expect_mbind(site, mem, NPAGES * page_size, MPOL_BIND, &node0, 1,
		     EXPECT_ANY, 0, 0, 0);
	numa_interleave_memory(mem, NPAGES * page_size, numa_all_nodes_ptr);
	expect_mbind(site, mem, NPAGES * page_size, MPOL_INTERLEAVE, &node0,
		     1, EXPECT_ANY, 0, 0, 0);

	numa_bitmask_setbit(from, 0);
	numa_bitmask_setbit(to, 0);
	errno = 0;
	ret = numa_migrate_pages(0, from, to);
	expect_migrate_pages(site, 0, EXPECT_ANY, &node0, 1, &node0, 1, ret,
			     errno);
}

/* One call naming 200 000 pages, one in ten of them touched. */
static void big_call(void)
{
	const unsigned long n = 200000;
	char *mem = map_pages(n, 0);
	void **pages = malloc(n * sizeof(*pages));
	int *status = malloc(n * sizeof(*status));
	unsigned long i;

	for (i = 0; i < n; i += 10)
		mem[i * page_size] = 1;
	page_list(pages, mem, n);
	checked_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 1), n, pages, NULL,
			   status, 0);
}

#define THREADS 8
#define CALLS_PER_THREAD 50

static void *thread_calls(void *arg)
{
	char *mem = arg;
	void *pages[NPAGES];
	int status[NPAGES];
	int i;

	page_list(pages, mem, NPAGES);
	for (i = 0; i < CALLS_PER_THREAD; i++)
		checked_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 1), NPAGES,
				   pages, NULL, status, 0);
	return NULL;
}

static void threads(void)
{
	pthread_t tids[THREADS];
	int i;

	for (i = 0; i < THREADS; i++)
		pthread_create(&tids[i], NULL, thread_calls,
			       map_pages(NPAGES, i % NPAGES));
	for (i = 0; i < THREADS; i++)
		pthread_join(tids[i], NULL);
}

/* Run child() in a forked process, and fail unless it exits with 0. */
static void in_child(void (*child)(void))
{
	int st;
	pid_t pid = fork();

	if (pid < 0)
		exit(2);
	if (!pid) {
		child();
		_exit(0);
	}
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		exit(3);
}

static void child_calls(void)
{
	status_query();
	move_to_missing_node();
}

/* Calls before and after fork, in the parent and in the child. */
static void forked(void)
{
	status_query();
	in_child(child_calls);
	status_query();
}

static void exec_calls(void)
{
	execl("/proc/self/exe", "calls", "missing-node", (char *) NULL);
	_exit(127);
}

/* A child that runs a program anew: the preload and the tracing carry over. */
static void forked_exec(void)
{
	status_query();
	in_child(exec_calls);
}

/* A call made before main(), while the program is still starting. */
/*
 * Calls of every kind, some failing, in bursts apart in time: the first
 * ones close together, then pauses long enough for the timeline to leave
 * empty buckets between the bursts.
 */
static void paced(void)
{
	static const struct {
		unsigned int pause_ms;
		void (*run)(void);
	} steps[] = {
		{ 0, move_to_node0 }, { 0, status_query },
		{ 0, invalid_pointers }, { 20, move_to_missing_node },
		{ 20, mbind_policies }, { 150, migrate_self },
		{ 0, move_to_node0 }, { 300, invalid_pointers },
		{ 0, move_to_node0 },
	};
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(*steps); i++) {
		usleep(steps[i].pause_ms * 1000);
		steps[i].run();
	}
}

static void __attribute__((constructor)) early(void)
{
	const char *scenario = getenv("NUMASHIM_TEST_EARLY");

	if (scenario && !strcmp(scenario, "1"))
		status_query();
}

static const struct scenario {
	const char *name;
	void (*run)(void);
} scenarios[] = {
	{ "status-query", status_query },
	{ "move-node0", move_to_node0 },
	{ "missing-node", move_to_missing_node },
	{ "untouched-unmapped", untouched_and_unmapped },
	{ "invalid-pointers", invalid_pointers },
	{ "mbind", mbind_policies },
	{ "ranges", mbind_ranges },
	{ "migrate", migrate_self },
	{ "syscall", through_syscall },
	{ "libnuma", libnuma_high_level },
	{ "big", big_call },
	{ "threads", threads },
	{ "fork", forked },
	{ "fork-exec", forked_exec },
	{ "paced", paced },
};

int main(int argc, char **argv)
{
	size_t i;

	for (i = 0; argc == 2 && i < sizeof(scenarios) / sizeof(*scenarios); i++) {
		if (!strcmp(argv[1], scenarios[i].name)) {
			scenarios[i].run();
			return 0;
		}
	}
	fprintf(stderr, "usage: %s SCENARIO\nscenarios:", argv[0]);
	for (i = 0; i < sizeof(scenarios) / sizeof(*scenarios); i++)
		fprintf(stderr, " %s", scenarios[i].name);
	fputc('\n', stderr);
	return 2;
}
