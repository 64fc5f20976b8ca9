// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim record --pid: a process that runs the shim with its provider
 * loaded (numashim preload, or LD_PRELOAD with NUMASHIM_RECORD=1) fires
 * no event until a session enables them, and costs only the enabled
 * check; a session that keeps its run's events records it, and the
 * processes it starts later, from then on. Nothing is done to the
 * process itself: no signal, no ptrace. Its run's number is in the
 * environment it was started with, which /proc gives to its owner.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "attach.h"
#include "child.h"

#define EXIT_RECORD_FAILED 125

/* The whole of /proc/PID/file, NUL-terminated, into *text: its length, or -1 and errno. */
static ssize_t proc_read(pid_t pid, const char *file, char **text)
{
	char path[64];
	size_t len = 0, size = 4096;
	ssize_t n;
	char *buf = malloc(size + 1), *bigger;
	int fd, err;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int) pid, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !buf) {
		err = fd < 0 ? errno : ENOMEM;
		goto fail;
	}
	while ((n = read(fd, buf + len, size - len)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			goto fail;
		}
		len += n;
		if (len == size) {
			bigger = realloc(buf, 2 * size + 1);
			if (!bigger) {
				err = ENOMEM;
				goto fail;
			}
			buf = bigger;
			size *= 2;
		}
	}
	close(fd);
	buf[len] = '\0';
	*text = buf;
	return len;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	errno = err;
	return -1;
}

/* The value of variable name in an environ of len bytes; NULL: unset. */
static const char *environ_value(const char *env, size_t len, const char *name)
{
	size_t name_len = strlen(name);
	const char *at, *end = env + len;

	for (at = env; at < end; at += strlen(at) + 1)
		if (!strncmp(at, name, name_len) && at[name_len] == '=')
			return at + name_len + 1;
	return NULL;
}

static int cannot(pid_t pid, const char *why)
{
	fprintf(stderr, "numashim record: process %d: %s\n", (int) pid, why);
	return -1;
}

/* Why file of /proc/PID could not be read, err. */
static int unreadable(pid_t pid, const char *file, int err)
{
	char path[64];
	struct stat st;

	if (err == ENOENT || err == ESRCH)
		return cannot(pid, "no such process");
	snprintf(path, sizeof(path), "/proc/%d", (int) pid);
	if ((err == EACCES || err == EPERM) && !stat(path, &st) &&
	    st.st_uid != geteuid()) {
		fprintf(stderr, "numashim record: process %d: another user's (uid %u): record it as that user, or as root\n",
			(int) pid, (unsigned int) st.st_uid);
		return -1;
	}
	fprintf(stderr, "numashim record: process %d: cannot read %s/%s: %s\n",
		(int) pid, path, file, strerror(err));
	return -1;
}

/* Whether the process mapped the tracepoint provider, with which it records. */
static int provider_loaded(pid_t pid, bool *loaded)
{
	char *maps;

	if (proc_read(pid, "maps", &maps) < 0)
		return unreadable(pid, "maps", errno);
	*loaded = strstr(maps, "/libnumashim-tp.so") != NULL;
	free(maps);
	return 0;
}

int attach_find(pid_t pid, uint64_t *run, int *vpid_only,
		struct run_gate *gate)
{
	char *env;
	ssize_t len;
	bool loaded = false;

	len = proc_read(pid, "environ", &env);
	if (len < 0)
		return unreadable(pid, "environ", errno);
	if (provider_loaded(pid, &loaded)) {
		free(env);
		return -1;
	}
	*run = numashim_run_parse(environ_value(env, len, "NUMASHIM_RUN"));
	free(env);
	if (!loaded)
		return cannot(pid, "it does not run the shim ready to record: start it with 'numashim preload -- COMMAND', or with LD_PRELOAD=libnumashim.so and NUMASHIM_RECORD=1");
	*vpid_only = *run ? 0 : pid;
	return run_gate_find(gate, *run, pid);
}

/* The descriptors attach_wait() polls: the process's, then record's signals. */
static int wait_fds(pid_t pid, struct pollfd *fds)
{
	sigset_t ending;

	child_signals_ending(&ending);
	fds[0] = (struct pollfd) {
		.fd = syscall(SYS_pidfd_open, pid, 0), .events = POLLIN,
	};
	fds[1] = (struct pollfd) {
		.fd = signalfd(-1, &ending, SFD_CLOEXEC), .events = POLLIN,
	};
	if (fds[0].fd < 0 && errno == ESRCH)
		return 0;	/* it ended already: the wait is over */
	if (fds[0].fd < 0 || fds[1].fd < 0) {
		perror("numashim record: cannot wait for the process");
		return -1;
	}
	return 1;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* What is left until end for poll(2): -1 without end. */
static int timeout_left(int64_t end)
{
	int64_t left = end - now_ms();

	if (!end)
		return -1;
	return left <= 0 ? 0 : left > INT32_MAX ? INT32_MAX : left;
}

int attach_wait(pid_t pid, double seconds)
{
	int64_t end = seconds ? now_ms() + (int64_t) (seconds * 1000) : 0;
	struct pollfd fds[2];
	int ready = wait_fds(pid, fds);
	int ret = ready < 0 ? EXIT_RECORD_FAILED : 0;

	/* Until the process ends, a signal comes or the time is up. */
	while (ready > 0 && (ready = poll(fds, 2, timeout_left(end))) < 0 &&
	       errno == EINTR)
		ready = 1;
	if (ready < 0 && !ret) {
		perror("numashim record: poll");
		ret = EXIT_RECORD_FAILED;
	}
	if (fds[0].fd >= 0)
		close(fds[0].fd);
	if (fds[1].fd >= 0)
		close(fds[1].fd);
	return ret;
}
