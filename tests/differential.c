// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * differential SEED CALLS: from SEED, a deterministic sequence of CALLS
 * move_pages(), mbind() and migrate_pages() calls with generated arguments
 * (counts 0 to huge; arrays NULL, bad, unaligned, read-only, freed, partly
 * mapped; bad flags, modes and maxnode; our child's pid, a pid that does
 * not exist; the numaif.h functions, libnuma's numa_* and syscall()) on a
 * deterministic layout of pages, between which the program frees and
 * refills pages. One line per call gives the call and all the program
 * can observe of it: ret, errno (preset to a sentinel), the status array
 * (prefilled with one), a move_pages() query of the pages it named, and
 * the changes it made to the arena (mappings, page states, a checksum of
 * the readable contents). differential.test runs it bare, under the shim
 * and recorded, and demands the same output; so nothing printed depends
 * on an address or a pid, and calls name pages by their index pN.
 *
 * transparency.c keeps a fixed table away from the holes; this program
 * puts its arena flush below the lowest mapping, where the kernel puts
 * any new small mapping: a page that the shim or its libraries map
 * during a call lands in one of the arena's holes and shows.
 *
 * NUMASHIM_DIFF_PERTURB=KIND:N changes what the program sees after call
 * N (errno: flips a bit of errno; hole: maps a page into the highest
 * hole), so that the test can show that a wrong answer is caught.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <numa.h>
#include <numaif.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "numashim-mpol.h"
#include "raw-syscall.h"
#include "splitmix.h"
#include "peers.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define ARENA_PAGES 256
/*
 * Pages arrays go above ADDR_ZONE, every other array below, with a
 * PROT_NONE page between that nothing reads across: addresses change
 * from run to run, and so would a mask or a node read from one.
 */
#define ADDR_ZONE (ARENA_PAGES - 32)
#define RUN_MAX 4		/* readable pages in a row: bounds huge counts */
#define ELEMS_MAX 64		/* elements of an array the program writes */
#define ERRNO_SENTINEL 12345
#define STATUS_SENTINEL 0x7777
#define NOT_CANONICAL (0xdeadUL << 48)	/* fill words: never an address */

enum kind { PG_HOLE, PG_NONE, PG_RO, PG_RW };

static struct {
	long page;
	char *base;
	enum kind kind[ARENA_PAGES];
	char state[ARENA_PAGES][2];	/* last seen: permissions, status */
	pid_t child, nopid;
	long (*raw_syscall)(long, ...);	/* never the shim's */
	long addr_skew;		/* of every pages array from its word */
	long perturb_call;
	const char *perturb;
} g;

#define PICK(table) ((table)[pick(ARRAY_SIZE(table))])

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* ---- The arena ---- */

static char *page_at(unsigned int i)
{
	return g.base + i * g.page;
}

static int readable(enum kind k)
{
	return k == PG_RO || k == PG_RW;
}

/* Readable pages in a row through i, if i were of kind k. */
static int run_fits(unsigned int i, enum kind k)
{
	int n = 1, j;

	if (!readable(k))
		return 1;
	if (i == ARENA_PAGES - 1)
		return 0;	/* arrays never run out of the arena */
	for (j = i - 1; j >= 0 && readable(g.kind[j]); j--)
		n++;
	for (j = i + 1; j < ARENA_PAGES && readable(g.kind[j]); j++)
		n++;
	return n <= RUN_MAX;
}

static void fill(char *p)
{
	uint64_t *w = (uint64_t *) p;
	long i;

	for (i = 0; i < g.page / 8; i++)
		w[i] = NOT_CANONICAL | (rnd() >> 16);
}

/*
 * The arena is reserved PROT_NONE where mmap() puts it, under the lowest
 * mapping, then carved: no other mapping can slip in meanwhile.
 */
static void arena_init(void)
{
	static const enum kind kinds[] = {
		PG_RW, PG_RW, PG_RW, PG_RO, PG_RO, PG_HOLE, PG_HOLE, PG_NONE,
	};
	unsigned int i;
	enum kind k;

	g.base = mmap(NULL, ARENA_PAGES * g.page, PROT_NONE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (g.base == MAP_FAILED)
		die("mmap");
	for (i = 0; i < ARENA_PAGES; i++)
		g.kind[i] = PG_NONE;
	for (i = 0; i < ARENA_PAGES; i++) {
		k = PICK(kinds);
		/* The top of the free gap below, where mappings go. */
		if (i == 0)
			k = PG_HOLE;
		else if (i == ADDR_ZONE - 1)
			k = PG_NONE;
		else if (!run_fits(i, k))
			k = chance(50) ? PG_HOLE : PG_NONE;
		g.kind[i] = k;
		if (k == PG_HOLE && munmap(page_at(i), g.page))
			die("munmap");
		if (readable(k) &&
		    mprotect(page_at(i), g.page, PROT_READ | PROT_WRITE))
			die("mprotect");
		if (readable(k) && chance(50))
			fill(page_at(i));
		if (k == PG_RO && mprotect(page_at(i), g.page, PROT_READ))
			die("mprotect");
	}
}

static unsigned int pick_page_of(enum kind k)
{
	unsigned int i, n = pick(ARENA_PAGES);

	for (i = 0; i < ARENA_PAGES; i++)
		if (g.kind[(n + i) % ARENA_PAGES] == k)
			return (n + i) % ARENA_PAGES;
	return ARENA_PAGES;
}

/* Between calls, the program frees, refills and touches pages. */
static void churn(unsigned int step)
{
	unsigned int i;
	void *p;

	switch (pick(3)) {
	case 0:
		i = pick_page_of(PG_RW);
		if (i == ARENA_PAGES)
			return;
		g.kind[i] = PG_HOLE;
		printf("op %u free p%u\n", step, i);
		if (munmap(page_at(i), g.page))
			die("munmap");
		return;
	case 1:
		i = pick_page_of(PG_HOLE);
		if (i == ARENA_PAGES || !run_fits(i, PG_RW))
			return;
		p = mmap(page_at(i), g.page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			 -1, 0);
		printf("op %u refill p%u: %s\n", step, i,
		       p == page_at(i) ? "ok" : strerrorname_np(errno));
		if (p == page_at(i))
			g.kind[i] = PG_RW;
		return;
	default:
		i = pick_page_of(PG_RW);
		if (i == ARENA_PAGES)
			return;
		printf("op %u touch p%u\n", step, i);
		page_at(i)[pick(g.page)] = 1;
	}
}

/* ---- Observing the arena, without the shim ---- */

static void scan_perms(char perm[ARENA_PAGES])
{
	static char buf[1 << 20];
	uintptr_t lo = (uintptr_t) g.base, hi = lo + ARENA_PAGES * g.page;
	unsigned long start, end;
	char prot[5], *line;
	ssize_t n, len = 0;
	int fd = open("/proc/self/maps", O_RDONLY);

	if (fd < 0)
		die("/proc/self/maps");
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	memset(perm, '-', ARENA_PAGES);
	for (line = buf; line && *line; line = strchr(line, '\n'), line += !!line) {
		if (sscanf(line, "%lx-%lx %4s", &start, &end, prot) != 3)
			continue;
		for (; start < end; start += g.page) {
			if (start < lo || start >= hi)
				continue;
			perm[(start - lo) / g.page] =
				!strcmp(prot, "---p") ? 'n' :
				!strcmp(prot, "r--p") ? 'r' :
				!strcmp(prot, "rw-p") ? 'w' : 'x';
		}
	}
}

static char status_char(int st)
{
	if (st >= 0 && st <= 9)
		return '0' + st;
	return st == -ENOENT ? 'a' : st == -EFAULT ? 'z' : 'e';
}

/* Whether the program can read the page holding p without side effects. */
static int can_read(const char *p)
{
	unsigned long i = (p - g.base) / g.page;

	return p >= g.base && i < ARENA_PAGES &&
	       (g.state[i][0] == 'r' || g.state[i][0] == 'w') &&
	       g.state[i][1] != 'a' && g.state[i][1] != 'e';
}

/* The contents of the pages the program can read, but for addresses. */
static uint64_t checksum(void)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const uint64_t *w;
	unsigned int i;
	long j;

	for (i = 0; i < ARENA_PAGES; i++) {
		if (!can_read(page_at(i)) || i >= ADDR_ZONE)
			continue;
		w = (const uint64_t *) page_at(i);
		for (j = 0; j < g.page / 8; j++)
			h = (h ^ w[j]) * 0x100000001b3ULL;
	}
	return h;
}

/*
 * What changed in the arena since the last look, then its checksum: by a
 * raw system call, so that the first look is the state before any call.
 */
static void print_arena(void)
{
	static void *pages[ARENA_PAGES];
	int status[ARENA_PAGES];
	char perm[ARENA_PAGES], now[2];
	unsigned int i;

	for (i = 0; i < ARENA_PAGES; i++)
		pages[i] = page_at(i);
	scan_perms(perm);
	if (g.raw_syscall(SYS_move_pages, 0L, (long) ARENA_PAGES, pages,
			  NULL, status, 0L))
		die("move_pages (arena)");
	printf(" arena=[");
	for (i = 0; i < ARENA_PAGES; i++) {
		now[0] = perm[i];
		now[1] = status_char(status[i]);
		if (!memcmp(now, g.state[i], 2))
			continue;
		printf(" p%u:%.2s>%.2s", i, g.state[i], now);
		memcpy(g.state[i], now, 2);
	}
	printf(" ] sum=%016llx", (unsigned long long) checksum());
}

/* ---- Arguments ---- */

enum at { AT_NULL, AT_BAD, AT_KERNEL, AT_PAGE };

/* Where an array goes, and which elements of it the program wrote. */
struct place {
	enum at at;
	unsigned int page;
	long offset;
	size_t written;
};

static const char *const at_name[] = { "NULL", "0x1", "kernel", NULL };

static char *address(const struct place *pl)
{
	switch (pl->at) {
	case AT_NULL:
		return NULL;
	case AT_BAD:
		return (char *) 1;
	case AT_KERNEL:
		return (char *) -4096L;
	default:
		return page_at(pl->page) + pl->offset;
	}
}

/* Writes what the layout lets write of len bytes at pl, to its end. */
static size_t put(const struct place *pl, const void *src, size_t len)
{
	char *dst = address(pl);
	size_t done = 0, n;
	unsigned int i;

	while (done < len) {
		i = (dst + done - g.base) / g.page;
		if (i >= ARENA_PAGES || !readable(g.kind[i]))
			break;
		n = page_at(i + 1) - (dst + done);
		if (n > len - done)
			n = len - done;
		if (g.kind[i] == PG_RO)
			mprotect(page_at(i), g.page, PROT_READ | PROT_WRITE);
		memcpy(dst + done, (const char *) src + done, n);
		if (g.kind[i] == PG_RO)
			mprotect(page_at(i), g.page, PROT_READ);
		done += n;
	}
	return done;
}

/* An array of n elements of size bytes, put somewhere, maybe written. */
static struct place place(const void *src, size_t n, size_t size,
			  int zone_of_addresses)
{
	struct place pl = { .at = AT_PAGE };
	unsigned long r = pick(100);

	if (r < 8) {
		pl.at = r < 4 ? AT_NULL : r < 6 ? AT_BAD : AT_KERNEL;
		return pl;
	}
	if (zone_of_addresses)
		pl.page = ADDR_ZONE + pick(ARENA_PAGES - 1 - ADDR_ZONE);
	else
		pl.page = pick(ADDR_ZONE - 1);
	switch (pick(4)) {
	case 0:		/* at its page's start */
		break;
	case 1:		/* not aligned */
		pl.offset = 1 + pick(7);
		break;
	case 2:		/* ends with its page */
		pl.offset = g.page - n * size;
		break;
	default:	/* half of it in the next page */
		pl.offset = g.page - n * size / 2;
	}
	if (pl.offset < 0)
		pl.offset = 0;
	/*
	 * A huge count reads on past an array, through older ones: all at the
	 * same offset from a word, or it would put together addresses from
	 * pieces of two, some mapped, some not, as the arena's place goes.
	 */
	if (zone_of_addresses)
		pl.offset = (pl.offset & ~7L) + g.addr_skew;
	if (chance(85))
		pl.written = put(&pl, src, n * size) / size;
	return pl;
}

static void print_place(const char *name, const struct place *pl)
{
	if (pl->at != AT_PAGE)
		printf(" %s=%s", name, at_name[pl->at]);
	else
		printf(" %s=p%u+%ld/%zu", name, pl->page, pl->offset,
		       pl->written);
}

/* An element of a pages array, with its name. */
static void *page_ref(char *name, size_t len)
{
	unsigned int i = pick(ARENA_PAGES);
	long off = chance(20) ? 1 + pick(g.page - 1) : 0;

	switch (pick(12)) {
	case 0:
		snprintf(name, len, "NULL");
		return NULL;
	case 1:
		snprintf(name, len, "kernel");
		return (void *) -4096L;
	default:
		snprintf(name, len, off ? "p%u+%ld" : "p%u", i, off);
		return page_at(i) + off;
	}
}

static unsigned long pick_count(unsigned long n)
{
	static const unsigned long huge[] = {
		1UL << 20, 1UL << 40, -1UL, (1UL << 32) + 3,
	};

	switch (pick(10)) {
	case 0:
		return 0;
	case 1:
		return PICK(huge);
	case 2:
		return n + 1 + pick(600);
	default:
		return n;
	}
}

static long pick_pid(char *name, size_t len)
{
	switch (pick(14)) {
	case 0:
		snprintf(name, len, "child");
		return g.child;
	case 1:
		snprintf(name, len, "none");
		return g.nopid;
	case 2:
		snprintf(name, len, "self");
		return getpid();
	case 3:
		snprintf(name, len, "-1");
		return -1;
	case 4:
		snprintf(name, len, "1<<32");	/* pid_t 0 to the kernel */
		return 1L << 32;
	default:
		snprintf(name, len, "0");
		return 0;
	}
}

static unsigned long pick_maxnode(void)
{
	static const unsigned long v[] = {
		0, 1, 2, 3, 64, 65, 65, 65, 65, 128, 1025, 1090,
		32768, 32769, 32770, 1UL << 40, -1UL,
	};

	return PICK(v);
}

/* A node mask of two words and more, then where it goes. */
static struct place pick_mask(const char *name)
{
	static const unsigned long bits[] = {
		1, 1, 1, 2, 3, 0, 1UL << 63, -1UL,
	};
	unsigned long words[2] = { PICK(bits), chance(80) ? 0 : PICK(bits) };
	struct place pl = place(words, 2, sizeof(words[0]), 0);

	print_place(name, &pl);
	printf("[%#lx,%#lx]", words[0], words[1]);
	return pl;
}

/* ---- Results ---- */

static void print_result(long ret, int err)
{
	printf(" => ret=%ld errno=", ret);
	if (err == ERRNO_SENTINEL)
		printf("untouched");
	else
		printf("%s", strerrorname_np(err) ? : "?");
}

/* Whether p is among the pages arrays' addresses. */
static int holds_addresses(const char *p)
{
	return p >= page_at(ADDR_ZONE) && p < page_at(ARENA_PAGES);
}

/* How many elements at pl the program can read without side effects. */
static size_t readable_elems(const struct place *pl, size_t n, size_t size)
{
	const char *p = address(pl);
	size_t i;

	if (pl->at != AT_PAGE)
		return 0;
	for (i = 0; i < n; i++)
		if (!can_read(p + i * size) || !can_read(p + (i + 1) * size - 1))
			break;
	return i;
}

static void print_ints(const char *name, const int *v, size_t n)
{
	size_t i;

	printf(" %s=[", name);
	for (i = 0; i < n; i++) {
		if (holds_addresses((const char *) &v[i]) ||
		    holds_addresses((const char *) &v[i + 1] - 1))
			printf(i ? " ~" : "~");
		else if (v[i] == STATUS_SENTINEL)
			printf(i ? " ." : ".");
		else
			printf(i ? " %d" : "%d", v[i]);
	}
	putchar(']');
}

/* Where the pages are now, by a move_pages() query like a program's. */
static void print_query(void **pages, size_t n)
{
	int status[ELEMS_MAX];
	long ret;

	if (!n)
		return;
	ret = move_pages(0, n, pages, NULL, status, 0);
	if (ret)
		printf(" query=%s", strerrorname_np(errno) ? : "?");
	else
		print_ints("query", status, n);
}

static void perturb(long call)
{
	char *p;
	int i;

	if (call != g.perturb_call)
		return;
	if (!strcmp(g.perturb, "errno")) {
		errno ^= 1;
	} else if (!strcmp(g.perturb, "hole")) {
		for (i = ARENA_PAGES - 1; i >= 0 && g.kind[i] != PG_HOLE; i--)
			;
		p = mmap(page_at(i), g.page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			 -1, 0);
		if (p != page_at(i))
			die("mmap (perturb)");
		*p = 1;
	}
	fprintf(stderr, "differential: perturbed call %ld (%s)\n", call,
		g.perturb);
}

/* ---- The calls ---- */

enum via { VIA_FUNCTION, VIA_SYSCALL, VIA_LIBNUMA };

static const char *const via_name[] = { "fn", "sys", "numa" };

static void call_move_pages(long call, enum via via)
{
	static const int node_values[] = {
		0, 0, 0, 0, 0, 1, 1, -1, 2, 1 << 20, 1024, -2147483647 - 1,
	};
	static const long flag_values[] = {
		0, MPOL_MF_MOVE, MPOL_MF_MOVE, MPOL_MF_MOVE_ALL, MPOL_MF_STRICT,
		MPOL_MF_MOVE | MPOL_MF_MOVE_ALL, 1 << 8, 1L << 31,
		(1L << 32) | MPOL_MF_MOVE,
	};
	void *pages[ELEMS_MAX];
	int nodes[ELEMS_MAX], status[ELEMS_MAX], *st;
	char name[32], pidname[16];
	size_t n = 1 + pick(chance(80) ? 8 : ELEMS_MAX), i;
	unsigned long count = pick_count(n);
	struct place pp, np = { .at = AT_NULL }, sp;
	long pid = pick_pid(pidname, sizeof(pidname)), flags = PICK(flag_values);
	long ret;
	int err;

	printf("#%ld move_pages %s pid=%s count=%lu", call, via_name[via],
	       pidname, count);
	printf(" pages=[");
	for (i = 0; i < n; i++) {
		pages[i] = page_ref(name, sizeof(name));
		printf(i ? " %s" : "%s", name);
	}
	printf("]");
	pp = place(pages, n, sizeof(pages[0]), 1);
	print_place("at", &pp);
	if (chance(50)) {
		printf(" nodes=[");
		for (i = 0; i < n; i++) {
			nodes[i] = PICK(node_values);
			printf(i ? " %d" : "%d", nodes[i]);
		}
		printf("]");
		np = place(nodes, n, sizeof(nodes[0]), 0);
		print_place("at", &np);
	}
	for (i = 0; i < n; i++)
		status[i] = STATUS_SENTINEL;
	sp = place(status, n, sizeof(status[0]), 0);
	print_place("status", &sp);
	if (via != VIA_SYSCALL)
		flags = (int) flags;
	printf(" flags=%#lx", flags);

	errno = ERRNO_SENTINEL;
	switch (via) {
	case VIA_FUNCTION:
		ret = move_pages(pid, count, (void **) address(&pp),
				 (int *) address(&np), (int *) address(&sp),
				 flags);
		break;
	case VIA_LIBNUMA:
		ret = numa_move_pages(pid, count, (void **) address(&pp),
				      (int *) address(&np),
				      (int *) address(&sp), flags);
		break;
	default:
		ret = syscall(SYS_move_pages, pid, count, address(&pp),
			      address(&np), address(&sp), flags);
	}
	perturb(call);
	err = errno;
	print_result(ret, err);
	print_query(pages, n);
	print_arena();
	/* After the arena's look: which of its slots can be read is known. */
	st = (int *) address(&sp);
	print_ints("status", st, readable_elems(&sp, n, sizeof(int)));
	putchar('\n');
}

/* The range of an mbind() call, inside the arena; and the pages in it. */
static size_t pick_range(char **addr, unsigned long *len, void **pages)
{
	static const unsigned long odd_len[] = {
		0, -1UL, -1UL - 8192, 1UL << 47,
	};
	unsigned int first = pick(ARENA_PAGES - 1), n = 1 + pick(6), i;
	long off = chance(15) ? 1 + pick(g.page - 1) : 0;

	if (first + n > ARENA_PAGES)
		n = ARENA_PAGES - first;
	*addr = page_at(first) + off;
	*len = chance(15) ? PICK(odd_len) :
	       (unsigned long) (n * g.page - (chance(20) ? 100 : 0));
	if (chance(3))
		*addr = NULL;
	printf(" addr=p%u+%ld len=%lu", first, *addr ? off : -1L, *len);
	for (i = 0; i < n; i++)
		pages[i] = page_at(first + i);
	return n;
}

/* The policy of each page of the range, as get_mempolicy() gives it. */
static void print_policies(void **pages, size_t n)
{
	unsigned long mask[1024 / (8 * sizeof(long))];
	size_t i;
	int mode;

	printf(" policy=[");
	for (i = 0; i < n; i++) {
		if (get_mempolicy(&mode, mask, 1024, pages[i], MPOL_F_ADDR))
			printf(i ? " %s" : "%s", strerrorname_np(errno));
		else
			printf(i ? " %d/%#lx" : "%d/%#lx", mode, mask[0]);
	}
	putchar(']');
}

static void call_mbind(long call, enum via via)
{
	void *pages[8];
	char *addr;
	unsigned long len, maxnode = pick_maxnode();
	long mode = pick_named(numashim_mpol_modes, PICK(((long[]) {
		6, 7, 99, -1, (1L << 32) | MPOL_BIND })));
	unsigned long flags = pick_named(numashim_mpol_mf_flags,
					 PICK(((unsigned long[]) {
		MPOL_MF_MOVE | MPOL_MF_STRICT, 1 << 3, 1 << 4, 1UL << 31 })));
	struct place mp;
	size_t n;
	long ret;
	int err;

	if (chance(20))
		mode |= pick_named(numashim_mpol_mode_flags, 1 << 12);
	printf("#%ld mbind %s", call, via_name[via]);
	n = pick_range(&addr, &len, pages);
	printf(" mode=%#lx", via == VIA_SYSCALL ? mode : (int) mode);
	mp = pick_mask("mask");
	printf(" maxnode=%lu flags=%#lx", maxnode, flags);

	errno = ERRNO_SENTINEL;
	if (via == VIA_FUNCTION)
		ret = mbind(addr, len, mode, (unsigned long *) address(&mp),
			    maxnode, flags);
	else
		ret = syscall(SYS_mbind, addr, len, mode, address(&mp),
			      maxnode, flags);
	perturb(call);
	err = errno;
	print_result(ret, err);
	print_query(pages, n);
	print_policies(pages, n);
	print_arena();
	putchar('\n');
}

static void call_migrate_pages(long call, enum via via)
{
	char pidname[16];
	long pid = pick_pid(pidname, sizeof(pidname));
	unsigned long maxnode = pick_maxnode();
	struct bitmask from, to;
	struct place fp, tp;
	long ret;
	int err;

	printf("#%ld migrate_pages %s pid=%s maxnode=%lu", call,
	       via_name[via], pidname, maxnode);
	fp = pick_mask("from");
	tp = pick_mask("to");
	from = (struct bitmask) { maxnode, (unsigned long *) address(&fp) };
	to = (struct bitmask) { maxnode, (unsigned long *) address(&tp) };

	errno = ERRNO_SENTINEL;
	switch (via) {
	case VIA_FUNCTION:
		ret = migrate_pages(pid, maxnode, from.maskp, to.maskp);
		break;
	case VIA_LIBNUMA:
		ret = numa_migrate_pages(pid, &from, &to);
		break;
	default:
		ret = syscall(SYS_migrate_pages, pid, maxnode, from.maskp,
			      to.maskp);
	}
	perturb(call);
	err = errno;
	print_result(ret, err);
	print_arena();
	putchar('\n');
}

/* ---- Setting up ---- */

static void setup(void)
{
	static char out[1 << 16];
	const char *p = getenv("NUMASHIM_DIFF_PERTURB");
	unsigned int i;

	g.raw_syscall = raw_syscall;
	g.perturb_call = -1;
	if (p && strchr(p, ':')) {
		g.perturb = strndup(p, strchr(p, ':') - p);
		g.perturb_call = atol(strchr(p, ':') + 1);
	}
	g.page = sysconf(_SC_PAGESIZE);
	g.addr_skew = pick(2) ? 0 : pick(8);
	g.nopid = peer_nonexistent();
	/* Ours: stdio would allocate it at the first printf(). */
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	for (i = 0; i < ARENA_PAGES; i++)
		memcpy(g.state[i], "??", 2);
	arena_init();
	g.child = peer_child();
}

int main(int argc, char **argv)
{
	long calls, call = 0, step;

	if (argc != 3) {
		fprintf(stderr, "usage: differential SEED CALLS\n");
		return 2;
	}
	splitmix_state = strtoull(argv[1], NULL, 0);
	calls = atol(argv[2]);
	setup();
	printf("seed %s calls %ld\nstart", argv[1], calls);
	print_arena();
	putchar('\n');
	for (step = 0; call < calls; step++) {
		if (chance(5)) {
			churn(step);
			continue;
		}
		switch (pick(10)) {
		case 0 ... 4:
			call_move_pages(call++, pick(3));
			break;
		case 5 ... 7:
			call_mbind(call++, pick(2));
			break;
		default:
			call_migrate_pages(call++, pick(3));
		}
	}
	kill(g.child, SIGKILL);
	waitpid(g.child, NULL, 0);
	printf("end: %ld calls\n", call);
	if (fflush(stdout) || ferror(stdout))
		die("stdout");
	return 0;
}
