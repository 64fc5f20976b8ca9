// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Finding the functions the shim interposes on. Lookups happen in the
 * library constructor and, for calls that arrive before it ran (another
 * library's constructor), on first use; both may race, which is harmless
 * since every racer stores the same pointer.
 */
#define _GNU_SOURCE
#include "config.h"

#include <assert.h>
#include <dlfcn.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef HAVE_NUMAIF_H
#include <numaif.h>
#endif

#include "real.h"
#include "thread.h"

typedef long (*syscall_fn)(long, ...);
typedef long (*move_pages_fn)(int, unsigned long, void **, const int *,
			      int *, int);
typedef long (*migrate_pages_fn)(int, unsigned long, const unsigned long *,
				 const unsigned long *);
typedef long (*mbind_fn)(void *, unsigned long, int, const unsigned long *,
			 unsigned long, unsigned int);
typedef long (*set_mempolicy_fn)(int, const unsigned long *, unsigned long);
typedef long (*get_mempolicy_fn)(int *, unsigned long *, unsigned long,
				 void *, unsigned int);
/* No header declares it: the kernel's arguments (policy.c). */
typedef long (*set_mempolicy_home_node_fn)(unsigned long, unsigned long,
					   unsigned long, unsigned long);

/* The functions are called with the types their headers declare. */
#define SAME_TYPE(fn_type, fn)						\
	static_assert(__builtin_types_compatible_p(fn_type, __typeof__(&fn)), \
		      #fn " is not called as its header declares it")

SAME_TYPE(syscall_fn, syscall);
#ifdef HAVE_NUMAIF_H
SAME_TYPE(move_pages_fn, move_pages);
SAME_TYPE(migrate_pages_fn, migrate_pages);
SAME_TYPE(mbind_fn, mbind);
SAME_TYPE(set_mempolicy_fn, set_mempolicy);
SAME_TYPE(get_mempolicy_fn, get_mempolicy);
#endif

static syscall_fn real_syscall;
static move_pages_fn real_move_pages;
static migrate_pages_fn real_migrate_pages;
static mbind_fn real_mbind;
static set_mempolicy_fn real_set_mempolicy;
static get_mempolicy_fn real_get_mempolicy;
static set_mempolicy_home_node_fn real_set_mempolicy_home_node;

/*
 * "direct" marks a function the shim calls the kernel for itself, so that
 * the lookup is not repeated on every call: one that no library after the
 * shim defines (no libnuma loaded), or libnuma's, which is syscall() and
 * nothing else (numactl's syscall.c). Going through libnuma's would only
 * come back through the shim's own syscall() (numashim.c).
 */
static char direct;

static bool plain_wrapper(void *fn)
{
	static const char libnuma[] = "libnuma.so";
	const char *base;
	Dl_info info;

	if (!dladdr(fn, &info) || !info.dli_fname)
		return false;
	base = strrchr(info.dli_fname, '/');
	base = base ? base + 1 : info.dli_fname;
	return !strncmp(base, libnuma, sizeof(libnuma) - 1);
}

static void * __attribute__((noinline))
lookup_first(void **slot, const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);

	if (!fn || plain_wrapper(fn))
		fn = &direct;
	__atomic_store_n(slot, fn, __ATOMIC_RELEASE);
	return fn;
}

/* Every call's, in the caller: one load once the constructor ran. */
static inline void *lookup(void **slot, const char *name)
{
	void *fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE);

	if (__builtin_expect(!fn, 0))
		fn = lookup_first(slot, name);
	return fn == &direct ? NULL : fn;
}

void numashim_real_init(void)
{
	lookup((void **) &real_syscall, "syscall");
	lookup((void **) &real_move_pages, "move_pages");
	lookup((void **) &real_migrate_pages, "migrate_pages");
	lookup((void **) &real_mbind, "mbind");
	lookup((void **) &real_set_mempolicy, "set_mempolicy");
	lookup((void **) &real_get_mempolicy, "get_mempolicy");
	lookup((void **) &real_set_mempolicy_home_node,
	       "set_mempolicy_home_node");
}

long numashim_real_syscall(long nr, const long raw[6])
{
	syscall_fn fn = lookup((void **) &real_syscall, "syscall");

	return fn(nr, raw[0], raw[1], raw[2], raw[3], raw[4], raw[5]);
}

#define UNPAREN(...) __VA_ARGS__

/*
 * numashim_real_CALL: a call through syscall() goes back to it with its
 * raw arguments; one through the function, to the next definition with
 * fn_args, or to the kernel with sys_args, each widened to the long that
 * syscall() reads.
 */
#define DEFINE_REAL(call, nr, fn_args, sys_args)			\
long numashim_real_##call(const struct numashim_##call##_args *a,	\
			  const long *raw)				\
{									\
	call##_fn fn;							\
	long ret;							\
									\
	if (raw)							\
		return numashim_real_syscall(nr, raw);			\
	fn = lookup((void **) &real_##call, #call);			\
	if (!fn) {							\
		syscall_fn sys = lookup((void **) &real_syscall,	\
					"syscall");			\
									\
		return sys(nr, UNPAREN sys_args);			\
	}								\
	numashim_td.forwarding = 1;					\
	ret = fn fn_args;						\
	numashim_td.forwarding = 0;					\
	return ret;							\
}

DEFINE_REAL(move_pages, SYS_move_pages,
	    (a->pid, a->count, a->pages, a->nodes, a->status, a->flags),
	    ((long) a->pid, (long) a->count, (long) a->pages,
	     (long) a->nodes, (long) a->status, (long) a->flags))
DEFINE_REAL(migrate_pages, SYS_migrate_pages,
	    (a->pid, a->maxnode, a->old_nodes, a->new_nodes),
	    ((long) a->pid, (long) a->maxnode, (long) a->old_nodes,
	     (long) a->new_nodes))
DEFINE_REAL(mbind, SYS_mbind,
	    (a->addr, a->len, (int) a->mode, a->nodemask, a->maxnode,
	     a->flags),
	    ((long) a->addr, (long) a->len, (long) a->mode,
	     (long) a->nodemask, (long) a->maxnode, (long) a->flags))
DEFINE_REAL(set_mempolicy, SYS_set_mempolicy,
	    (a->mode, a->nodemask, a->maxnode),
	    ((long) a->mode, (long) a->nodemask, (long) a->maxnode))
DEFINE_REAL(get_mempolicy, SYS_get_mempolicy,
	    (a->mode, a->nodemask, a->maxnode, a->addr,
	     (unsigned int) a->flags),
	    ((long) a->mode, (long) a->nodemask, (long) a->maxnode,
	     (long) a->addr, (long) a->flags))
/* A library that defines the function some day gets the call. */
DEFINE_REAL(set_mempolicy_home_node, SYS_set_mempolicy_home_node,
	    (a->start, a->len, a->home_node, a->flags),
	    ((long) a->start, (long) a->len, (long) a->home_node,
	     (long) a->flags))
