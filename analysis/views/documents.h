/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Each view's document (document.h): what builds it from the view's
 * figures, the shape of its first table, which LAMI's metadata
 * describes without a trace, and its own warnings if it has some.
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
	/* NULL: the summary's warnings (document.h). */
	void (*warnings)(const struct views *v, warning_fn say, void *data);
};

extern const struct view_document view_documents[NUMASHIM_REPORT_VIEW_COUNT];

/*
 * The document of f: 0, or -1 when out of memory; d is to be released with document_fini() either way.
 */
int document_build(struct document *d, const struct view_figures *f);

/* The builder and the shape of each view, in VIEW-document.c. */
#define VIEW_DOCUMENT(id)						\
	int id##_document(struct document *d, const struct view_figures *f); \
	extern const struct doc_shape id##_shape;
VIEW_DOCUMENT(summary)
VIEW_DOCUMENT(failures)
VIEW_DOCUMENT(callsites)
VIEW_DOCUMENT(nodes)
VIEW_DOCUMENT(policies)
VIEW_DOCUMENT(rewrites)
VIEW_DOCUMENT(timeline)
#undef VIEW_DOCUMENT

#endif /* NUMASHIM_DOCUMENTS_H */
