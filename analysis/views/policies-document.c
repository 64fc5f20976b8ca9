// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policies view's document: a row per policy call, those in force
 * first, then those the kernel refused, which JSON lists apart; each
 * with its process and thread, when it was set and replaced, its words
 * (policy_row_words()), its range or home node and its call site. A
 * cell the row's scope lacks, or the trace does not tell, is empty.
 * JSON and CSV give the process and the times as numbers, LAMI as a
 * process, a time range and how long a thread's policy stayed in force.
 */
#include <string.h>

#include "documents.h"

enum {
	PROCESS, SCOPE, VPID, TID, PROCNAME, HOST, TIME_NS, TIME, UNTIL_NS, REPLACED,
	CALLS, LAST_NS, MODE, MODE_FLAGS, NODES, WEIGHTS, FLAGS, START, END,
	HOME_NODE, SITE, BINARY, OFFSET, ERROR,
};

#define DOC_IN_NUMBERS (DOC_IN(JSON) | DOC_IN(CSV))

static const struct doc_column columns[] = {
	[PROCESS] = { .title = "Process", .class = LAMI_PROCESS,
		      .type = DOC_PROCESS, .formats = DOC_IN(LAMI) },
	[SCOPE] = { .key = "scope", .title = "Scope", .class = LAMI_STRING,
		    .type = DOC_STRING, .formats = DOC_IN_ALL },
	[VPID] = { .key = "vpid", .type = DOC_INT, .formats = DOC_IN_NUMBERS },
	[TID] = { .key = "tid", .type = DOC_INT, .formats = DOC_IN_NUMBERS },
	[PROCNAME] = { .key = "procname", .type = DOC_STRING,
		       .formats = DOC_IN_NUMBERS },
	/* Of traces of several hosts only. */
	[HOST] = { .key = "host", .type = DOC_STRING, .formats = DOC_IN(JSON),
		   .flags = DOC_OMIT_EMPTY },
	[TIME_NS] = { .key = "time_ns", .type = DOC_UINT,
		      .formats = DOC_IN_NUMBERS },
	[TIME] = { .title = "Time", .class = LAMI_TIME_RANGE,
		   .type = DOC_RANGE, .formats = DOC_IN(LAMI) },
	[UNTIL_NS] = { .key = "until_ns", .type = DOC_UINT,
		       .formats = DOC_IN_NUMBERS },
	[REPLACED] = { .title = "Replaced after", .class = LAMI_DURATION,
		       .type = DOC_UINT, .formats = DOC_IN(LAMI) },
	[CALLS] = { .key = "calls", .title = "Calls", .class = LAMI_NUMBER,
		    .type = DOC_UINT, .formats = DOC_IN_ALL },
	[LAST_NS] = { .key = "last_ns", .type = DOC_UINT,
		      .formats = DOC_IN_NUMBERS },
	[MODE] = { .key = "mode", .title = "Mode", .class = LAMI_STRING,
		   .type = DOC_STRING, .formats = DOC_IN_ALL },
	[MODE_FLAGS] = { .key = "mode_flags", .title = "Mode flags",
			 .class = LAMI_STRING, .type = DOC_STRING,
			 .formats = DOC_IN_ALL },
	[NODES] = { .key = "nodes", .title = "Nodes", .class = LAMI_STRING,
		    .type = DOC_STRING, .formats = DOC_IN_ALL },
	[WEIGHTS] = { .key = "weights", .title = "Weights",
		      .class = LAMI_STRING, .type = DOC_STRING,
		      .formats = DOC_IN_ALL },
	[FLAGS] = { .key = "flags", .title = "Flags", .class = LAMI_STRING,
		    .type = DOC_STRING, .formats = DOC_IN_ALL },
	[START] = { .key = "start", .title = "Start", .class = LAMI_NUMBER,
		    .type = DOC_UINT, .formats = DOC_IN_ALL },
	[END] = { .key = "end", .title = "End", .class = LAMI_NUMBER,
		  .type = DOC_UINT, .formats = DOC_IN_ALL },
	[HOME_NODE] = { .key = "home_node", .title = "Home node",
			.class = LAMI_NUMBER, .type = DOC_UINT,
			.formats = DOC_IN_ALL },
	[SITE] = { .key = "site", .title = "Call site", .class = LAMI_STRING,
		   .type = DOC_SITE, .formats = DOC_IN_ALL },
	[BINARY] = { .key = "binary", .type = DOC_STRING,
		     .formats = DOC_IN_NUMBERS },
	[OFFSET] = { .key = "offset", .type = DOC_UINT,
		     .formats = DOC_IN_NUMBERS },
	[ERROR] = { .key = "error", .title = "Error", .class = LAMI_STRING,
		    .type = DOC_STRING, .formats = DOC_IN_ALL },
};

const struct doc_shape policies_shape = {
	.name = "policies", .title = "Memory policies set, and refused",
	.rest = "refused", DOC_COLUMNS(columns),
};

static struct doc_cell maybe_uint(bool known, uint64_t u)
{
	return known ? doc_uint(u) : doc_empty;
}

/* A word of the row's, kept as long as the document. */
static int put_word(struct document *d, struct doc_cell *c, const char *s)
{
	size_t size = s ? strlen(s) + 1 : 0;
	char *copy;

	if (!s) {
		*c = doc_empty;
		return 0;
	}
	copy = doc_alloc(d, size, 1);
	if (!copy)
		return -1;
	memcpy(copy, s, size);
	*c = doc_string(copy);
	return 0;
}

static int put_words(struct document *d, struct doc_cell *c,
		     const struct policy_row *row)
{
	struct policy_words w;

	policy_row_words(row, &w);
	return put_word(d, &c[MODE], w.mode) ||
	       put_word(d, &c[MODE_FLAGS], w.mode_flags) ||
	       put_word(d, &c[NODES], w.nodes) ||
	       put_word(d, &c[WEIGHTS], w.weights) ||
	       put_word(d, &c[FLAGS], w.flags) ||
	       put_word(d, &c[ERROR], w.error) ? -1 : 0;
}

static int put_row(struct document *d, struct doc_cell *c, const void *src,
		   size_t i)
{
	const struct view_figures *figures = src;
	const struct policy_row *row = &figures->policies[i];
	const struct hosts *hosts = &figures->v->hosts;
	bool thread = row->scope == POLICY_THREAD;

	c[PROCESS] = doc_process(hosts, row->procname, row->vpid, row->tid);
	c[SCOPE] = doc_string(policy_scope_names[row->scope]);
	c[VPID] = doc_int(process_pid(row->vpid));
	c[TID] = doc_int(row->tid);
	c[PROCNAME] = doc_string(row->procname);
	c[HOST] = doc_host(hosts, row->vpid);
	c[TIME_NS] = doc_uint(row->time_ns);
	c[TIME] = doc_range(row->time_ns, row->last_ns);
	c[UNTIL_NS] = maybe_uint(row->until_ns, row->until_ns);
	c[REPLACED] = maybe_uint(row->until_ns, row->until_ns - row->time_ns);
	c[CALLS] = doc_uint(row->calls);
	c[LAST_NS] = doc_uint(row->last_ns);
	c[START] = maybe_uint(!thread, row->start);
	c[END] = maybe_uint(!thread, row->end);
	c[HOME_NODE] = maybe_uint(row->scope == POLICY_HOME_NODE,
				  row->home_node);
	c[SITE] = doc_site(row->site);
	c[BINARY] = doc_string(row->site->path);
	c[OFFSET] = doc_uint(row->site->offset);
	return put_words(d, c, row);
}

int policies_document(struct document *d, const struct view_figures *f)
{
	if (doc_table_fill(d, &policies_shape, f->count, put_row, f))
		return -1;
	d->tables[0]->rest = f->in_force;
	return 0;
}
