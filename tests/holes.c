// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The status move_pages() gives for a page the program has just unmapped,
 * at the moments a recorder is tempted to map memory of its own: the
 * process's first call, a new thread's first call, a child's first call
 * after fork(). Bare, the kernel answers -EFAULT; anything else means a
 * mapping came into the freed hole during the call. One line a call, for
 * the test to compare with a bare run.
 */
#include <errno.h>
#include <numaif.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

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
	ret = move_pages(0, 1, &hole, NULL, &status, 0);
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

int main(void)
{
	pthread_t t;
	pid_t child;
	int wstatus;

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
