// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sites.h"
#include "tree.h"

static int site_cmp(const void *a, const void *b)
{
	const struct site *x = a, *y = b;
	int c;

	if (!x->path || !y->path)
		c = !!x->path - !!y->path;
	else
		c = strcmp(x->path, y->path);
	if (c)
		return c;
	if (x->offset != y->offset)
		return (x->offset > y->offset) - (x->offset < y->offset);
	/* Two builds of one path are two binaries. */
	if (x->build_id_len != y->build_id_len)
		return (x->build_id_len > y->build_id_len) -
		       (x->build_id_len < y->build_id_len);
	return x->build_id_len ? memcmp(x->build_id, y->build_id,
					x->build_id_len) : 0;
}

static void site_free(void *p)
{
	struct site *site = p;

	free(site->path);
	free(site->build_id);
	free(site);
}

static int copy_location(struct site *site, const struct code_location *where)
{
	if (where->path && !(site->path = strdup(where->path)))
		return -1;
	if (!where->build_id_len)
		return 0;
	site->build_id = malloc(where->build_id_len);
	if (!site->build_id)
		return -1;
	memcpy(site->build_id, where->build_id, where->build_id_len);
	site->build_id_len = where->build_id_len;
	return 0;
}

struct site *sites_get(struct sites *s, const struct code_location *where)
{
	struct site key = {
		.path = (char *) where->path, .offset = where->offset,
		.build_id = (uint8_t *) where->build_id,
		.build_id_len = where->build_id_len,
	}, *site;
	struct site **found = tfind(&key, &s->tree, site_cmp);

	if (found)
		return *found;
	site = calloc(1, sizeof(*site));
	if (!site)
		return NULL;
	site->offset = where->offset;
	if (copy_location(site, where) || !tsearch(site, &s->tree, site_cmp)) {
		site_free(site);
		return NULL;
	}
	s->count++;
	return site;
}

void site_count_call(struct site *site, const struct call_record *c)
{
	struct site_tally *t = &site->tally;

	t->calls++;
	t->by_kind[c->kind]++;
	t->failed += c->ret < 0 && !c->injected_err;
	t->latency_sum += c->latency_ns;
	if (c->latency_ns > t->latency_max)
		t->latency_max = c->latency_ns;
	if (c->pages)
		t->failed_pages += code_counts_total(&c->pages->failed);
}

const char *site_name(const struct site *site, char *buf, size_t size)
{
	const char *slash = site->path ? strrchr(site->path, '/') : NULL;

	if (site->path)
		snprintf(buf, size, "%s+%#" PRIx64,
			 slash ? slash + 1 : site->path, site->offset);
	else
		snprintf(buf, size, "%#" PRIx64, site->offset);
	return buf;
}

struct site **sites_list(const struct sites *s, size_t *count)
{
	*count = s->count;
	return (struct site **) tree_items(s->tree, s->count);
}

void sites_fini(struct sites *s)
{
	tdestroy(s->tree, site_free);
	*s = (struct sites) { 0 };
}
