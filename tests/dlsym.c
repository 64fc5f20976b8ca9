// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Placement calls made through functions found by name: dlsym() on a
 * handle of libc for syscall(), of libnuma for the numaif.h functions,
 * RTLD_NEXT and RTLD_DEFAULT, and dlvsym(), in the main thread, in a
 * thread and in a forked child. Built twice: `dlsym` links libnuma,
 * `dlsym-nolibnuma` does not and opens it as ctypes would. Each call is
 * written down through expect.c with its function as the call site.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef LINKS_LIBNUMA
#include <numa.h>
#endif

#include "expect.h"
#include "pages.h"

#define MPOL_BIND 2
#define MPOL_MF_MOVE (1 << 1)

typedef long (*move_pages_fn)(int, unsigned long, void **, const int *,
			      int *, int);
typedef long (*migrate_pages_fn)(int, unsigned long, const unsigned long *,
				 const unsigned long *);
typedef long (*mbind_fn)(void *, unsigned long, int, const unsigned long *,
			 unsigned long, unsigned int);

static void *must(void *p, const char *what)
{
	if (!p) {
		fprintf(stderr, "%s: %s\n", what, dlerror());
		exit(2);
	}
	return p;
}

static void *open_lib(const char *name)
{
	return must(dlopen(name, RTLD_NOW | RTLD_LOCAL), name);
}

/* Any other number goes to the kernel as syscall() would send it. */
static void unrelated_syscalls(syscall_fn fn)
{
	errno = 0;
	if (fn(SYS_getppid) != getppid() || fn(-1L) != -1 || errno != ENOSYS)
		exit(4);
}

/* The three calls through libc's syscall(), found on a libc handle. */
static void libc_handle(void)
{
	syscall_fn fn = must(dlsym(open_lib("libc.so.6"), "syscall"),
			     "syscall");

	calls_through(fn);
	unrelated_syscalls(fn);
}

static void numaif_calls(struct expect_site site, move_pages_fn mp,
			 mbind_fn mb, migrate_pages_fn mig)
{
	char *mem = map_pages(NPAGES, NPAGES);
	unsigned long mask = 1;
	void *pages[NPAGES];
	int status[NPAGES];
	int node0 = 0;
	long ret;

	page_list(pages, mem, NPAGES);
	errno = 0;
	ret = mp(0, NPAGES, pages, NULL, status, 0);
	expect_move_pages(site, 0, NPAGES, EXPECT_WHOLE(pages, NPAGES),
			  EXPECT_WHOLE(NULL, 0), EXPECT_WHOLE(status, NPAGES),
			  0, ret, errno);
	errno = 0;
	ret = mb(mem, NPAGES * page_size, MPOL_BIND, &mask, 64, MPOL_MF_MOVE);
	expect_mbind(site, mem, NPAGES * page_size, MPOL_BIND, &node0, 1, 64,
		     MPOL_MF_MOVE, ret, errno);
	errno = 0;
	ret = mig(0, 64, &mask, &mask);
	expect_migrate_pages(site, 0, 64, &node0, 1, &node0, 1, ret, errno);
}

static __attribute__((noinline)) void
numaif_by_dlsym(struct expect_site site, void *handle)
{
	numaif_calls(site, must(dlsym(handle, "move_pages"), "move_pages"),
		     must(dlsym(handle, "mbind"), "mbind"),
		     must(dlsym(handle, "migrate_pages"), "migrate_pages"));
}

static void libnuma_handle(void)
{
	numaif_by_dlsym(EXPECT_SITE(EXPECT_FUNCTION, 2),
			open_lib("libnuma.so.1"));
}

static void rtld_next(void)
{
	numaif_by_dlsym(EXPECT_SITE(EXPECT_FUNCTION, 2), RTLD_NEXT);
	query_through(EXPECT_SITE(EXPECT_SYSCALL, 1),
		      must(dlsym(RTLD_NEXT, "syscall"), "syscall"));
}

static void rtld_default(void)
{
	numaif_by_dlsym(EXPECT_SITE(EXPECT_FUNCTION, 2), RTLD_DEFAULT);
	query_through(EXPECT_SITE(EXPECT_SYSCALL, 1),
		      must(dlsym(RTLD_DEFAULT, "syscall"), "syscall"));
}

/*
 * dlvsym() with the versions libc and libnuma define them under; a version
 * leaves the shim's own functions out of RTLD_NEXT's and RTLD_DEFAULT's
 * search.
 */
static void versioned(void)
{
	void *numa = open_lib("libnuma.so.1");
	void *const in[] = { open_lib("libc.so.6"), RTLD_NEXT, RTLD_DEFAULT };
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(*in); i++) {
		syscall_fn fn = must(dlvsym(in[i], "syscall", "GLIBC_2.2.5"),
				     "syscall@GLIBC_2.2.5");

		query_through(EXPECT_SITE(EXPECT_SYSCALL, 1), fn);
		unrelated_syscalls(fn);
	}
	numaif_calls(EXPECT_SITE(EXPECT_FUNCTION, 1),
		     must(dlvsym(numa, "move_pages", "libnuma_1.2"),
			  "move_pages@libnuma_1.2"),
		     must(dlvsym(numa, "mbind", "libnuma_1.1"),
			  "mbind@libnuma_1.1"),
		     must(dlvsym(numa, "migrate_pages", "libnuma_1.2"),
			  "migrate_pages@libnuma_1.2"));
}

static void *in_thread(void *arg)
{
	(void) arg;
	libnuma_handle();
	libc_handle();
	return NULL;
}

static void every_path(void)
{
	libc_handle();
	libnuma_handle();
	rtld_next();
	rtld_default();
	versioned();
}

int main(void)
{
	pthread_t tid;
	pid_t pid;
	int st;

#ifdef LINKS_LIBNUMA
	if (numa_available() < 0)
		return 77;
#endif
	every_path();
	if (pthread_create(&tid, NULL, in_thread, NULL) ||
	    pthread_join(tid, NULL))
		return 2;
	pid = fork();
	if (pid < 0)
		return 2;
	if (!pid) {
		every_path();
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 2;
	return WEXITSTATUS(st);
}
