/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A node mask as the text numactl(8) writes, "0-3,6", built from the
 * nodes of the mask in ascending order as the trace lists them; a mask
 * too long for the text ends with "...".
 */
#ifndef NUMASHIM_NODELIST_H
#define NUMASHIM_NODELIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NODE_LIST_MAX 48

struct node_list {
	char text[NODE_LIST_MAX];
	size_t len;
	bool open;		/* a run first..last not yet in text */
	bool cut;		/* text could not take every node */
	int32_t first;
	int32_t last;
};

void node_list_add(struct node_list *l, int32_t node);

/* The text of the nodes added so far; "none" for an empty mask. */
const char *node_list_text(struct node_list *l);

#endif /* NUMASHIM_NODELIST_H */
