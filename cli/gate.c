// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The command's side of a run's gate. The gate counts the recordings on,
 * so that two numashim record --pid of one run each switch their own.
 * numashim preload's gate outlives the command, which becomes the
 * program: its creator is the program, and the gate goes when a later
 * command finds the program ended.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gate.h"

static int gate_map(struct run_gate *g, int fd)
{
	g->map = mmap(NULL, sizeof(*g->map), PROT_READ | PROT_WRITE,
		      MAP_SHARED, fd, 0);
	close(fd);
	if (g->map == MAP_FAILED) {
		g->map = NULL;
		return -1;
	}
	return 0;
}

/* Whether the gate in fd, the user's, was created by a process that ended. */
static bool stale(int fd)
{
	struct numashim_gate gate;
	struct stat st;

	return !fstat(fd, &st) && st.st_uid == geteuid() &&
	       pread(fd, &gate, sizeof(gate), 0) == sizeof(gate) &&
	       gate.creator > 0 && kill(gate.creator, 0) && errno == ESRCH;
}

/* The user's gates whose creator ended: no command will remove them. */
static void stale_gates_remove(void)
{
	DIR *dir = opendir("/dev/shm");
	struct dirent *d;

	if (!dir)
		return;
	while ((d = readdir(dir))) {
		char name[NUMASHIM_GATE_NAME_MAX];
		int fd;

		if (strncmp(d->d_name, NUMASHIM_GATE_PREFIX,
			    strlen(NUMASHIM_GATE_PREFIX)) ||
		    snprintf(name, sizeof(name), "/%s", d->d_name) >=
		    (int) sizeof(name))
			continue;
		fd = shm_open(name, O_RDONLY | O_NOFOLLOW, 0);
		if (fd < 0)
			continue;
		if (stale(fd))
			shm_unlink(name);
		close(fd);
	}
	closedir(dir);
}

int run_gate_create(struct run_gate *g, uint64_t run, const char *command)
{
	const struct numashim_gate off = { 0, getpid() };
	int fd;

	*g = (struct run_gate) { NULL };
	stale_gates_remove();
	numashim_gate_name(g->name, run);
	fd = shm_open(g->name, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		fprintf(stderr, "numashim %s: cannot create /dev/shm%s: %s\n",
			command, g->name, strerror(errno));
		return -1;
	}
	g->created = true;
	if (pwrite(fd, &off, sizeof(off), 0) != sizeof(off) ||
	    gate_map(g, fd)) {
		fprintf(stderr, "numashim %s: cannot set up /dev/shm%s: %s\n",
			command, g->name, strerror(errno));
		run_gate_release(g);
		return -1;
	}
	return 0;
}

int run_gate_find(struct run_gate *g, uint64_t run, pid_t pid)
{
	int fd;

	*g = (struct run_gate) { NULL };
	if (!run)
		return 0;
	numashim_gate_name(g->name, run);
	fd = shm_open(g->name, O_RDWR | O_NOFOLLOW, 0);
	if (fd < 0 && errno == ENOENT) {
		fprintf(stderr, "numashim record: process %d: its run has ended (/dev/shm%s is gone with the process that started it): start it again with 'numashim preload -- COMMAND'\n",
			(int) pid, g->name);
		return -1;
	}
	if (fd < 0 || gate_map(g, fd)) {
		fprintf(stderr, "numashim record: process %d: cannot open /dev/shm%s: %s\n",
			(int) pid, g->name, strerror(errno));
		return -1;
	}
	return 0;
}

void run_gate_switch(struct run_gate *g, bool on)
{
	if (!g->map || g->on == on)
		return;
	if (on)
		__atomic_add_fetch(&g->map->recordings, 1, __ATOMIC_SEQ_CST);
	else
		__atomic_sub_fetch(&g->map->recordings, 1, __ATOMIC_SEQ_CST);
	g->on = on;
}

void run_gate_release(struct run_gate *g)
{
	run_gate_switch(g, false);
	if (g->map)
		munmap(g->map, sizeof(*g->map));
	if (g->created)
		shm_unlink(g->name);
	*g = (struct run_gate) { NULL };
}
