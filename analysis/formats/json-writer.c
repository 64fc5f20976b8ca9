// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The JSON writer (json-writer.h): for each open container, one bit that
 * says whether it has an item yet, hence whether the next needs a comma.
 */
#include <inttypes.h>

#include "json-writer.h"
#include "output.h"

void json_init(struct json_writer *w, FILE *out)
{
	*w = (struct json_writer) { .out = out, .indent = -1 };
}

void json_break(struct json_writer *w, int indent)
{
	w->indent = indent;
}

/* What comes before an item: its comma, its line; nothing after a key. */
static void put_separator(struct json_writer *w)
{
	uint32_t bit = UINT32_C(1) << w->depth;
	bool first = !(w->items & bit);

	if (w->after_key) {
		w->after_key = false;
		return;
	}
	w->items |= bit;
	if (!first)
		fputc(',', w->out);
	if (w->indent >= 0)
		fprintf(w->out, "\n%*s", w->indent, "");
	else if (!first)
		fputc(' ', w->out);
	w->indent = -1;
}

static void begin(struct json_writer *w, char open)
{
	put_separator(w);
	fputc(open, w->out);
	w->depth++;
	w->items &= ~(UINT32_C(1) << w->depth);
}

static void end(struct json_writer *w, char close)
{
	w->depth--;
	w->indent = -1;
	fputc(close, w->out);
	if (!w->depth)
		fputc('\n', w->out);
}

void json_begin_object(struct json_writer *w)
{
	begin(w, '{');
}

void json_end_object(struct json_writer *w)
{
	end(w, '}');
}

void json_begin_array(struct json_writer *w)
{
	begin(w, '[');
}

void json_end_array(struct json_writer *w)
{
	end(w, ']');
}

/*
 * A string as JSON must have it: valid UTF-8 (a byte that is not, as
 * U+FFFD), quotes, backslashes and control characters escaped.
 */
static void put_string(FILE *out, const char *s)
{
	unsigned long c;
	size_t len;

	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s += len ? len : 1) {
		len = utf8_decode(s, &c);
		if (!len)
			fputs("\\ufffd", out);
		else if (c == '"' || c == '\\')
			fprintf(out, "\\%c", *s);
		else if (c < 0x20)
			fprintf(out, "\\u%04lx", c);
		else
			fwrite(s, 1, len, out);
	}
	fputc('"', out);
}

void json_key(struct json_writer *w, const char *key)
{
	put_separator(w);
	put_string(w->out, key);
	fputs(": ", w->out);
	w->after_key = true;
}

void json_string(struct json_writer *w, const char *s)
{
	put_separator(w);
	put_string(w->out, s);
}

void json_int(struct json_writer *w, int64_t i)
{
	put_separator(w);
	fprintf(w->out, "%" PRId64, i);
}

void json_uint(struct json_writer *w, uint64_t u)
{
	put_separator(w);
	fprintf(w->out, "%" PRIu64, u);
}

void json_real(struct json_writer *w, int decimals, double d)
{
	put_separator(w);
	fprintf(w->out, "%.*f", decimals, d);
}

void json_literal(struct json_writer *w, const char *text)
{
	put_separator(w);
	fputs(text, w->out);
}

void json_bool(struct json_writer *w, bool b)
{
	json_literal(w, b ? "true" : "false");
}

void json_null(struct json_writer *w)
{
	json_literal(w, "null");
}

void json_member_string(struct json_writer *w, const char *key,
			const char *s)
{
	json_key(w, key);
	json_string(w, s);
}

void json_member_int(struct json_writer *w, const char *key, int64_t i)
{
	json_key(w, key);
	json_int(w, i);
}

void json_member_uint(struct json_writer *w, const char *key, uint64_t u)
{
	json_key(w, key);
	json_uint(w, u);
}

void json_member_bool(struct json_writer *w, const char *key, bool b)
{
	json_key(w, key);
	json_bool(w, b);
}
