// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view's document: a row per requested node, kernel node,
 * result and page size, with the pages and bytes. JSON and CSV give the
 * result, a node or a status code, in one column; LAMI, whose columns
 * are of one class each, in two. Text gives two matrices of a table
 * of its own, pages then bytes, with a row per requested node (and
 * kernel node, when a rule changed one) and a column per result.
 */
#include <inttypes.h>
#include <stdio.h>

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

static bool rewritten(const struct node_cell *cell)
{
	return cell->kernel != cell->requested;
}

static bool sized(const struct node_cell *cell)
{
	return cell->page_size;
}

static bool unsized(const struct node_cell *cell)
{
	return !cell->page_size;
}

static bool any_cell(const struct node_cells *cells,
		     bool (*is)(const struct node_cell *cell))
{
	size_t i;

	for (i = 0; i < cells->len; i++)
		if (is(&cells->v[i]))
			return true;
	return false;
}

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
	c[REWRITTEN] = doc_bool(rewritten(cell));
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

/*
 * Text's matrices: their columns are the row's nodes, then the pages
 * and the bytes of each result of the trace's, which head them.
 */
enum { MATRIX_REQUESTED, MATRIX_KERNEL, MATRIX_RESULTS };

#define MATRIX_WIDTH 9

static const struct doc_text_field node_fields[] = {
	[MATRIX_REQUESTED] = { .column = MATRIX_REQUESTED,
			       .head = "REQUESTED", .width = MATRIX_WIDTH,
			       .before = " ", .empty = "query" },
	[MATRIX_KERNEL] = { .column = MATRIX_KERNEL, .head = "KERNEL",
			    .width = MATRIX_WIDTH, .before = " ",
			    .empty = "none" },
};

/* The sections of the matrices, as the cells say. */
enum {
	TEXT_INTRO, TEXT_PAGES, TEXT_BYTES, TEXT_BYTES_UNSIZED,
	TEXT_BYTES_NONE, TEXT_KERNEL, TEXT_SECTIONS,
};

#define MATRIX_SECTION(heading_) {					\
	.heading = "\n" heading_ "\n", .heads = true, .always = true,	\
	.when = DOC_NO_CELL, .line_count = 1,				\
}
#define NOTE_SECTION(heading_) {					\
	.heading = heading_, .always = true, .when = DOC_NO_CELL,	\
}
static const struct doc_text_section sections[TEXT_SECTIONS] = {
	[TEXT_INTRO] = NOTE_SECTION("numashim nodes: move_pages' pages by "
				    "requested node (rows) and resulting "
				    "node\nor status (columns)\n"),
	[TEXT_PAGES] = MATRIX_SECTION("PAGES"),
	[TEXT_BYTES] = MATRIX_SECTION("BYTES"),
	[TEXT_BYTES_UNSIZED] = MATRIX_SECTION("BYTES (?: the trace does not "
					      "record the page size)"),
	[TEXT_BYTES_NONE] = NOTE_SECTION("\nBYTES: the trace does not record "
					 "the page size\n"),
	[TEXT_KERNEL] = NOTE_SECTION("\nKERNEL: the node a rewrite rule gave "
				     "the kernel instead of the program's\n"),
};
#undef MATRIX_SECTION
#undef NOTE_SECTION

static bool same_row(const struct node_cell *a, const struct node_cell *b)
{
	return a->requested == b->requested && a->kernel == b->kernel;
}

/*
 * The matrices' row of the cells from first on, those of one requested
 * and kernel node, each result's of all the page sizes; returns the
 * first cell of the next row.
 */
static size_t put_matrix_row(struct doc_cell *c, const struct view_figures *f,
			     size_t first)
{
	const struct node_cells *cells = &f->cells;
	const struct node_cell *row = &cells->v[first];
	uint64_t pages, bytes, cell_bytes;
	size_t i = first, r;
	bool sized;

	c[MATRIX_REQUESTED] = node(row->requested);
	c[MATRIX_KERNEL] = node(row->kernel);
	for (r = 0; r < f->column_count; r++) {
		pages = bytes = 0;
		sized = true;
		for (; i < cells->len && same_row(&cells->v[i], row) &&
		       cells->v[i].result == f->columns[r]; i++) {
			pages += cells->v[i].pages;
			sized &= node_cell_bytes(&cells->v[i], &cell_bytes);
			bytes += cell_bytes;
		}
		c[MATRIX_RESULTS + 2 * r] = doc_uint(pages);
		if (sized)
			c[MATRIX_RESULTS + 2 * r + 1] = doc_uint(bytes);
	}
	return i;
}

/* The heads of the results' columns: a node, or a status's name. */
static const char *result_head(struct document *d, int32_t result)
{
	char *head = doc_alloc(d, CODE_NAME_MAX, 1);

	if (!head)
		return NULL;
	if (result >= 0)
		snprintf(head, CODE_NAME_MAX, "%" PRId32, result);
	else
		code_name(result, head, CODE_NAME_MAX);
	return head;
}

/*
 * A matrix's line: the requested node, the kernel's when a rule changed
 * one, and the results' pages (figure 0) or bytes (1).
 */
static struct doc_text_line *matrix_line(struct document *d,
					 const struct view_figures *f,
					 bool kernel, size_t figure)
{
	struct doc_text_line *line = doc_alloc(d, 1, sizeof(*line));
	struct doc_text_field *fields =
		doc_alloc(d, MATRIX_RESULTS + f->column_count,
			  sizeof(*fields));
	size_t r, n = 0;

	if (!line || !fields)
		return NULL;
	fields[n++] = node_fields[MATRIX_REQUESTED];
	if (kernel)
		fields[n++] = node_fields[MATRIX_KERNEL];
	for (r = 0; r < f->column_count; r++, n++) {
		fields[n] = (struct doc_text_field) {
			.column = MATRIX_RESULTS + 2 * r + figure,
			.head = result_head(d, f->columns[r]),
			.width = MATRIX_WIDTH, .before = " ",
			.flags = figure ? DOC_TEXT_BYTES : 0,
			.empty = figure ? "?" : NULL,
		};
		if (!fields[n].head)
			return NULL;
	}
	line->fields = fields;
	line->field_count = n;
	return line;
}

/* The sections of the matrices, as the cells say, in text. */
static struct doc_text *matrix_text(struct document *d,
				    const struct view_figures *f)
{
	const bool kernel = any_cell(&f->cells, rewritten);
	struct doc_text *text = doc_alloc(d, 1, sizeof(*text));
	struct doc_text_section *s = doc_alloc(d, TEXT_SECTIONS, sizeof(*s));
	size_t n = 0;

	if (!text || !s)
		return NULL;
	s[n++] = sections[TEXT_INTRO];
	s[n] = sections[TEXT_PAGES];
	if (!(s[n++].lines = matrix_line(d, f, kernel, 0)))
		return NULL;
	if (!any_cell(&f->cells, sized)) {
		s[n++] = sections[TEXT_BYTES_NONE];
	} else {
		s[n] = sections[any_cell(&f->cells, unsized) ?
				TEXT_BYTES_UNSIZED : TEXT_BYTES];
		if (!(s[n++].lines = matrix_line(d, f, kernel, 1)))
			return NULL;
	}
	if (kernel)
		s[n++] = sections[TEXT_KERNEL];
	text->sections = s;
	text->section_count = n;
	return text;
}

/* Text's table of the matrices, of a shape of the trace's results. */
static int put_matrices(struct document *d, const struct view_figures *f)
{
	const size_t column_count = MATRIX_RESULTS + 2 * f->column_count;
	struct doc_shape *shape = doc_alloc(d, 1, sizeof(*shape));
	struct doc_column *cols = doc_alloc(d, column_count, sizeof(*cols));
	struct doc_table *t;
	size_t i, c;

	if (!shape || !cols)
		return -1;
	for (c = 0; c < column_count; c++)
		cols[c] = (struct doc_column) {
			.type = c < MATRIX_RESULTS ? DOC_INT : DOC_UINT,
			.formats = DOC_IN(TEXT),
		};
	*shape = (struct doc_shape) {
		.name = "nodes", .columns = cols,
		.column_count = column_count, .formats = DOC_IN(TEXT),
		.text = matrix_text(d, f),
	};
	t = shape->text ? doc_table_add(d, shape, f->cells.len) : NULL;
	if (!t)
		return -1;
	for (i = 0, t->row_count = 0; i < f->cells.len; t->row_count++)
		i = put_matrix_row(doc_row(t, t->row_count), f, i);
	return 0;
}

/*
 * What mbind and migrate_pages moved, as numashim:placement measured it
 * (--verify-placement): a row per call kind and node; a table only in
 * the documents of traces that have placements.
 */
enum { PLACED_CALL, PLACED_NODE, PLACED_IN, PLACED_OUT };

static const struct doc_column placed_columns[] = {
	[PLACED_CALL] = { .key = "call", .title = "Call", .class = LAMI_STRING,
			  .type = DOC_STRING, .formats = DOC_IN_ALL },
	[PLACED_NODE] = { .key = "node", .title = "Node", .class = LAMI_NUMBER,
			  .type = DOC_INT, .formats = DOC_IN_ALL },
	[PLACED_IN] = { .key = "moved_in", .title = "Pages moved in",
			.class = LAMI_NUMBER, .unit = "pages",
			.type = DOC_UINT, .formats = DOC_IN_ALL },
	[PLACED_OUT] = { .key = "moved_out", .title = "Pages moved out",
			 .class = LAMI_NUMBER, .unit = "pages",
			 .type = DOC_UINT, .formats = DOC_IN_ALL },
};

static const struct doc_text_field placed_fields[] = {
	{ .column = PLACED_CALL, .head = "call", .width = -14 },
	{ .column = PLACED_NODE, .head = "node", .width = 5, .before = " " },
	{ .column = PLACED_IN, .head = "moved in", .width = 10,
	  .before = " " },
	{ .column = PLACED_OUT, .head = "moved out", .width = 10,
	  .before = " " },
};

static const struct doc_text placed_text = {
	.sections = &(const struct doc_text_section) {
		.heading = "\nPAGES MOVED BY mbind AND migrate_pages, AS "
			   "MEASURED (numashim:placement)\n",
		.heads = true, .when = DOC_NO_CELL,
		.lines = &(const struct doc_text_line) {
			DOC_FIELDS(placed_fields)
		},
		.line_count = 1,
	},
	.section_count = 1,
};

static const struct doc_shape placed_shape = {
	.name = "placed",
	.title = "Pages mbind and migrate_pages moved, by node, as measured",
	DOC_COLUMNS(placed_columns), .text = &placed_text,
};

static int put_placed(struct document *d, struct doc_cell *c,
		      const void *src, size_t i)
{
	const struct placed_node *n = &((const struct placed_moves *) src)->v[i];

	c[PLACED_CALL] = doc_string(call_kind_names[n->kind]);
	c[PLACED_NODE] = doc_int(n->node);
	c[PLACED_IN] = doc_uint(n->moved_in);
	c[PLACED_OUT] = doc_uint(n->moved_out);
	(void) d;
	return 0;
}

int nodes_document(struct document *d, const struct view_figures *f)
{
	const struct placed_moves *placed = &f->v->placed;

	return doc_table_fill(d, &nodes_shape, f->cells.len, put_row, f) ||
	       put_matrices(d, f) ||
	       (placed->calls[0] + placed->calls[1] &&
		doc_table_fill(d, &placed_shape, placed->len, put_placed,
			       placed));
}
