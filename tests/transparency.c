// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The shim must not change what a call does, whatever its arguments. This
 * program makes a table of move_pages(), mbind() and migrate_pages() calls,
 * valid and not, each through libnuma's numaif.h function ("fn") and through
 * syscall() ("sys"), and prints everything the caller can observe: the
 * return value, errno (preset to a sentinel, so that one clobbered on
 * success shows), the status array (prefilled with a sentinel, printed as
 * ".", so that unwritten slots show), and after each call where the pages
 * are and, for mbind(), the policy get_mempolicy() reports.
 * transparency.test runs it bare and under the shim, with and without a
 * session recording, and demands identical output: so nothing printed may
 * depend on an address or a pid.
 *
 * Each array a call is given sits at the end of its own page, followed by a
 * PROT_NONE page: reading past it faults at once, even with a count of
 * 1 << 40, and "runs into PROT_NONE" means only its first half is there.
 * Each call also has a page of its own that nobody touched: an "untouched"
 * array lives there, and the query after the call says whether anything
 * read it (the zero page is mapped: -EFAULT) or wrote it (node 0) or left
 * it alone (-ENOENT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numaif.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "peers.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define ERRNO_SENTINEL 12345
#define STATUS_SENTINEL 0x7777
#define NPAGES 6		/* entries of a move_pages() pages array */
#define STATUS_SLOTS 8		/* more than NPAGES: unwritten slots show */
#define MASK_WORDS 2
#define MASK_BITS (MASK_WORDS * 8 * sizeof(unsigned long))
#define MAXNODE 65		/* the kernel reads one word of mask */
#define ARENA_SIZE (64UL << 20)
#define HUGE_COUNT (1UL << 40)
#define HUGE_MAXNODE (1UL << 20)
#define BOGUS_FLAG 0x100
/* Pages touched, touched, untouched, unmapped (and one more untouched). */
#define DATA_PAGES 5
#define SLICE_PAGES 4

enum via { VIA_FUNCTION, VIA_SYSCALL, NR_VIAS };

/* Where an array argument points; zero is NULL. */
enum where {
	ARR_NULL,
	ARR_BAD,	/* (void *)1 */
	ARR_HOLE,	/* an unmapped page */
	ARR_UNTOUCHED,	/* the call's untouched page (reads as zeros) */
	ARR_EDGE,	/* half the array, then a PROT_NONE page */
	ARR_OK,		/* the whole array, then a PROT_NONE page */
};

/* Whose pages; zero is the caller's own (pid 0). */
enum who { PID_SELF, PID_CHILD, PID_NONE };

/* The range an mbind() call covers, in the call's own slice. */
enum range {
	R_RANGE,	/* its three mapped pages */
	R_UNALIGNED,	/* the same from one byte in */
	R_EMPTY,	/* length 0 */
	R_HOLE,		/* all four pages, the last one unmapped */
};

struct mask_arg {
	enum where where;
	unsigned long bits;	/* word 0; word 1 is 0 */
};

struct mp_row {
	const char *label;
	enum who pid;
	unsigned long count;
	enum where pages, nodes, status;
	int node;		/* every entry of nodes */
	int flags;
};

struct mb_row {
	const char *label;
	enum range range;
	long mode;
	struct mask_arg mask;
	unsigned long maxnode;
	unsigned int flags;
};

struct mig_row {
	const char *label;
	enum who pid;
	unsigned long maxnode;
	struct mask_arg from, to;
};

#define NODE0 { ARR_OK, 1UL << 0 }
#define NODE1 { ARR_OK, 1UL << 1 }

static const struct mp_row mp_rows[] = {
	{ "count 0, NULL arrays", .count = 0 },
	{ "count 0, bad arrays", .pages = ARR_BAD, .nodes = ARR_BAD,
	  .status = ARR_BAD },
	{ "query", .count = NPAGES, .pages = ARR_OK, .status = ARR_OK },
	{ "query, NULL pages", .count = NPAGES, .status = ARR_OK },
	{ "query, NULL status", .count = NPAGES, .pages = ARR_OK },
	{ "query, NULL pages, status untouched", .count = NPAGES,
	  .status = ARR_UNTOUCHED },
	{ "query, pages (void *)1", .count = NPAGES, .pages = ARR_BAD,
	  .status = ARR_OK },
	{ "query, pages in unmapped page", .count = NPAGES, .pages = ARR_HOLE,
	  .status = ARR_OK },
	{ "query, pages run into PROT_NONE", .count = NPAGES,
	  .pages = ARR_EDGE, .status = ARR_OK },
	{ "query, status (void *)1", .count = NPAGES, .pages = ARR_OK,
	  .status = ARR_BAD },
	{ "query, status runs into PROT_NONE", .count = NPAGES,
	  .pages = ARR_OK, .status = ARR_EDGE },
	{ "query, status untouched", .count = NPAGES, .pages = ARR_OK,
	  .status = ARR_UNTOUCHED },
	{ "query, flags MPOL_MF_MOVE", .count = NPAGES, .pages = ARR_OK,
	  .status = ARR_OK, .flags = MPOL_MF_MOVE },
	{ "move to node 0", .count = NPAGES, .pages = ARR_OK, .nodes = ARR_OK,
	  .status = ARR_OK, .flags = MPOL_MF_MOVE },
	{ "move to node 1", .count = NPAGES, .pages = ARR_OK, .nodes = ARR_OK,
	  .status = ARR_OK, .node = 1, .flags = MPOL_MF_MOVE },
	{ "move to node -1", .count = NPAGES, .pages = ARR_OK, .nodes = ARR_OK,
	  .status = ARR_OK, .node = -1, .flags = MPOL_MF_MOVE },
	{ "move to node 1<<20", .count = NPAGES, .pages = ARR_OK,
	  .nodes = ARR_OK, .status = ARR_OK, .node = 1 << 20,
	  .flags = MPOL_MF_MOVE },
	{ "move, NULL pages", .count = NPAGES, .nodes = ARR_OK,
	  .status = ARR_OK, .flags = MPOL_MF_MOVE },
	{ "move, NULL status", .count = NPAGES, .pages = ARR_OK,
	  .nodes = ARR_OK, .flags = MPOL_MF_MOVE },
	{ "move, nodes (void *)1", .count = NPAGES, .pages = ARR_OK,
	  .nodes = ARR_BAD, .status = ARR_OK, .flags = MPOL_MF_MOVE },
	{ "move, pages run into PROT_NONE", .count = NPAGES,
	  .pages = ARR_EDGE, .nodes = ARR_OK, .status = ARR_OK,
	  .flags = MPOL_MF_MOVE },
	{ "move, nodes run into PROT_NONE", .count = NPAGES, .pages = ARR_OK,
	  .nodes = ARR_EDGE, .status = ARR_OK, .flags = MPOL_MF_MOVE },
	{ "move, status runs into PROT_NONE", .count = NPAGES,
	  .pages = ARR_OK, .nodes = ARR_OK, .status = ARR_EDGE,
	  .flags = MPOL_MF_MOVE },
	{ "move, flags MPOL_MF_MOVE_ALL", .count = NPAGES, .pages = ARR_OK,
	  .nodes = ARR_OK, .status = ARR_OK, .flags = MPOL_MF_MOVE_ALL },
	{ "move, flags 0x100", .count = NPAGES, .pages = ARR_OK,
	  .nodes = ARR_OK, .status = ARR_OK, .flags = BOGUS_FLAG },
	{ "query, flags 0x100, arrays untouched", .count = NPAGES,
	  .pages = ARR_UNTOUCHED, .status = ARR_UNTOUCHED,
	  .flags = BOGUS_FLAG },
	{ "query, other process", .pid = PID_CHILD, .count = NPAGES,
	  .pages = ARR_OK, .status = ARR_OK },
	{ "move, other process", .pid = PID_CHILD, .count = NPAGES,
	  .pages = ARR_OK, .nodes = ARR_OK, .status = ARR_OK,
	  .flags = MPOL_MF_MOVE },
	{ "query, no such pid", .pid = PID_NONE, .count = NPAGES,
	  .pages = ARR_OK, .status = ARR_OK },
	{ "query, no such pid, arrays untouched", .pid = PID_NONE,
	  .count = NPAGES, .pages = ARR_UNTOUCHED, .status = ARR_UNTOUCHED },
	{ "query, count 1<<40", .count = HUGE_COUNT, .pages = ARR_EDGE,
	  .status = ARR_OK },
	{ "move, count 1<<40", .count = HUGE_COUNT, .pages = ARR_EDGE,
	  .nodes = ARR_OK, .status = ARR_OK, .flags = MPOL_MF_MOVE },
};

static const struct mb_row mb_rows[] = {
	{ "bind 0", .mode = MPOL_BIND, .mask = NODE0, .maxnode = MAXNODE },
	{ "bind 0, MPOL_MF_MOVE", .mode = MPOL_BIND, .mask = NODE0,
	  .maxnode = MAXNODE, .flags = MPOL_MF_MOVE },
	{ "bind 0, MPOL_MF_MOVE|MPOL_MF_STRICT", .mode = MPOL_BIND,
	  .mask = NODE0, .maxnode = MAXNODE,
	  .flags = MPOL_MF_MOVE | MPOL_MF_STRICT },
	{ "bind 1, MPOL_MF_MOVE", .mode = MPOL_BIND, .mask = NODE1,
	  .maxnode = MAXNODE, .flags = MPOL_MF_MOVE },
	{ "bind, NULL mask, maxnode 0", .mode = MPOL_BIND },
	{ "bind 0, maxnode 1", .mode = MPOL_BIND, .mask = NODE0,
	  .maxnode = 1 },
	{ "bind 0, maxnode 1<<20", .mode = MPOL_BIND, .mask = NODE0,
	  .maxnode = HUGE_MAXNODE },
	{ "bind, mask (void *)1", .mode = MPOL_BIND, .mask = { ARR_BAD },
	  .maxnode = MAXNODE },
	{ "bind, mask runs into PROT_NONE", .mode = MPOL_BIND,
	  .mask = { ARR_EDGE, 1 }, .maxnode = MASK_BITS + 1 },
	{ "preferred 0", .mode = MPOL_PREFERRED, .mask = NODE0,
	  .maxnode = MAXNODE },
	{ "preferred, NULL mask, maxnode 0", .mode = MPOL_PREFERRED },
	{ "interleave 0, MPOL_MF_MOVE", .mode = MPOL_INTERLEAVE,
	  .mask = NODE0, .maxnode = MAXNODE, .flags = MPOL_MF_MOVE },
	{ "default, NULL mask, maxnode 0", .mode = MPOL_DEFAULT },
	{ "default 0", .mode = MPOL_DEFAULT, .mask = NODE0,
	  .maxnode = MAXNODE },
	{ "local, NULL mask, maxnode 0", .mode = MPOL_LOCAL },
	{ "mode 99", .mode = 99, .mask = NODE0, .maxnode = MAXNODE },
	{ "mode 99, mask untouched", .mode = 99, .mask = { ARR_UNTOUCHED },
	  .maxnode = MAXNODE },
	{ "mode 0x100000002 (int: bind)", .mode = 0x100000002L,
	  .mask = NODE0, .maxnode = MAXNODE },
	{ "bind 0, flags 0x100", .mode = MPOL_BIND, .mask = NODE0,
	  .maxnode = MAXNODE, .flags = BOGUS_FLAG },
	{ "bind 0, unaligned addr", .range = R_UNALIGNED, .mode = MPOL_BIND,
	  .mask = NODE0, .maxnode = MAXNODE },
	{ "bind 0, len 0", .range = R_EMPTY, .mode = MPOL_BIND,
	  .mask = NODE0, .maxnode = MAXNODE },
	{ "bind 0, range with unmapped page", .range = R_HOLE,
	  .mode = MPOL_BIND, .mask = NODE0, .maxnode = MAXNODE },
};

static const struct mig_row mig_rows[] = {
	{ "0 -> 0", .maxnode = MAXNODE, .from = NODE0, .to = NODE0 },
	{ "NULL masks", .maxnode = MAXNODE },
	{ "1 -> 0", .maxnode = MAXNODE, .from = NODE1, .to = NODE0 },
	{ "0 -> 1", .maxnode = MAXNODE, .from = NODE0, .to = NODE1 },
	{ "0 -> 0, maxnode 1<<20", .maxnode = HUGE_MAXNODE, .from = NODE0,
	  .to = NODE0 },
	{ "maxnode 1<<20, masks untouched", .maxnode = HUGE_MAXNODE,
	  .from = { ARR_UNTOUCHED }, .to = { ARR_UNTOUCHED } },
	{ "from (void *)1", .maxnode = MAXNODE, .from = { ARR_BAD },
	  .to = NODE0 },
	{ "from (void *)1, to untouched", .maxnode = MAXNODE,
	  .from = { ARR_BAD }, .to = { ARR_UNTOUCHED } },
	{ "to runs into PROT_NONE", .maxnode = MASK_BITS + 1,
	  .from = NODE0, .to = { ARR_EDGE, 1 } },
	{ "0 -> 0, other process", .pid = PID_CHILD, .maxnode = MAXNODE,
	  .from = NODE0, .to = NODE0 },
	{ "0 -> 0, no such pid", .pid = PID_NONE, .maxnode = MAXNODE,
	  .from = NODE0, .to = NODE0 },
	{ "no such pid, masks untouched", .pid = PID_NONE, .maxnode = MAXNODE,
	  .from = { ARR_UNTOUCHED }, .to = { ARR_UNTOUCHED } },
};

#define NR_CALLS (NR_VIAS * (ARRAY_SIZE(mp_rows) + ARRAY_SIZE(mb_rows) + \
			     ARRAY_SIZE(mig_rows)))

/* A page whose end borders a PROT_NONE page. */
struct guarded {
	char *end;
};

static struct {
	size_t page;
	char *next;		/* where map() maps next */
	char *data;		/* DATA_PAGES, mapped before the child forked */
	char *hole;		/* data's unmapped page */
	char *slices;		/* an mbind() range per mbind() call */
	char *untouched;	/* a page per call */
	struct guarded g_pages, g_nodes, g_status, g_mask[2];
	pid_t child, nopid;
	unsigned int call;	/* index of the current call */
} fx;

static const char *const via_name[NR_VIAS] = { "fn", "sys" };

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* ---- Fixtures ---- */

/*
 * Everything the calls use is mapped low in a large gap that is left free:
 * mmap() puts a new mapping (the shim's, lttng-ust's) at the top of the
 * highest free gap it fits in, so theirs go above ours and never into the
 * unmapped pages between ours.
 */
static void arena_init(void)
{
	char *p = mmap(NULL, ARENA_SIZE, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED || munmap(p, ARENA_SIZE))
		die("arena");
	fx.next = p + ARENA_SIZE / 4;
}

/* Pages of our own, followed by an unmapped page. */
static char *map(size_t pages)
{
	size_t len = pages * fx.page;
	char *p = mmap(fx.next, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (p != fx.next)
		die("mmap");
	fx.next += len + fx.page;
	/* A huge page would make the untouched neighbours present. */
	madvise(p, len, MADV_NOHUGEPAGE);
	return p;
}

static void touch(char *p)
{
	*(volatile char *) p = 1;
}

static void unmap(char *p)
{
	if (munmap(p, fx.page))
		die("munmap");
}

static void guarded_init(struct guarded *g)
{
	char *p = map(2);

	if (mprotect(p + fx.page, fx.page, PROT_NONE))
		die("mprotect");
	g->end = p + fx.page;
}

/* Two pages touched, one untouched, one unmapped: a region to query. */
static void region_init(char *p)
{
	touch(p);
	touch(p + fx.page);
	unmap(p + 3 * fx.page);
}

static void fixtures_init(void)
{
	size_t i;

	fx.page = sysconf(_SC_PAGESIZE);
	arena_init();
	fx.data = map(DATA_PAGES);
	region_init(fx.data);
	fx.hole = fx.data + 3 * fx.page;
	fx.slices = map(NR_VIAS * ARRAY_SIZE(mb_rows) * SLICE_PAGES);
	for (i = 0; i < NR_VIAS * ARRAY_SIZE(mb_rows); i++)
		region_init(fx.slices + i * SLICE_PAGES * fx.page);
	fx.untouched = map(NR_CALLS);
	guarded_init(&fx.g_pages);
	guarded_init(&fx.g_nodes);
	guarded_init(&fx.g_status);
	guarded_init(&fx.g_mask[0]);
	guarded_init(&fx.g_mask[1]);
	fx.nopid = peer_nonexistent();
	fx.child = peer_child();
}

static void fixtures_end(void)
{
	kill(fx.child, SIGKILL);
	waitpid(fx.child, NULL, 0);
}

/* ---- Arguments ---- */

static char *untouched_page(void)
{
	return fx.untouched + fx.call * fx.page;
}

static int pid_of(enum who who)
{
	switch (who) {
	case PID_CHILD:
		return fx.child;
	case PID_NONE:
		return fx.nopid;
	default:
		return 0;
	}
}

/* How many of n elements an array has where it is put. */
static size_t elems_at(enum where where, size_t n)
{
	return where == ARR_EDGE ? n / 2 : n;
}

/* The n elements of size bytes at src, put where the row says. */
static void *array(enum where where, struct guarded *g, const void *src,
		   size_t n, size_t size)
{
	size_t len = elems_at(where, n) * size;

	switch (where) {
	case ARR_NULL:
		return NULL;
	case ARR_BAD:
		return (void *) 1;
	case ARR_HOLE:
		return fx.hole;
	case ARR_UNTOUCHED:
		return untouched_page();
	default:
		return memcpy(g->end - len, src, len);
	}
}

static unsigned long *mask_array(const struct mask_arg *m, struct guarded *g)
{
	unsigned long words[MASK_WORDS] = { m->bits };

	return array(m->where, g, words, MASK_WORDS, sizeof(words[0]));
}

/* ---- Output ---- */

static void print_errno(int err)
{
	const char *name = strerrorname_np(err);

	if (err == ERRNO_SENTINEL)
		printf("untouched");
	else if (name)
		printf("%s", name);
	else
		printf("%d", err);
}

static void print_call(const char *call, enum via via, const char *label,
		       long ret, int err)
{
	printf("%-13s %-3s %-38s ret=%ld errno=", call, via_name[via], label,
	       ret);
	print_errno(err);
}

static void print_ints(const char *name, const int *v, size_t n)
{
	size_t i;

	printf(" %s=[", name);
	for (i = 0; i < n; i++) {
		if (i)
			putchar(' ');
		if (v[i] == STATUS_SENTINEL)
			putchar('.');
		else
			printf("%d", v[i]);
	}
	putchar(']');
}

/*
 * Where n pages are now (node or -errno), by a move_pages() query, and
 * whether the call's untouched page still is.
 */
static void print_where(const char *name, char *const *pages, size_t n)
{
	void *q[DATA_PAGES + 1];
	int st[DATA_PAGES + 1];
	long ret;

	memcpy(q, pages, n * sizeof(q[0]));
	q[n] = untouched_page();
	ret = move_pages(0, n + 1, q, NULL, st, 0);
	if (ret) {
		printf(" query failed: ");
		print_errno(errno);
		return;
	}
	print_ints(name, st, n);
	printf(" untouched=%d", st[n]);
}

static void print_data_pages(void)
{
	char *pages[DATA_PAGES];
	size_t i;

	for (i = 0; i < DATA_PAGES; i++)
		pages[i] = fx.data + i * fx.page;
	printf("\n  after:");
	print_where("data", pages, DATA_PAGES);
	putchar('\n');
}

/* ---- move_pages() ---- */

struct mp_args {
	int pid;
	unsigned long count;
	void **pages;
	int *nodes;
	int *status;
	int flags;
};

static long mp_call(enum via via, const struct mp_args *a)
{
	errno = ERRNO_SENTINEL;
	if (via == VIA_FUNCTION)
		return move_pages(a->pid, a->count, a->pages, a->nodes,
				  a->status, a->flags);
	return syscall(SYS_move_pages, (long) a->pid, a->count, a->pages,
		       a->nodes, a->status, (long) a->flags);
}

/* The pages array the rows pass: an address of every kind. */
static void mix_pages(void **v)
{
	v[0] = fx.data;				/* present */
	v[1] = fx.data + fx.page + 1;		/* present, not aligned */
	v[2] = fx.data + 2 * fx.page;		/* untouched */
	v[3] = fx.hole;				/* unmapped */
	v[4] = NULL;
	v[5] = fx.data;				/* a duplicate */
}

/* How many status slots there are to print. */
static size_t status_slots(const struct mp_row *row)
{
	switch (row->status) {
	case ARR_OK:
	case ARR_EDGE:
		return elems_at(row->status, STATUS_SLOTS);
	case ARR_UNTOUCHED:
		return row->count < STATUS_SLOTS ? row->count : STATUS_SLOTS;
	default:
		return 0;
	}
}

static void run_mp(const struct mp_row *row, enum via via)
{
	void *pages[NPAGES];
	int nodes[NPAGES], status[STATUS_SLOTS];
	struct mp_args a;
	size_t i;
	long ret;
	int err;

	mix_pages(pages);
	for (i = 0; i < NPAGES; i++)
		nodes[i] = row->node;
	for (i = 0; i < STATUS_SLOTS; i++)
		status[i] = STATUS_SENTINEL;
	a.pid = pid_of(row->pid);
	a.count = row->count;
	a.flags = row->flags;
	a.pages = array(row->pages, &fx.g_pages, pages, NPAGES,
			sizeof(pages[0]));
	a.nodes = array(row->nodes, &fx.g_nodes, nodes, NPAGES,
			sizeof(nodes[0]));
	a.status = array(row->status, &fx.g_status, status, STATUS_SLOTS,
			 sizeof(status[0]));

	ret = mp_call(via, &a);
	err = errno;

	print_call("move_pages", via, row->label, ret, err);
	/* After the query: printing reads an untouched status array. */
	print_data_pages();
	if (status_slots(row)) {
		putchar(' ');
		print_ints("status", a.status, status_slots(row));
		putchar('\n');
	}
}

/* ---- mbind() ---- */

struct mb_args {
	void *addr;
	unsigned long len;
	long mode;
	unsigned long *mask;
	unsigned long maxnode;
	unsigned int flags;
};

static long mb_call(enum via via, const struct mb_args *a)
{
	errno = ERRNO_SENTINEL;
	if (via == VIA_FUNCTION)
		return mbind(a->addr, a->len, (int) a->mode, a->mask,
			     a->maxnode, a->flags);
	return syscall(SYS_mbind, a->addr, a->len, a->mode, a->mask,
		       a->maxnode, (unsigned long) a->flags);
}

static void range_args(struct mb_args *a, enum range range, char *slice)
{
	a->addr = slice;
	a->len = 3 * fx.page;
	switch (range) {
	case R_UNALIGNED:
		a->addr = slice + 1;
		break;
	case R_EMPTY:
		a->len = 0;
		break;
	case R_HOLE:
		a->len = SLICE_PAGES * fx.page;
		break;
	default:
		break;
	}
}

static void print_policy(char *slice)
{
	unsigned long mask[MASK_WORDS] = { 0 };
	char *pages[SLICE_PAGES];
	size_t i;
	int mode;

	printf("\n  after:");
	if (get_mempolicy(&mode, mask, MASK_BITS, slice, MPOL_F_ADDR)) {
		printf(" get_mempolicy: ");
		print_errno(errno);
	} else {
		printf(" mode=%d mask=%#lx,%#lx", mode, mask[0], mask[1]);
	}
	for (i = 0; i < SLICE_PAGES; i++)
		pages[i] = slice + i * fx.page;
	print_where("range", pages, SLICE_PAGES);
	putchar('\n');
}

static void run_mb(const struct mb_row *row, enum via via, unsigned int n)
{
	char *slice = fx.slices + n * SLICE_PAGES * fx.page;
	struct mb_args a;
	long ret;
	int err;

	range_args(&a, row->range, slice);
	a.mode = row->mode;
	a.mask = mask_array(&row->mask, &fx.g_mask[0]);
	a.maxnode = row->maxnode;
	a.flags = row->flags;

	ret = mb_call(via, &a);
	err = errno;

	print_call("mbind", via, row->label, ret, err);
	print_policy(slice);
}

/* ---- migrate_pages() ---- */

struct mig_args {
	int pid;
	unsigned long maxnode;
	unsigned long *from, *to;
};

static long mig_call(enum via via, const struct mig_args *a)
{
	errno = ERRNO_SENTINEL;
	if (via == VIA_FUNCTION)
		return migrate_pages(a->pid, a->maxnode, a->from, a->to);
	return syscall(SYS_migrate_pages, (long) a->pid, a->maxnode, a->from,
		       a->to);
}

static void run_mig(const struct mig_row *row, enum via via)
{
	struct mig_args a;
	long ret;
	int err;

	a.pid = pid_of(row->pid);
	a.maxnode = row->maxnode;
	a.from = mask_array(&row->from, &fx.g_mask[0]);
	a.to = mask_array(&row->to, &fx.g_mask[1]);

	ret = mig_call(via, &a);
	err = errno;

	print_call("migrate_pages", via, row->label, ret, err);
	print_data_pages();
}

/* ---- The table ---- */

int main(void)
{
	unsigned int i, n = 0;
	enum via via;

	fixtures_init();
	for (i = 0; i < ARRAY_SIZE(mp_rows); i++)
		for (via = 0; via < NR_VIAS; via++, fx.call++)
			run_mp(&mp_rows[i], via);
	for (i = 0; i < ARRAY_SIZE(mb_rows); i++)
		for (via = 0; via < NR_VIAS; via++, fx.call++)
			run_mb(&mb_rows[i], via, n++);
	for (i = 0; i < ARRAY_SIZE(mig_rows); i++)
		for (via = 0; via < NR_VIAS; via++, fx.call++)
			run_mig(&mig_rows[i], via);
	fixtures_end();
	printf("end: %u calls\n", fx.call);
	if (fflush(stdout) || ferror(stdout))
		die("stdout");
	return 0;
}
