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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "backtrace.h"

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

void numashim_backtrace_warm(struct numashim_unwind *u)
{
	numashim_backtrace(u, NULL);
}

size_t numashim_backtrace(struct numashim_unwind *u, const void *caller)
{
	unw_word_t pc;
	int n = 0, first, i;
	size_t len = 0;

	if (!depth)
		return 0;
	/* Stepping rather than unw_backtrace(), whose own context and
	 * cursor would take 2 KiB of the program's stack. */
	if (unw_getcontext(&u->context) || unw_init_local(&u->cursor, &u->context))
		return 0;
	while (n < (int) depth + SHIM_FRAMES_MAX && unw_step(&u->cursor) > 0 &&
	       !unw_get_reg(&u->cursor, UNW_REG_IP, &pc))
		u->pcs[n++] = pc;
	for (first = 0; first < n && first < SHIM_FRAMES_MAX; first++)
		if (u->pcs[first] == (uintptr_t) caller)
			break;
	/* Not found (an unwinder that reports call sites, not return
	 * addresses): keep everything rather than guess. */
	if (first == n || first == SHIM_FRAMES_MAX)
		first = 0;
	for (i = first; i < n && len < depth; i++)
		u->pcs[len++] = u->pcs[i];
	return len;
}
