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

const struct lami_cell lami_empty = { .is = LAMI_EMPTY };

struct lami_cell lami_uint(uint64_t u)
{
	return (struct lami_cell) { .is = LAMI_UINT, .v.u = u };
}

struct lami_cell lami_int(int64_t i)
{
	return (struct lami_cell) { .is = LAMI_INT, .v.i = i };
}

struct lami_cell lami_real(double d)
{
	return (struct lami_cell) { .is = LAMI_REAL, .v.d = d };
}

struct lami_cell lami_text(const char *s)
{
	return s ? (struct lami_cell) { .is = LAMI_TEXT, .v.s = s } :
		   lami_empty;
}

struct lami_cell lami_flag(bool b)
{
	return (struct lami_cell) { .is = LAMI_FLAG, .v.b = b };
}

struct lami_cell lami_process(const char *name, int64_t pid, int64_t tid)
{
	return (struct lami_cell) {
		.is = LAMI_TEXT, .v.s = name, .pid = pid, .tid = tid,
	};
}

struct lami_cell lami_time_range(uint64_t begin_ns, uint64_t end_ns)
{
	return (struct lami_cell) {
		.is = LAMI_RANGE, .v.range = { begin_ns, end_ns },
	};
}

static void put_number(FILE *out, const struct lami_cell *cell)
{
	if (cell->is == LAMI_UINT)
		fprintf(out, "%" PRIu64, cell->v.u);
	else if (cell->is == LAMI_INT)
		fprintf(out, "%" PRId64, cell->v.i);
	else
		fprintf(out, "%.1f", cell->v.d);
}

/* A process object names what it knows of the process, and no more. */
static void put_process(FILE *out, const struct lami_cell *cell)
{
	if (cell->v.s && *cell->v.s) {
		fputs(", \"name\": ", out);
		put_json_string(out, cell->v.s);
	}
	if (cell->pid >= 0)
		fprintf(out, ", \"pid\": %" PRId64, cell->pid);
	if (cell->tid >= 0)
		fprintf(out, ", \"tid\": %" PRId64, cell->tid);
}

static void put_range(FILE *out, const struct lami_cell *cell)
{
	fprintf(out, ", \"begin\": {\"class\": \"timestamp\", \"value\": %"
		PRIu64 "}, \"end\": {\"class\": \"timestamp\", \"value\": %"
		PRIu64 "}", cell->v.range.begin, cell->v.range.end);
}

static void put_cell(FILE *out, enum lami_class class,
		     const struct lami_cell *cell)
{
	if (cell->is == LAMI_EMPTY) {
		fputs("null", out);
		return;
	}
	fprintf(out, "{\"class\": \"%s\"", lami_class_names[class]);
	switch (class) {
	case LAMI_PROCESS:
		put_process(out, cell);
		break;
	case LAMI_STRING:
	case LAMI_PATH:
		fprintf(out, ", \"%s\": ", class == LAMI_PATH ? "path" :
			"value");
		put_json_string(out, cell->v.s);
		break;
	case LAMI_TIME_RANGE:
		put_range(out, cell);
		break;
	case LAMI_BOOL:
		fprintf(out, ", \"value\": %s", cell->v.b ? "true" : "false");
		break;
	default:
		fputs(", \"value\": ", out);
		put_number(out, cell);
	}
	fputc('}', out);
}

static void put_column(FILE *out, const struct lami_column *column)
{
	fputs("{\"title\": ", out);
	put_json_string(out, column->title);
	fprintf(out, ", \"class\": \"%s\"", lami_class_names[column->class]);
	if (column->unit) {
		fputs(", \"unit\": ", out);
		put_json_string(out, column->unit);
	}
	fputc('}', out);
}

static void put_table_class(FILE *out, const struct lami_table *table)
{
	size_t i;

	fputs("{\"title\": ", out);
	put_json_string(out, table->title);
	fputs(", \"column-descriptions\": [", out);
	for (i = 0; i < table->count; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		put_column(out, &table->columns[i]);
	}
	fputs("]}", out);
}

void lami_put_metadata(FILE *out, const char *title, const char *description,
		       const struct lami_table *table)
{
	fputs("{\"mi-version\": {\"major\": 1, \"minor\": 0},\n \"title\": ",
	      out);
	put_json_string(out, title);
	fputs(",\n \"description\": ", out);
	put_json_string(out, description);
	fputs(",\n \"tags\": [\"numa\", \"memory\", \"lttng-ust\", "
	      "\"numashim\"],\n \"table-classes\": {", out);
	put_json_string(out, table->name);
	fputs(": ", out);
	put_table_class(out, table);
	fputs("}}\n", out);
}

static void put_row(FILE *out, const struct lami_table *table,
		    const void *rows, size_t row, struct lami_cell *cells)
{
	struct lami_texts texts;
	size_t i;

	for (i = 0; i < table->count; i++)
		cells[i] = lami_empty;
	table->row(rows, row, cells, &texts);
	fputc('[', out);
	for (i = 0; i < table->count; i++) {
		fputs(i ? ", " : "", out);
		put_cell(out, table->columns[i].class, &cells[i]);
	}
	fputc(']', out);
}

void lami_put_results(FILE *out, const struct lami_table *table,
		      const void *rows, size_t count,
		      const struct lami_results *r)
{
	struct lami_cell cells[table->count];
	const struct lami_cell span = lami_time_range(r->begin_ns, r->end_ns);
	size_t i;

	if (r->limit && count > r->limit)
		count = r->limit;
	fputs("{\"results\": [{\"time-range\": ", out);
	put_cell(out, LAMI_TIME_RANGE, &span);
	fputs(",\n  \"class\": ", out);
	if (table->dynamic)
		put_table_class(out, table);
	else
		put_json_string(out, table->name);
	fputs(",\n  \"data\": [", out);
	for (i = 0; i < count; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		put_row(out, table, rows, i, cells);
	}
	fputs("]}]}\n", out);
}

void lami_put_error(FILE *out, const char *message)
{
	fputs("{\"error-message\": ", out);
	put_json_string(out, message);
	fputs("}\n", out);
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
