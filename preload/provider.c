// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The tracepoints the shim fires, and the loading of their provider.
 *
 * The provider (libnumashim-tp.so) links liblttng-ust, which starts
 * listener threads and brings libnuma, whose constructor sets the
 * process's memory policy: a process the shim is preloaded into only for
 * its rules must see none of that. So the tracepoints are defined here
 * with lttng-ust's dynamic linkage of providers, and the provider is
 * loaded only when recording is wanted: NUMASHIM_RECORD=1 asks for it,
 * NUMASHIM_RECORD=0 refuses it, and otherwise the process records when
 * numashim-record(1) or numashim preload started it (NUMASHIM_RUN is
 * set). A process of a run records only while a recording of its run
 * is on (gate.h). Until the provider is loaded, and in a process that
 * never loads it, every tracepoint is off. NUMASHIM_PROVIDER names the provider in place of the installed one.
 * The constructor calls this after the real functions are found, so that
 * the syscall() calls of the libraries it loads go straight to glibc.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LTTNG_UST_TRACEPOINT_DEFINE
#define LTTNG_UST_TRACEPOINT_PROBE_DYNAMIC_LINKAGE
#include "numashim-tp.h"

#include "gate.h"
#include "provider.h"

static int wanted(void)
{
	const char *force = getenv("NUMASHIM_RECORD");
	const char *run = getenv("NUMASHIM_RUN");

	if (force && *force)
		return strcmp(force, "0") != 0;
	return run && *run;
}

int numashim_provider_load(void)
{
	/* A set-user-ID program loads no library the user names. */
	const char *path = secure_getenv("NUMASHIM_PROVIDER");

	if (!wanted())
		return 0;
	if (!path || !*path)
		path = NUMASHIM_PROVIDER_PATH;
	numashim_gate_init();
	if (!dlopen(path, RTLD_NOW | RTLD_GLOBAL)) {
		fprintf(stderr, "numashim: %s; not recording\n", dlerror());
		return 0;
	}
	return 1;
}
