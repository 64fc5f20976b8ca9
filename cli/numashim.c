// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim COMMAND [ARG]...: the command-line front end, one subcommand
 * per job, as git(1) and perf(1) have them.
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "commands.h"
#include "report.h"

struct subcommand {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *summary;
};

static const struct subcommand subcommands[] = {
	{ "record", numashim_record_main,
	  "run a program under the shim and record its placement calls" },
	{ "preload", numashim_preload_main,
	  "start a program under the shim, to record it later while it runs" },
	{ "report", numashim_report_main,
	  "what the placement calls of recorded traces did" },
};

#define N_SUBCOMMANDS (sizeof(subcommands) / sizeof(subcommands[0]))

static void usage(FILE *out)
{
	size_t i;

	fputs("Usage: numashim COMMAND [ARG]...\n\nCommands:\n", out);
	for (i = 0; i < N_SUBCOMMANDS; i++)
		fprintf(out, "  %-8s %s\n", subcommands[i].name,
			subcommands[i].summary);
	fputs("\nSee numashim COMMAND --help, and numashim-COMMAND(1).\n", out);
}

int main(int argc, char **argv)
{
	char prog[64];
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		puts(PACKAGE_STRING);
		return 0;
	}
	/* Trace Compass asks the program alone, not the subcommand. */
	if (!strcmp(argv[1], "--mi-version")) {
		puts(NUMASHIM_REPORT_LAMI_VERSION);
		return 0;
	}
	for (i = 0; i < N_SUBCOMMANDS; i++) {
		if (strcmp(argv[1], subcommands[i].name))
			continue;
		/* getopt's messages name the subcommand. */
		snprintf(prog, sizeof(prog), "numashim %s", argv[1]);
		argv[1] = prog;
		return subcommands[i].main(argc - 1, argv + 1);
	}
	fprintf(stderr, "numashim: '%s' is not a numashim command\n", argv[1]);
	usage(stderr);
	return 2;
}
