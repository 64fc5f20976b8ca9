/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The state of the pages a move_pages() call failed (numashim:page_state,
 * one event a page, and numashim:page_states after them), kept from the
 * events until the call's exit, which hands them to the views; and the
 * names of the facts they hold: VmFlags and kpageflags.
 */
#ifndef NUMASHIM_PAGESTATE_H
#define NUMASHIM_PAGESTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <babeltrace2/babeltrace.h>

#include "call-key.h"
#include "numashim-payload.h"

/* The VmFlags of smaps that say why a page may not move: X(code, TAG). */
#define PAGE_VM_FLAGS(X)						\
	X(lo, LOCKED)		/* mlock(2) */				\
	X(sh, SHARED)							\
	X(ht, HUGETLB)							\
	X(io, IO)		/* I/O memory */			\
	X(pf, PFNMAP)		/* page frames without struct page */	\
	X(hg, HUGEPAGE)		/* MADV_HUGEPAGE */			\
	X(nh, NOHUGEPAGE)	/* MADV_NOHUGEPAGE */			\
	X(mg, MERGEABLE)	/* by KSM */

#define PAGE_VM_FLAG_BIT(code, TAG) PAGE_VM_##TAG##_BIT,
enum { PAGE_VM_FLAGS(PAGE_VM_FLAG_BIT) PAGE_VM_FLAG_BITS };

/* The codes, by bit of page_state's vm_flags. */
extern const char *const page_vm_flag_codes[PAGE_VM_FLAG_BITS];

/*
 * The kpageflags bits that say why a page may not move:
 * X(KPF_ name, name in the report).
 */
#define PAGE_KPAGEFLAGS(X)						\
	X(LOCKED, "locked")						\
	X(DIRTY, "dirty")						\
	X(WRITEBACK, "writeback")					\
	X(COMPOUND_HEAD, "compound_head")				\
	X(COMPOUND_TAIL, "compound_tail")				\
	X(HUGE, "hugetlb")						\
	X(THP, "thp")							\
	X(KSM, "ksm")							\
	X(ZERO_PAGE, "zero_page")					\
	X(UNEVICTABLE, "unevictable")					\
	X(ANON, "anonymous")						\
	X(SWAPCACHE, "swapcache")

#define PAGE_KPAGEFLAG_INDEX(KPF, name) PAGE_KPF_##KPF,
enum { PAGE_KPAGEFLAGS(PAGE_KPAGEFLAG_INDEX) PAGE_KPAGEFLAG_COUNT };

/* The names of the table's flags, and their KPF_ bits, by index. */
extern const char *const page_kpageflag_names[PAGE_KPAGEFLAG_COUNT];
extern const unsigned char page_kpageflag_bits[PAGE_KPAGEFLAG_COUNT];

/* The mapping kinds' names, as the trace's enumeration labels them. */
extern const char *const page_mapping_names[NUMASHIM_MAPPING_KINDS];

/* One failed page, as its page_state event tells it. */
struct page_state {
	uint64_t index;		/* in the call's pages array */
	uint64_t addr;
	int32_t status;
	int32_t pagemap_err;	/* 0: the pagemap facts were read */
	bool present, swapped, exclusive, file_shared, soft_dirty;
	uint64_t pfn;		/* 0: not given */
	int32_t map_err;	/* 0: the mapping facts were read */
	enum numashim_mapping mapping;
	uint64_t map_start, map_end;
	char perms[8];
	char *path;		/* "" for none */
	uint32_t vm_flags;	/* bits of PAGE_VM_FLAGS */
	int64_t anon_huge_kb;	/* -1: not in smaps */
	int32_t kpage_err;	/* 0: kpageflags and kpagecount were read */
	uint64_t kpageflags;
	int64_t kpagecount;
};

/* The failed pages of one call. */
struct call_page_states {
	struct call_key key;	/* first, for the tree */
	struct page_state *pages;	/* in the order of their events */
	size_t len, room;
	bool summed;		/* its page_states event was read */
	uint64_t failed;	/* from page_states: every failed page */
	uint64_t left_out;	/* of them, those without a page_state */
	/* The left out, by status, ascending. */
	int32_t *left_statuses;
	uint64_t *left_counts;
	size_t left_len;
};

struct page_state_calls {
	void *tree;		/* tsearch(3) tree of struct call_page_states */
};

/*
 * The payload p of a page_state event, or of the page_states event, of
 * the call call_id of process vpid, kept for its exit. 0, or -1 when out
 * of memory.
 */
int page_states_read_page(struct page_state_calls *t, int64_t vpid,
			  uint64_t call_id, const bt_field *p);
int page_states_read_end(struct page_state_calls *t, int64_t vpid,
			 uint64_t call_id, const bt_field *p);

/* The call's failed pages, now the caller's to free; NULL: none. */
struct call_page_states *page_states_take(struct page_state_calls *t,
					  int64_t vpid, uint64_t call_id);
void call_page_states_free(struct call_page_states *c);
void page_states_fini(struct page_state_calls *t);

#endif /* NUMASHIM_PAGESTATE_H */
