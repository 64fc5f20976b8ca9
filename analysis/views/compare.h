/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * `numashim report --compare`: the summaries of two sets of traces, a
 * baseline and an experiment, side by side. Process ids differ from one
 * run to the next, so each side's rows are summed by call kind and
 * process name; every figure of the summary is then given for both
 * sides, with their difference.
 */
#ifndef NUMASHIM_COMPARE_H
#define NUMASHIM_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report.h"
#include "summary.h"

enum compare_side { BASELINE, EXPERIMENT, SIDES };

extern const char *const compare_side_names[SIDES];

/* A call kind and process name: its processes' rows, summed per side. */
struct compare_row {
	enum call_kind kind;
	char procname[PROCNAME_MAX];
	uint64_t processes[SIDES];
	struct summary_row sum[SIDES];	/* vpid and tid -1 */
};

struct comparison {
	const struct summary *summary[SIDES];
	const char *const *paths[SIDES];	/* the traces' folders */
	size_t path_count[SIDES];
	void *tree;		/* tsearch(3) tree of the rows */
	struct compare_row **rows;	/* by call kind, then process name */
	size_t count;
};

/*
 * One figure of a row on both sides: a count, or a real number
 * (a mean, a rate). A side may have no value (the latency of no call).
 */
struct figure {
	const char *name;	/* as in the summary's JSON: "latency_ns.p50" */
	bool real;
	bool known[SIDES];
	uint64_t count[SIDES];
	double value[SIDES];
};

/* 0, or -1 when out of memory; the summaries must outlive c. */
int comparison_build(struct comparison *c, const struct summary *baseline,
		     const struct summary *experiment);
void comparison_fini(struct comparison *c);

/* Calls figure(row, f, data) for each figure of row, in a fixed order. */
typedef void (*figure_fn)(const struct compare_row *row,
			  const struct figure *f, void *data);
void compare_figures(const struct compare_row *row, figure_fn fn, void *data);

/* The calls of a side, all rows together. */
uint64_t comparison_calls(const struct comparison *c, enum compare_side side);

/*
 * A side's value, B - A ("+3", "-1.5") and (B - A) / A, as every format
 * gives them: each false when unknown (A zero, for the last).
 */
bool figure_value(const struct figure *f, enum compare_side side, char *buf,
		  size_t size);
bool figure_difference(const struct figure *f, char *buf, size_t size);
bool figure_relative(const struct figure *f, double *ratio);

/* The option that does not go with --compare; NULL: none. */
const char *compare_conflict(const struct numashim_report_options *options);

#endif /* NUMASHIM_COMPARE_H */
