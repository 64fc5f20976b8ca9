// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Lower-case names as numactl(8) and mbind(2) spell them without their
 * MPOL_, MPOL_F_ and MPOL_MF_ prefixes. The values are the kernel's ABI,
 * spelled out because numaif.h lacks some of them.
 */
#include <string.h>

#include "numashim-mpol.h"

const struct numashim_name numashim_mpol_modes[] = {
	{ "default", 0 },
	{ "preferred", 1 },
	{ "bind", 2 },
	{ "interleave", 3 },
	{ "local", 4 },
	{ "preferred_many", 5 },
	{ NULL, 0 },
};

const struct numashim_name numashim_mpol_mode_flags[] = {
	{ "numa_balancing", 1UL << 13 },
	{ "relative_nodes", 1UL << 14 },
	{ "static_nodes", 1UL << 15 },
	{ NULL, 0 },
};

const struct numashim_name numashim_mpol_mf_flags[] = {
	{ "strict", 1UL << 0 },
	{ "move", 1UL << 1 },
	{ "move_all", 1UL << 2 },
	{ NULL, 0 },
};

const struct numashim_name *numashim_name_find(const struct numashim_name *table,
					       const char *name, unsigned long len)
{
	for (; table->name; table++)
		if (strlen(table->name) == len && !strncmp(table->name, name, len))
			return table;
	return NULL;
}
