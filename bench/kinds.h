/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The placement calls the benchmarks time, one kind at a time. */
#ifndef NUMABENCH_KINDS_H
#define NUMABENCH_KINDS_H

#include <stddef.h>

#include "floor.h"

/*
 * The functions the kinds call: numaif.h's (the shim's, when it is
 * preloaded), or the floor library's.
 */
struct bench_calls {
	__typeof__(numabench_floor_move_pages) *move_pages;
	__typeof__(numabench_floor_mbind) *mbind;
	__typeof__(numabench_floor_migrate_pages) *migrate_pages;
};

extern struct bench_calls bench_calls;

/* What one kind's calls work on; each thread has its own. */
struct bench_mem {
	char *mem;
	unsigned long npages;	/* pages the call names */
	void **pages;
	int *nodes;		/* NULL for a status query */
	int *status;
	unsigned long mask[1];	/* the node the memory is on */
	unsigned long maxnode;
};

struct bench_kind {
	const char *name;
	const char *call;	/* the function it calls, as traces name it */
	/* Map and fault in the memory; npages is for kinds of any size. */
	void (*setup)(struct bench_mem *m, unsigned long npages);
	/* One call; its result, which must be 0. */
	long (*run)(struct bench_mem *m);
};

extern const struct bench_kind bench_kinds[];
extern const size_t bench_nkinds;

const struct bench_kind *bench_kind_find(const char *name);

#endif /* NUMABENCH_KINDS_H */
