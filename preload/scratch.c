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
 *
 * The node arrays that rules rewrite for move_pages() have the program's
 * length, so they have room of their own, reserved only when there are
 * rules: a few regions of NUMASHIM_SCRATCH_NODES_MAX ints, taken the same
 * way, one a call.
 */
#include <pthread.h>
#include <stdbool.h>
#include <sys/mman.h>

#include "scratch.h"

#define SLOT_WORDS 2
#define SLOTS (SLOT_WORDS * 64)

#define NODES_REGIONS 8

static struct numashim_scratch *slots;
static uint64_t busy[SLOT_WORDS];
static int *nodes_regions;
static uint64_t nodes_busy;

/* A child of fork() has only the forking thread, which holds no slot. */
static void forget(void)
{
	unsigned int w;

	for (w = 0; w < SLOT_WORDS; w++)
		__atomic_store_n(&busy[w], 0, __ATOMIC_RELAXED);
	__atomic_store_n(&nodes_busy, 0, __ATOMIC_RELAXED);
}

/* Pages are only backed once a call touches them. */
static void *reserve(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* A free bit of *word below limit, now taken, or -1. */
static int claim(uint64_t *word, unsigned int limit)
{
	uint64_t old = __atomic_load_n(word, __ATOMIC_RELAXED);
	uint64_t all = limit < 64 ? (1ULL << limit) - 1 : ~0ULL;
	unsigned int bit;

	while (~old & all) {
		bit = __builtin_ctzll(~old & all);
		if (__atomic_compare_exchange_n(word, &old, old | 1ULL << bit,
						false, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return bit;
	}
	return -1;
}

static void release(uint64_t *word, unsigned int bit)
{
	__atomic_fetch_and(word, ~(1ULL << bit), __ATOMIC_RELEASE);
}

void numashim_scratch_init(void)
{
	void *p;

	if (__atomic_load_n(&slots, __ATOMIC_ACQUIRE))
		return;
	p = reserve(SLOTS * sizeof(*slots));
	if (!p)
		return;
	pthread_atfork(NULL, NULL, forget);
	__atomic_store_n(&slots, p, __ATOMIC_RELEASE);
}

struct numashim_scratch *numashim_scratch_get(void)
{
	struct numashim_scratch *base = __atomic_load_n(&slots, __ATOMIC_ACQUIRE);
	unsigned int w;
	int bit;

	if (!base)
		return NULL;
	for (w = 0; w < SLOT_WORDS; w++)
		if ((bit = claim(&busy[w], 64)) >= 0)
			return &base[w * 64 + bit];
	return NULL;
}

void numashim_scratch_put(struct numashim_scratch *s)
{
	size_t i;

	if (!s)
		return;
	i = s - slots;
	release(&busy[i / 64], i % 64);
}

void numashim_scratch_nodes_init(void)
{
	if (!__atomic_load_n(&nodes_regions, __ATOMIC_ACQUIRE))
		__atomic_store_n(&nodes_regions,
				 reserve(NODES_REGIONS * NUMASHIM_SCRATCH_NODES_MAX *
					 sizeof(int)), __ATOMIC_RELEASE);
}

int *numashim_scratch_nodes_get(unsigned long count)
{
	int *base = __atomic_load_n(&nodes_regions, __ATOMIC_ACQUIRE);
	int region;

	if (!base || count > NUMASHIM_SCRATCH_NODES_MAX ||
	    (region = claim(&nodes_busy, NODES_REGIONS)) < 0)
		return NULL;
	return base + (size_t) region * NUMASHIM_SCRATCH_NODES_MAX;
}

void numashim_scratch_nodes_put(int *nodes)
{
	if (nodes)
		release(&nodes_busy, (nodes - nodes_regions) /
				     NUMASHIM_SCRATCH_NODES_MAX);
}
