/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_CLI_CHILD_H
#define NUMASHIM_CLI_CHILD_H

#include <stdbool.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#include "gate.h"

/* What the program is started with, besides its own environment. */
struct child_env {
	const char *shim;		/* path of libnumashim.so */
	uint64_t run;
	struct run_gate gate;		/* the run's, created off */
	const char *backtrace_depth;	/* or NULL: the shim's default */
	char *rewrite;			/* NUMASHIM_REWRITE, or NULL */
	bool blocking;
	bool verify_placement;		/* NUMASHIM_VERIFY_PLACEMENT=1 */
};

/*
 * The file to execute for cmd, or NULL after saying why not, as
 * "numashim command: ...".
 */
char *child_resolve(const char *command, const char *cmd);

/*
 * The shim, checked, and a run number of its own with its gate: 0, or -1
 * after saying why. run_gate_release() the gate when the run ends.
 */
int child_env_init(struct child_env *env, const char *command);

/* env into this process's environment, for the program it executes: 0 or -1. */
int child_env_export(const struct child_env *env);

void child_signals_hold(void);
/* The signals that end a run, which child_signals_hold() holds. */
void child_signals_ending(sigset_t *set);
int child_interrupted(void);
pid_t child_spawn(const char *path, char *const argv[],
		  const struct child_env *env);
int child_wait(pid_t pid);

#endif /* NUMASHIM_CLI_CHILD_H */
