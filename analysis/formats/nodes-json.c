// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view as one JSON object, for scripts:
 * {"nodes": [{"requested": N or null (a query), "kernel": N or null (no
 * node: a rule made the call a query), "rewritten": bool, "result": N or
 * "-ECODE", "page_size": N, "pages": N, "bytes": N}, ...],
 * "numashim_events": N, "warnings": [...]}; page_size and bytes are null
 * when the trace does not record the page size.
 */
#include <inttypes.h>

#include "output.h"

static void put_node(FILE *out, const char *key, int32_t node)
{
	if (node == NODE_NONE)
		fprintf(out, "\"%s\": null", key);
	else
		fprintf(out, "\"%s\": %" PRId32, key, node);
}

/* A size the trace may not tell. */
static void put_json_size(FILE *out, bool known, uint64_t size)
{
	if (known)
		fprintf(out, "%" PRIu64, size);
	else
		fputs("null", out);
}

static void put_cell(FILE *out, const struct node_cell *cell)
{
	char name[CODE_NAME_MAX];
	uint64_t bytes;
	bool sized = node_cell_bytes(cell, &bytes);

	fputc('{', out);
	put_node(out, "requested", cell->requested);
	fputs(", ", out);
	put_node(out, "kernel", cell->kernel);
	fprintf(out, ", \"rewritten\": %s, \"result\": ",
		cell->kernel != cell->requested ? "true" : "false");
	if (cell->result >= 0)
		fprintf(out, "%" PRId32, cell->result);
	else
		put_json_string(out, code_name(cell->result, name,
					       sizeof(name)));
	fputs(", \"page_size\": ", out);
	put_json_size(out, cell->page_size, cell->page_size);
	fprintf(out, ", \"pages\": %" PRIu64 ", \"bytes\": ", cell->pages);
	put_json_size(out, sized, bytes);
	fputc('}', out);
}

void print_nodes_json(FILE *out, const struct views *v,
		      const struct node_cells *cells)
{
	size_t i;

	fputs("{\"nodes\": [", out);
	for (i = 0; i < cells->len; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		put_cell(out, &cells->v[i]);
	}
	put_json_view_end(out, &v->summary);
}
