// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pages.h"

long page_size;

/* Before any other constructor: calls.c makes calls from one. */
static void __attribute__((constructor(101))) pages_init(void)
{
	page_size = sysconf(_SC_PAGESIZE);
}

char *map_pages(unsigned long n, unsigned long touched)
{
	char *p = mmap(NULL, n * page_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	for (i = 0; i < touched; i++)
		p[i * page_size] = 1;
	return p;
}

void page_list(void **pages, char *base, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		pages[i] = base + i * page_size;
}
