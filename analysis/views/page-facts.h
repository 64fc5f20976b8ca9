/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the numashim:page_state events say of the failed pages of one
 * status code, counted: how many pages each fact holds for, and which
 * facts could not be read, by errno.
 */
#ifndef NUMASHIM_PAGE_FACTS_H
#define NUMASHIM_PAGE_FACTS_H

#include <stdint.h>

#include "codes.h"
#include "pagestate.h"

struct page_facts {
	uint64_t pages;		/* with a page_state event */
	uint64_t left_out;	/* without one, beyond the events' bound */
	/* Of the pages whose pagemap entry was read: */
	uint64_t present, swapped, exclusive, file_shared, soft_dirty;
	uint64_t pfn_known;
	/* Of those whose mapping was read: by kind, by VmFlags flag. */
	uint64_t mappings[NUMASHIM_MAPPING_KINDS];
	uint64_t vm_flags[PAGE_VM_FLAG_BITS];
	uint64_t thp_backed;	/* in a mapping with AnonHugePages */
	/* Of those whose page frame was read: by flag, mapped elsewhere too. */
	uint64_t kpageflags[PAGE_KPAGEFLAG_COUNT];
	uint64_t mapped_more_than_once;
	/* The pages whose facts could not be read, by errno. */
	struct code_counts pagemap_unread;
	struct code_counts map_unread;
	struct code_counts kpage_unread;
};

/* 0, or -1 when out of memory. */
int page_facts_add(struct page_facts *f, const struct page_state *p);
void page_facts_fini(struct page_facts *f);

#endif /* NUMASHIM_PAGE_FACTS_H */
