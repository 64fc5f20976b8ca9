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
#include "document.h"
#include "figures.h"
#include "report.h"
#include "views.h"

extern const char *const report_format_names[NUMASHIM_REPORT_FORMATS];
/* 0, or -1 when name is not a format. */
int report_format_parse(const char *name, enum numashim_report_format *format);

extern const char *const report_weight_names[NUMASHIM_REPORT_WEIGHT_COUNT];
/* 0, or -1 when name is not a weight. */
int report_weight_parse(const char *name, enum numashim_report_weight *weight);

/*
 * For the formats that write each call as the views take it (chrome,
 * folded), their writer into v->writer, before the traces are read; the
 * others need none. 0, or -1 when out of memory.
 */
int report_writer_open(struct views *v, FILE *out,
		       const struct numashim_report_options *options);
void report_writer_close(struct views *v);
/* The writers; NULL when out of memory. */
struct call_writer *chrome_writer_open(FILE *out,
	const struct numashim_report_options *options);
struct call_writer *folded_writer_open(FILE *out,
	const struct numashim_report_options *options);

/* 0, or -1 when out of memory. */
int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options);

/* The error for a trace without a single numashim event. */
extern const char report_no_events[];

/* What the formats share. */
void summary_warnings(const struct summary *s, warning_fn say, void *data);
/* The summary's warnings and what the policies view leaves out. */
void policies_warnings(const struct views *v, warning_fn say, void *data);
/* A document's: its view's own, or the summary's. */
void document_warnings(const struct document *d, warning_fn say, void *data);

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
 * JSON, with the writer of json-writer.h: the member "warnings": [...],
 * of a summary or of a document (document_warnings()).
 */
struct json_writer;
void put_json_warnings(struct json_writer *w, const struct summary *s);
void put_json_document_warnings(struct json_writer *w,
				const struct document *d);
/* numashim_events and the counts of events lost, as members. */
void put_json_losses(struct json_writer *w, const struct summary *s);

/* CSV: a field, quoted when it must be. */
void put_csv_string(FILE *out, const char *s);

/*
 * Any view's document in text, JSON, CSV or LAMI, one writer a format:
 * 0, or -1 when out of memory.
 */
int print_document_text(FILE *out, const struct document *d,
			const struct numashim_report_options *options);
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
 * LAMI: the metadata of a view, which must have a table class
 * (report_views[view].lami).
 */
void print_lami_metadata(FILE *out, enum numashim_report_view view);

/*
 * Whether format writes each call as it comes (chrome, folded), of no
 * view and not per thread.
 */
bool report_format_streams(enum numashim_report_format format);

/*
 * --compare: the comparison of two summaries, in format, which must be
 * one that report_format_compares() (text, json or csv).
 */
struct comparison;
bool report_format_compares(enum numashim_report_format format);
void print_comparison(FILE *out, const struct comparison *c,
		      enum numashim_report_format format);
void print_comparison_text(FILE *out, const struct comparison *c);
void print_comparison_json(FILE *out, const struct comparison *c);
void print_comparison_csv(FILE *out, const struct comparison *c);

#endif /* NUMASHIM_OUTPUT_H */
