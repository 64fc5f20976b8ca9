// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The arrays the program hands to the kernel may be NULL, dangling or run
 * into an unmapped page; the kernel answers EFAULT for them and the shim
 * must not crash where the kernel does not. process_vm_readv() on our own
 * process reads through the kernel, which reports a bad address instead of
 * raising SIGSEGV, and is never refused for the caller's own process.
 *
 * Reading must not change the program's memory either: a read of a page
 * the program never touched maps it (the zero page), and a later
 * move_pages query would see it present. So only pages that mincore()
 * reports in memory are read.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>

#include "self.h"
#include "usermem.h"

#define MINCORE_BATCH 16

/* How many bytes from src on are in memory, up to len. */
static size_t resident_bytes(const void *src, size_t len, int *err)
{
	const uintptr_t page = numashim_self_page_size();
	const uintptr_t begin = (uintptr_t) src;
	uintptr_t at = begin & ~(page - 1);
	unsigned char vec[MINCORE_BATCH];
	size_t i, n;

	while (at < begin + len) {
		n = (begin + len - at + page - 1) / page;
		if (n > MINCORE_BATCH)
			n = MINCORE_BATCH;
		if (mincore((void *) at, n * page, vec)) {
			*err = errno == ENOMEM ? EFAULT : errno;
			return at > begin ? at - begin : 0;
		}
		for (i = 0; i < n; i++, at += page) {
			if (!(vec[i] & 1)) {
				*err = ENODATA;
				return at > begin ? at - begin : 0;
			}
		}
	}
	return len;
}

static size_t read_own(void *dst, const void *src, size_t len, int *err)
{
	struct iovec local = { .iov_base = dst, .iov_len = len };
	struct iovec remote = { .iov_base = (void *) src, .iov_len = len };
	ssize_t n;

	if (!len)
		return 0;
	n = process_vm_readv(numashim_self_pid(), &local, 1, &remote, 1, 0);
	if (n < 0) {
		*err = errno;
		return 0;
	}
	if ((size_t) n < len)
		*err = EFAULT;
	return n;
}

size_t numashim_copy_in(void *dst, const void *src, size_t len, int *err)
{
	if (!len)
		return 0;
	return read_own(dst, src, resident_bytes(src, len, err), err);
}

void numashim_copy_accessed(void *dst, const void *src, size_t len)
{
	memcpy(dst, src, len);
}
