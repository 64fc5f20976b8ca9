// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim-demo: the placement calls of a NUMA-aware program in small, to
 * be recorded with `numashim record -- numashim-demo`. It lays out a
 * buffer by first touch, binds part of it with mbind(MPOL_MF_MOVE), asks
 * move_pages() where its pages are, moves them to the next node, and
 * migrates the whole process back to the first node.
 *
 * On a machine with one node it still shows what goes wrong: pages never
 * touched are refused page by page, and a move to a node that does not
 * exist fails as a whole.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numa.h>
#include <numaif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define BUFFER_PAGES 64

static long page_size;

static void *page(char *buf, int i)
{
	return buf + (long) i * page_size;
}

/* Touch every other page: the untouched ones are not in memory yet. */
static void first_touch(char *buf)
{
	int i;

	for (i = 0; i < BUFFER_PAGES; i += 2)
		memset(page(buf, i), i, page_size);
}

/* Where each page is: its node, or a negative errno for a page that is not. */
static int query(char *buf, void **pages, int *status)
{
	int i;

	for (i = 0; i < BUFFER_PAGES; i++)
		pages[i] = page(buf, i);
	if (move_pages(0, BUFFER_PAGES, pages, NULL, status, 0)) {
		perror("move_pages (query)");
		return -1;
	}
	return 0;
}

static void where_are_my_pages(char *buf)
{
	void *pages[BUFFER_PAGES];
	int status[BUFFER_PAGES], i, placed = 0;

	if (query(buf, pages, status))
		return;
	for (i = 0; i < BUFFER_PAGES; i++)
		placed += status[i] >= 0;
	printf("query: %d pages placed, %d not in memory\n", placed,
	       BUFFER_PAGES - placed);
}

/* The first quarter of the buffer bound to the first node, moved there. */
static void bind_first_quarter(char *buf, int first_node)
{
	unsigned long mask = 1UL << first_node;

	if (mbind(buf, BUFFER_PAGES / 4 * page_size, MPOL_BIND, &mask,
		  sizeof(mask) * 8, MPOL_MF_MOVE))
		perror("mbind");
	else
		printf("mbind: first %d pages bound to node %d\n",
		       BUFFER_PAGES / 4, first_node);
}

/* The next node this process may use after node, wrapping around. */
static int next_node(int node, int max_node)
{
	int next;

	for (next = node + 1; next <= max_node; next++)
		if (numa_bitmask_isbitset(numa_all_nodes_ptr, next))
			return next;
	for (next = 0; next < node; next++)
		if (numa_bitmask_isbitset(numa_all_nodes_ptr, next))
			return next;
	return node;
}

/*
 * Each page to the node after the one it is on. The untouched pages are
 * asked for too, as a program that lost track of them would, and are
 * refused one by one.
 */
static void move_to_next_node(char *buf, int first_node, int max_node)
{
	void *pages[BUFFER_PAGES];
	int nodes[BUFFER_PAGES], status[BUFFER_PAGES], i, moved = 0;

	if (query(buf, pages, status))
		return;
	for (i = 0; i < BUFFER_PAGES; i++)
		nodes[i] = next_node(status[i] >= 0 ? status[i] : first_node,
				     max_node);
	if (move_pages(0, BUFFER_PAGES, pages, nodes, status, MPOL_MF_MOVE)) {
		perror("move_pages");
		return;
	}
	for (i = 0; i < BUFFER_PAGES; i++)
		moved += status[i] == nodes[i];
	printf("move_pages: %d of %d pages on the node asked for\n", moved,
	       BUFFER_PAGES);
}

/* A move to a node past the last one: refused as a whole. */
static void move_to_missing_node(char *buf, int max_node)
{
	void *pages[1] = { buf };
	int nodes[1] = { max_node + 1 }, status[1];

	if (move_pages(0, 1, pages, nodes, status, MPOL_MF_MOVE))
		printf("move_pages to node %d: %s\n", max_node + 1,
		       strerror(errno));
}

/* Everything this process has, on every node, back to the first node. */
static void migrate_home(int first_node)
{
	struct bitmask *from = numa_get_mems_allowed();
	struct bitmask *to = numa_allocate_nodemask();
	long ret;

	numa_bitmask_setbit(to, first_node);
	ret = numa_migrate_pages(0, from, to);
	if (ret < 0)
		perror("migrate_pages");
	else
		printf("migrate_pages: %ld pages could not be moved\n", ret);
	numa_bitmask_free(to);
	numa_bitmask_free(from);
}

static int first_allowed_node(int max_node)
{
	int node;

	for (node = 0; node <= max_node; node++)
		if (numa_bitmask_isbitset(numa_all_nodes_ptr, node))
			return node;
	return 0;
}

int main(void)
{
	int max_node, first_node;
	char *buf;

	if (numa_available() < 0) {
		fprintf(stderr, "numashim-demo: this kernel has no NUMA support\n");
		return 1;
	}
	page_size = sysconf(_SC_PAGESIZE);
	max_node = numa_max_node();
	first_node = first_allowed_node(max_node);
	printf("%d NUMA node(s), %d pages of %ld bytes\n", max_node + 1,
	       BUFFER_PAGES, page_size);
	buf = mmap(NULL, BUFFER_PAGES * page_size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	first_touch(buf);
	where_are_my_pages(buf);
	bind_first_quarter(buf, first_node);
	move_to_next_node(buf, first_node, max_node);
	move_to_missing_node(buf, max_node);
	migrate_home(first_node);
	where_are_my_pages(buf);
	munmap(buf, BUFFER_PAGES * page_size);
	return 0;
}
