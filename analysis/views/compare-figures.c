// SPDX-License-Identifier: LGPL-2.1-or-later
/* The figures of a comparison's row, in the order of the summary's JSON. */
#include <inttypes.h>
#include <stdio.h>

#include "compare.h"
#include "output.h"

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

/* A real number, known on a side when its rate is not negative. */
static void reals(struct emitter *e, const char *name, double a, double b)
{
	struct figure f = {
		.name = name, .real = true, .known = { a >= 0, b >= 0 },
		.value = { a, b },
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

/* A latency of a side without calls is not zero but unknown. */
static void latencies(struct emitter *e, const char *name, uint64_t a,
		      uint64_t b)
{
	struct figure f = {
		.name = name, .count = { a, b },
		.known = { e->row->sum[BASELINE].latency.count > 0,
			   e->row->sum[EXPERIMENT].latency.count > 0 },
	};

	e->fn(e->row, &f, e->data);
}

static double mean(const struct histogram *h)
{
	return h->count ? (double) h->sum / (double) h->count : -1;
}

static void latency(struct emitter *e)
{
	const struct histogram *a = &e->row->sum[BASELINE].latency;
	const struct histogram *b = &e->row->sum[EXPERIMENT].latency;
	char name[32];
	size_t q;

	counts(e, "latency_ns.count", a->count, b->count);
	latencies(e, "latency_ns.min", a->min, b->min);
	latencies(e, "latency_ns.max", a->max, b->max);
	counts(e, "latency_ns.sum", a->sum, b->sum);
	for (q = 0; q < sizeof(latency_quantiles) / sizeof(*latency_quantiles);
	     q++) {
		snprintf(name, sizeof(name), "latency_ns.%s",
			 latency_quantiles[q].name);
		latencies(e, name,
			  histogram_quantile(a, latency_quantiles[q].q),
			  histogram_quantile(b, latency_quantiles[q].q));
	}
	reals(e, "latency_ns.mean", mean(a), mean(b));
}

static void pages(struct emitter *e)
{
	const struct summary_row *a = &e->row->sum[BASELINE];
	const struct summary_row *b = &e->row->sum[EXPERIMENT];

	counts(e, "pages.asked", a->asked, b->asked);
	counts(e, "pages.on_target", a->pages.on_target, b->pages.on_target);
	counts(e, "pages.elsewhere", a->pages.elsewhere, b->pages.elsewhere);
	counts(e, "pages.located", a->pages.located, b->pages.located);
	counts(e, "pages.failed", code_counts_total(&a->pages.failed),
	       code_counts_total(&b->pages.failed));
	counts(e, "pages.unknown", a->pages.unknown, b->pages.unknown);
	counts(e, "pages.not_moved", a->not_moved, b->not_moved);
	codes(e, "pages.status", &a->pages.failed, &b->pages.failed);
	counts(e, "pages.injected", code_counts_total(&a->pages.injected),
	       code_counts_total(&b->pages.injected));
	codes(e, "pages.injected_status", &a->pages.injected,
	      &b->pages.injected);
	reals(e, "pages.per_second", pages_per_second(a),
	      pages_per_second(b));
}

void compare_figures(const struct compare_row *row, figure_fn fn, void *data)
{
	const struct summary_row *a = &row->sum[BASELINE];
	const struct summary_row *b = &row->sum[EXPERIMENT];
	struct emitter e = { row, fn, data };

	counts(&e, "processes", row->processes[BASELINE],
	       row->processes[EXPERIMENT]);
	counts(&e, "calls", a->calls, b->calls);
	counts(&e, "failed", code_counts_total(&a->errors),
	       code_counts_total(&b->errors));
	counts(&e, "no_exit", a->no_exit, b->no_exit);
	codes(&e, "errors", &a->errors, &b->errors);
	counts(&e, "injected", code_counts_total(&a->injected),
	       code_counts_total(&b->injected));
	codes(&e, "injected_errors", &a->injected, &b->injected);
	latency(&e);
	if (row->kind == CALL_MOVE_PAGES)
		pages(&e);
	if (row->kind == CALL_MBIND)
		counts(&e, "bytes", a->bytes, b->bytes);
	if (row->kind == CALL_MIGRATE_PAGES)
		counts(&e, "not_moved", a->not_moved, b->not_moved);
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
