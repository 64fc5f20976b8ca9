/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Reads the numashim events (numashim(7)) of a babeltrace2 event stream
 * and feeds the calls they describe to the table of calls in flight, and
 * lttng-ust's statedump and dl events to the processes' maps that name
 * the calls' sites; other events are passed over.
 */
#ifndef NUMASHIM_EVENTS_H
#define NUMASHIM_EVENTS_H

#include <babeltrace2/babeltrace.h>

#include "calls.h"
#include "maps.h"
#include "pagestate.h"
#include "placement.h"
#include "views.h"

struct event_reader {
	struct call_table calls;
	struct maps maps;
	struct placements placements;
	struct page_state_calls page_states;
	/* tsearch(3) tree: what each event class met so far is to us. */
	void *classes;
};

void event_reader_init(struct event_reader *r, struct views *v);
void event_reader_fini(struct event_reader *r);

/* Both return 0, or -1 when out of memory. */
/* msg: an event message. */
int event_reader_handle(struct event_reader *r, const bt_message *msg);
/* At the end of the trace: count the calls left without an exit. */
int event_reader_finish(struct event_reader *r);

#endif /* NUMASHIM_EVENTS_H */
