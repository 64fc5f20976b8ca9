/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Which binary each process had where, as lttng-ust tells it: its
 * statedump (lttng_ust_statedump:bin_info) at the start of every process
 * and after exec, and lttng_ust_dl's dlopen and dlclose events, so that
 * an address of a process's code can be named as a binary and an offset
 * in it, which stays true across processes and runs; and the binary's
 * build-id, when the trace has it, to tell whether a file found later is
 * the binary that ran.
 */
#ifndef NUMASHIM_MAPS_H
#define NUMASHIM_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct maps {
	void *processes;	/* tsearch(3) tree of struct process_maps */
};

/* Where an address is: a binary's path and the address's offset in it. */
struct code_location {
	const char *path;	/* NULL: in no binary the trace knows */
	uint64_t offset;	/* from the binary's start; else the address */
	const uint8_t *build_id;	/* NULL: the trace has none */
	size_t build_id_len;
};

/* Each returns 0, or -1 when out of memory. */
int maps_add(struct maps *m, int64_t vpid, uint64_t baddr, uint64_t memsz,
	     const char *path, bool is_pic);
/* The build-id of the binary at baddr, which the trace gives after it. */
int maps_set_build_id(struct maps *m, int64_t vpid, uint64_t baddr,
		      const uint8_t *build_id, size_t len);
int maps_remove(struct maps *m, int64_t vpid, uint64_t baddr);
/* A new statedump: the process's earlier binaries are gone (exec). */
void maps_forget_process(struct maps *m, int64_t vpid);

/*
 * Where the process's address is. A child forked without exec may have
 * had no statedump of its own: then the binaries of any process that
 * holds the address are taken, as they are its parent's.
 */
struct code_location maps_locate(const struct maps *m, int64_t vpid,
				 uint64_t addr);

void maps_fini(struct maps *m);

#endif /* NUMASHIM_MAPS_H */
