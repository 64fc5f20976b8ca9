/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The event types the report reads, by name: numashim's, and lttng-ust's
 * statedump and dl events that name the calls' sites; and whether an
 * event class of a trace is laid out as its type must be, checked once
 * per class.
 */
#ifndef NUMASHIM_EVENT_TYPES_H
#define NUMASHIM_EVENT_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include <babeltrace2/babeltrace.h>

#include "summary.h"

enum event_role {
	EVENT_OTHER,
	EVENT_ENTRY,
	EVENT_EXIT,
	EVENT_INT_CHUNK,
	EVENT_ADDR_CHUNK,
	EVENT_REWRITE,
	EVENT_WEIGHTS,
	EVENT_MACHINE,
	EVENT_MACHINE_NODE,
	EVENT_PLACEMENT,
	EVENT_PAGE_STATE,
	EVENT_PAGE_STATES,
	/* Events the summary does not need, but which are numashim's. */
	EVENT_UNUSED,
	/* lttng-ust's own, which tell where the binaries are. */
	EVENT_STATEDUMP_START,
	EVENT_BIN_INFO,
	EVENT_BUILD_ID,
	EVENT_DLOPEN,
	EVENT_DLCLOSE,
};

struct field_spec;

struct event_type {
	const char *name;
	enum event_role role;
	enum call_kind kind;
	const struct field_spec *fields;
	size_t field_count;
	bool exact;
};

/* Any event the report does not read. */
extern const struct event_type other_event;

/* The type of the events named name; &other_event for any other. */
const struct event_type *event_type_by_name(const char *name);
/*
 * Whether name, of no type, is one of numashim's all the same: in its
 * provider, or one character away from a type's name, as a damaged
 * metadata makes it.
 */
bool event_name_is_ours(const char *name);

/* Whether the events of cls hold the fields that type needs. */
bool event_class_has_fields(const bt_event_class *cls,
			    const struct event_type *type);

/* The contexts of NUMASHIM_CONTEXTS that the events of cls lack. */
unsigned int event_class_missing_contexts(const bt_event_class *cls);

#endif /* NUMASHIM_EVENT_TYPES_H */
