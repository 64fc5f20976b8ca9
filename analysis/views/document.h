/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A view's figures as a neutral document, which every format renders
 * with one writer whatever the view: a list of tables, each a
 * shape (its typed columns, and what each format names them) and rows of
 * typed cells; then the warnings, the summary's or the view's own, and
 * the counts of events lost, from the summary. A view builds its
 * document once (documents.h); the formats
 * only walk it.
 *
 * The formats differ where their readers do: JSON nests a column whose
 * key is "a.b" as member b of object a and may leave an empty cell's
 * member out; CSV and LAMI spread counts under the column's labels into
 * a column each and join a map's entries as text, "1->0=512 2->0=3";
 * a column, or a table, may be in some formats only, and a format may
 * order the columns its own way. Text lays a table out as its shape's
 * text says (struct doc_text): headings, then lines of fields as wide as
 * a terminal's columns, which may show a cell of any column.
 */
#ifndef NUMASHIM_DOCUMENT_H
#define NUMASHIM_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "report.h"
#include "sites.h"

struct hosts;
struct summary;
struct views;

/* Says a warning's message to data, as each format does. */
typedef void (*warning_fn)(void *data, const char *message);

/* The formats (of report.h's), as a mask. */
#define DOC_IN(format) (1u << NUMASHIM_REPORT_##format)
/* Of a column: the formats that give columns by name. */
#define DOC_IN_ALL (DOC_IN(JSON) | DOC_IN(CSV) | DOC_IN(LAMI))

/* The LAMI 1.0 classes of data a column may be of. */
enum lami_class {
	LAMI_NUMBER,
	LAMI_STRING,
	LAMI_BOOL,
	LAMI_DURATION,		/* ns */
	LAMI_SIZE,		/* bytes */
	LAMI_PATH,
	LAMI_PROCESS,
	LAMI_TIME_RANGE,	/* ns since the Epoch */
	LAMI_CLASSES,
};

enum doc_type {
	DOC_EMPTY,	/* nothing to tell: JSON null, CSV nothing, LAMI null */
	DOC_NULL,	/* unknown: as empty, but JSON's null where it omits one */
	DOC_STRING,	/* from the trace or a table; never NULL */
	DOC_INT,
	DOC_UINT,
	DOC_REAL,	/* written with one decimal */
	DOC_BOOL,
	DOC_CODE,	/* an errno value or page status, by name (codes.h) */
	DOC_SITE,	/* a call site, by name (site_name()) */
	DOC_PROCESS,	/* a process's name, host, pid and tid (< 0: none) */
	DOC_RANGE,	/* a span of time, ns since the Epoch */
	DOC_NODES,	/* a list of node numbers */
	DOC_COUNTS,	/* a count per label of the column's */
	DOC_MAP,	/* counts under keys of the row's own */
	DOC_ROWS,	/* a table in the cell: JSON's list of objects */
};

/*
 * The counts of a map: entry i's key into key (size bytes), its count
 * in *count; the key is returned.
 */
typedef const char *(*doc_entry_fn)(const void *src, size_t i, char *key,
				    size_t size, uint64_t *count);

struct doc_table;

struct doc_cell {
	enum doc_type type;
	union {
		const char *s;
		int64_t i;
		uint64_t u;
		double d;
		bool b;
		int code;
		const struct site *site;
		struct {
			const char *name;
			const char *host;	/* NULL: the traces' only one */
			int64_t pid, tid;
		} process;
		struct {
			uint64_t begin, end;
		} range;
		struct {
			const int32_t *v;
			size_t count;
		} nodes;
		struct {
			const uint64_t *v;	/* label i's at v[i * stride] */
			size_t stride;
		} counts;
		struct {
			const void *src;
			size_t count;
			doc_entry_fn entry;
		} map;
		const struct doc_table *rows;
	} v;
};

/* Flags of a column. */
#define DOC_OMIT_EMPTY	1u	/* JSON: no member for an empty cell */
#define DOC_SKIP_ZERO	2u	/* JSON: counts: no member for a zero */

struct doc_column {
	/* JSON's member, and CSV's header but for csv; "a.b" nests. */
	const char *key;
	const char *csv;
	/* LAMI's title; of counts, a format whose %s is the label. */
	const char *title;
	enum lami_class class;
	const char *unit;	/* LAMI's, of a number; NULL: none */
	/* Of its cells, but empty ones; DOC_EMPTY: of several types. */
	enum doc_type type;
	unsigned int formats;	/* DOC_IN(...) */
	unsigned int flags;
	const char *const *labels;	/* counts' */
	size_t label_count;
};

/*
 * A table's shape: name is LAMI's table class and JSON's key of its
 * list but when list names that; order[format], when not NULL, lists
 * the columns in that format's order (order_count[format] of them).
 */
struct doc_text;

struct doc_shape {
	const char *name;
	const char *list;
	/* JSON: the rows from the table's rest on, a list of this name. */
	const char *rest;
	const char *title;		/* LAMI's */
	const struct doc_column *columns;
	size_t column_count;
	const size_t *order[NUMASHIM_REPORT_FORMATS];
	size_t order_count[NUMASHIM_REPORT_FORMATS];
	/* JSON: a single row whose cells are members of the document. */
	bool members;
	/*
	 * LAMI: columns that depend on the trace (counts' labels): the
	 * metadata describes the others; the results carry the whole class.
	 */
	bool dynamic;
	/* The formats the table is in, DOC_IN(...); 0: all of them. */
	unsigned int formats;
	/* How text lays the table out; NULL: text leaves it out. */
	const struct doc_text *text;
};

#define DOC_COLUMNS(a) .columns = (a), .column_count = sizeof(a) / sizeof(*(a))
#define DOC_ORDER(format, a) \
	.order[NUMASHIM_REPORT_##format] = (a), \
	.order_count[NUMASHIM_REPORT_##format] = \
		sizeof(a) / sizeof(*(a))

/*
 * Text: a field of a line writes a cell of the row (column; DOC_NO_CELL:
 * its words alone) between before and after, padded to width (< 0: on
 * the left). An empty cell writes empty's text, or nothing at all, not
 * even its words, when empty is NULL. Counts and maps write their
 * entries "KEY COUNT" joined by sep (", " when NULL); a boolean writes
 * its words when true and nothing when false; strings are escaped.
 */
#define DOC_NO_CELL ((size_t) -1)

/* How a field writes its cell. */
#define DOC_TEXT_MICRO	0x01u	/* a number of ns in us, one decimal */
#define DOC_TEXT_HEX	0x02u	/* a number in hexadecimal, "0x1f" */
#define DOC_TEXT_BASE	0x04u	/* a path's last name */
#define DOC_TEXT_ARROW	0x08u	/* keys' "1->0" as "1 -> 0" */
#define DOC_TEXT_KEYS	0x10u	/* counts: the labels of those not zero */
#define DOC_TEXT_TOTAL	0x20u	/* counts: their sum */
#define DOC_TEXT_FIT	0x40u	/* as wide as the widest cell, width at least */
#define DOC_TEXT_NONZERO 0x80u	/* a zero is empty */
#define DOC_TEXT_ROUND	0x100u	/* a real number without decimals */
#define DOC_TEXT_WRAP	0x200u	/* in lines of 78 columns, the first after
				 * before, the others after indent */
#define DOC_TEXT_IF_EMPTY 0x400u /* written only when the cell is empty */
#define DOC_TEXT_ANY_ROW 0x800u	/* written only when a row has the cell */
#define DOC_TEXT_WORDS	0x1000u	/* its words alone, when it has the cell */
#define DOC_TEXT_BYTES	0x2000u	/* a number of bytes in binary units,
				 * "512B", "16.0KiB" */
#define DOC_TEXT_SIX	0x4000u	/* a real number with six decimals */
#define DOC_TEXT_SECONDS 0x8000u /* a number of ns in seconds, decimals
				 * of them, the others cut off */
#define DOC_TEXT_LABEL	0x10000u /* counts: the count of label alone */

struct doc_text_field {
	size_t column;
	const char *head;	/* its column's head; NULL: none */
	int width;
	unsigned int flags;	/* DOC_TEXT_... */
	const char *before, *after;
	/* Instead of before, when no cell of the line was written yet. */
	const char *first;
	const char *empty;
	const char *sep;
	const char *pair;	/* between an entry's key and count; " " */
	const char *indent;	/* DOC_TEXT_WRAP's */
	int decimals;		/* DOC_TEXT_SECONDS' */
	size_t label;		/* DOC_TEXT_LABEL's */
};

/* Flags of a line. */
#define DOC_LINE_ANY	1u	/* written only when one of its cells is */
#define DOC_LINE_EACH	2u	/* a line per entry of its cell's map */
#define DOC_LINE_ROWS	4u	/* its cell's rows, as their shape says */
#define DOC_LINE_WHEN	8u	/* written only when the cell of when is
				 * not empty */
#define DOC_LINE_WRAP	16u	/* in lines of 78 columns */

struct doc_text_line {
	const struct doc_text_field *fields;
	size_t field_count;
	unsigned int flags;	/* DOC_LINE_... */
	size_t when;		/* DOC_LINE_WHEN's column */
};

/* The rows a section may show: all, or those of a table's parts. */
enum doc_text_part {
	DOC_PART_ALL,
	DOC_PART_FIRST,		/* before the table's rest */
	DOC_PART_REST,		/* the table's rest on (shape's rest) */
};

/*
 * A section of the table for text: its heading, then the heads of the
 * fields of above, a line of heads alone, and of its first line's fields
 * if heads, then its lines for each row of its part
 * whose cell of column when is not empty (DOC_NO_CELL: every row), limit
 * rows at most (0: all). Without a row to show, a section is left out
 * unless always.
 */
struct doc_text_section {
	const char *heading;
	const struct doc_text_line *above;
	bool heads;
	bool always;
	enum doc_text_part part;
	size_t when;
	size_t limit;
	const struct doc_text_line *lines;
	size_t line_count;
};

struct doc_text {
	const struct doc_text_section *sections;
	size_t section_count;
};

#define DOC_FIELDS(a) .fields = (a), .field_count = sizeof(a) / sizeof(*(a))
#define DOC_LINES(a) .lines = (a), .line_count = sizeof(a) / sizeof(*(a))
#define DOC_SECTIONS(a) \
	.sections = (a), .section_count = sizeof(a) / sizeof(*(a))
/* A text of one line of fields, written once for each row. */
#define DOC_TEXT_LINE(fields) {						\
	.sections = &(const struct doc_text_section) {			\
		.when = DOC_NO_CELL,					\
		.lines = &(const struct doc_text_line) { DOC_FIELDS(fields) }, \
		.line_count = 1,					\
	},								\
	.section_count = 1,						\
}

/*
 * Text: a table of text's alone, one row of counts, the line that heads
 * a view's tables ("numashim call sites: 3 sites, 12 calls"), of text
 * text_ and count columns.
 */
#define DOC_HEAD_COUNTS_MAX 4
extern const struct doc_column doc_head_columns[DOC_HEAD_COUNTS_MAX];
#define DOC_HEAD_SHAPE(name_, count, text_) {				\
	.name = name_, .columns = doc_head_columns,			\
	.column_count = (count), .formats = DOC_IN(TEXT), .text = (text_), \
}

/* Whether table t is in format. */
bool doc_table_in(const struct doc_table *t,
		  enum numashim_report_format format);

struct doc_table {
	const struct doc_shape *shape;
	size_t row_count;
	size_t rest;		/* the first row of shape->rest's list */
	struct doc_cell *cells;	/* row r's column c at r * column_count + c */
};

struct document {
	struct doc_table **tables;
	size_t table_count;
	/* Its warnings, numashim_events and the counts of events lost. */
	const struct summary *summary;
	/*
	 * The view's own warnings, which say the summary's too, of views;
	 * NULL: the summary's alone (document_warnings()).
	 */
	void (*warnings)(const struct views *v, warning_fn say, void *data);
	const struct views *views;
	bool losses;	/* JSON: all the counts of lost events, not one */
	uint64_t begin_ns, end_ns;	/* LAMI: the time its rows cover */
	void **allocs;	/* what doc_alloc() gave, freed with the document */
	size_t alloc_count;
};

void document_init(struct document *d, const struct summary *s);
void document_fini(struct document *d);

/* Zeroed memory that lives as long as d; NULL when out of memory. */
void *doc_alloc(struct document *d, size_t count, size_t size);

/* A table of shape with rows empty rows, added to d; NULL: no memory. */
struct doc_table *doc_table_add(struct document *d,
				const struct doc_shape *shape, size_t rows);

/*
 * A table of shape with rows empty rows that is not one of d's, for a
 * cell (DOC_ROWS); NULL when out of memory.
 */
struct doc_table *doc_table_new(struct document *d,
				const struct doc_shape *shape, size_t rows);

/*
 * A table of shape added to d with a row per item of src, rows of them,
 * whose cells put fills: 0, or -1 when out of memory (put's too).
 */
typedef int (*doc_row_fn)(struct document *d, struct doc_cell *cells,
			  const void *src, size_t i);
int doc_table_fill(struct document *d, const struct doc_shape *shape,
		   size_t rows, doc_row_fn put, const void *src);

/* A head table of shape added to d, of the counts v; NULL: no memory. */
struct doc_table *doc_head_add(struct document *d,
			       const struct doc_shape *shape,
			       const uint64_t *v);

/* The cells of row r. */
static inline struct doc_cell *doc_row(const struct doc_table *t, size_t r)
{
	return &t->cells[r * t->shape->column_count];
}

/* The columns of shape in format's order: i-th's index. */
size_t doc_column_at(const struct doc_shape *shape,
		     enum numashim_report_format format, size_t i);
size_t doc_column_count(const struct doc_shape *shape,
			enum numashim_report_format format);

/*
 * The text of a cell CSV and LAMI give as a string (string, code, site,
 * map), in buf; NULL for an empty cell or an empty map.
 */
const char *doc_cell_text(const struct doc_cell *cell, char *buf,
			  size_t size);

/* Room for a cell's text. */
#define DOC_TEXT_MAX 256

/* The cells. A NULL string is an empty cell. */
extern const struct doc_cell doc_empty;
struct doc_cell doc_string(const char *s);
struct doc_cell doc_int(int64_t i);
struct doc_cell doc_uint(uint64_t u);
struct doc_cell doc_real(double d);
struct doc_cell doc_bool(bool b);
struct doc_cell doc_code(int code);
struct doc_cell doc_site(const struct site *site);
/*
 * The process of key (hosts.h), named name, and its thread tid; its host
 * is named when the traces are of several.
 */
struct doc_cell doc_process(const struct hosts *h, const char *name,
			    int64_t key, int64_t tid);
/* The name of the host of process key when there are several, or empty. */
struct doc_cell doc_host(const struct hosts *h, int64_t key);
struct doc_cell doc_range(uint64_t begin_ns, uint64_t end_ns);
struct doc_cell doc_nodes(const int32_t *v, size_t count);
struct doc_cell doc_counts(const uint64_t *v, size_t stride);
struct doc_cell doc_map(const void *src, size_t count, doc_entry_fn entry);
struct doc_cell doc_rows(const struct doc_table *rows);
/* Counts by code, as a map. */
struct doc_cell doc_codes(const struct code_counts *cc);

#endif /* NUMASHIM_DOCUMENT_H */
