/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A streaming JSON writer over a FILE *: the caller says what comes
 * (an object, a key, a number, the end of an array) and the writer puts
 * the punctuation, a comma before every member or element but the
 * first of its container, ": " after a key, ", " between items.
 *
 * The reports keep a layout of their own, a list's elements one a line:
 * json_break() before an item puts it on a new line, indented by as
 * many spaces as asked, after its comma. A document (the top-level
 * value) ends with a newline.
 *
 *	json_begin_object(w);
 *	json_key(w, "rows");
 *	json_begin_array(w);
 *	for (...) {
 *		json_break(w, 2);
 *		put_row(w, row);
 *	}
 *	json_end_array(w);
 *	json_break(w, 1);
 *	json_member_bool(w, "per_thread", false);
 *	json_end_object(w);
 *
 * gives {"rows": [\n  {...},\n  {...}],\n "per_thread": false}\n.
 */
#ifndef NUMASHIM_JSON_WRITER_H
#define NUMASHIM_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct json_writer {
	FILE *out;
	unsigned int depth;	/* containers open, 31 at most */
	uint32_t items;		/* bit d: the container at depth d has one */
	bool after_key;		/* a key waits for its value */
	int indent;		/* of the next item's line; < 0: no break */
};

void json_init(struct json_writer *w, FILE *out);

/* The next item (member or element) starts a line, indent spaces in. */
void json_break(struct json_writer *w, int indent);

void json_begin_object(struct json_writer *w);
void json_end_object(struct json_writer *w);
void json_begin_array(struct json_writer *w);
void json_end_array(struct json_writer *w);

/* A member's key, escaped as a string; its value comes next. */
void json_key(struct json_writer *w, const char *key);

/*
 * Values. A string is quoted and escaped, a byte that is not valid UTF-8
 * as U+FFFD, which JSON has to be; NULL is null. A real has decimals
 * digits after the point, as "%.*f" writes it. A literal is text already
 * JSON, e.g. a number another format wrote too.
 */
void json_string(struct json_writer *w, const char *s);
void json_int(struct json_writer *w, int64_t i);
void json_uint(struct json_writer *w, uint64_t u);
void json_real(struct json_writer *w, int decimals, double d);
void json_bool(struct json_writer *w, bool b);
void json_null(struct json_writer *w);
void json_literal(struct json_writer *w, const char *text);

/* A key and its value, the members objects mostly have. */
void json_member_string(struct json_writer *w, const char *key,
			const char *s);
void json_member_int(struct json_writer *w, const char *key, int64_t i);
void json_member_uint(struct json_writer *w, const char *key, uint64_t u);
void json_member_bool(struct json_writer *w, const char *key, bool b);

#endif /* NUMASHIM_JSON_WRITER_H */
