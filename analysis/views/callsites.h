/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The callsites view: the sites of sites.h ranked by their calls, then
 * the time spent in them, then their failures, each named offline with
 * symbols.h.
 */
#ifndef NUMASHIM_CALLSITES_H
#define NUMASHIM_CALLSITES_H

#include <stddef.h>

#include "sites.h"
#include "symbols.h"

struct callsite {
	const struct site *site;
	struct symbol symbol;
};

/*
 * The sites that made calls, ranked, named by symbols (which must outlive
 * them); free() the array. NULL when out of memory.
 */
struct callsite *callsites_rank(const struct sites *sites,
				struct symbolizer *symbols, size_t *count);

#endif /* NUMASHIM_CALLSITES_H */
