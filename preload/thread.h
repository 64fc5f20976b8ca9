/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_THREAD_H
#define NUMASHIM_THREAD_H

#include <sys/types.h>

/*
 * Everything the shim keeps for each thread: a few words, zero in a new
 * thread. A call's large buffers are not here but in the slots of
 * scratch.h, since glibc carves every thread's static TLS out of that
 * thread's own stack.
 */
struct numashim_thread {
	/*
	 * The thread's id, asked of the kernel on first use rather than at
	 * every call (self.c); 0 until then, and again in a child of fork().
	 */
	pid_t tid;
	/*
	 * Set while the function of a library after the shim, not
	 * libnuma's, runs on the program's behalf (real.c): if it makes the
	 * system call through syscall(), that must pass straight through
	 * rather than be recorded a second time.
	 */
	int forwarding;
	/*
	 * Set while a backtrace is taken (numashim.c): the unwinder is not
	 * reentrant, so a call made by a signal handler that interrupted it
	 * is recorded without a backtrace.
	 */
	int unwinding;
	/*
	 * Set while a caller= rule names the caller's functions with
	 * libunwind (match.c), which is not reentrant either: a call made
	 * by a signal handler that interrupted it matches no caller= rule.
	 */
	int resolving;
};

/*
 * The calling thread's. Initial-exec TLS, because the general model may
 * allocate on a thread's first use, in the middle of a call.
 */
extern __thread struct numashim_thread numashim_td
	__attribute__((tls_model("initial-exec")));

#endif /* NUMASHIM_THREAD_H */
