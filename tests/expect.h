/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What a test program saw: one JSON line per call, with the arguments it
 * passed, the parts of its arrays that were readable, and what the kernel
 * answered, written to the file named by $NUMASHIM_EXPECT for
 * tracecheck.py to compare with the trace.
 */
#ifndef NUMASHIM_TEST_EXPECT_H
#define NUMASHIM_TEST_EXPECT_H

#include <stddef.h>

/* The kernel's, which numaif.h lacks (<linux/mempolicy.h> clashes with it). */
#ifndef MPOL_F_STATIC_NODES
#define MPOL_F_STATIC_NODES (1 << 15)
#endif
#ifndef MPOL_F_RELATIVE_NODES
#define MPOL_F_RELATIVE_NODES (1 << 14)
#endif
#ifndef MPOL_WEIGHTED_INTERLEAVE
#define MPOL_WEIGHTED_INTERLEAVE 6
#endif
#ifndef SYS_set_mempolicy_home_node
#define SYS_set_mempolicy_home_node 450
#endif

enum expect_via { EXPECT_FUNCTION, EXPECT_SYSCALL };

/*
 * Where the call was made: the function that called move_pages() (or
 * syscall(), ...) and how many frames below the call site it sits (1 when
 * libnuma's numa_* function made the call on its behalf).
 */
struct expect_site {
	const char *func;
	int frame;
	enum expect_via via;
};

/* An array argument and how many of its elements the shim can read. */
struct expect_array {
	const void *ptr;
	unsigned long count;
	unsigned long readable;
};

/* A scalar the test cannot know (chosen by libnuma): not checked. */
#define EXPECT_ANY (~0UL)

#define EXPECT_SITE(via, frame) ((struct expect_site) { __func__, frame, via })
#define EXPECT_WHOLE(p, n) ((struct expect_array) { p, n, n })

void expect_move_pages(struct expect_site site, int pid, unsigned long count,
		       struct expect_array pages, struct expect_array nodes,
		       struct expect_array status, int flags, long ret,
		       int err);

/* Masks are given as the node numbers set in them; NULL when unreadable. */
void expect_mbind(struct expect_site site, const void *addr,
		  unsigned long len, unsigned long mode, const int *nodes,
		  int nnodes, unsigned long maxnode, unsigned int flags,
		  long ret, int err);

void expect_migrate_pages(struct expect_site site, int pid,
			  unsigned long maxnode, const int *old_nodes,
			  int nold, const int *new_nodes, int nnew, long ret,
			  int err);

/* mode with its mode flags, as the program passed it. */
void expect_set_mempolicy(struct expect_site site, int mode,
			  const void *nodemask_ptr, const int *nodes,
			  int nnodes, unsigned long maxnode, long ret,
			  int err);

/*
 * What the kernel wrote: into *mode, answer (a node with MPOL_F_NODE),
 * or nothing (EXPECT_ANY); into the node mask, nodes (NULL: not told).
 */
void expect_get_mempolicy(struct expect_site site, const int *mode_ptr,
			  const void *nodemask_ptr, unsigned long maxnode,
			  const void *addr, unsigned long flags,
			  unsigned long answer, const int *nodes, int nnodes,
			  long ret, int err);

void expect_set_mempolicy_home_node(struct expect_site site,
				    const void *start, unsigned long len,
				    unsigned long home_node,
				    unsigned long flags, long ret, int err);

/*
 * What the next call this thread writes down must have recorded of the
 * weights of weighted interleave (numashim:interleave_weights): n nodes
 * ascending and their weights, or no event at all when n is negative;
 * and whether the kernel got weighted interleave from it (in_force), so
 * that the report must find the weights its process recorded last in
 * force for it. The calls written down without it are not checked for
 * either.
 */
void expect_weights(const int *nodes, const int *weights, int n,
		    int in_force);

/*
 * Whether the next call this thread writes down must have recorded the
 * machine's NUMA facts (numashim:machine): with n >= 0, the MemFree of
 * each of the n online nodes, ascending, in KiB, read just before and
 * just after the call (free_kb[2 * i] and free_kb[2 * i + 1]); with n
 * negative, no such event. The facts themselves are machinecheck.py's
 * to read. The calls written down without it are not checked for it.
 */
void expect_machine(const long *free_kb, int n);

#endif /* NUMASHIM_TEST_EXPECT_H */
