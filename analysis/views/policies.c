// SPDX-License-Identifier: LGPL-2.1-or-later
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "policies.h"
#include "rewrites.h"

const char *const policy_scope_names[POLICY_SCOPES] = {
	[POLICY_THREAD] = "thread",
	[POLICY_RANGE] = "range",
	[POLICY_HOME_NODE] = "home_node",
};

static const enum policy_scope scopes[CALL_KINDS] = {
	[CALL_SET_MEMPOLICY] = POLICY_THREAD,
	[CALL_MBIND] = POLICY_RANGE,
	[CALL_SET_MEMPOLICY_HOME_NODE] = POLICY_HOME_NODE,
};

static bool sets_policy(enum call_kind kind)
{
	return kind == CALL_SET_MEMPOLICY || kind == CALL_MBIND ||
	       kind == CALL_SET_MEMPOLICY_HOME_NODE;
}

static struct policy_row *new_row(struct policies *p)
{
	struct policy_row *v;
	size_t cap;

	if (p->len == p->cap) {
		cap = p->cap ? 2 * p->cap : 16;
		v = realloc(p->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		p->v = v;
		p->cap = cap;
	}
	return &p->v[p->len++];
}

/* "node:weight,..." in a string of its own; NULL when out of memory. */
static char *weights_text(const struct interleave_weights *w)
{
	char *s = NULL;
	size_t size = 0, i;
	FILE *f = open_memstream(&s, &size);

	if (!f)
		return NULL;
	for (i = 0; i < w->len; i++)
		fprintf(f, "%s%" PRIu32 ":%u", i ? "," : "", w->nodes[i],
			w->weights[i]);
	if (fclose(f)) {
		free(s);
		return NULL;
	}
	return s;
}

/* What the kernel placed a range by: the policy of mbind, and home node. */
static bool places_range(const struct policy_row *row)
{
	return row->scope != POLICY_THREAD;
}

static bool overlap(const struct policy_row *a, const struct policy_row *b)
{
	return (a->start < b->end && b->start < a->end) ||
	       (a->start == b->start && a->end == b->end);
}

/*
 * The row of the last call that set a policy over part of row's range,
 * of those the kernel took, or of those it refused for a refused row;
 * NULL if none. The rows are in the order of their last call.
 */
static struct policy_row *last_over(struct policies *p,
				    const struct policy_row *row)
{
	size_t i = p->len;

	while (i--) {
		struct policy_row *v = &p->v[i];

		if (v->vpid == row->vpid && places_range(v) &&
		    !v->err == !row->err && overlap(v, row))
			return v;
	}
	return NULL;
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The same mbind call again, by the same thread from the same site. */
static bool same_range_call(const struct policy_row *a,
			    const struct policy_row *b)
{
	return a->scope == POLICY_RANGE && b->scope == POLICY_RANGE &&
	       a->tid == b->tid && a->site == b->site &&
	       a->start == b->start && a->end == b->end &&
	       a->mode == b->mode && a->flags == b->flags &&
	       a->err == b->err && a->nodes_known == b->nodes_known &&
	       !strcmp(a->nodes, b->nodes) && same_text(a->weights, b->weights);
}

/*
 * Keep row: as one more call of the row of the last call over its
 * range, when it is the same call again (a runtime that mbinds its
 * ranges anew each time it grows them sets the same policy thousands of
 * times), which then becomes the last row; else as a row of its own.
 */
static int keep(struct policies *p, struct policy_row *row)
{
	struct policy_row *last = places_range(row) ? last_over(p, row) : NULL;
	struct policy_row *v;

	if (last && same_range_call(last, row)) {
		struct policy_row kept = *last;

		free(row->weights);
		kept.calls++;
		kept.last_ns = row->time_ns;
		memmove(last, last + 1,
			(size_t) (&p->v[p->len - 1] - last) * sizeof(*last));
		p->v[p->len - 1] = kept;
		return 0;
	}
	v = new_row(p);
	if (!v) {
		free(row->weights);
		return -1;
	}
	*v = *row;
	return 0;
}

int policies_add(struct policies *p, const struct call_record *c)
{
	const struct call_policy *pol = c->policy;
	struct policy_row row;

	if (!sets_policy(c->kind))
		return 0;
	if (!pol) {
		p->without_entry++;
		return 0;
	}
	row = (struct policy_row) {
		.scope = scopes[c->kind], .vpid = c->vpid, .tid = c->tid,
		.time_ns = c->start_ns, .last_ns = c->start_ns, .calls = 1,
		.site = c->site, .err = c->ret < 0 ? c->err : 0,
	};
	if (c->procname)
		snprintf(row.procname, sizeof(row.procname), "%s",
			 c->procname);
	if (row.scope == POLICY_HOME_NODE) {
		row.home_node = pol->home_node;
	} else {
		row.mode = pol->mode;
		row.nodes_known = pol->nodes;
		snprintf(row.nodes, sizeof(row.nodes), "%s",
			 pol->nodes ? pol->nodes : "");
		/* Only the policies in force matter to the placement. */
		p->masks_unknown += !pol->nodes && !row.err;
	}
	if (row.scope != POLICY_THREAD) {
		row.start = pol->start;
		row.end = pol->start + pol->len;
	}
	if (row.scope == POLICY_RANGE)
		row.flags = pol->flags;
	if (c->weights) {
		row.weights = weights_text(c->weights);
		if (!row.weights)
			return -1;
	}
	return keep(p, &row);
}

void policies_add_unfinished(struct policies *p, enum call_kind kind)
{
	p->without_exit += sets_policy(kind);
}

static int cmp(uint64_t a, uint64_t b)
{
	return (a > b) - (a < b);
}

/*
 * In force first; then by process, scope, and the thread (its policy
 * is per thread) or the range (per address), in time order.
 */
static int row_cmp(const void *a, const void *b)
{
	const struct policy_row *x = a, *y = b;

	if (!x->err != !y->err)
		return x->err ? 1 : -1;
	if (x->vpid != y->vpid)
		return (x->vpid > y->vpid) - (x->vpid < y->vpid);
	if (x->scope != y->scope)
		return cmp(x->scope, y->scope);
	if (x->scope == POLICY_THREAD && x->tid != y->tid)
		return (x->tid > y->tid) - (x->tid < y->tid);
	if (x->scope != POLICY_THREAD && x->start != y->start)
		return cmp(x->start, y->start);
	return cmp(x->time_ns, y->time_ns);
}

/* A thread's policy lasts until the next one the kernel took from it. */
static void set_until(struct policy_row *rows, size_t count)
{
	size_t i;

	for (i = 0; i + 1 < count; i++) {
		const struct policy_row *next = &rows[i + 1];

		if (rows[i].scope == POLICY_THREAD && !rows[i].err &&
		    !next->err && next->scope == POLICY_THREAD &&
		    next->vpid == rows[i].vpid && next->tid == rows[i].tid)
			rows[i].until_ns = next->time_ns;
	}
}

struct policy_row *policies_list(const struct policies *p, size_t *count)
{
	/* One more: not NULL for a trace without a policy. */
	struct policy_row *rows = malloc((p->len + 1) * sizeof(*rows));

	if (!rows)
		return NULL;
	if (p->len)
		memcpy(rows, p->v, p->len * sizeof(*rows));
	qsort(rows, p->len, sizeof(*rows), row_cmp);
	set_until(rows, p->len);
	*count = p->len;
	return rows;
}

size_t policies_in_force(const struct policy_row *rows, size_t count)
{
	size_t n = 0;

	while (n < count && !rows[n].err)
		n++;
	return n;
}

void policy_row_words(const struct policy_row *row, struct policy_words *w)
{
	bool home = row->scope == POLICY_HOME_NODE;

	*w = (struct policy_words) { 0 };
	if (!home) {
		w->mode = mode_name(row->mode, w->buf[0], NODE_LIST_MAX);
		w->mode_flags = mode_flags_text(row->mode, w->buf[1],
						NODE_LIST_MAX);
		w->nodes = row->nodes_known ? row->nodes : NULL;
		w->weights = row->weights;
	}
	if (row->scope == POLICY_RANGE)
		w->flags = mf_flags_text(row->flags, w->buf[2], NODE_LIST_MAX);
	if (row->err)
		w->error = code_name(row->err, w->buf[3], NODE_LIST_MAX);
}

void policies_fini(struct policies *p)
{
	size_t i;

	for (i = 0; i < p->len; i++)
		free(p->v[i].weights);
	free(p->v);
	*p = (struct policies) { 0 };
}
