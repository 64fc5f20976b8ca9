// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The status move_pages() gives for a page the program has just unmapped,
 * at the moments a recorder is tempted to map memory of its own: the
 * process's first call, a new thread's first call, a child's first call
 * after fork(). Bare, the kernel answers -EFAULT; anything else means a
 * mapping came into the freed hole during the call. One line a call, for
 * the test to compare with a bare run.
 *
 * With "move", move_pages() is asked to move the page to node 0, and
 * with "mbind", the page is bound to node 0, so that rules that rewrite
 * these calls' node arrays have something to rewrite: the kernel answers
 * -EFAULT for the hole as well.
 */
#include <errno.h>
#include <numaif.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *mode = "query";

/* The call on the hole, with mode's arguments; status as move_pages'. */
static long hole_call(void *hole, long page, int *status)
{
	int node = 0;
	unsigned long mask = 1;

	if (!strcmp(mode, "move"))
		return move_pages(0, 1, &hole, &node, status, 0);
	if (!strcmp(mode, "mbind")) {
		*status = mbind(hole, page, MPOL_BIND, &mask, 2, 0) ? -errno : 0;
		return *status ? -1 : 0;
	}
	return move_pages(0, 1, &hole, NULL, status, 0);
}

/* Three pages, the middle one unmapped again, asked about. */
static int hole_status(const char *when)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *hole = p + page;
	int status = 1;
	long ret;

	if (p == MAP_FAILED || munmap(hole, page)) {
		perror("holes: mmap");
		exit(2);
	}
	ret = hole_call(hole, page, &status);
	printf("%s: ret %ld status %d\n", when, ret, status);
	fflush(stdout);
	munmap(p, page);
	munmap(p + 2 * page, page);
	return status;
}

static void *thread_main(void *arg)
{
	hole_status(arg);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	pid_t child;
	int wstatus;

	if (argc > 1)
		mode = argv[1];

	hole_status("first");
	if (pthread_create(&t, NULL, thread_main, "thread") ||
	    pthread_join(t, NULL)) {
		fputs("holes: no thread\n", stderr);
		return 2;
	}
	child = fork();
	if (child < 0) {
		perror("holes: fork");
		return 2;
	}
	if (!child) {
		hole_status("child");
		if (pthread_create(&t, NULL, thread_main, "child thread") ||
		    pthread_join(t, NULL))
			_exit(2);
		_exit(0);
	}
	if (waitpid(child, &wstatus, 0) != child || !WIFEXITED(wstatus) ||
	    WEXITSTATUS(wstatus))
		return 2;
	hole_status("last");
	return 0;
}
