// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view for a terminal: a row per requested node (and node the
 * kernel got, when a rule changed it), a column per resulting node or
 * error code, pages in each cell.
 */
#include <inttypes.h>
#include <stdbool.h>

#include "output.h"

#define COLUMN 9

static void put_node(FILE *out, int32_t node, const char *none)
{
	if (node == NODE_NONE)
		fprintf(out, " %*s", COLUMN, none);
	else
		fprintf(out, " %*" PRId32, COLUMN, node);
}

static void put_result(FILE *out, int32_t result)
{
	char name[CODE_NAME_MAX];

	if (result >= 0)
		put_node(out, result, "");
	else
		fprintf(out, " %*s", COLUMN, code_name(result, name,
						       sizeof(name)));
}

static bool any_rewritten(const struct node_cells *cells)
{
	size_t i;

	for (i = 0; i < cells->len; i++)
		if (cells->v[i].kernel != cells->v[i].requested)
			return true;
	return false;
}

/* The row of cells[first..]: the cells of one requested and kernel node. */
static size_t put_row(FILE *out, const struct node_cells *cells, size_t first,
		      const int32_t *columns, size_t count, bool kernel)
{
	const struct node_cell *row = &cells->v[first];
	size_t i = first, c;

	put_node(out, row->requested, "query");
	if (kernel)
		put_node(out, row->kernel, "none");
	for (c = 0; c < count; c++) {
		uint64_t pages = 0;

		if (i < cells->len && cells->v[i].requested == row->requested &&
		    cells->v[i].kernel == row->kernel &&
		    cells->v[i].result == columns[c])
			pages = cells->v[i++].pages;
		fprintf(out, " %*" PRIu64, COLUMN, pages);
	}
	fputc('\n', out);
	return i;
}

void print_nodes_text(FILE *out, const struct views *v,
		      const struct node_cells *cells, const int32_t *columns,
		      size_t count)
{
	bool kernel = any_rewritten(cells);
	size_t i, c;

	fputs("numashim nodes: move_pages' pages by requested node (rows) and "
	      "resulting node\nor status (columns); pages only, as the trace "
	      "does not record the page size\n\n", out);
	fprintf(out, " %*s", COLUMN, "REQUESTED");
	if (kernel)
		fprintf(out, " %*s", COLUMN, "KERNEL");
	for (c = 0; c < count; c++)
		put_result(out, columns[c]);
	fputc('\n', out);
	for (i = 0; i < cells->len;)
		i = put_row(out, cells, i, columns, count, kernel);
	if (kernel)
		fputs("\nKERNEL: the node a rewrite rule gave the kernel instead "
		      "of the program's\n", out);
	summary_warnings(&v->summary, put_warning, out);
}
