// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The run a process belongs to: numashim-record(1) puts a number of its
 * own in NUMASHIM_RUN for the program it starts, the program's children
 * inherit it, and the record session keeps only events that carry it.
 * Read lazily, because calls can come from other libraries' constructors
 * before this library's own constructor ran; getenv() is safe there.
 */
#include <stdlib.h>

#include "numashim-payload.h"
#include "numashim-run.h"

uint64_t numashim_run_id(void)
{
	static uint64_t run;
	static int known;

	if (__atomic_load_n(&known, __ATOMIC_ACQUIRE))
		return run;
	run = numashim_run_parse(getenv("NUMASHIM_RUN"));
	__atomic_store_n(&known, 1, __ATOMIC_RELEASE);
	return run;
}
