/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The parameters of sink.numashim.report, which are options of
 * `numashim report` read by the command's own parser
 * (numashim_report_option()): view, format, weight and the filters pid, tid,
 * procname, call, begin, end and min-latency as strings (pid, tid, begin
 * and end may be integers), per-thread as a boolean.
 */
#ifndef NUMASHIM_SINK_PARAMS_H
#define NUMASHIM_SINK_PARAMS_H

#include <babeltrace2/babeltrace.h>

#include "report.h"

#define SINK_PARAMS 13

struct sink_params {
	/* Held: the options point into its strings. */
	const bt_value *map;
	/* Integer values as text, by parameter. */
	char numbers[SINK_PARAMS][24];
};

/*
 * Set options from params (a map, or NULL for none). Returns 0, or -1
 * after appending to the current thread's error, for self, which
 * parameter is unknown or has a bad value.
 */
int sink_params_read(struct sink_params *p, bt_self_component *self,
		     const bt_value *params,
		     struct numashim_report_options *options);
void sink_params_fini(struct sink_params *p);

#endif /* NUMASHIM_SINK_PARAMS_H */
