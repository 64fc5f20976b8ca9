// SPDX-License-Identifier: LGPL-2.1-or-later
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "peers.h"

static void die(const char *what)
{
	perror(what);
	exit(1);
}

pid_t peer_child(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (;;)
			pause();
	}
	return pid;
}

pid_t peer_nonexistent(void)
{
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
	long max;

	if (!f || fscanf(f, "%ld", &max) != 1)
		die("/proc/sys/kernel/pid_max");
	fclose(f);
	return max + 1;
}
