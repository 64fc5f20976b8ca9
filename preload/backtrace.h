/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_BACKTRACE_H
#define NUMASHIM_BACKTRACE_H

#include <stddef.h>
#include <stdint.h>

#define NUMASHIM_BACKTRACE_MAX 128
#define NUMASHIM_BACKTRACE_DEFAULT 16

/* Reads NUMASHIM_BACKTRACE_DEPTH; says on stderr when it is not valid. */
void numashim_backtrace_init(void);

/* Has the unwinder make its first-use allocations, once, at load time. */
void numashim_backtrace_warm(void);

/*
 * Fill out with the return addresses of the program's frames, innermost
 * first, starting at caller (the return address into the code that called
 * the intercepted function); returns how many, at most the configured
 * depth and 0 when backtraces are disabled.
 */
size_t numashim_backtrace(uint64_t *out, const void *caller);

#endif /* NUMASHIM_BACKTRACE_H */
