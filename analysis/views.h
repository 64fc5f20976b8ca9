/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What every view of numashim report is drawn from: the summary's rows
 * and the trace's own account of its losses, the call sites, and the
 * failures by code. Calls are added as they complete.
 */
#ifndef NUMASHIM_VIEWS_H
#define NUMASHIM_VIEWS_H

#include <stdbool.h>

#include "failures.h"
#include "sites.h"
#include "summary.h"

struct views {
	struct summary summary;
	struct sites sites;
	struct failures failures;
};

void views_init(struct views *v, bool per_thread);
void views_fini(struct views *v);

/* 0, or -1 when out of memory. */
int views_add_call(struct views *v, const struct call_record *c);

#endif /* NUMASHIM_VIEWS_H */
