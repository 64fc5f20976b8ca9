/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The trace processing graph of `numashim report`: a src.ctf.fs component
 * per trace, utils.muxer to merge them in time order, and the
 * sink.numashim.report class (sink.h) filling the views.
 */
#ifndef NUMASHIM_GRAPH_H
#define NUMASHIM_GRAPH_H

#include "views.h"
#include "traces.h"

enum graph_status {
	GRAPH_OK,
	GRAPH_NOT_BUILT,	/* nothing was read */
	GRAPH_STOPPED,		/* the views hold what was read */
};

/*
 * Read the traces into v. Unless GRAPH_OK, *error is what babeltrace2
 * said went wrong, to free().
 */
enum graph_status graph_run(const struct trace_list *traces,
			    struct views *v, char **error);

#endif /* NUMASHIM_GRAPH_H */
