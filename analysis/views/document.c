// SPDX-License-Identifier: LGPL-2.1-or-later
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "document.h"
#include "hosts.h"

void document_init(struct document *d, const struct summary *s)
{
	*d = (struct document) { .summary = s };
}

void document_fini(struct document *d)
{
	size_t i;

	for (i = 0; i < d->alloc_count; i++)
		free(d->allocs[i]);
	free(d->allocs);
	free(d->tables);
}

void *doc_alloc(struct document *d, size_t count, size_t size)
{
	void **allocs = realloc(d->allocs,
				(d->alloc_count + 1) * sizeof(*allocs));
	void *p;

	if (!allocs)
		return NULL;
	d->allocs = allocs;
	/* One byte at least: a table without rows is not out of memory. */
	p = calloc(count ? count : 1, size ? size : 1);
	if (p)
		d->allocs[d->alloc_count++] = p;
	return p;
}

struct doc_table *doc_table_new(struct document *d,
				const struct doc_shape *shape, size_t rows)
{
	struct doc_table *t = doc_alloc(d, 1, sizeof(*t));

	if (!t)
		return NULL;
	t->shape = shape;
	t->row_count = rows;
	t->cells = doc_alloc(d, rows * shape->column_count, sizeof(*t->cells));
	return t->cells ? t : NULL;
}

struct doc_table *doc_table_add(struct document *d,
				const struct doc_shape *shape, size_t rows)
{
	struct doc_table **tables = realloc(d->tables, (d->table_count + 1) *
					    sizeof(*tables));
	struct doc_table *t;

	if (!tables)
		return NULL;
	d->tables = tables;
	t = doc_table_new(d, shape, rows);
	if (t)
		d->tables[d->table_count++] = t;
	return t;
}

const struct doc_column doc_head_columns[DOC_HEAD_COUNTS_MAX] = {
	{ .type = DOC_UINT, .formats = DOC_IN(TEXT) },
	{ .type = DOC_UINT, .formats = DOC_IN(TEXT) },
	{ .type = DOC_UINT, .formats = DOC_IN(TEXT) },
	{ .type = DOC_UINT, .formats = DOC_IN(TEXT) },
};

struct doc_table *doc_head_add(struct document *d,
			       const struct doc_shape *shape,
			       const uint64_t *v)
{
	struct doc_table *t = doc_table_add(d, shape, 1);
	size_t i;

	for (i = 0; t && i < shape->column_count; i++)
		doc_row(t, 0)[i] = doc_uint(v[i]);
	return t;
}

int doc_table_fill(struct document *d, const struct doc_shape *shape,
		   size_t rows, doc_row_fn put, const void *src)
{
	struct doc_table *t = doc_table_add(d, shape, rows);
	size_t i;

	if (!t)
		return -1;
	for (i = 0; i < rows; i++)
		if (put(d, doc_row(t, i), src, i))
			return -1;
	return 0;
}

size_t doc_column_at(const struct doc_shape *shape,
		     enum numashim_report_format format, size_t i)
{
	return shape->order[format] ? shape->order[format][i] : i;
}

size_t doc_column_count(const struct doc_shape *shape,
			enum numashim_report_format format)
{
	return shape->order[format] ? shape->order_count[format] :
				      shape->column_count;
}

/* The entries of a map, "KEY=COUNT KEY=COUNT", as much as fits. */
static const char *map_text(const struct doc_cell *cell, char *buf,
			    size_t size)
{
	char key[DOC_TEXT_MAX];
	size_t i, len = 0;
	uint64_t count;

	if (!cell->v.map.count)
		return NULL;
	for (i = 0; i < cell->v.map.count && len < size; i++) {
		const char *name = cell->v.map.entry(cell->v.map.src, i, key,
						     sizeof(key), &count);

		len += snprintf(buf + len, size - len, "%s%s=%" PRIu64,
				i ? " " : "", name, count);
	}
	return buf;
}

const char *doc_cell_text(const struct doc_cell *cell, char *buf,
			  size_t size)
{
	switch (cell->type) {
	case DOC_STRING:
		return cell->v.s;
	case DOC_CODE:
		return code_name(cell->v.code, buf, size);
	case DOC_SITE:
		return site_name(cell->v.site, buf, size);
	case DOC_MAP:
		return map_text(cell, buf, size);
	default:
		return NULL;
	}
}

const struct doc_cell doc_empty = { .type = DOC_EMPTY };

struct doc_cell doc_string(const char *s)
{
	return s ? (struct doc_cell) { .type = DOC_STRING, .v.s = s } :
		   doc_empty;
}

struct doc_cell doc_int(int64_t i)
{
	return (struct doc_cell) { .type = DOC_INT, .v.i = i };
}

struct doc_cell doc_uint(uint64_t u)
{
	return (struct doc_cell) { .type = DOC_UINT, .v.u = u };
}

struct doc_cell doc_real(double d)
{
	return (struct doc_cell) { .type = DOC_REAL, .v.d = d };
}

struct doc_cell doc_bool(bool b)
{
	return (struct doc_cell) { .type = DOC_BOOL, .v.b = b };
}

struct doc_cell doc_code(int code)
{
	return (struct doc_cell) { .type = DOC_CODE, .v.code = code };
}

struct doc_cell doc_site(const struct site *site)
{
	return (struct doc_cell) { .type = DOC_SITE, .v.site = site };
}

struct doc_cell doc_process(const struct hosts *h, const char *name,
			    int64_t key, int64_t tid)
{
	return (struct doc_cell) {
		.type = DOC_PROCESS, .v.process = {
			.name = name, .pid = process_pid(key), .tid = tid,
			.host = h->count > 1 ? hosts_name(h, key) : NULL,
		},
	};
}

struct doc_cell doc_host(const struct hosts *h, int64_t key)
{
	return h->count > 1 ? doc_string(hosts_name(h, key)) : doc_empty;
}

struct doc_cell doc_range(uint64_t begin_ns, uint64_t end_ns)
{
	return (struct doc_cell) {
		.type = DOC_RANGE, .v.range = { begin_ns, end_ns },
	};
}

struct doc_cell doc_nodes(const int32_t *v, size_t count)
{
	return (struct doc_cell) {
		.type = DOC_NODES, .v.nodes = { v, count },
	};
}

struct doc_cell doc_counts(const uint64_t *v, size_t stride)
{
	return (struct doc_cell) {
		.type = DOC_COUNTS, .v.counts = { v, stride },
	};
}

struct doc_cell doc_map(const void *src, size_t count, doc_entry_fn entry)
{
	return (struct doc_cell) {
		.type = DOC_MAP, .v.map = { src, count, entry },
	};
}

struct doc_cell doc_rows(const struct doc_table *rows)
{
	return (struct doc_cell) { .type = DOC_ROWS, .v.rows = rows };
}

static const char *code_entry(const void *src, size_t i, char *key,
			      size_t size, uint64_t *count)
{
	const struct code_counts *cc = src;

	*count = cc->v[i].count;
	return code_name(cc->v[i].code, key, size);
}

struct doc_cell doc_codes(const struct code_counts *cc)
{
	return doc_map(cc, cc->len, code_entry);
}

bool doc_table_in(const struct doc_table *t,
		  enum numashim_report_format format)
{
	return !t->shape->formats || t->shape->formats & (1u << format);
}
