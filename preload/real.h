/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_REAL_H
#define NUMASHIM_REAL_H

#include <sys/syscall.h>

#include "numashim-payload.h"

/* Linux 5.17's, the same number on every architecture but alpha. */
#ifndef SYS_set_mempolicy_home_node
#define SYS_set_mempolicy_home_node 450
#endif

/* The definitions the shim's own ones hide: glibc's and libnuma's, or another library's. */
void numashim_real_init(void);
long numashim_real_syscall(long nr, const long raw[6]);

/*
 * Hand a call to the kernel the way the program made it: a call that came
 * through syscall() goes back to syscall() with its six raw arguments, the
 * others to the function of the library after the shim that defines it,
 * or straight to the kernel when that is libnuma's (syscall() alone) or
 * none is.
 */
long numashim_real_move_pages(const struct numashim_move_pages_args *a,
			      const long *raw);
long numashim_real_migrate_pages(const struct numashim_migrate_pages_args *a,
				 const long *raw);
long numashim_real_mbind(const struct numashim_mbind_args *a, const long *raw);
long numashim_real_set_mempolicy(const struct numashim_set_mempolicy_args *a,
				 const long *raw);
long numashim_real_get_mempolicy(const struct numashim_get_mempolicy_args *a,
				 const long *raw);
long numashim_real_set_mempolicy_home_node(
	const struct numashim_set_mempolicy_home_node_args *a, const long *raw);

#endif /* NUMASHIM_REAL_H */
