/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The descriptors a test program has open, counted before and after the
 * shim's work to show that it left none behind.
 */
#ifndef NUMASHIM_TESTS_FDS_H
#define NUMASHIM_TESTS_FDS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

/* How many; the program exits 2 when /proc/self/fd cannot be read. */
static inline int fds_open(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (!d) {
		perror("/proc/self/fd");
		exit(2);
	}
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

#endif
