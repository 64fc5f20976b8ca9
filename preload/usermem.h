/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_USERMEM_H
#define NUMASHIM_USERMEM_H

#include <stddef.h>

/*
 * Copy len bytes of the program's memory at src into dst without faulting:
 * returns how many bytes were copied, and sets *err (EFAULT when src runs
 * into unreadable memory) when that is fewer than len.
 */
size_t numashim_copy_in(void *dst, const void *src, size_t len, int *err);

#endif /* NUMASHIM_USERMEM_H */
