/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * `numashim report`: what the numashim events of one or more traces say,
 * read with libbabeltrace2 (src.ctf.fs -> utils.muxer -> sink.numashim.report).
 * Link with libreport.la.
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
	NUMASHIM_REPORT_FORMATS,
};

/* The version of LAMI that --format lami speaks, for --mi-version. */
#define NUMASHIM_REPORT_LAMI_VERSION "1.0"

struct numashim_report_options {
	bool per_thread;	/* summary: a row per thread, not per process */
	enum numashim_report_format format;
	enum numashim_report_view view;
	struct call_filter filter;	/* the calls counted */
	const char *html;	/* also write every view there; NULL: not */
	uint64_t limit;		/* lami: rows per table at most; 0: all */
	/* lami: only say whether the traces hold numashim events */
	bool test_compatibility;
	/* The baseline's traces: compare the summaries; NULL: do not. */
	const char *compare;
	/*
	 * Seconds babeltrace2 may read without consuming a message before
	 * the traces are told damaged; 0: NUMASHIM_REPORT_STALL_TIMEOUT.
	 */
	unsigned int stall_timeout;
};

#define NUMASHIM_REPORT_STALL_TIMEOUT 10

/*
 * Returned by numashim_report_summary() when the traces were read whole
 * and hold no numashim event: nothing is printed, and the caller, who
 * knows how the traces were made, says why in its own words.
 */
#define NUMASHIM_REPORT_NO_EVENTS 3

/*
 * Print to out the view options->view of the CTF traces found at or under each of
 * paths[0..count - 1], merged in time order, or with options->compare,
 * their summary against that of the traces under options->compare;
 * explain any error on stderr.
 * Returns 0; NUMASHIM_REPORT_NO_EVENTS; or 1 when a path holds no trace
 * or a trace could not be read (to its end: what was read is printed,
 * with a warning).
 */
int numashim_report_summary(FILE *out, const char *const *paths, size_t count,
			    const struct numashim_report_options *options);

/*
 * Set in options the command's option called name (its long name without
 * the dashes: "min-latency") as its command line would: to value, or for
 * a flag such as "per-thread", value NULL; options may keep value, which
 * must last as long as they do. Returns 0, or -1 when name is no option
 * or value is not one of its values.
 */
int numashim_report_option(struct numashim_report_options *options,
			   const char *name, const char *value);

/*
 * The command `numashim report [--view summary|failures|callsites|nodes|
 * rewrites|timeline]
 * [--per-thread]
 * [--format text|json] TRACE...`; argv[0] is the command's name.
 * Returns the exit status: 0, 1 (see above; also for no numashim event,
 * which it explains) or 2 (usage error).
 */
int numashim_report_main(int argc, char **argv);

#endif /* NUMASHIM_REPORT_H */
