/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_PAGESTATE_H
#define NUMASHIM_PAGESTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "numashim-payload.h"
#include "rewrite.h"

/*
 * After a move_pages() call rw that asked for moves and that the kernel
 * answered (ret >= 0), when a session records numashim:page_state and
 * the call has scratch: the state of each page whose status is a
 * failure, in page_state events, and the page_states event after them.
 * status is the status array as the exit event has it (whole when its
 * len is the call's count, which spares calls whose every status is a
 * node any read); accessed, that the kernel went through the call's
 * arrays whole. Pages whose status a rule made up are left alone.
 * Leaves errno to the caller to restore.
 */
void numashim_page_states_record(const struct numashim_rewrite *rw, long ret,
				 bool accessed,
				 const struct numashim_ints *status,
				 uint64_t id, void *ip);

#endif /* NUMASHIM_PAGESTATE_H */
