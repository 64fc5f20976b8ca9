// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * How much of the program's stack an intercepted call takes: every call
 * kind, through its numaif.h function and through syscall(), on a thread
 * with a 64 KiB stack and in a signal handler on a 16 KiB alternate
 * stack. The stack below the caller is painted before each call and
 * searched after it for the deepest byte the call overwrote; a call that
 * went deeper than the bound fails the run.
 *
 * Usage: stack BOUND_BYTES. Prints one line per call: where, which call,
 * how deep it went. Exits 1 when a call went deeper than the bound, 2 on
 * a failure to set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numaif.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define THREAD_STACK (64 * 1024)
#define ALT_STACK (16 * 1024)
#define PAINT 0xa5
/* What the measuring frame itself may hold below its frame address. */
#define OWN_FRAME 256

/* Enough pages that move_pages' arrays go into chunk events. */
#define PAGES 1500
/*
 * The pages written; the rest fail with -ENOENT (or -EFAULT), so that a
 * recorded move reads their state (numashim:page_state), beyond the
 * pages whose status a rule makes up.
 */
#define TOUCHED 1400
/* A mask wider than a word, as libnuma passes for big machines. */
#define MASK_BITS 1024

static size_t bound;
static int over;

static char *pages_mem;
static void *pages[PAGES];
static int nodes[PAGES];
static int status[PAGES];
static unsigned long mask[MASK_BITS / (8 * sizeof(unsigned long))];
static long page_size;

/* The stack being measured: [lo, caller's frame). */
static char *stack_lo;

typedef long (*call_fn)(void);

static long mp_function(void)
{
	return move_pages(0, PAGES, pages, nodes, status, 0);
}

static long mp_syscall(void)
{
	return syscall(SYS_move_pages, 0, PAGES, pages, nodes, status, 0);
}

static long mp_status_function(void)
{
	return move_pages(0, PAGES, pages, NULL, status, 0);
}

static long migrate_function(void)
{
	return migrate_pages(0, MASK_BITS + 1, mask, mask);
}

static long migrate_syscall(void)
{
	return syscall(SYS_migrate_pages, 0, MASK_BITS + 1, mask, mask);
}

static long mbind_function(void)
{
	return mbind(pages_mem, PAGES * page_size, MPOL_BIND, mask,
		     MASK_BITS + 1, MPOL_MF_MOVE);
}

static long mbind_syscall(void)
{
	return syscall(SYS_mbind, pages_mem, PAGES * page_size, MPOL_BIND,
		       mask, MASK_BITS + 1, MPOL_MF_MOVE);
}

static const struct {
	const char *name;
	call_fn fn;
} calls[] = {
	{ "move_pages()", mp_function },
	{ "syscall(SYS_move_pages)", mp_syscall },
	{ "move_pages() status query", mp_status_function },
	{ "migrate_pages()", migrate_function },
	{ "syscall(SYS_migrate_pages)", migrate_syscall },
	{ "mbind()", mbind_function },
	{ "syscall(SYS_mbind)", mbind_syscall },
};

/*
 * Paint from the bottom of the stack up to just below this frame, make
 * the call, and return how far below this frame it wrote. No function
 * is called between the painting and the call, nor before the search.
 */
static size_t __attribute__((noinline)) depth_of(call_fn fn)
{
	char *frame = __builtin_frame_address(0);
	volatile char *p;
	char *top = frame - OWN_FRAME;

	for (p = stack_lo; p < (volatile char *) top; p++)
		*p = PAINT;
	fn();
	for (p = stack_lo; p < (volatile char *) top; p++)
		if (*p != (char) PAINT)
			break;
	if (p == (volatile char *) stack_lo)
		return SIZE_MAX;	/* the whole stack: it may have overflowed */
	return frame - (char *) p;
}

static void measure_all(const char *where)
{
	size_t i, depth;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		depth = depth_of(calls[i].fn);
		printf("%s: %s: %zu bytes\n", where, calls[i].name, depth);
		if (depth > bound) {
			printf("FAIL: %s: %s took %zu bytes of stack, more than %zu\n",
			       where, calls[i].name, depth, bound);
			over = 1;
		}
	}
}

static void handler(int sig)
{
	(void) sig;
	measure_all("signal handler");
}

static void *thread_main(void *arg)
{
	stack_t ss = { .ss_size = ALT_STACK };
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_ONSTACK };
	int *failed = arg;

	measure_all("64 KiB thread");

	ss.ss_sp = mmap(NULL, ALT_STACK + page_size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (ss.ss_sp == MAP_FAILED || mprotect(ss.ss_sp, page_size, PROT_NONE)) {
		perror("stack: alternate stack");
		*failed = 1;
		return NULL;
	}
	ss.ss_sp = (char *) ss.ss_sp + page_size;
	if (sigaltstack(&ss, NULL) ||
	    sigaction(SIGUSR1, &sa, NULL)) {
		perror("stack: alternate stack");
		*failed = 1;
		return NULL;
	}
	stack_lo = ss.ss_sp;
	raise(SIGUSR1);
	return NULL;
}

static void setup_arrays(void)
{
	size_t i;

	page_size = sysconf(_SC_PAGESIZE);
	pages_mem = mmap(NULL, PAGES * page_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages_mem == MAP_FAILED) {
		perror("stack: mmap");
		exit(2);
	}
	for (i = 0; i < PAGES; i++) {
		if (i < TOUCHED)
			pages_mem[i * page_size] = 1;
		pages[i] = pages_mem + i * page_size;
		nodes[i] = 0;
	}
	mask[0] = 1;
}

int main(int argc, char **argv)
{
	pthread_attr_t attr;
	pthread_t thread;
	void *stack;
	int failed = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: stack BOUND_BYTES\n");
		return 2;
	}
	bound = strtoul(argv[1], NULL, 0);
	setup_arrays();
	/* A guard page below: an overflow faults rather than go unseen. */
	stack = mmap(NULL, THREAD_STACK + page_size, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED || mprotect(stack, page_size, PROT_NONE)) {
		perror("stack: thread stack");
		return 2;
	}
	stack = (char *) stack + page_size;
	stack_lo = stack;
	if (pthread_attr_init(&attr) ||
	    pthread_attr_setstack(&attr, stack, THREAD_STACK) ||
	    pthread_create(&thread, &attr, thread_main, &failed) ||
	    pthread_join(thread, NULL)) {
		perror("stack: thread");
		return 2;
	}
	if (failed)
		return 2;
	return over;
}
