// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * page-state MODE FILE: move_pages() calls whose pages fail one by one
 * for real, each written down in FILE as a JSON line with what this
 * program saw itself just after the call, for pagestatecheck.py to hold
 * the numashim:page_state events to: its own status array, and its own
 * readings of /proc/self/pagemap, /proc/self/smaps, /proc/kpageflags and
 * /proc/kpagecount for each failed page. Every call asks for node 0.
 * MODE "fail":
 * - "kinds": a written, a read (the zero page) and an untouched page of
 *   a private anonymous mapping, an unmapped address, a read and an
 *   untouched page of a file mapping, an mlock(2)ed page and an
 *   untouched page locked on fault, a written and an untouched page of
 *   a MAP_SHARED anonymous mapping shared with a forked child that
 *   lives on, a page of [heap] and of [stack], and when transparent
 *   huge pages may be asked for, a huge page's head and tail and an
 *   untouched page beside it in the same madvise(MADV_HUGEPAGE) range;
 * - "bound": 1100 untouched pages and 100 unmapped ones, more failed
 *   pages than the shim records the state of;
 * - "nofds": a failed page in a child that closed every descriptor (but
 *   lttng-ust's, which liblttng-ust-fd keeps), which must find as many
 *   open afterwards.
 * MODE "succeed": one call whose every page moves or is on node 0
 * already, which must read nothing. Each line says which pages of the
 * call must have failed ("must_fail") and what they are ("label"), and
 * whether errno and the status array came back as without the shim (a
 * second, raw move_pages() of the same pages). Exits 0, or 1 when a
 * call answered otherwise than the kernel must.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <numaif.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fds.h"
#include "raw-syscall.h"

#define PAGES_MAX 1300
#define LINE_MAX_LEN 8192
#define HUGE_SIZE (2UL << 20)
#define FILE_PAGES 64

/* A page of a call, and what this program made of it. */
struct probe {
	char *addr;
	const char *label;
	bool must_fail;
};

static FILE *out;
static long page_size;
static struct probe probes[PAGES_MAX];
static void *pages[PAGES_MAX];
static int nodes[PAGES_MAX], status[PAGES_MAX], again[PAGES_MAX];
static int nprobes;

static void fail(const char *what)
{
	perror(what);
	exit(1);
}

static void add(char *addr, const char *label, bool must_fail)
{
	probes[nprobes++] = (struct probe) { addr, label, must_fail };
}

static char *map(size_t npages, int prot, int flags, int fd)
{
	char *p = mmap(NULL, npages * page_size, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		fail("mmap");
	return p;
}

/* An address of no mapping: the middle page of three, unmapped. */
static char *hole(size_t npages)
{
	char *p = map(npages + 2, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1);

	if (munmap(p + page_size, npages * page_size))
		fail("munmap");
	return p + page_size;
}

/* The index-th 64-bit entry of path into *v: 0, or the errno. */
static int entry(const char *path, uint64_t index, uint64_t *v)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return errno;
	if (pread(fd, v, sizeof(*v), index * sizeof(*v)) != sizeof(*v))
		err = errno ? errno : ENODATA;
	close(fd);
	return err;
}

static void put_string(const char *key, const char *s)
{
	fprintf(out, ", \"%s\": \"", key);
	for (; *s; s++)
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if ((unsigned char) *s < 0x20)
			fprintf(out, "\\u%04x", *s);
		else
			fputc(*s, out);
	fputc('"', out);
}

/* The smaps entry holding addr, as this program reads it. */
static void put_mapping(uintptr_t addr)
{
	static char line[LINE_MAX_LEN];
	FILE *f = fopen("/proc/self/smaps", "re");
	unsigned long start, end;
	char perms[8], *path = NULL;
	bool in = false;
	int at;

	if (!f)
		fail("/proc/self/smaps");
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &start, &end,
			   perms, &at) == 3) {
			if (in)
				break;
			in = addr >= start && addr < end;
			if (!in)
				continue;
			path = strdup(line + at);
			fprintf(out, ", \"map_start\": %lu, \"map_end\": %lu",
				start, end);
			put_string("map_perms", perms);
			put_string("map_path", path);
		} else if (in && !strncmp(line, "AnonHugePages:", 14)) {
			fprintf(out, ", \"anon_huge_kb\": %ld",
				strtol(line + 14, NULL, 10));
		} else if (in && !strncmp(line, "VmFlags:", 8)) {
			at = 8 + strspn(line + 8, " ");
			while (line[strlen(line) - 1] == ' ')
				line[strlen(line) - 1] = '\0';
			put_string("vm_flags", line + at);
		}
	}
	fclose(f);
	fprintf(out, ", \"mapped\": %s", path ? "true" : "false");
	free(path);
}

/* What this program reads of the failed page i itself. */
static void put_page(int i)
{
	const struct probe *p = &probes[i];
	uint64_t pm = 0, flags = 0, count = 0, pfn = 0;
	int err = entry("/proc/self/pagemap",
			(uintptr_t) p->addr / page_size, &pm), kerr;

	fprintf(out, "%s{\"index\": %d, \"addr\": %lu, \"status\": %d",
		"", i, (unsigned long) (uintptr_t) p->addr, status[i]);
	put_string("label", p->label);
	fprintf(out, ", \"must_fail\": %s, \"pagemap_err\": %d",
		p->must_fail ? "true" : "false", err);
	if (!err) {
		if (pm >> 63 & 1)
			pfn = pm & ((1ULL << 55) - 1);
		fprintf(out, ", \"present\": %d, \"swapped\": %d, \"exclusive\": %d, \"file_shared\": %d, \"soft_dirty\": %d, \"pfn\": %lu",
			(int) (pm >> 63 & 1), (int) (pm >> 62 & 1),
			(int) (pm >> 56 & 1), (int) (pm >> 61 & 1),
			(int) (pm >> 55 & 1), (unsigned long) pfn);
	}
	if (pfn) {
		kerr = entry("/proc/kpageflags", pfn, &flags);
		if (!kerr)
			kerr = entry("/proc/kpagecount", pfn, &count);
		fprintf(out, ", \"kpage_err\": %d", kerr);
		if (!kerr)
			fprintf(out, ", \"kpageflags\": %lu, \"kpagecount\": %lu",
				(unsigned long) flags, (unsigned long) count);
	}
	put_mapping((uintptr_t) p->addr);
	fputc('}', out);
}

/*
 * move_pages() of the probes to node 0 through libnuma, which the shim
 * wraps, written down; the probes are consumed.
 */
static void call(const char *what)
{
	int i, failed = 0, err, fds = fds_open(), same = 1;
	const char *sep = "";
	long ret, raw;

	for (i = 0; i < nprobes; i++) {
		pages[i] = probes[i].addr;
		nodes[i] = 0;
		status[i] = again[i] = 12345;
	}
	errno = EINTR;
	ret = move_pages(0, nprobes, pages, nodes, status, MPOL_MF_MOVE);
	err = errno;
	if (fds_open() != fds) {
		fprintf(stderr, "page-state: %s: %d descriptors open, not %d\n",
			what, fds_open(), fds);
		exit(1);
	}
	raw = raw_syscall(SYS_move_pages, 0, nprobes, pages, nodes, again,
			  MPOL_MF_MOVE);
	for (i = 0; i < nprobes; i++) {
		same &= status[i] == again[i];
		failed += status[i] < 0;
		if (probes[i].must_fail && status[i] >= 0) {
			fprintf(stderr, "page-state: %s: %s page has status %d\n",
				what, probes[i].label, status[i]);
			exit(1);
		}
	}
	fprintf(out, "{\"what\": \"%s\", \"pid\": %d, \"count\": %d, \"ret\": %ld, \"raw_ret\": %ld, \"errno_kept\": %s, \"status_same\": %s, \"failed\": %d, \"pages\": [",
		what, getpid(), nprobes, ret, raw,
		ret >= 0 && err == EINTR ? "true" : "false",
		same ? "true" : "false", failed);
	for (i = 0; i < nprobes; i++) {
		if (status[i] >= 0)
			continue;
		fputs(sep, out);
		put_page(i);
		sep = ", ";
	}
	fputs("]}\n", out);
	fflush(out);
	if (ret < 0)
		fail(what);
	nprobes = 0;
}

static bool thp_possible(void)
{
	char text[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");

	if (f) {
		if (!fgets(text, sizeof(text), f))
			text[0] = '\0';
		fclose(f);
	}
	return text[0] && !strstr(text, "[never]");
}

/* The first page of the mapping named name in /proc/self/maps, or NULL. */
static char *mapping_start(const char *name)
{
	static char line[LINE_MAX_LEN];
	FILE *f = fopen("/proc/self/maps", "re");
	unsigned long start = 0, s;

	if (!f)
		fail("/proc/self/maps");
	while (fgets(line, sizeof(line), f))
		if (strstr(line, name) && sscanf(line, "%lx-", &s) == 1) {
			start = s;
			break;
		}
	fclose(f);
	return (char *) start;
}

/* The child that keeps the shared mapping shared, until the pipe closes. */
static int share(char *shared)
{
	int fd[2];
	char c;

	if (pipe(fd))
		fail("pipe");
	switch (fork()) {
	case -1:
		fail("fork");
		break;
	case 0:
		close(fd[1]);
		shared[0]++;
		while (read(fd[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(fd[0]);
	return fd[1];
}

static void kinds(const char *dir)
{
	char path[4096], *anon, *file, *locked, *onfault, *shared, *heap,
	     *stack;
	volatile char sink;
	int fd, keep;

	anon = map(3, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	anon[0] = 1;
	sink = anon[page_size];
	add(anon, "anonymous written", false);
	add(anon + page_size, "zero page", true);
	add(anon + 2 * page_size, "anonymous untouched", true);

	snprintf(path, sizeof(path), "%s/page-state.data", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || ftruncate(fd, FILE_PAGES * page_size))
		fail(path);
	file = map(FILE_PAGES, PROT_READ, MAP_PRIVATE, fd);
	close(fd);
	/* Far from the page read: neither read ahead nor mapped around it. */
	if (madvise(file, FILE_PAGES * page_size, MADV_RANDOM))
		fail("madvise");
	sink = file[0];
	add(file, "file read", false);
	add(file + (FILE_PAGES - 1) * page_size, "file untouched", true);

	locked = map(1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	if (mlock(locked, page_size))
		fail("mlock");
	add(locked, "mlocked", false);
	onfault = map(2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	if (mlock2(onfault, 2 * page_size, MLOCK_ONFAULT))
		fail("mlock2");
	onfault[0] = 1;
	add(onfault, "mlocked on fault", false);
	add(onfault + page_size, "mlocked on fault untouched", true);

	shared = map(2, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1);
	shared[0] = 1;
	keep = share(shared);
	add(shared, "shared after fork", false);
	add(shared + page_size, "shared untouched", true);

	heap = sbrk(0);
	add((char *) (((uintptr_t) heap - 1) & ~(page_size - 1)), "heap",
	    false);
	stack = mapping_start("[stack]");
	if (stack)
		add(stack, "stack", false);

	if (thp_possible()) {
		char *range = map(4 * HUGE_SIZE / page_size,
				  PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1);
		char *huge = (char *) (((uintptr_t) range + HUGE_SIZE - 1) &
				       ~(HUGE_SIZE - 1));

		if (madvise(huge, 2 * HUGE_SIZE, MADV_HUGEPAGE))
			fail("madvise");
		huge[0] = 1;
		add(huge, "huge page head", false);
		add(huge + page_size, "huge page tail", false);
		add(huge + HUGE_SIZE, "huge range untouched", true);
	}
	/* Last: a later mapping could fill it. */
	add(hole(1), "unmapped", true);
	(void) sink;
	call("kinds");
	close(keep);
	wait(NULL);
}

static void bound(void)
{
	char *untouched = map(1100, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1);
	char *gone = hole(100);
	int i;

	for (i = 0; i < 1100; i++)
		add(untouched + i * page_size, "anonymous untouched", true);
	for (i = 0; i < 100; i++)
		add(gone + i * page_size, "unmapped", true);
	call("bound");
}

static void nofds(void)
{
	char *anon = map(2, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1);
	int fd, keep = fileno(out), st;
	pid_t pid;

	fflush(out);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		for (fd = 0; fd < 1024; fd++)
			if (fd != keep)
				close(fd);
		anon[0] = 1;
		add(anon, "anonymous written", false);
		add(anon + page_size, "anonymous untouched", true);
		call("nofds");
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
		exit(1);
}

static void succeed(void)
{
	char *anon = map(4, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1);
	int i;

	for (i = 0; i < 4; i++) {
		anon[i * page_size] = 1;
		add(anon + i * page_size, "anonymous written", false);
	}
	call("succeed");
}

int main(int argc, char **argv)
{
	char *dir;

	if (argc != 3 || (strcmp(argv[1], "fail") && strcmp(argv[1], "succeed"))) {
		fprintf(stderr, "usage: %s fail|succeed FILE\n", argv[0]);
		return 2;
	}
	out = fopen(argv[2], "w");
	if (!out)
		fail(argv[2]);
	page_size = sysconf(_SC_PAGESIZE);
	if (!strcmp(argv[1], "succeed")) {
		succeed();
		return 0;
	}
	dir = strdup(argv[2]);
	*strrchr(dir, '/') = '\0';
	kinds(dir);
	bound();
	nofds();
	fclose(out);
	return 0;
}
