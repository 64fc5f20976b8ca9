// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The comparison as one JSON object: each side's traces, calls and
 * losses, and a list of figures, each with its call kind, process name,
 * name as in the summary's JSON, both values, their difference and the
 * difference in percent of the baseline's value; null where unknown.
 */
#include "compare.h"
#include "json-writer.h"
#include "output.h"

/* A number as every format prints it, without a JSON-less leading +. */
static void put_number(struct json_writer *w, const char *key, bool known,
		       const char *text)
{
	json_key(w, key);
	if (!known)
		json_null(w);
	else
		json_literal(w, text + (*text == '+'));
}

static void put_figure(const struct compare_row *row, const struct figure *f,
		       void *data)
{
	struct json_writer *w = data;
	char text[32];
	double ratio;

	json_break(w, 2);
	json_begin_object(w);
	json_member_string(w, "call", call_kind_names[row->kind]);
	json_member_string(w, "procname", row->procname);
	json_member_string(w, "figure", f->name);
	put_number(w, "baseline",
		   figure_value(f, BASELINE, text, sizeof(text)), text);
	put_number(w, "experiment",
		   figure_value(f, EXPERIMENT, text, sizeof(text)), text);
	put_number(w, "difference",
		   figure_difference(f, text, sizeof(text)), text);
	json_key(w, "percent");
	if (figure_relative(f, &ratio))
		json_real(w, 1, ratio * 100);
	else
		json_null(w);
	json_end_object(w);
}

static void put_side(struct json_writer *w, const struct comparison *c,
		     enum compare_side side)
{
	size_t i;

	json_key(w, compare_side_names[side]);
	json_begin_object(w);
	json_key(w, "traces");
	json_begin_array(w);
	for (i = 0; i < c->path_count[side]; i++)
		json_string(w, c->paths[side][i]);
	json_end_array(w);
	json_member_uint(w, "calls", comparison_calls(c, side));
	put_json_losses(w, c->summary[side]);
	put_json_warnings(w, c->summary[side]);
	json_end_object(w);
	json_break(w, 1);
}

void print_comparison_json(FILE *out, const struct comparison *c)
{
	struct json_writer w;
	size_t i;

	json_init(&w, out);
	json_begin_object(&w);
	put_side(&w, c, BASELINE);
	put_side(&w, c, EXPERIMENT);
	json_key(&w, "figures");
	json_begin_array(&w);
	for (i = 0; i < c->count; i++)
		compare_figures(c->rows[i], put_figure, &w);
	json_end_array(&w);
	json_end_object(&w);
}
