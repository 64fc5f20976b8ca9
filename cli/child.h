/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_CLI_CHILD_H
#define NUMASHIM_CLI_CHILD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* What the program is started with, besides its own environment. */
struct child_env {
	const char *shim;		/* path of libnumashim.so */
	uint64_t run;
	const char *backtrace_depth;	/* or NULL: the shim's default */
	const char *rewrite;		/* NUMASHIM_REWRITE, or NULL */
	bool blocking;
	bool verify_placement;		/* NUMASHIM_VERIFY_PLACEMENT=1 */
};

char *child_resolve(const char *cmd);
void child_signals_hold(void);
int child_interrupted(void);
pid_t child_spawn(const char *path, char *const argv[],
		  const struct child_env *env);
int child_wait(pid_t pid);

#endif /* NUMASHIM_CLI_CHILD_H */
