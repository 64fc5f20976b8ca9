// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Backtraces of the code that called an intercepted function, by local
 * unwinding with libunwind (DWARF call frame information, so programs
 * built without frame pointers unwind too).
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

size_t numashim_backtrace(uint64_t *out, const void *caller)
{
	void *frames[NUMASHIM_BACKTRACE_MAX + SHIM_FRAMES_MAX];
	int n, first, i;
	size_t len = 0;

	if (!depth)
		return 0;
	n = unw_backtrace(frames, depth + SHIM_FRAMES_MAX);
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
