// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Every view's LAMI metadata (lami.h): the analysis, titled after the
 * view, whose results are the first table of its document (documents.h).
 */

#include "documents.h"
#include "lami.h"
#include "output.h"

void print_lami_metadata(FILE *out, enum numashim_report_view view)
{
	const struct doc_shape *shape = view_documents[view].shape;
	char title[128], calls[256], description[320];

	snprintf(title, sizeof(title), "numashim: %s", shape->title);
	snprintf(description, sizeof(description),
		 "The NUMA page placement and memory policy calls (%s) "
		 "that libnumashim.so recorded",
		 report_names_join(calls, sizeof(calls), call_kind_names,
				   CALL_KINDS, sizeof(call_kind_names[0]), "",
				   NULL));
	print_document_lami_metadata(out, title, description, shape);
}
