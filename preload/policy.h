/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_POLICY_H
#define NUMASHIM_POLICY_H

/*
 * syscall(nr, raw...) from ip, for nr SYS_set_mempolicy,
 * SYS_get_mempolicy or SYS_set_mempolicy_home_node.
 */
long numashim_policy_syscall(long nr, const long raw[6], void *ip);

#endif /* NUMASHIM_POLICY_H */
