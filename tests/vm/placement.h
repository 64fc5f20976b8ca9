/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What placement.c's scenarios share with the memory policy scenarios
 * (mempolicy.c): TAP verdicts, fresh pages, the traced calls, and the
 * kernel's view of where pages are.
 */
#ifndef NUMASHIM_VM_PLACEMENT_H
#define NUMASHIM_VM_PLACEMENT_H

#define MAXNODE 65		/* the kernel reads 64 bits of each mask */
#define MAX_NODES 64
#define UNSET 0x7eadbeef	/* a status element the kernel did not write */

/* The scenario running, which names every verdict. */
extern const char *scenario;

void verdict(int ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

char *region(unsigned long n, unsigned long touched);
void fill(int *a, unsigned long n, int v);
int mask_nodes(unsigned long mask, int *nodes);
int node_count(void);

long traced_move_pages(int pid, unsigned long n, void **pages,
		       const int *nodes, int *status, int flags);
long traced_mbind(void *addr, unsigned long len, int mode,
		  unsigned long mask, unsigned int flags);
/* The thread's policy set to mode over mask (0: no nodes), recorded. */
long traced_set_mempolicy(int mode, unsigned long mask);

void kernel_agrees(int pid, char *mem, unsigned long n, const int *want);

struct scenario {
	const char *name;
	void (*run)(void);
};

/* mempolicy.c's scenarios, and the program numactl's checks run. */
extern const struct scenario policy_scenarios[];
extern const unsigned int policy_scenario_count;
void policy_workload(const char *mode, const char *nodes);

#endif /* NUMASHIM_VM_PLACEMENT_H */
