// SPDX-License-Identifier: LGPL-2.1-or-later
#include "views.h"

void views_init(struct views *v, bool per_thread,
		const struct call_filter *filter)
{
	*v = (struct views) { .filter = *filter };
	summary_init(&v->summary, per_thread);
	timeline_init(&v->timeline, filter->begin_ns);
}

void views_fini(struct views *v)
{
	summary_fini(&v->summary);
	failures_fini(&v->failures);
	sites_fini(&v->sites);
	node_cells_fini(&v->nodes);
	placed_moves_fini(&v->placed);
	rewrites_fini(&v->rewrites);
	timeline_fini(&v->timeline);
	policies_fini(&v->policies);
	hosts_fini(&v->hosts);
	sites_fini(&v->frames);
}

#define CALL_SCOPE(name, TAG, flags, arrays) [CALL_##TAG] = NUMASHIM_SCOPE_##TAG,

static const enum numashim_code_scope call_scopes[CALL_KINDS] = {
	NUMASHIM_CALLS(CALL_SCOPE)
};

static int add_pages(struct views *v, const struct call_record *c,
		     const struct code_counts *failed, bool injected)
{
	size_t i;

	/* Negated in unsigned: a damaged trace's status may be INT_MIN. */
	for (i = 0; i < failed->len; i++)
		if (failures_add(&v->failures, NUMASHIM_SCOPE_PAGE,
				 (int) -(unsigned int) failed->v[i].code,
				 failed->v[i].count,
				 injected, c->site))
			return -1;
	return 0;
}

static int add_failures(struct views *v, const struct call_record *c)
{
	if (c->ret < 0 && failures_add(&v->failures, call_scopes[c->kind],
				       c->err, 1, c->injected_err, c->site))
		return -1;
	if (!c->pages)
		return 0;
	if (add_pages(v, c, &c->pages->failed, false) ||
	    add_pages(v, c, &c->pages->injected, true))
		return -1;
	return c->page_states ?
	       failures_add_page_states(&v->failures, c->page_states) : 0;
}

int views_add_call(struct views *v, const struct call_record *c)
{
	if (!call_filter_pass(&v->filter, &v->hosts, c, true))
		return 0;
	if (summary_add_call(&v->summary, c))
		return -1;
	site_count_call(c->site, c);
	if (c->cells && node_cells_merge(&v->nodes, c->cells))
		return -1;
	if (c->placement && placed_moves_add(&v->placed, c->kind,
					     c->placement))
		return -1;
	if (c->rewrite && rewrites_add(c))
		return -1;
	if (timeline_add_call(&v->timeline, c))
		return -1;
	if (policies_add(&v->policies, c))
		return -1;
	if (v->writer && v->writer->ops->call(v->writer, v, c))
		return -1;
	return add_failures(v, c);
}

int views_add_unfinished(struct views *v, const struct call_record *c)
{
	if (!call_filter_pass(&v->filter, &v->hosts, c, false))
		return 0;
	v->summary.calls_without_exit++;
	policies_add_unfinished(&v->policies, c->kind);
	if (v->writer && v->writer->ops->unfinished &&
	    v->writer->ops->unfinished(v->writer, v, c))
		return -1;
	return summary_add_unfinished(&v->summary, c->kind, c->vpid, c->tid,
				      c->procname);
}
