// SPDX-License-Identifier: LGPL-2.1-or-later
/* The figures of a comparison's row, in the order of the summary's JSON. */
#include <inttypes.h>
#include <stdio.h>

#include "compare.h"
#include "output.h"
#include "summary-figures.h"

struct emitter {
	const struct compare_row *row;
	figure_fn fn;
	void *data;
};

static void counts(struct emitter *e, const char *name, uint64_t a,
		   uint64_t b)
{
	struct figure f = {
		.name = name, .known = { true, true }, .count = { a, b },
	};

	e->fn(e->row, &f, e->data);
}

/* Counts by code, every code of either side. */
static void codes(struct emitter *e, const char *prefix,
		  const struct code_counts *a, const struct code_counts *b)
{
	char name[64], code_text[CODE_NAME_MAX];
	size_t i = 0, j = 0;
	uint64_t x, y;
	int code;

	while (i < a->len || j < b->len) {
		if (j >= b->len || (i < a->len && a->v[i].code <= b->v[j].code))
			code = a->v[i].code;
		else
			code = b->v[j].code;
		x = i < a->len && a->v[i].code == code ? a->v[i++].count : 0;
		y = j < b->len && b->v[j].code == code ? b->v[j++].count : 0;
		snprintf(name, sizeof(name), "%s.%s", prefix,
			 code_name(code, code_text, sizeof(code_text)));
		counts(e, name, x, y);
	}
}

/* One figure of the summary's table on both sides. */
static void summary_figure(struct emitter *e, const struct summary_figure *sf)
{
	struct summary_value v[SIDES] = { { 0 } };
	struct figure f = { .name = sf->name };
	int side;

	for (side = BASELINE; side <= EXPERIMENT; side++) {
		sf->get(&e->row->sum[side], &v[side]);
		f.known[side] = v[side].known;
		f.count[side] = v[side].count;
		f.value[side] = v[side].real;
	}
	if (sf->type == FIGURE_CODES)
		codes(e, sf->name, v[BASELINE].codes, v[EXPERIMENT].codes);
	else {
		f.real = sf->type != FIGURE_COUNT;
		e->fn(e->row, &f, e->data);
	}
}

void compare_figures(const struct compare_row *row, figure_fn fn, void *data)
{
	struct emitter e = { row, fn, data };
	size_t i;

	counts(&e, "processes", row->processes[BASELINE],
	       row->processes[EXPERIMENT]);
	for (i = 0; i < SUMMARY_FIGURE_COUNT; i++)
		if (summary_figure_applies(&summary_figures[i], row->kind))
			summary_figure(&e, &summary_figures[i]);
}

bool figure_value(const struct figure *f, enum compare_side side, char *buf,
		  size_t size)
{
	if (!f->known[side])
		return false;
	if (f->real)
		snprintf(buf, size, "%.1f", f->value[side]);
	else
		snprintf(buf, size, "%" PRIu64, f->count[side]);
	return true;
}

bool figure_difference(const struct figure *f, char *buf, size_t size)
{
	uint64_t a = f->count[BASELINE], b = f->count[EXPERIMENT];

	if (!f->known[BASELINE] || !f->known[EXPERIMENT])
		return false;
	if (f->real)
		snprintf(buf, size, "%+.1f",
			 f->value[EXPERIMENT] - f->value[BASELINE]);
	else if (a == b)
		snprintf(buf, size, "0");
	else
		snprintf(buf, size, "%c%" PRIu64, b > a ? '+' : '-',
			 b > a ? b - a : a - b);
	return true;
}

bool figure_relative(const struct figure *f, double *ratio)
{
	double a = f->real ? f->value[BASELINE] : (double) f->count[BASELINE];
	double b = f->real ? f->value[EXPERIMENT] :
			     (double) f->count[EXPERIMENT];

	if (!f->known[BASELINE] || !f->known[EXPERIMENT] || !a)
		return false;
	*ratio = (b - a) / a;
	return true;
}
