// SPDX-License-Identifier: LGPL-2.1-or-later
#include "documents.h"
#include "output.h"

#define VIEW_DOCUMENT(ID, id, warnings) \
	[NUMASHIM_REPORT_##ID] = { id##_document, &id##_shape, warnings },
const struct view_document view_documents[NUMASHIM_REPORT_VIEW_COUNT] = {
	VIEW_DOCUMENT(SUMMARY, summary, NULL)
	VIEW_DOCUMENT(FAILURES, failures, NULL)
	VIEW_DOCUMENT(CALLSITES, callsites, NULL)
	VIEW_DOCUMENT(NODES, nodes, NULL)
	VIEW_DOCUMENT(POLICIES, policies, policies_warnings)
	VIEW_DOCUMENT(REWRITES, rewrites, NULL)
	VIEW_DOCUMENT(TIMELINE, timeline, NULL)
};
#undef VIEW_DOCUMENT

/* Asked for a span, the rows cover it; else the events' own. */
int document_build(struct document *d, const struct view_figures *f)
{
	const struct views *v = f->v;

	document_init(d, &v->summary);
	d->warnings = view_documents[f->view].warnings;
	d->views = v;
	d->begin_ns = v->filter.begin_ns ? v->filter.begin_ns :
					   v->summary.first_ns;
	d->end_ns = v->filter.end_ns ? v->filter.end_ns : v->summary.last_ns;
	return view_documents[f->view].build(d, f);
}
