// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * LAMI 1.0's objects, as its specification (lami-spec, v1.0.1) and
 * Trace Compass's reader of it have them: every cell a data object with
 * its class, null for an empty one, timestamps in ns since the Epoch.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json-writer.h"
#include "lami.h"
#include "output.h"

const char *const lami_class_names[LAMI_CLASSES] = {
	[LAMI_NUMBER] = "number",
	[LAMI_STRING] = "string",
	[LAMI_BOOL] = "bool",
	[LAMI_DURATION] = "duration",
	[LAMI_SIZE] = "size",
	[LAMI_PATH] = "path",
	[LAMI_PROCESS] = "process",
	[LAMI_TIME_RANGE] = "time-range",
};

const struct lami_cell lami_empty = { .value.type = DOC_EMPTY };

static struct lami_cell of(struct doc_cell value)
{
	return (struct lami_cell) { .value = value };
}

struct lami_cell lami_time_range(uint64_t begin_ns, uint64_t end_ns)
{
	return of(doc_range(begin_ns, end_ns));
}

static void put_number(struct json_writer *w, const struct doc_cell *cell)
{
	if (cell->type == DOC_UINT)
		json_uint(w, cell->v.u);
	else if (cell->type == DOC_INT)
		json_int(w, cell->v.i);
	else
		json_real(w, 1, cell->v.d);
}

/* A process object names what it knows of the process, and no more. */
static void put_process(struct json_writer *w, const struct lami_cell *cell)
{
	const char *name = cell->value.v.process.name;

	if (name && *name)
		json_member_string(w, "name", name);
	if (cell->value.v.process.pid >= 0)
		json_member_int(w, "pid", cell->value.v.process.pid);
	if (cell->value.v.process.tid >= 0)
		json_member_int(w, "tid", cell->value.v.process.tid);
}

static void put_timestamp(struct json_writer *w, const char *key, uint64_t ns)
{
	json_key(w, key);
	json_begin_object(w);
	json_member_string(w, "class", "timestamp");
	json_member_uint(w, "value", ns);
	json_end_object(w);
}

static void put_cell(struct json_writer *w, enum lami_class class,
		     const struct lami_cell *cell)
{
	if (cell->value.type == DOC_EMPTY) {
		json_null(w);
		return;
	}
	json_begin_object(w);
	json_member_string(w, "class", lami_class_names[class]);
	switch (class) {
	case LAMI_PROCESS:
		put_process(w, cell);
		break;
	case LAMI_STRING:
	case LAMI_PATH:
		json_member_string(w, class == LAMI_PATH ? "path" : "value",
				   cell->value.v.s);
		break;
	case LAMI_TIME_RANGE:
		put_timestamp(w, "begin", cell->value.v.range.begin);
		put_timestamp(w, "end", cell->value.v.range.end);
		break;
	case LAMI_BOOL:
		json_member_bool(w, "value", cell->value.v.b);
		break;
	default:
		json_key(w, "value");
		put_number(w, &cell->value);
	}
	json_end_object(w);
}

static void put_column(struct json_writer *w, const struct lami_column *column)
{
	json_begin_object(w);
	json_member_string(w, "title", column->title);
	json_member_string(w, "class", lami_class_names[column->class]);
	if (column->unit)
		json_member_string(w, "unit", column->unit);
	json_end_object(w);
}

static void put_table_class(struct json_writer *w,
			    const struct lami_table *table)
{
	size_t i;

	json_begin_object(w);
	json_member_string(w, "title", table->title);
	json_key(w, "column-descriptions");
	json_begin_array(w);
	for (i = 0; i < table->count; i++) {
		json_break(w, 4);
		put_column(w, &table->columns[i]);
	}
	json_end_array(w);
	json_end_object(w);
}

static const char *const lami_tags[] = {
	"numa", "memory", "lttng-ust", "numashim",
};

void lami_put_metadata(FILE *out, const char *title, const char *description,
		       const struct lami_table *table)
{
	struct json_writer w;
	size_t i;

	json_init(&w, out);
	json_begin_object(&w);
	json_key(&w, "mi-version");
	json_begin_object(&w);
	json_member_uint(&w, "major", 1);
	json_member_uint(&w, "minor", 0);
	json_end_object(&w);
	json_break(&w, 1);
	json_member_string(&w, "title", title);
	json_break(&w, 1);
	json_member_string(&w, "description", description);
	json_break(&w, 1);
	json_key(&w, "tags");
	json_begin_array(&w);
	for (i = 0; i < sizeof(lami_tags) / sizeof(*lami_tags); i++)
		json_string(&w, lami_tags[i]);
	json_end_array(&w);
	json_break(&w, 1);
	json_key(&w, "table-classes");
	json_begin_object(&w);
	json_key(&w, table->name);
	put_table_class(&w, table);
	json_end_object(&w);
	json_end_object(&w);
}

static void put_row(struct json_writer *w, const struct lami_table *table,
		    const void *rows, size_t row, struct lami_cell *cells)
{
	struct lami_texts texts;
	size_t i;

	for (i = 0; i < table->count; i++)
		cells[i] = lami_empty;
	table->row(rows, row, cells, &texts);
	json_begin_array(w);
	for (i = 0; i < table->count; i++)
		put_cell(w, table->columns[i].class, &cells[i]);
	json_end_array(w);
}

/* The one result table, its rows one a line. */
static void put_result(struct json_writer *w, const struct lami_table *table,
		       const void *rows, size_t count,
		       const struct lami_results *r)
{
	struct lami_cell cells[table->count];
	const struct lami_cell span = lami_time_range(r->begin_ns, r->end_ns);
	size_t i;

	json_begin_object(w);
	json_key(w, "time-range");
	put_cell(w, LAMI_TIME_RANGE, &span);
	json_break(w, 2);
	json_key(w, "class");
	if (table->dynamic)
		put_table_class(w, table);
	else
		json_string(w, table->name);
	json_break(w, 2);
	json_key(w, "data");
	json_begin_array(w);
	for (i = 0; i < count; i++) {
		json_break(w, 4);
		put_row(w, table, rows, i, cells);
	}
	json_end_array(w);
	json_end_object(w);
}

void lami_put_results(FILE *out, const struct lami_table *table,
		      const void *rows, size_t count,
		      const struct lami_results *r)
{
	struct json_writer w;

	if (r->limit && count > r->limit)
		count = r->limit;
	json_init(&w, out);
	json_begin_object(&w);
	json_key(&w, "results");
	json_begin_array(&w);
	put_result(&w, table, rows, count, r);
	json_end_array(&w);
	json_end_object(&w);
}

void lami_put_error(FILE *out, const char *message)
{
	struct json_writer w;

	json_init(&w, out);
	json_begin_object(&w);
	json_member_string(&w, "error-message", message);
	json_end_object(&w);
}

/* A decimal number that fits in 64 bits, and nothing else. */
static int parse_u64(const char *text, uint64_t *v)
{
	char *end;

	if (*text < '0' || *text > '9')
		return -1;
	errno = 0;
	*v = strtoull(text, &end, 10);
	return errno || *end ? -1 : 0;
}

int lami_parse_time(const char *text, uint64_t *ns)
{
	return parse_u64(text, ns);
}

int lami_parse_limit(const char *text, uint64_t *limit)
{
	if (!strcmp(text, "unlimited")) {
		*limit = 0;
		return 0;
	}
	return parse_u64(text, limit) || !*limit ? -1 : 0;
}
