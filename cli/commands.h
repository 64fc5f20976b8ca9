/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The subcommands of numashim(1): each takes its name as argv[0]
 * ("numashim record") and returns the exit status.
 */
#ifndef NUMASHIM_CLI_COMMANDS_H
#define NUMASHIM_CLI_COMMANDS_H

/* numashim record: see record.c and numashim-record(1). */
int numashim_record_main(int argc, char **argv);

/* numashim preload: see preload.c; returns only when it cannot execute. */
int numashim_preload_main(int argc, char **argv);

/*
 * numashim report: 0; 1 when a path holds no trace, a trace holds no
 * numashim event or could not be read (to its end: what was read is
 * printed, with a warning); 2, a usage error. See numashim-report(1).
 */
int numashim_report_main(int argc, char **argv);

#endif /* NUMASHIM_CLI_COMMANDS_H */
