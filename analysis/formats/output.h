/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The report printed: each view in each format, the one dispatch to the
 * writers (output.c), and what the writers share.
 */
#ifndef NUMASHIM_OUTPUT_H
#define NUMASHIM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "callsites.h"
#include "figures.h"
#include "report.h"
#include "views.h"

extern const char *const report_format_names[NUMASHIM_REPORT_FORMATS];
/* 0, or -1 when name is not a format. */
int report_format_parse(const char *name, enum numashim_report_format *format);

/* 0, or -1 when out of memory. */
int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options);

/* The error for a trace without a single numashim event. */
extern const char report_no_events[];

/* What the formats share. */
typedef void (*warning_fn)(void *data, const char *message);
void summary_warnings(const struct summary *s, warning_fn say, void *data);
/* The summary's warnings and what the policies view leaves out. */
void policies_warnings(const struct views *v, warning_fn say, void *data);

/*
 * Text: text in lines of at most 78 columns, the first opening with
 * first, the others with indent (as wide).
 */
void put_wrapped(FILE *out, const char *first, const char *indent,
		 const char *text);
void put_warning(void *out, const char *message);
/*
 * Text and CSV: a string from the trace, with control characters, invalid
 * UTF-8 and backslashes escaped (escape.c), and twice (CSV's quote; 0:
 * none) doubled; the only way such a string reaches a terminal. Returns
 * the bytes written, for the columns that pad after it.
 */
size_t put_escaped(FILE *out, const char *s, char twice);
/*
 * The length of the valid UTF-8 sequence at s (neither overlong nor a
 * surrogate nor past U+10FFFF), its code point in *code; 0 if invalid.
 */
size_t utf8_decode(const char *s, unsigned long *code);

/*
 * JSON of the views without a document, with the writer of
 * json-writer.h: a view's object is {"LIST": [\n  ITEM,\n  ITEM],\n
 * MEMBERS,\n "warnings": [...]}: view_list opens it and writes its list,
 * each of f's items on a line of its own, by put(w, f, i); the caller
 * puts the members and the warnings after it and ends the object.
 */
struct json_writer;
typedef void (*json_item_fn)(struct json_writer *w,
			     const struct view_figures *f, size_t i);
void put_json_view_list(struct json_writer *w, FILE *out, const char *list,
			const struct view_figures *f, json_item_fn put);
/* The member "warnings": [...]; the second with the policies view's. */
void put_json_warnings(struct json_writer *w, const struct summary *s);
void put_json_policies_warnings(struct json_writer *w, const struct views *v);
/* numashim_events and the counts of events lost, as members. */
void put_json_losses(struct json_writer *w, const struct summary *s);
/* A site's members: "site": name, "binary": path, "offset": N. */
void put_json_site(struct json_writer *w, const struct site *site);

/* CSV: a field, quoted when it must be. */
void put_csv_string(FILE *out, const char *s);

/*
 * The text writers of every view, named print_VIEW_text, and the JSON
 * and CSV ones of the views without a document (documents.h); they
 * write f, which is never changed.
 */
#define TEXT_WRITER(ID, id, lami, help)					\
	void print_##id##_text(FILE *out, const struct view_figures *f);
NUMASHIM_REPORT_VIEWS(TEXT_WRITER)
#undef TEXT_WRITER
void print_policies_json(FILE *out, const struct view_figures *f);
void print_policies_csv(FILE *out, const struct view_figures *f);

/*
 * Any view's document in JSON, CSV or LAMI, one writer a format:
 * 0, or -1 when out of memory.
 */
struct document;
struct doc_shape;
int print_document_json(FILE *out, const struct document *d,
			const struct numashim_report_options *options);
int print_document_csv(FILE *out, const struct document *d,
		       const struct numashim_report_options *options);
int print_document_lami(FILE *out, const struct document *d,
			const struct numashim_report_options *options);
/* LAMI's metadata of an analysis whose results are shape's table. */
int print_document_lami_metadata(FILE *out, const char *title,
				 const char *description,
				 const struct doc_shape *shape);

/*
 * LAMI: the results of options->view, of a view without a document, and
 * the metadata of a view, which must have a table class
 * (report_views[view].lami).
 */
int print_lami(FILE *out, const struct view_figures *f,
	       const struct numashim_report_options *options);
void print_lami_metadata(FILE *out, enum numashim_report_view view);

/* --compare: the comparison of two summaries, in format (not LAMI). */
struct comparison;
void print_comparison(FILE *out, const struct comparison *c,
		      enum numashim_report_format format);
void print_comparison_text(FILE *out, const struct comparison *c);
void print_comparison_json(FILE *out, const struct comparison *c);
void print_comparison_csv(FILE *out, const struct comparison *c);

#endif /* NUMASHIM_OUTPUT_H */
