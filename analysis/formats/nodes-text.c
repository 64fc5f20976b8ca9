// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view for a terminal: two matrices, pages then bytes, with a
 * row per requested node (and node the kernel got, when a rule changed
 * it) and a column per resulting node or error code.
 */
#include <inttypes.h>
#include <stdbool.h>

#include "output.h"

#define COLUMN 9

/* What a matrix shows of the cells of one of its positions. */
struct figure {
	uint64_t pages;
	uint64_t bytes;
	bool sized;		/* every page's size is known */
};

typedef void (*put_figure_fn)(FILE *out, const struct figure *f);

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

static void put_pages(FILE *out, const struct figure *f)
{
	fprintf(out, " %*" PRIu64, COLUMN, f->pages);
}

/* Bytes in binary units, as wide as a column: "512B", "16.0KiB". */
static void put_bytes(FILE *out, const struct figure *f)
{
	static const char *const units[] = {
		"KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
	};
	double size = f->bytes;
	int u = -1;

	if (!f->sized) {
		fprintf(out, " %*s", COLUMN, "?");
		return;
	}
	if (f->bytes < 1024) {
		fprintf(out, " %*" PRIu64 "B", COLUMN - 1, f->bytes);
		return;
	}
	for (; size >= 1024 && u < 5; u++)
		size /= 1024;
	fprintf(out, " %*.1f%s", COLUMN - 3, size, units[u]);
}

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

static bool same_row(const struct node_cell *a, const struct node_cell *b)
{
	return a->requested == b->requested && a->kernel == b->kernel;
}

/* The figure of cells[*i..] at result, the cells of all page sizes. */
static struct figure take(const struct node_cells *cells, size_t *i,
			  const struct node_cell *row, int32_t result)
{
	struct figure f = { .sized = true };
	uint64_t bytes;

	for (; *i < cells->len && same_row(&cells->v[*i], row) &&
	       cells->v[*i].result == result; ++*i) {
		f.pages += cells->v[*i].pages;
		f.sized &= node_cell_bytes(&cells->v[*i], &bytes);
		f.bytes += bytes;
	}
	return f;
}

/* The row of cells[first..]: the cells of one requested and kernel node. */
static size_t put_row(FILE *out, const struct node_cells *cells, size_t first,
		      const int32_t *columns, size_t count, bool kernel,
		      put_figure_fn put)
{
	const struct node_cell *row = &cells->v[first];
	size_t i = first, c;

	put_node(out, row->requested, "query");
	if (kernel)
		put_node(out, row->kernel, "none");
	for (c = 0; c < count; c++) {
		struct figure f = take(cells, &i, row, columns[c]);

		put(out, &f);
	}
	fputc('\n', out);
	return i;
}

static void put_matrix(FILE *out, const char *title,
		       const struct node_cells *cells, const int32_t *columns,
		       size_t count, put_figure_fn put)
{
	bool kernel = any_cell(cells, rewritten);
	size_t i, c;

	fprintf(out, "\n%s\n %*s", title, COLUMN, "REQUESTED");
	if (kernel)
		fprintf(out, " %*s", COLUMN, "KERNEL");
	for (c = 0; c < count; c++)
		put_result(out, columns[c]);
	fputc('\n', out);
	for (i = 0; i < cells->len;)
		i = put_row(out, cells, i, columns, count, kernel, put);
}

void print_nodes_text(FILE *out, const struct view_figures *f)
{
	const struct views *v = f->v;
	const struct node_cells *cells = &f->cells;
	const int32_t *columns = f->columns;
	size_t count = f->column_count;
	fputs("numashim nodes: move_pages' pages by requested node (rows) and "
	      "resulting node\nor status (columns)\n", out);
	put_matrix(out, "PAGES", cells, columns, count, put_pages);
	if (!any_cell(cells, sized))
		fputs("\nBYTES: the trace does not record the page size\n",
		      out);
	else if (any_cell(cells, unsized))
		put_matrix(out, "BYTES (?: the trace does not record the page "
			   "size)", cells, columns, count, put_bytes);
	else
		put_matrix(out, "BYTES", cells, columns, count, put_bytes);
	if (any_cell(cells, rewritten))
		fputs("\nKERNEL: the node a rewrite rule gave the kernel instead "
		      "of the program's\n", out);
	summary_warnings(&v->summary, put_warning, out);
}
