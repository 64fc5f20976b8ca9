// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The three calls made through syscall(), shared by `calls syscall`, by
 * nolibnuma, a program that does not link libnuma at all, and by dlsym,
 * which finds syscall() on a handle of libc, and with it its query of
 * move_pages alone. numaif.h is included only for the MPOL_* constants.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numaif.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expect.h"
#include "pages.h"

void __attribute__((noinline))
query_through(struct expect_site site, syscall_fn fn)
{
	char *mem = map_pages(NPAGES, NPAGES);
	void *pages[NPAGES];
	int status[NPAGES];
	long ret;

	page_list(pages, mem, NPAGES);
	errno = 0;
	ret = fn(SYS_move_pages, 0, NPAGES, pages, NULL, status, 0);
	expect_move_pages(site, 0, NPAGES, EXPECT_WHOLE(pages, NPAGES),
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, NPAGES),
			  0, ret, errno);
}

void calls_through(syscall_fn fn)
{
	struct expect_site site = EXPECT_SITE(EXPECT_SYSCALL, 0);
	char *mem = map_pages(NPAGES, NPAGES);
	unsigned long mask = 1;
	int node0 = 0;
	long ret;

	query_through(EXPECT_SITE(EXPECT_SYSCALL, 1), fn);
	errno = 0;
	ret = fn(SYS_mbind, mem, NPAGES * page_size, MPOL_BIND, &mask, 64,
		 MPOL_MF_MOVE);
	expect_mbind(site, mem, NPAGES * page_size, MPOL_BIND, &node0, 1, 64,
		     MPOL_MF_MOVE, ret, errno);
	errno = 0;
	ret = fn(SYS_migrate_pages, 0, 64, &mask, &mask);
	expect_migrate_pages(site, 0, 64, &node0, 1, &node0, 1, ret, errno);
}

void through_syscall(void)
{
	calls_through(syscall);
}
