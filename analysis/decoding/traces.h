/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Finding CTF traces as `babeltrace2 DIR` does: a trace is a folder that
 * holds a metadata file, and src.ctf.fs wants each trace's own folder,
 * while a session's output (ust/uid/0/64-bit, one per ABI and user or
 * process) or a relay daemon's folder holds several.
 */
#ifndef NUMASHIM_TRACES_H
#define NUMASHIM_TRACES_H

#include <stddef.h>

struct trace_list {
	char **paths;
	size_t count;
};

/*
 * Append to list the trace folders at or under path, in name order.
 * Returns 0, or -1 with errno set when path cannot be read or memory ran
 * out. Folders under path that cannot be read are passed over.
 */
int traces_find(struct trace_list *list, const char *path);
void traces_fini(struct trace_list *list);

#endif /* NUMASHIM_TRACES_H */
