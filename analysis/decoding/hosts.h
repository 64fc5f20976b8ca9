/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The hosts the traces come from, by the hostname of each trace's
 * environment (that of the session daemon that wrote it), and the key
 * by which the report knows a process: its vpid, with the index of its
 * host above it, so that the processes of the same pid on two hosts of
 * a job stay two. The first host's index is 0, so that the key of a
 * process of a single host is its vpid.
 */
#ifndef NUMASHIM_HOSTS_H
#define NUMASHIM_HOSTS_H

#include <stddef.h>
#include <stdint.h>

#include <babeltrace2/babeltrace.h>

struct hosts {
	char **names;		/* by index; "" for a trace that names none */
	size_t count;
	size_t size;
	const bt_trace *last;	/* the trace of the last event, and its host */
	uint32_t last_index;
};

void hosts_fini(struct hosts *h);

/* The host index of trace's events into *index: 0, or -1 out of memory. */
int hosts_of_trace(struct hosts *h, const bt_trace *trace, uint32_t *index);

/* A process key of the host index and vpid (< 0: not told). */
static inline int64_t process_key(uint32_t host, int64_t vpid)
{
	return vpid < 0 ? vpid : (int64_t) host << 32 | (vpid & 0xffffffff);
}

static inline int64_t process_pid(int64_t key)
{
	return key < 0 ? key : key & 0xffffffff;
}

static inline uint32_t process_host(int64_t key)
{
	return key < 0 ? 0 : (uint64_t) key >> 32;
}

/* The name of the host of the process key; "" when not known. */
const char *hosts_name(const struct hosts *h, int64_t key);

#endif /* NUMASHIM_HOSTS_H */
