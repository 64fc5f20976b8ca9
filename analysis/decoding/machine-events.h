/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The events that tell of a process's machine rather than of a call,
 * numashim:machine, machine_node and interleave_weights, read into the
 * tables of machine.h and weights.h.
 */
#ifndef NUMASHIM_MACHINE_EVENTS_H
#define NUMASHIM_MACHINE_EVENTS_H

#include <stdint.h>

#include <babeltrace2/babeltrace.h>

#include "machine.h"
#include "weights.h"

/*
 * Each reads the payload p of an event of the process vpid (and of its
 * call call_id), for the process's calls from now on; a field that is
 * not as the event's layout has it is taken as absent. 0, or -1 when
 * out of memory.
 */
int machines_read(struct machines *m, int64_t vpid, uint64_t call_id,
		  const bt_field *p);
int machines_read_node(struct machines *m, int64_t vpid, uint64_t call_id,
		       const bt_field *p);
int weights_read(struct weights_table *t, int64_t vpid, const bt_field *p);

#endif /* NUMASHIM_MACHINE_EVENTS_H */
