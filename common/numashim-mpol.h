/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The memory policy constants of mbind(2), set_mempolicy(2),
 * get_mempolicy(2) and move_pages(2), one table per family: the modes,
 * the mode flags ORed into a mode, the MPOL_MF_* flags of the calls and
 * the MPOL_F_* flags of get_mempolicy. Each row gives the
 * lower-case name numactl(8) and the rules use (the constant without its
 * MPOL_, MPOL_F_ or MPOL_MF_ prefix), the constant's tail, and its value.
 * The values are the kernel's ABI, spelled out here because numaif.h
 * and older kernel headers lack some of them; numashim-mpol.c checks
 * them against <linux/mempolicy.h> as it is at build time.
 */
#ifndef NUMASHIM_MPOL_H
#define NUMASHIM_MPOL_H

/* X(name, TAG, value): MPOL_TAG, in the kernel's order. */
#define NUMASHIM_MPOL_MODES(X)						\
	X(default, DEFAULT, 0)						\
	X(preferred, PREFERRED, 1)					\
	X(bind, BIND, 2)						\
	X(interleave, INTERLEAVE, 3)					\
	X(local, LOCAL, 4)						\
	X(preferred_many, PREFERRED_MANY, 5)	/* Linux 5.15 */	\
	X(weighted_interleave, WEIGHTED_INTERLEAVE, 6)	/* Linux 6.9 */

/* X(name, TAG, value): MPOL_F_TAG, ORed into a mode. */
#define NUMASHIM_MPOL_MODE_FLAGS(X)					\
	X(numa_balancing, NUMA_BALANCING, 1UL << 13)	/* Linux 5.12 */ \
	X(relative_nodes, RELATIVE_NODES, 1UL << 14)			\
	X(static_nodes, STATIC_NODES, 1UL << 15)

/* X(name, TAG, value): MPOL_MF_TAG, in a call's flags argument. */
#define NUMASHIM_MPOL_MF_FLAGS(X)					\
	X(strict, STRICT, 1UL << 0)					\
	X(move, MOVE, 1UL << 1)						\
	X(move_all, MOVE_ALL, 1UL << 2)

/* X(name, TAG, value): MPOL_F_TAG, in get_mempolicy's flags argument. */
#define NUMASHIM_MPOL_GET_FLAGS(X)					\
	X(node, NODE, 1UL << 0)						\
	X(addr, ADDR, 1UL << 1)						\
	X(mems_allowed, MEMS_ALLOWED, 1UL << 2)

#define NUMASHIM_MPOL_MODE_CONSTANT(name, TAG, value) NUMASHIM_MPOL_##TAG = (value),
#define NUMASHIM_MPOL_F_CONSTANT(name, TAG, value) NUMASHIM_MPOL_F_##TAG = (value),
#define NUMASHIM_MPOL_MF_CONSTANT(name, TAG, value) NUMASHIM_MPOL_MF_##TAG = (value),
#define NUMASHIM_MPOL_OR(name, TAG, value) | (value)

/* NUMASHIM_MPOL_BIND, ...: the kernel's values under names of our own. */
enum numashim_mpol_mode {
	NUMASHIM_MPOL_MODES(NUMASHIM_MPOL_MODE_CONSTANT)
};

enum numashim_mpol_mode_flag {
	NUMASHIM_MPOL_MODE_FLAGS(NUMASHIM_MPOL_F_CONSTANT)
};

enum numashim_mpol_mf_flag {
	NUMASHIM_MPOL_MF_FLAGS(NUMASHIM_MPOL_MF_CONSTANT)
};

enum numashim_mpol_get_flag {
	NUMASHIM_MPOL_GET_FLAGS(NUMASHIM_MPOL_F_CONSTANT)
};

/* Every mode flag: what a mode holds beside the mode itself. */
#define NUMASHIM_MPOL_MODE_FLAG_MASK (0UL NUMASHIM_MPOL_MODE_FLAGS(NUMASHIM_MPOL_OR))
/* The flags that ask for pages to move. */
#define NUMASHIM_MPOL_MF_MOVE_ANY (NUMASHIM_MPOL_MF_MOVE | NUMASHIM_MPOL_MF_MOVE_ALL)

/*
 * The mode the kernel makes of a mode argument, as sanitize_mpol_flags()
 * does: its low int, without the mode flags.
 */
static inline unsigned int numashim_mpol_mode_of(unsigned long mode)
{
	return (unsigned int) mode & ~(unsigned int) NUMASHIM_MPOL_MODE_FLAG_MASK;
}

struct numashim_name {
	const char *name;
	unsigned long value;
};

/* The tables above but get_mempolicy's as arrays, in their order, each ending with { NULL, 0 }. */
extern const struct numashim_name numashim_mpol_modes[];
extern const struct numashim_name numashim_mpol_mode_flags[];
extern const struct numashim_name numashim_mpol_mf_flags[];

const struct numashim_name *numashim_name_find(const struct numashim_name *table,
					       const char *name, unsigned long len);

/*
 * The names of table's rows with a bit in mask (every row for ~0UL), as
 * a sentence lists them: "move or move_all", "a, b or c"; the length
 * of the whole list, which is cut at size as snprintf(3) cuts.
 */
unsigned long numashim_names_list(char *buf, unsigned long size,
				  const struct numashim_name *table,
				  unsigned long mask);

#endif /* NUMASHIM_MPOL_H */
