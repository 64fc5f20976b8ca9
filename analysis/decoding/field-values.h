/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The values of an event's payload fields, read whatever the integer
 * class their metadata gives them, and nothing when a field is absent or
 * of another class: the decoders check an event class's layout once
 * (event-types.h), but a damaged trace may still hold anything.
 */
#ifndef NUMASHIM_FIELD_VALUES_H
#define NUMASHIM_FIELD_VALUES_H

#include <stdbool.h>
#include <stdint.h>

#include <babeltrace2/babeltrace.h>

/* The member name of the structure s; NULL when s is none or lacks it. */
const bt_field *field_member(const bt_field *s, const char *name);

/* An integer or enumeration field's value; false when it is neither. */
bool field_int_value(const bt_field *f, int64_t *v);

/* A member's integer value, or 0 when the event lacks it. */
int64_t field_int_member(const bt_field *s, const char *name);

/* A member's string; NULL when the event lacks it. */
const char *field_string_member(const bt_field *s, const char *name);

bool field_is_array(const bt_field *f);

/* An array field's first n elements into v; false when it is shorter. */
bool field_uint_elements(const bt_field *array, uint64_t n, uint32_t *v);
bool field_u64_elements(const bt_field *array, uint64_t n, uint64_t *v);
bool field_i32_elements(const bt_field *array, uint64_t n, int32_t *v);

#endif /* NUMASHIM_FIELD_VALUES_H */
