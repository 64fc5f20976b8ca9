/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Which calls the views count: those of a process, a thread, a process
 * name, a host, a rank of a job, some call kinds, a span of trace time,
 * or slower than a latency.
 * A call the filter refuses is left out of every figure.
 */
#ifndef NUMASHIM_FILTER_H
#define NUMASHIM_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "hosts.h"
#include "summary.h"

/* All zero: every call. */
struct call_filter {
	bool by_pid;
	int64_t pid;
	bool by_tid;
	int64_t tid;
	const char *procname;	/* NULL: any */
	const char *host;	/* NULL: any */
	bool by_rank;
	int64_t rank;
	unsigned int kinds;	/* a bit per enum call_kind; 0: any */
	uint64_t begin_ns;	/* trace time, ns from the clock's origin */
	uint64_t end_ns;	/* 0: no end */
	uint64_t min_latency_ns;
};

/*
 * Whether the views count c. A call without an exit has no latency: it
 * is counted only when no --min-latency is asked.
 */
bool call_filter_pass(const struct call_filter *f, const struct hosts *hosts,
		      const struct call_record *c, bool finished);

/*
 * Parsers of the options' values; each returns 0, or -1 when text is
 * not one. Kinds: call names separated by commas. Time: seconds since
 * the clock's origin (the Epoch, for LTTng's clock), as babeltrace2
 * --clock-seconds prints it. Latency: a number with ns, us, ms or s.
 */
int call_filter_parse_kinds(const char *text, unsigned int *kinds);
int call_filter_parse_time(const char *text, uint64_t *ns);
int call_filter_parse_latency(const char *text, uint64_t *ns);

#endif /* NUMASHIM_FILTER_H */
