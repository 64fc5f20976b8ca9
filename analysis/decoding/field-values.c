// SPDX-License-Identifier: LGPL-2.1-or-later
#include "field-values.h"

const bt_field *field_member(const bt_field *s, const char *name)
{
	if (!s || bt_field_get_class_type(s) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return NULL;
	return bt_field_structure_borrow_member_field_by_name_const(s, name);
}

bool field_int_value(const bt_field *f, int64_t *v)
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

int64_t field_int_member(const bt_field *s, const char *name)
{
	int64_t v = 0;

	field_int_value(field_member(s, name), &v);
	return v;
}

const char *field_string_member(const bt_field *s, const char *name)
{
	const bt_field *f = field_member(s, name);

	if (!f || bt_field_get_class_type(f) != BT_FIELD_CLASS_TYPE_STRING)
		return NULL;
	return bt_field_string_get_value(f);
}

bool field_is_array(const bt_field *f)
{
	return f && bt_field_class_type_is(bt_field_get_class_type(f),
					   BT_FIELD_CLASS_TYPE_ARRAY);
}

/* The array readers of field-values.h, one a type of element. */
#define FIELD_ELEMENTS(name, type)					\
bool name(const bt_field *array, uint64_t n, type *v)			\
{									\
	uint64_t i;							\
	int64_t x;							\
									\
	if (!field_is_array(array) || bt_field_array_get_length(array) < n) \
		return false;						\
	for (i = 0; i < n; i++) {					\
		if (!field_int_value(					\
			    bt_field_array_borrow_element_field_by_index_const( \
				    array, i), &x))			\
			return false;					\
		v[i] = x;						\
	}								\
	return true;							\
}

FIELD_ELEMENTS(field_uint_elements, uint32_t)
FIELD_ELEMENTS(field_u64_elements, uint64_t)
FIELD_ELEMENTS(field_i32_elements, int32_t)
