// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The recorded program: found the way a shell finds a command, started
 * with the shim preloaded, and waited for while the signals meant for it
 * are passed on, so that record ends when the program ends and with its
 * exit status.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"

/*
 * lttng-ust's helpers: a child forked without exec registers as an
 * application of its own, descriptors closed by a daemon-style close-all
 * loop do not take the tracer's sockets with them, and libraries loaded
 * by dlopen() are named in the trace so their call sites resolve.
 */
#define UST_HELPERS \
	"liblttng-ust-fork.so.1:liblttng-ust-fd.so.1:liblttng-ust-dl.so.1"

static const int forwarded[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static sigset_t held, saved_mask;

static int exec_error(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (access(path, X_OK))
		return errno;
	return 0;
}

static char *path_search(const char *cmd)
{
	const char *dirs = getenv("PATH");
	char *copy, *dir, *save, *found = NULL;

	if (!dirs)
		dirs = "/usr/local/bin:/usr/bin:/bin";
	copy = strdup(dirs);
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *path;

		if (asprintf(&path, "%s/%s", *dir ? dir : ".", cmd) < 0)
			break;
		if (!exec_error(path))
			found = path;
		else
			free(path);
	}
	free(copy);
	return found;
}

/*
 * The file to execute for cmd, or NULL after saying why not in the words
 * of a shell, before anything is set up: a run that cannot start leaves
 * nothing behind.
 */
char *child_resolve(const char *command, const char *cmd)
{
	char *path;
	int err;

	if (!strchr(cmd, '/')) {
		path = path_search(cmd);
		if (!path)
			fprintf(stderr, "numashim %s: %s: command not found\n",
				command, cmd);
		return path;
	}
	err = exec_error(cmd);
	if (err) {
		fprintf(stderr, "numashim %s: %s: %s\n", command, cmd,
			strerror(err));
		return NULL;
	}
	return strdup(cmd);
}

static uint64_t run_number(void)
{
	uint64_t run = 0;

	while (!run)
		if (getrandom(&run, sizeof(run), 0) != sizeof(run))
			run = ((uint64_t) getpid() << 32) ^ (uint64_t) time(NULL);
	return run;
}

int child_env_init(struct child_env *env, const char *command)
{
	const char *path = getenv("NUMASHIM_LIB");

	env->shim = path && *path ? path : NUMASHIM_LIBDIR "/libnumashim.so";
	if (access(env->shim, R_OK)) {
		fprintf(stderr, "numashim %s: %s: %s (NUMASHIM_LIB names another)\n",
			command, env->shim, strerror(errno));
		return -1;
	}
	env->run = run_number();
	return run_gate_create(&env->gate, env->run, command);
}

/*
 * From the start, the signals that end a run are held and taken one at a
 * time by child_interrupted() and child_wait(), never by a handler that
 * could fire in the middle of liblttng-ctl's work.
 */
void child_signals_hold(void)
{
	sigset_t blocked;

	child_signals_ending(&held);
	sigaddset(&held, SIGCHLD);
	/*
	 * SIGPIPE is blocked, never taken: the session daemon closes its
	 * socket on some errors (a relay daemon it cannot reach) while
	 * liblttng-ctl still writes to it, and record must report the
	 * error and destroy the session rather than die of it.
	 */
	blocked = held;
	sigaddset(&blocked, SIGPIPE);
	sigprocmask(SIG_BLOCK, &blocked, &saved_mask);
}

void child_signals_ending(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaddset(set, forwarded[i]);
}

/* A signal that asked record to end before the program started, or 0. */
int child_interrupted(void)
{
	const struct timespec now = { 0, 0 };
	sigset_t ending = held;
	int sig;

	sigdelset(&ending, SIGCHLD);
	sig = sigtimedwait(&ending, NULL, &now);
	return sig > 0 ? sig : 0;
}

/* The shim first, so that its move_pages() is the one the program gets. */
static int preload_set(const char *shim)
{
	const char *user = getenv("LD_PRELOAD");
	char *list;
	int ret;

	if (!user)
		user = "";
	if (asprintf(&list, "%s:%s%s%s", shim, UST_HELPERS, *user ? ":" : "",
		     user) < 0)
		return -1;
	ret = setenv("LD_PRELOAD", list, 1);
	free(list);
	return ret;
}

int child_env_export(const struct child_env *env)
{
	char run[24];

	snprintf(run, sizeof(run), "%" PRIu64, env->run);
	if (preload_set(env->shim) || setenv("NUMASHIM_RUN", run, 1))
		return -1;
	if (env->backtrace_depth &&
	    setenv("NUMASHIM_BACKTRACE_DEPTH", env->backtrace_depth, 1))
		return -1;
	if (env->rewrite && setenv("NUMASHIM_REWRITE", env->rewrite, 1))
		return -1;
	if (env->blocking && setenv("LTTNG_UST_ALLOW_BLOCKING", "1", 1))
		return -1;
	if (env->verify_placement &&
	    setenv("NUMASHIM_VERIFY_PLACEMENT", "1", 1))
		return -1;
	return 0;
}

/*
 * In the child: what it cannot do goes back to the parent as an errno.
 * Signal dispositions are left as record got them (a program started
 * with SIGINT ignored keeps it ignored); only the mask is restored.
 */
static void __attribute__((noreturn))
child_exec(const char *path, char *const argv[], const struct child_env *env,
	   int report_fd)
{
	int err = ENOMEM;

	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
	if (!child_env_export(env)) {
		execv(path, argv);
		err = errno;
	}
	while (write(report_fd, &err, sizeof(err)) < 0 && errno == EINTR)
		;
	_exit(127);
}

/*
 * Start the program; -1 (after saying why) if it could not be executed.
 * The close-on-exec pipe stays silent when execv() succeeds.
 */
pid_t child_spawn(const char *path, char *const argv[],
		  const struct child_env *env)
{
	int report[2], err = 0;
	pid_t pid;

	if (pipe2(report, O_CLOEXEC)) {
		perror("numashim record: pipe");
		return -1;
	}
	pid = fork();
	if (!pid)
		child_exec(path, argv, env, report[1]);
	close(report[1]);
	if (pid > 0 && read(report[0], &err, sizeof(err)) == sizeof(err)) {
		waitpid(pid, NULL, 0);
		fprintf(stderr, "numashim record: %s: %s\n", argv[0],
			strerror(err));
		pid = -1;
	} else if (pid < 0) {
		perror("numashim record: fork");
	}
	close(report[0]);
	return pid;
}

/*
 * A signal typed at the terminal (si_code SI_KERNEL) reached the whole
 * foreground process group, the program too if it stayed in ours: sending
 * it again would make one Ctrl-C count twice. Any other is passed on.
 */
static void forward(pid_t pid, const siginfo_t *si)
{
	if (si->si_code == SI_KERNEL && getpgid(pid) == getpgrp())
		return;
	kill(pid, si->si_signo);
}

/* The program's exit status, as a shell gives it: 128 + N for signal N. */
int child_wait(pid_t pid)
{
	int status;

	for (;;) {
		siginfo_t si;

		if (sigwaitinfo(&held, &si) < 0)
			continue;
		if (si.si_signo != SIGCHLD)
			forward(pid, &si);
		else if (waitpid(pid, &status, WNOHANG) == pid)
			break;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
