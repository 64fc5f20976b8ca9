// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Functions the program looks up by name. dlsym(dlopen("libc.so.6"),
 * "syscall") or dlsym(dlopen("libnuma.so.1"), "move_pages") (Python's
 * ctypes) searches that library's own scope, where the shim is not: such
 * a program would call libc or libnuma straight. So the shim interposes
 * dlsym() and dlvsym() too, and hands out its own wrapper in place of the
 * function the wrapper stands for; the program then calls the wrapper as
 * it would have called the function, from its own call site.
 *
 * Everything else is answered by glibc, exactly as without the shim:
 * other names, names a library lacks (NULL, and dlerror()'s text), and
 * RTLD_NEXT and RTLD_DEFAULT, which glibc resolves relative to the object
 * that called dlsym(), found from its return address. Those go to glibc by
 * a tail call, which leaves the caller's return address in place; they need
 * nothing more, since their search goes through the global scope, where
 * the shim's wrappers come before libc and libnuma.
 *
 * glibc 2.34 and later export no entry that takes the caller's address,
 * and the shim cannot ask dlsym() for the real dlsym(): the lookup would
 * land on its own. The real ones are read from the dynamic symbol table of
 * the first object after the shim that defines them, as RTLD_NEXT would
 * find them.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "numashim-calls.h"

#define NUMASHIM_EXPORT __attribute__((visibility("default")))

/*
 * The forwarding must be a tail call whatever the optimisation level the
 * shim is built with: a call would make the shim the caller.
 */
#if defined(__clang__)
#define TAIL_CALLER
#define TAIL __attribute__((musttail))
#else
#define TAIL_CALLER __attribute__((optimize("O2", "optimize-sibling-calls")))
#define TAIL
#endif

typedef void *(*dlsym_fn)(void *, const char *);
typedef void *(*dlvsym_fn)(void *, const char *, const char *);

static dlsym_fn real_dlsym;
static dlvsym_fn real_dlvsym;

/* The GNU hash of a symbol name (the ELF gABI's DT_GNU_HASH). */
static uint32_t gnu_hash(const char *name)
{
	uint32_t h = 5381;

	for (; *name; name++)
		h = h * 33 + (unsigned char) *name;
	return h;
}

/*
 * A dynamic section pointer: glibc relocates most objects' in place, but
 * not every one (the vDSO's, and all of them on some architectures).
 */
static const void *dyn_ptr(const struct dl_phdr_info *info, ElfW(Addr) p)
{
	return (const void *) (p < info->dlpi_addr ? p + info->dlpi_addr : p);
}

/* The function the object defines under name, through its DT_GNU_HASH. */
static void *defined(const struct dl_phdr_info *info, const ElfW(Dyn) *dyn,
		     const char *name)
{
	const uint32_t *ht = NULL, *buckets, *chain;
	const ElfW(Sym) *symtab = NULL, *sym;
	const char *strtab = NULL;
	uint32_t h = gnu_hash(name), i;

	for (; dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_GNU_HASH)
			ht = dyn_ptr(info, dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_SYMTAB)
			symtab = dyn_ptr(info, dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_STRTAB)
			strtab = dyn_ptr(info, dyn->d_un.d_ptr);
	}
	if (!ht || !symtab || !strtab || !ht[0])
		return NULL;
	/*
	 * nbuckets, symoffset (the first hashed symbol), bloom words, bloom
	 * shift; the bloom filter, the buckets, then one hash per hashed
	 * symbol, the last of a bucket's chain with its low bit set.
	 */
	buckets = (const uint32_t *) ((const ElfW(Addr) *) &ht[4] + ht[2]);
	chain = buckets + ht[0];
	for (i = buckets[h % ht[0]]; i >= ht[1]; i++) {
		uint32_t chain_hash = chain[i - ht[1]];

		sym = &symtab[i];
		if ((chain_hash | 1) == (h | 1) && sym->st_shndx != SHN_UNDEF &&
		    ELF64_ST_TYPE(sym->st_info) == STT_FUNC && /* both classes */
		    !strcmp(strtab + sym->st_name, name))
			return (void *) (info->dlpi_addr + sym->st_value);
		if (chain_hash & 1)
			break;
	}
	return NULL;
}

static bool holds(const struct dl_phdr_info *info, const void *addr)
{
	ElfW(Half) i;

	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		ElfW(Addr) start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type == PT_LOAD &&
		    (ElfW(Addr)) addr - start < ph->p_memsz)
			return true;
	}
	return false;
}

static const ElfW(Dyn) *dynamic(const struct dl_phdr_info *info)
{
	ElfW(Half) i;

	for (i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
			return (const void *) (info->dlpi_addr +
					       info->dlpi_phdr[i].p_vaddr);
	return NULL;
}

struct real_search {
	bool past_self;
	dlsym_fn dlsym;
	dlvsym_fn dlvsym;
};

/* Objects come in load order, which is the global scope's. */
static int search_object(struct dl_phdr_info *info, size_t size, void *data)
{
	struct real_search *s = data;
	const ElfW(Dyn) *dyn = dynamic(info);

	(void) size;
	if (holds(info, (const void *) search_object)) {
		s->past_self = true;
		return 0;
	}
	if (!s->past_self || !dyn)
		return 0;
	s->dlsym = (dlsym_fn) defined(info, dyn, "dlsym");
	s->dlvsym = (dlvsym_fn) defined(info, dyn, "dlvsym");
	return s->dlsym && s->dlvsym;
}

/*
 * Also for lookups made before the shim's constructor ran (by another
 * library's), and by racing threads, which all store the same pointers.
 * A shim loaded by dlopen() rather than preloaded comes after libc: then
 * the objects before it are searched too.
 */
static void find_real(void)
{
	struct real_search s = { 0 };

	if (__atomic_load_n(&real_dlvsym, __ATOMIC_ACQUIRE))
		return;
	dl_iterate_phdr(search_object, &s);
	if (!s.dlvsym) {
		s.past_self = true;
		dl_iterate_phdr(search_object, &s);
	}
	__atomic_store_n(&real_dlsym, s.dlsym, __ATOMIC_RELAXED);
	__atomic_store_n(&real_dlvsym, s.dlvsym, __ATOMIC_RELEASE);
}

/*
 * What the shim hands out for a name it wraps: its wrapper, and the
 * function the wrapper forwards to (NULL where the process has none,
 * libnuma's when no libnuma is in the global scope: the wrapper then makes
 * the system call itself).
 */
struct wrapped {
	void *wrapper;
	void *target;
	bool ready;
};

static struct wrapped wrapped[NUMASHIM_CALL_COUNT + 1];

static struct wrapped *wrapped_slot(const char *name)
{
	size_t i;

	for (i = 0; i < NUMASHIM_CALL_COUNT; i++)
		if (!strcmp(name, numashim_calls[i].name))
			return &wrapped[i];
	return strcmp(name, "syscall") ? NULL : &wrapped[i];
}

struct self_search {
	const char *name;
	void *fn;
};

static int search_self(struct dl_phdr_info *info, size_t size, void *data)
{
	struct self_search *s = data;
	const ElfW(Dyn) *dyn = dynamic(info);

	(void) size;
	if (!holds(info, (const void *) search_self))
		return 0;
	s->fn = dyn ? defined(info, dyn, s->name) : NULL;
	return 1;
}

/*
 * The wrapper is read from the shim's own symbol table (a handle of an
 * object loaded with the program has no search list to give dlsym()); the
 * target is looked up after the shim, as preload/real.c finds it. Done
 * before the program's own lookup, whose answer then sets dlerror() as it
 * would have.
 */
static const struct wrapped *wrapped_get(const char *name)
{
	struct wrapped *w = wrapped_slot(name);
	struct self_search self = { name, NULL };

	if (!w || __atomic_load_n(&w->ready, __ATOMIC_ACQUIRE))
		return w;
	dl_iterate_phdr(search_self, &self);
	__atomic_store_n(&w->wrapper, self.fn, __ATOMIC_RELAXED);
	__atomic_store_n(&w->target, real_dlsym(RTLD_NEXT, name),
			 __ATOMIC_RELAXED);
	__atomic_store_n(&w->ready, true, __ATOMIC_RELEASE);
	return w;
}

/*
 * libnuma's numaif.h functions are syscall() with their number: where the
 * shim has no libnuma to forward to, its wrapper's system call is the same
 * call.
 */
static bool in_libnuma(void *fn)
{
	const char *base;
	Dl_info info;

	if (!dladdr(fn, &info) || !info.dli_fname)
		return false;
	base = strrchr(info.dli_fname, '/');
	base = base ? base + 1 : info.dli_fname;
	return !strncmp(base, "libnuma.so", strlen("libnuma.so"));
}

/* The program's answer, or the wrapper of the function it found. */
static void *substitute(const struct wrapped *w, void *fn)
{
	if (!fn || !w || !w->wrapper)
		return fn;
	if (fn == w->target || (!w->target && in_libnuma(fn)))
		return w->wrapper;
	return fn;
}

static bool caller_relative(void *handle)
{
	return handle == RTLD_NEXT || handle == RTLD_DEFAULT;
}

NUMASHIM_EXPORT TAIL_CALLER
void *dlsym(void *handle, const char *name)
{
	const struct wrapped *w;

	find_real();
	if (caller_relative(handle))
		TAIL return real_dlsym(handle, name);
	w = wrapped_get(name);
	return substitute(w, real_dlsym(handle, name));
}

struct order_search {
	const void *caller;
	bool before;
};

static int search_order(struct dl_phdr_info *info, size_t size, void *data)
{
	struct order_search *s = data;

	(void) size;
	if (holds(info, (const void *) search_order))
		return 1;
	s->before = holds(info, s->caller);
	return s->before;
}

/* Whether the caller's object comes before the shim in the global scope. */
static bool before_self(const void *caller)
{
	struct order_search s = { caller, false };

	dl_iterate_phdr(search_order, &s);
	return s.before;
}

/*
 * A version rules the shim's unversioned wrappers out of dlvsym()'s
 * search: dlvsym(RTLD_DEFAULT or RTLD_NEXT, "syscall", "GLIBC_2.2.5") finds
 * libc's even for a program before the shim. For such a caller the lookup
 * made from the shim has the same answer; a caller after it (a library that
 * wraps the function itself) must get the function past it, not the shim's,
 * which would forward to it. Any other answer is glibc's own, asked again
 * by a tail call so that it is the caller's, and so is dlerror()'s text.
 */
NUMASHIM_EXPORT TAIL_CALLER
void *dlvsym(void *handle, const char *name, const char *version)
{
	const struct wrapped *w;
	void *fn;

	find_real();
	w = wrapped_get(name);
	if (!caller_relative(handle))
		return substitute(w, real_dlvsym(handle, name, version));
	if (w && before_self(__builtin_return_address(0))) {
		fn = real_dlvsym(handle, name, version);
		if (fn && substitute(w, fn) != fn)
			return substitute(w, fn);
	}
	TAIL return real_dlvsym(handle, name, version);
}
