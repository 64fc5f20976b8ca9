// SPDX-License-Identifier: LGPL-2.1-or-later
#include "documents.h"

const struct view_document view_documents[NUMASHIM_REPORT_VIEW_COUNT] = {
	[NUMASHIM_REPORT_FAILURES] = { failures_document, &failures_shape },
	[NUMASHIM_REPORT_CALLSITES] = { callsites_document, &callsites_shape },
	[NUMASHIM_REPORT_NODES] = { nodes_document, &nodes_shape },
	[NUMASHIM_REPORT_TIMELINE] = { timeline_document, &timeline_shape },
	[NUMASHIM_REPORT_REWRITES] = { rewrites_document, &rewrites_shape },
};

/* Asked for a span, the rows cover it; else the events' own. */
int document_build(struct document *d, const struct view_figures *f)
{
	const struct views *v = f->v;

	document_init(d, &v->summary);
	d->begin_ns = v->filter.begin_ns ? v->filter.begin_ns :
					   v->summary.first_ns;
	d->end_ns = v->filter.end_ns ? v->filter.end_ns : v->summary.last_ns;
	return view_documents[f->view].build(d, f);
}
