// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"

static int process_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct process_machine *) a)->vpid;
	int64_t y = ((const struct process_machine *) b)->vpid;

	return (x > y) - (x < y);
}

static void facts_free(struct machine_facts *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->node_count; i++)
		free(f->nodes[i].distances);
	free(f->nodes);
	free(f->release);
	free(f->host);
	free(f->rank_variable);
	free(f->mems_allowed);
	free(f->weight_nodes);
	free(f->weights);
	free(f);
}

static void process_free(void *p)
{
	struct process_machine *pm = p;

	if (pm->latest != pm->first)
		facts_free(pm->latest);
	facts_free(pm->first);
	free(pm);
}

/* A copy of n bytes at src; NULL only when out of memory. */
static void *copy(const void *src, size_t n)
{
	void *p = malloc(n + !n);

	if (p && n)
		memcpy(p, src, n);
	return p;
}

static struct machine_facts *facts_copy(const struct machine_facts *f)
{
	struct machine_facts *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	*c = *f;
	c->nodes = calloc(f->nodes_announced + !f->nodes_announced,
			  sizeof(*c->nodes));
	c->node_count = 0;
	c->release = strdup(f->release ? f->release : "");
	c->host = strdup(f->host ? f->host : "");
	c->rank_variable = strdup(f->rank_variable ? f->rank_variable : "");
	c->mems_allowed = copy(f->mems_allowed, f->mems_allowed_len *
						sizeof(*f->mems_allowed));
	c->weight_nodes = copy(f->weight_nodes, f->weights_len *
						sizeof(*f->weight_nodes));
	c->weights = copy(f->weights, f->weights_len);
	if (!c->nodes || !c->release || !c->host || !c->rank_variable ||
	    !c->mems_allowed ||
	    !c->weight_nodes || !c->weights) {
		facts_free(c);
		return NULL;
	}
	return c;
}

static struct process_machine *process_of(struct machines *m, int64_t vpid)
{
	struct process_machine key = { .vpid = vpid }, *pm, **found;

	found = tfind(&key, &m->tree, process_cmp);
	if (found)
		return *found;
	pm = calloc(1, sizeof(*pm));
	if (!pm)
		return NULL;
	pm->vpid = vpid;
	if (!tsearch(pm, &m->tree, process_cmp)) {
		free(pm);
		return NULL;
	}
	return pm;
}

int machines_begin(struct machines *m, int64_t vpid,
		   const struct machine_facts *f)
{
	struct process_machine *pm = process_of(m, vpid);
	struct machine_facts *c;

	if (!pm || !(c = facts_copy(f)))
		return -1;
	if (!pm->first) {
		pm->first = pm->latest = c;
		return 0;
	}
	if (pm->latest != pm->first)
		facts_free(pm->latest);
	pm->latest = c;
	return 0;
}

int machines_add_node(struct machines *m, int64_t vpid, uint64_t call_id,
		      const struct machine_node *n)
{
	const struct process_machine *pm = machines_find(m, vpid);
	struct machine_facts *f = pm ? pm->latest : NULL;
	struct machine_node *to;

	if (!f || f->call_id != call_id || f->node_count == f->nodes_announced)
		return 0;
	to = &f->nodes[f->node_count];
	*to = *n;
	to->memory_only = n->has_memory && !n->has_cpu;
	to->distances = copy(n->distances, n->distances_len);
	if (!to->distances)
		return -1;
	f->node_count++;
	return 0;
}

const struct process_machine *machines_find(const struct machines *m,
					    int64_t vpid)
{
	struct process_machine key = { .vpid = vpid }, **found;

	found = tfind(&key, &m->tree, process_cmp);
	return found ? *found : NULL;
}

void machines_fini(struct machines *m)
{
	tdestroy(m->tree, process_free);
	m->tree = NULL;
}
