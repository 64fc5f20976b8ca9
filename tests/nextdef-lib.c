// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A library preloaded after the shim that defines the placement
 * functions itself, as another interposer would: the shim must hand it
 * the program's calls rather than make the system call itself, which it
 * does only for libnuma's. It counts the calls it gets and writes the
 * counts at exit to the file $NEXTDEF_OUT names.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static unsigned long moved, bound, migrated;

long move_pages(int pid, unsigned long count, void **pages, const int *nodes,
		int *status, int flags)
{
	__atomic_add_fetch(&moved, 1, __ATOMIC_RELAXED);
	return syscall(SYS_move_pages, pid, count, pages, nodes, status,
		       flags);
}

long mbind(void *addr, unsigned long len, int mode,
	   const unsigned long *nodemask, unsigned long maxnode,
	   unsigned int flags)
{
	__atomic_add_fetch(&bound, 1, __ATOMIC_RELAXED);
	return syscall(SYS_mbind, addr, len, mode, nodemask, maxnode, flags);
}

long migrate_pages(int pid, unsigned long maxnode,
		   const unsigned long *old_nodes,
		   const unsigned long *new_nodes)
{
	__atomic_add_fetch(&migrated, 1, __ATOMIC_RELAXED);
	return syscall(SYS_migrate_pages, pid, maxnode, old_nodes, new_nodes);
}

static void __attribute__((destructor)) counts_write(void)
{
	const char *path = getenv("NEXTDEF_OUT");
	FILE *f = path ? fopen(path, "a") : NULL;

	if (!f)
		return;
	fprintf(f, "move_pages %lu\nmbind %lu\nmigrate_pages %lu\n", moved,
		bound, migrated);
	fclose(f);
}
