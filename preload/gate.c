// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The run's gate, mapped read-only: one page of the program's address
 * space in a process that records, none in one that does not. Its
 * descriptor is closed at once, so that a program which closes every
 * descriptor loses nothing.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gate.h"
#include "numashim-run.h"

static const uint32_t always = 1, never;

const uint32_t *numashim_gate_word = &always;

/*
 * The command that created the gate ran as this user, or as root
 * recording a program that changes its user: no one else may switch
 * this process's recording on.
 */
static bool trusted(const struct stat *st)
{
	return (st->st_uid == geteuid() || st->st_uid == 0) &&
	       !(st->st_mode & (S_IWGRP | S_IWOTH)) &&
	       st->st_size >= (off_t) sizeof(struct numashim_gate);
}

void numashim_gate_init(void)
{
	uint64_t run = numashim_run_parse(getenv("NUMASHIM_RUN"));
	char name[NUMASHIM_GATE_NAME_MAX];
	const struct numashim_gate *gate;
	struct stat st;
	int fd;

	if (!run)
		return;
	/*
	 * A run whose gate is gone has ended (its command removed it): no
	 * recording of it can come.
	 */
	numashim_gate_word = &never;
	numashim_gate_name(name, run);
	fd = shm_open(name, O_RDONLY, 0);
	if (fd < 0)
		return;
	if (fstat(fd, &st) || !trusted(&st)) {
		fprintf(stderr, "numashim: /dev/shm%s is not this user's run gate; not recording\n",
			name);
		close(fd);
		return;
	}
	gate = mmap(NULL, sizeof(*gate), PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (gate != MAP_FAILED)
		numashim_gate_word = &gate->recordings;
}
