// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "reader.h"

#define PREFIX "numashim report: "

/*
 * AddressSanitizer has reserved terabytes of address space for its shadow
 * memory before main(): under it, any limit would fail every allocation.
 */
static void limit_memory(void)
{
#ifndef __SANITIZE_ADDRESS__
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	struct rlimit half;

	if (pages <= 0 || size <= 0)
		return;
	half.rlim_cur = half.rlim_max = (rlim_t) pages * size / 2;
	setrlimit(RLIMIT_AS, &half);
#endif
}

/*
 * The child dies with the parent that waits for it, killed by timeout or
 * by a user, rather than read on as an orphan; the parent may have died
 * before the child asked.
 */
static void die_with(pid_t parent)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != parent)
		_exit(1);
}

static double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/*
 * Wait for the child as long as its count of messages moves; kill it once
 * the count stood still for stall seconds. A pidfd wakes us as soon as
 * the child ends; without one (Linux before 5.3), poll() merely sleeps.
 * Returns what waitpid() does; *read, the messages read, once stalled.
 */
static pid_t watch(pid_t pid, int *status, unsigned int stall,
		   uint64_t *read)
{
	struct pollfd child = {
		.fd = syscall(SYS_pidfd_open, pid, 0), .events = POLLIN,
	};
	uint64_t first = progress_count(), seen = first, now;
	double since = seconds_now();
	pid_t ret;

	while (!(ret = waitpid(pid, status, WNOHANG))) {
		poll(&child, child.fd >= 0, 100);
		now = progress_count();
		if (now != seen) {
			seen = now;
			since = seconds_now();
		} else if (seconds_now() - since >= stall) {
			*read = seen - first;
			kill(pid, SIGKILL);
			ret = waitpid(pid, status, 0);
			break;
		}
	}
	if (child.fd >= 0)
		close(child.fd);
	return ret;
}

/*
 * The reading child's end, told as an error unless it exited: killed as
 * it made no progress for stall seconds (0: not watched), or by a signal
 * of its own.
 */
static int child_end(pid_t pid, const char *const *paths, size_t count,
		     unsigned int stall)
{
	uint64_t read = UINT64_MAX;
	int status;
	pid_t ret;

	ret = stall ? watch(pid, &status, stall, &read) :
		      waitpid(pid, &status, 0);
	if (ret > 0 && WIFEXITED(status))
		return WEXITSTATUS(status);
	if (read != UINT64_MAX) {
		fputs(PREFIX, stderr);
		numashim_report_put_paths(paths, count);
		fprintf(stderr, ": babeltrace2 made no progress for %u s after "
			"%" PRIu64 " messages; a trace is likely damaged\n",
			stall, read);
	} else {
		fputs(PREFIX "reading ", stderr);
		numashim_report_put_paths(paths, count);
		fprintf(stderr, " failed (%s): a trace is damaged beyond what "
			"babeltrace2 can read\n",
			ret > 0 && WIFSIGNALED(status) ?
			strsignal(WTERMSIG(status)) : strerror(errno));
	}
	return 1;
}

/*
 * libbabeltrace2 2.0 aborts on some damaged traces (glib gives up
 * allocating a sequence whose length field was garbled to billions), and
 * reads others without end, so the traces are read in a child process,
 * whose death or stall is then told as an error rather than taking the
 * caller with it. The child may use half of the machine's memory, so that
 * such an allocation fails at once instead of calling in the kernel's
 * out-of-memory killer.
 */
int reader_summary(FILE *out, const char *const *paths, size_t count,
		   const struct numashim_report_options *options,
		   unsigned int stall)
{
	pid_t pid, parent = getpid();
	int status;

	if (!progress_share())
		stall = 0;

	fflush(out);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return numashim_report_summary(out, paths, count, options);
	if (!pid) {
		die_with(parent);
		limit_memory();
		status = numashim_report_summary(out, paths, count, options);
		fflush(out);
		_exit(status);
	}
	return child_end(pid, paths, count, stall);
}
