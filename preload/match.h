/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_MATCH_H
#define NUMASHIM_MATCH_H

#include <stdint.h>

#include "rules.h"

struct numashim_scratch;

/*
 * The first rule of rules that applies to a call (numashim-rewrite(7)):
 * its kind, its number in the process (seq=), the thread (tid=), its
 * chance=, and the code that made it (caller=, from ip, unwinding in s).
 * NULL when none does; else *rule_no is its number, from 1.
 */
const struct numashim_rule *numashim_match(const struct numashim_rules *rules,
					   enum numashim_rule_call call,
					   const void *ip, uint64_t seq,
					   struct numashim_scratch *s,
					   unsigned int *rule_no);

/*
 * A draw in parts per million, the same for the same seed, rule, call and
 * page: a rule's chance= draws for the call (page UINT64_MAX), its
 * fail-pages= for each page.
 */
static inline uint32_t numashim_match_draw(uint64_t seed, unsigned int rule_no,
					   uint64_t seq, uint64_t page)
{
	uint64_t z = seed ^ ((uint64_t) rule_no << 56) ^
		     (seq * 0x9e3779b97f4a7c15ULL) ^
		     (page * 0xc2b2ae3d27d4eb4fULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31)) % NUMASHIM_PPM;
}

#endif /* NUMASHIM_MATCH_H */
