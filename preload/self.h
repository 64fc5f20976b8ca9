/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_SELF_H
#define NUMASHIM_SELF_H

#include <stdint.h>
#include <sys/types.h>

/* Forget the ids of the parent in a child made by fork(). */
void numashim_self_init(void);

/* This process's id, for process_vm_readv(). */
pid_t numashim_self_pid(void);

/* The calling thread's id. */
pid_t numashim_self_tid(void);

/* sysconf(_SC_PAGESIZE), asked once; callable before the constructor. */
uintptr_t numashim_self_page_size(void);

#endif /* NUMASHIM_SELF_H */
