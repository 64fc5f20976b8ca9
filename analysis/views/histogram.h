/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A log-linear histogram of latencies: exact count, min, max and sum, and
 * quantiles within 1/16 of the value, in a fixed 4 KiB whatever the number
 * of values, so that a summary row stays small however long the trace.
 */
#ifndef NUMASHIM_HISTOGRAM_H
#define NUMASHIM_HISTOGRAM_H

#include <stdint.h>

/* Each power of two is cut into 1 << HISTOGRAM_SUB_BITS buckets. */
#define HISTOGRAM_SUB_BITS 3
#define HISTOGRAM_BUCKETS ((64 - HISTOGRAM_SUB_BITS + 1) << HISTOGRAM_SUB_BITS)

struct histogram {
	uint64_t count;
	uint64_t min;
	uint64_t max;
	uint64_t sum;
	uint64_t buckets[HISTOGRAM_BUCKETS];
};

void histogram_add(struct histogram *h, uint64_t value);

/*
 * The nearest-rank q-quantile (0 < q <= 1): the middle of the bucket that
 * holds the ceil(q * count)-th smallest value, kept within [min, max].
 * 0 for an empty histogram.
 */
uint64_t histogram_quantile(const struct histogram *h, double q);

/* The smallest value that falls in bucket b. */
uint64_t histogram_bucket_low(unsigned int b);

/* Add src's values to dst. */
void histogram_merge(struct histogram *dst, const struct histogram *src);

#endif /* NUMASHIM_HISTOGRAM_H */
