/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The floor library's calls (floor.c): numaif.h's, each between the
 * shim's entry and exit events and nothing else. numabench -f looks them
 * up in the library numashim record preloaded.
 */
#ifndef NUMABENCH_FLOOR_H
#define NUMABENCH_FLOOR_H

long numabench_floor_move_pages(int pid, unsigned long count, void **pages,
				const int *nodes, int *status, int flags);
long numabench_floor_mbind(void *addr, unsigned long len, int mode,
			   const unsigned long *nodemask,
			   unsigned long maxnode, unsigned int flags);
long numabench_floor_migrate_pages(int pid, unsigned long maxnode,
				   const unsigned long *old_nodes,
				   const unsigned long *new_nodes);

#endif /* NUMABENCH_FLOOR_H */
