/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The call sites behind the calls: a site is where the program called
 * (the ip context of the call's events), as a binary and an offset in it
 * (maps.h), so that a site's calls add up across processes; the failures
 * view names them. A program has few call sites, so the table stays small
 * however long the trace.
 */
#ifndef NUMASHIM_SITES_H
#define NUMASHIM_SITES_H

#include <stddef.h>
#include <stdint.h>

#include "maps.h"

struct site {
	char *path;		/* NULL: the call site's binary is unknown */
	uint64_t offset;	/* in the binary; else the address */
};

struct sites {
	void *tree;		/* tsearch(3) tree of struct site */
	size_t count;
};

/* The site at where, made on first use; NULL when out of memory. */
struct site *sites_get(struct sites *s, const struct code_location *where);

/*
 * The site as the binary's name and the offset, "calls+0x1a2b", or the
 * address alone when the binary is unknown.
 */
const char *site_name(const struct site *site, char *buf, size_t size);

#define SITE_NAME_MAX 96

/* The sites in no particular order; free() the array; NULL: no memory. */
struct site **sites_list(const struct sites *s, size_t *count);

void sites_fini(struct sites *s);

#endif /* NUMASHIM_SITES_H */
