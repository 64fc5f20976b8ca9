/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_CLI_ATTACH_H
#define NUMASHIM_CLI_ATTACH_H

#include <stdint.h>
#include <sys/types.h>

#include "gate.h"

/*
 * The run of process pid, which must run the shim ready to record, into
 * *run and its gate into *gate, and *vpid_only when its run is 0 (the
 * bare preload with NUMASHIM_RECORD=1, which has no gate: the filter
 * must name the process): 0, or -1 after saying why it cannot be
 * recorded.
 */
int attach_find(pid_t pid, uint64_t *run, int *vpid_only,
		struct run_gate *gate);

/*
 * Wait, with record's signals held, until process pid ends, seconds pass
 * (0: no bound) or a signal asks record to end: 0, or 125 when waiting
 * failed.
 */
int attach_wait(pid_t pid, double seconds);

#endif /* NUMASHIM_CLI_ATTACH_H */
