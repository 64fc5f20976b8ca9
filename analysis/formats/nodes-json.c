// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view as one JSON object, for scripts:
 * {"nodes": [{"requested": N or null (a query), "kernel": N or null (no
 * node: a rule made the call a query), "rewritten": bool, "result": N or
 * "-ECODE", "page_size": N, "pages": N, "bytes": N}, ...],
 * "numashim_events": N, "warnings": [...]}; page_size and bytes are null
 * when the trace does not record the page size.
 */
#include "json-writer.h"
#include "output.h"

static void put_node(struct json_writer *w, const char *key, int32_t node)
{
	json_key(w, key);
	if (node == NODE_NONE)
		json_null(w);
	else
		json_int(w, node);
}

/* A size the trace may not tell. */
static void put_size(struct json_writer *w, const char *key, bool known,
		     uint64_t size)
{
	json_key(w, key);
	if (known)
		json_uint(w, size);
	else
		json_null(w);
}

static void put_cell(struct json_writer *w, const struct view_figures *f,
		     size_t i)
{
	const struct node_cell *cell = &f->cells.v[i];
	char name[CODE_NAME_MAX];
	uint64_t bytes;
	bool sized = node_cell_bytes(cell, &bytes);

	json_begin_object(w);
	put_node(w, "requested", cell->requested);
	put_node(w, "kernel", cell->kernel);
	json_member_bool(w, "rewritten", cell->kernel != cell->requested);
	json_key(w, "result");
	if (cell->result >= 0)
		json_int(w, cell->result);
	else
		json_string(w, code_name(cell->result, name, sizeof(name)));
	put_size(w, "page_size", cell->page_size, cell->page_size);
	json_member_uint(w, "pages", cell->pages);
	put_size(w, "bytes", sized, bytes);
	json_end_object(w);
}

void print_nodes_json(FILE *out, const struct view_figures *f)
{
	put_json_view(out, "nodes", f, put_cell);
}
