// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What a call really moved, when NUMASHIM_VERIFY_PLACEMENT=1 asks
 * (numashim record --verify-placement): mbind() with MPOL_MF_MOVE or
 * MPOL_MF_MOVE_ALL and migrate_pages() say how many pages they could
 * not move at most, never which they moved where. So the pages are
 * counted by node just before the kernel gets the call and again just
 * after: mbind's range by a move_pages() status query (nodes NULL) of
 * NUMASHIM_PLACEMENT_QUERY pages at a time, up to
 * NUMASHIM_PLACEMENT_PAGES_MAX pages; migrate_pages' process by its
 * /proc/PID/numa_maps, whose N<node>=<pages> fields count pages of
 * kernelpagesize_kB each. Other threads may fault pages in or move them
 * meanwhile: the event gives the counts as they were, and the report
 * tells moves from new pages.
 *
 * It costs two walks of the range or of the process's page tables, so it
 * is off unless asked. Like machine.c it runs inside the program's call:
 * raw system calls (files.h), the call's scratch slot, no allocation,
 * every descriptor closed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "files.h"
#include "numashim-mpol.h"
#include "placement.h"
#include "real.h"
#include "record.h"
#include "self.h"

static bool wanted;

void numashim_placement_init(void)
{
	const char *s = getenv("NUMASHIM_VERIFY_PLACEMENT");

	if (!s || !*s || !strcmp(s, "0"))
		return;
	if (strcmp(s, "1")) {
		fprintf(stderr,
			"numashim: NUMASHIM_VERIFY_PLACEMENT=\"%s\" is neither 0 nor 1; not verifying placement\n",
			s);
		return;
	}
	wanted = true;
}

static bool recording(const struct numashim_scratch *s)
{
	return wanted && s && lttng_ust_tracepoint_enabled(numashim, placement);
}

static void count_status(uint64_t *counts, uint64_t *absent, int32_t status)
{
	if (status >= 0 && status < NUMASHIM_NODES_MAX)
		counts[status]++;
	else
		(*absent)++;
}

/*
 * The first limit pages of the range, by node into counts, those without
 * a page into absent: how many were queried before a query failed.
 */
static uint64_t count_range(struct numashim_placement *p, uint64_t *counts,
			    uint64_t *absent, uint64_t limit)
{
	const uintptr_t page_size = numashim_self_page_size();
	uint64_t done = 0;
	size_t n, i;

	while (done < limit) {
		n = limit - done < NUMASHIM_PLACEMENT_QUERY ?
		    limit - done : NUMASHIM_PLACEMENT_QUERY;
		for (i = 0; i < n; i++)
			p->io.query.pages[i] =
				(void *) (p->start + (done + i) * page_size);
		if (numashim_real_syscall(SYS_move_pages, (const long[6]) {
				0, (long) n, (long) p->io.query.pages, 0,
				(long) p->io.query.status, 0 }) < 0) {
			if (!p->err)
				p->err = errno;
			break;
		}
		for (i = 0; i < n; i++)
			count_status(counts, absent, p->io.query.status[i]);
		done += n;
	}
	return done;
}

/* One line of numa_maps into the counts of arg, in base pages. */
static void numa_maps_line(char *line, void *arg)
{
	static const char size_key[] = " kernelpagesize_kB=";
	const uintptr_t page_size = numashim_self_page_size();
	uint64_t *counts = arg, kb = page_size / 1024, node, pages;
	const char *at = strstr(line, size_key);

	if (at)
		numashim_decimal(at + sizeof(size_key) - 1, &kb);
	for (at = line; (at = strstr(at, " N")); ) {
		at += 2;
		if (!(at = numashim_decimal(at, &node)) || *at != '=' ||
		    !(at = numashim_decimal(at + 1, &pages)))
			break;
		if (node < NUMASHIM_NODES_MAX)
			counts[node] += pages * (kb * 1024 / page_size);
	}
}

static void count_process(struct numashim_placement *p, uint64_t *counts)
{
	char path[32];
	int err;

	numashim_proc_path(path, p->pid, "numa_maps");
	err = numashim_file_lines(AT_FDCWD, path, p->io.line,
				  sizeof(p->io.line), numa_maps_line, counts);
	if (err && !p->err)
		p->err = err;
}

static void reset(struct numashim_placement *p)
{
	memset(p->before, 0, sizeof(p->before));
	memset(p->after, 0, sizeof(p->after));
	p->absent_before = p->absent_after = 0;
	p->err = 0;
}

bool numashim_placement_mbind_before(struct numashim_scratch *s,
				     const struct numashim_mbind_args *k)
{
	const uintptr_t page_size = numashim_self_page_size();
	struct numashim_placement *p;

	if (!(k->flags & NUMASHIM_MPOL_MF_MOVE_ANY) || !recording(s))
		return false;
	p = &s->placement;
	reset(p);
	p->by_range = true;
	p->start = (uintptr_t) k->addr & ~(page_size - 1);
	p->pages = (((uintptr_t) k->addr + k->len + page_size - 1 -
		     p->start) / page_size);
	p->queried = count_range(p, p->before, &p->absent_before,
				 p->pages < NUMASHIM_PLACEMENT_PAGES_MAX ?
				 p->pages : NUMASHIM_PLACEMENT_PAGES_MAX);
	return true;
}

bool numashim_placement_migrate_before(struct numashim_scratch *s,
				       const struct numashim_migrate_pages_args *k)
{
	struct numashim_placement *p;
	size_t n;

	if (k->pid < 0 || !recording(s))
		return false;
	p = &s->placement;
	reset(p);
	p->by_range = false;
	p->pid = k->pid;
	count_process(p, p->before);
	for (p->pages = 0, n = 0; n < NUMASHIM_NODES_MAX; n++)
		p->pages += p->before[n];
	p->queried = p->err ? 0 : p->pages;
	return true;
}

/* The nodes that held pages, packed at the start of the arrays. */
static size_t pack(struct numashim_placement *p)
{
	size_t len = 0, n;

	for (n = 0; n < NUMASHIM_NODES_MAX; n++) {
		if (!p->before[n] && !p->after[n])
			continue;
		p->nodes[len] = n;
		p->before[len] = p->before[n];
		p->after[len] = p->after[n];
		len++;
	}
	return len;
}

void numashim_placement_record(struct numashim_scratch *s, uint64_t id,
			       void *ip)
{
	struct numashim_placement *p = &s->placement;
	struct numashim_placement_rec rec;

	if (p->by_range)
		p->queried = count_range(p, p->after, &p->absent_after,
					 p->queried);
	else if (count_process(p, p->after), p->err)
		p->queried = 0;
	rec = (struct numashim_placement_rec) {
		.id = id, .pages = p->pages, .queried = p->queried,
		.err = p->err, .nodes = p->nodes, .before = p->before,
		.after = p->after, .len = pack(p),
		.absent_before = p->absent_before,
		.absent_after = p->absent_after,
	};
	lttng_ust_do_tracepoint(numashim, placement, &rec, ip);
}
