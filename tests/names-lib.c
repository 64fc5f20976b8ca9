// SPDX-License-Identifier: LGPL-2.1-or-later
/* A call site in a library of its own, for names.c to load. */
#include <numaif.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* No header: names.c finds it with dlsym(). */
long names_call(void);

long names_call(void)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned long mask = 1;
	void *mem = mmap(NULL, page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (mem == MAP_FAILED)
		return -1;
	return syscall(SYS_mbind, mem, page, MPOL_BIND, &mask, 64, 0);
}
