// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A library preloaded after the shim that wraps a libc function itself, as
 * tracers and allocators do: its dlsym(RTLD_NEXT) must find libc's, not
 * its own, also from its constructor, which runs before the shim's.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

#include "dlsym-answer.h"

static char answers[1024];

/* The wrapper whose real function the library looks up. */
int getpagesize(void)
{
	int (*real)(void) = dlsym(RTLD_NEXT, "getpagesize");

	return real ? real() : -1;
}

static void __attribute__((constructor)) look_up(void)
{
	char next[256], missing[256], versioned[256];

	dlsym_answer(dlsym(RTLD_NEXT, "getpagesize"), next, sizeof(next));
	dlsym_answer(dlsym(RTLD_NEXT, "no_such_symbol"), missing,
		     sizeof(missing));
	dlsym_answer(dlvsym(RTLD_NEXT, "getpagesize", "GLIBC_2.2.5"),
		     versioned, sizeof(versioned));
	snprintf(answers, sizeof(answers),
		 "library RTLD_NEXT getpagesize: %s\n"
		 "library RTLD_NEXT no_such_symbol: %s\n"
		 "library RTLD_NEXT getpagesize@GLIBC_2.2.5: %s\n",
		 next, missing, versioned);
}

const char *dlnext_answers(void)
{
	return answers;
}
