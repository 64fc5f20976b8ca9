/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Each view's document (document.h): what builds it from the view's
 * figures, and the shape of its first table, which LAMI's metadata
 * describes without a trace. A view without a builder is written by
 * its own writers still (output.h).
 */
#ifndef NUMASHIM_DOCUMENTS_H
#define NUMASHIM_DOCUMENTS_H

#include "catalog.h"
#include "document.h"
#include "figures.h"

struct view_document {
	/* Fill d with the tables of f; 0, or -1 when out of memory. */
	int (*build)(struct document *d, const struct view_figures *f);
	const struct doc_shape *shape;
};

extern const struct view_document view_documents[NUMASHIM_REPORT_VIEW_COUNT];

/*
 * The document of f, whose view must have a builder: 0, or -1 when out
 * of memory; d is to be released with document_fini() either way.
 */
int document_build(struct document *d, const struct view_figures *f);

/* The builders, one a view, in VIEW-document.c. */
int callsites_document(struct document *d, const struct view_figures *f);
extern const struct doc_shape callsites_shape;
int failures_document(struct document *d, const struct view_figures *f);
extern const struct doc_shape failures_shape;
int nodes_document(struct document *d, const struct view_figures *f);
extern const struct doc_shape nodes_shape;
int timeline_document(struct document *d, const struct view_figures *f);
extern const struct doc_shape timeline_shape;
int rewrites_document(struct document *d, const struct view_figures *f);
extern const struct doc_shape rewrites_shape;

#endif /* NUMASHIM_DOCUMENTS_H */
