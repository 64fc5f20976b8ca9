// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The memory policy tables as arrays of names, and their values checked
 * against the kernel's header at build time.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <linux/mempolicy.h>

#include "numashim-mpol.h"

#define NAME_ROW(name, TAG, value) { #name, value },

const struct numashim_name numashim_mpol_modes[] = {
	NUMASHIM_MPOL_MODES(NAME_ROW)
	{ NULL, 0 },
};

const struct numashim_name numashim_mpol_mode_flags[] = {
	NUMASHIM_MPOL_MODE_FLAGS(NAME_ROW)
	{ NULL, 0 },
};

const struct numashim_name numashim_mpol_mf_flags[] = {
	NUMASHIM_MPOL_MF_FLAGS(NAME_ROW)
	{ NULL, 0 },
};

/*
 * The header's modes are an enumeration, not macros, so no #ifdef tells
 * which of them it has; its MPOL_MAX counts them. Those of every header
 * since Linux 5.15 (Debian 12 has 6.1) are checked by name. The kernel
 * numbers a new mode on from the last (Linux 6.9's
 * MPOL_WEIGHTED_INTERLEAVE is 6, after MPOL_PREFERRED_MANY), so a table
 * numbered 0, 1, 2... in that order and no shorter than the header's
 * has the later ones right too.
 */
#define SAME_MODE(TAG)							\
	static_assert((int) NUMASHIM_MPOL_##TAG == (int) MPOL_##TAG, "MPOL_" #TAG);
SAME_MODE(DEFAULT)
SAME_MODE(PREFERRED)
SAME_MODE(BIND)
SAME_MODE(INTERLEAVE)
SAME_MODE(LOCAL)
SAME_MODE(PREFERRED_MANY)

#define MODE_INDEX(name, TAG, value) MODE_INDEX_##TAG,
enum { NUMASHIM_MPOL_MODES(MODE_INDEX) MODE_COUNT };
#define MODE_IN_ORDER(name, TAG, value)					\
	static_assert(MODE_INDEX_##TAG == (int) (value), "MPOL_" #TAG);
NUMASHIM_MPOL_MODES(MODE_IN_ORDER)
static_assert((int) MPOL_MAX <= (int) MODE_COUNT,
	      "<linux/mempolicy.h> has a mode the table lacks");

/* The flags are macros: each is checked where the header has it. */
#ifdef MPOL_F_NUMA_BALANCING
static_assert(NUMASHIM_MPOL_F_NUMA_BALANCING == MPOL_F_NUMA_BALANCING,
	      "MPOL_F_NUMA_BALANCING");
#endif
#ifdef MPOL_F_RELATIVE_NODES
static_assert(NUMASHIM_MPOL_F_RELATIVE_NODES == MPOL_F_RELATIVE_NODES,
	      "MPOL_F_RELATIVE_NODES");
#endif
#ifdef MPOL_F_STATIC_NODES
static_assert(NUMASHIM_MPOL_F_STATIC_NODES == MPOL_F_STATIC_NODES,
	      "MPOL_F_STATIC_NODES");
#endif
#ifdef MPOL_MODE_FLAGS
static_assert(NUMASHIM_MPOL_MODE_FLAG_MASK == MPOL_MODE_FLAGS,
	      "<linux/mempolicy.h> has a mode flag the table lacks");
#endif
#ifdef MPOL_MF_STRICT
static_assert(NUMASHIM_MPOL_MF_STRICT == MPOL_MF_STRICT, "MPOL_MF_STRICT");
#endif
#ifdef MPOL_MF_MOVE
static_assert(NUMASHIM_MPOL_MF_MOVE == MPOL_MF_MOVE, "MPOL_MF_MOVE");
#endif
#ifdef MPOL_MF_MOVE_ALL
static_assert(NUMASHIM_MPOL_MF_MOVE_ALL == MPOL_MF_MOVE_ALL, "MPOL_MF_MOVE_ALL");
#endif
#ifdef MPOL_MF_VALID
static_assert((0UL NUMASHIM_MPOL_MF_FLAGS(NUMASHIM_MPOL_OR)) == MPOL_MF_VALID,
	      "<linux/mempolicy.h> has a call flag the table lacks");
#endif
/*
 * <linux/mempolicy.h> has get_mempolicy's flags since Linux 2.6, and no
 * mask of them all to check the table's length against.
 */
static_assert(NUMASHIM_MPOL_F_NODE == MPOL_F_NODE, "MPOL_F_NODE");
static_assert(NUMASHIM_MPOL_F_ADDR == MPOL_F_ADDR, "MPOL_F_ADDR");
static_assert(NUMASHIM_MPOL_F_MEMS_ALLOWED == MPOL_F_MEMS_ALLOWED,
	      "MPOL_F_MEMS_ALLOWED");

const struct numashim_name *numashim_name_find(const struct numashim_name *table,
					       const char *name, unsigned long len)
{
	for (; table->name; table++)
		if (strlen(table->name) == len && !strncmp(table->name, name, len))
			return table;
	return NULL;
}

static bool listed(const struct numashim_name *row, unsigned long mask)
{
	return mask == ~0UL || (row->value & mask);
}

unsigned long numashim_names_list(char *buf, unsigned long size,
				  const struct numashim_name *table,
				  unsigned long mask)
{
	unsigned long count = 0, i, shown = 0, len = 0;

	for (i = 0; table[i].name; i++)
		count += listed(&table[i], mask);
	if (size)
		buf[0] = 0;
	for (i = 0; table[i].name; i++) {
		const char *sep = !shown ? "" : shown == count - 1 ? " or " : ", ";

		if (!listed(&table[i], mask))
			continue;
		shown++;
		len += snprintf(len < size ? buf + len : NULL,
				len < size ? size - len : 0, "%s%s", sep,
				table[i].name);
	}
	return len;
}
