// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"
#include "tree.h"

#define CALL_KIND_NAME(name, TAG, flags, arrays) [CALL_##TAG] = #name,

const char *const call_kind_names[CALL_KINDS] = {
	NUMASHIM_CALLS(CALL_KIND_NAME)
};

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int row_cmp(const void *a, const void *b)
{
	const struct summary_row *x = a, *y = b;

	if (x->kind != y->kind)
		return cmp_i64(x->kind, y->kind);
	if (x->vpid != y->vpid)
		return cmp_i64(x->vpid, y->vpid);
	return cmp_i64(x->tid, y->tid);
}

void summary_init(struct summary *s, bool per_thread)
{
	*s = (struct summary) { .per_thread = per_thread };
}

void summary_row_fini(struct summary_row *row)
{
	code_counts_fini(&row->errors);
	code_counts_fini(&row->injected);
	code_counts_fini(&row->pages.failed);
	code_counts_fini(&row->pages.injected);
}

static void row_free(void *p)
{
	summary_row_fini(p);
	free(p);
}

void summary_fini(struct summary *s)
{
	tdestroy(s->rows, row_free);
	s->rows = NULL;
}

static struct summary_row *row_get(struct summary *s, enum call_kind kind,
				   int64_t vpid, int64_t tid,
				   const char *procname)
{
	struct summary_row key = {
		.kind = kind, .vpid = vpid, .tid = s->per_thread ? tid : -1,
	};
	struct summary_row *row, **found;

	found = tfind(&key, &s->rows, row_cmp);
	if (found)
		return *found;
	row = calloc(1, sizeof(*row));
	if (!row)
		return NULL;
	*row = key;
	if (procname)
		strncpy(row->procname, procname, sizeof(row->procname) - 1);
	found = tsearch(row, &s->rows, row_cmp);
	if (!found) {
		free(row);
		return NULL;
	}
	s->row_count++;
	return row;
}

int page_tally_merge(struct page_tally *dst, const struct page_tally *src)
{
	dst->on_target += src->on_target;
	dst->elsewhere += src->elsewhere;
	dst->located += src->located;
	dst->unknown += src->unknown;
	return code_counts_merge(&dst->failed, &src->failed) ||
	       code_counts_merge(&dst->injected, &src->injected) ? -1 : 0;
}

int summary_row_merge(struct summary_row *dst, const struct summary_row *src)
{
	dst->calls += src->calls;
	dst->no_exit += src->no_exit;
	dst->asked += src->asked;
	dst->bytes += src->bytes;
	dst->not_moved += src->not_moved;
	histogram_merge(&dst->latency, &src->latency);
	return code_counts_merge(&dst->errors, &src->errors) ||
	       code_counts_merge(&dst->injected, &src->injected) ||
	       page_tally_merge(&dst->pages, &src->pages) ? -1 : 0;
}

uint64_t page_tally_total(const struct page_tally *t)
{
	return t->on_target + t->elsewhere + t->located + t->unknown +
	       code_counts_total(&t->failed) + code_counts_total(&t->injected);
}

int summary_add_call(struct summary *s, const struct call_record *c)
{
	struct summary_row *row = row_get(s, c->kind, c->vpid, c->tid,
					  c->procname);

	if (!row)
		return -1;
	row->calls++;
	histogram_add(&row->latency, c->latency_ns);
	if (!c->has_entry)
		s->calls_without_entry++;
	if (c->ret < 0 && code_counts_add(c->injected_err ? &row->injected :
					  &row->errors, c->err, 1))
		return -1;
	if (c->ret > 0 && (c->kind == CALL_MOVE_PAGES ||
			   c->kind == CALL_MIGRATE_PAGES))
		row->not_moved += c->ret;
	row->asked += c->asked;
	row->bytes += c->bytes;
	return c->pages ? page_tally_merge(&row->pages, c->pages) : 0;
}

int summary_add_unfinished(struct summary *s, enum call_kind kind,
			   int64_t vpid, int64_t tid, const char *procname)
{
	struct summary_row *row = row_get(s, kind, vpid, tid, procname);

	if (!row)
		return -1;
	row->no_exit++;
	return 0;
}

struct summary_row **summary_rows(const struct summary *s, size_t *count)
{
	*count = s->row_count;
	return (struct summary_row **) tree_items(s->rows, s->row_count);
}

const double latency_quantiles[3] = { 0.50, 0.90, 0.99 };

double pages_per_second(const struct summary_row *row)
{
	if (!row->latency.sum)
		return -1;
	return (double) row->asked * 1e9 / (double) row->latency.sum;
}
