/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_MACHINE_H
#define NUMASHIM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

#include "scratch.h"

/*
 * Before the exit event of the recorded call id: the numashim:machine
 * event and its machine_node events, when the process has not recorded
 * them yet (a child of fork() and a new image have not), or when failed
 * says the kernel failed the call whole, so that the facts are those of
 * that moment. Nothing without the scratch s or when no session records
 * the event. Leaves errno to the caller to restore.
 */
void numashim_machine_record(struct numashim_scratch *s, uint64_t id,
			     bool failed, void *ip);

#endif /* NUMASHIM_MACHINE_H */
