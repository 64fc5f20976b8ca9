// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>
#include <string.h>

#include "nodes.h"
#include "placement.h"
#include "summary.h"
#include "tree.h"

static bool same_cell(const struct node_cell *a, const struct node_cell *b)
{
	return a->requested == b->requested && a->kernel == b->kernel &&
	       a->result == b->result && a->page_size == b->page_size;
}

int node_cells_add(struct node_cells *cells, const struct node_cell *cell)
{
	struct node_cell *v;
	size_t i, cap;

	/* Pages come in runs of one cell: the last one is tried first. */
	for (i = cells->len; i-- > 0;) {
		if (same_cell(&cells->v[i], cell)) {
			cells->v[i].pages += cell->pages;
			return 0;
		}
	}
	if (cells->len == cells->cap) {
		cap = cells->cap ? 2 * cells->cap : 4;
		v = realloc(cells->v, cap * sizeof(*v));
		if (!v)
			return -1;
		cells->v = v;
		cells->cap = cap;
	}
	cells->v[cells->len++] = *cell;
	return 0;
}

int node_cells_merge(struct node_cells *dst, const struct node_cells *src)
{
	size_t i;

	for (i = 0; i < src->len; i++)
		if (node_cells_add(dst, &src->v[i]))
			return -1;
	return 0;
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

int node_result_cmp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *) a, y = *(const int32_t *) b;

	if ((x < 0) != (y < 0))
		return x < 0 ? 1 : -1;
	return x < 0 ? CMP(-x, -y) : CMP(x, y);
}

static int cell_cmp(const void *a, const void *b)
{
	const struct node_cell *x = a, *y = b;

	if (x->requested != y->requested)
		return CMP(x->requested, y->requested);
	if (x->kernel != y->kernel)
		return CMP(x->kernel, y->kernel);
	if (x->result != y->result)
		return node_result_cmp(&x->result, &y->result);
	return CMP(x->page_size, y->page_size);
}

bool node_cell_bytes(const struct node_cell *cell, uint64_t *bytes)
{
	*bytes = cell->pages * cell->page_size;
	return cell->page_size;
}

void node_cells_sort(struct node_cells *cells)
{
	sort_items(cells->v, cells->len, sizeof(*cells->v), cell_cmp);
}

/* The distinct results of the cells, in order; free(); NULL: no memory. */
int32_t *node_cells_results(const struct node_cells *cells, size_t *count)
{
	int32_t *v = malloc((cells->len + 1) * sizeof(*v));
	size_t i, n = 0;

	if (!v)
		return NULL;
	for (i = 0; i < cells->len; i++)
		v[i] = cells->v[i].result;
	qsort(v, cells->len, sizeof(*v), node_result_cmp);
	for (i = 0; i < cells->len; i++)
		if (!n || v[n - 1] != v[i])
			v[n++] = v[i];
	*count = n;
	return v;
}

void node_cells_fini(struct node_cells *cells)
{
	free(cells->v);
	*cells = (struct node_cells) { 0 };
}

/* The entry of kind and node, kept in order, added when new; NULL: no memory. */
static struct placed_node *placed_node(struct placed_moves *m, int kind,
				       int32_t node)
{
	struct placed_node *v;
	size_t i;

	for (i = 0; i < m->len && (m->v[i].kind < kind ||
				   (m->v[i].kind == kind &&
				    m->v[i].node < node)); i++)
		;
	if (i < m->len && m->v[i].kind == kind && m->v[i].node == node)
		return &m->v[i];
	v = realloc(m->v, (m->len + 1) * sizeof(*v));
	if (!v)
		return NULL;
	m->v = v;
	memmove(&v[i + 1], &v[i], (m->len - i) * sizeof(*v));
	v[i] = (struct placed_node) { .kind = kind, .node = node };
	m->len++;
	return &v[i];
}

int placed_moves_add(struct placed_moves *m, int kind,
		     const struct call_placement *p)
{
	struct placed_node *n;
	uint64_t in, out;
	size_t i;

	m->calls[kind != CALL_MBIND]++;
	for (i = 0; i < p->len; i++) {
		in = placement_moved_to(p, i);
		out = placement_moved_from(p, i);
		if (!in && !out)
			continue;
		n = placed_node(m, kind, p->nodes[i]);
		if (!n)
			return -1;
		n->moved_in += in;
		n->moved_out += out;
	}
	return 0;
}

void placed_moves_fini(struct placed_moves *m)
{
	free(m->v);
	*m = (struct placed_moves) { NULL };
}
