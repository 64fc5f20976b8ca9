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
	return (x->offset > y->offset) - (x->offset < y->offset);
}

static void site_free(void *p)
{
	struct site *site = p;

	free(site->path);
	free(site);
}

struct site *sites_get(struct sites *s, const struct code_location *where)
{
	struct site key = {
		.path = (char *) where->path, .offset = where->offset,
	}, *site;
	struct site **found = tfind(&key, &s->tree, site_cmp);

	if (found)
		return *found;
	site = calloc(1, sizeof(*site));
	if (!site)
		return NULL;
	site->offset = where->offset;
	if (where->path && !(site->path = strdup(where->path))) {
		free(site);
		return NULL;
	}
	if (!tsearch(site, &s->tree, site_cmp)) {
		site_free(site);
		return NULL;
	}
	s->count++;
	return site;
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
