// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * `names LIBRARY` makes an mbind call from LIBRARY (names-lib.c), which
 * names.test copies, as it copies this program, under a file name chosen
 * to trouble a terminal, so that the trace holds both names: the process
 * is named after its file at exec. (A name set with PR_SET_NAME would
 * come too late: lttng-ust has taken the thread's name by then.)
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	long (*call)(void);
	void *lib;

	if (argc != 2) {
		fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
		return 2;
	}
	lib = dlopen(argv[1], RTLD_NOW);
	call = lib ? (long (*)(void)) dlsym(lib, "names_call") : NULL;
	if (!call) {
		fprintf(stderr, "%s\n", dlerror());
		return 2;
	}
	return call() ? 3 : 0;
}
