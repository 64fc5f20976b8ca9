// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Backtraces of the code that called an intercepted function, by local
 * unwinding with libunwind (DWARF call frame information, so programs
 * built without frame pointers unwind too).
 *
 * A call must not map memory: a mapping of ours could land in a hole the
 * program has just unmapped and change what the kernel tells it about
 * that address. unw_backtrace() maps a trace cache in every thread on its
 * first use, so frames are stepped through one by one instead, and the
 * unwinder's own first-use allocations are made by an unwinding in the
 * library's constructor.
 */
#define UNW_LOCAL_ONLY
#include <errno.h>
#include <libunwind.h>
#include <stdio.h>
#include <stdlib.h>

#include "backtrace.h"

/* Frames of the shim itself between the unwinder and the caller. */
#define SHIM_FRAMES_MAX 8

static unsigned int depth = NUMASHIM_BACKTRACE_DEFAULT;

void numashim_backtrace_init(void)
{
	const char *s = getenv("NUMASHIM_BACKTRACE_DEPTH");
	unsigned long v;
	char *end;

	if (!s || !*s)
		return;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end || errno || *s == '-' || v > NUMASHIM_BACKTRACE_MAX) {
		fprintf(stderr,
			"numashim: NUMASHIM_BACKTRACE_DEPTH=\"%s\" is not a number of frames from 0 to %d; recording %u frames\n",
			s, NUMASHIM_BACKTRACE_MAX, depth);
		return;
	}
	depth = v;
}

/* Up to max return addresses, innermost (this function's) first. */
static int __attribute__((noinline)) unwind(void **frames, int max)
{
	unw_context_t context;
	unw_cursor_t cursor;
	unw_word_t ip;
	int n = 0;

	if (unw_getcontext(&context) || unw_init_local(&cursor, &context))
		return 0;
	do {
		if (unw_get_reg(&cursor, UNW_REG_IP, &ip) || !ip)
			break;
		frames[n++] = (void *) ip;
	} while (n < max && unw_step(&cursor) > 0);
	return n;
}

void numashim_backtrace_warm(void)
{
	void *frames[SHIM_FRAMES_MAX];

	if (depth)
		unwind(frames, SHIM_FRAMES_MAX);
}

size_t numashim_backtrace(uint64_t *out, const void *caller)
{
	void *frames[NUMASHIM_BACKTRACE_MAX + SHIM_FRAMES_MAX];
	int n, first, i;
	size_t len = 0;

	if (!depth)
		return 0;
	n = unwind(frames, depth + SHIM_FRAMES_MAX);
	for (first = 0; first < n && first < SHIM_FRAMES_MAX; first++)
		if (frames[first] == caller)
			break;
	/* Not found (an unwinder that reports call sites, not return
	 * addresses): keep everything rather than guess. */
	if (first == n || first == SHIM_FRAMES_MAX)
		first = 0;
	for (i = first; i < n && len < depth; i++)
		out[len++] = (uintptr_t) frames[i];
	return len;
}
