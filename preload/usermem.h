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
 * Copy memory that the kernel has just read or written whole for the
 * call being recorded, such as the arrays of a move_pages call that
 * succeeded: the kernel would have failed the call had any of it been
 * unreadable, and its own access faulted in what was not in memory. So a
 * plain copy does, with no system call. Only another thread unmapping an
 * array in the middle of the call's recording could make it fault, which
 * would be the program's own use after free.
 */
void numashim_copy_accessed(void *dst, const void *src, size_t len);

#endif /* NUMASHIM_USERMEM_H */
