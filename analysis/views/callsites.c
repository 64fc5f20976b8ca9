// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>

#include "callsites.h"

#define CMP_DESC(a, b) (((a) < (b)) - ((a) > (b)))

static int rank_cmp(const void *a, const void *b)
{
	const struct site_tally *x = &(*(struct site *const *) a)->tally;
	const struct site_tally *y = &(*(struct site *const *) b)->tally;

	if (x->calls != y->calls)
		return CMP_DESC(x->calls, y->calls);
	if (x->latency_sum != y->latency_sum)
		return CMP_DESC(x->latency_sum, y->latency_sum);
	return CMP_DESC(x->failed + x->failed_pages,
			y->failed + y->failed_pages);
}

struct callsite *callsites_rank(const struct sites *sites,
				struct symbolizer *symbols, size_t *count)
{
	size_t listed, i, n = 0;
	struct site **all = sites_list(sites, &listed);
	struct callsite *ranked = NULL;

	if (!all)
		return NULL;
	qsort(all, listed, sizeof(*all), rank_cmp);
	/* A site whose calls all lost their exit event made none we count. */
	ranked = calloc(listed + 1, sizeof(*ranked));
	for (i = 0; ranked && i < listed && all[i]->tally.calls; i++) {
		ranked[n].site = all[i];
		ranked[n++].symbol = symbolize(symbols, all[i]->path,
					       all[i]->build_id,
					       all[i]->build_id_len,
					       all[i]->offset);
	}
	free(all);
	*count = n;
	return ranked;
}
