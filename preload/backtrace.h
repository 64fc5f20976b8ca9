/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_BACKTRACE_H
#define NUMASHIM_BACKTRACE_H

#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <stddef.h>
#include <stdint.h>

#define NUMASHIM_BACKTRACE_MAX 128
#define NUMASHIM_BACKTRACE_DEFAULT 16

/* Frames of the shim itself between the unwinder and the caller. */
#define SHIM_FRAMES_MAX 8

/*
 * What unwinding needs, kept off the program's stack (scratch.h): the
 * frames of a backtrace, and libunwind's context and cursor for the
 * names of caller= rules.
 */
struct numashim_unwind {
	unw_context_t context;
	unw_cursor_t cursor;
	void *frames[NUMASHIM_BACKTRACE_MAX + SHIM_FRAMES_MAX];
	uint64_t pcs[NUMASHIM_BACKTRACE_MAX + SHIM_FRAMES_MAX];
};

/* Reads NUMASHIM_BACKTRACE_DEPTH; says on stderr when it is not valid. */
void numashim_backtrace_init(void);

/* Has the unwinder make its first-use allocations, once, at load time. */
void numashim_backtrace_warm(struct numashim_unwind *u);
/* The same for libunwind, which the caller= rules step with (match.c). */
void numashim_unwind_warm(struct numashim_unwind *u);

/*
 * Fill u->pcs with the return addresses of the program's frames, innermost
 * first, starting at caller (the return address into the code that called
 * the intercepted function); returns how many, at most the configured
 * depth and 0 when backtraces are disabled.
 */
size_t numashim_backtrace(struct numashim_unwind *u, const void *caller);

#endif /* NUMASHIM_BACKTRACE_H */
