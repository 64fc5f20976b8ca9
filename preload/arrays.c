// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Recording whole arrays, once the kernel has answered: a short one goes
 * into the exit event, a long one into chunk events, so that no event
 * outgrows a sub-buffer (the ring buffer would drop it and only count it).
 * Copies go through numashim_copy_in() because the program's pointers may
 * be bad, unless the kernel has just gone through the whole array: then
 * the chunk events take it from the program's memory, with no copy of
 * ours.
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
	*src = (struct numashim_array_src) {
		.id = id,
		.expected = count,
		.plain = { .user = user, .elem_size = elem_size },
	};
}

void numashim_array_unbuffered(struct numashim_array_src *src)
{
	src->err = ENOBUFS;
	if (src->is_mask)
		src->mask.loaded = 1;
}

void numashim_array_accessed(struct numashim_array_src *src)
{
	src->accessed = 1;
}

static size_t copy(struct numashim_array_src *src, void *dst,
		   const void *user, size_t len)
{
	if (!src->accessed)
		return numashim_copy_in(dst, user, len, &src->err);
	numashim_copy_accessed(dst, user, len);
	return len;
}

static void load_mask(struct numashim_array_src *src)
{
	size_t nwords = (src->expected + WORD_BITS - 1) / WORD_BITS;
	/* A mask the shim rewrote is in the buffer already. */
	size_t got = src->mask.words == src->mask.user ?
		     nwords * sizeof(unsigned long) :
		     copy(src, src->mask.words, src->mask.user,
			  nwords * sizeof(unsigned long));

	src->recorded = got * 8 < src->expected ? got * 8 : src->expected;
	src->mask.loaded = 1;
}

void numashim_mask_init(struct numashim_array_src *src, enum numashim_array id,
			const unsigned long *mask, unsigned long maxnode,
			unsigned long *words)
{
	uint64_t bits = maxnode && mask ? maxnode - 1 : 0;

	*src = (struct numashim_array_src) {
		.id = id,
		.expected = bits,
		.is_mask = 1,
		.mask = { .user = mask, .words = words },
	};
	if (bits > NUMASHIM_MASK_MAX_BITS) {
		src->err = E2BIG;
		src->mask.loaded = 1;
	} else if (!words) {
		numashim_array_unbuffered(src);
	}
}

/* The next chunk of a plain array, in the program's memory: its length. */
static size_t plain_chunk(const struct numashim_array_src *src,
			  const char **user)
{
	uint64_t left = src->expected - src->offset;

	*user = src->plain.user + src->offset * src->plain.elem_size;
	return src->err ? 0 : left < NUMASHIM_CHUNK_LEN ? left : NUMASHIM_CHUNK_LEN;
}

static size_t next_plain(struct numashim_array_src *src, void *buf)
{
	size_t size = src->plain.elem_size;
	const char *user;
	size_t want = plain_chunk(src, &user), got;

	if (!want)
		return 0;
	got = copy(src, buf, user, want * size) / size;
	src->offset += got;
	src->recorded = src->offset;
	return got;
}

static size_t next_mask(struct numashim_array_src *src, void *buf)
{
	int32_t *nodes = buf;
	uint64_t bit;
	size_t len = 0;

	if (!src->mask.loaded)
		load_mask(src);
	bit = src->mask.next_bit;
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

/*
 * The next chunk, into *chunk: in the program's memory when the kernel
 * has just gone through the whole array, for the ring buffer to copy
 * from as it would from a copy of ours; in buf otherwise. Its length.
 */
static size_t next_chunk(struct numashim_array_src *src, void *buf,
			 const void **chunk)
{
	const char *user;
	size_t len;

	if (src->is_mask || !src->accessed) {
		*chunk = buf;
		return numashim_array_next(src, buf);
	}
	len = plain_chunk(src, &user);
	src->offset += len;
	src->recorded = src->offset;
	*chunk = user;
	return len;
}

void numashim_array_emit_rest(struct numashim_array_src *src, uint64_t call_id,
			      void *buf, void *ip)
{
	for (;;) {
		uint64_t offset = src->offset;
		const void *chunk;
		size_t len = next_chunk(src, buf, &chunk);

		if (!len)
			return;
		if (!src->is_mask && src->plain.elem_size == sizeof(uint64_t)) {
			struct numashim_addrs rec = { chunk, len };

			lttng_ust_do_tracepoint(numashim, addr_chunk, call_id,
						src->id, offset, &rec, ip);
		} else {
			struct numashim_ints rec = { chunk, len };

			lttng_ust_do_tracepoint(numashim, int_chunk, call_id,
						src->id, offset, &rec, ip);
		}
	}
}

/* The elements not handed out yet, as far as they can be told. */
static uint64_t left(struct numashim_array_src *src)
{
	uint64_t i, whole, nodes = 0;
	unsigned int tail;

	if (!src->is_mask)
		return src->expected - src->offset;
	if (!src->mask.loaded)
		load_mask(src);
	whole = src->recorded / WORD_BITS;
	tail = src->recorded % WORD_BITS;
	for (i = 0; i < whole; i++)
		nodes += __builtin_popcountl(src->mask.words[i]);
	if (tail)
		nodes += __builtin_popcountl(src->mask.words[whole] &
					     ((1UL << tail) - 1));
	return nodes - src->offset;
}

size_t numashim_array_take(struct numashim_array_src *src, uint64_t call_id,
			   void *exit_buf, void *chunk_buf, void *ip)
{
	if (left(src) <= NUMASHIM_INLINE_LEN)
		return numashim_array_next(src, exit_buf);
	numashim_array_emit_rest(src, call_id, chunk_buf, ip);
	return 0;
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
