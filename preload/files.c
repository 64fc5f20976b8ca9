// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>

#include "files.h"
#include "real.h"

long numashim_sys(long nr, long a, long b, long c, long d)
{
	const long raw[6] = { a, b, c, d };

	return numashim_real_syscall(nr, raw);
}

/* A sysfs or procfs file gives its text in a few reads at most. */
long numashim_file_read(int dir, const char *path, char *buf, size_t size)
{
	long fd, n, len = 0;

	if (!size)
		return -1;
	fd = numashim_sys(SYS_openat, dir, (long) path,
			  O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	while ((size_t) len < size - 1 &&
	       (n = numashim_sys(SYS_read, fd, (long) (buf + len),
				 size - 1 - len, 0)) > 0)
		len += n;
	numashim_sys(SYS_close, fd, 0, 0, 0);
	buf[len] = '\0';
	return len;
}

const char *numashim_decimal(const char *s, uint64_t *v)
{
	if (*s < '0' || *s > '9')
		return NULL;
	for (*v = 0; *s >= '0' && *s <= '9'; s++)
		*v = *v > (INT64_MAX - 9) / 10 ? INT64_MAX :
						 *v * 10 + (*s - '0');
	return s;
}
