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

uint64_t histogram_bucket_low(unsigned int b)
{
	if (b < SUB_COUNT)
		return b;
	return (uint64_t) (SUB_COUNT + (b & (SUB_COUNT - 1)))
	       << ((b >> HISTOGRAM_SUB_BITS) - 1);
}

/* The middle of the range of values that fall in bucket b. */
static uint64_t bucket_middle(unsigned int b)
{
	if (b < SUB_COUNT)
		return b;
	return histogram_bucket_low(b) +
	       ((1ULL << ((b >> HISTOGRAM_SUB_BITS) - 1)) >> 1);
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

void histogram_merge(struct histogram *dst, const struct histogram *src)
{
	unsigned int b;

	if (!src->count)
		return;
	if (!dst->count || src->min < dst->min)
		dst->min = src->min;
	if (src->max > dst->max)
		dst->max = src->max;
	dst->count += src->count;
	dst->sum += src->sum;
	for (b = 0; b < HISTOGRAM_BUCKETS; b++)
		dst->buckets[b] += src->buckets[b];
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
