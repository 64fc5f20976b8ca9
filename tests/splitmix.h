/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The randomness of the tests that deal calls at random: splitmix64, so
 * that a run is replayed exactly from the seed it prints, on any libc.
 */
#ifndef NUMASHIM_TESTS_SPLITMIX_H
#define NUMASHIM_TESTS_SPLITMIX_H

#include <stddef.h>
#include <stdint.h>

#include "numashim-mpol.h"

static uint64_t splitmix_state;

static inline uint64_t rnd(void)
{
	uint64_t z = (splitmix_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number below n. */
static inline unsigned long pick(unsigned long n)
{
	return rnd() % n;
}

static inline int chance(unsigned int percent)
{
	return pick(100) < percent;
}

/* A value of a name table (numashim-mpol.h), or one it does not hold. */
static inline unsigned long pick_named(const struct numashim_name *t,
				       unsigned long bogus)
{
	size_t n = 0;

	while (t[n].name)
		n++;
	return chance(15) ? bogus : t[pick(n)].value;
}

#endif /* NUMASHIM_TESTS_SPLITMIX_H */
