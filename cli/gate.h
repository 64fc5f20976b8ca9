/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A run's gate, as the command holds it (numashim-run.h): created off by
 * the command that assigns the run, switched on while a session records
 * the run, removed by the command that created it when it ends.
 */
#ifndef NUMASHIM_CLI_GATE_H
#define NUMASHIM_CLI_GATE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "numashim-run.h"

struct run_gate {
	struct numashim_gate *map;	/* NULL: no gate, the run is 0 */
	char name[NUMASHIM_GATE_NAME_MAX];
	bool created;			/* here: removed at the end */
	bool on;			/* one of its recordings is ours */
};

/*
 * Create run's gate, off, for the program this process starts or
 * becomes, after removing the user's gates whose creator ended: 0, or -1
 * after saying why not, as "numashim command: ...".
 */
int run_gate_create(struct run_gate *g, uint64_t run, const char *command);

/*
 * The gate of run, which process pid's shim reads; none for a run of 0:
 * 0, or -1 after saying why process pid cannot be recorded.
 */
int run_gate_find(struct run_gate *g, uint64_t run, pid_t pid);

/* Our recording of the run on or off; nothing without a gate. */
void run_gate_switch(struct run_gate *g, bool on);

/* Switched off if on, unmapped, and removed if created here. */
void run_gate_release(struct run_gate *g);

#endif /* NUMASHIM_CLI_GATE_H */
