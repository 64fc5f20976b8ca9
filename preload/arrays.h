/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_ARRAYS_H
#define NUMASHIM_ARRAYS_H

#include <stdint.h>

#include "numashim-payload.h"

/*
 * The kernel reads at most one page of node mask (get_nodes() refuses a
 * larger maxnode with EINVAL), so that is all the shim ever copies.
 */
#define NUMASHIM_MASK_MAX_BITS (4096 * 8)
#define NUMASHIM_MASK_MAX_WORDS (NUMASHIM_MASK_MAX_BITS / (8 * sizeof(unsigned long)))

/*
 * One array of a call, read out of the program's memory a chunk at a time
 * once the kernel has answered: either a plain array (pages, nodes,
 * status) or the node numbers set in a node mask. It remembers how much
 * of it made it into the trace and, when not all of it did, why.
 */
struct numashim_array_src {
	enum numashim_array id;
	uint64_t offset;	/* elements handed out so far */
	uint64_t expected;	/* elements (masks: bits) the call names */
	uint64_t recorded;	/* elements (masks: bits) that were readable */
	int err;		/* why recorded < expected */
	int is_mask;
	int accessed;		/* whole, by the kernel: numashim_copy_accessed() */
	union {
		struct {
			const char *user;
			unsigned int elem_size;
		} plain;
		struct {
			const unsigned long *user;
			unsigned long *words;	/* NUMASHIM_MASK_MAX_WORDS */
			uint64_t next_bit;
			int loaded;
		} mask;
	};
};

/* An array of count elements of elem_size bytes (8 or 4) at user. */
void numashim_array_init(struct numashim_array_src *src, enum numashim_array id,
			 const void *user, uint64_t count, unsigned int elem_size);

/*
 * The nodes set in the first maxnode - 1 bits of mask, as the kernel
 * reads it, copied into words (room for NUMASHIM_MASK_MAX_WORDS; NULL:
 * no room, the mask goes unrecorded).
 */
void numashim_mask_init(struct numashim_array_src *src, enum numashim_array id,
			const unsigned long *mask, unsigned long maxnode,
			unsigned long *words);

/* No room to copy the array into: it goes unrecorded, for want of buffers. */
void numashim_array_unbuffered(struct numashim_array_src *src);

/* The kernel has just read or written the whole array for this call. */
void numashim_array_accessed(struct numashim_array_src *src);

/* The next up to NUMASHIM_CHUNK_LEN elements, as uint64_t or int32_t. */
size_t numashim_array_next(struct numashim_array_src *src, void *buf);

/* Emit what is left of the array as chunk events, using buf as scratch. */
void numashim_array_emit_rest(struct numashim_array_src *src, uint64_t call_id,
			      void *buf, void *ip);

/*
 * The array for the exit event: its elements in exit_buf (room for
 * NUMASHIM_INLINE_LEN) when it has no more; otherwise it goes whole into
 * chunk events, with chunk_buf as scratch, and the exit event gets none.
 */
size_t numashim_array_take(struct numashim_array_src *src, uint64_t call_id,
			   void *exit_buf, void *chunk_buf, void *ip);

/*
 * Emit array_incomplete when the array was not recorded whole; returns
 * the array's bit for the exit event's "incomplete" field (0 when whole).
 */
uint32_t numashim_array_finish(const struct numashim_array_src *src,
			       uint64_t call_id, void *ip);

#endif /* NUMASHIM_ARRAYS_H */
