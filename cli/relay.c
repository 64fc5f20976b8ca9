// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The relay daemon of --relayd, reached once before the session is made,
 * and the folder it writes the trace in.
 * The session daemon finds an unreachable relay daemon only when the
 * channel is enabled, and then closes its socket while liblttng-ctl may
 * still be writing: its answer, which names the cause, is lost one run
 * in three. A connection refused or timed out here names it every time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "relay.h"

/* lttng-relayd's control port when a net:// URL gives none. */
#define RELAY_CONTROL_PORT "5342"
/* As long as a session daemon's connection may reasonably take. */
#define RELAY_CONNECT_MS 5000

/*
 * The host and control port of a net://, net4:// or net6:// URL
 * (lttng-create(1)); false for any other URL, which is the session
 * daemon's to judge.
 */
static bool relay_address(const char *url, char *host, size_t host_len,
			  char *port, size_t port_len)
{
	const char *p = strstr(url, "://"), *end;
	size_t n;

	if (!p || (strncmp(url, "net://", 6) && strncmp(url, "net4://", 7) &&
		   strncmp(url, "net6://", 7)))
		return false;
	p += 3;
	if (*p == '[') {
		end = strchr(++p, ']');
		if (!end)
			return false;
		n = end++ - p;
	} else {
		end = p + strcspn(p, ":/");
		n = end - p;
	}
	if (!n || n >= host_len)
		return false;
	memcpy(host, p, n);
	host[n] = '\0';
	if (*end == ':') {
		n = strcspn(++end, ":/");
		if (!n || n >= port_len)
			return false;
		memcpy(port, end, n);
		port[n] = '\0';
	} else {
		snprintf(port, port_len, "%s", RELAY_CONTROL_PORT);
	}
	return true;
}

/* 0, or the errno of a connection to ai that did not come. */
static int connect_within(const struct addrinfo *ai, int ms)
{
	struct pollfd pfd = { .events = POLLOUT };
	socklen_t len = sizeof(int);
	int err = 0;

	pfd.fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
			SOCK_CLOEXEC, ai->ai_protocol);
	if (pfd.fd < 0)
		return errno;
	if (connect(pfd.fd, ai->ai_addr, ai->ai_addrlen) && errno != EINPROGRESS)
		err = errno;
	else if (poll(&pfd, 1, ms) == 0)
		err = ETIMEDOUT;
	else if (getsockopt(pfd.fd, SOL_SOCKET, SO_ERROR, &err, &len))
		err = errno;
	close(pfd.fd);
	return err;
}

int relay_check(const char *url)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai, *a;
	char host[256], port[16];
	int ret, err = 0;

	if (!relay_address(url, host, sizeof(host), port, sizeof(port)))
		return 0;
	if (!strncmp(url, "net4", 4))
		hints.ai_family = AF_INET;
	else if (!strncmp(url, "net6", 4))
		hints.ai_family = AF_INET6;
	ret = getaddrinfo(host, port, &hints, &ai);
	if (ret) {
		fprintf(stderr, "numashim record: cannot reach the relay daemon at %s: %s: %s\n",
			url, host, gai_strerror(ret));
		return -1;
	}
	for (a = ai; a; a = a->ai_next) {
		err = connect_within(a, RELAY_CONNECT_MS);
		if (!err)
			break;
	}
	freeaddrinfo(ai);
	if (err)
		fprintf(stderr, "numashim record: cannot reach the relay daemon at %s: port %s of %s: %s\n",
			url, port, host, strerror(err));
	return err ? -1 : 0;
}

/* The pid in the session daemon's pid file (lttng-sessiond(8)), or 0. */
static pid_t session_daemon_pid(void)
{
	const char *home = getenv("LTTNG_HOME");
	char path[4096];
	FILE *f;
	int pid = 0;

	if (!geteuid())
		snprintf(path, sizeof(path), "/run/lttng/lttng-sessiond.pid");
	else if ((home && *home) || ((home = getenv("HOME")) && *home))
		snprintf(path, sizeof(path), "%s/.lttng/lttng-sessiond.pid",
			 home);
	else
		return 0;
	f = fopen(path, "re");
	if (!f)
		return 0;
	if (fscanf(f, "%d", &pid) != 1 || pid <= 0)
		pid = 0;
	fclose(f);
	return pid;
}

static bool same_uts(pid_t pid, bool *same)
{
	char path[64];
	struct stat ours, its;

	snprintf(path, sizeof(path), "/proc/%d/ns/uts", (int) pid);
	if (stat("/proc/self/ns/uts", &ours) || stat(path, &its))
		return false;
	*same = ours.st_ino == its.st_ino && ours.st_dev == its.st_dev;
	return true;
}

/*
 * The host name of the UTS namespace of process pid, read by a child
 * that joins it: setns(2) needs CAP_SYS_ADMIN there, as root has.
 */
static int uts_host(pid_t pid, char *host, size_t len)
{
	int fds[2], status;
	ssize_t n = -1;
	pid_t child;

	if (pipe2(fds, O_CLOEXEC))
		return -1;
	child = fork();
	if (!child) {
		char path[64], name[256] = "";
		int ns;

		close(fds[0]);
		snprintf(path, sizeof(path), "/proc/%d/ns/uts", (int) pid);
		ns = open(path, O_RDONLY | O_CLOEXEC);
		if (ns < 0 || setns(ns, CLONE_NEWUTS) ||
		    gethostname(name, sizeof(name) - 1))
			_exit(1);
		_exit(write(fds[1], name, strlen(name)) < 0);
	}
	close(fds[1]);
	if (child > 0) {
		n = read(fds[0], host, len - 1);
		waitpid(child, &status, 0);
	}
	close(fds[0]);
	if (n <= 0)
		return -1;
	host[n] = '\0';
	return 0;
}

int relay_session_host(char *host, size_t len, pid_t *pid)
{
	bool same = true;

	*pid = session_daemon_pid();
	/* No pid file to go by: the daemon record started, in our namespace. */
	if ((!*pid || !same_uts(*pid, &same) || same) &&
	    !gethostname(host, len - 1)) {
		host[len - 1] = '\0';
		return 0;
	}
	return same ? -1 : uts_host(*pid, host, len);
}
