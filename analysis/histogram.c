// SPDX-License-Identifier: LGPL-2.1-or-later
#include <math.h>

#include "histogram.h"

#define SUB_COUNT (1U << HISTOGRAM_SUB_BITS)

/*
 * Values below SUB_COUNT have a bucket each; above, the bucket is chosen
 * by the position of the highest bit set and the HISTOGRAM_SUB_BITS bits
 * that follow it.
 */
static unsigned int bucket_of(uint64_t value)
{
	unsigned int high;

	if (value < SUB_COUNT)
		return value;
	high = 63 - __builtin_clzll(value);
	return ((high - HISTOGRAM_SUB_BITS + 1) << HISTOGRAM_SUB_BITS) +
	       ((value >> (high - HISTOGRAM_SUB_BITS)) & (SUB_COUNT - 1));
}

/* The middle of the range of values that fall in bucket b. */
static uint64_t bucket_middle(unsigned int b)
{
	unsigned int shift;
	uint64_t low;

	if (b < SUB_COUNT)
		return b;
	shift = (b >> HISTOGRAM_SUB_BITS) - 1;
	low = (uint64_t) (SUB_COUNT + (b & (SUB_COUNT - 1))) << shift;
	return low + ((1ULL << shift) >> 1);
}

void histogram_add(struct histogram *h, uint64_t value)
{
	if (!h->count || value < h->min)
		h->min = value;
	if (value > h->max)
		h->max = value;
	h->count++;
	h->sum += value;
	h->buckets[bucket_of(value)]++;
}

uint64_t histogram_quantile(const struct histogram *h, double q)
{
	uint64_t rank, seen = 0, v;
	unsigned int b;

	if (!h->count)
		return 0;
	rank = (uint64_t) ceil(q * (double) h->count);
	if (rank < 1)
		rank = 1;
	for (b = 0; b < HISTOGRAM_BUCKETS; b++) {
		seen += h->buckets[b];
		if (seen >= rank)
			break;
	}
	v = bucket_middle(b);
	if (v < h->min)
		return h->min;
	return v > h->max ? h->max : v;
}
