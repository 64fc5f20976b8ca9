// SPDX-License-Identifier: LGPL-2.1-or-later
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "nodelist.h"

#define CUT_MARK "..."

/* Put the open run in text, or mark the text cut when it does not fit. */
static void close_run(struct node_list *l)
{
	char run[32];
	int n;

	if (!l->open || l->cut)
		return;
	l->open = false;
	if (l->first == l->last)
		n = snprintf(run, sizeof(run), "%s%" PRId32, l->len ? "," : "",
			     l->first);
	else
		n = snprintf(run, sizeof(run), "%s%" PRId32 "-%" PRId32,
			     l->len ? "," : "", l->first, l->last);
	if (l->len + n + sizeof(CUT_MARK) > sizeof(l->text)) {
		l->cut = true;
		strcpy(l->text + l->len, CUT_MARK);
		return;
	}
	memcpy(l->text + l->len, run, n + 1);
	l->len += n;
}

void node_list_add(struct node_list *l, int32_t node)
{
	if (l->open && node == l->last + 1) {
		l->last = node;
		return;
	}
	close_run(l);
	l->open = true;
	l->first = l->last = node;
}

const char *node_list_text(struct node_list *l)
{
	close_run(l);
	return l->len || l->cut ? l->text : "none";
}
