// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "event-types.h"
#include "events.h"
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
	int64_t vpid;
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
	/* A numashim event this report does not know is not one it can read. */
	ct->malformed = !event_class_has_fields(cls, ct->type) ||
			(ct->type == &other_event &&
			 !strncmp(bt_event_class_get_name(cls) ?: "", "numashim:",
				  strlen("numashim:")));
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

static const bt_field *member(const bt_field *s, const char *name)
{
	if (!s || bt_field_get_class_type(s) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return NULL;
	return bt_field_structure_borrow_member_field_by_name_const(s, name);
}

/* An integer or enumeration field's value; false when it is neither. */
static bool int_value(const bt_field *f, int64_t *v)
{
	bt_field_class_type type;

	if (!f)
		return false;
	type = bt_field_get_class_type(f);
	if (bt_field_class_type_is(type, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER))
		*v = bt_field_integer_signed_get_value(f);
	else if (bt_field_class_type_is(type,
					BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER))
		*v = (int64_t) bt_field_integer_unsigned_get_value(f);
	else
		return false;
	return true;
}

/* A member's integer value, or 0 when the event lacks it. */
static int64_t int_member(const bt_field *s, const char *name)
{
	int64_t v = 0;

	int_value(member(s, name), &v);
	return v;
}

static const char *string_member(const bt_field *s, const char *name)
{
	const bt_field *f = member(s, name);

	if (!f || bt_field_get_class_type(f) != BT_FIELD_CLASS_TYPE_STRING)
		return NULL;
	return bt_field_string_get_value(f);
}

static void read_context(const bt_event *event, struct event_view *view)
{
	const bt_field *ctx = bt_event_borrow_common_context_field_const(event);

	view->ip = int_member(ctx, "ip");
	view->vtid = -1;
	int_value(member(ctx, "vtid"), &view->vtid);
	view->procname = string_member(ctx, "procname");
	view->vpid = -1;
	int_value(member(ctx, "vpid"), &view->vpid);
}

static bool is_array(const bt_field *f)
{
	return f && bt_field_class_type_is(bt_field_get_class_type(f),
					   BT_FIELD_CLASS_TYPE_ARRAY);
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

	if (!is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	for (i = 0; i < len; i++) {
		int_value(bt_field_array_borrow_element_field_by_index_const(
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

	if (!is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	for (i = 0; i < len; i++) {
		int_value(bt_field_array_borrow_element_field_by_index_const(
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

/* The node arrays of an exit: move_pages' nodes, the node masks. */
static int feed_exit_arrays(struct call *c, enum call_kind kind,
			     const bt_field *p)
{
	switch (kind) {
	case CALL_MOVE_PAGES:
		return feed_ints(c, member(p, "nodes"), 0, call_add_nodes);
	case CALL_MBIND:
		return feed_ints(c, member(p, "nodemask"), 0,
				 call_add_target_mask);
	case CALL_MIGRATE_PAGES:
		return feed_ints(c, member(p, "new_nodes"), 0,
				 call_add_target_mask) ||
		       feed_ints(c, member(p, "old_nodes"), 0,
				 call_add_source_mask) ? -1 : 0;
	case CALL_SET_MEMPOLICY:
		/* The policies view's, never a placement figure. */
		return feed_ints(c, member(p, "nodemask"), 0,
				 call_add_target_mask);
	default:
		return 0;
	}
}

/* The home node as a mask of one node: what a rule may change of it. */
static int home_node_mask(struct event_reader *r, const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);
	int32_t home = int_member(ev->payload, "home_node");

	return c ? call_add_target_mask(c, 0, &home, 1) : 0;
}

static int on_entry_event(struct event_reader *r,
			  const struct event_type *type,
			  const struct event_view *ev)
{
	const bt_field *p = ev->payload;
	struct call_start start = {
		.kind = type->kind, .vpid = ev->vpid, .call_id = ev->call_id,
		.tid = int_member(p, "tid"), .procname = ev->procname,
		.start_ns = ev->time_ns, .site = site_of(r, ev),
	};

	if (!start.site)
		return -1;
	if (!start.site->path)
		r->calls.views->summary.calls_in_no_binary++;
	if (type->kind == CALL_MOVE_PAGES) {
		start.count = int_member(p, "count");
		start.query = !int_member(p, "nodes_ptr");
	} else if (type->kind == CALL_MBIND) {
		start.addr = int_member(p, "addr");
		start.bytes = int_member(p, "len");
		start.mode = int_member(p, "mode");
	} else if (type->kind == CALL_SET_MEMPOLICY) {
		/* The kernel's split, joined again as mbind's mode is. */
		start.mode = (uint32_t) int_member(p, "mode") |
			     (uint64_t) int_member(p, "mode_flags");
	} else if (type->kind == CALL_SET_MEMPOLICY_HOME_NODE) {
		start.addr = int_member(p, "start");
		start.bytes = int_member(p, "len");
		start.home_node = int_member(p, "home_node");
	}
	start.page_size = int_member(p, "page_size");
	if (type->kind == CALL_MBIND && !member(p, "page_size"))
		r->calls.views->summary.calls_without_page_size++;
	start.flags = int_member(p, "flags");
	if (calls_begin(&r->calls, &start))
		return -1;
	return type->kind == CALL_SET_MEMPOLICY_HOME_NODE ?
	       home_node_mask(r, ev) : 0;
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
	int64_t array = int_member(ev->payload, "array");
	uint64_t offset = int_member(ev->payload, "offset");
	const bt_field *values = member(ev->payload, "values");

	if (!c || array < 0 || array >= (int64_t) (sizeof(adders) /
						   sizeof(*adders)) ||
	    !adders[array])
		return 0;
	return feed_ints(c, values, offset, adders[array]);
}

static int on_addr_chunk(struct event_reader *r, const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);

	if (!c || int_member(ev->payload, "array") != NUMASHIM_ARRAY_INJECTED)
		return 0;
	return feed_injected(c, member(ev->payload, "values"),
			     int_member(ev->payload, "offset"));
}

static int on_rewrite(struct event_reader *r, const struct event_view *ev)
{
	struct call *c = calls_find(&r->calls, ev->vpid, ev->call_id);
	const bt_field *p = ev->payload;
	const char *text = string_member(p, "rule_text");
	struct call_rewrite_start w = {
		.injected_err = int_member(p, "injected_err"),
		.dry_run = int_member(p, "dry_run"),
		.mode = int_member(p, "mode"),
		.flags = int_member(p, "flags"),
	};

	if (!c)
		return 0;
	w.rule = rewrites_rule(&r->calls.views->rewrites,
			       int_member(p, "rule"), text ? text : "");
	if (!w.rule)
		return -1;
	call_rewritten(c, &w);
	return feed_ints(c, member(p, "kernel_nodes"), 0,
			 call_add_kernel_nodes) ||
	       feed_injected(c, member(p, "injected"), 0) ? -1 : 0;
}

/* An array field's first n elements into v; false when it is shorter. */
static bool uint_elements(const bt_field *array, uint64_t n, uint32_t *v)
{
	uint64_t i;
	int64_t x;

	if (!is_array(array) || bt_field_array_get_length(array) < n)
		return false;
	for (i = 0; i < n; i++) {
		if (!int_value(bt_field_array_borrow_element_field_by_index_const(
				       array, i), &x))
			return false;
		v[i] = x;
	}
	return true;
}

/* The weights of interleave_weights, for the process's calls from now on. */
static int on_weights(struct event_reader *r, const struct event_view *ev)
{
	const bt_field *nodes = member(ev->payload, "nodes");
	uint32_t node_v[NUMASHIM_WEIGHTS_MAX], weight_v[NUMASHIM_WEIGHTS_MAX];
	uint8_t weights[NUMASHIM_WEIGHTS_MAX];
	uint64_t n, i;

	if (!is_array(nodes))
		return 0;
	n = bt_field_array_get_length(nodes);
	if (n > NUMASHIM_WEIGHTS_MAX || !uint_elements(nodes, n, node_v) ||
	    !uint_elements(member(ev->payload, "weights"), n, weight_v))
		return 0;
	for (i = 0; i < n; i++)
		weights[i] = weight_v[i];
	return weights_set(&r->calls.weights, ev->vpid, node_v, weights, n);
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
		.ret = int_member(p, "ret"), .err = int_member(p, "err"),
		.latency_ns = int_member(p, "latency_ns"),
		.incomplete = int_member(p, "incomplete"),
		.end_ns = ev->time_ns,
	};

	/* Even with an entry: one of another kind makes this exit an orphan. */
	res.site = site_of(r, ev);
	if (!res.site)
		return -1;
	/* Short arrays ride in the exit, long ones came in chunks. */
	if (c && (feed_exit_arrays(c, type->kind, p) ||
		  (type->kind == CALL_MOVE_PAGES &&
		   feed_ints(c, member(p, "status"), 0, call_add_statuses))))
		return -1;
	return calls_end(&r->calls, c, &res);
}

/* Longer than any build-id a linker makes (SHA-1's 20 bytes, or MD5's). */
#define BUILD_ID_MAX 64

static int on_build_id(struct event_reader *r, const struct event_view *ev)
{
	const bt_field *array = member(ev->payload, "build_id");
	uint8_t build_id[BUILD_ID_MAX];
	uint64_t len, i;
	int64_t byte;

	if (!is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	if (len > BUILD_ID_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (!int_value(bt_field_array_borrow_element_field_by_index_const(
				       array, i), &byte))
			return 0;
		build_id[i] = byte;
	}
	return maps_set_build_id(&r->maps, ev->vpid,
				 int_member(ev->payload, "baddr"), build_id,
				 len);
}

static int on_map_event(struct event_reader *r, enum event_role role,
			const struct event_view *ev)
{
	const bt_field *p = ev->payload;
	uint64_t baddr = int_member(p, "baddr");

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
				int_member(p, "memsz"), string_member(p, "path"),
				role == EVENT_DLOPEN || int_member(p, "is_pic"));
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
	read_context(event, &ev);
	ev.payload = bt_event_borrow_payload_field_const(event);
	if (type->role >= EVENT_STATEDUMP_START)
		return on_map_event(r, type->role, &ev);
	s->numashim_events++;
	s->missing_contexts |= ct->missing_contexts;
	ev.call_id = int_member(ev.payload, "call_id");
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
		return on_weights(r, &ev);
	default:
		return 0;
	}
}

int event_reader_finish(struct event_reader *r)
{
	return calls_flush(&r->calls);
}
