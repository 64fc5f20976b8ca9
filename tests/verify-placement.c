// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * verify-placement NODE FILE: calls whose placement numashim verifies
 * (NUMASHIM_VERIFY_PLACEMENT=1), each written down in FILE as a JSON line
 * with what this program saw itself, around the call, for
 * placementcheck.py to hold the numashim:placement events to:
 * - an mbind(MPOL_BIND, NODE, MPOL_MF_MOVE) of 64 pages, 48 of them
 *   touched: where the range's pages were before and after, by a
 *   move_pages() query of its own (exact);
 * - the same without MPOL_MF_MOVE, which must record no placement;
 * - an mbind(MPOL_MF_MOVE) of a range longer than the pages the shim
 *   queries (2^20), its first and last pages touched: where the first
 *   was before and after;
 * - migrate_pages(0, NODE -> 0): the process's pages by node from its
 *   own /proc/self/numa_maps, read just before and just after (the
 *   shim's reading is between, so near but not equal), and where the
 *   range went;
 * - the same in a child that closed every descriptor (but lttng-ust's,
 *   which liblttng-ust-fd keeps): it leaves none open behind;
 * - migrate_pages() of process 1 by a child that may not read its
 *   numa_maps (root gives itself up for nobody): the placement says why.
 * Its own queries and readings are raw system calls, which the shim does
 * not see. Exits 0, or 1 when a call answered otherwise than the kernel
 * must.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <numaif.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fds.h"
#include "raw-syscall.h"

#define RANGE_PAGES 64
/* Pages of a range beyond the shim's query bound (numashim(7)). */
#define LONG_PAGES ((1UL << 20) + 2)
#define TOUCHED 48
#define MAX_NODES 64
#define MAXNODE (MAX_NODES + 1)

static FILE *out;
static long page_size;
static char text[1 << 16];

static void fail(const char *what)
{
	perror(what);
	exit(1);
}

/* The node of each of the n pages at base, into status. */
static void query_status(char *base, int n, int *status)
{
	void *pages[RANGE_PAGES];
	int i;

	for (i = 0; i < n; i++)
		pages[i] = base + i * page_size;
	if (raw_syscall(SYS_move_pages, 0, n, pages, NULL, status, 0) < 0)
		fail("move_pages query");
}

/* Where the range's pages are: counts by node, and those without. */
static void query(char *base, unsigned long *counts, unsigned long *absent)
{
	int status[RANGE_PAGES], i;

	query_status(base, RANGE_PAGES, status);
	memset(counts, 0, MAX_NODES * sizeof(*counts));
	*absent = 0;
	for (i = 0; i < RANGE_PAGES; i++) {
		if (status[i] >= 0 && status[i] < MAX_NODES)
			counts[status[i]]++;
		else
			++*absent;
	}
}

/* The process's pages by node from numa_maps, in base pages. */
static void numa_maps(unsigned long *counts)
{
	long fd = raw_syscall(SYS_openat, AT_FDCWD, "/proc/self/numa_maps",
			      O_RDONLY | O_CLOEXEC, 0), n, len = 0;
	unsigned long kb, node, pages;
	char *line, *at, *end;

	if (fd < 0)
		fail("/proc/self/numa_maps");
	while ((n = raw_syscall(SYS_read, fd, text + len,
				sizeof(text) - 1 - len, 0, 0, 0)) > 0)
		len += n;
	raw_syscall(SYS_close, fd, 0, 0, 0, 0, 0);
	text[len] = '\0';
	memset(counts, 0, MAX_NODES * sizeof(*counts));
	for (line = strtok_r(text, "\n", &end); line;
	     line = strtok_r(NULL, "\n", &end)) {
		at = strstr(line, " kernelpagesize_kB=");
		kb = at ? strtoul(at + 19, NULL, 10) :
			  (unsigned long) page_size / 1024;
		for (at = line; (at = strstr(at, " N")); at++)
			if (sscanf(at, " N%lu=%lu", &node, &pages) == 2 &&
			    node < MAX_NODES)
				counts[node] += pages * (kb * 1024 / page_size);
	}
}

static void put_counts(const char *key, const unsigned long *counts)
{
	const char *sep = "";
	int n;

	fprintf(out, ", \"%s\": {", key);
	for (n = 0; n < MAX_NODES; n++)
		if (counts[n]) {
			fprintf(out, "%s\"%d\": %lu", sep, n, counts[n]);
			sep = ", ";
		}
	fputc('}', out);
}

static void put_call(const char *call, long ret, int err)
{
	fprintf(out, "{\"call\": \"%s\", \"pid\": %d, \"ret\": %ld, \"err\": %d",
		call, getpid(), ret, ret < 0 ? err : 0);
}

static void put_end(void)
{
	fputs("}\n", out);
	fflush(out);
}

static long bind_range(char *base, int node, unsigned int flags)
{
	unsigned long mask = 1UL << node;

	return mbind(base, RANGE_PAGES * page_size, MPOL_BIND, &mask, MAXNODE,
		     flags);
}

static void mbind_move(char *base, int node)
{
	unsigned long before[MAX_NODES], after[MAX_NODES], absent_before,
		      absent_after;
	long ret;
	int err;

	query(base, before, &absent_before);
	ret = bind_range(base, node, MPOL_MF_MOVE);
	err = errno;
	query(base, after, &absent_after);
	put_call("mbind", ret, err);
	fprintf(out, ", \"placement\": true, \"exact\": true, \"pages\": %d, \"absent_before\": %lu, \"absent_after\": %lu",
		RANGE_PAGES, absent_before, absent_after);
	put_counts("before", before);
	put_counts("after", after);
	put_end();
	if (ret)
		fail("mbind MPOL_MF_MOVE");
	if (after[node] != TOUCHED) {
		fprintf(stderr, "verify-placement: %lu pages on node %d, not %d\n",
			after[node], node, TOUCHED);
		exit(1);
	}
}

/*
 * The shim counts the first 2^20 pages only: of the two touched, the
 * first, whose node is written down before and after.
 */
static void mbind_long(int node)
{
	unsigned long mask = 1UL << node;
	int before, after, err;
	char *base;
	long ret;

	base = mmap(NULL, LONG_PAGES * page_size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		fail("mmap of the long range");
	/* A touch must fault in one page, not a transparent huge page. */
	if (madvise(base, LONG_PAGES * page_size, MADV_NOHUGEPAGE))
		fail("madvise MADV_NOHUGEPAGE");
	base[0] = base[(LONG_PAGES - 1) * page_size] = 1;
	query_status(base, 1, &before);
	ret = mbind(base, LONG_PAGES * page_size, MPOL_BIND, &mask, MAXNODE,
		    MPOL_MF_MOVE);
	err = errno;
	query_status(base, 1, &after);
	put_call("mbind", ret, err);
	fprintf(out, ", \"placement\": true, \"exact\": false, \"long\": true, \"pages\": %lu, \"first_before\": %d, \"first_after\": %d",
		LONG_PAGES, before, after);
	put_end();
	if (ret)
		fail("mbind MPOL_MF_MOVE of the long range");
	munmap(base, LONG_PAGES * page_size);
}

static void mbind_quiet(char *base, int node)
{
	long ret = bind_range(base, node, 0);

	put_call("mbind", ret, errno);
	fputs(", \"placement\": false", out);
	put_end();
	if (ret)
		fail("mbind");
}

/*
 * migrate_pages(pid, from -> to), written down with the numa_maps that
 * the program read around it when it may (read), and how many of the
 * range's pages its own queries found moved to "to"; err_name: the
 * errno the shim's reading must give.
 */
static long migrate(int pid, int from, int to, char *base, int read,
		    const char *err_name)
{
	unsigned long old_nodes = 1UL << from, new_nodes = 1UL << to;
	unsigned long before[MAX_NODES], after[MAX_NODES],
		      range_before[MAX_NODES], range_after[MAX_NODES], absent;
	long ret;
	int err;

	if (read) {
		query(base, range_before, &absent);
		numa_maps(before);
	}
	ret = migrate_pages(pid, MAXNODE, &old_nodes, &new_nodes);
	err = errno;
	if (read)
		numa_maps(after);
	put_call("migrate_pages", ret, err);
	fprintf(out, ", \"placement\": true, \"exact\": false, \"from\": %d, \"to\": %d",
		from, to);
	if (read) {
		query(base, range_after, &absent);
		fprintf(out, ", \"range_moved\": %lu",
			range_after[to] > range_before[to] ?
			range_after[to] - range_before[to] : 0);
		put_counts("before", before);
		put_counts("after", after);
	}
	if (err_name)
		fprintf(out, ", \"query_err\": \"%s\"", err_name);
	put_end();
	return ret;
}

/* Runs child() in a child process, which must exit 0. */
static void in_child(void (*child)(char *, int), char *base, int node)
{
	int status;
	pid_t pid;

	fflush(out);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		child(base, node);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		fprintf(stderr, "verify-placement: a child exited with status %d\n",
			status);
		exit(1);
	}
}

static void without_descriptors(char *base, int node)
{
	int fd, fds, keep = fileno(out);

	for (fd = 0; fd < 1024; fd++)
		if (fd != keep)
			close(fd);
	fds = fds_open();
	if (migrate(0, node, 0, base, 1, NULL) < 0)
		_exit(2);
	if (fds_open() != fds)
		_exit(3);
}

/* Nobody may not read init's numa_maps, nor move its pages. */
static void unreadable(char *base, int node)
{
	if (getuid() == 0 && (setgid(65534) || setuid(65534)))
		_exit(4);
	if (migrate(1, 0, node, base, 0, "EACCES") >= 0)
		_exit(5);
}

int main(int argc, char **argv)
{
	char *base;
	int node, i;

	if (argc != 3) {
		fprintf(stderr, "usage: %s NODE FILE\n", argv[0]);
		return 2;
	}
	node = atoi(argv[1]);
	out = fopen(argv[2], "w");
	if (!out)
		fail(argv[2]);
	page_size = sysconf(_SC_PAGESIZE);
	base = mmap(NULL, RANGE_PAGES * page_size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		fail("mmap");
	for (i = 0; i < TOUCHED; i++)
		base[i * page_size] = 1;
	mbind_move(base, node);
	mbind_quiet(base, node);
	mbind_long(node);
	if (migrate(0, node, 0, base, 1, NULL) < 0)
		fail("migrate_pages");
	in_child(without_descriptors, base, node);
	in_child(unreadable, base, node);
	fclose(out);
	return 0;
}
