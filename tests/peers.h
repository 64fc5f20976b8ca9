/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Processes the test programs name as the target of migrate_pages and
 * move_pages: one of their own that lives as long as they do, and a pid
 * that cannot exist.
 */
#ifndef NUMASHIM_TEST_PEERS_H
#define NUMASHIM_TEST_PEERS_H

#include <sys/types.h>

/* A child that pauses until its parent dies; exits the test on failure. */
pid_t peer_child(void);

/* One past the kernel's largest pid. */
pid_t peer_nonexistent(void);

#endif /* NUMASHIM_TEST_PEERS_H */
