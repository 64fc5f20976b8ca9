// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The comparison as one JSON object: each side's traces, calls and
 * losses, and a list of figures, each with its call kind, process name,
 * name as in the summary's JSON, both values, their difference and the
 * difference in percent of the baseline's value; null where unknown.
 */
#include <inttypes.h>

#include "compare.h"
#include "output.h"

struct figure_list {
	FILE *out;
	bool first;
};

/* A number as every format prints it, without a JSON-less leading +. */
static void put_number(FILE *out, bool known, const char *text)
{
	if (!known)
		fputs("null", out);
	else
		fputs(text + (*text == '+'), out);
}

static void put_figure(const struct compare_row *row, const struct figure *f,
		       void *data)
{
	struct figure_list *list = data;
	char text[32];
	double ratio;
	FILE *out = list->out;

	fputs(list->first ? "\n  " : ",\n  ", out);
	list->first = false;
	fprintf(out, "{\"call\": \"%s\", \"procname\": ",
		call_kind_names[row->kind]);
	put_json_string(out, row->procname);
	fputs(", \"figure\": ", out);
	put_json_string(out, f->name);
	fputs(", \"baseline\": ", out);
	put_number(out, figure_value(f, BASELINE, text, sizeof(text)), text);
	fputs(", \"experiment\": ", out);
	put_number(out, figure_value(f, EXPERIMENT, text, sizeof(text)), text);
	fputs(", \"difference\": ", out);
	put_number(out, figure_difference(f, text, sizeof(text)), text);
	if (figure_relative(f, &ratio))
		fprintf(out, ", \"percent\": %.1f}", ratio * 100);
	else
		fputs(", \"percent\": null}", out);
}

static void put_side(FILE *out, const struct comparison *c,
		     enum compare_side side)
{
	const struct summary *s = c->summary[side];
	size_t i;

	fprintf(out, "\"%s\": {\"traces\": [", compare_side_names[side]);
	for (i = 0; i < c->path_count[side]; i++) {
		fputs(i ? ", " : "", out);
		put_json_string(out, c->paths[side][i]);
	}
	fprintf(out, "], \"calls\": %" PRIu64 ", \"numashim_events\": %" PRIu64
		", \"discarded_events\": %" PRIu64
		", \"uncounted_discards\": %" PRIu64
		", \"discarded_packets\": %" PRIu64
		", \"calls_without_entry\": %" PRIu64 ", ",
		comparison_calls(c, side), s->numashim_events,
		s->discarded_events, s->uncounted_discards,
		s->discarded_packets, s->calls_without_entry);
	put_json_warnings(out, s);
	fputs("},\n ", out);
}

void print_comparison_json(FILE *out, const struct comparison *c)
{
	struct figure_list list = { out, true };
	size_t i;

	fputc('{', out);
	put_side(out, c, BASELINE);
	put_side(out, c, EXPERIMENT);
	fputs("\"figures\": [", out);
	for (i = 0; i < c->count; i++)
		compare_figures(c->rows[i], put_figure, &list);
	fputs("]}\n", out);
}
