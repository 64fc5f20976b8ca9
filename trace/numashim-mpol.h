/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The names of the memory policy constants, one table each, for whatever
 * reads or writes them as words: the rewrite rules, the report.
 */
#ifndef NUMASHIM_MPOL_H
#define NUMASHIM_MPOL_H

struct numashim_name {
	const char *name;
	unsigned long value;
};

/* Each table ends with a { NULL, 0 } entry. */
extern const struct numashim_name numashim_mpol_modes[];	/* MPOL_BIND ... */
extern const struct numashim_name numashim_mpol_mode_flags[];	/* MPOL_F_STATIC_NODES ... */
extern const struct numashim_name numashim_mpol_mf_flags[];	/* MPOL_MF_MOVE ... */

const struct numashim_name *numashim_name_find(const struct numashim_name *table,
					       const char *name, unsigned long len);

#endif /* NUMASHIM_MPOL_H */
