/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The figures of a summary row, once: the name the JSON, the CSV header
 * and --compare give each, the call kinds it applies to, its type and
 * how it is read from a struct summary_row. The summary's document
 * (summary-document.c) and --compare walk this table instead of
 * spelling the figures again.
 */
#ifndef NUMASHIM_SUMMARY_FIGURES_H
#define NUMASHIM_SUMMARY_FIGURES_H

#include <stdbool.h>
#include <stdint.h>

#include "summary.h"

enum summary_figure_type {
	FIGURE_COUNT,
	/* A real number; JSON and CSV print it even when unknown (a mean of
	 * no calls is 0.0 there). */
	FIGURE_REAL,
	/* A real number that JSON gives as null and CSV as an empty cell
	 * when unknown. */
	FIGURE_RATE,
	FIGURE_CODES,	/* counts by code, errno or page status */
};

#define FIGURE_KIND(TAG) (1u << CALL_##TAG)
#define FIGURE_ANY ((1u << CALL_KINDS) - 1)

/* What a row may not tell: a latency without calls, a rate without time. */
#define FIGURE_ALWAYS true
#define FIGURE_TIMED (r->latency.count > 0)
#define LATENCY_QUANTILE(i)						\
	histogram_quantile(&r->latency, latency_quantiles[i])

/*
 * X(ID, name, kinds, csv, type, is_known, val): in the order of the
 * summary's JSON, which --compare follows too; a dot in the name nests
 * the member in an object of JSON. csv is the figure's column in the CSV
 * after call,vpid,tid,procname: the CSV gives the latency in another
 * order and the figures rewrite rules made up last. is_known (whether
 * the row tells the figure) and val are expressions of the row r.
 */
#define SUMMARY_FIGURES(X)						\
	X(CALLS, "calls", FIGURE_ANY, 0, COUNT, FIGURE_ALWAYS, r->calls) \
	X(FAILED, "failed", FIGURE_ANY, 1, COUNT, FIGURE_ALWAYS,	\
	  code_counts_total(&r->errors))				\
	X(NO_EXIT, "no_exit", FIGURE_ANY, 2, COUNT, FIGURE_ALWAYS,	\
	  r->no_exit)							\
	X(ERRORS, "errors", FIGURE_ANY, 3, CODES, FIGURE_ALWAYS, &r->errors) \
	X(INJECTED, "injected", FIGURE_ANY, 23, COUNT, FIGURE_ALWAYS,	\
	  code_counts_total(&r->injected))				\
	X(INJECTED_ERRORS, "injected_errors", FIGURE_ANY, 24, CODES,	\
	  FIGURE_ALWAYS, &r->injected)					\
	X(LATENCY_COUNT, "latency_ns.count", FIGURE_ANY, 4, COUNT,	\
	  FIGURE_ALWAYS, r->latency.count)				\
	X(LATENCY_MIN, "latency_ns.min", FIGURE_ANY, 5, COUNT,		\
	  FIGURE_TIMED, r->latency.min)					\
	X(LATENCY_MAX, "latency_ns.max", FIGURE_ANY, 9, COUNT,		\
	  FIGURE_TIMED, r->latency.max)					\
	X(LATENCY_SUM, "latency_ns.sum", FIGURE_ANY, 10, COUNT,		\
	  FIGURE_ALWAYS, r->latency.sum)				\
	X(LATENCY_P50, "latency_ns.p50", FIGURE_ANY, 6, COUNT,		\
	  FIGURE_TIMED, LATENCY_QUANTILE(0))		\
	X(LATENCY_P90, "latency_ns.p90", FIGURE_ANY, 7, COUNT,		\
	  FIGURE_TIMED, LATENCY_QUANTILE(1))		\
	X(LATENCY_P99, "latency_ns.p99", FIGURE_ANY, 8, COUNT,		\
	  FIGURE_TIMED, LATENCY_QUANTILE(2))		\
	X(LATENCY_MEAN, "latency_ns.mean", FIGURE_ANY, 11, REAL,	\
	  FIGURE_TIMED, latency_mean(&r->latency))			\
	X(PAGES_ASKED, "pages.asked", FIGURE_KIND(MOVE_PAGES), 12, COUNT, \
	  FIGURE_ALWAYS, r->asked)					\
	X(PAGES_ON_TARGET, "pages.on_target", FIGURE_KIND(MOVE_PAGES), 13, \
	  COUNT, FIGURE_ALWAYS, r->pages.on_target)			\
	X(PAGES_ELSEWHERE, "pages.elsewhere", FIGURE_KIND(MOVE_PAGES), 14, \
	  COUNT, FIGURE_ALWAYS, r->pages.elsewhere)			\
	X(PAGES_LOCATED, "pages.located", FIGURE_KIND(MOVE_PAGES), 15,	\
	  COUNT, FIGURE_ALWAYS, r->pages.located)			\
	X(PAGES_FAILED, "pages.failed", FIGURE_KIND(MOVE_PAGES), 16,	\
	  COUNT, FIGURE_ALWAYS, code_counts_total(&r->pages.failed))	\
	X(PAGES_UNKNOWN, "pages.unknown", FIGURE_KIND(MOVE_PAGES), 17,	\
	  COUNT, FIGURE_ALWAYS, r->pages.unknown)			\
	X(PAGES_NOT_MOVED, "pages.not_moved", FIGURE_KIND(MOVE_PAGES), 18, \
	  COUNT, FIGURE_ALWAYS, r->not_moved)				\
	X(PAGES_STATUS, "pages.status", FIGURE_KIND(MOVE_PAGES), 19,	\
	  CODES, FIGURE_ALWAYS, &r->pages.failed)			\
	X(PAGES_INJECTED, "pages.injected", FIGURE_KIND(MOVE_PAGES), 25, \
	  COUNT, FIGURE_ALWAYS, code_counts_total(&r->pages.injected))	\
	X(PAGES_INJECTED_STATUS, "pages.injected_status",		\
	  FIGURE_KIND(MOVE_PAGES), 26, CODES, FIGURE_ALWAYS,		\
	  &r->pages.injected)						\
	X(PAGES_PER_SECOND, "pages.per_second", FIGURE_KIND(MOVE_PAGES), \
	  20, RATE, pages_per_second(r) >= 0, pages_per_second(r))	\
	X(BYTES, "bytes", FIGURE_KIND(MBIND), 21, COUNT, FIGURE_ALWAYS,	\
	  r->bytes)							\
	X(NOT_MOVED, "not_moved", FIGURE_KIND(MIGRATE_PAGES), 22, COUNT, \
	  FIGURE_ALWAYS, r->not_moved)

#define SUMMARY_FIGURE_ID(id, name, kinds, csv, type, is_known, val)	\
	SUMMARY_FIGURE_##id,

enum summary_figure_id {
	SUMMARY_FIGURES(SUMMARY_FIGURE_ID)
	SUMMARY_FIGURE_COUNT,
};

/* A figure's value in a row. */
struct summary_value {
	bool known;
	uint64_t count;			/* FIGURE_COUNT */
	double real;			/* FIGURE_REAL, FIGURE_RATE */
	const struct code_counts *codes;	/* FIGURE_CODES */
};

struct summary_figure {
	const char *name;	/* "latency_ns.p50": member p50 of latency_ns */
	unsigned int kinds;	/* FIGURE_KIND bits of the calls it applies to */
	enum summary_figure_type type;
	void (*get)(const struct summary_row *r, struct summary_value *v);
};

/* In the order of the JSON. */
extern const struct summary_figure summary_figures[SUMMARY_FIGURE_COUNT];

static inline bool summary_figure_applies(const struct summary_figure *f,
					  enum call_kind kind)
{
	return f->kinds & (1u << kind);
}

/* The mean latency; 0 for no calls. */
double latency_mean(const struct histogram *h);

#endif /* NUMASHIM_SUMMARY_FIGURES_H */
