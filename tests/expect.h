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

#endif /* NUMASHIM_TEST_EXPECT_H */
