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

/* Each line handed over, NUL-terminated, without its newline. */
typedef void numashim_line_fn(char *line, void *arg);

/*
 * The lines of the file path (relative to dir as above), of any length,
 * each handed to line() with arg in order, read into buf: a line longer
 * than size - 1 bytes is handed over cut at that length, the rest of it
 * skipped. 0, or the errno that opening or reading gave.
 */
int numashim_file_lines(int dir, const char *path, char *buf, size_t size,
			numashim_line_fn *line, void *arg);

/* v in decimal at to, not terminated: what follows it. */
char *numashim_put_decimal(char *to, uint64_t v);

/*
 * The decimal number at s into *v, held at INT64_MAX at most: what
 * follows it, or NULL when s does not start with a digit.
 */
const char *numashim_decimal(const char *s, uint64_t *v);

/*
 * The lower-case hexadecimal number at s, as procfs prints addresses,
 * into *v: what follows it, or NULL when s does not start with a digit.
 */
const char *numashim_hex(const char *s, uint64_t *v);

/*
 * "/proc/self/name", or "/proc/PID/name" for another process (pid not
 * 0), into path, room for 20 bytes more than name: where it ends.
 */
char *numashim_proc_path(char *path, int pid, const char *name);

#endif /* NUMASHIM_FILES_H */
