// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <limits.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "numashim-fields.h"
#include "numashim-payload.h"

enum event_role {
	EVENT_OTHER,
	EVENT_ENTRY,
	EVENT_EXIT,
	EVENT_INT_CHUNK,
	EVENT_ADDR_CHUNK,
	EVENT_REWRITE,
	/* Events the summary does not need, but which are numashim's. */
	EVENT_UNUSED,
	/* lttng-ust's own, which tell where the binaries are. */
	EVENT_STATEDUMP_START,
	EVENT_BIN_INFO,
	EVENT_BUILD_ID,
	EVENT_DLOPEN,
	EVENT_DLCLOSE,
};

/*
 * A payload field as an event class must declare it: an integer or
 * enumeration of that width and signedness, shown in that base, a
 * sequence of such integers, or a string.
 */
enum field_class {
	FIELD_INTEGER,
	FIELD_ENUMERATION,
	FIELD_SEQUENCE,
	FIELD_STRING,
};

struct field_spec {
	const char *name;
	enum field_class cls;
	unsigned int base;	/* 0: any */
	bool optional;		/* may be absent: of a later numashim */
	unsigned int bits;	/* of the integer or of each element; 0: any */
	bool is_signed;		/* unless bits is 0 */
};

/* The classes of numashim-fields.h's kinds. */
#define FIELD_KIND_int FIELD_INTEGER, 10, false
#define FIELD_KIND_int_added FIELD_INTEGER, 10, true
#define FIELD_KIND_hex FIELD_INTEGER, 16, false
#define FIELD_KIND_via FIELD_ENUMERATION, 10, false
#define FIELD_KIND_error FIELD_ENUMERATION, 10, false
#define FIELD_KIND_array FIELD_ENUMERATION, 10, false
#define FIELD_KIND_ints FIELD_SEQUENCE, 10, false
#define FIELD_KIND_hexes FIELD_SEQUENCE, 16, false
#define FIELD_KIND_string FIELD_STRING, 0, false

#define FIELD_SPEC(kind, ctype, name, ...)				\
	{ #name, FIELD_KIND_##kind, sizeof(ctype) * CHAR_BIT,		\
	  (ctype) -1 < (ctype) 1 },

#define FIELD_SPECS(...)						\
	.fields = (const struct field_spec[]) { __VA_ARGS__ },		\
	.field_count = sizeof((const struct field_spec[]) { __VA_ARGS__ }) / \
		       sizeof(struct field_spec)

/*
 * numashim's events must declare exactly the fields of their tracepoints,
 * in their order, each of its width and base; lttng-ust's must declare
 * at least those the report reads, of their class, whatever else its
 * releases and word sizes make of them.
 */
#define NUMASHIM_FIELD_SPECS(TABLE)					\
	FIELD_SPECS(TABLE(FIELD_SPEC)), .exact = true

#define CALL_EVENTS(name, TAG, flags, arrays)				\
	{ NUMASHIM_ENTRY_EVENT(name), EVENT_ENTRY, CALL_##TAG,		\
	  NUMASHIM_FIELD_SPECS(NUMASHIM_##TAG##_ENTRY_FIELDS) },	\
	{ NUMASHIM_EXIT_EVENT(name), EVENT_EXIT, CALL_##TAG,		\
	  NUMASHIM_FIELD_SPECS(NUMASHIM_##TAG##_EXIT_FIELDS) },

/* A field of lttng-ust's, of any width and base. */
#define LTTNG_UST_SPEC(name, cls) { name, FIELD_##cls, 0, false, 0, false }
#define BADDR_SPEC LTTNG_UST_SPEC("baddr", INTEGER)
#define MEMSZ_SPEC LTTNG_UST_SPEC("memsz", INTEGER)
#define PATH_SPEC LTTNG_UST_SPEC("path", STRING)
#define BUILD_ID_SPECS							\
	FIELD_SPECS(BADDR_SPEC, LTTNG_UST_SPEC("build_id", SEQUENCE))

static const struct event_type {
	const char *name;
	enum event_role role;
	enum call_kind kind;
	const struct field_spec *fields;
	size_t field_count;
	bool exact;
} event_types[] = {
	NUMASHIM_CALLS(CALL_EVENTS)
	{ NUMASHIM_EVENT(int_chunk), EVENT_INT_CHUNK, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_INT_CHUNK_FIELDS) },
	{ NUMASHIM_EVENT(rewrite), EVENT_REWRITE, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_REWRITE_FIELDS) },
	{ NUMASHIM_EVENT(addr_chunk), EVENT_ADDR_CHUNK, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_ADDR_CHUNK_FIELDS) },
	{ NUMASHIM_EVENT(array_incomplete), EVENT_UNUSED, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_ARRAY_INCOMPLETE_FIELDS) },
	{ "lttng_ust_statedump:start", EVENT_STATEDUMP_START, 0,
	  .fields = NULL },
	{ "lttng_ust_statedump:bin_info", EVENT_BIN_INFO, 0,
	  FIELD_SPECS(BADDR_SPEC, MEMSZ_SPEC, PATH_SPEC,
		      LTTNG_UST_SPEC("is_pic", INTEGER)) },
	{ "lttng_ust_statedump:build_id", EVENT_BUILD_ID, 0, BUILD_ID_SPECS },
	{ "lttng_ust_dl:dlopen", EVENT_DLOPEN, 0,
	  FIELD_SPECS(BADDR_SPEC, MEMSZ_SPEC, PATH_SPEC) },
	{ "lttng_ust_dl:build_id", EVENT_BUILD_ID, 0, BUILD_ID_SPECS },
	{ "lttng_ust_dl:dlclose", EVENT_DLCLOSE, 0, FIELD_SPECS(BADDR_SPEC) },
};

static const struct event_type other_event = {
	NULL, EVENT_OTHER, 0, .fields = NULL
};

/* An event class, referenced so that its address stays its own. */
struct class_type {
	const bt_event_class *cls;
	const struct event_type *type;
	bool malformed;		/* without the fields its type needs */
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

static const struct event_type *type_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(event_types) / sizeof(*event_types); i++)
		if (name && !strcmp(name, event_types[i].name))
			return &event_types[i];
	return &other_event;
}

/* Whether fc is an integer (or enumeration) of the spec's layout. */
static bool integer_matches(const bt_field_class *fc,
			    const struct field_spec *spec)
{
	bt_field_class_type type = bt_field_class_get_type(fc);

	if (!bt_field_class_type_is(type, BT_FIELD_CLASS_TYPE_INTEGER))
		return false;
	if (!spec->bits)
		return true;
	return bt_field_class_integer_get_field_value_range(fc) == spec->bits &&
	       bt_field_class_type_is(type, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER) ==
		       spec->is_signed &&
	       (unsigned int) bt_field_class_integer_get_preferred_display_base(
		       fc) == spec->base;
}

static bool field_matches(const bt_field_class *fc,
			  const struct field_spec *spec)
{
	bt_field_class_type type = bt_field_class_get_type(fc);
	bool is_enum = bt_field_class_type_is(type,
					      BT_FIELD_CLASS_TYPE_ENUMERATION);

	switch (spec->cls) {
	case FIELD_INTEGER:
		return !is_enum && integer_matches(fc, spec);
	case FIELD_ENUMERATION:
		return is_enum && integer_matches(fc, spec);
	case FIELD_SEQUENCE:
		return bt_field_class_type_is(type,
					      BT_FIELD_CLASS_TYPE_DYNAMIC_ARRAY) &&
		       integer_matches(
			       bt_field_class_array_borrow_element_field_class_const(
				       fc), spec);
	case FIELD_STRING:
		return type == BT_FIELD_CLASS_TYPE_STRING;
	}
	return false;
}

/* The class of fc's member at, if it is named name. */
static const bt_field_class *member_at(const bt_field_class *fc,
				       uint64_t at, const char *name)
{
	const bt_field_class_structure_member *m;

	if (at >= bt_field_class_structure_get_member_count(fc))
		return NULL;
	m = bt_field_class_structure_borrow_member_by_index_const(fc, at);
	if (strcmp(bt_field_class_structure_member_get_name(m), name))
		return NULL;
	return bt_field_class_structure_member_borrow_field_class_const(m);
}

/*
 * Whether the payload class fc declares exactly the fields of type: in
 * its order, each sequence after the unsigned integer that holds its
 * length (_NAME_length, as lttng-ust names it), and nothing else but
 * for the fields that traces of an earlier numashim lack.
 */
static bool has_exact_fields(const bt_field_class *fc,
			     const struct event_type *type)
{
	const struct field_spec *spec = type->fields;
	const bt_field_class *member;
	char length_name[64];
	uint64_t at = 0;

	for (; spec < type->fields + type->field_count; spec++) {
		if (spec->cls == FIELD_SEQUENCE) {
			snprintf(length_name, sizeof(length_name), "_%s_length",
				 spec->name);
			member = member_at(fc, at++, length_name);
			if (!member || bt_field_class_get_type(member) !=
				       BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER)
				return false;
		}
		member = member_at(fc, at, spec->name);
		if (!member && spec->optional)
			continue;
		if (!member || !field_matches(member, spec))
			return false;
		at++;
	}
	return at == bt_field_class_structure_get_member_count(fc);
}

/* Whether fc declares each field of type, wherever, among others. */
static bool has_each_field(const bt_field_class *fc,
			   const struct event_type *type)
{
	const struct field_spec *spec = type->fields;
	const bt_field_class_structure_member *m;

	for (; spec < type->fields + type->field_count; spec++) {
		m = bt_field_class_structure_borrow_member_by_name_const(
			fc, spec->name);
		if (!m || !field_matches(
			    bt_field_class_structure_member_borrow_field_class_const(
				    m), spec))
			return false;
	}
	return true;
}

/* Whether the events of cls hold the fields that type needs. */
static bool has_fields(const bt_event_class *cls,
		       const struct event_type *type)
{
	const bt_field_class *fc =
		bt_event_class_borrow_payload_field_class_const(cls);

	if (!type->field_count)
		return true;
	if (!fc || bt_field_class_get_type(fc) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return false;
	return type->exact ? has_exact_fields(fc, type) :
			     has_each_field(fc, type);
}

/* Names are compared, and fields checked, once per event class. */
static struct class_type *classify(struct event_reader *r,
				   const bt_event_class *cls)
{
	struct class_type *ct = malloc(sizeof(*ct));

	if (!ct)
		return NULL;
	ct->cls = cls;
	ct->type = type_by_name(bt_event_class_get_name(cls));
	/* A numashim event this report does not know is not one it can read. */
	ct->malformed = !has_fields(cls, ct->type) ||
			(ct->type == &other_event &&
			 !strncmp(bt_event_class_get_name(cls) ?: "", "numashim:",
				  strlen("numashim:")));
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

static bool read_context(const bt_event *event, struct event_view *view)
{
	const bt_field *ctx = bt_event_borrow_common_context_field_const(event);

	view->ip = int_member(ctx, "ip");
	view->vtid = -1;
	int_value(member(ctx, "vtid"), &view->vtid);
	view->procname = string_member(ctx, "procname");
	view->vpid = -1;
	return int_value(member(ctx, "vpid"), &view->vpid);
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
	default:
		/* The policy calls move no pages: no placement figure. */
		return 0;
	}
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
		start.bytes = int_member(p, "len");
		start.mode = int_member(p, "mode");
	}
	start.page_size = int_member(p, "page_size");
	if (type->kind == CALL_MBIND && !member(p, "page_size"))
		r->calls.views->summary.calls_without_page_size++;
	start.flags = int_member(p, "flags");
	return calls_begin(&r->calls, &start);
}

static int on_int_chunk(struct event_reader *r, const struct event_view *ev)
{
	static const add_ints_fn adders[] = {
		[NUMASHIM_ARRAY_NODES] = call_add_nodes,
		[NUMASHIM_ARRAY_STATUS] = call_add_statuses,
		[NUMASHIM_ARRAY_NODEMASK] = call_add_target_mask,
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
	bool has_vpid;

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
	has_vpid = read_context(event, &ev);
	ev.payload = bt_event_borrow_payload_field_const(event);
	if (type->role >= EVENT_STATEDUMP_START)
		return on_map_event(r, type->role, &ev);
	s->numashim_events++;
	if (!has_vpid)
		s->no_vpid = true;
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
	default:
		return 0;
	}
}

int event_reader_finish(struct event_reader *r)
{
	return calls_flush(&r->calls);
}
