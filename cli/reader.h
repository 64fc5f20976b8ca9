/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The traces of numashim report and of record's summary, read in a
 * watched child process: see reader_summary().
 */
#ifndef NUMASHIM_CLI_READER_H
#define NUMASHIM_CLI_READER_H

#include <stddef.h>
#include <stdio.h>

#include "report.h"

/* Seconds babeltrace2 may read without consuming a message, by default. */
#define READER_STALL_TIMEOUT 10

/*
 * numashim_report_summary() in a child, given up on once it consumed no
 * message for stall seconds; returns what it does, or 1 after saying on
 * stderr how the child died or stalled.
 */
int reader_summary(FILE *out, const char *const *paths, size_t count,
		   const struct numashim_report_options *options,
		   unsigned int stall);

#endif /* NUMASHIM_CLI_READER_H */
