/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Memory for the test programs' placement calls. */
#ifndef NUMASHIM_TEST_PAGES_H
#define NUMASHIM_TEST_PAGES_H

#include "expect.h"

#define NPAGES 8

extern long page_size;

/* n pages of fresh memory; the first `touched` of them are faulted in. */
char *map_pages(unsigned long n, unsigned long touched);

/* pages[i] = the address of page i of base. */
void page_list(void **pages, char *base, unsigned long n);

typedef long (*syscall_fn)(long, ...);

/*
 * move_pages, mbind and migrate_pages through syscall(), as a program
 * without libnuma makes them, or through fn, a syscall() found by name.
 */
void through_syscall(void);
void calls_through(syscall_fn fn);
/*
 * move_pages through fn, asking where NPAGES fresh pages are, written
 * down with site: a function one frame above this one, or more.
 */
void query_through(struct expect_site site, syscall_fn fn);

#endif /* NUMASHIM_TEST_PAGES_H */
