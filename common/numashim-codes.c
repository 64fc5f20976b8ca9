// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The explanations of the codes, after move_pages(2), migrate_pages(2),
 * mbind(2), set_mempolicy(2), get_mempolicy(2), the kernel's
 * Documentation/mm/page_migration.rst and mm/mempolicy.c, with what
 * differs between kernel versions.
 */
#include <stddef.h>

#include "numashim-codes.h"

#define NAME_ENTRY(code) [code] = #code,

static const char *const names[] = {
	NUMASHIM_ERRNOS(NAME_ENTRY)
};

const char *numashim_code_name(int code)
{
	if (code <= 0 || (size_t) code >= sizeof(names) / sizeof(*names))
		return NULL;
	return names[code];
}

#define PAGE (1U << NUMASHIM_SCOPE_PAGE)
#define MOVE (1U << NUMASHIM_SCOPE_MOVE_PAGES)
#define MIGRATE (1U << NUMASHIM_SCOPE_MIGRATE_PAGES)
#define MBIND (1U << NUMASHIM_SCOPE_MBIND)
#define SET (1U << NUMASHIM_SCOPE_SET_MEMPOLICY)
#define GET (1U << NUMASHIM_SCOPE_GET_MEMPOLICY)
#define HOME (1U << NUMASHIM_SCOPE_SET_MEMPOLICY_HOME_NODE)

static const struct explanation {
	int code;
	unsigned int scopes;
	struct numashim_code_text text;
} explanations[] = {
	/* move_pages' per-page statuses. */
	{ EACCES, PAGE, {
		"the page is mapped by several processes, and such a page "
		"moves only with MPOL_MF_MOVE_ALL",
		"pass MPOL_MF_MOVE_ALL (it needs CAP_SYS_NICE), or leave "
		"shared pages (shared libraries, shared memory) where they are" } },
	{ EBUSY, PAGE, {
		"the page was busy: under I/O, locked, or held by another "
		"part of the kernel (pinned for DMA, RDMA, io_uring or "
		"vfio), so it could not be taken off its node",
		"try again later; pinned pages do not move until they are "
		"unpinned" } },
	{ EFAULT, PAGE, {
		"there is no page to move at that address: it is not mapped "
		"by the process, its mapping cannot migrate (device or "
		"VM_PFNMAP memory), or it holds the shared zero page (read "
		"but never written). Kernels differ for a page never "
		"touched: Linux 6.1 answers -EFAULT, recent kernels -ENOENT",
		"check the address; write to the memory before moving it; "
		"count -EFAULT and -ENOENT together when comparing kernels" } },
	{ EIO, PAGE, {
		"the page is dirty and had to be written back to move, and "
		"the write-back failed: its filesystem has no migration "
		"function that moves dirty pages",
		"write the file back first (fsync, msync), and check the "
		"filesystem for I/O errors" } },
	{ EINVAL, PAGE, {
		"the page is dirty and its filesystem can neither move dirty "
		"pages nor write them back",
		"such file pages cannot move; place the memory before it is "
		"written, or use anonymous memory" } },
	{ ENOENT, PAGE, {
		"the page is not present: nothing was ever written there, so "
		"no memory backs it yet (Linux 6.1 answers -EFAULT instead "
		"for a page never touched)",
		"nothing to move: touch the memory first, or bind it with "
		"mbind before the first touch so that it is born on its node" } },
	{ ENOMEM, PAGE, {
		"no page could be allocated on the target node",
		"free memory on the target node, choose another node, and "
		"check the cpuset's and memory cgroup's limits" } },

	/* Errors of whole calls. */
	{ E2BIG, MOVE, {
		"too many pages in one call: only kernels before 2.6.29 "
		"limit the count",
		"split the call into smaller ones" } },
	{ EACCES, MOVE, {
		"a target node is not allowed by the target process's cpuset",
		"choose nodes of the cpuset (Mems_allowed in "
		"/proc/PID/status), or widen cpuset.mems" } },
	{ EFAULT, MOVE, {
		"the pages, nodes or status array could not be read or "
		"written: a bad pointer or a count too large for the array",
		"check the pointers and count; the trace's array_incomplete "
		"events tell which array ran into unmapped memory" } },
	{ EINVAL, MOVE, {
		"flags holds more than MPOL_MF_MOVE and MPOL_MF_MOVE_ALL, or "
		"pid names a kernel thread",
		"pass only MPOL_MF_MOVE or MPOL_MF_MOVE_ALL" } },
	{ ENODEV, MOVE, {
		"a target node does not exist, is offline or has no memory",
		"check the nodes with memory (numactl --hardware, "
		"/sys/devices/system/node/has_memory)" } },
	{ ENOENT, MOVE, {
		"no page needed moving: all were on their target node "
		"already, absent, or shared (old kernels only; recent ones "
		"report this page by page)",
		"read the status array, or upgrade the kernel" } },
	{ EFAULT, MIGRATE, {
		"old_nodes or new_nodes could not be read",
		"check the node mask pointers and maxnode; the trace's "
		"array_incomplete events tell which mask ran into unmapped "
		"memory" } },
	{ EINVAL, MIGRATE, {
		"maxnode is beyond the kernel's limit, or a node of "
		"old_nodes or new_nodes is offline, not allowed by the "
		"cpuset, or without memory",
		"pass maxnode no larger than the number of possible nodes "
		"plus one, and only online nodes with memory" } },
	{ EFAULT, MBIND, {
		"the nodemask could not be read, or the range addr..addr+len "
		"has an unmapped hole",
		"check the nodemask pointer, maxnode, and that the whole "
		"range is mapped" } },
	{ EINVAL, MBIND, {
		"an invalid mode or flags; addr not page-aligned or "
		"addr+len wrapping around; an empty nodemask for "
		"MPOL_BIND or MPOL_INTERLEAVE, or a non-empty one for "
		"MPOL_DEFAULT; maxnode or a node beyond the kernel's limit; "
		"no node of the mask online and allowed; or both "
		"MPOL_F_STATIC_NODES and MPOL_F_RELATIVE_NODES",
		"check the mode, flags, alignment and nodemask against "
		"mbind(2)" } },
	{ EIO, MBIND, {
		"MPOL_MF_STRICT was given and a page of the range is on a "
		"node outside the policy, or MPOL_MF_MOVE(_ALL) was given "
		"and not every page could be moved",
		"retry the call (busy pages may move later); pages shared "
		"with other processes move only with MPOL_MF_MOVE_ALL" } },
	{ EFAULT, SET, {
		"the nodemask could not be read",
		"check the nodemask pointer and maxnode; the trace's "
		"array_incomplete events tell where the mask ran into "
		"unmapped memory" } },
	{ EINVAL, SET, {
		"an invalid mode or mode flags; an empty nodemask for "
		"MPOL_BIND or MPOL_INTERLEAVE, or a non-empty one for "
		"MPOL_DEFAULT or MPOL_LOCAL; maxnode beyond a page of bits; "
		"no node of the mask online and allowed; or both "
		"MPOL_F_STATIC_NODES and MPOL_F_RELATIVE_NODES",
		"check the mode, its flags and the nodemask against "
		"set_mempolicy(2)" } },
	{ EFAULT, GET, {
		"mode or nodemask could not be written, or with MPOL_F_ADDR "
		"no mapping holds addr",
		"check the pointers, maxnode and addr" } },
	{ EINVAL, GET, {
		"unknown flags; maxnode smaller than the number of possible "
		"nodes; addr without MPOL_F_ADDR; MPOL_F_NODE without "
		"MPOL_F_ADDR under a policy other than interleave; or "
		"MPOL_F_MEMS_ALLOWED with MPOL_F_NODE or MPOL_F_ADDR",
		"check the flags and maxnode against get_mempolicy(2)" } },
	{ EINVAL, HOME, {
		"start not page-aligned, flags not 0, home_node not an "
		"online node, or start+len wrapping around",
		"pass a page-aligned range, flags 0 and an online node" } },
	{ EOPNOTSUPP, HOME, {
		"a part of the range has a policy other than MPOL_BIND or "
		"MPOL_PREFERRED_MANY, which alone take a home node",
		"bind the range with mbind(MPOL_BIND or "
		"MPOL_PREFERRED_MANY) first" } },
	{ ENOMEM, SET | HOME, {
		"the kernel could not allocate memory for the policy",
		"free memory" } },
	{ ENOSYS, SET | GET | HOME, {
		"the kernel lacks the call: built without NUMA "
		"(CONFIG_NUMA), older than Linux 5.17 for "
		"set_mempolicy_home_node, or a seccomp filter answers ENOSYS",
		"use a newer kernel with NUMA support, or allow the call in "
		"the seccomp filter" } },
	{ ENOMEM, MOVE | MIGRATE | MBIND, {
		"the kernel could not allocate memory for the call",
		"free memory, or make fewer pages move per call" } },
	{ EPERM, MOVE | MIGRATE, {
		"moving another user's process, or with MPOL_MF_MOVE_ALL or "
		"to nodes outside the target's cpuset, needs CAP_SYS_NICE; "
		"a container's seccomp profile may also refuse the call "
		"with EPERM",
		"run with CAP_SYS_NICE (e.g. docker run --cap-add "
		"SYS_NICE), or move only the caller's own pages" } },
	{ EPERM, MBIND, {
		"MPOL_MF_MOVE_ALL needs CAP_SYS_NICE; a container's seccomp "
		"profile may also refuse the call with EPERM",
		"use MPOL_MF_MOVE, or run with CAP_SYS_NICE (e.g. docker run "
		"--cap-add SYS_NICE)" } },
	{ ESRCH, MOVE | MIGRATE, {
		"no process has that pid (it may have exited)",
		"check the pid, and that the process still runs" } },
	{ ENOSYS, MOVE | MIGRATE | MBIND, {
		"the kernel lacks the call: built without NUMA or page "
		"migration (CONFIG_NUMA, CONFIG_MIGRATION), or a seccomp "
		"filter answers ENOSYS",
		"use a kernel with NUMA support, or allow the call in the "
		"seccomp filter" } },
};

const struct numashim_code_text *numashim_code_explain(
	enum numashim_code_scope scope, int code)
{
	size_t i;

	for (i = 0; i < sizeof(explanations) / sizeof(*explanations); i++)
		if (explanations[i].code == code &&
		    explanations[i].scopes & (1U << scope))
			return &explanations[i].text;
	return NULL;
}
