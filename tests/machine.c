// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The machine's NUMA facts in the trace (machine.test): calls written
 * down through expect.c, each with whether it must have recorded
 * numashim:machine: the first call of the process, of a forked child and
 * of the new image the child execs; every call the kernel fails whole
 * (move_pages to a node that is not online: ENODEV; mbind,
 * set_mempolicy and set_mempolicy_home_node with a bad mode or flags:
 * EINVAL; migrate_pages of no such process: ESRCH); and no other call,
 * a failed get_mempolicy among them. For the calls that record them,
 * each online node's MemFree is read here, with stdio, just before and
 * just after the call, for machinecheck.py to hold the recorded one to;
 * the other facts are machinecheck.py's own to read. Then threads
 * making their first calls at once, in another child, of which only
 * one may record the facts. The recording must leave the program no
 * descriptor more, also in a child that closed all of its own first.
 *
 *	machine		the calls, the child's, the new image's and the threads'
 *	machine image	the calls of the new image (run by the child)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
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
#include "fds.h"
#include "pages.h"

#define NODE_DIR "/sys/devices/system/node"
#define MAX_NODES 64
#define MAXNODE 65	/* one word of mask */
#define ABSENT_NODE 5	/* not online on the host nor in the guests */
#define BAD_MODE 99
#define THREADS 4

static int online[MAX_NODES], n_online;
static long free_before[MAX_NODES];
static const unsigned long mask0 = 1;
static const int node0[] = { 0 };

static void fail(const char *what)
{
	fprintf(stderr, "machine: %s: %m\n", what);
	exit(2);
}

/* The online nodes, from the kernel's list ("0-1,3"). */
static void read_online(void)
{
	FILE *f = fopen(NODE_DIR "/online", "r");
	int lo, hi;
	char sep;

	if (!f)
		fail(NODE_DIR "/online");
	n_online = 0;
	while (fscanf(f, "%d", &lo) == 1) {
		hi = lo;
		sep = fgetc(f);
		if (sep == '-' && fscanf(f, "%d", &hi) == 1)
			sep = fgetc(f);
		for (; lo <= hi && n_online < MAX_NODES; lo++)
			online[n_online++] = lo;
		if (sep != ',')
			break;
	}
	fclose(f);
}

static long mem_free(int node)
{
	char path[128], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), NODE_DIR "/node%d/meminfo", node);
	f = fopen(path, "r");
	if (!f)
		fail(path);
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Node %*d MemFree: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Before a call that must record the facts. */
static void before(void)
{
	int i;

	for (i = 0; i < n_online; i++)
		free_before[i] = mem_free(online[i]);
}

/* After it, before it is written down. */
static void recorded(void)
{
	long both[2 * MAX_NODES];
	int i;

	for (i = 0; i < n_online; i++) {
		both[2 * i] = free_before[i];
		both[2 * i + 1] = mem_free(online[i]);
	}
	expect_machine(both, n_online);
}

static void not_recorded(void)
{
	expect_machine(NULL, -1);
}

/* A query of one touched page: it succeeds. */
static __attribute__((noinline)) void query(char *page)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	void *pages[1] = { page };
	int status[1];
	long ret;

	ret = move_pages(0, 1, pages, NULL, status, 0);
	expect_move_pages(site, 0, 1, EXPECT_WHOLE(pages, 1),
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, 1), 0,
			  ret, errno);
	if (ret)
		fail("move_pages query");
}

static __attribute__((noinline)) void move_to_absent_node(char *page)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	void *pages[1] = { page };
	int nodes[1] = { ABSENT_NODE }, status[1] = { 0 };
	long ret;

	before();
	ret = move_pages(0, 1, pages, nodes, status, MPOL_MF_MOVE);
	recorded();
	expect_move_pages(site, 0, 1, EXPECT_WHOLE(pages, 1),
			  EXPECT_WHOLE(nodes, 1), EXPECT_WHOLE(status, 1),
			  MPOL_MF_MOVE, ret, errno);
	if (ret != -1 || errno != ENODEV)
		fail("move_pages to an absent node did not fail with ENODEV");
}

static __attribute__((noinline)) void mbind_bad_mode(char *page)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	long ret;

	before();
	ret = mbind(page, page_size, BAD_MODE, &mask0, MAXNODE, 0);
	recorded();
	expect_mbind(site, page, page_size, BAD_MODE, node0, 1, MAXNODE, 0,
		     ret, errno);
	if (ret != -1 || errno != EINVAL)
		fail("mbind with a bad mode did not fail with EINVAL");
}

static __attribute__((noinline)) void set_mempolicy_bad_mode(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	long ret;

	before();
	ret = set_mempolicy(BAD_MODE, &mask0, MAXNODE);
	recorded();
	expect_set_mempolicy(site, BAD_MODE, &mask0, node0, 1, MAXNODE, ret,
			     errno);
	if (ret != -1 || errno != EINVAL)
		fail("set_mempolicy with a bad mode did not fail with EINVAL");
}

/* A failed get_mempolicy is not one the facts may explain. */
static __attribute__((noinline)) void get_mempolicy_bad_flags(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	int mode;
	long ret;

	ret = get_mempolicy(&mode, NULL, 0, NULL, ~0U);
	not_recorded();
	expect_get_mempolicy(site, &mode, NULL, 0, NULL, ~0U, EXPECT_ANY,
			     NULL, 0, ret, errno);
	if (ret != -1)
		fail("get_mempolicy with bad flags succeeded");
}

static __attribute__((noinline)) void migrate_no_process(void)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	long ret;

	before();
	ret = migrate_pages(INT_MAX, MAXNODE, &mask0, &mask0);
	recorded();
	expect_migrate_pages(site, INT_MAX, MAXNODE, node0, 1, node0, 1, ret,
			     errno);
	if (ret != -1 || errno != ESRCH)
		fail("migrate_pages of no process did not fail with ESRCH");
}

static __attribute__((noinline)) void home_node_bad_flags(char *page)
{
	struct expect_site site = EXPECT_SITE(EXPECT_SYSCALL, 0);
	long ret;

	before();
	ret = syscall(SYS_set_mempolicy_home_node, page, page_size, 0, 1);
	recorded();
	expect_set_mempolicy_home_node(site, page, page_size, 0, 1, ret,
				       errno);
	if (ret != -1 || errno != EINVAL)
		fail("set_mempolicy_home_node with flags did not fail "
		     "with EINVAL");
}

/* The first call of a process or image records the facts. */
static __attribute__((noinline)) void first_query(char *page)
{
	struct expect_site site = EXPECT_SITE(EXPECT_FUNCTION, 0);
	void *pages[1] = { page };
	int status[1];
	long ret;

	before();
	ret = move_pages(0, 1, pages, NULL, status, 0);
	recorded();
	expect_move_pages(site, 0, 1, EXPECT_WHOLE(pages, 1),
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, 1), 0,
			  ret, errno);
	if (ret)
		fail("the first move_pages query");
}

static void quiet_query(char *page)
{
	not_recorded();
	query(page);
}

static void image(void)
{
	char *page = map_pages(1, 1);

	first_query(page);
	quiet_query(page);
}

/* A child that execs itself: "exe", a new image of the same process. */
static void child(void)
{
	char *page = map_pages(1, 1);
	int status;
	pid_t pid = fork();

	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		first_query(page);
		quiet_query(page);
		execl("/proc/self/exe", "machine", "image", (char *) NULL);
		fail("exec");
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		exit(3);
}

/*
 * A daemon's way: every descriptor closed (but lttng-ust's, which
 * liblttng-ust-fd keeps), then a call that fails whole, its first:
 * the facts are read all the same, and leave no descriptor behind.
 */
static void closed_descriptors(void)
{
	char *page = map_pages(1, 1);
	int status, fd, fds;
	pid_t pid = fork();

	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		for (fd = 0; fd < 1024; fd++)
			close(fd);
		fds = fds_open();
		move_to_absent_node(page);
		quiet_query(page);
		_exit(fds_open() == fds ? 0 : 4);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		fprintf(stderr, "machine: the child without descriptors "
			"exited with status %d\n", status);
		exit(3);
	}
}

static pthread_barrier_t start;

/* Written down without expectation: any one of them may record. */
static void *thread_query(void *page)
{
	pthread_barrier_wait(&start);
	query(page);
	return NULL;
}

static void racing_threads(void)
{
	char *page = map_pages(1, 1);
	pthread_t t[THREADS];
	int status, i;
	pid_t pid = fork();

	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		pthread_barrier_init(&start, NULL, THREADS);
		for (i = 0; i < THREADS; i++)
			if (pthread_create(&t[i], NULL, thread_query, page))
				_exit(2);
		for (i = 0; i < THREADS; i++)
			pthread_join(t[i], NULL);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		exit(3);
}

int main(int argc, char **argv)
{
	char *page = map_pages(1, 1);
	int fds;

	read_online();
	if (argc > 1 && !strcmp(argv[1], "image")) {
		image();
		return 0;
	}
	fds = fds_open();
	first_query(page);
	quiet_query(page);
	move_to_absent_node(page);
	mbind_bad_mode(page);
	set_mempolicy_bad_mode();
	get_mempolicy_bad_flags();
	migrate_no_process();
	home_node_bad_flags(page);
	quiet_query(page);
	if (fds_open() != fds) {
		fprintf(stderr, "machine: %d descriptors open, %d before\n",
			fds_open(), fds);
		return 1;
	}
	child();
	closed_descriptors();
	racing_threads();
	return 0;
}
