// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Any view's document as one JSON object, every figure exact, for
 * scripts: {"LIST": [\n  ROW,\n  ROW],\n MEMBERS,\n "numashim_events": N,
 * \n "warnings": [...]}, a table's rows as objects of its columns' keys
 * one a line (those from the table's rest on as a list of their own when
 * its shape names one), a members table's cells as members of the
 * object, and the counts of events lost too when the document has them.
 */
#include <inttypes.h>
#include <string.h>

#include "document.h"
#include "json-writer.h"
#include "output.h"

static void put_row(struct json_writer *w, const struct doc_table *t,
		    size_t r);

static void put_counts(struct json_writer *w, const struct doc_column *col,
		       const struct doc_cell *cell)
{
	size_t i;

	json_begin_object(w);
	for (i = 0; i < col->label_count; i++) {
		uint64_t count = cell->v.counts.v[i * cell->v.counts.stride];

		if (count || !(col->flags & DOC_SKIP_ZERO))
			json_member_uint(w, col->labels[i], count);
	}
	json_end_object(w);
}

static void put_map(struct json_writer *w, const struct doc_cell *cell)
{
	char key[DOC_TEXT_MAX];
	uint64_t count;
	size_t i;

	json_begin_object(w);
	for (i = 0; i < cell->v.map.count; i++) {
		cell->v.map.entry(cell->v.map.src, i, key, sizeof(key), &count);
		json_member_uint(w, key, count);
	}
	json_end_object(w);
}

static void put_value(struct json_writer *w, const struct doc_column *col,
		      const struct doc_cell *cell)
{
	char text[DOC_TEXT_MAX];
	size_t i;

	switch (cell->type) {
	case DOC_EMPTY:
		json_null(w);
		break;
	case DOC_INT:
		json_int(w, cell->v.i);
		break;
	case DOC_UINT:
		json_uint(w, cell->v.u);
		break;
	case DOC_REAL:
		json_real(w, 1, cell->v.d);
		break;
	case DOC_BOOL:
		json_bool(w, cell->v.b);
		break;
	case DOC_RANGE:
		json_begin_object(w);
		json_member_uint(w, "begin", cell->v.range.begin);
		json_member_uint(w, "end", cell->v.range.end);
		json_end_object(w);
		break;
	case DOC_NODES:
		json_begin_array(w);
		for (i = 0; i < cell->v.nodes.count; i++)
			json_int(w, cell->v.nodes.v[i]);
		json_end_array(w);
		break;
	case DOC_COUNTS:
		put_counts(w, col, cell);
		break;
	case DOC_MAP:
		put_map(w, cell);
		break;
	case DOC_ROWS:
		json_begin_array(w);
		for (i = 0; i < cell->v.rows->row_count; i++)
			put_row(w, cell->v.rows, i);
		json_end_array(w);
		break;
	default:
		json_string(w, doc_cell_text(cell, text, sizeof(text)));
	}
}

/* The length of key's object name, "a" of "a.b"; 0 when it has none. */
static size_t group_length(const char *key)
{
	const char *dot = strchr(key, '.');

	return dot ? (size_t) (dot - key) : 0;
}

/*
 * The members of row r, a column whose key is "a.b" as member b of
 * object a, which the columns after it with the same a share.
 */
static void put_members(struct json_writer *w, const struct doc_table *t,
			size_t r)
{
	const struct doc_shape *shape = t->shape;
	const struct doc_cell *cells = doc_row(t, r);
	size_t i, n = doc_column_count(shape, NUMASHIM_REPORT_JSON);
	const char *group = NULL;
	size_t group_len = 0;
	char name[64];

	for (i = 0; i < n; i++) {
		size_t c = doc_column_at(shape, NUMASHIM_REPORT_JSON, i);
		const struct doc_column *col = &shape->columns[c];
		size_t len;

		if (!(col->formats & DOC_IN(JSON)) ||
		    (cells[c].type == DOC_EMPTY &&
		     (col->flags & DOC_OMIT_EMPTY)))
			continue;
		len = group_length(col->key);
		if (group && (len != group_len ||
			      strncmp(group, col->key, len))) {
			json_end_object(w);
			group = NULL;
		}
		if (!group && len) {
			group = col->key;
			group_len = len;
			snprintf(name, sizeof(name), "%.*s", (int) len, group);
			json_key(w, name);
			json_begin_object(w);
		}
		json_key(w, col->key + (len ? len + 1 : 0));
		put_value(w, col, &cells[c]);
	}
	if (group)
		json_end_object(w);
}

static void put_row(struct json_writer *w, const struct doc_table *t,
		    size_t r)
{
	json_begin_object(w);
	put_members(w, t, r);
	json_end_object(w);
}

static void put_rows(struct json_writer *w, const struct doc_table *t,
		     const char *list, size_t from, size_t to)
{
	size_t r;

	json_key(w, list);
	json_begin_array(w);
	for (r = from; r < to; r++) {
		json_break(w, 2);
		put_row(w, t, r);
	}
	json_end_array(w);
}

/* The rows from t->rest on in a list of their own, when the shape says. */
static void put_list(struct json_writer *w, const struct doc_table *t)
{
	const struct doc_shape *shape = t->shape;
	size_t end = shape->rest ? t->rest : t->row_count;

	put_rows(w, t, shape->list ? shape->list : shape->name, 0, end);
	if (!shape->rest)
		return;
	json_break(w, 1);
	put_rows(w, t, shape->rest, end, t->row_count);
}

int print_document_json(FILE *out, const struct document *d,
			const struct numashim_report_options *options)
{
	struct json_writer w;
	bool first = true;
	size_t i;

	(void) options;
	json_init(&w, out);
	json_begin_object(&w);
	for (i = 0; i < d->table_count; i++) {
		const struct doc_table *t = d->tables[i];

		if (!doc_table_in(t, NUMASHIM_REPORT_JSON))
			continue;
		if (!first)
			json_break(&w, 1);
		first = false;
		if (t->shape->members)
			put_members(&w, t, 0);
		else
			put_list(&w, t);
	}
	if (d->losses) {
		put_json_losses(&w, d->summary);
	} else {
		json_break(&w, 1);
		json_member_uint(&w, "numashim_events",
				 d->summary->numashim_events);
	}
	json_break(&w, 1);
	put_json_document_warnings(&w, d);
	json_end_object(&w);
	return 0;
}
