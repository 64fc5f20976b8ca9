// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Room for the large buffers of intercepted calls, mapped when the
 * library loads: a call must neither take tens of KiB of the program's
 * stack nor map memory into the program's address space while it runs.
 * Thread-local storage would not do either: glibc carves every thread's
 * static TLS out of that thread's own stack.
 *
 * A slot is taken for the length of one call, by a compare-and-swap on
 * its bit, so threads never wait for each other and a signal handler
 * that interrupts a call gets a slot of its own. A call that finds none
 * free is recorded without its backtrace and arrays (they are marked
 * incomplete with ENOBUFS) and matches no caller= rule.
 */
#include <pthread.h>
#include <stdbool.h>
#include <sys/mman.h>

#include "scratch.h"

#define SLOT_WORDS 2
#define SLOTS (SLOT_WORDS * 64)

static struct numashim_scratch *slots;
static uint64_t busy[SLOT_WORDS];

/* A child of fork() has only the forking thread, which holds no slot. */
static void forget(void)
{
	unsigned int w;

	for (w = 0; w < SLOT_WORDS; w++)
		__atomic_store_n(&busy[w], 0, __ATOMIC_RELAXED);
}

void numashim_scratch_init(void)
{
	void *p;

	if (__atomic_load_n(&slots, __ATOMIC_ACQUIRE))
		return;
	/* Pages are only backed once a call touches them. */
	p = mmap(NULL, SLOTS * sizeof(*slots), PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return;
	pthread_atfork(NULL, NULL, forget);
	__atomic_store_n(&slots, p, __ATOMIC_RELEASE);
}

struct numashim_scratch *numashim_scratch_get(void)
{
	struct numashim_scratch *base = __atomic_load_n(&slots, __ATOMIC_ACQUIRE);
	unsigned int w, bit;
	uint64_t old;

	if (!base)
		return NULL;
	for (w = 0; w < SLOT_WORDS; w++) {
		old = __atomic_load_n(&busy[w], __ATOMIC_RELAXED);
		while (~old) {
			bit = __builtin_ctzll(~old);
			if (__atomic_compare_exchange_n(&busy[w], &old,
							old | 1ULL << bit, false,
							__ATOMIC_ACQUIRE,
							__ATOMIC_RELAXED))
				return &base[w * 64 + bit];
		}
	}
	return NULL;
}

void numashim_scratch_put(struct numashim_scratch *s)
{
	size_t i;

	if (!s)
		return;
	i = s - slots;
	__atomic_fetch_and(&busy[i / 64], ~(1ULL << (i % 64)), __ATOMIC_RELEASE);
}
