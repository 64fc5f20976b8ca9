/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Whether a recording of this process's run is on: the run's gate
 * (numashim-run.h), read before every call the shim would record.
 */
#ifndef NUMASHIM_GATE_H
#define NUMASHIM_GATE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The gate's recordings word. A process outside a run reads a constant
 * 1: it records whenever a session enables its events, as a bare preload
 * with NUMASHIM_RECORD=1 does; one whose run's gate cannot be mapped
 * reads a constant 0.
 */
extern const uint32_t *numashim_gate_word;

static inline bool numashim_gate_open(void)
{
	return __atomic_load_n(numashim_gate_word, __ATOMIC_RELAXED) != 0;
}

/*
 * Map the gate of NUMASHIM_RUN's run, before the provider is loaded:
 * the session daemon may enable the tracepoints as soon as it is.
 */
void numashim_gate_init(void);

#endif /* NUMASHIM_GATE_H */
