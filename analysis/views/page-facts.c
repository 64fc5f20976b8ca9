// SPDX-License-Identifier: LGPL-2.1-or-later
#include "page-facts.h"

static void add_pagemap(struct page_facts *f, const struct page_state *p)
{
	f->present += p->present;
	f->swapped += p->swapped;
	f->exclusive += p->exclusive;
	f->file_shared += p->file_shared;
	f->soft_dirty += p->soft_dirty;
	f->pfn_known += p->pfn != 0;
}

static void add_mapping(struct page_facts *f, const struct page_state *p)
{
	unsigned int bit;

	/* A damaged trace's kind is counted as none of them. */
	if ((unsigned int) p->mapping < NUMASHIM_MAPPING_KINDS)
		f->mappings[p->mapping]++;
	for (bit = 0; bit < PAGE_VM_FLAG_BITS; bit++)
		f->vm_flags[bit] += p->vm_flags >> bit & 1;
	f->thp_backed += p->anon_huge_kb > 0;
}

static void add_kpage(struct page_facts *f, const struct page_state *p)
{
	size_t i;

	for (i = 0; i < PAGE_KPAGEFLAG_COUNT; i++)
		f->kpageflags[i] += p->kpageflags >> page_kpageflag_bits[i] & 1;
	f->mapped_more_than_once += p->kpagecount > 1;
}

int page_facts_add(struct page_facts *f, const struct page_state *p)
{
	f->pages++;
	if (p->pagemap_err) {
		if (code_counts_add(&f->pagemap_unread, p->pagemap_err, 1))
			return -1;
	} else {
		add_pagemap(f, p);
	}
	if (p->map_err) {
		if (code_counts_add(&f->map_unread, p->map_err, 1))
			return -1;
	} else {
		add_mapping(f, p);
	}
	if (p->kpage_err)
		return code_counts_add(&f->kpage_unread, p->kpage_err, 1);
	add_kpage(f, p);
	return 0;
}

void page_facts_fini(struct page_facts *f)
{
	code_counts_fini(&f->pagemap_unread);
	code_counts_fini(&f->map_unread);
	code_counts_fini(&f->kpage_unread);
}
