// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What dlsym() and dlvsym() answer for everything the shim must leave to
 * glibc, one line per lookup, the same with and without the shim
 * (dlsym-transparency.test): other names, names a library lacks (NULL and
 * dlerror()'s text), RTLD_NEXT and RTLD_DEFAULT from the program and from
 * a library preloaded after the shim (libdlnext), versions, and
 * move_pages on a library that does not define it. Then syscall() found
 * on a libc handle, which the shim replaces, called with other numbers.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "dlsym-answer.h"

struct lookup {
	const char *handle;	/* a library, or RTLD_NEXT/RTLD_DEFAULT */
	const char *name;
	const char *version;	/* NULL for dlsym() */
};

static const struct lookup lookups[] = {
	{ "libc.so.6", "getpid", NULL },
	{ "libc.so.6", "no_such_symbol", NULL },
	{ "libc.so.6", "memcpy", "GLIBC_2.2.5" },
	{ "libc.so.6", "memcpy", "GLIBC_2.14" },
	{ "libc.so.6", "memcpy", "NO_SUCH_1.0" },
	{ "libc.so.6", "dlsym", NULL },
	{ "libc.so.6", "dlvsym", "GLIBC_2.34" },
	{ "libm.so.6", "cos", NULL },
	{ "libm.so.6", "move_pages", NULL },
	{ "libm.so.6", "mbind", "libnuma_1.1" },
	{ "libm.so.6", "migrate_pages", NULL },
	{ "RTLD_NEXT", "getpid", NULL },
	{ "RTLD_NEXT", "getpagesize", NULL },
	{ "RTLD_NEXT", "no_such_symbol", NULL },
	{ "RTLD_NEXT", "memcpy", "GLIBC_2.14" },
	{ "RTLD_NEXT", "memcpy", "NO_SUCH_1.0" },
	{ "RTLD_NEXT", "syscall", "NO_SUCH_1.0" },
	{ "RTLD_DEFAULT", "getpid", NULL },
	{ "RTLD_DEFAULT", "no_such_symbol", NULL },
	{ "RTLD_DEFAULT", "memcpy", "GLIBC_2.2.5" },
	{ "RTLD_DEFAULT", "move_pages", "NO_SUCH_1.0" },
};

static void *handle_of(const char *name)
{
	void *h;

	if (!strcmp(name, "RTLD_NEXT"))
		return RTLD_NEXT;
	if (!strcmp(name, "RTLD_DEFAULT"))
		return RTLD_DEFAULT;
	h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "%s: %s\n", name, dlerror());
		exit(2);
	}
	return h;
}

static void look_up(const struct lookup *l)
{
	void *h = handle_of(l->handle);
	void *found = l->version ? dlvsym(h, l->name, l->version) :
				   dlsym(h, l->name);
	char answer[512];

	printf("%s %s%s%s: %s\n", l->handle, l->name, l->version ? "@" : "",
	       l->version ? l->version : "",
	       dlsym_answer(found, answer, sizeof(answer)));
}

typedef long (*syscall_fn)(long, ...);

/* The system calls' answers, which do not depend on the run. */
static void other_numbers(syscall_fn fn)
{
	char cwd[4096] = "";
	long ret;

	printf("syscall getppid is getppid(): %d\n",
	       fn(SYS_getppid) == getppid());
	printf("syscall gettid is gettid(): %d\n", fn(SYS_gettid) == gettid());
	ret = fn(SYS_getcwd, cwd, sizeof(cwd));
	printf("syscall getcwd: %d, same as getcwd(): %d\n", ret > 0,
	       !strcmp(cwd, getcwd((char [4096]) { 0 }, 4096)));
	errno = 0;
	ret = fn(-1L);
	printf("syscall -1: %ld %s\n", ret, strerrorname_np(errno));
	errno = 0;
	ret = fn(SYS_close, -1);
	printf("syscall close(-1): %ld %s\n", ret, strerrorname_np(errno));
	errno = 0;
	ret = fn(SYS_move_pages, 0, 1, NULL, NULL, NULL, 0);
	printf("syscall move_pages on NULL: %ld %s\n", ret,
	       strerrorname_np(errno));
}

int main(void)
{
	__typeof__(dlnext_answers) *library;
	const char *err = dlerror();
	size_t i;

	printf("dlerror() at start: %s\n", err ? err : "(none)");
	for (i = 0; i < sizeof(lookups) / sizeof(*lookups); i++)
		look_up(&lookups[i]);
	library = (__typeof__(library)) dlsym(RTLD_DEFAULT, "dlnext_answers");
	if (!library) {
		fprintf(stderr, "libdlnext.so is not preloaded\n");
		return 2;
	}
	fputs(library(), stdout);
	other_numbers((syscall_fn) dlsym(handle_of("libc.so.6"), "syscall"));
	other_numbers((syscall_fn) dlvsym(RTLD_NEXT, "syscall", "GLIBC_2.2.5"));
	return 0;
}
