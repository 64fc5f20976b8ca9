/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The names the streamed formats give call sites and backtrace frames,
 * symbolized once a site (symbols.h) however many calls name it.
 */
#ifndef NUMASHIM_SITE_LABELS_H
#define NUMASHIM_SITE_LABELS_H

#include "sites.h"
#include "symbols.h"

struct site_label {
	const struct site *site;
	/* The function, or without one the binary and offset (site_name()). */
	char *function;
	/* As the callsites view names it: "query+0x43 at demo.c:48". */
	char *place;
};

struct site_labels {
	struct symbolizer symbols;
	void *tree;		/* tsearch(3) tree of struct site_label */
};

/* The label of site, made on first use; NULL when out of memory. */
const struct site_label *site_label(struct site_labels *l,
				    const struct site *site);

void site_labels_fini(struct site_labels *l);

#endif /* NUMASHIM_SITE_LABELS_H */
