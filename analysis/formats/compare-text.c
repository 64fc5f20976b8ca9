// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The comparison for a terminal: a block per call kind and process name,
 * a line per figure with the baseline's value, the experiment's, their
 * difference and how much that is of the baseline's.
 */
#include <inttypes.h>
#include <string.h>

#include "compare.h"
#include "output.h"

#define LABEL_WIDTH 24
#define FIGURE_COLUMNS " %11s %12s %12s %9s\n"

static void put_side(FILE *out, const struct comparison *c,
		     enum compare_side side)
{
	size_t i;

	fprintf(out, "%s: ", compare_side_names[side]);
	for (i = 0; i < c->path_count[side]; i++) {
		fputs(i ? ", " : "", out);
		put_escaped(out, c->paths[side][i], 0);
	}
	fprintf(out, " (%" PRIu64 " calls)\n", comparison_calls(c, side));
}

static void put_figure(const struct compare_row *row, const struct figure *f,
		       void *data)
{
	char value[SIDES][32], difference[32] = "-", relative[32] = "-";
	enum compare_side side;
	double ratio;
	FILE *out = data;

	(void) row;
	for (side = 0; side < SIDES; side++)
		if (!figure_value(f, side, value[side], sizeof(value[side])))
			strcpy(value[side], "-");
	figure_difference(f, difference, sizeof(difference));
	if (figure_relative(f, &ratio))
		snprintf(relative, sizeof(relative), "%+.1f%%", ratio * 100);
	/* A long name has a line of its own. */
	if (strlen(f->name) > LABEL_WIDTH)
		fprintf(out, "  %s\n  %-*s", f->name, LABEL_WIDTH, "");
	else
		fprintf(out, "  %-*s", LABEL_WIDTH, f->name);
	fprintf(out, FIGURE_COLUMNS, value[BASELINE], value[EXPERIMENT],
		difference, relative);
}

static void put_side_warning(enum compare_side side, const char *message,
			     FILE *out)
{
	char first[32], indent[32];
	int width;

	width = snprintf(first, sizeof(first), "%s: warning: ",
			 compare_side_names[side]);
	snprintf(indent, sizeof(indent), "%*s", width, "");
	fputc('\n', out);
	put_wrapped(out, first, indent, message);
}

static void put_baseline_warning(void *out, const char *message)
{
	put_side_warning(BASELINE, message, out);
}

static void put_experiment_warning(void *out, const char *message)
{
	put_side_warning(EXPERIMENT, message, out);
}

void print_comparison_text(FILE *out, const struct comparison *c)
{
	size_t i;

	fputs("numashim comparison of two summaries, per call kind and "
	      "process name\n", out);
	put_side(out, c, BASELINE);
	put_side(out, c, EXPERIMENT);
	fputs("difference: experiment - baseline, relative: difference / "
	      "baseline\n", out);
	fprintf(out, "\n  %-*s" FIGURE_COLUMNS, LABEL_WIDTH, "",
		"baseline", "experiment", "difference", "relative");
	for (i = 0; i < c->count; i++) {
		fprintf(out, "%s ", call_kind_names[c->rows[i]->kind]);
		put_escaped(out, c->rows[i]->procname, 0);
		fputc('\n', out);
		compare_figures(c->rows[i], put_figure, out);
	}
	summary_warnings(c->summary[BASELINE], put_baseline_warning, out);
	summary_warnings(c->summary[EXPERIMENT], put_experiment_warning, out);
}
