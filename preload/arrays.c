// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Recording whole arrays: the first chunk of each goes into the entry or
 * exit event, the rest into chunk events, so that no event outgrows a
 * sub-buffer (the ring buffer would drop it and only count it). Copies go
 * through numashim_copy_in() because the program's pointers may be bad.
 */
#include <errno.h>
#include <string.h>

#include "arrays.h"
#include "numashim-tp.h"
#include "usermem.h"

#define WORD_BITS (8 * sizeof(unsigned long))

void numashim_array_init(struct numashim_array_src *src, enum numashim_array id,
			 const void *user, uint64_t count, unsigned int elem_size)
{
	src->id = id;
	src->offset = 0;
	src->expected = count;
	src->recorded = 0;
	src->err = 0;
	src->is_mask = 0;
	src->plain.user = user;
	src->plain.elem_size = elem_size;
	src->plain.written = 0;
}

void numashim_array_written(struct numashim_array_src *src)
{
	src->plain.written = 1;
}

static void read_mask(struct numashim_array_src *src)
{
	size_t nwords = (src->expected + WORD_BITS - 1) / WORD_BITS;
	size_t got = numashim_copy_in(src->mask.words, src->mask.user,
				      nwords * sizeof(unsigned long),
				      &src->err);

	src->recorded = got * 8 < src->expected ? got * 8 : src->expected;
}

void numashim_mask_init(struct numashim_array_src *src, enum numashim_array id,
			const unsigned long *mask, unsigned long maxnode)
{
	uint64_t bits = maxnode && mask ? maxnode - 1 : 0;

	src->id = id;
	src->offset = 0;
	src->expected = bits;
	src->recorded = 0;
	src->err = 0;
	src->is_mask = 1;
	src->mask.user = mask;
	src->mask.next_bit = 0;
	if (bits > NUMASHIM_MASK_MAX_BITS)
		src->err = E2BIG;
	else
		read_mask(src);
}

static size_t next_plain(struct numashim_array_src *src, void *buf)
{
	uint64_t left = src->expected - src->offset;
	size_t want = left < NUMASHIM_CHUNK_LEN ? left : NUMASHIM_CHUNK_LEN;
	size_t size = src->plain.elem_size;
	const char *user = src->plain.user + src->offset * size;
	size_t got;

	if (!want || src->err)
		return 0;
	if (src->plain.written)
		got = numashim_copy_written(buf, user, want * size, &src->err);
	else
		got = numashim_copy_in(buf, user, want * size, &src->err);
	got /= size;
	src->offset += got;
	src->recorded = src->offset;
	return got;
}

static size_t next_mask(struct numashim_array_src *src, void *buf)
{
	int32_t *nodes = buf;
	uint64_t bit = src->mask.next_bit;
	size_t len = 0;

	for (; bit < src->recorded && len < NUMASHIM_CHUNK_LEN; bit++)
		if (src->mask.words[bit / WORD_BITS] & (1UL << (bit % WORD_BITS)))
			nodes[len++] = bit;
	src->mask.next_bit = bit;
	src->offset += len;
	return len;
}

size_t numashim_array_next(struct numashim_array_src *src, void *buf)
{
	return src->is_mask ? next_mask(src, buf) : next_plain(src, buf);
}

void numashim_array_emit_rest(struct numashim_array_src *src, uint64_t call_id,
			      void *buf, void *ip)
{
	for (;;) {
		uint64_t offset = src->offset;
		size_t len = numashim_array_next(src, buf);

		if (!len)
			return;
		if (!src->is_mask && src->plain.elem_size == sizeof(uint64_t)) {
			struct numashim_addrs rec = { buf, len };

			lttng_ust_do_tracepoint(numashim, addr_chunk, call_id,
						src->id, offset, &rec, ip);
		} else {
			struct numashim_ints rec = { buf, len };

			lttng_ust_do_tracepoint(numashim, int_chunk, call_id,
						src->id, offset, &rec, ip);
		}
	}
}

void numashim_array_emit_resumed(struct numashim_array_src *src,
				 uint64_t call_id, void *buf, void *ip)
{
	if (src->err != ENODATA)
		return;
	src->err = 0;
	if (src->is_mask)
		read_mask(src);
	numashim_array_emit_rest(src, call_id, buf, ip);
}

uint32_t numashim_array_finish(const struct numashim_array_src *src,
			       uint64_t call_id, void *ip)
{
	if (src->recorded == src->expected)
		return 0;
	lttng_ust_do_tracepoint(numashim, array_incomplete, call_id, src->id,
				src->recorded, src->expected, src->err, ip);
	return 1U << src->id;
}
