// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>

#include "failures.h"
#include "tree.h"

#define SCOPE_CALL(name, TAG, flags, arrays) [NUMASHIM_SCOPE_##TAG] = #name,

const char *const failure_scope_calls[NUMASHIM_SCOPES] = {
	[NUMASHIM_SCOPE_PAGE] = "move_pages",
	NUMASHIM_CALLS(SCOPE_CALL)
};

static int group_cmp(const void *a, const void *b)
{
	const struct failure_group *x = a, *y = b;

	if (x->injected != y->injected)
		return x->injected - y->injected;
	if (x->scope != y->scope)
		return (x->scope > y->scope) - (x->scope < y->scope);
	return (x->code > y->code) - (x->code < y->code);
}

static void group_free(void *p)
{
	struct failure_group *g = p;

	free(g->sites);
	if (g->facts)
		page_facts_fini(g->facts);
	free(g->facts);
	free(g);
}

static struct failure_group *group_find(const struct failures *f,
					enum numashim_code_scope scope,
					int code, bool injected)
{
	const struct failure_group key = {
		.scope = scope, .code = code, .injected = injected,
	};
	struct failure_group **found = tfind(&key, &f->tree, group_cmp);

	return found ? *found : NULL;
}

static struct failure_group *group_get(struct failures *f,
				       enum numashim_code_scope scope, int code,
				       bool injected)
{
	struct failure_group key = {
		.scope = scope, .code = code, .injected = injected,
	}, *g = group_find(f, scope, code, injected);

	if (g)
		return g;
	g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	*g = key;
	if (!tsearch(g, &f->tree, group_cmp)) {
		free(g);
		return NULL;
	}
	f->count++;
	return g;
}

static int count_site(struct failure_group *g, const struct site *site,
		      uint64_t count)
{
	struct site_count *v;
	size_t i;

	for (i = 0; i < g->site_count; i++) {
		if (g->sites[i].site == site) {
			g->sites[i].count += count;
			return 0;
		}
	}
	v = realloc(g->sites, (g->site_count + 1) * sizeof(*v));
	if (!v)
		return -1;
	v[g->site_count++] = (struct site_count) { site, count };
	g->sites = v;
	return 0;
}

int failures_add(struct failures *f, enum numashim_code_scope scope, int code,
		 uint64_t count, bool injected, const struct site *site)
{
	struct failure_group *g = group_get(f, scope, code, injected);

	if (!g)
		return -1;
	g->count += count;
	g->calls++;
	return count_site(g, site, count);
}

/*
 * The facts of the group of the kernel's page failures of status, made
 * when the group has none yet, into *facts: NULL when there is no such
 * group (the exit's status array did not say so). 0, or -1 when out of
 * memory.
 */
static int facts_of(struct failures *f, int32_t status,
		    struct page_facts **facts)
{
	/* Negated in unsigned: a damaged trace's status may be INT_MIN. */
	struct failure_group *g = group_find(f, NUMASHIM_SCOPE_PAGE,
					     (int) -(unsigned int) status,
					     false);

	if (g && !g->facts && !(g->facts = calloc(1, sizeof(*g->facts))))
		return -1;
	*facts = g ? g->facts : NULL;
	return 0;
}

int failures_add_page_states(struct failures *f,
			     const struct call_page_states *s)
{
	struct page_facts *facts;
	size_t i;

	for (i = 0; i < s->len; i++) {
		if (facts_of(f, s->pages[i].status, &facts))
			return -1;
		if (facts && page_facts_add(facts, &s->pages[i]))
			return -1;
	}
	for (i = 0; i < s->left_len; i++) {
		if (facts_of(f, s->left_statuses[i], &facts))
			return -1;
		if (facts)
			facts->left_out += s->left_counts[i];
	}
	return 0;
}

static int site_count_cmp(const void *a, const void *b)
{
	const struct site_count *x = a, *y = b;

	return (x->count < y->count) - (x->count > y->count);
}

/* The kernel's, by scope, then the most frequent code first; the rules'. */
static int listed_cmp(const void *a, const void *b)
{
	const struct failure_group *x = *(struct failure_group *const *) a;
	const struct failure_group *y = *(struct failure_group *const *) b;

	if (x->injected != y->injected)
		return x->injected - y->injected;
	if (x->scope != y->scope)
		return (x->scope > y->scope) - (x->scope < y->scope);
	if (x->count != y->count)
		return (x->count < y->count) - (x->count > y->count);
	return (x->code > y->code) - (x->code < y->code);
}

struct failure_group **failures_list(const struct failures *f, size_t *count)
{
	struct failure_group **groups =
		(struct failure_group **) tree_items(f->tree, f->count);
	size_t i;

	if (!groups)
		return NULL;
	for (i = 0; i < f->count; i++)
		qsort(groups[i]->sites, groups[i]->site_count,
		      sizeof(*groups[i]->sites), site_count_cmp);
	qsort(groups, f->count, sizeof(*groups), listed_cmp);
	*count = f->count;
	return groups;
}

static const struct numashim_code_text injected_text = {
	.meaning = "made up by a rewrite rule's fail= or fail-pages= action "
		   "(numashim-rewrite(7)): not the kernel's answer",
	.advice = "numashim report --view rewrites shows the rules and what "
		  "they did; without the rule, the kernel answers",
};

/* Negated in unsigned: the status of a damaged trace may be INT_MIN. */
int failure_code(const struct failure_group *g)
{
	return g->scope == NUMASHIM_SCOPE_PAGE ? (int) -(unsigned int) g->code :
	       g->code;
}

const struct numashim_code_text *failure_text(const struct failure_group *g)
{
	if (g->injected)
		return &injected_text;
	return numashim_code_explain(g->scope, g->code);
}

void failures_fini(struct failures *f)
{
	tdestroy(f->tree, group_free);
	*f = (struct failures) { 0 };
}
