// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Why a page did not move: the state of each page a move_pages() call
 * failed, as the kernel shows it to the process just after the call.
 * /proc/PID/pagemap gives the page's entry (present, swapped, mapped by
 * this process alone, a file page or shared anonymous, soft-dirty, and
 * its page frame when the process may see it); /proc/PID/smaps the
 * mapping it lies in, with its VmFlags and transparent huge page backing;
 * /proc/kpageflags and /proc/kpagecount, which only a privileged process
 * may read, the page frame's flags and map count. What cannot be read
 * is recorded with its errno, never guessed.
 *
 * It costs a pass over smaps (which walks the page tables of every
 * mapping), so it is done only for calls with a failed page, and for at
 * most NUMASHIM_PAGE_STATES_MAX pages a call: the rest are counted by
 * status. Like placement.c it runs inside the program's call: raw
 * system calls (files.h), the call's scratch slot, no allocation, every
 * descriptor closed before returning.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>

#include "arrays.h"
#include "files.h"
#include "numashim-tp.h"
#include "pagestate.h"
#include "scratch.h"
#include "self.h"

/* The bits of a pagemap entry (Documentation/admin-guide/mm/pagemap.rst). */
#define PM_PFN_MASK ((1ULL << 55) - 1)
#define PM_SOFT_DIRTY (1ULL << 55)
#define PM_MMAP_EXCLUSIVE (1ULL << 56)
#define PM_FILE (1ULL << 61)
#define PM_SWAP (1ULL << 62)
#define PM_PRESENT (1ULL << 63)

static bool status_failed(const struct numashim_ints *status)
{
	size_t i;

	for (i = 0; i < status->len; i++)
		if (status->v[i] < 0)
			return true;
	return false;
}

/* One more left out page of status, the statuses kept ascending. */
static void count_left_out(struct numashim_page_states *g, int32_t status)
{
	size_t i;

	for (i = 0; i < g->left_len && g->left_statuses[i] < status; i++)
		;
	if (i < g->left_len && g->left_statuses[i] == status) {
		g->left_counts[i]++;
		return;
	}
	if (g->left_len == NUMASHIM_PAGE_STATES_STATUSES)
		return;
	memmove(&g->left_statuses[i + 1], &g->left_statuses[i],
		(g->left_len - i) * sizeof(*g->left_statuses));
	memmove(&g->left_counts[i + 1], &g->left_counts[i],
		(g->left_len - i) * sizeof(*g->left_counts));
	g->left_statuses[i] = status;
	g->left_counts[i] = 1;
	g->left_len++;
}

static void add_failed(struct numashim_page_states *g, uint64_t index,
		       uint64_t addr, int32_t status)
{
	g->failed++;
	if (g->len == NUMASHIM_PAGE_STATES_MAX) {
		count_left_out(g, status);
		return;
	}
	g->pages[g->len++] = (struct numashim_failed_page) {
		.index = index, .addr = addr, .status = status,
	};
}

/*
 * The failed pages of the call into g, a chunk of its status and pages
 * arrays at a time: only those whose address the kernel could read,
 * and so whose status it wrote. Not inlined: its sources would stay on
 * the stack under the walk of smaps, the call's deepest point.
 */
static __attribute__((noinline)) void gather(struct numashim_page_states *g,
		   const struct numashim_rewrite *rw, bool accessed)
{
	const struct numashim_move_pages_args *k = &rw->args.move_pages;
	struct numashim_array_src pages, status;
	uint64_t at = 0;
	size_t n, got, i;

	numashim_array_init(&pages, NUMASHIM_ARRAY_PAGES, k->pages, k->count,
			    sizeof(uint64_t));
	numashim_array_init(&status, NUMASHIM_ARRAY_STATUS, k->status,
			    k->count, sizeof(int32_t));
	if (accessed) {
		numashim_array_accessed(&pages);
		numashim_array_accessed(&status);
	}
	while ((n = numashim_array_next(&status, g->io.scan.status))) {
		got = numashim_array_next(&pages, g->io.scan.addrs);
		for (i = 0; i < n && i < got; i++)
			if (g->io.scan.status[i] < 0 &&
			    !(rw->injected_pages &&
			      numashim_rewrite_page_injected(rw, at + i)))
				add_failed(g, at + i, g->io.scan.addrs[i],
					   g->io.scan.status[i]);
		if (got < n)
			return;
		at += n;
	}
}

/* The index-th 64-bit entry of the file fd into *v: 0 or the errno. */
static int read_entry(long fd, uint64_t index, uint64_t *v)
{
	long n = numashim_sys(SYS_pread64, fd, (long) v, sizeof(*v),
			      index * sizeof(*v));

	if (n == sizeof(*v))
		return 0;
	return n < 0 ? errno : ENODATA;
}

static long open_read(const char *path)
{
	return numashim_sys(SYS_openat, AT_FDCWD, (long) path,
			    O_RDONLY | O_CLOEXEC, 0);
}

static void read_pagemap(struct numashim_page_states *g, int pid)
{
	const uintptr_t page_size = numashim_self_page_size();
	long fd;
	size_t i;
	int err;

	numashim_proc_path(g->path, pid, "pagemap");
	fd = open_read(g->path);
	err = fd < 0 ? errno : 0;
	for (i = 0; i < g->len; i++)
		g->pages[i].pagemap_err = err ? err :
			read_entry(fd, g->pages[i].addr / page_size,
				   &g->pages[i].pagemap);
	if (fd >= 0)
		numashim_sys(SYS_close, fd, 0, 0, 0);
}

static uint64_t pfn_of(const struct numashim_failed_page *f)
{
	if (f->pagemap_err || !(f->pagemap & PM_PRESENT))
		return 0;
	return f->pagemap & PM_PFN_MASK;
}

/* kpageflags and kpagecount, when some page has a page frame to look up. */
static void open_kpage(struct numashim_page_states *g)
{
	size_t i;

	g->kpageflags_fd = g->kpagecount_fd = -1;
	for (i = 0; i < g->len && !pfn_of(&g->pages[i]); i++)
		;
	if (i == g->len)
		return;
	g->kpageflags_fd = open_read("/proc/kpageflags");
	if (g->kpageflags_fd >= 0)
		g->kpagecount_fd = open_read("/proc/kpagecount");
	if (g->kpagecount_fd < 0)
		g->kpage_err = errno;
}

static void close_kpage(struct numashim_page_states *g)
{
	if (g->kpageflags_fd >= 0)
		numashim_sys(SYS_close, g->kpageflags_fd, 0, 0, 0);
	if (g->kpagecount_fd >= 0)
		numashim_sys(SYS_close, g->kpagecount_fd, 0, 0, 0);
}

/* ENODATA: pagemap gave no page frame to look up. */
static void read_kpage(const struct numashim_page_states *g,
		       struct numashim_page_state_rec *rec)
{
	uint64_t count;

	if (!rec->pfn)
		rec->kpage_err = ENODATA;
	else if (g->kpage_err)
		rec->kpage_err = g->kpage_err;
	else if (!(rec->kpage_err = read_entry(g->kpageflags_fd, rec->pfn,
					       &rec->kpageflags)) &&
		 !(rec->kpage_err = read_entry(g->kpagecount_fd, rec->pfn,
					       &count)))
		rec->kpagecount = count;
	if (rec->kpage_err)
		rec->kpageflags = 0;
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The kind of mapping m, by its path as maps prints it, and its sharing. */
static enum numashim_mapping mapping_kind(const struct numashim_smaps_entry *m)
{
	static const char *const shared_memory[] = {
		"/dev/zero", "/SYSV", "/memfd:", "[anon_shmem",
	};
	size_t i;

	if (!*m->path || starts_with(m->path, "[anon:"))
		return NUMASHIM_MAPPING_ANONYMOUS;
	if (!strcmp(m->path, "[heap]"))
		return NUMASHIM_MAPPING_HEAP;
	if (starts_with(m->path, "[stack"))
		return NUMASHIM_MAPPING_STACK;
	if (m->perms[3] == 's')
		for (i = 0; i < sizeof(shared_memory) / sizeof(*shared_memory); i++)
			if (starts_with(m->path, shared_memory[i]))
				return NUMASHIM_MAPPING_SHARED_MEMORY;
	if (*m->path == '[')
		return NUMASHIM_MAPPING_SPECIAL;
	return NUMASHIM_MAPPING_FILE;
}

static const char *text_or_none(const char *s)
{
	return *s ? s : NUMASHIM_NO_TEXT;
}

/*
 * The page_state event of f, in the mapping m (NULL: in none, or with
 * map_err, none could be read).
 */
static void emit(struct numashim_page_states *g, struct numashim_failed_page *f,
		 const struct numashim_smaps_entry *m, int map_err)
{
	struct numashim_page_state_rec *rec = &g->rec.page;

	*rec = (struct numashim_page_state_rec) {
		.id = g->id, .index = f->index, .addr = f->addr,
		.status = f->status, .pagemap_err = f->pagemap_err,
		.map_err = map_err,
		.mapping = map_err ? NUMASHIM_MAPPING_UNREAD :
				     NUMASHIM_MAPPING_NONE,
		.map_perms = NUMASHIM_NO_TEXT, .map_path = NUMASHIM_NO_TEXT,
		.vm_flags = NUMASHIM_NO_TEXT,
		.anon_huge_kb = -1, .kpagecount = -1,
	};
	if (!f->pagemap_err) {
		rec->present = !!(f->pagemap & PM_PRESENT);
		rec->swapped = !!(f->pagemap & PM_SWAP);
		rec->exclusive = !!(f->pagemap & PM_MMAP_EXCLUSIVE);
		rec->file_shared = !!(f->pagemap & PM_FILE);
		rec->soft_dirty = !!(f->pagemap & PM_SOFT_DIRTY);
		rec->pfn = pfn_of(f);
	}
	if (m) {
		rec->mapping = mapping_kind(m);
		rec->map_start = m->start;
		rec->map_end = m->end;
		rec->map_perms = text_or_none(m->perms);
		rec->map_path = text_or_none(m->path);
		rec->vm_flags = text_or_none(m->vm_flags);
		rec->anon_huge_kb = m->anon_huge_kb;
	}
	read_kpage(g, rec);
	f->recorded = true;
	lttng_ust_do_tracepoint(numashim, page_state, rec, g->ip);
}

/* The pages of the mapping just read, once all its lines are in. */
static void close_mapping(struct numashim_page_states *g)
{
	size_t i;

	if (!g->map.open)
		return;
	for (i = 0; i < g->len; i++)
		if (!g->pages[i].recorded && g->pages[i].addr >= g->map.start &&
		    g->pages[i].addr < g->map.end)
			emit(g, &g->pages[i], &g->map, 0);
	g->map.open = false;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* A field of a maps line and the spaces after it. */
static const char *skip_field(const char *s)
{
	while (*s && *s != ' ')
		s++;
	return skip_spaces(s);
}

/*
 * A mapping's first line, "start-end perms offset dev inode path", into
 * m; false for any other line of smaps ("Name: value").
 */
static bool read_header(const char *line, struct numashim_smaps_entry *m)
{
	uint64_t start, end;
	const char *at = numashim_hex(line, &start);
	size_t n, i;

	if (!at || *at != '-' || !(at = numashim_hex(at + 1, &end)) ||
	    *at != ' ')
		return false;
	at = skip_spaces(at);
	n = strcspn(at, " ");
	if (n >= sizeof(m->perms))
		n = sizeof(m->perms) - 1;
	memcpy(m->perms, at, n);
	m->perms[n] = '\0';
	for (i = 0; i < 4; i++)
		at = skip_field(at);
	strcpy(m->path, at);
	m->start = start;
	m->end = end;
	m->vm_flags[0] = '\0';
	m->anon_huge_kb = -1;
	m->open = true;
	return true;
}

static void smaps_line(char *line, void *arg)
{
	static const char anon_huge[] = "AnonHugePages:";
	static const char vm_flags[] = "VmFlags:";
	struct numashim_page_states *g = arg;
	struct numashim_smaps_entry *m = &g->map;
	uint64_t kb;
	size_t n;

	if (*line >= 'a' || (*line >= '0' && *line <= '9')) {
		close_mapping(g);
		read_header(line, m);
	} else if (!m->open) {
		return;
	} else if (starts_with(line, anon_huge)) {
		if (numashim_decimal(skip_spaces(line + sizeof(anon_huge) - 1),
				     &kb))
			m->anon_huge_kb = kb;
	} else if (starts_with(line, vm_flags)) {
		line = (char *) skip_spaces(line + sizeof(vm_flags) - 1);
		n = strlen(line);
		while (n && line[n - 1] == ' ')
			n--;
		if (n >= sizeof(m->vm_flags))
			n = sizeof(m->vm_flags) - 1;
		memcpy(m->vm_flags, line, n);
		m->vm_flags[n] = '\0';
	}
}

/* Every gathered page's event, by the mapping smaps puts it in. */
static void walk_smaps(struct numashim_page_states *g, int pid)
{
	size_t i;
	int err;

	numashim_proc_path(g->path, pid, "smaps");
	g->map.open = false;
	err = numashim_file_lines(AT_FDCWD, g->path, g->io.line,
				  sizeof(g->io.line), smaps_line, g);
	if (!err)
		close_mapping(g);
	for (i = 0; i < g->len; i++)
		if (!g->pages[i].recorded)
			emit(g, &g->pages[i], NULL, err);
}

void numashim_page_states_record(const struct numashim_rewrite *rw, long ret,
				 bool accessed,
				 const struct numashim_ints *status,
				 uint64_t id, void *ip)
{
	const struct numashim_move_pages_args *k = &rw->args.move_pages;
	struct numashim_page_states *g;

	if (ret < 0 || !k->nodes || !k->status || !rw->scratch ||
	    !lttng_ust_tracepoint_enabled(numashim, page_state))
		return;
	if (status->len == k->count && !status_failed(status))
		return;
	g = &rw->scratch->page_states;
	g->id = id;
	g->ip = ip;
	g->len = g->left_len = 0;
	g->failed = 0;
	g->kpage_err = 0;
	gather(g, rw, accessed);
	if (!g->failed)
		return;
	read_pagemap(g, k->pid);
	open_kpage(g);
	walk_smaps(g, k->pid);
	close_kpage(g);
	g->rec.states = (struct numashim_page_states_rec) {
		.id = id, .failed = g->failed, .recorded = g->len,
		.left_out = g->failed - g->len,
		.statuses = g->left_statuses, .counts = g->left_counts,
		.len = g->left_len,
	};
	lttng_ust_do_tracepoint(numashim, page_states, &g->rec.states, ip);
}
