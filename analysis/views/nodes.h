/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The nodes view's figures: move_pages' pages by the node the program
 * asked for, the node the kernel was asked for when a rewrite rule
 * changed it, and where the page ended up (its status: a node, or a
 * negative error code), with the page size of the process that asked.
 * A cell per combination that occurred: a trace holds few nodes, codes
 * and page sizes, so the matrix stays small however long it is.
 */
#ifndef NUMASHIM_NODES_H
#define NUMASHIM_NODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The requested node of a query's page (nodes NULL): none was asked. */
#define NODE_NONE (-1)

struct node_cell {
	int32_t requested;	/* the program's; NODE_NONE for a query */
	int32_t kernel;		/* the kernel's: a rule's, else requested */
	int32_t result;		/* the page's status */
	uint32_t page_size;	/* bytes; 0: the trace does not record it */
	uint64_t pages;
};

struct node_cells {
	struct node_cell *v;
	size_t len;
	size_t cap;
};

/* Both return 0, or -1 when out of memory. */
int node_cells_add(struct node_cells *cells, const struct node_cell *cell);
int node_cells_merge(struct node_cells *dst, const struct node_cells *src);

/* The bytes of the cell's pages; false when its page size is unknown. */
bool node_cell_bytes(const struct node_cell *cell, uint64_t *bytes);

/*
 * Sorted by requested, kernel, result (node_result_cmp), then page size:
 * the cells of one matrix cell, which differ by page size only, follow
 * each other.
 */
void node_cells_sort(struct node_cells *cells);

/* Results in order: nodes by number, then codes by errno. */
int node_result_cmp(const void *a, const void *b);

/* The distinct results of the cells, in order; free(); NULL: no memory. */
int32_t *node_cells_results(const struct node_cells *cells, size_t *count);

void node_cells_fini(struct node_cells *cells);

/*
 * What mbind with a move and migrate_pages really moved, as their
 * numashim:placement events measured it: per call kind and node, the
 * pages moved there and moved away (placement.h), and the calls.
 */
struct placed_node {
	int kind;		/* enum call_kind */
	int32_t node;
	uint64_t moved_in;
	uint64_t moved_out;
};

struct placed_moves {
	struct placed_node *v;	/* by kind, then node */
	size_t len;
	uint64_t calls[2];	/* with a placement: mbind's, migrate_pages' */
};

struct call_placement;

/* The moves of a call of kind; 0, or -1 when out of memory. */
int placed_moves_add(struct placed_moves *m, int kind,
		     const struct call_placement *p);
void placed_moves_fini(struct placed_moves *m);

#endif /* NUMASHIM_NODES_H */
