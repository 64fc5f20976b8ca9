/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What every view of numashim report is drawn from: the summary's rows
 * and the trace's own account of its losses, the call sites, the
 * failures by code, move_pages' pages by node, what the rewrite
 * rules did, and the policies set. Calls are added as they complete.
 */
#ifndef NUMASHIM_VIEWS_H
#define NUMASHIM_VIEWS_H

#include <stdbool.h>

#include "failures.h"
#include "filter.h"
#include "hosts.h"
#include "nodes.h"
#include "policies.h"
#include "rewrites.h"
#include "sites.h"
#include "summary.h"
#include "timeline.h"

struct views;

/*
 * A format that writes each call as the views take it, so that a trace
 * of any length streams out in the memory of its processes, threads
 * and call sites (formats/chrome.c, folded.c).
 */
struct call_writer {
	const struct call_writer_ops *ops;
	bool frames;		/* wants each call's backtrace */
};

/* Each returns 0, or -1 when out of memory. */
struct call_writer_ops {
	int (*call)(struct call_writer *w, const struct views *v,
		    const struct call_record *c);
	/* A call whose exit is not in the trace; NULL: none is written. */
	int (*unfinished)(struct call_writer *w, const struct views *v,
			  const struct call_record *c);
	/* The end of the traces, when what was read is printed. */
	int (*finish)(struct call_writer *w, const struct views *v);
	void (*close)(struct call_writer *w);
};

struct views {
	/* The hosts of the traces, which the process keys name (hosts.h). */
	struct hosts hosts;
	struct call_filter filter;
	struct summary summary;
	struct sites sites;
	struct failures failures;
	struct node_cells nodes;
	struct placed_moves placed;	/* the nodes view's, measured */
	struct rewrites rewrites;
	struct timeline timeline;
	struct policies policies;
	/* The frames of the backtraces, apart from the call sites. */
	struct sites frames;
	struct call_writer *writer;	/* NULL: none */
};

void views_init(struct views *v, bool per_thread,
		const struct call_filter *filter);
void views_fini(struct views *v);

/* Both count a call the filter lets through; 0, or -1 when out of memory. */
int views_add_call(struct views *v, const struct call_record *c);
/* A call whose exit is not in the trace. */
int views_add_unfinished(struct views *v, const struct call_record *c);

#endif /* NUMASHIM_VIEWS_H */
