/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A call of a trace, by its process and its call_id: the key of what the
 * decoders keep of a call's events until its exit event takes it, in
 * tsearch(3) trees whose nodes start with it.
 */
#ifndef NUMASHIM_CALL_KEY_H
#define NUMASHIM_CALL_KEY_H

#include <stdint.h>

struct call_key {
	int64_t vpid;
	uint64_t call_id;
};

/* tsearch(3)'s order of two nodes that start with a struct call_key. */
static inline int call_key_cmp(const void *a, const void *b)
{
	const struct call_key *x = a, *y = b;

	if (x->vpid != y->vpid)
		return (x->vpid > y->vpid) - (x->vpid < y->vpid);
	return (x->call_id > y->call_id) - (x->call_id < y->call_id);
}

#endif /* NUMASHIM_CALL_KEY_H */
