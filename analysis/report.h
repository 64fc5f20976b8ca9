/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the numashim events of one or more traces say, read with
 * libbabeltrace2 (src.ctf.fs -> utils.muxer -> sink.numashim.report):
 * the library behind `numashim report`, whose command line is
 * cli/report.c, and the sink's options. Link with libreport.la.
 */
#ifndef NUMASHIM_REPORT_H
#define NUMASHIM_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "catalog.h"
#include "filter.h"

enum numashim_report_format {
	NUMASHIM_REPORT_TEXT,
	NUMASHIM_REPORT_JSON,
	NUMASHIM_REPORT_CSV,
	NUMASHIM_REPORT_LAMI,	/* LAMI 1.0's results, for Trace Compass */
	NUMASHIM_REPORT_CHROME,	/* the Trace Event Format, every call */
	NUMASHIM_REPORT_FOLDED,	/* folded stacks, for flame graphs */
	NUMASHIM_REPORT_FORMATS,
};

/*
 * What a folded stack counts (--weight), X(ID, name): each call, its
 * latency in ns, the pages it asked for, its pages the kernel failed.
 */
#define NUMASHIM_REPORT_WEIGHTS(X) \
	X(CALLS, "calls") \
	X(TIME, "time") \
	X(PAGES, "pages") \
	X(FAILED_PAGES, "failed-pages")

#define WEIGHT_ID(ID, name) NUMASHIM_WEIGHT_##ID,
enum numashim_report_weight {
	NUMASHIM_REPORT_WEIGHTS(WEIGHT_ID)
	NUMASHIM_REPORT_WEIGHT_COUNT,
};
#undef WEIGHT_ID

/* The version of LAMI that --format lami speaks, for --mi-version. */
#define NUMASHIM_REPORT_LAMI_VERSION "1.0"

struct numashim_report_options {
	bool per_thread;	/* summary: a row per thread, not per process */
	enum numashim_report_format format;
	enum numashim_report_view view;
	enum numashim_report_weight weight;	/* folded */
	struct call_filter filter;	/* the calls counted */
	const char *html;	/* also write every view there; NULL: not */
	uint64_t limit;		/* lami: rows per table at most; 0: all */
	/* lami: only say whether the traces hold numashim events */
	bool test_compatibility;
	/* The baseline's traces: compare the summaries; NULL: do not. */
	const char *compare;
};

/*
 * The options of `numashim report` that sink.numashim.report takes as
 * parameters too, X(name, getopt's value, <getopt.h>'s has_arg), in two
 * groups: what is shown, and which calls are counted.
 */
#define NUMASHIM_REPORT_SHOW_OPTIONS(X) \
	X("view", 'v', required_argument) \
	X("per-thread", 't', no_argument) \
	X("format", 'f', required_argument) \
	X("weight", 'w', required_argument)
#define NUMASHIM_REPORT_FILTER_OPTIONS(X) \
	X("pid", 'p', required_argument) \
	X("host", 'o', required_argument) \
	X("rank", 'r', required_argument) \
	X("tid", 'T', required_argument) \
	X("procname", 'n', required_argument) \
	X("call", 'c', required_argument) \
	X("begin", 'b', required_argument) \
	X("end", 'e', required_argument) \
	X("min-latency", 'l', required_argument)

/*
 * What the value of the shared option name (of the X-macros' above)
 * must be, in words, built into buf (size bytes) when it is a list;
 * NULL for another option.
 */
const char *numashim_report_option_expected(const char *name, char *buf,
					    size_t size);

/*
 * Returned by numashim_report_summary() when the traces were read whole
 * and hold no numashim event: nothing is printed, and the caller, who
 * knows how the traces were made, says why in its own words.
 */
#define NUMASHIM_REPORT_NO_EVENTS 3

/*
 * Print to out the view options->view of the CTF traces found at or under
 * each of paths[0..count - 1], merged in time order, or with
 * options->compare, their summary against that of the traces under
 * options->compare; explain any error on stderr. The traces are read in
 * the calling process, which a damaged trace may abort or hold forever.
 * Returns 0; NUMASHIM_REPORT_NO_EVENTS; or 1 when a path holds no trace
 * or a trace could not be read (to its end: what was read is printed,
 * with a warning).
 */
int numashim_report_summary(FILE *out, const char *const *paths, size_t count,
			    const struct numashim_report_options *options);

/* Write paths to stderr as the report's errors name traces. */
void numashim_report_put_paths(const char *const *paths, size_t count);

/*
 * Set in options the option called name (one of NUMASHIM_REPORT_*_OPTIONS,
 * its long name without the dashes: "min-latency") as the command line
 * would: to value, or for a flag such as "per-thread", value NULL;
 * --begin and --end in seconds. options may keep value, which must last
 * as long as they do. Returns 0, or -1 when name is no option or value
 * is not one of its values.
 */
int numashim_report_option(struct numashim_report_options *options,
			   const char *name, const char *value);

#endif /* NUMASHIM_REPORT_H */
