// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The process and thread ids a recorded call needs (process_vm_readv()
 * names our own process, each entry event its thread), asked of the
 * kernel once rather than at every call: they were three of the system
 * calls a recorded call makes besides its own. A child made by fork()
 * asks again; one made by a raw clone() without glibc would keep its
 * parent's, as lttng-ust's own vpid and vtid contexts would. The page
 * size, which fork() keeps, is asked once too.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>

#include "self.h"
#include "thread.h"

static pid_t pid;

/* In the child only the forking thread lives on: its tid is the one. */
static void forget(void)
{
	__atomic_store_n(&pid, 0, __ATOMIC_RELAXED);
	numashim_td.tid = 0;
}

void numashim_self_init(void)
{
	forget();
	pthread_atfork(NULL, NULL, forget);
}

pid_t numashim_self_pid(void)
{
	pid_t p = __atomic_load_n(&pid, __ATOMIC_RELAXED);

	if (!p) {
		p = getpid();
		__atomic_store_n(&pid, p, __ATOMIC_RELAXED);
	}
	return p;
}

pid_t numashim_self_tid(void)
{
	if (!numashim_td.tid)
		numashim_td.tid = gettid();
	return numashim_td.tid;
}

uintptr_t numashim_self_page_size(void)
{
	static uintptr_t size;
	uintptr_t s = __atomic_load_n(&size, __ATOMIC_RELAXED);

	if (!s) {
		s = sysconf(_SC_PAGESIZE);
		__atomic_store_n(&size, s, __ATOMIC_RELAXED);
	}
	return s;
}
