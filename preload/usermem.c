// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The arrays the program hands to the kernel may be NULL, dangling or run
 * into an unmapped page; the kernel answers EFAULT for them and the shim
 * must not crash where the kernel does not. process_vm_readv() on our own
 * process reads through the kernel, which reports a bad address instead of
 * raising SIGSEGV, and is never refused for the caller's own process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

#include "usermem.h"

size_t numashim_copy_in(void *dst, const void *src, size_t len, int *err)
{
	struct iovec local = { .iov_base = dst, .iov_len = len };
	struct iovec remote = { .iov_base = (void *) src, .iov_len = len };
	ssize_t n;

	if (!len)
		return 0;
	n = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
	if (n < 0) {
		*err = errno;
		return 0;
	}
	if ((size_t) n < len)
		*err = EFAULT;
	return n;
}
