/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_PLACEMENT_H
#define NUMASHIM_PLACEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "numashim-payload.h"
#include "scratch.h"

/* NUMASHIM_VERIFY_PLACEMENT, read once, from the constructor. */
void numashim_placement_init(void);

/*
 * Before the kernel gets the call, as a rule left it (k): where the
 * pages it may move are, into s, when the placement is to be verified,
 * the call is one that moves pages, and a session records the event.
 * Whether it was counted, for numashim_placement_record() to count again
 * after the call. Leaves errno to the caller to restore.
 */
bool numashim_placement_mbind_before(struct numashim_scratch *s,
				     const struct numashim_mbind_args *k);
bool numashim_placement_migrate_before(struct numashim_scratch *s,
				       const struct numashim_migrate_pages_args *k);

/* After it: where they are now, and the numashim:placement event. */
void numashim_placement_record(struct numashim_scratch *s, uint64_t id,
			       void *ip);

#endif /* NUMASHIM_PLACEMENT_H */
