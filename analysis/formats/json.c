// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What the JSON writers share, of the documents (document-json.c) and
 * of --compare: the warnings, the counts of events lost.
 */
#include "json-writer.h"
#include "output.h"

static void put_warning_string(void *w, const char *message)
{
	json_string(w, message);
}

void put_json_warnings(struct json_writer *w, const struct summary *s)
{
	json_key(w, "warnings");
	json_begin_array(w);
	summary_warnings(s, put_warning_string, w);
	json_end_array(w);
}

void put_json_document_warnings(struct json_writer *w,
				const struct document *d)
{
	json_key(w, "warnings");
	json_begin_array(w);
	document_warnings(d, put_warning_string, w);
	json_end_array(w);
}

void put_json_losses(struct json_writer *w, const struct summary *s)
{
	json_member_uint(w, "numashim_events", s->numashim_events);
	json_member_uint(w, "discarded_events", s->discarded_events);
	json_member_uint(w, "uncounted_discards", s->uncounted_discards);
	json_member_uint(w, "discarded_packets", s->discarded_packets);
	json_member_uint(w, "calls_without_entry", s->calls_without_entry);
}
