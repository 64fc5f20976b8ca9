// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The weights that decide where weighted interleave (Linux 6.9) puts
 * pages: /sys/kernel/mm/mempolicy/weighted_interleave/nodeN, a file a
 * node, which the administrator may change at any time. A recorded call
 * that gives the kernel the mode records them, when the process has not
 * recorded them yet or they are not those it recorded last. A kernel
 * without the folder records nothing.
 *
 * This runs inside the program's call, perhaps in a signal handler or
 * while the program's own open() is interposed: the files are read with
 * glibc's syscall(), into the call's scratch slot, without allocating.
 *
 * What the process recorded last is kept as a fingerprint of the
 * weights and of the process id, so that a child of fork() records them
 * again at its first such call. It is stored after the event: threads
 * that race on a change may each record it, and none goes without.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdbool.h>
#include <sys/syscall.h>

#include "files.h"
#include "numashim-mpol.h"
#include "record.h"
#include "self.h"
#include "weights.h"

#define WEIGHTS_DIR "/sys/kernel/mm/mempolicy/weighted_interleave"

/* The fingerprint of the weights this process recorded last; 0: none. */
static uint64_t recorded;

/* The decimal number that is all of s but a newline; false when none. */
static bool whole_number(const char *s, uint64_t *v)
{
	s = numashim_decimal(s, v);
	return s && (*s == '\n' || *s == '\0');
}

/* The weight in the file name of the folder dir; false when unreadable. */
static bool read_weight(int dir, const char *name, uint8_t *weight)
{
	char text[8];
	uint64_t v;

	if (numashim_file_read(dir, name, text, sizeof(text)) <= 0 ||
	    !whole_number(text, &v) || v > UINT8_MAX)
		return false;
	*weight = v;
	return true;
}

/* Node node and its weight into w, kept in the order of the nodes. */
static void insert(struct numashim_weights *w, uint32_t node, uint8_t weight)
{
	size_t i = w->len++;

	for (; i > 0 && w->nodes[i - 1] > node; i--) {
		w->nodes[i] = w->nodes[i - 1];
		w->weights[i] = w->weights[i - 1];
	}
	w->nodes[i] = node;
	w->weights[i] = weight;
}

/* The entries of a getdents64() buffer, as the kernel lays them out. */
struct dirent64 {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/* The nodeN entries of n bytes of w->dirents, with their weights. */
static void add_entries(struct numashim_weights *w, int dir, long n)
{
	const struct dirent64 *d;
	uint64_t node;
	uint8_t weight;
	long at;

	for (at = 0; at < n; at += d->reclen) {
		d = (const struct dirent64 *) (w->dirents + at);
		if (d->name[0] != 'n' || d->name[1] != 'o' ||
		    d->name[2] != 'd' || d->name[3] != 'e' ||
		    !whole_number(d->name + 4, &node) ||
		    node >= NUMASHIM_WEIGHTS_MAX ||
		    w->len == NUMASHIM_WEIGHTS_MAX ||
		    !read_weight(dir, d->name, &weight))
			continue;
		insert(w, node, weight);
	}
}

bool numashim_weights_read(struct numashim_weights *w)
{
	long dir, n;

	w->len = 0;
	dir = numashim_sys(SYS_openat, AT_FDCWD, (long) WEIGHTS_DIR,
			   O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (dir < 0)
		return false;
	while ((n = numashim_sys(SYS_getdents64, dir, (long) w->dirents,
				 sizeof(w->dirents), 0)) > 0)
		add_entries(w, dir, n);
	numashim_sys(SYS_close, dir, 0, 0, 0);
	return w->len > 0;
}

/* FNV-1a of the process id and the weights; never 0, which means none. */
static uint64_t fingerprint(const struct numashim_weights *w)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	uint32_t pid = numashim_self_pid();
	size_t i;

	h = (h ^ pid) * 0x100000001b3ULL;
	for (i = 0; i < w->len; i++) {
		h = (h ^ w->nodes[i]) * 0x100000001b3ULL;
		h = (h ^ w->weights[i]) * 0x100000001b3ULL;
	}
	return h ? h : 1;
}

void numashim_weights_record(struct numashim_scratch *s, uint64_t id,
			     unsigned long mode, void *ip)
{
	struct numashim_weights *w;
	uint64_t fp;

	if (numashim_mpol_mode_of(mode) != NUMASHIM_MPOL_WEIGHTED_INTERLEAVE ||
	    !s || !lttng_ust_tracepoint_enabled(numashim, interleave_weights))
		return;
	w = &s->weights;
	if (!numashim_weights_read(w))
		return;
	fp = fingerprint(w);
	if (__atomic_load_n(&recorded, __ATOMIC_RELAXED) == fp)
		return;
	lttng_ust_do_tracepoint(numashim, interleave_weights,
				&(const struct numashim_weights_rec) {
					id, w->nodes, w->weights, w->len,
				}, ip);
	__atomic_store_n(&recorded, fp, __ATOMIC_RELAXED);
}
