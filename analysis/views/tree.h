/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The items of a tsearch(3) tree as an array, for sorting and printing. */
#ifndef NUMASHIM_TREE_H
#define NUMASHIM_TREE_H

#include <stddef.h>

/*
 * The count items of root, in the tree's order, in an array of count + 1
 * pointers to free(); NULL when out of memory.
 */
void **tree_items(const void *root, size_t count);

/* qsort(3), but for a list never filled, whose array is NULL. */
void sort_items(void *v, size_t len, size_t size,
		int (*cmp)(const void *, const void *));

#endif /* NUMASHIM_TREE_H */
