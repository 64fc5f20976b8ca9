// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The failures view's document: a row per call kind or page scope and
 * code, the kernel's before the rules', the most frequent first, with
 * what the code means and what to try, and in JSON the call sites it
 * came from and, for the kernel's page failures, what numashim:page_state
 * says of the pages (page-facts.h). Text heads them with the failed
 * calls and pages, the kernel's and the rules', then gives a paragraph
 * per row: what the code means and what to try, and the sites it came
 * from, the first SITES_SHOWN of them and the others summed up in one
 * line.
 */
#include "documents.h"

#define SITES_SHOWN 10

enum {
	CALL, SCOPE, CODE, COUNT, CALLS, INJECTED, MEANING, ADVICE, SITES,
	PAGE_CALLS, REST_COUNT, REST_SITES,
	STATE_PAGES, LEFT_OUT, PRESENT, SWAPPED, EXCLUSIVE, FILE_SHARED,
	SOFT_DIRTY, PFN_KNOWN, MAPPINGS, VM_FLAGS, THP_BACKED, KPAGEFLAGS,
	MAPPED_MORE, PAGEMAP_UNREAD, MAP_UNREAD, KPAGE_UNREAD,
};

/* A page_state count, in JSON only, in the group's page_states object. */
#define STATE_FIELD(name, kind, more_flags, ...)			\
	{ .key = "page_states." name, .type = kind,			\
	  .formats = DOC_IN(JSON), .flags = DOC_OMIT_EMPTY | more_flags, \
	  __VA_ARGS__ }
#define STATE_COLUMN(name, kind) STATE_FIELD(name, kind, 0)
#define STATE_COUNTS(name, names, count)				\
	STATE_FIELD(name, DOC_COUNTS, DOC_SKIP_ZERO, .labels = names,	\
		    .label_count = count)

static const struct doc_column columns[] = {
	[CALL] = { .key = "call", .title = "Call", .class = LAMI_STRING,
		   .type = DOC_STRING, .formats = DOC_IN_ALL },
	[SCOPE] = { .key = "scope", .title = "Scope", .class = LAMI_STRING,
		    .type = DOC_STRING, .formats = DOC_IN_ALL },
	[CODE] = { .key = "code", .title = "Code", .class = LAMI_STRING,
		   .type = DOC_CODE, .formats = DOC_IN_ALL },
	[COUNT] = { .key = "count", .title = "Count", .class = LAMI_NUMBER,
		    .unit = "failures", .type = DOC_UINT,
		    .formats = DOC_IN_ALL },
	[CALLS] = { .key = "calls", .title = "Calls", .class = LAMI_NUMBER,
		    .unit = "calls", .type = DOC_UINT, .formats = DOC_IN_ALL },
	[INJECTED] = { .key = "injected", .title = "Made up by a rule",
		       .class = LAMI_BOOL, .type = DOC_BOOL,
		       .formats = DOC_IN_ALL },
	[MEANING] = { .key = "meaning", .title = "Meaning",
		      .class = LAMI_STRING, .type = DOC_STRING,
		      .formats = DOC_IN_ALL },
	[ADVICE] = { .key = "advice", .title = "Advice", .class = LAMI_STRING,
		     .type = DOC_STRING, .formats = DOC_IN_ALL },
	[SITES] = { .key = "sites", .type = DOC_ROWS, .formats = DOC_IN(JSON) },
	/* Text's: the calls of a page status's, the sites not shown. */
	[PAGE_CALLS] = { .type = DOC_UINT, .formats = DOC_IN(TEXT) },
	[REST_COUNT] = { .type = DOC_UINT, .formats = DOC_IN(TEXT) },
	[REST_SITES] = { .type = DOC_UINT, .formats = DOC_IN(TEXT) },
	[STATE_PAGES] = STATE_COLUMN("pages", DOC_UINT),
	[LEFT_OUT] = STATE_COLUMN("left_out", DOC_UINT),
	[PRESENT] = STATE_COLUMN("present", DOC_UINT),
	[SWAPPED] = STATE_COLUMN("swapped", DOC_UINT),
	[EXCLUSIVE] = STATE_COLUMN("exclusive", DOC_UINT),
	[FILE_SHARED] = STATE_COLUMN("file_shared", DOC_UINT),
	[SOFT_DIRTY] = STATE_COLUMN("soft_dirty", DOC_UINT),
	[PFN_KNOWN] = STATE_COLUMN("pfn_known", DOC_UINT),
	[MAPPINGS] = STATE_COUNTS("mappings", page_mapping_names,
				  NUMASHIM_MAPPING_KINDS),
	[VM_FLAGS] = STATE_COUNTS("vm_flags", page_vm_flag_codes,
				  PAGE_VM_FLAG_BITS),
	[THP_BACKED] = STATE_COLUMN("thp_backed", DOC_UINT),
	[KPAGEFLAGS] = STATE_COUNTS("kpageflags", page_kpageflag_names,
				    PAGE_KPAGEFLAG_COUNT),
	[MAPPED_MORE] = STATE_COLUMN("mapped_more_than_once", DOC_UINT),
	[PAGEMAP_UNREAD] = STATE_COLUMN("pagemap_unreadable", DOC_MAP),
	[MAP_UNREAD] = STATE_COLUMN("smaps_unreadable", DOC_MAP),
	[KPAGE_UNREAD] = STATE_COLUMN("kpage_unreadable", DOC_MAP),
};

/* CSV gives whether a rule made the failures up last. */
static const size_t csv_order[] = {
	CALL, SCOPE, CODE, COUNT, CALLS, MEANING, ADVICE, INJECTED,
};

/* "injected move_pages page status -EFAULT: 3 pages in 1 calls". */
static const struct doc_text_field heading_fields[] = {
	{ .column = DOC_NO_CELL, .before = "\n" },
	{ .column = INJECTED, .before = "injected " },
	{ .column = CALL },
	{ .column = PAGE_CALLS, .flags = DOC_TEXT_WORDS,
	  .before = " page status" },
	{ .column = CODE, .before = " " },
	{ .column = COUNT, .before = ": " },
	{ .column = PAGE_CALLS, .before = " pages in " },
	{ .column = DOC_NO_CELL, .before = " calls" },
};

static const struct doc_text_field text_fields[] = {
	{ .column = MEANING, .flags = DOC_TEXT_WRAP, .before = "  ",
	  .indent = "  " },
	{ .column = ADVICE, .flags = DOC_TEXT_WRAP, .before = "  try: ",
	  .indent = "       " },
	{ .column = MEANING, .flags = DOC_TEXT_IF_EMPTY,
	  .before = "  a code the kernel's documentation does not give here" },
};

static const struct doc_text_field sites_fields[] = {
	{ .column = SITES },
};

static const struct doc_text_field rest_fields[] = {
	{ .column = REST_COUNT, .width = 10, .before = "  ", .after = "  at " },
	{ .column = REST_SITES, .after = " other sites" },
};

static const struct doc_text_line lines[] = {
	{ DOC_FIELDS(heading_fields) },
	{ DOC_FIELDS(text_fields) },
	{ DOC_FIELDS(sites_fields), .flags = DOC_LINE_ROWS },
	{ DOC_FIELDS(rest_fields), .flags = DOC_LINE_ANY },
};

static const struct doc_text text = {
	.sections = &(const struct doc_text_section) {
		.when = DOC_NO_CELL, DOC_LINES(lines),
	},
	.section_count = 1,
};

const struct doc_shape failures_shape = {
	.name = "failures", .title = "Failed calls and pages by code",
	DOC_COLUMNS(columns), DOC_ORDER(CSV, csv_order), .text = &text,
};

/* Text: the kernel's failed calls and pages, then the rules'. */
static const struct doc_text_field kernel_fields[] = {
	{ .column = 0, .before = "numashim failures: ",
	  .after = " failed calls, " },
	{ .column = 1, .after = " failed pages" },
};

static const struct doc_text_field injected_fields[] = {
	{ .column = 2, .before = "made up by rewrite rules: ",
	  .after = " calls, " },
	{ .column = 3, .after = " pages" },
};

static const struct doc_text_line head_lines[] = {
	{ DOC_FIELDS(kernel_fields) },
	{ DOC_FIELDS(injected_fields), .flags = DOC_LINE_ANY },
};

static const struct doc_text head_text = {
	.sections = &(const struct doc_text_section) {
		.when = DOC_NO_CELL, DOC_LINES(head_lines),
	},
	.section_count = 1,
};

static const struct doc_shape head_shape =
	DOC_HEAD_SHAPE("failures", 4, &head_text);

enum { SITE, BINARY, OFFSET, SITE_COUNT };

static const struct doc_column site_columns[] = {
	[SITE] = { .key = "site", .type = DOC_SITE, .formats = DOC_IN(JSON) },
	[BINARY] = { .key = "binary", .type = DOC_STRING,
		     .formats = DOC_IN(JSON) },
	[OFFSET] = { .key = "offset", .type = DOC_UINT,
		     .formats = DOC_IN(JSON) },
	[SITE_COUNT] = { .key = "count", .type = DOC_UINT,
			 .formats = DOC_IN(JSON) },
};

static const struct doc_text_field site_fields[] = {
	{ .column = SITE_COUNT, .width = 10, .before = "  " },
	{ .column = SITE, .before = "  " },
};

static const struct doc_text sites_text = {
	.sections = &(const struct doc_text_section) {
		.when = DOC_NO_CELL, .limit = SITES_SHOWN,
		.lines = &(const struct doc_text_line) {
			DOC_FIELDS(site_fields)
		},
		.line_count = 1,
	},
	.section_count = 1,
};

static const struct doc_shape sites_shape = {
	.name = "sites", DOC_COLUMNS(site_columns), .text = &sites_text,
};

/* The sites in JSON; in text, the first ones and the rest's sum. */
static int put_sites(struct document *d, struct doc_cell *c,
		     const struct failure_group *g)
{
	struct doc_table *t = doc_table_new(d, &sites_shape, g->site_count);
	uint64_t rest = 0;
	size_t i;

	if (!t)
		return -1;
	for (i = 0; i < g->site_count; i++) {
		struct doc_cell *row = doc_row(t, i);

		row[SITE] = doc_site(g->sites[i].site);
		row[BINARY] = doc_string(g->sites[i].site->path);
		row[OFFSET] = doc_uint(g->sites[i].site->offset);
		row[SITE_COUNT] = doc_uint(g->sites[i].count);
		if (i >= SITES_SHOWN)
			rest += g->sites[i].count;
	}
	c[SITES] = doc_rows(t);
	if (rest) {
		c[REST_COUNT] = doc_uint(rest);
		c[REST_SITES] = doc_uint(g->site_count - SITES_SHOWN);
	}
	return 0;
}

/* What the page_state events say of the group's pages; none: nothing. */
static void put_facts(struct doc_cell *c, const struct page_facts *f)
{
	if (!f)
		return;
	c[STATE_PAGES] = doc_uint(f->pages);
	c[LEFT_OUT] = doc_uint(f->left_out);
	c[PRESENT] = doc_uint(f->present);
	c[SWAPPED] = doc_uint(f->swapped);
	c[EXCLUSIVE] = doc_uint(f->exclusive);
	c[FILE_SHARED] = doc_uint(f->file_shared);
	c[SOFT_DIRTY] = doc_uint(f->soft_dirty);
	c[PFN_KNOWN] = doc_uint(f->pfn_known);
	c[MAPPINGS] = doc_counts(f->mappings, 1);
	c[VM_FLAGS] = doc_counts(f->vm_flags, 1);
	c[THP_BACKED] = doc_uint(f->thp_backed);
	c[KPAGEFLAGS] = doc_counts(f->kpageflags, 1);
	c[MAPPED_MORE] = doc_uint(f->mapped_more_than_once);
	c[PAGEMAP_UNREAD] = doc_codes(&f->pagemap_unread);
	c[MAP_UNREAD] = doc_codes(&f->map_unread);
	c[KPAGE_UNREAD] = doc_codes(&f->kpage_unread);
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t i)
{
	const struct failure_group *g =
		((const struct view_figures *) src)->groups[i];
	const struct numashim_code_text *code_text = failure_text(g);

	c[CALL] = doc_string(failure_scope_calls[g->scope]);
	c[SCOPE] = doc_string(g->scope == NUMASHIM_SCOPE_PAGE ? "page" :
			      "call");
	c[CODE] = doc_code(failure_code(g));
	c[COUNT] = doc_uint(g->count);
	c[CALLS] = doc_uint(g->calls);
	c[INJECTED] = doc_bool(g->injected);
	if (code_text) {
		c[MEANING] = doc_string(code_text->meaning);
		c[ADVICE] = doc_string(code_text->advice);
	}
	if (g->scope == NUMASHIM_SCOPE_PAGE)
		c[PAGE_CALLS] = doc_uint(g->calls);
	put_facts(c, g->facts);
	return put_sites(d, c, g);
}

/* The failures the kernel made and those the rules made up. */
static int put_head(struct document *d, const struct view_figures *f)
{
	/* The kernel's calls and pages, then the rules'. */
	uint64_t counts[4] = { 0 };
	const struct failure_group *g;
	struct doc_table *head;
	size_t i;

	for (i = 0; i < f->count; i++) {
		g = f->groups[i];
		counts[2 * g->injected + (g->scope == NUMASHIM_SCOPE_PAGE)] +=
			g->count;
	}
	head = doc_head_add(d, &head_shape, counts);
	if (!head)
		return -1;
	/* Without failures made up, no line of them. */
	if (!counts[2] && !counts[3])
		doc_row(head, 0)[2] = doc_row(head, 0)[3] = doc_empty;
	return 0;
}

int failures_document(struct document *d, const struct view_figures *f)
{
	return put_head(d, f) ||
	       doc_table_fill(d, &failures_shape, f->count, put_row, f);
}
