// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The nodes view as one JSON object, for scripts:
 * {"nodes": [{"requested": N or null (a query), "kernel": N or null (no
 * node: a rule made the call a query), "rewritten": bool, "result": N or
 * "-ECODE", "pages": N}, ...], "page_size": null (the trace does not
 * record it), "numashim_events": N, "warnings": [...]}.
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

static void put_cell(FILE *out, const struct node_cell *cell)
{
	char name[CODE_NAME_MAX];

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
	fprintf(out, ", \"pages\": %" PRIu64 "}", cell->pages);
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
	fprintf(out, "],\n \"page_size\": null,\n \"numashim_events\": %"
		PRIu64 ",\n ", v->summary.numashim_events);
	put_json_warnings(out, &v->summary);
	fputs("}\n", out);
}
