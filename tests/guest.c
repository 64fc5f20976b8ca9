// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What a program can see of the shim when main() starts: errno, its
 * threads, and whether liblttng-ust or libnuma were loaded into it. One
 * line, to compare with a bare run. Links neither library itself.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int threads(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* Whether a mapping of /proc/self/maps is of the library named lib. */
static int loaded(const char *lib)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	int found = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		const char *name = strrchr(line, '/');

		found |= name && !strncmp(name + 1, lib, strlen(lib));
	}
	fclose(f);
	return found;
}

int main(void)
{
	int err = errno;

	printf("errno %d threads %d liblttng-ust %d libnuma %d\n", err,
	       threads(), loaded("liblttng-ust.so"), loaded("libnuma.so"));
	return 0;
}
