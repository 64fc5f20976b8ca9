// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What every format says besides its figures: the warnings of what the
 * figures leave out (lost events, calls without entry or exit, ...).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "contexts.h"
#include "output.h"

static const char avoid_losses[] =
	"to lose none, record with `numashim record --blocking`, or give "
	"the channel larger or more sub-buffers (lttng enable-channel "
	"--subbuf-size, --num-subbuf)";

const char report_no_events[] =
	"no numashim events: was the program run with libnumashim.so "
	"preloaded while a session recorded numashim:*?";

/* Some discarded-events messages cannot say how many were lost. */
static void warn_losses(const struct summary *s, warning_fn say, void *data)
{
	char msg[512], count[48] = "";

	if (s->discarded_events && !s->uncounted_discards)
		snprintf(count, sizeof(count), "%" PRIu64 " ",
			 s->discarded_events);
	else if (s->discarded_events)
		snprintf(count, sizeof(count), "at least %" PRIu64 " ",
			 s->discarded_events);
	if (s->discarded_events || s->uncounted_discards) {
		snprintf(msg, sizeof(msg),
			 "the trace reports %sdiscarded events: calls may be "
			 "missing or lack some of their events, and the "
			 "figures with them; %s", count, avoid_losses);
		say(data, msg);
	}
	if (s->discarded_packets) {
		snprintf(msg, sizeof(msg),
			 "the trace reports %" PRIu64 " discarded packets of "
			 "events; %s", s->discarded_packets, avoid_losses);
		say(data, msg);
	}
}

/*
 * The warnings that count calls or events the figures leave out, given
 * when the count is not 0: a uint64_t of the struct that holds the
 * figures, the summary's (every view) or the policies view's.
 */
enum counted_in {
	COUNTED_IN_SUMMARY,	/* struct summary */
	COUNTED_IN_POLICIES,	/* struct policies */
};

static const struct {
	enum counted_in in;
	size_t offset;		/* of the count in its struct */
	const char *format;	/* with the count's one conversion */
} counted_warnings[] = {
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, calls_without_entry),
	  "%" PRIu64 " calls have an exit event but no entry event: their "
	  "pages are not counted" },
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, calls_without_exit),
	  "%" PRIu64 " calls have an entry event but no exit event (the "
	  "program ended within them, or the exit was lost): their results "
	  "are not known" },
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, calls_in_no_binary),
	  "%" PRIu64 " calls were made from code in no binary the trace "
	  "tells of (generated code, or lttng_ust_statedump:bin_info and "
	  "lttng_ust_dl events missing or damaged): their call sites are not "
	  "named" },
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, streams_without_epoch),
	  "%" PRIu64 " streams of events have a clock with no offset from the "
	  "Unix epoch (a damaged metadata): their times count from the "
	  "machine's boot, and are not dates" },
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, calls_without_page_size),
	  "%" PRIu64 " mbind calls have no page size (a trace of an older numashim, "
	  "or a damaged metadata): their bytes are counted in pages of 4 KiB" },
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, placements_unread),
	  "%" PRIu64 " mbind or migrate_pages calls have a placement whose "
	  "page queries failed (numashim:placement's err; for instance "
	  "another user's process, or one that ended): what they moved is "
	  "not counted" },
	{ COUNTED_IN_SUMMARY, offsetof(struct summary, placements_cut),
	  "%" PRIu64 " mbind calls have a range longer than the pages their "
	  "placement queried (numashim(7), numashim:placement): only what "
	  "they moved of the range's first pages is counted" },
	/* What the policies view leaves out or shows in part. */
	{ COUNTED_IN_POLICIES, offsetof(struct policies, without_entry),
	  "%" PRIu64 " set_mempolicy, mbind or set_mempolicy_home_node calls "
	  "have an exit event but no entry event: their policies are not "
	  "known, and not shown" },
	{ COUNTED_IN_POLICIES, offsetof(struct policies, without_exit),
	  "%" PRIu64 " set_mempolicy, mbind or set_mempolicy_home_node calls "
	  "have an entry event but no exit event: whether the kernel took "
	  "their policies is not known, so they are not shown, and a policy "
	  "shown in force may have been replaced" },
	{ COUNTED_IN_POLICIES, offsetof(struct policies, masks_unknown),
	  "%" PRIu64 " policies in force have a node mask the trace does not hold "
	  "whole (numashim(7), INCOMPLETE ARRAYS): their nodes are shown as "
	  "unknown" },
};

static void warn_counted(enum counted_in in, const void *figures,
			 warning_fn say, void *data)
{
	char msg[512];
	uint64_t n;
	size_t i;

	for (i = 0; i < sizeof(counted_warnings) / sizeof(counted_warnings[0]);
	     i++) {
		if (counted_warnings[i].in != in)
			continue;
		memcpy(&n, (const char *) figures + counted_warnings[i].offset,
		       sizeof(n));
		if (!n)
			continue;
		snprintf(msg, sizeof(msg), counted_warnings[i].format, n);
		say(data, msg);
	}
}

#define CONTEXT_LOSS(TAG, name, cls, loss) { name, loss },

static const struct {
	const char *name;
	const char *loss;
} context_losses[] = {
	NUMASHIM_CONTEXTS(CONTEXT_LOSS)
};

void summary_warnings(const struct summary *s, warning_fn say, void *data)
{
	char msg[512];
	size_t i;

	warn_losses(s, say, data);
	warn_counted(COUNTED_IN_SUMMARY, s, say, data);
	if (s->malformed_types) {
		snprintf(msg, sizeof(msg),
			 "%" PRIu64 " event types of the metadata are not laid "
			 "out as their tracepoints define them, or are numashim "
			 "events of no known name (a damaged or foreign "
			 "metadata): their events are not counted (%" PRIu64
			 " read)", s->malformed_types, s->malformed_events);
		say(data, msg);
	}
	for (i = 0; i < sizeof(context_losses) / sizeof(context_losses[0]);
	     i++) {
		if (!(s->missing_contexts & 1U << i))
			continue;
		snprintf(msg, sizeof(msg),
			 "events lack the %s context (lttng add-context -t %s): "
			 "%s", context_losses[i].name, context_losses[i].name,
			 context_losses[i].loss);
		say(data, msg);
	}
	if (s->read_error) {
		snprintf(msg, sizeof(msg),
			 "the trace could not be read to its end (%s): the "
			 "figures cover what was read", s->read_error);
		say(data, msg);
	}
}

void policies_warnings(const struct views *v, warning_fn say, void *data)
{
	summary_warnings(&v->summary, say, data);
	warn_counted(COUNTED_IN_POLICIES, &v->policies, say, data);
}

void document_warnings(const struct document *d, warning_fn say, void *data)
{
	if (d->warnings)
		d->warnings(d->views, say, data);
	else
		summary_warnings(d->summary, say, data);
}
