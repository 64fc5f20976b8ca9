// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "event-types.h"
#include "events.h"
#include "field-values.h"
#include "machine-events.h"
#include "numashim-payload.h"

/* An event class, referenced so that its address stays its own. */
struct class_type {
	const bt_event_class *cls;
	const struct event_type *type;
	bool malformed;		/* without the fields its type needs */
	unsigned int missing_contexts;	/* CONTEXT_MISSING() bits */
};

/* The fields every event of a call gives the summary. */
struct event_view {
	const bt_field *payload;
	int64_t vpid;		/* with its host: a process key (hosts.h) */
	int64_t vtid;
	const char *procname;
	uint64_t ip;		/* the call site; 0 without the ip context */
	uint64_t call_id;
	uint64_t time_ns;	/* from the clock's origin; 0: no clock */
};

static int class_cmp(const void *a, const void *b)
{
	const bt_event_class *x = ((const struct class_type *) a)->cls;
	const bt_event_class *y = ((const struct class_type *) b)->cls;

	return (x > y) - (x < y);
}

static void class_free(void *p)
{
	struct class_type *ct = p;

	bt_event_class_put_ref(ct->cls);
	free(ct);
}

void event_reader_init(struct event_reader *r, struct views *v)
{
	*r = (struct event_reader) { .calls = { .views = v } };
}

void event_reader_fini(struct event_reader *r)
{
	calls_fini(&r->calls);
	maps_fini(&r->maps);
	placements_fini(&r->placements);
	page_states_fini(&r->page_states);
	tdestroy(r->classes, class_free);
	r->classes = NULL;
}


/* Names are compared, and fields checked, once per event class. */
static struct class_type *classify(struct event_reader *r,
				   const bt_event_class *cls)
{
	struct class_type *ct = malloc(sizeof(*ct));

	if (!ct)
		return NULL;
	ct->cls = cls;
	ct->type = event_type_by_name(bt_event_class_get_name(cls));
	/*
	 * A numashim event this report does not know, or one whose name
	 * the damage changed, is not one it can read.
	 */
	ct->malformed = !event_class_has_fields(cls, ct->type) ||
			(ct->type == &other_event &&
			 event_name_is_ours(bt_event_class_get_name(cls)));
	ct->missing_contexts = event_class_missing_contexts(cls);
	if (!tsearch(ct, &r->classes, class_cmp)) {
		free(ct);
		return NULL;
	}
	bt_event_class_get_ref(cls);
	if (ct->malformed)
		r->calls.views->summary.malformed_types++;
	return ct;
}

/*
 * Every class of the stream class of cls is checked when the first event
 * of one comes, so that a damaged class is told of even when no event of
 * it can be read: a payload laid out otherwise than the metadata says
 * often makes babeltrace2 give up on the rest of the packet in silence.
 */
static const struct class_type *type_of(struct event_reader *r,
					const bt_event_class *cls)
{
	const bt_stream_class *sc = bt_event_class_borrow_stream_class_const(cls);
	struct class_type key = { .cls = cls }, **found;
	uint64_t i;

	found = tfind(&key, &r->classes, class_cmp);
	if (found)
		return *found;
	for (i = 0; i < bt_stream_class_get_event_class_count(sc); i++) {
		key.cls = bt_stream_class_borrow_event_class_by_index_const(sc, i);
		if (key.cls != cls && !tfind(&key, &r->classes, class_cmp) &&
		    !classify(r, key.cls))
			return NULL;
	}
	return classify(r, cls);
}

/* The event's context; -1 when out of memory. */
static int read_context(struct event_reader *r, const bt_event *event,
			struct event_view *view)
{
	const bt_field *ctx = bt_event_borrow_common_context_field_const(event);
	const bt_trace *trace = bt_stream_borrow_trace_const(
		bt_event_borrow_stream_const(event));
	uint32_t host;

	view->ip = field_int_member(ctx, "ip");
	view->vtid = -1;
	field_int_value(field_member(ctx, "vtid"), &view->vtid);
	view->procname = field_string_member(ctx, "procname");
	view->vpid = -1;
	field_int_value(field_member(ctx, "vpid"), &view->vpid);
	if (hosts_of_trace(&r->calls.views->hosts, trace, &host))
		return -1;
	view->vpid = process_key(host, view->vpid);
	return 0;
}

typedef int (*add_ints_fn)(struct call *c, uint64_t offset,
			   const int32_t *v, size_t n);

/* Hand the elements of an int32 array field to add(), a slice at a time. */
static int feed_ints(struct call *c, const bt_field *array, uint64_t offset,
		     add_ints_fn add)
{
	int32_t buf[NUMASHIM_CHUNK_LEN];
	uint64_t len, i;
	size_t n = 0;
	int64_t v;

	if (!field_is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	for (i = 0; i < len; i++) {
		field_int_value(bt_field_array_borrow_element_field_by_index_const(
				  array, i), &v);
		buf[n++] = (int32_t) v;
		if (n == NUMASHIM_CHUNK_LEN || i + 1 == len) {
			if (add(c, offset + i + 1 - n, buf, n))
				return -1;
			n = 0;
		}
	}
	return 0;
}

/* The elements of an injected array, which lists page indexes. */
static int feed_injected(struct call *c, const bt_field *array,
			 uint64_t offset)
{
	uint64_t len, i;
	int64_t page;

	if (!field_is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	for (i = 0; i < len; i++) {
		field_int_value(bt_field_array_borrow_element_field_by_index_const(
				  array, i), &page);
		if (call_add_injected(c, offset + i, page))
			return -1;
	}
	return 0;
}

/* The site of the event's call, from its ip context; NULL: no memory. */
static struct site *site_of(struct event_reader *r,
			    const struct event_view *ev)
{
	struct code_location where = maps_locate(&r->maps, ev->vpid, ev->ip);

	return sites_get(&r->calls.views->sites, &where);
}

/*
 * The entry's backtrace as sites of the frames' table, innermost first,
 * located now, while the maps are those of the call; only for a writer
 * that asks (views.h). 0, or -1 when out of memory.
 */
static int read_frames(struct event_reader *r, const struct event_view *ev,
		       struct call_start *start)
{
	struct views *v = r->calls.views;
	const bt_field *array = field_member(ev->payload, "backtrace");
	struct code_location where;
	uint64_t len, i;
	int64_t pc;

	if (!v->writer || !v->writer->frames || !field_is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	if (!len)
		return 0;
	start->frames = calloc(len, sizeof(*start->frames));
	if (!start->frames)
		return -1;
	for (i = 0; i < len; i++) {
		field_int_value(bt_field_array_borrow_element_field_by_index_const(
				  array, i), &pc);
		where = maps_locate(&r->maps, ev->vpid, pc);
		start->frames[i] = sites_get(&v->frames, &where);
		if (!start->frames[i]) {
			free(start->frames);
			return -1;
		}
	}
	start->frame_count = len;
	return 0;
}

/* The node arrays of an exit: move_pages' nodes, the node masks. */
static int feed_exit_arrays(struct call *c, enum call_kind kind,
			     const bt_field *p)
{
	switch (kind) {
	case CALL_MOVE_PAGES:
		return feed_ints(c, field_member(p, "nodes"), 0, call_add_nodes);
	case CALL_MBIND:
		return feed_ints(c, field_member(p, "nodemask"), 0,
				 call_add_target_mask);
	case CALL_MIGRATE_PAGES:
		return feed_ints(c, field_member(p, "new_nodes"), 0,
				 call_add_target_mask) ||
		       feed_ints(c, field_member(p, "old_nodes"), 0,
				 call_add_source_mask) ? -1 : 0;
	case CALL_SET_MEMPOLICY:
		/* The policies view's, never a placement figure. */
		return feed_ints(c, field_member(p, "nodemask"), 0,
				 call_add_target_mask);
	default:
		return 0;
	}
}

/* The home node as a mask of one node: what a rule may change of it. */
static int home_node_mask(struct event_reader *r, const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);
	int32_t home = field_int_member(ev->payload, "home_node");

	return c ? call_add_target_mask(c, 0, &home, 1) : 0;
}

static int on_entry_event(struct event_reader *r,
			  const struct event_type *type,
			  const struct event_view *ev)
{
	const bt_field *p = ev->payload;
	struct call_start start = {
		.kind = type->kind, .vpid = ev->vpid, .call_id = ev->call_id,
		.tid = field_int_member(p, "tid"), .procname = ev->procname,
		.start_ns = ev->time_ns, .site = site_of(r, ev),
	};

	if (!start.site)
		return -1;
	if (!start.site->path)
		r->calls.views->summary.calls_in_no_binary++;
	if (type->kind == CALL_MOVE_PAGES) {
		start.count = field_int_member(p, "count");
		start.query = !field_int_member(p, "nodes_ptr");
	} else if (type->kind == CALL_MBIND) {
		start.addr = field_int_member(p, "addr");
		start.bytes = field_int_member(p, "len");
		start.mode = field_int_member(p, "mode");
	} else if (type->kind == CALL_SET_MEMPOLICY) {
		/* The kernel's split, joined again as mbind's mode is. */
		start.mode = (uint32_t) field_int_member(p, "mode") |
			     (uint64_t) field_int_member(p, "mode_flags");
	} else if (type->kind == CALL_SET_MEMPOLICY_HOME_NODE) {
		start.addr = field_int_member(p, "start");
		start.bytes = field_int_member(p, "len");
		start.home_node = field_int_member(p, "home_node");
	}
	start.page_size = field_int_member(p, "page_size");
	if (type->kind == CALL_MBIND && !field_member(p, "page_size"))
		r->calls.views->summary.calls_without_page_size++;
	start.flags = field_int_member(p, "flags");
	if (read_frames(r, ev, &start) || calls_begin(&r->calls, &start))
		return -1;
	return type->kind == CALL_SET_MEMPOLICY_HOME_NODE ?
	       home_node_mask(r, ev) : 0;
}

/*
 * The placement as far as its counts tell what the call moved: none
 * when a query failed, since the counts before and after may then cover
 * different pages.
 */
static const struct call_placement *
placement_checked(struct event_reader *r, const struct call_placement *p)
{
	struct summary *s = &r->calls.views->summary;

	if (!p)
		return NULL;
	if (p->err) {
		s->placements_unread++;
		return NULL;
	}
	if (p->queried < p->pages)
		s->placements_cut++;
	return p;
}

static int on_int_chunk(struct event_reader *r, const struct event_view *ev)
{
	static const add_ints_fn adders[] = {
		[NUMASHIM_ARRAY_NODES] = call_add_nodes,
		[NUMASHIM_ARRAY_STATUS] = call_add_statuses,
		[NUMASHIM_ARRAY_NODEMASK] = call_add_target_mask,
		[NUMASHIM_ARRAY_POLICY_NODEMASK] = call_add_target_mask,
		[NUMASHIM_ARRAY_NEW_NODES] = call_add_target_mask,
		[NUMASHIM_ARRAY_OLD_NODES] = call_add_source_mask,
		[NUMASHIM_ARRAY_KERNEL_NODES] = call_add_kernel_nodes,
		[NUMASHIM_ARRAY_KERNEL_OLD_NODES] = call_add_kernel_source_mask,
	};
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);
	int64_t array = field_int_member(ev->payload, "array");
	uint64_t offset = field_int_member(ev->payload, "offset");
	const bt_field *values = field_member(ev->payload, "values");

	if (!c || array < 0 || array >= (int64_t) (sizeof(adders) /
						   sizeof(*adders)) ||
	    !adders[array])
		return 0;
	return feed_ints(c, values, offset, adders[array]);
}

static int on_addr_chunk(struct event_reader *r, const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);

	if (!c || field_int_member(ev->payload, "array") != NUMASHIM_ARRAY_INJECTED)
		return 0;
	return feed_injected(c, field_member(ev->payload, "values"),
			     field_int_member(ev->payload, "offset"));
}

static int on_rewrite(struct event_reader *r, const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);
	const bt_field *p = ev->payload;
	const char *text = field_string_member(p, "rule_text");
	struct call_rewrite_start w = {
		.injected_err = field_int_member(p, "injected_err"),
		.dry_run = field_int_member(p, "dry_run"),
		.mode = field_int_member(p, "mode"),
		.flags = field_int_member(p, "flags"),
	};

	if (!c)
		return 0;
	w.rule = rewrites_rule(&r->calls.views->rewrites,
			       field_int_member(p, "rule"), text ? text : "");
	if (!w.rule)
		return -1;
	call_rewritten(c, &w);
	return feed_ints(c, field_member(p, "kernel_nodes"), 0,
			 call_add_kernel_nodes) ||
	       feed_injected(c, field_member(p, "injected"), 0) ? -1 : 0;
}

static int on_exit_event(struct event_reader *r,
			 const struct event_type *type,
			 const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);
	const bt_field *p = ev->payload;
	struct call_result res = {
		.kind = type->kind, .vpid = ev->vpid, .call_id = ev->call_id,
		.tid = ev->vtid, .procname = ev->procname,
		.ret = field_int_member(p, "ret"), .err = field_int_member(p, "err"),
		.latency_ns = field_int_member(p, "latency_ns"),
		.incomplete = field_int_member(p, "incomplete"),
		.end_ns = ev->time_ns,
	};
	struct call_placement *placement;
	struct call_page_states *page_states;
	int ret;

	/* Even with an entry: one of another kind makes this exit an orphan. */
	res.site = site_of(r, ev);
	if (!res.site)
		return -1;
	/* Short arrays ride in the exit, long ones came in chunks. */
	if (c && (feed_exit_arrays(c, type->kind, p) ||
		  (type->kind == CALL_MOVE_PAGES &&
		   feed_ints(c, field_member(p, "status"), 0, call_add_statuses))))
		return -1;
	placement = placements_take(&r->placements, ev->vpid, ev->call_id);
	res.placement = placement_checked(r, placement);
	page_states = page_states_take(&r->page_states, ev->vpid, ev->call_id);
	res.page_states = page_states;
	ret = calls_end(&r->calls, c, &res);
	placement_free(placement);
	call_page_states_free(page_states);
	return ret;
}

/* Longer than any build-id a linker makes (SHA-1's 20 bytes, or MD5's). */
#define BUILD_ID_MAX 64

static int on_build_id(struct event_reader *r, const struct event_view *ev)
{
	const bt_field *array = field_member(ev->payload, "build_id");
	uint8_t build_id[BUILD_ID_MAX];
	uint64_t len, i;
	int64_t byte;

	if (!field_is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	if (len > BUILD_ID_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (!field_int_value(bt_field_array_borrow_element_field_by_index_const(
				       array, i), &byte))
			return 0;
		build_id[i] = byte;
	}
	return maps_set_build_id(&r->maps, ev->vpid,
				 field_int_member(ev->payload, "baddr"), build_id,
				 len);
}

static int on_map_event(struct event_reader *r, enum event_role role,
			const struct event_view *ev)
{
	const bt_field *p = ev->payload;
	uint64_t baddr = field_int_member(p, "baddr");

	switch (role) {
	case EVENT_STATEDUMP_START:
		maps_forget_process(&r->maps, ev->vpid);
		return 0;
	case EVENT_DLCLOSE:
		return maps_remove(&r->maps, ev->vpid, baddr);
	case EVENT_BUILD_ID:
		return on_build_id(r, ev);
	default:
		/* What dlopen loads is a shared object: position-independent. */
		return maps_add(&r->maps, ev->vpid, baddr,
				field_int_member(p, "memsz"), field_string_member(p, "path"),
				role == EVENT_DLOPEN || field_int_member(p, "is_pic"));
	}
}

/* A stream without a clock, or a time before the origin, has no time. */
static uint64_t event_time(const bt_message *msg)
{
	const bt_clock_snapshot *snapshot;
	int64_t ns;

	if (!bt_message_event_borrow_stream_class_default_clock_class_const(msg))
		return 0;
	snapshot = bt_message_event_borrow_default_clock_snapshot_const(msg);
	if (bt_clock_snapshot_get_ns_from_origin(snapshot, &ns)) {
		/*
		 * A garbled time overflows; the error it leaves would fail
		 * the source's next call to the library.
		 */
		bt_current_thread_clear_error();
		return 0;
	}
	return ns < 0 ? 0 : ns;
}

int event_reader_handle(struct event_reader *r, const bt_message *msg)
{
	const bt_event *event = bt_message_event_borrow_event_const(msg);
	const struct class_type *ct =
		type_of(r, bt_event_borrow_class_const(event));
	struct summary *s = &r->calls.views->summary;
	const struct event_type *type;
	struct event_view ev;

	if (!ct)
		return -1;
	type = ct->type;
	if (!ct->malformed && type->role == EVENT_OTHER)
		return 0;
	if (ct->malformed) {
		if (type->role < EVENT_STATEDUMP_START)
			s->numashim_events++;
		s->malformed_events++;
		return 0;
	}
	if (read_context(r, event, &ev))
		return -1;
	ev.payload = bt_event_borrow_payload_field_const(event);
	if (type->role >= EVENT_STATEDUMP_START)
		return on_map_event(r, type->role, &ev);
	s->numashim_events++;
	s->missing_contexts |= ct->missing_contexts;
	ev.call_id = field_int_member(ev.payload, "call_id");
	ev.time_ns = event_time(msg);
	timeline_see(&r->calls.views->timeline, ev.time_ns);
	/* The muxer hands the events over in time order. */
	if (!s->first_ns)
		s->first_ns = ev.time_ns;
	s->last_ns = ev.time_ns;
	switch (type->role) {
	case EVENT_ENTRY:
		return on_entry_event(r, type, &ev);
	case EVENT_EXIT:
		return on_exit_event(r, type, &ev);
	case EVENT_INT_CHUNK:
		return on_int_chunk(r, &ev);
	case EVENT_ADDR_CHUNK:
		return on_addr_chunk(r, &ev);
	case EVENT_REWRITE:
		return on_rewrite(r, &ev);
	case EVENT_WEIGHTS:
		return weights_read(&r->calls.weights, ev.vpid, ev.payload);
	case EVENT_MACHINE:
		return machines_read(&r->calls.machines, ev.vpid, ev.call_id,
				     ev.payload);
	case EVENT_MACHINE_NODE:
		return machines_read_node(&r->calls.machines, ev.vpid, ev.call_id,
					  ev.payload);
	case EVENT_PLACEMENT:
		return placements_read(&r->placements, ev.vpid, ev.call_id,
				       ev.payload);
	case EVENT_PAGE_STATE:
		return page_states_read_page(&r->page_states, ev.vpid,
					     ev.call_id, ev.payload);
	case EVENT_PAGE_STATES:
		return page_states_read_end(&r->page_states, ev.vpid,
					    ev.call_id, ev.payload);
	default:
		return 0;
	}
}

int event_reader_finish(struct event_reader *r)
{
	return calls_flush(&r->calls);
}
