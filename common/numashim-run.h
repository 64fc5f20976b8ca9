/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A record run: the number numashim record or numashim preload puts in
 * NUMASHIM_RUN for the program it starts, which its children inherit,
 * and the run's gate, a shared memory object (shm_overview(7)) that says
 * whether a recording of the run is on. A session keeps only the events
 * that carry its run, but a session of another run, or one of root's
 * with no filter, enables the same tracepoints: the gate is what keeps a
 * process that no recording of its own run wants from doing the work of
 * recording for the filter to throw away.
 *
 * The command creates the gate (exclusively, 0600) and switches it on
 * and off around its session; the shim maps it read-only and reads its
 * recordings word before each call it would record. Header-only: the
 * tracepoint provider, the shim and the command read NUMASHIM_RUN alike.
 */
#ifndef NUMASHIM_RUN_H
#define NUMASHIM_RUN_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct numashim_gate {
	/* The recordings of the run now on: numashim record --pid twice. */
	uint32_t recordings;
	/*
	 * The process that created the gate, numashim record's or, through
	 * numashim preload's exec, the program's: a gate whose creator
	 * ended is removed by the next command that creates one.
	 */
	int32_t creator;
};

/* "/numashim-run-" and up to 20 digits. */
#define NUMASHIM_GATE_PREFIX "numashim-run-"
#define NUMASHIM_GATE_NAME_MAX 40

/* NUMASHIM_RUN's value as a run: 0, no run, for anything but a number. */
static inline uint64_t numashim_run_parse(const char *s)
{
	uint64_t run;
	char *end;

	if (!s || !*s || *s == '-')
		return 0;
	run = strtoull(s, &end, 10);
	return *end ? 0 : run;
}

/* The shm_open(3) name of run's gate, into name[NUMASHIM_GATE_NAME_MAX]. */
static inline void numashim_gate_name(char *name, uint64_t run)
{
	snprintf(name, NUMASHIM_GATE_NAME_MAX, "/" NUMASHIM_GATE_PREFIX
		 "%" PRIu64, run);
}

#endif /* NUMASHIM_RUN_H */
