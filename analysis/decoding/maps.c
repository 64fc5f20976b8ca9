// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

struct mapping {
	uint64_t baddr;
	uint64_t memsz;
	char *path;
	bool is_pic;
	uint8_t *build_id;
	size_t build_id_len;
};

/* A process's binaries, sorted by address; they do not overlap. */
struct process_maps {
	int64_t vpid;
	struct mapping *v;
	size_t len;
	size_t cap;
};

static int process_cmp(const void *a, const void *b)
{
	const struct process_maps *x = a, *y = b;

	return (x->vpid > y->vpid) - (x->vpid < y->vpid);
}

static void mapping_free(struct mapping *mp)
{
	free(mp->path);
	free(mp->build_id);
}

static void process_free(void *p)
{
	struct process_maps *pm = p;
	size_t i;

	for (i = 0; i < pm->len; i++)
		mapping_free(&pm->v[i]);
	free(pm->v);
	free(pm);
}

static struct process_maps *process_find(const struct maps *m, int64_t vpid)
{
	struct process_maps key = { .vpid = vpid }, **found;

	found = tfind(&key, &m->processes, process_cmp);
	return found ? *found : NULL;
}

static struct process_maps *process_get(struct maps *m, int64_t vpid)
{
	struct process_maps *pm = process_find(m, vpid);

	if (pm)
		return pm;
	pm = calloc(1, sizeof(*pm));
	if (!pm)
		return NULL;
	pm->vpid = vpid;
	if (!tsearch(pm, &m->processes, process_cmp)) {
		free(pm);
		return NULL;
	}
	return pm;
}

/* The index of the first mapping that starts at or after addr. */
static size_t lower_bound(const struct process_maps *pm, uint64_t addr)
{
	size_t lo = 0, hi = pm->len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pm->v[mid].baddr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int insert(struct process_maps *pm, size_t i,
		  const struct mapping *mapping)
{
	struct mapping *v;
	size_t cap;

	if (pm->len == pm->cap) {
		cap = pm->cap ? 2 * pm->cap : 16;
		v = realloc(pm->v, cap * sizeof(*v));
		if (!v)
			return -1;
		pm->v = v;
		pm->cap = cap;
	}
	memmove(&pm->v[i + 1], &pm->v[i], (pm->len - i) * sizeof(*pm->v));
	pm->v[i] = *mapping;
	pm->len++;
	return 0;
}

static void remove_at(struct process_maps *pm, size_t i)
{
	mapping_free(&pm->v[i]);
	memmove(&pm->v[i], &pm->v[i + 1], (pm->len - i - 1) * sizeof(*pm->v));
	pm->len--;
}

int maps_add(struct maps *m, int64_t vpid, uint64_t baddr, uint64_t memsz,
	     const char *path, bool is_pic)
{
	struct process_maps *pm = process_get(m, vpid);
	struct mapping mapping = { baddr, memsz, NULL, is_pic, NULL, 0 };
	size_t i;

	if (!pm)
		return -1;
	i = lower_bound(pm, baddr);
	/* The same binary told twice (statedump and dlopen) is one. */
	if (i < pm->len && pm->v[i].baddr == baddr)
		remove_at(pm, i);
	mapping.path = strdup(path ? path : "");
	if (!mapping.path)
		return -1;
	if (insert(pm, i, &mapping)) {
		free(mapping.path);
		return -1;
	}
	return 0;
}

/* The mapping that starts at baddr; NULL when there is none. */
static struct mapping *mapping_at(const struct maps *m, int64_t vpid,
				  uint64_t baddr)
{
	struct process_maps *pm = process_find(m, vpid);
	size_t i;

	if (!pm)
		return NULL;
	i = lower_bound(pm, baddr);
	return i < pm->len && pm->v[i].baddr == baddr ? &pm->v[i] : NULL;
}

int maps_set_build_id(struct maps *m, int64_t vpid, uint64_t baddr,
		      const uint8_t *build_id, size_t len)
{
	struct mapping *mp = mapping_at(m, vpid, baddr);
	uint8_t *copy;

	if (!mp || !len)
		return 0;
	copy = malloc(len);
	if (!copy)
		return -1;
	memcpy(copy, build_id, len);
	free(mp->build_id);
	mp->build_id = copy;
	mp->build_id_len = len;
	return 0;
}

int maps_remove(struct maps *m, int64_t vpid, uint64_t baddr)
{
	struct process_maps *pm = process_find(m, vpid);
	struct mapping *mp = mapping_at(m, vpid, baddr);

	if (mp)
		remove_at(pm, mp - pm->v);
	return 0;
}

void maps_forget_process(struct maps *m, int64_t vpid)
{
	struct process_maps *pm = process_find(m, vpid);

	if (!pm)
		return;
	tdelete(pm, &m->processes, process_cmp);
	process_free(pm);
}

static bool locate_in(const struct process_maps *pm, uint64_t addr,
		      struct code_location *where)
{
	size_t i = lower_bound(pm, addr + 1);
	const struct mapping *mp;

	if (!i)
		return false;
	mp = &pm->v[i - 1];
	if (addr - mp->baddr >= mp->memsz)
		return false;
	where->path = mp->path;
	where->build_id = mp->build_id;
	where->build_id_len = mp->build_id_len;
	where->offset = mp->is_pic ? addr - mp->baddr : addr;
	return true;
}

struct locate_walk {
	uint64_t addr;
	struct code_location where;
};

static void locate_any(const void *node, VISIT which, void *closure)
{
	const struct process_maps *pm = *(const struct process_maps *const *) node;
	struct locate_walk *w = closure;

	if ((which == postorder || which == leaf) && !w->where.path)
		locate_in(pm, w->addr, &w->where);
}

struct code_location maps_locate(const struct maps *m, int64_t vpid,
				 uint64_t addr)
{
	struct process_maps *pm = process_find(m, vpid);
	struct locate_walk w = { addr, { NULL, addr, NULL, 0 } };

	if (pm && locate_in(pm, addr, &w.where))
		return w.where;
	twalk_r(m->processes, locate_any, &w);
	return w.where;
}

void maps_fini(struct maps *m)
{
	tdestroy(m->processes, process_free);
	m->processes = NULL;
}
