// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <linux/kernel-page-flags.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "field-values.h"
#include "pagestate.h"

#define PAGE_VM_FLAG_CODE(code, TAG) #code,

const char *const page_vm_flag_codes[PAGE_VM_FLAG_BITS] = {
	PAGE_VM_FLAGS(PAGE_VM_FLAG_CODE)
};

#define PAGE_KPAGEFLAG_NAME(KPF, name) name,
#define PAGE_KPAGEFLAG_BIT(KPF, name) KPF_##KPF,

const char *const page_kpageflag_names[PAGE_KPAGEFLAG_COUNT] = {
	PAGE_KPAGEFLAGS(PAGE_KPAGEFLAG_NAME)
};
const unsigned char page_kpageflag_bits[PAGE_KPAGEFLAG_COUNT] = {
	PAGE_KPAGEFLAGS(PAGE_KPAGEFLAG_BIT)
};

#define PAGE_MAPPING_NAME(name, TAG) [NUMASHIM_MAPPING_##TAG] = #name,

const char *const page_mapping_names[NUMASHIM_MAPPING_KINDS] = {
	NUMASHIM_MAPPINGS(PAGE_MAPPING_NAME)
};

/* The bit of the VmFlags code of len characters at code; -1: none. */
static int vm_flag_bit(const char *code, size_t len)
{
	unsigned int bit;

	for (bit = 0; bit < PAGE_VM_FLAG_BITS; bit++)
		if (len == strlen(page_vm_flag_codes[bit]) &&
		    !memcmp(code, page_vm_flag_codes[bit], len))
			return bit;
	return -1;
}

/* A page_state string, "" for the NUMASHIM_NO_TEXT that stands for none. */
static const char *text_of(const bt_field *p, const char *name)
{
	const char *s = field_string_member(p, name);

	return !s || !strcmp(s, NUMASHIM_NO_TEXT) ? "" : s;
}

/* The VmFlags text ("rd wr lo ...") as bits of PAGE_VM_FLAGS. */
static uint32_t vm_flags_of(const char *text)
{
	uint32_t bits = 0;
	size_t n;
	int bit;

	for (; text && *text; text += n) {
		text += strspn(text, " ");
		n = strcspn(text, " ");
		bit = vm_flag_bit(text, n);
		if (bit >= 0)
			bits |= 1U << bit;
	}
	return bits;
}

void call_page_states_free(struct call_page_states *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->len; i++)
		free(c->pages[i].path);
	free(c->pages);
	free(c->left_statuses);
	free(c->left_counts);
	free(c);
}

static void free_node(void *c)
{
	call_page_states_free(c);
}

/* The call's record, a new one when it has none yet; NULL: no memory. */
static struct call_page_states *call_of(struct page_state_calls *t,
					int64_t vpid, uint64_t call_id)
{
	struct call_page_states *c = calloc(1, sizeof(*c)), **found;

	if (!c)
		return NULL;
	c->key = (struct call_key) { .vpid = vpid, .call_id = call_id };
	found = tsearch(c, &t->tree, call_key_cmp);
	if (!found) {
		free(c);
		return NULL;
	}
	if (*found != c)
		free(c);
	return *found;
}

static struct page_state *new_page(struct call_page_states *c)
{
	struct page_state *pages;
	size_t room;

	if (c->len == c->room) {
		room = c->room ? 2 * c->room : 16;
		pages = reallocarray(c->pages, room, sizeof(*pages));
		if (!pages)
			return NULL;
		c->pages = pages;
		c->room = room;
	}
	return &c->pages[c->len];
}

int page_states_read_page(struct page_state_calls *t, int64_t vpid,
			  uint64_t call_id, const bt_field *p)
{
	struct call_page_states *c = call_of(t, vpid, call_id);
	const char *path = text_of(p, "map_path");
	const char *perms = text_of(p, "map_perms");
	struct page_state *g;

	if (!c || !(g = new_page(c)))
		return -1;
	*g = (struct page_state) {
		.index = field_int_member(p, "index"),
		.addr = field_int_member(p, "addr"),
		.status = field_int_member(p, "status"),
		.pagemap_err = field_int_member(p, "pagemap_err"),
		.present = field_int_member(p, "present"),
		.swapped = field_int_member(p, "swapped"),
		.exclusive = field_int_member(p, "exclusive"),
		.file_shared = field_int_member(p, "file_shared"),
		.soft_dirty = field_int_member(p, "soft_dirty"),
		.pfn = field_int_member(p, "pfn"),
		.map_err = field_int_member(p, "map_err"),
		.mapping = field_int_member(p, "mapping"),
		.map_start = field_int_member(p, "map_start"),
		.map_end = field_int_member(p, "map_end"),
		.vm_flags = vm_flags_of(text_of(p, "vm_flags")),
		.anon_huge_kb = field_int_member(p, "anon_huge_kb"),
		.kpage_err = field_int_member(p, "kpage_err"),
		.kpageflags = field_int_member(p, "kpageflags"),
		.kpagecount = field_int_member(p, "kpagecount"),
	};
	strncpy(g->perms, perms, sizeof(g->perms) - 1);
	g->path = strdup(path);
	if (!g->path)
		return -1;
	c->len++;
	return 0;
}

int page_states_read_end(struct page_state_calls *t, int64_t vpid,
			 uint64_t call_id, const bt_field *p)
{
	struct call_page_states *c = call_of(t, vpid, call_id);
	const bt_field *statuses = field_member(p, "left_statuses");
	const bt_field *counts = field_member(p, "left_counts");
	size_t len = field_is_array(statuses) ?
		     bt_field_array_get_length(statuses) : 0;

	if (!c)
		return -1;
	/* A second page_states of the call: the first is kept. */
	if (c->summed)
		return 0;
	c->summed = true;
	c->failed = field_int_member(p, "failed");
	c->left_out = field_int_member(p, "left_out");
	c->left_statuses = malloc((len + 1) * sizeof(*c->left_statuses));
	c->left_counts = malloc((len + 1) * sizeof(*c->left_counts));
	if (!c->left_statuses || !c->left_counts)
		return -1;
	/* Arrays that disagree in length are a damaged event: no counts. */
	if (field_i32_elements(statuses, len, c->left_statuses) &&
	    field_is_array(counts) &&
	    bt_field_array_get_length(counts) == len &&
	    field_u64_elements(counts, len, c->left_counts))
		c->left_len = len;
	return 0;
}

struct call_page_states *page_states_take(struct page_state_calls *t,
					  int64_t vpid, uint64_t call_id)
{
	const struct call_key key = { .vpid = vpid, .call_id = call_id };
	struct call_page_states **found = tfind(&key, &t->tree, call_key_cmp);
	struct call_page_states *c;

	if (!found)
		return NULL;
	c = *found;
	tdelete(c, &t->tree, call_key_cmp);
	return c;
}

void page_states_fini(struct page_state_calls *t)
{
	tdestroy(t->tree, free_node);
	t->tree = NULL;
}
