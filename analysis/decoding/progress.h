/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * How far the reading child of `numashim report` got: a count of the
 * messages its sink consumed, in memory it shares with the parent that
 * waits for it, so that the parent tells a babeltrace2 that reads without
 * end from one that reads a huge trace slowly.
 */
#ifndef NUMASHIM_PROGRESS_H
#define NUMASHIM_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

/* Share the count with the children forked from now on; false: cannot. */
bool progress_share(void);

/* The sink consumed count more messages; nothing when not shared. */
void progress_advance(uint64_t count);

/* The messages consumed so far. */
uint64_t progress_count(void);

#endif
