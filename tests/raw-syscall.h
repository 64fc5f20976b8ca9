/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A system call that no preloaded library sees, for a test's own checks
 * beside the calls it makes through the shim: glibc's syscall(), even
 * found with dlsym() on libc's handle, is the shim's wrapper. Answers as
 * syscall() does: -1 and errno on failure.
 */
#ifndef NUMASHIM_RAW_SYSCALL_H
#define NUMASHIM_RAW_SYSCALL_H

#include <errno.h>
#include <stdarg.h>

static long raw_syscall(long nr, ...)
{
	long a[6], ret;
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
#if defined(__x86_64__)
	{
		register long r10 __asm__("r10") = a[3];
		register long r8 __asm__("r8") = a[4];
		register long r9 __asm__("r9") = a[5];

		__asm__ volatile("syscall"
				 : "=a"(ret)
				 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]),
				   "r"(r10), "r"(r8), "r"(r9)
				 : "rcx", "r11", "memory");
	}
#elif defined(__aarch64__)
	{
		register long x8 __asm__("x8") = nr;
		register long x0 __asm__("x0") = a[0];
		register long x1 __asm__("x1") = a[1];
		register long x2 __asm__("x2") = a[2];
		register long x3 __asm__("x3") = a[3];
		register long x4 __asm__("x4") = a[4];
		register long x5 __asm__("x5") = a[5];

		__asm__ volatile("svc 0"
				 : "+r"(x0)
				 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4),
				   "r"(x5)
				 : "memory");
		ret = x0;
	}
#else
#error "raw_syscall: no system call instruction known for this machine"
#endif
	if ((unsigned long) ret > -4096UL) {
		errno = (int) -ret;
		return -1;
	}
	return ret;
}

#endif /* NUMASHIM_RAW_SYSCALL_H */
