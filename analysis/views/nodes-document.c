// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view's document: a row per requested node, kernel node,
 * result and page size, with the pages and bytes. JSON and CSV give the
 * result, a node or a status code, in one column; LAMI, whose columns
 * are of one class each, in two.
 */
#include "documents.h"

enum {
	REQUESTED, KERNEL, REWRITTEN, RESULT, RESULT_NODE, STATUS, PAGE_SIZE,
	PAGES, BYTES,
};

static const struct doc_column columns[] = {
	[REQUESTED] = { .key = "requested", .title = "Requested node",
			.class = LAMI_NUMBER, .type = DOC_INT,
			.formats = DOC_IN_ALL },
	[KERNEL] = { .key = "kernel", .title = "Kernel node",
		     .class = LAMI_NUMBER, .type = DOC_INT,
		     .formats = DOC_IN_ALL },
	[REWRITTEN] = { .key = "rewritten", .title = "Rewritten",
			.class = LAMI_BOOL, .type = DOC_BOOL,
			.formats = DOC_IN_ALL },
	[RESULT] = { .key = "result", .type = DOC_INT,
		     .formats = DOC_IN(JSON) | DOC_IN(CSV) },
	[RESULT_NODE] = { .title = "Resulting node", .class = LAMI_NUMBER,
			  .type = DOC_INT, .formats = DOC_IN(LAMI) },
	[STATUS] = { .title = "Status", .class = LAMI_STRING,
		     .type = DOC_CODE, .formats = DOC_IN(LAMI) },
	[PAGE_SIZE] = { .key = "page_size", .title = "Page size",
			.class = LAMI_SIZE, .type = DOC_UINT,
			.formats = DOC_IN_ALL },
	[PAGES] = { .key = "pages", .title = "Pages", .class = LAMI_NUMBER,
		    .unit = "pages", .type = DOC_UINT, .formats = DOC_IN_ALL },
	[BYTES] = { .key = "bytes", .title = "Bytes", .class = LAMI_SIZE,
		    .type = DOC_UINT, .formats = DOC_IN_ALL },
};

const struct doc_shape nodes_shape = {
	.name = "nodes",
	.title = "move_pages' pages by requested and resulting node",
	DOC_COLUMNS(columns),
};

static struct doc_cell node(int32_t node)
{
	return node == NODE_NONE ? doc_empty : doc_int(node);
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t i)
{
	const struct node_cell *cell =
		&((const struct view_figures *) src)->cells.v[i];
	uint64_t bytes;

	c[REQUESTED] = node(cell->requested);
	c[KERNEL] = node(cell->kernel);
	c[REWRITTEN] = doc_bool(cell->kernel != cell->requested);
	if (cell->result >= 0)
		c[RESULT] = c[RESULT_NODE] = doc_int(cell->result);
	else
		c[RESULT] = c[STATUS] = doc_code(cell->result);
	if (cell->page_size)
		c[PAGE_SIZE] = doc_uint(cell->page_size);
	c[PAGES] = doc_uint(cell->pages);
	if (node_cell_bytes(cell, &bytes))
		c[BYTES] = doc_uint(bytes);
	(void) d;
	return 0;
}

int nodes_document(struct document *d, const struct view_figures *f)
{
	return doc_table_fill(d, &nodes_shape, f->cells.len, put_row, f);
}
