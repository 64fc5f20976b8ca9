// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Backtraces of the code that called an intercepted function, by
 * glibc's backtrace(): libgcc's unwinder, which reads the DWARF call frame
 * information, so programs built without frame pointers unwind too.
 *
 * A call must not map memory: a mapping of ours could land in a hole the
 * program has just unmapped and change what the kernel tells it about
 * that address. libgcc's unwinder keeps no per-thread state; its library
 * is loaded by a first backtrace in the library's constructor. libunwind's
 * unw_backtrace() would be faster still, but maps a trace cache in every
 * thread on its first use there, and stepping with unw_step() costs about
 * twenty times more a frame. libunwind stays for what only it gives, the
 * names of caller= rules (match.c), and is made ready in the
 * constructor too.
 */
#include <errno.h>
#include <execinfo.h>
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

void numashim_unwind_warm(struct numashim_unwind *u)
{
	if (!unw_getcontext(&u->context) &&
	    !unw_init_local(&u->cursor, &u->context))
		unw_step(&u->cursor);
}

size_t numashim_backtrace(struct numashim_unwind *u, const void *caller)
{
	int n, first, i;
	size_t len = 0;

	if (!depth)
		return 0;
	n = backtrace(u->frames, depth + SHIM_FRAMES_MAX);
	for (i = 0; i < n; i++)
		u->pcs[i] = (uintptr_t) u->frames[i];
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
