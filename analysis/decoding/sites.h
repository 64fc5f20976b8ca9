/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The call sites behind the calls: a site is where the program called
 * (the ip context of the call's events), as a binary and an offset in it
 * (maps.h), so that a site's calls add up across processes; each site
 * keeps the tally of its calls for the callsites view, and the failures
 * view names them. A program has few call sites, so the table stays small
 * however long the trace.
 */
#ifndef NUMASHIM_SITES_H
#define NUMASHIM_SITES_H

#include <stddef.h>
#include <stdint.h>

#include "maps.h"
#include "summary.h"

/* What the calls made at one site came to. */
struct site_tally {
	uint64_t calls;			/* calls with an exit event */
	uint64_t by_kind[CALL_KINDS];
	/* The kernel's failures, not those a rewrite rule made up. */
	uint64_t failed;		/* calls that returned an error */
	uint64_t failed_pages;		/* move_pages pages with an error */
	uint64_t latency_sum;		/* ns */
	uint64_t latency_max;
};

struct site {
	char *path;		/* NULL: the call site's binary is unknown */
	uint64_t offset;	/* in the binary; else the address */
	uint8_t *build_id;	/* the binary's, when the trace has it */
	size_t build_id_len;
	struct site_tally tally;
};

struct sites {
	void *tree;		/* tsearch(3) tree of struct site */
	size_t count;
};

/* The site at where, made on first use; NULL when out of memory. */
struct site *sites_get(struct sites *s, const struct code_location *where);

/* Count a finished call in its site's tally. */
void site_count_call(struct site *site, const struct call_record *c);

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
