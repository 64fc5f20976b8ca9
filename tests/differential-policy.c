// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * differential-policy SEED CALLS: from SEED, a deterministic sequence of
 * CALLS set_mempolicy(), get_mempolicy() and set_mempolicy_home_node()
 * calls with generated arguments (modes and flags the kernel has and
 * lacks; masks and out-parameters NULL, bad, in the kernel's half,
 * read-only, unaligned, running into an unreadable page; maxnode 0 to
 * huge; addresses mapped, unmapped and bad), through the numaif.h
 * functions and syscall(). One line per call gives all the program can
 * observe of it: ret, errno (preset to a sentinel), the policy in force
 * after it, as glibc's own syscall() asks it, and a checksum of the
 * arena the out-parameters point into (prefilled with a pattern).
 * differential-policy.test runs it bare, under the shim and recorded,
 * and demands the same output; nothing printed depends on an address.
 *
 * NUMASHIM_DIFF_PERTURB=errno:N flips a bit of errno after call N, so
 * that the test can show that a wrong answer is caught.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <numaif.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "numashim-mpol.h"
#include "raw-syscall.h"
#include "splitmix.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(table) ((table)[pick(ARRAY_SIZE(table))])
#define ERRNO_SENTINEL 12345
#define FILL 0xa5

#ifndef SYS_set_mempolicy_home_node
#define SYS_set_mempolicy_home_node 450
#endif

/*
 * The arena: a writable page, an unreadable one after it, a read-only
 * one, a writable one bound with mbind, and an unmapped one.
 */
enum { PG_RW, PG_NONE, PG_RO, PG_BOUND, PG_UNMAPPED, ARENA_PAGES };

static struct {
	long page;
	char *base;
	long (*raw_syscall)(long, ...);	/* never the shim's */
	long perturb_call;
} g;

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static char *page_at(unsigned int i)
{
	return g.base + i * g.page;
}

/* ---- Where a pointer argument goes, by a name that prints the same ---- */

enum at { AT_NULL, AT_BAD, AT_KERNEL, AT_RW, AT_UNALIGNED, AT_PAGE_END,
	  AT_RO, AT_UNMAPPED, AT_COUNT };

static const char *const at_name[AT_COUNT] = {
	"NULL", "0x1", "kernel", "rw", "unaligned", "page-end", "ro",
	"unmapped",
};

/* tail: the bytes of the argument that are readable at AT_PAGE_END. */
static char *address(enum at at, size_t tail)
{
	switch (at) {
	case AT_NULL:
		return NULL;
	case AT_BAD:
		return (char *) 1;
	case AT_KERNEL:
		return (char *) -4096L;
	case AT_RW:
		return page_at(PG_RW);
	case AT_UNALIGNED:
		return page_at(PG_RW) + 1 + pick(7);
	case AT_PAGE_END:
		return page_at(PG_NONE) - tail;
	case AT_RO:
		return page_at(PG_RO);
	default:
		return page_at(PG_UNMAPPED);
	}
}

static enum at pick_at(void)
{
	return chance(50) ? AT_RW : pick(AT_COUNT);
}

static unsigned long pick_maxnode(void)
{
	static const unsigned long v[] = {
		0, 1, 2, 3, 64, 65, 65, 129, 1025, 1025, 4096 * 8 + 1,
		4096 * 8 + 2, 1UL << 20, -1UL,
	};
	return PICK(v);
}

/* A mask of a few words put at at, its first words chosen. */
static char *pick_mask(enum at *at)
{
	static const unsigned long bits[] = { 1, 1, 1, 0, 2, 3, 1UL << 63, -1UL };
	unsigned long words[2] = { PICK(bits), chance(80) ? 0 : PICK(bits) };
	char *p;

	*at = pick_at();
	p = address(*at, sizeof(words[0]));
	if (*at == AT_RW || *at == AT_UNALIGNED)
		memcpy(p, words, sizeof(words));
	else if (*at == AT_PAGE_END)
		memcpy(p, words, sizeof(words[0]));
	printf(" mask=%s[%#lx,%#lx]", at_name[*at], words[0], words[1]);
	return p;
}

/* ---- What the program sees ---- */

static void arena_fill(void)
{
	memset(page_at(PG_RW), FILL, g.page);
	memset(page_at(PG_BOUND), FILL, g.page);
}

static uint64_t checksum(void)
{
	const unsigned char *pages[] = { (void *) page_at(PG_RW),
					 (void *) page_at(PG_RO),
					 (void *) page_at(PG_BOUND) };
	uint64_t h = 1469598103934665603ULL;
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(pages); i++)
		for (j = 0; j < (size_t) g.page; j++)
			h = (h ^ pages[i][j]) * 1099511628211ULL;
	return h;
}

/* ret, errno, the policy in force, the arena. */
static void print_result(long call, long ret)
{
	unsigned long mask[1024 / (8 * sizeof(long))] = { 0 };
	int err = errno, mode = -1;

	if (call == g.perturb_call) {
		err ^= 1;
		fprintf(stderr, "differential-policy: perturbed call %ld\n",
			call);
	}
	printf(" => ret=%ld errno=", ret);
	if (err == ERRNO_SENTINEL)
		printf("untouched");
	else
		printf("%s", strerrorname_np(err) ? : "?");
	if (g.raw_syscall(SYS_get_mempolicy, &mode, mask, 1025, 0, 0))
		printf(" policy=%s", strerrorname_np(errno) ? : "?");
	else
		printf(" policy=%#x/%#lx", mode, mask[0]);
	printf(" arena=%016llx\n", (unsigned long long) checksum());
}

/* ---- The calls ---- */

static void call_set_mempolicy(long call, int sys)
{
	long mode = pick_named(numashim_mpol_modes,
			       PICK(((long[]) { 7, 99, -1, 1L << 20 })));
	unsigned long maxnode = pick_maxnode();
	enum at at;
	char *mask;
	long ret;

	if (chance(25))
		mode |= pick_named(numashim_mpol_mode_flags, 1 << 12);
	printf("#%ld set_mempolicy %s mode=%#x", call, sys ? "sys" : "fn",
	       (int) mode);
	mask = pick_mask(&at);
	printf(" maxnode=%lu", maxnode);
	errno = ERRNO_SENTINEL;
	ret = sys ? syscall(SYS_set_mempolicy, (int) mode, mask, maxnode) :
	      set_mempolicy(mode, (unsigned long *) mask, maxnode);
	print_result(call, ret);
}

static void call_get_mempolicy(long call, int sys)
{
	static const unsigned long flag_values[] = {
		0, 0, MPOL_F_NODE, MPOL_F_ADDR, MPOL_F_ADDR,
		MPOL_F_NODE | MPOL_F_ADDR, MPOL_F_MEMS_ALLOWED,
		MPOL_F_MEMS_ALLOWED | MPOL_F_NODE, 1 << 5, 1UL << 40,
	};
	static const enum at addr_at[] = {
		AT_NULL, AT_RW, AT_UNMAPPED, AT_KERNEL, AT_BAD, AT_RO,
	};
	unsigned long maxnode = pick_maxnode(), flags = PICK(flag_values);
	enum at mode_at = pick_at(), mask_at = pick_at(), at = PICK(addr_at);
	char *mode = address(mode_at, sizeof(int)), *mask, *addr;

	if (!sys)
		flags = (unsigned int) flags;
	addr = chance(30) ? page_at(PG_BOUND) : address(at, 1);
	mask = address(mask_at, sizeof(unsigned long));
	printf("#%ld get_mempolicy %s mode=%s mask=%s maxnode=%lu addr=%s flags=%#lx",
	       call, sys ? "sys" : "fn", at_name[mode_at], at_name[mask_at],
	       maxnode, addr == page_at(PG_BOUND) ? "bound" : at_name[at],
	       flags);
	errno = ERRNO_SENTINEL;
	print_result(call, sys ?
		     syscall(SYS_get_mempolicy, mode, mask, maxnode, addr, flags) :
		     get_mempolicy((int *) mode, (unsigned long *) mask,
				   maxnode, addr, flags));
}

static void call_home_node(long call)
{
	static const unsigned long nodes[] = { 0, 0, 1, 4096, -1UL };
	static const unsigned long lens[] = { 4096, 8192, 0, 1, -1UL };
	static const enum at start_at[] = {
		AT_NULL, AT_RW, AT_UNALIGNED, AT_UNMAPPED, AT_KERNEL,
	};
	enum at at = PICK(start_at);
	char *start = chance(40) ? page_at(PG_BOUND) : address(at, 1);
	unsigned long len = PICK(lens), node = PICK(nodes);
	unsigned long flags = chance(80) ? 0 : 1;

	printf("#%ld set_mempolicy_home_node sys start=%s len=%lu home_node=%lu flags=%lu",
	       call, start == page_at(PG_BOUND) ? "bound" : at_name[at], len,
	       node, flags);
	errno = ERRNO_SENTINEL;
	print_result(call, syscall(SYS_set_mempolicy_home_node, start, len,
				   node, flags));
}

static void setup(void)
{
	static char out[1 << 16];
	static const unsigned long node0 = 1;
	const char *p = getenv("NUMASHIM_DIFF_PERTURB");

	g.raw_syscall = raw_syscall;
	g.perturb_call = p && !strncmp(p, "errno:", 6) ? atol(p + 6) : -1;
	g.page = sysconf(_SC_PAGESIZE);
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	g.base = mmap(NULL, ARENA_PAGES * g.page, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (g.base == MAP_FAILED)
		die("mmap");
	if (mprotect(page_at(PG_NONE), g.page, PROT_NONE) ||
	    mprotect(page_at(PG_RO), g.page, PROT_READ) ||
	    munmap(page_at(PG_UNMAPPED), g.page))
		die("arena");
	if (g.raw_syscall(SYS_mbind, page_at(PG_BOUND), g.page, MPOL_BIND,
			  &node0, 65, 0))
		die("mbind");
}

int main(int argc, char **argv)
{
	long calls, call;

	if (argc != 3) {
		fprintf(stderr, "usage: differential-policy SEED CALLS\n");
		return 2;
	}
	splitmix_state = strtoull(argv[1], NULL, 0);
	calls = atol(argv[2]);
	setup();
	printf("seed %s calls %ld\n", argv[1], calls);
	for (call = 0; call < calls; call++) {
		arena_fill();
		switch (pick(10)) {
		case 0 ... 3:
			call_set_mempolicy(call, pick(2));
			break;
		case 4 ... 8:
			call_get_mempolicy(call, pick(2));
			break;
		default:
			call_home_node(call);
		}
	}
	printf("end: %ld calls\n", call);
	if (fflush(stdout) || ferror(stdout))
		die("stdout");
	return 0;
}
