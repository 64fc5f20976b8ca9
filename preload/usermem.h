/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_USERMEM_H
#define NUMASHIM_USERMEM_H

#include <stddef.h>

/*
 * Copy len bytes of the program's memory at src into dst without faulting
 * and without faulting anything in: returns how many bytes were copied,
 * and when that is fewer than len sets *err to why: EFAULT when src runs
 * into unmapped or unreadable memory, ENODATA into a page that is not in
 * memory (never touched, or swapped out).
 */
size_t numashim_copy_in(void *dst, const void *src, size_t len, int *err);

/*
 * The same for memory the kernel has just written whole, such as the
 * status array of a move_pages call that succeeded: it is in memory, so
 * the check that reading faults nothing in is skipped. A bad address
 * still gives EFAULT, never a fault.
 */
size_t numashim_copy_written(void *dst, const void *src, size_t len,
			     int *err);

#endif /* NUMASHIM_USERMEM_H */
