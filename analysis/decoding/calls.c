// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "node-runs.h"

/* The indexes of the pages whose status a rule made up, ascending. */
struct page_indexes {
	uint64_t *v;
	size_t len;
	size_t cap;
};

/* mbind's and migrate_pages' node masks, as passed and as the kernel got them. */
enum call_mask {
	MASK_TARGET,
	MASK_SOURCE,
	MASK_KERNEL_TARGET,
	MASK_KERNEL_SOURCE,
	CALL_MASKS,
};

struct call {
	int64_t vpid;
	uint64_t call_id;
	enum call_kind kind;
	int64_t tid;
	char procname[PROCNAME_MAX];
	uint64_t start_ns;
	uint64_t count;
	uint64_t addr;
	uint64_t bytes;
	bool query;
	uint64_t mode;
	uint64_t home_node;
	int32_t flags;
	uint32_t page_size;
	struct node_runs nodes;
	struct node_list masks[CALL_MASKS];
	/* What a rewrite rule gave the kernel instead; rule NULL: none. */
	struct call_rewrite_start rewrite;
	struct node_runs kernel_nodes;
	struct page_indexes injected;
	uint64_t statuses;
	struct page_tally pages;
	struct node_cells cells;
	struct site *site;
	struct site **frames;
	size_t frame_count;
};

static int call_cmp(const void *a, const void *b)
{
	const struct call *x = a, *y = b;

	if (x->vpid != y->vpid)
		return (x->vpid > y->vpid) - (x->vpid < y->vpid);
	return (x->call_id > y->call_id) - (x->call_id < y->call_id);
}

static void call_free(void *p)
{
	struct call *c = p;

	node_runs_fini(&c->nodes);
	node_runs_fini(&c->kernel_nodes);
	free(c->injected.v);
	code_counts_fini(&c->pages.failed);
	code_counts_fini(&c->pages.injected);
	node_cells_fini(&c->cells);
	free(c->frames);
	free(c);
}

/* The rank in its job of process vpid, as its machine facts say; -1: none. */
static int64_t rank_of(const struct call_table *t, int64_t vpid)
{
	const struct process_machine *pm = machines_find(&t->machines, vpid);

	return pm && pm->latest ? pm->latest->rank : -1;
}

/* A call whose exit is not in the trace, as far as the views know it. */
static int add_unfinished(struct call_table *t, const struct call *c)
{
	const struct call_record rec = {
		.kind = c->kind, .vpid = c->vpid, .tid = c->tid,
		.rank = rank_of(t, c->vpid),
		.procname = c->procname, .start_ns = c->start_ns,
		.site = c->site, .frames = c->frames,
		.frame_count = c->frame_count,
	};

	return views_add_unfinished(t->views, &rec);
}

static int forget(struct call_table *t, struct call *c, bool unfinished)
{
	int ret = 0;

	if (unfinished)
		ret = add_unfinished(t, c);
	tdelete(c, &t->tree, call_cmp);
	call_free(c);
	return ret;
}

struct call *calls_find(struct call_table *t, int64_t vpid, uint64_t call_id)
{
	struct call key = { .vpid = vpid, .call_id = call_id };
	struct call **found = tfind(&key, &t->tree, call_cmp);

	return found ? *found : NULL;
}

int calls_begin(struct call_table *t, const struct call_start *start)
{
	struct call *c, *old = calls_find(t, start->vpid, start->call_id);

	if (old && forget(t, old, true)) {
		free(start->frames);
		return -1;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		free(start->frames);
		return -1;
	}
	c->vpid = start->vpid;
	c->call_id = start->call_id;
	c->kind = start->kind;
	c->tid = start->tid;
	c->start_ns = start->start_ns;
	if (start->procname)
		strncpy(c->procname, start->procname, sizeof(c->procname) - 1);
	c->count = start->count;
	c->addr = start->addr;
	c->bytes = start->bytes;
	c->query = start->query;
	c->mode = start->mode;
	c->home_node = start->home_node;
	c->flags = start->flags;
	c->page_size = start->page_size;
	c->site = start->site;
	c->frames = start->frames;
	c->frame_count = start->frame_count;
	if (!tsearch(c, &t->tree, call_cmp)) {
		call_free(c);
		return -1;
	}
	return 0;
}

int call_add_nodes(struct call *c, uint64_t offset, const int32_t *v,
		   size_t n)
{
	return node_runs_add(&c->nodes, offset, v, n);
}

/* Masks list few nodes, in order: the offset adds nothing. */
static void add_mask(struct call *c, enum call_mask mask, const int32_t *v,
		     size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		node_list_add(&c->masks[mask], v[i]);
}

int call_add_target_mask(struct call *c, uint64_t offset, const int32_t *v,
			 size_t n)
{
	(void) offset;
	add_mask(c, MASK_TARGET, v, n);
	return 0;
}

int call_add_source_mask(struct call *c, uint64_t offset, const int32_t *v,
			 size_t n)
{
	(void) offset;
	add_mask(c, MASK_SOURCE, v, n);
	return 0;
}

void call_rewritten(struct call *c, const struct call_rewrite_start *w)
{
	c->rewrite = *w;
}

int call_add_kernel_nodes(struct call *c, uint64_t offset, const int32_t *v,
			  size_t n)
{
	if (c->kind == CALL_MOVE_PAGES)
		return node_runs_add(&c->kernel_nodes, offset, v, n);
	add_mask(c, MASK_KERNEL_TARGET, v, n);
	return 0;
}

int call_add_kernel_source_mask(struct call *c, uint64_t offset,
				const int32_t *v, size_t n)
{
	(void) offset;
	add_mask(c, MASK_KERNEL_SOURCE, v, n);
	return 0;
}

int call_add_injected(struct call *c, uint64_t offset, uint64_t page)
{
	struct page_indexes *p = &c->injected;
	uint64_t *grown;
	size_t cap;

	/* After a gap (a lost chunk) the list is no longer in order. */
	if (offset != p->len)
		return 0;
	if (p->len == p->cap) {
		cap = p->cap ? 2 * p->cap : 16;
		grown = realloc(p->v, cap * sizeof(*grown));
		if (!grown)
			return -1;
		p->v = grown;
		p->cap = cap;
	}
	p->v[p->len++] = page;
	return 0;
}

static bool injected(const struct call *c, uint64_t i)
{
	const struct page_indexes *p = &c->injected;
	size_t lo = 0, hi = p->len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->v[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->len && p->v[lo] == i;
}

/*
 * Page i in the nodes view: what was asked for it, by the program and of
 * the kernel (nothing, when a rule made the call a query), and where it is.
 */
static int place(struct call *c, uint64_t i, int32_t target, int32_t status)
{
	struct node_cell cell = { target, target, status, c->page_size, 1 };

	if (c->rewrite.rule && !node_runs_at(&c->kernel_nodes, i, &cell.kernel))
		cell.kernel = NODE_NONE;
	return node_cells_add(&c->cells, &cell);
}

static int classify(struct call *c, uint64_t i, int32_t status)
{
	int32_t target = NODE_NONE;
	bool known = c->query || node_runs_at(&c->nodes, i, &target);

	if (known && place(c, i, target, status))
		return -1;
	if (status < 0 && injected(c, i))
		return code_counts_add(&c->pages.injected, status, 1);
	if (status < 0)
		return code_counts_add(&c->pages.failed, status, 1);
	if (c->query)
		c->pages.located++;
	else if (!known)
		c->pages.unknown++;
	else if (status == target)
		c->pages.on_target++;
	else
		c->pages.elsewhere++;
	return 0;
}

int call_add_statuses(struct call *c, uint64_t offset, const int32_t *v,
		      size_t n)
{
	size_t i;

	for (i = 0; i < n && offset + i < c->count; i++)
		if (classify(c, offset + i, v[i]))
			return -1;
	c->statuses += i;
	return 0;
}

/*
 * The status array means something only when the call succeeded: after a
 * failure it holds whatever the program had left there.
 */
static void settle_pages(struct call *c, int64_t ret)
{
	if (ret < 0) {
		code_counts_fini(&c->pages.failed);
		code_counts_fini(&c->pages.injected);
		node_cells_fini(&c->cells);
		c->pages = (struct page_tally) { .unknown = c->count };
	} else if (c->statuses < c->count) {
		c->pages.unknown += c->count - c->statuses;
	}
}

/* A call known by its exit alone began its latency before the exit. */
static uint64_t start_of(const struct call_result *r)
{
	return r->end_ns > r->latency_ns ? r->end_ns - r->latency_ns : 0;
}

static int count_orphan_exit(struct call_table *t, const struct call_result *r)
{
	struct call_record rec = {
		.kind = r->kind, .vpid = r->vpid, .tid = r->tid,
		.rank = rank_of(t, r->vpid),
		.procname = r->procname, .has_entry = false, .site = r->site,
		.start_ns = start_of(r),
		.ret = r->ret, .err = r->err, .latency_ns = r->latency_ns,
	};

	return views_add_call(t->views, &rec);
}

/*
 * move_pages' pages that the kernel was asked to send elsewhere than the
 * program asked, a pair of runs at a time.
 */
static int count_moves(const struct call *c, struct node_moves *moves)
{
	const struct node_runs *a = &c->nodes, *b = &c->kernel_nodes;
	uint64_t end = a->recorded < b->recorded ? a->recorded : b->recorded;
	uint64_t at, next;
	size_t i = 0, j = 0;

	for (at = 0; at < end; at = next) {
		while (i + 1 < a->len && a->v[i + 1].start <= at)
			i++;
		while (j + 1 < b->len && b->v[j + 1].start <= at)
			j++;
		next = end;
		if (i + 1 < a->len && a->v[i + 1].start < next)
			next = a->v[i + 1].start;
		if (j + 1 < b->len && b->v[j + 1].start < next)
			next = b->v[j + 1].start;
		if (a->v[i].node != b->v[j].node &&
		    node_moves_add(moves, a->v[i].node, b->v[j].node,
				   next - at))
			return -1;
	}
	return 0;
}

/* The texts of a call's mode and flags, as passed and as the kernel got them. */
struct rewrite_texts {
	char mode[2][NODE_LIST_MAX];
	char flags[2][NODE_LIST_MAX];
};

static void note_change(struct call_rewrite *w, enum rewrite_field field,
			const char *from, const char *to)
{
	if (strcmp(from, to)) {
		w->from[field] = from;
		w->to[field] = to;
	}
}

/* What the rule did to c, in w; 0, or -1 when out of memory. */
static int describe_rewrite(struct call *c, struct call_rewrite *w,
			    struct rewrite_texts *t)
{
	const struct call_rewrite_start *k = &c->rewrite;

	*w = (struct call_rewrite) { .rule = k->rule, .dry_run = k->dry_run };
	if (numashim_calls[c->kind].flags)
		note_change(w, FIELD_FLAGS,
			    mf_flags_text(c->flags, t->flags[0], NODE_LIST_MAX),
			    mf_flags_text(k->flags, t->flags[1], NODE_LIST_MAX));
	if (c->kind == CALL_MBIND || c->kind == CALL_SET_MEMPOLICY) {
		note_change(w, FIELD_MODE,
			    mode_text(c->mode, t->mode[0], NODE_LIST_MAX),
			    mode_text(k->mode, t->mode[1], NODE_LIST_MAX));
		note_change(w, FIELD_NODEMASK,
			    node_list_text(&c->masks[MASK_TARGET]),
			    node_list_text(&c->masks[MASK_KERNEL_TARGET]));
	} else if (c->kind == CALL_MIGRATE_PAGES) {
		note_change(w, FIELD_NEW_NODES,
			    node_list_text(&c->masks[MASK_TARGET]),
			    node_list_text(&c->masks[MASK_KERNEL_TARGET]));
		note_change(w, FIELD_OLD_NODES,
			    node_list_text(&c->masks[MASK_SOURCE]),
			    node_list_text(&c->masks[MASK_KERNEL_SOURCE]));
	} else if (c->kind == CALL_SET_MEMPOLICY_HOME_NODE) {
		note_change(w, FIELD_HOME_NODE,
			    node_list_text(&c->masks[MASK_TARGET]),
			    node_list_text(&c->masks[MASK_KERNEL_TARGET]));
	}
	return c->kind == CALL_MOVE_PAGES ? count_moves(c, &w->moves) : 0;
}

/*
 * The bytes an mbind call bound: none when it failed, else len rounded up
 * to whole pages as do_mbind() rounds it, in 64 bits like the kernel's
 * unsigned long, so that a len within a page of the end of the address
 * space, which the kernel accepts as an empty range, counts 0 bytes.
 * A trace that does not record the page size has len rounded to 4 KiB,
 * the smallest page Linux has: then the figure is a floor.
 */
static uint64_t bound_bytes(const struct call *c, int64_t ret)
{
	uint64_t page = c->page_size ? c->page_size : 4096;

	if (c->kind != CALL_MBIND || ret)
		return 0;
	return (c->bytes / page + !!(c->bytes % page)) * page;
}

/*
 * The weights in force for c: its process's, when the kernel got
 * weighted interleave from it. A rule's mode is the kernel's, as the
 * shim records the weights by it; a call a rule failed reached no kernel.
 */
static const struct interleave_weights *weights_of(struct call_table *t,
						   const struct call *c)
{
	if (c->kind != CALL_MBIND && c->kind != CALL_SET_MEMPOLICY)
		return NULL;
	if (!c->rewrite.rule)
		return weights_in_force(&t->weights, c->vpid, c->mode);
	if (c->rewrite.injected_err)
		return NULL;
	return weights_in_force(&t->weights, c->vpid, c->rewrite.mode);
}

/* move_pages' target nodes; NULL for a query (node_runs_list()). */
static const char *move_targets(const struct call *c, struct node_list *list)
{
	if (c->kind != CALL_MOVE_PAGES || c->query)
		return NULL;
	return node_runs_list(&c->nodes, c->count, list);
}

/* The arrays whose loss leaves a policy's node mask unknown. */
#define POLICY_MASKS (NUMASHIM_ARRAY_BIT(NODEMASK) | \
		      NUMASHIM_ARRAY_BIT(POLICY_NODEMASK))

/*
 * The policy the kernel got from c: the program's, or what a rewrite
 * rule made of it, under which the range was placed. NULL for the calls
 * that set no policy.
 */
static const struct call_policy *describe_policy(struct call *c,
						 const struct call_result *r,
						 struct call_policy *p)
{
	bool rewritten = c->rewrite.rule;
	struct node_list *mask = &c->masks[rewritten ? MASK_KERNEL_TARGET :
						      MASK_TARGET];

	if (c->kind != CALL_SET_MEMPOLICY && c->kind != CALL_MBIND &&
	    c->kind != CALL_SET_MEMPOLICY_HOME_NODE)
		return NULL;
	*p = (struct call_policy) {
		.mode = rewritten ? c->rewrite.mode : c->mode,
		.flags = rewritten ? c->rewrite.flags : c->flags,
		.start = c->addr, .len = c->bytes, .home_node = c->home_node,
		.nodes = r->incomplete & POLICY_MASKS ? NULL :
			 node_list_text(mask),
	};
	return p;
}

int calls_end(struct call_table *t, struct call *c,
	      const struct call_result *r)
{
	struct call_rewrite rewrite = { 0 };
	struct rewrite_texts texts;
	struct call_policy policy;
	struct node_list targets;
	struct call_record rec;
	int ret;

	/* An exit of another kind than the entry: the entry's exit was lost. */
	if (c && c->kind != r->kind) {
		if (forget(t, c, true))
			return -1;
		c = NULL;
	}
	if (!c)
		return count_orphan_exit(t, r);
	settle_pages(c, r->ret);
	if (c->rewrite.rule && describe_rewrite(c, &rewrite, &texts)) {
		free(rewrite.moves.v);
		return -1;
	}
	rec = (struct call_record) {
		.kind = c->kind, .vpid = c->vpid, .tid = c->tid,
		.rank = rank_of(t, c->vpid),
		.procname = c->procname, .has_entry = true,
		.asked = c->count, .targets = move_targets(c, &targets),
		.bytes = bound_bytes(c, r->ret),
		.pages = c->kind == CALL_MOVE_PAGES ? &c->pages : NULL,
		.cells = &c->cells,
		.site = c->site, .start_ns = c->start_ns,
		.frames = c->frames, .frame_count = c->frame_count,
		.rewrite = c->rewrite.rule ? &rewrite : NULL,
		.policy = describe_policy(c, r, &policy),
		.injected_err = c->rewrite.injected_err,
		.weights = weights_of(t, c), .placement = r->placement,
		.page_states = r->page_states,
		.ret = r->ret, .err = r->err, .latency_ns = r->latency_ns,
	};
	ret = views_add_call(t->views, &rec);
	free(rewrite.moves.v);
	if (ret)
		return -1;
	return forget(t, c, false);
}

struct flush_walk {
	struct call_table *table;
	int ret;
};

static void count_unfinished(const void *node, VISIT which, void *closure)
{
	const struct call *c = *(const struct call *const *) node;
	struct flush_walk *w = closure;

	if ((which == postorder || which == leaf) &&
	    add_unfinished(w->table, c))
		w->ret = -1;
}

int calls_flush(struct call_table *t)
{
	struct flush_walk w = { t, 0 };

	twalk_r(t->tree, count_unfinished, &w);
	calls_fini(t);
	return w.ret;
}

void calls_fini(struct call_table *t)
{
	tdestroy(t->tree, call_free);
	t->tree = NULL;
	weights_fini(&t->weights);
	machines_fini(&t->machines);
}
