/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_WEIGHTS_H
#define NUMASHIM_WEIGHTS_H

#include <stdbool.h>
#include <stdint.h>

#include "scratch.h"

/*
 * Before the exit event of the recorded call id, whose mode as the kernel
 * got it is mode (set_mempolicy's or mbind's, mode flags and all): the
 * numashim:interleave_weights event, when the mode is weighted interleave
 * and the weights are not those this process recorded last. Nothing
 * without the scratch s. Leaves errno to the caller to restore.
 */
void numashim_weights_record(struct numashim_scratch *s, uint64_t id,
			     unsigned long mode, void *ip);

/*
 * The weights in force, into w (every node that has a weight file,
 * ascending); false on a kernel without them. Leaves errno to the
 * caller to restore.
 */
bool numashim_weights_read(struct numashim_weights *w);

#endif /* NUMASHIM_WEIGHTS_H */
