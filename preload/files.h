/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_FILES_H
#define NUMASHIM_FILES_H

#include <stddef.h>
#include <stdint.h>

/*
 * The kernel's own text files (sysfs, procfs), read inside the
 * program's call: through glibc's syscall(), which the shim does not
 * wrap and a program's open() interposer never sees, into the caller's
 * buffer, with every descriptor closed before returning. Each touches
 * errno: the caller restores the program's.
 */

/* The system call nr with up to four arguments. */
long numashim_sys(long nr, long a, long b, long c, long d);

/*
 * The start of the file path (relative to the folder dir, or to the
 * working folder with AT_FDCWD), up to size - 1 bytes, NUL-terminated:
 * its length, or -1 when it cannot be read.
 */
long numashim_file_read(int dir, const char *path, char *buf, size_t size);

/*
 * The decimal number at s into *v, held at INT64_MAX at most: what
 * follows it, or NULL when s does not start with a digit.
 */
const char *numashim_decimal(const char *s, uint64_t *v);

#endif /* NUMASHIM_FILES_H */
