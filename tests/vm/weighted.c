// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Weighted interleave for real, in a guest of Linux 6.9 or later whose
 * init has set the weights of nodes 0 and 1 through sysfs: `weighted W0
 * W1` checks that sysfs holds them, sets the task's policy to
 * MPOL_WEIGHTED_INTERLEAVE over nodes 0 and 1, touches fresh pages, and
 * checks where each page went, with a status query and with numa_maps.
 * Each call is written down through expect.c, the first with the weights
 * it must have recorded, for tracecheck.py. TAP lines as placement.c's.
 *
 * The kernel places a fault of a mapping at interleave index ilx, the
 * page's offset in the mapping plus vm_pgoff, which for anonymous memory
 * is the mapping's address in pages: that is the address of the page in
 * pages. Of each round of W0 + W1 indexes, the first W0 go to node 0 and
 * the next W1 to node 1 (weighted_interleave_nid()), so every page's
 * node is known, and the counts are exact.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numaif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../expect.h"
#include "../pages.h"

#define WEIGHTS_DIR "/sys/kernel/mm/mempolicy/weighted_interleave"
#define MAXNODE 65
#define PAGES 400	/* whole rounds of the weights the guest sets */

static int failed;

static void verdict(int ok, const char *what, const char *found)
{
	printf("%s - weighted-interleave: %s\n", ok ? "ok" : "not ok", what);
	if (!ok && found)
		printf("# %s\n", found);
	fflush(stdout);
	failed |= !ok;
}

static int sysfs_weight(int node)
{
	char path[128];
	int weight = -1;
	FILE *f;

	snprintf(path, sizeof(path), WEIGHTS_DIR "/node%d", node);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%d", &weight) != 1)
		weight = -1;
	if (f)
		fclose(f);
	return weight;
}

static long traced_set_mempolicy(int mode, const unsigned long *mask,
				 const int *nodes, int n)
{
	long ret;
	int err;

	errno = 0;
	ret = set_mempolicy(mode, mask, MAXNODE);
	err = errno;
	expect_set_mempolicy(EXPECT_SITE(EXPECT_FUNCTION, 0), mode, mask,
			     nodes, n, MAXNODE, ret, err);
	return ret;
}

static long query(void **pages, int *status)
{
	long ret;
	int err;

	errno = 0;
	ret = move_pages(0, PAGES, pages, NULL, status, 0);
	err = errno;
	expect_move_pages(EXPECT_SITE(EXPECT_FUNCTION, 0), 0, PAGES,
			  EXPECT_WHOLE(pages, PAGES), EXPECT_WHOLE(NULL, 0),
			  EXPECT_WHOLE(status, PAGES), 0, ret, err);
	return ret;
}

/* N0= and N1= of the mapping at addr in numa_maps; -1 when not listed. */
static int numa_maps(const void *addr, unsigned long count[2])
{
	char line[4096], *word;
	unsigned long start;
	int found = -1, node;
	FILE *f = fopen("/proc/self/numa_maps", "r");

	count[0] = count[1] = 0;
	while (f && found < 0 && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx", &start) != 1 ||
		    start != (unsigned long) addr)
			continue;
		found = 0;
		for (word = strtok(line, " \n"); word; word = strtok(NULL, " \n"))
			if (sscanf(word, "N%d=", &node) == 1 && node >= 0 &&
			    node < 2)
				count[node] = strtoul(strchr(word, '=') + 1,
						      NULL, 10);
	}
	if (f)
		fclose(f);
	return found;
}

int main(int argc, char **argv)
{
	static const int both[] = { 0, 1 };
	static void *pages[PAGES];
	static int status[PAGES];
	const unsigned long mask = 3;
	unsigned long want[2] = { 0 }, got[2] = { 0 }, maps[2], i, vpn;
	int w[2], wrong = -1;
	char found[256], *mem;

	if (argc != 3)
		return 2;
	page_size = sysconf(_SC_PAGESIZE);
	w[0] = sysfs_weight(0);
	w[1] = sysfs_weight(1);
	snprintf(found, sizeof(found), "node0 %d node1 %d", w[0], w[1]);
	verdict(w[0] == atoi(argv[1]) && w[1] == atoi(argv[2]),
		"sysfs holds the weights the guest set", found);
	mem = mmap(NULL, PAGES * page_size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED || madvise(mem, PAGES * page_size,
					 MADV_NOHUGEPAGE))
		return 2;

	expect_weights(both, w, 2, 1);
	if (traced_set_mempolicy(MPOL_WEIGHTED_INTERLEAVE, &mask, both, 2))
		return 3;
	for (i = 0; i < PAGES; i++)
		mem[i * page_size] = 1;
	expect_weights(NULL, NULL, -1, 0);
	if (traced_set_mempolicy(MPOL_DEFAULT, NULL, NULL, 0))
		return 3;

	page_list(pages, mem, PAGES);
	if (query(pages, status))
		return 3;
	for (i = 0; i < PAGES; i++) {
		vpn = (unsigned long) pages[i] / page_size;
		want[vpn % (w[0] + w[1]) >= (unsigned long) w[0]]++;
		if (status[i] == 0 || status[i] == 1)
			got[status[i]]++;
		if (wrong < 0 && status[i] !=
		    (vpn % (w[0] + w[1]) >= (unsigned long) w[0]))
			wrong = i;
	}
	snprintf(found, sizeof(found),
		 "page %d on node %d; N0=%lu N1=%lu, wanted %lu %lu", wrong,
		 wrong < 0 ? 0 : status[wrong], got[0], got[1], want[0],
		 want[1]);
	verdict(wrong < 0, "each page is on the node its index and the weights give",
		found);
	/* PAGES is whole rounds of the weights, wherever the mapping starts. */
	verdict(got[0] * w[1] == got[1] * w[0] && got[0] + got[1] == PAGES,
		"the status query finds the pages in the ratio of the weights",
		found);
	if (numa_maps(mem, maps) < 0)
		verdict(0, "numa_maps lists the mapping", NULL);
	snprintf(found, sizeof(found), "N0=%lu N1=%lu, wanted %lu %lu",
		 maps[0], maps[1], want[0], want[1]);
	verdict(maps[0] == want[0] && maps[1] == want[1],
		"numa_maps counts the pages per node in the ratio of the weights",
		found);
	return failed;
}
