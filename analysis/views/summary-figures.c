// SPDX-License-Identifier: LGPL-2.1-or-later
/* The table of a summary row's figures (summary-figures.h). */
#include "summary-figures.h"

#define SET_COUNT(v, x) ((v)->count = (x))
#define SET_REAL(v, x) ((v)->real = (x))
#define SET_RATE(v, x) ((v)->real = (x))
#define SET_CODES(v, x) ((v)->codes = (x))

#define FIGURE_GETTER(id, name, kinds, csv, type, is_known, val)	\
	static void get_##id(const struct summary_row *r,		\
			     struct summary_value *v)			\
	{								\
		v->known = (is_known);					\
		SET_##type(v, val);					\
	}

SUMMARY_FIGURES(FIGURE_GETTER)

#define FIGURE_ROW(id, name, kinds, csv, type, is_known, val)		\
	[SUMMARY_FIGURE_##id] = { name, kinds, FIGURE_##type, get_##id },

const struct summary_figure summary_figures[SUMMARY_FIGURE_COUNT] = {
	SUMMARY_FIGURES(FIGURE_ROW)
};

double latency_mean(const struct histogram *h)
{
	return h->count ? (double) h->sum / (double) h->count : 0.0;
}
