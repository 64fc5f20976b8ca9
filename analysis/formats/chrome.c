// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * --format chrome: the Trace Event Format's JSON object form, which
 * ui.perfetto.dev, chrome://tracing and speedscope open. A complete
 * ("X") event per call, named by its kind, with its arguments; an
 * instant ("i") event per call without exit; per process, a counter
 * ("C") of the pages moved to each node; metadata ("M") events naming
 * every process and thread the first time one shows. Times are in
 * microseconds from the traces' first numashim event.
 *
 * Each call is written as the views take it, in the order of the exits
 * (viewers sort by time): what is kept is a node per process, thread
 * and counter, and the names of the call sites.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <limits.h>
#include <search.h>
#include <stdlib.h>

#include "json-writer.h"
#include "output.h"
#include "site-labels.h"

enum track_kind {
	TRACK_PROCESS,
	TRACK_THREAD,
	TRACK_NODE,		/* a process's pages moved to a node */
};

struct track {
	enum track_kind kind;
	int64_t pid;
	int64_t id;		/* the thread, or the node */
	uint64_t pages;		/* a node's: moved there so far */
};

struct chrome {
	struct call_writer base;
	struct json_writer json;
	bool started;		/* the events' array is open */
	void *tracks;		/* tsearch(3) tree of struct track */
	struct site_labels labels;
};

static int track_cmp(const void *a, const void *b)
{
	const struct track *x = a, *y = b;

	if (x->kind != y->kind)
		return (x->kind > y->kind) - (x->kind < y->kind);
	if (x->pid != y->pid)
		return (x->pid > y->pid) - (x->pid < y->pid);
	return (x->id > y->id) - (x->id < y->id);
}

/* The track, made on first use (*made says so); NULL: out of memory. */
static struct track *track_get(struct chrome *w, enum track_kind kind,
			       int64_t pid, int64_t id, bool *made)
{
	struct track key = { kind, pid, id, 0 }, *t, **found;

	*made = false;
	found = tfind(&key, &w->tracks, track_cmp);
	if (found)
		return *found;
	t = malloc(sizeof(*t));
	if (!t)
		return NULL;
	*t = key;
	if (!tsearch(t, &w->tracks, track_cmp)) {
		free(t);
		return NULL;
	}
	*made = true;
	return t;
}

/* The document's opening, at its first event: none without events. */
static void start(struct chrome *w)
{
	if (w->started)
		return;
	w->started = true;
	json_begin_object(&w->json);
	json_member_string(&w->json, "displayTimeUnit", "ns");
	json_key(&w->json, "traceEvents");
	json_begin_array(&w->json);
}

/* ns as microseconds, exactly: the format's unit with three decimals. */
static void put_us(struct json_writer *json, const char *key, int64_t ns)
{
	uint64_t abs_ns = ns < 0 ? -(uint64_t) ns : (uint64_t) ns;
	char text[32];

	snprintf(text, sizeof(text), "%s%" PRIu64 ".%03u", ns < 0 ? "-" : "",
		 abs_ns / 1000, (unsigned int) (abs_ns % 1000));
	json_key(json, key);
	json_literal(json, text);
}

/* An event's opening members; the caller adds its own and ends it. */
static void begin_event(struct chrome *w, const char *ph, const char *name,
			int64_t pid)
{
	start(w);
	json_break(&w->json, 1);
	json_begin_object(&w->json);
	json_member_string(&w->json, "ph", ph);
	json_member_string(&w->json, "name", name);
	json_member_int(&w->json, "pid", pid);
}

static void put_name_event(struct chrome *w, const char *what, int64_t pid,
			   int64_t tid, const char *name)
{
	begin_event(w, "M", what, pid);
	if (tid >= 0)
		json_member_int(&w->json, "tid", tid);
	json_key(&w->json, "args");
	json_begin_object(&w->json);
	json_member_string(&w->json, "name", name);
	json_end_object(&w->json);
	json_end_object(&w->json);
}

/*
 * The metadata naming c's process and thread, the first time they show.
 * The track's pid is the process key, its vpid when the traces are of a
 * single host; the name says the vpid, and the host when there are more.
 */
static int name_tracks(struct chrome *w, const struct views *v,
		       const struct call_record *c)
{
	char name[PROCNAME_MAX + 32 + HOST_NAME_MAX];
	bool made;

	if (!track_get(w, TRACK_PROCESS, c->vpid, 0, &made))
		return -1;
	if (made) {
		snprintf(name, sizeof(name), "%s[%" PRId64 "]%s%s",
			 c->procname ? c->procname : "?", process_pid(c->vpid),
			 v->hosts.count > 1 ? "@" : "",
			 v->hosts.count > 1 ? hosts_name(&v->hosts, c->vpid) : "");
		put_name_event(w, "process_name", c->vpid, -1, name);
	}
	if (!track_get(w, TRACK_THREAD, c->vpid, c->tid, &made))
		return -1;
	if (made) {
		snprintf(name, sizeof(name), "thread %" PRId64, c->tid);
		put_name_event(w, "thread_name", c->vpid, c->tid, name);
	}
	return 0;
}

/* The call's track and time, from the traces' first event. */
static void put_when(struct chrome *w, const struct views *v,
		     const struct call_record *c)
{
	json_member_int(&w->json, "tid", c->tid);
	put_us(&w->json, "ts", (int64_t) (c->start_ns - v->summary.first_ns));
}

static void put_codes(struct json_writer *json, const char *key,
		      const struct code_counts *codes)
{
	char name[CODE_NAME_MAX];
	size_t i;

	if (!codes->len)
		return;
	json_key(json, key);
	json_begin_object(json);
	for (i = 0; i < codes->len; i++)
		json_member_uint(json, code_name(codes->v[i].code, name,
						 sizeof(name)),
				 codes->v[i].count);
	json_end_object(json);
}

static void put_rewrite(struct json_writer *json, const struct call_record *c)
{
	if (c->rewrite) {
		json_member_string(json, "rule", c->rewrite->rule->text);
		if (c->rewrite->dry_run)
			json_member_bool(json, "dry_run", true);
	}
	if (c->injected_err)
		json_member_bool(json, "injected", true);
}

static int put_args(struct chrome *w, const struct call_record *c)
{
	struct json_writer *json = &w->json;
	const struct site_label *site = site_label(&w->labels, c->site);
	char errno_name[CODE_NAME_MAX];
	const char *nodes = NULL;

	if (!site)
		return -1;
	json_key(json, "args");
	json_begin_object(json);
	json_member_string(json, "call_site", site->place);
	if (c->kind == CALL_MOVE_PAGES && c->has_entry) {
		json_member_uint(json, "pages", c->asked);
		nodes = c->targets;
	} else if (c->policy) {
		nodes = c->policy->nodes;
	}
	if (nodes)
		json_member_string(json, "target_nodes", nodes);
	json_member_int(json, "result", c->ret);
	if (c->ret < 0)
		json_member_string(json, "errno", code_name(c->err, errno_name,
							    sizeof(errno_name)));
	if (c->pages) {
		put_codes(json, "failed_pages", &c->pages->failed);
		put_codes(json, "injected_pages", &c->pages->injected);
	}
	put_rewrite(json, c);
	if (!c->has_entry)
		json_member_bool(json, "entry_lost", true);
	json_end_object(json);
	return 0;
}

/* Each node's counter after c: the pages moved there so far. */
static int count_moved(struct chrome *w, const struct views *v,
		       const struct call_record *c)
{
	const struct node_cell *cell;
	char name[48];
	struct track *t;
	bool made;
	size_t i;

	for (i = 0; c->cells && i < c->cells->len; i++) {
		cell = &c->cells->v[i];
		/* As the timeline counts them: neither a query's nor a rule's. */
		if (cell->requested == NODE_NONE || cell->kernel == NODE_NONE ||
		    cell->result < 0)
			continue;
		t = track_get(w, TRACK_NODE, c->vpid, cell->result, &made);
		if (!t)
			return -1;
		t->pages += cell->pages;
		snprintf(name, sizeof(name), "pages moved to node %" PRId32,
			 cell->result);
		begin_event(w, "C", name, c->vpid);
		put_us(&w->json, "ts", (int64_t) (c->start_ns + c->latency_ns -
						  v->summary.first_ns));
		json_key(&w->json, "args");
		json_begin_object(&w->json);
		json_member_uint(&w->json, "pages", t->pages);
		json_end_object(&w->json);
		json_end_object(&w->json);
	}
	return 0;
}

static int write_call(struct call_writer *base, const struct views *v,
		      const struct call_record *c)
{
	struct chrome *w = (struct chrome *) base;

	if (name_tracks(w, v, c))
		return -1;
	begin_event(w, "X", call_kind_names[c->kind], c->vpid);
	json_member_string(&w->json, "cat", "numashim");
	put_when(w, v, c);
	put_us(&w->json, "dur", (int64_t) c->latency_ns);
	if (put_args(w, c))
		return -1;
	json_end_object(&w->json);
	return count_moved(w, v, c);
}

static int write_unfinished(struct call_writer *base, const struct views *v,
			    const struct call_record *c)
{
	struct chrome *w = (struct chrome *) base;
	const struct site_label *site = site_label(&w->labels, c->site);

	if (!site || name_tracks(w, v, c))
		return -1;
	begin_event(w, "i", call_kind_names[c->kind], c->vpid);
	json_member_string(&w->json, "cat", "numashim");
	put_when(w, v, c);
	json_member_string(&w->json, "s", "t");
	json_key(&w->json, "args");
	json_begin_object(&w->json);
	json_member_string(&w->json, "call_site", site->place);
	json_member_bool(&w->json, "exit_lost", true);
	json_end_object(&w->json);
	json_end_object(&w->json);
	return 0;
}

/* The events' end, and what the trace says of itself beside them. */
static int finish(struct call_writer *base, const struct views *v)
{
	struct chrome *w = (struct chrome *) base;

	start(w);
	json_end_array(&w->json);
	json_break(&w->json, 0);
	json_key(&w->json, "otherData");
	json_begin_object(&w->json);
	put_json_losses(&w->json, &v->summary);
	json_member_uint(&w->json, "calls_without_exit",
			 v->summary.calls_without_exit);
	put_json_warnings(&w->json, &v->summary);
	json_end_object(&w->json);
	json_end_object(&w->json);
	return 0;
}

static void close_writer(struct call_writer *base)
{
	struct chrome *w = (struct chrome *) base;

	tdestroy(w->tracks, free);
	site_labels_fini(&w->labels);
	free(w);
}

static const struct call_writer_ops chrome_ops = {
	.call = write_call,
	.unfinished = write_unfinished,
	.finish = finish,
	.close = close_writer,
};

struct call_writer *chrome_writer_open(FILE *out,
	const struct numashim_report_options *options)
{
	struct chrome *w = calloc(1, sizeof(*w));

	(void) options;
	if (!w)
		return NULL;
	w->base.ops = &chrome_ops;
	json_init(&w->json, out);
	return &w->base;
}
