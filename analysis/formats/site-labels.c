// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site-labels.h"

static int label_cmp(const void *a, const void *b)
{
	const struct site *x = ((const struct site_label *) a)->site;
	const struct site *y = ((const struct site_label *) b)->site;

	return (x > y) - (x < y);
}

static void label_free(void *p)
{
	struct site_label *l = p;

	free(l->function);
	free(l->place);
	free(l);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The function and place of site; 0, or -1 when out of memory. */
static int name_site(struct site_labels *l, struct site_label *label)
{
	const struct site *site = label->site;
	char binary[SITE_NAME_MAX];
	struct symbol sym = { 0 };
	int n;

	if (site->path)
		sym = symbolize(&l->symbols, site->path, site->build_id,
				site->build_id_len, site->offset);
	site_name(site, binary, sizeof(binary));
	if (!sym.function) {
		label->function = strdup(binary);
		label->place = strdup(binary);
		return label->function && label->place ? 0 : -1;
	}
	label->function = strdup(sym.function);
	if (sym.file)
		n = asprintf(&label->place, "%s+%#" PRIx64 " at %s:%d",
			     sym.function, sym.function_offset,
			     base_name(sym.file), sym.line);
	else
		n = asprintf(&label->place, "%s+%#" PRIx64 " in %s",
			     sym.function, sym.function_offset, binary);
	if (n < 0)
		label->place = NULL;
	return label->function && label->place ? 0 : -1;
}

const struct site_label *site_label(struct site_labels *l,
				    const struct site *site)
{
	struct site_label key = { .site = site }, *label, **found;

	found = tfind(&key, &l->tree, label_cmp);
	if (found)
		return *found;
	label = calloc(1, sizeof(*label));
	if (!label)
		return NULL;
	label->site = site;
	if (name_site(l, label) || !tsearch(label, &l->tree, label_cmp)) {
		label_free(label);
		return NULL;
	}
	return label;
}

void site_labels_fini(struct site_labels *l)
{
	tdestroy(l->tree, label_free);
	l->tree = NULL;
	symbolizer_fini(&l->symbols);
}
