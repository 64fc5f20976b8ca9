/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The failures view's figures: failed calls by call kind and errno, and
 * move_pages' failed pages by status code, each with the call sites they
 * came from. A trace holds few distinct codes and sites, so the groups
 * stay small however long the trace.
 */
#ifndef NUMASHIM_FAILURES_H
#define NUMASHIM_FAILURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "numashim-codes.h"
#include "page-facts.h"
#include "sites.h"

/* The call each scope's failures come from. */
extern const char *const failure_scope_calls[NUMASHIM_SCOPES];

struct site_count {
	const struct site *site;
	uint64_t count;
};

/* The failures of one code in one scope, the kernel's or a rule's. */
struct failure_group {
	enum numashim_code_scope scope;
	int code;		/* positive errno value */
	bool injected;		/* made up by a rewrite rule */
	uint64_t count;		/* pages (NUMASHIM_SCOPE_PAGE) or calls */
	uint64_t calls;		/* the calls they came from */
	struct site_count *sites;	/* sorted by count, most first */
	size_t site_count;
	/* The kernel's page failures: what page_state says; NULL: nothing. */
	struct page_facts *facts;
};

struct failures {
	void *tree;		/* tsearch(3) tree of struct failure_group */
	size_t count;
};

/*
 * count failures (pages, or 1 for a call) of code in one call made at
 * site, made up by a rewrite rule when injected. Returns 0, or -1 when
 * out of memory.
 */
int failures_add(struct failures *f, enum numashim_code_scope scope, int code,
		 uint64_t count, bool injected, const struct site *site);

/*
 * The state of the failed pages of one move_pages() call, into the
 * facts of the groups of their statuses. 0, or -1 when out of memory.
 */
int failures_add_page_states(struct failures *f,
			     const struct call_page_states *s);

/*
 * The groups, the kernel's before the rules', calls before pages, the
 * most frequent first; free() the
 * array. NULL when out of memory.
 */
struct failure_group **failures_list(const struct failures *f, size_t *count);

/* The group's code as its scope gives it: a page status is negative. */
int failure_code(const struct failure_group *g);

/* What the group's code means and what to try; NULL when unknown. */
const struct numashim_code_text *failure_text(const struct failure_group *g);

void failures_fini(struct failures *f);

#endif /* NUMASHIM_FAILURES_H */
