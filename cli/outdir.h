/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_CLI_OUTDIR_H
#define NUMASHIM_CLI_OUTDIR_H

#include <stdbool.h>

/* The local folder a run writes its trace to. */
struct outdir {
	char *path;		/* absolute: the session daemon has another cwd */
	bool created;		/* by this run, so removed if the run fails */
};

int outdir_prepare(struct outdir *dir, const char *arg, bool force);
void outdir_abandon(struct outdir *dir);

#endif /* NUMASHIM_CLI_OUTDIR_H */
