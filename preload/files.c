// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
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

/*
 * The whole lines of the held bytes of buf, handed over; the start of a
 * line that fills buf too. What is held afterwards, moved to the start.
 */
static size_t hand_lines(char *buf, size_t held, size_t size, bool *skipping,
			 numashim_line_fn *line, void *arg)
{
	char *start = buf, *end = buf + held, *nl;

	while ((nl = memchr(start, '\n', end - start))) {
		*nl = '\0';
		if (!*skipping)
			line(start, arg);
		*skipping = false;
		start = nl + 1;
	}
	held = end - start;
	if (held == size - 1) {
		buf[held] = '\0';
		if (!*skipping)
			line(buf, arg);
		*skipping = true;
		return 0;
	}
	memmove(buf, start, held);
	return held;
}

int numashim_file_lines(int dir, const char *path, char *buf, size_t size,
			numashim_line_fn *line, void *arg)
{
	bool skipping = false;	/* the rest of a line cut short */
	size_t held = 0;
	long fd, n;
	int err = 0;

	if (size < 2)
		return EINVAL;
	fd = numashim_sys(SYS_openat, dir, (long) path,
			  O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return errno;
	while ((n = numashim_sys(SYS_read, fd, (long) (buf + held),
				 size - 1 - held, 0)) > 0)
		held = hand_lines(buf, held + n, size, &skipping, line, arg);
	if (n < 0)
		err = errno;
	else if (held && !skipping) {
		buf[held] = '\0';
		line(buf, arg);
	}
	numashim_sys(SYS_close, fd, 0, 0, 0);
	return err;
}

char *numashim_put_decimal(char *to, uint64_t v)
{
	char digits[20];
	int n = 0;

	do
		digits[n++] = '0' + v % 10;
	while ((v /= 10));
	while (n)
		*to++ = digits[--n];
	return to;
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

const char *numashim_hex(const char *s, uint64_t *v)
{
	const char *start = s;
	unsigned int d;

	for (*v = 0;; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else
			break;
		*v = *v << 4 | d;
	}
	return s == start ? NULL : s;
}

char *numashim_proc_path(char *path, int pid, const char *name)
{
	char *at = stpcpy(path, "/proc/");

	at = pid ? numashim_put_decimal(at, pid) : stpcpy(at, "self");
	*at++ = '/';
	return stpcpy(at, name);
}
