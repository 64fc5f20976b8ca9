// SPDX-License-Identifier: LGPL-2.1-or-later
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "contexts.h"
#include "event-types.h"
#include "numashim-fields.h"

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
#define FIELD_KIND_mapping FIELD_ENUMERATION, 10, false
#define FIELD_KIND_ints FIELD_SEQUENCE, 10, false
#define FIELD_KIND_hexes FIELD_SEQUENCE, 16, false
#define FIELD_KIND_string FIELD_STRING, 0, false
#define FIELD_KIND_string_added FIELD_STRING, 0, true

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

static const struct event_type event_types[] = {
	NUMASHIM_CALLS(CALL_EVENTS)
	{ NUMASHIM_EVENT(int_chunk), EVENT_INT_CHUNK, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_INT_CHUNK_FIELDS) },
	{ NUMASHIM_EVENT(rewrite), EVENT_REWRITE, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_REWRITE_FIELDS) },
	{ NUMASHIM_EVENT(interleave_weights), EVENT_WEIGHTS, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_INTERLEAVE_WEIGHTS_FIELDS) },
	{ NUMASHIM_EVENT(machine), EVENT_MACHINE, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_MACHINE_FIELDS) },
	{ NUMASHIM_EVENT(machine_node), EVENT_MACHINE_NODE, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_MACHINE_NODE_FIELDS) },
	{ NUMASHIM_EVENT(placement), EVENT_PLACEMENT, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_PLACEMENT_FIELDS) },
	{ NUMASHIM_EVENT(page_state), EVENT_PAGE_STATE, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_PAGE_STATE_FIELDS) },
	{ NUMASHIM_EVENT(page_states), EVENT_PAGE_STATES, 0,
	  NUMASHIM_FIELD_SPECS(NUMASHIM_PAGE_STATES_FIELDS) },
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

const struct event_type other_event = {
	NULL, EVENT_OTHER, 0, .fields = NULL
};

const struct event_type *event_type_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(event_types) / sizeof(*event_types); i++)
		if (name && !strcmp(name, event_types[i].name))
			return &event_types[i];
	return &other_event;
}

/* Whether a and b, as long, differ in one character exactly. */
static bool one_apart(const char *a, const char *b)
{
	size_t apart = 0;

	for (; *a && *b; a++, b++)
		apart += *a != *b;
	return !*a && !*b && apart == 1;
}

bool event_name_is_ours(const char *name)
{
	size_t i;

	if (!name)
		return false;
	if (!strncmp(name, NUMASHIM_EVENT(), strlen(NUMASHIM_EVENT())))
		return true;
	for (i = 0; i < sizeof(event_types) / sizeof(*event_types); i++)
		if (one_apart(name, event_types[i].name))
			return true;
	return false;
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

bool event_class_has_fields(const bt_event_class *cls,
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

#define CONTEXT_SPEC(TAG, context, class, loss)				\
	{ .name = context, .cls = class },

unsigned int event_class_missing_contexts(const bt_event_class *cls)
{
	static const struct field_spec contexts[] = {
		NUMASHIM_CONTEXTS(CONTEXT_SPEC)
	};
	const bt_field_class *fc =
		bt_stream_class_borrow_event_common_context_field_class_const(
			bt_event_class_borrow_stream_class_const(cls));
	const bt_field_class_structure_member *m;
	unsigned int missing = 0, i;

	for (i = 0; i < sizeof(contexts) / sizeof(contexts[0]); i++) {
		m = fc && bt_field_class_get_type(fc) ==
				  BT_FIELD_CLASS_TYPE_STRUCTURE ?
			bt_field_class_structure_borrow_member_by_name_const(
				fc, contexts[i].name) : NULL;
		if (!m || !field_matches(
			    bt_field_class_structure_member_borrow_field_class_const(
				    m), &contexts[i]))
			missing |= 1U << i;
	}
	return missing;
}
