// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policies view as CSV, a line per row of the JSON's two lists, in
 * force first, its columns named after their members (csv.c); a row
 * the kernel refused has its error, one in force none.
 */
#include <inttypes.h>

#include "output.h"

static void put_text(FILE *out, const char *s)
{
	fputc(',', out);
	put_csv_string(out, s);
}

static void put_uint(FILE *out, bool known, uint64_t u)
{
	fputc(',', out);
	if (known)
		fprintf(out, "%" PRIu64, u);
}

static void put_row(FILE *out, const struct policy_row *row)
{
	bool thread = row->scope == POLICY_THREAD;
	char site[SITE_NAME_MAX];
	struct policy_words w;

	policy_row_words(row, &w);
	fprintf(out, "%s,%" PRId64 ",%" PRId64, policy_scope_names[row->scope],
		row->vpid, row->tid);
	put_text(out, row->procname);
	put_uint(out, true, row->time_ns);
	put_uint(out, row->until_ns, row->until_ns);
	put_uint(out, true, row->calls);
	put_uint(out, true, row->last_ns);
	put_text(out, w.mode);
	put_text(out, w.mode_flags);
	put_text(out, w.nodes);
	put_text(out, w.weights);
	put_text(out, w.flags);
	put_uint(out, !thread, row->start);
	put_uint(out, !thread, row->end);
	put_uint(out, row->scope == POLICY_HOME_NODE, row->home_node);
	put_text(out, site_name(row->site, site, sizeof(site)));
	put_text(out, row->site->path);
	put_uint(out, true, row->site->offset);
	put_text(out, w.error);
	fputc('\n', out);
}

void print_policies_csv(FILE *out, const struct view_figures *f)
{
	size_t i;

	fputs("scope,vpid,tid,procname,time_ns,until_ns,calls,last_ns,mode,"
	      "mode_flags,nodes,weights,flags,start,end,home_node,site,binary,"
	      "offset,error\n", out);
	for (i = 0; i < f->count; i++)
		put_row(out, &f->policies[i]);
	policies_warnings(f->v, put_warning, stderr);
}
