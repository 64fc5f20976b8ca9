// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Any view's document for a terminal: each table its shape's text lays
 * out (document.h), sections of lines of fields padded to their widths,
 * then the warnings. Strings from the trace are escaped (put_escaped),
 * and padded by the bytes they take once escaped.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "output.h"

/* Room for a field's text: a whole map's entries. */
#define FIELD_TEXT_MAX 4096

/* No entry of a map: all of them. */
#define ALL_ENTRIES ((size_t) -1)

struct text_buf {
	char s[FIELD_TEXT_MAX];
	size_t len;
};

static void add(struct text_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add(struct text_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len >= sizeof(b->s))
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->len, sizeof(b->s) - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += n;
	if (b->len >= sizeof(b->s))
		b->len = sizeof(b->s) - 1;
}

static void add_escaped(struct text_buf *b, const char *s)
{
	FILE *f;

	if (b->len >= sizeof(b->s) - 1)
		return;
	f = fmemopen(b->s + b->len, sizeof(b->s) - b->len, "w");
	if (!f)
		return;
	put_escaped(f, s, 0);
	b->len += ftell(f);
	fclose(f);
	if (b->len >= sizeof(b->s))
		b->len = sizeof(b->s) - 1;
}

/* "1->0" as "1 -> 0". */
static void add_key(struct text_buf *b, const struct doc_text_field *field,
		    const char *key)
{
	const char *arrow = strstr(key, "->");

	if (field->flags & DOC_TEXT_ARROW && arrow)
		add(b, "%.*s -> %s", (int) (arrow - key), key, arrow + 2);
	else
		add(b, "%s", key);
}

static void add_entry(struct text_buf *b, const struct doc_text_field *field,
		      const char *key, uint64_t count, bool first)
{
	if (!first)
		add(b, "%s", field->sep ? field->sep : ", ");
	add_key(b, field, key);
	if (!(field->flags & DOC_TEXT_KEYS))
		add(b, "%s%" PRIu64, field->pair ? field->pair : " ", count);
}

/* Counts by the column's labels: false when none is written. */
static bool add_counts(struct text_buf *b, const struct doc_text_field *field,
		       const struct doc_column *col,
		       const struct doc_cell *cell)
{
	uint64_t count, total = 0;
	bool any = false;
	size_t l;

	if (field->flags & DOC_TEXT_LABEL) {
		add(b, "%" PRIu64,
		    cell->v.counts.v[field->label * cell->v.counts.stride]);
		return true;
	}
	for (l = 0; l < col->label_count; l++) {
		count = cell->v.counts.v[l * cell->v.counts.stride];
		total += count;
		if (!count || field->flags & DOC_TEXT_TOTAL)
			continue;
		add_entry(b, field, col->labels[l], count, !any);
		any = true;
	}
	if (field->flags & DOC_TEXT_TOTAL)
		add(b, "%" PRIu64, total);
	return any || field->flags & DOC_TEXT_TOTAL;
}

/* A map's entries, or its entry'th alone: false when it has none. */
static bool add_map(struct text_buf *b, const struct doc_text_field *field,
		    const struct doc_cell *cell, size_t entry)
{
	char key[DOC_TEXT_MAX];
	uint64_t count;
	size_t i;

	for (i = 0; i < cell->v.map.count; i++) {
		if (entry != ALL_ENTRIES && i != entry)
			continue;
		cell->v.map.entry(cell->v.map.src, i, key, sizeof(key),
				  &count);
		add_entry(b, field, key, count, entry != ALL_ENTRIES || !i);
	}
	return cell->v.map.count;
}

static void add_bytes(struct text_buf *b, uint64_t bytes)
{
	static const char *const units[] = {
		"KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
	};
	double size = bytes;
	int u = -1;

	if (bytes < 1024) {
		add(b, "%" PRIu64 "B", bytes);
		return;
	}
	for (; size >= 1024 && u < 5; u++)
		size /= 1024;
	add(b, "%.1f%s", size, units[u]);
}

/* ns in seconds with decimals (9 at most) of them, "1.000250". */
static void add_seconds(struct text_buf *b, int decimals, uint64_t ns)
{
	uint64_t unit = 1;
	int d;

	for (d = decimals; d < 9; d++)
		unit *= 10;
	add(b, "%" PRIu64 ".%0*" PRIu64, ns / 1000000000, decimals,
	    ns % 1000000000 / unit);
}

static bool add_uint(struct text_buf *b, const struct doc_text_field *field,
		     uint64_t u)
{
	if (!u && field->flags & DOC_TEXT_NONZERO)
		return false;
	if (field->flags & DOC_TEXT_MICRO)
		add(b, "%.1f", u / 1e3);
	else if (field->flags & DOC_TEXT_HEX)
		add(b, "%#" PRIx64, u);
	else if (field->flags & DOC_TEXT_BYTES)
		add_bytes(b, u);
	else if (field->flags & DOC_TEXT_SECONDS)
		add_seconds(b, field->decimals, u);
	else
		add(b, "%" PRIu64, u);
	return true;
}

static void add_real(struct text_buf *b, const struct doc_text_field *field,
		     double d)
{
	if (field->flags & DOC_TEXT_MICRO)
		add(b, "%.1f", d / 1e3);
	else if (field->flags & DOC_TEXT_SIX)
		add(b, "%.6f", d);
	else
		add(b, field->flags & DOC_TEXT_ROUND ? "%.0f" : "%.1f", d);
}

static void add_string(struct text_buf *b, const struct doc_text_field *field,
		       const char *s)
{
	const char *slash = strrchr(s, '/');

	add_escaped(b, field->flags & DOC_TEXT_BASE && slash ? slash + 1 : s);
}

static void add_process(struct text_buf *b, const struct doc_cell *cell)
{
	if (cell->v.process.name)
		add_escaped(b, cell->v.process.name);
	if (cell->v.process.pid < 0)
		add(b, "[?]");
	else
		add(b, "[%" PRId64 "]", cell->v.process.pid);
	if (cell->v.process.host) {
		add(b, "@");
		add_escaped(b, cell->v.process.host);
	}
}

/* The text of a cell; false when it has none to write. */
static bool cell_text(struct text_buf *b, const struct doc_text_field *field,
		      const struct doc_column *col,
		      const struct doc_cell *cell, size_t entry)
{
	char name[DOC_TEXT_MAX];

	b->len = 0;
	b->s[0] = '\0';
	switch (cell->type) {
	case DOC_EMPTY:
	case DOC_NULL:
	case DOC_ROWS:
		return false;
	case DOC_STRING:
		add_string(b, field, cell->v.s);
		return true;
	case DOC_INT:
		add(b, "%" PRId64, cell->v.i);
		return true;
	case DOC_UINT:
		return add_uint(b, field, cell->v.u);
	case DOC_REAL:
		add_real(b, field, cell->v.d);
		return true;
	case DOC_BOOL:
		return cell->v.b;
	case DOC_CODE:
		add(b, "%s", code_name(cell->v.code, name, sizeof(name)));
		return true;
	case DOC_SITE:
		add_escaped(b, site_name(cell->v.site, name, sizeof(name)));
		return true;
	case DOC_PROCESS:
		add_process(b, cell);
		return true;
	case DOC_COUNTS:
		return add_counts(b, field, col, cell);
	case DOC_MAP:
		return add_map(b, field, cell, entry);
	default:
		return false;
	}
}

/*
 * What field writes of row's cell into b: false when it is left out; a
 * field of words alone is always written.
 */
static bool field_text(struct text_buf *b, const struct doc_text_field *field,
		       const struct doc_table *t, size_t row, size_t entry)
{
	bool has;

	b->len = 0;
	b->s[0] = '\0';
	if (field->column == DOC_NO_CELL)
		return true;
	has = cell_text(b, field, &t->shape->columns[field->column],
			&doc_row(t, row)[field->column], entry);
	if (field->flags & DOC_TEXT_IF_EMPTY)
		return !has;
	if (has && field->flags & DOC_TEXT_WORDS) {
		b->len = 0;
		b->s[0] = '\0';
	}
	if (has)
		return true;
	if (!field->empty)
		return false;
	b->len = 0;
	add(b, "%s", field->empty);
	return true;
}

static bool any_row_has(const struct doc_text_field *field,
			const struct doc_table *t)
{
	struct text_buf b;
	size_t r;

	for (r = 0; r < t->row_count; r++)
		if (field_text(&b, field, t, r, ALL_ENTRIES))
			return true;
	return false;
}

/* The width of a field: DOC_TEXT_FIT's, that of its widest cell. */
static int field_width(const struct doc_text_field *field,
		       const struct doc_table *t)
{
	int width = field->width < 0 ? -field->width : field->width;
	struct text_buf b;
	size_t r;

	if (!(field->flags & DOC_TEXT_FIT))
		return field->width;
	for (r = 0; r < t->row_count; r++)
		if (field_text(&b, field, t, r, ALL_ENTRIES) &&
		    (int) b.len > width)
			width = b.len;
	return field->width < 0 ? -width : width;
}

static void put_padded(FILE *out, const struct doc_text_field *field,
		       int width, const char *before, const char *text)
{
	if (field->flags & DOC_TEXT_WRAP) {
		put_wrapped(out, before, field->indent, text);
		return;
	}
	fprintf(out, "%s%*s%s", before ? before : "", width, text,
		field->after ? field->after : "");
}

static bool shows(const struct doc_text_field *field,
		  const struct doc_table *t)
{
	return !(field->flags & DOC_TEXT_ANY_ROW) || any_row_has(field, t);
}

/*
 * What a field of a line shows in every row of a section: whether it is
 * shown at all, and how wide; of each line, found once for the section,
 * for a field of DOC_TEXT_FIT or DOC_TEXT_ANY_ROW looks at every row.
 */
struct field_layout {
	int width;
	bool shown;
};

/* The layout of each field of line; NULL when out of memory. */
static struct field_layout *lay_out(const struct doc_text_line *line,
				    const struct doc_table *t)
{
	struct field_layout *lay = calloc(line->field_count ?
					  line->field_count : 1,
					  sizeof(*lay));
	size_t i;

	for (i = 0; lay && i < line->field_count; i++) {
		lay[i].shown = shows(&line->fields[i], t);
		lay[i].width = field_width(&line->fields[i], t);
	}
	return lay;
}

static void put_heads(FILE *out, const struct doc_text_line *line,
		      const struct field_layout *lay)
{
	const struct doc_text_field *field;
	size_t i;

	for (i = 0; i < line->field_count; i++) {
		field = &line->fields[i];
		if (field->head && lay[i].shown)
			fprintf(out, "%s%*s", field->before ? field->before : "",
				lay[i].width, field->head);
	}
	fputc('\n', out);
}

/* Whether one of the line's cells is written. */
static bool line_has_cell(const struct doc_text_line *line,
			  const struct doc_table *t, size_t row, size_t entry)
{
	struct text_buf b;
	size_t i;

	for (i = 0; i < line->field_count; i++)
		if (line->fields[i].column != DOC_NO_CELL &&
		    field_text(&b, &line->fields[i], t, row, entry))
			return true;
	return false;
}

/* The line's fields; whether one was wrapped, and so ended its line. */
static bool put_fields(FILE *out, const struct doc_text_line *line,
		       const struct field_layout *lay,
		       const struct doc_table *t, size_t row, size_t entry)
{
	const struct doc_text_field *field;
	bool cell = false, wrapped = false;
	struct text_buf b;
	size_t i;

	for (i = 0; i < line->field_count; i++) {
		field = &line->fields[i];
		if (!lay[i].shown || !field_text(&b, field, t, row, entry))
			continue;
		put_padded(out, field, lay[i].width, !cell && field->first ?
			   field->first : field->before, b.s);
		cell |= field->column != DOC_NO_CELL;
		wrapped |= field->flags & DOC_TEXT_WRAP;
	}
	return wrapped;
}

/* A line of DOC_LINE_WRAP: its fields' text, in lines of 78 columns. */
static void put_wrapped_line(FILE *out, const struct doc_text_line *line,
			     const struct field_layout *lay,
			     const struct doc_table *t, size_t row,
			     size_t entry)
{
	size_t size = 0;
	char *text = NULL;
	FILE *m = open_memstream(&text, &size);

	if (!m)
		return;
	put_fields(m, line, lay, t, row, entry);
	if (!fclose(m))
		put_wrapped(out, "", "", text);
	free(text);
}

static void put_one_line(FILE *out, const struct doc_text_line *line,
			 const struct field_layout *lay,
			 const struct doc_table *t, size_t row, size_t entry)
{
	if (line->flags & DOC_LINE_ANY && !line_has_cell(line, t, row, entry))
		return;
	if (line->flags & DOC_LINE_WRAP)
		put_wrapped_line(out, line, lay, t, row, entry);
	else if (!put_fields(out, line, lay, t, row, entry))
		fputc('\n', out);
}

/* The first field with a cell: the map or rows a line is made of. */
static const struct doc_cell *line_cell(const struct doc_text_line *line,
					const struct doc_table *t, size_t row)
{
	size_t i;

	for (i = 0; i < line->field_count; i++)
		if (line->fields[i].column != DOC_NO_CELL)
			return &doc_row(t, row)[line->fields[i].column];
	return &doc_empty;
}

static bool has_cell(const struct doc_table *t, size_t row, size_t column)
{
	enum doc_type type;

	if (column == DOC_NO_CELL)
		return true;
	type = doc_row(t, row)[column].type;
	return type != DOC_EMPTY && type != DOC_NULL;
}

static bool row_shown(const struct doc_text_section *sec,
		      const struct doc_table *t, size_t row)
{
	if ((sec->part == DOC_PART_FIRST && row >= t->rest) ||
	    (sec->part == DOC_PART_REST && row < t->rest))
		return false;
	return has_cell(t, row, sec->when);
}

static int put_table(FILE *out, const struct doc_table *t);

/* 0, or -1 when out of memory. */
static int put_line(FILE *out, const struct doc_text_line *line,
		    const struct field_layout *lay,
		    const struct doc_table *t, size_t row)
{
	const struct doc_cell *cell = line_cell(line, t, row);
	size_t e;

	if (line->flags & DOC_LINE_WHEN && !has_cell(t, row, line->when))
		return 0;
	if (line->flags & DOC_LINE_ROWS)
		return cell->type == DOC_ROWS ? put_table(out, cell->v.rows) : 0;
	if (line->flags & DOC_LINE_EACH) {
		for (e = 0; cell->type == DOC_MAP && e < cell->v.map.count;
		     e++)
			put_one_line(out, line, lay, t, row, e);
	} else {
		put_one_line(out, line, lay, t, row, ALL_ENTRIES);
	}
	return 0;
}

static int put_rows(FILE *out, const struct doc_text_section *sec,
		    struct field_layout *const *lays,
		    const struct doc_table *t)
{
	size_t r, l, shown = 0;

	for (r = 0; r < t->row_count; r++) {
		if (!row_shown(sec, t, r))
			continue;
		if (sec->limit && shown++ == sec->limit)
			break;
		for (l = 0; l < sec->line_count; l++)
			if (put_line(out, &sec->lines[l], lays[l], t, r))
				return -1;
	}
	return 0;
}

/*
 * The section's heading, heads and rows, its lines laid out once (then
 * above's, at lays[line_count]): 0, or -1 when out of memory.
 */
static int put_section(FILE *out, const struct doc_text_section *sec,
		       const struct doc_table *t)
{
	struct field_layout **lays;
	size_t r, l;
	int ret = -1;

	for (r = 0; !sec->always && r < t->row_count; r++)
		if (row_shown(sec, t, r))
			break;
	if (!sec->always && r == t->row_count)
		return 0;
	lays = calloc(sec->line_count + 1, sizeof(*lays));
	if (!lays)
		return -1;
	for (l = 0; l < sec->line_count; l++)
		if (!(lays[l] = lay_out(&sec->lines[l], t)))
			goto out;
	if (sec->above && !(lays[l] = lay_out(sec->above, t)))
		goto out;
	if (sec->heading)
		fputs(sec->heading, out);
	if (sec->above)
		put_heads(out, sec->above, lays[sec->line_count]);
	if (sec->heads && sec->line_count)
		put_heads(out, &sec->lines[0], lays[0]);
	ret = put_rows(out, sec, lays, t);
out:
	for (l = 0; l <= sec->line_count; l++)
		free(lays[l]);
	free(lays);
	return ret;
}

static int put_table(FILE *out, const struct doc_table *t)
{
	const struct doc_text *text = t->shape->text;
	size_t i;

	for (i = 0; text && i < text->section_count; i++)
		if (put_section(out, &text->sections[i], t))
			return -1;
	return 0;
}

int print_document_text(FILE *out, const struct document *d,
			const struct numashim_report_options *options)
{
	size_t i;

	(void) options;
	for (i = 0; i < d->table_count; i++)
		if (doc_table_in(d->tables[i], NUMASHIM_REPORT_TEXT) &&
		    put_table(out, d->tables[i]))
			return -1;
	document_warnings(d, put_warning, out);
	return 0;
}
