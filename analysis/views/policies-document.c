// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policies view's document: a row per policy call, those in force
 * first, then those the kernel refused, which JSON lists apart; each
 * with its process and thread, when it was set and replaced, its words
 * (policy_row_words()), its range or home node and its call site. A
 * cell the row's scope lacks, or the trace does not tell, is empty.
 * JSON and CSV give the process and the times as numbers, LAMI as a
 * process, a time range and how long a thread's policy stayed in force.
 * Text gives, per process, a paragraph per thread with set_mempolicy's
 * policies in time order, then mbind's ranges and the home nodes; then,
 * apart, the calls the kernel refused; times in seconds since the
 * trace's first numashim event, in columns of text's own.
 */
#include <string.h>

#include "documents.h"

enum {
	PROCESS, SCOPE, VPID, TID, PROCNAME, HOST, TIME_NS, TIME, UNTIL_NS, REPLACED,
	CALLS, LAST_NS, MODE, MODE_FLAGS, NODES, WEIGHTS, FLAGS, START, END,
	HOME_NODE, SITE, BINARY, OFFSET, ERROR,
	TEXT_TITLE, TEXT_HEADS, TEXT_THREAD, TEXT_TIME, TEXT_UNTIL, TEXT_LAST,
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
	/*
	 * Text's: a paragraph's title and heads on its first row, a thread's
	 * tid, the times in seconds; until: a time, or "-" for a policy in
	 * force to the end, "" for one never in force.
	 */
	[TEXT_TITLE] = { .type = DOC_STRING, .formats = DOC_IN(TEXT) },
	[TEXT_HEADS] = { .type = DOC_STRING, .formats = DOC_IN(TEXT) },
	[TEXT_THREAD] = { .type = DOC_INT, .formats = DOC_IN(TEXT) },
	[TEXT_TIME] = { .type = DOC_REAL, .formats = DOC_IN(TEXT) },
	[TEXT_UNTIL] = { .type = DOC_EMPTY, .formats = DOC_IN(TEXT) },
	[TEXT_LAST] = { .type = DOC_REAL, .formats = DOC_IN(TEXT) },
};

/* What each scope's paragraph is headed with, and its heads. */
static const struct {
	const char *title;
	const char *heads;
} paragraphs[POLICY_SCOPES] = {
	[POLICY_THREAD] = { "set_mempolicy",
	  "     from (s)    until (s)  mode                mode flags     nodes"
	  "    weights  site" },
	[POLICY_RANGE] = { "mbind ranges",
	  "  start               end                 mode                "
	  "mode flags     nodes    weights flags   calls first (s)  last (s)"
	  "  site" },
	[POLICY_HOME_NODE] = { "home nodes (set_mempolicy_home_node)",
	  "  start               end                 home node    at (s)"
	  "  site" },
};

/* "proc (vpid 12), thread 13: set_mempolicy", then the heads. */
static const struct doc_text_field title_fields[] = {
	{ .column = DOC_NO_CELL, .before = "\n" },
	{ .column = PROCNAME },
	{ .column = VPID, .before = " (vpid ", .after = ")" },
	{ .column = TEXT_THREAD, .before = ", thread " },
	{ .column = TEXT_TITLE, .before = ": " },
};

static const struct doc_text_field heads_fields[] = {
	{ .column = TEXT_HEADS },
	{ .column = ERROR, .flags = DOC_TEXT_WORDS, .before = "  error" },
};

/* The columns a thread's and the ranges' paragraphs share, and the last. */
#define TEXT_MODE							\
	{ .column = MODE, .width = -19, .before = "  " },		\
	{ .column = MODE_FLAGS, .width = -14, .before = " " },		\
	{ .column = NODES, .width = -7, .before = " ", .empty = "unknown" }, \
	{ .column = WEIGHTS, .width = -7, .before = "  ", .empty = "-" }
#define TEXT_RANGE							\
	{ .column = START, .width = -18, .flags = DOC_TEXT_HEX,		\
	  .before = "  " },						\
	{ .column = END, .width = -18, .flags = DOC_TEXT_HEX,		\
	  .before = "  " }
#define TEXT_SITE							\
	{ .column = SITE, .before = "  " },				\
	{ .column = ERROR, .before = "  " }
#define TEXT_SECONDS(column_, width_, before_) {			\
	.column = (column_), .width = (width_), .flags = DOC_TEXT_SIX,	\
	.before = before_,						\
}

static const struct doc_text_field thread_fields[] = {
	TEXT_SECONDS(TEXT_TIME, 11, "  "),
	TEXT_SECONDS(TEXT_UNTIL, 11, "  "),
	TEXT_MODE,
	TEXT_SITE,
};

static const struct doc_text_field range_fields[] = {
	TEXT_RANGE,
	TEXT_MODE,
	{ .column = FLAGS, .width = -7, .before = " " },
	{ .column = CALLS, .width = 5, .before = " " },
	TEXT_SECONDS(TEXT_TIME, 9, " "),
	TEXT_SECONDS(TEXT_LAST, 9, " "),
	TEXT_SITE,
};

static const struct doc_text_field home_fields[] = {
	TEXT_RANGE,
	{ .column = HOME_NODE, .width = -9, .before = "  " },
	TEXT_SECONDS(TEXT_TIME, 9, " "),
	TEXT_SITE,
};
#undef TEXT_MODE
#undef TEXT_RANGE
#undef TEXT_SITE
#undef TEXT_SECONDS

/* Each row's line is its scope's: a range's alone has flags. */
#define TEXT_LINE(fields, when_) \
	{ DOC_FIELDS(fields), .flags = DOC_LINE_WHEN, .when = (when_) }
static const struct doc_text_line lines[] = {
	TEXT_LINE(title_fields, TEXT_TITLE),
	TEXT_LINE(heads_fields, TEXT_TITLE),
	TEXT_LINE(thread_fields, TEXT_THREAD),
	TEXT_LINE(range_fields, FLAGS),
	TEXT_LINE(home_fields, HOME_NODE),
};
#undef TEXT_LINE

static const struct doc_text_section sections[] = {
	{ .part = DOC_PART_FIRST, .when = DOC_NO_CELL, DOC_LINES(lines) },
	{ .heading = "\nrefused by the kernel, which left the policy in "
		     "force as it was:\n",
	  .part = DOC_PART_REST, .when = DOC_NO_CELL, DOC_LINES(lines) },
};

static const struct doc_text text = { DOC_SECTIONS(sections) };

const struct doc_shape policies_shape = {
	.name = "policies", .title = "Memory policies set, and refused",
	.rest = "refused", DOC_COLUMNS(columns), .text = &text,
};

/* Text: the policies in force and those refused, before the table. */
static const struct doc_text_field head_fields[] = {
	{ .column = 0, .before = "numashim policies: ", .after = " in force, " },
	{ .column = 1, .after = " refused by the kernel" },
};

static const struct doc_text head_text = DOC_TEXT_LINE(head_fields);

static const struct doc_shape head_shape =
	DOC_HEAD_SHAPE("policies", 2, &head_text);

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

/* A paragraph per process and scope, and thread for set_mempolicy. */
static bool same_paragraph(const struct policy_row *a,
			   const struct policy_row *b)
{
	return a->vpid == b->vpid && a->scope == b->scope &&
	       (a->scope != POLICY_THREAD || a->tid == b->tid);
}

static double seconds(const struct view_figures *f, uint64_t ns)
{
	uint64_t first = f->v->summary.first_ns;

	return ns > first ? (ns - first) / 1e9 : 0;
}

/* Text's cells of row i, whose paragraph starts the list's part anew. */
static void put_text(struct doc_cell *c, const struct view_figures *f,
		     size_t i)
{
	const struct policy_row *row = &f->policies[i];

	if (i == 0 || i == f->in_force ||
	    !same_paragraph(&f->policies[i - 1], row)) {
		c[TEXT_TITLE] = doc_string(paragraphs[row->scope].title);
		c[TEXT_HEADS] = doc_string(paragraphs[row->scope].heads);
	}
	c[TEXT_TIME] = doc_real(seconds(f, row->time_ns));
	c[TEXT_LAST] = doc_real(seconds(f, row->last_ns));
	if (row->scope != POLICY_THREAD)
		return;
	c[TEXT_THREAD] = doc_int(row->tid);
	if (row->until_ns)
		c[TEXT_UNTIL] = doc_real(seconds(f, row->until_ns));
	else
		c[TEXT_UNTIL] = doc_string(row->err ? "" : "-");
}

int policies_document(struct document *d, const struct view_figures *f)
{
	const uint64_t head[2] = { f->in_force, f->count - f->in_force };
	struct doc_table *t;
	size_t i;

	if (!doc_head_add(d, &head_shape, head) ||
	    doc_table_fill(d, &policies_shape, f->count, put_row, f))
		return -1;
	t = d->tables[d->table_count - 1];
	t->rest = f->in_force;
	for (i = 0; i < f->count; i++)
		put_text(doc_row(t, i), f, i);
	return 0;
}
