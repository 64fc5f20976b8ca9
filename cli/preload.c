// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim preload [OPTION]... [--] COMMAND [ARG]...: execute COMMAND in
 * place of this process (its pid is COMMAND's), with the shim preloaded
 * and its provider loaded, in a run of its own that nothing records yet:
 * a service started so costs only the enabled check until numashim
 * record --pid records it. See numashim-record(1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "child.h"
#include "commands.h"
#include "shim-options.h"

#define EXIT_USAGE 2
#define EXIT_NOT_RUN 127

static const struct option long_options[] = {
	SHIM_LONG_OPTIONS,
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out)
{
	fputs("Usage: numashim preload [OPTION]... [--] COMMAND [ARG]...\n"
	      "Execute COMMAND with libnumashim.so preloaded, ready to be recorded while it\n"
	      "runs by numashim record --pid, and until then recording nothing.\n"
	      "\n"
	      SHIM_OPTIONS_HELP
	      "  -h, --help                show this help\n"
	      "\n"
	      "COMMAND replaces numashim preload, with its pid. The exit status is 127\n"
	      "if COMMAND could not be run, 2 for bad options; otherwise COMMAND's.\n",
	      out);
}

/* 1 after --help, 0 with a command to execute, -1 otherwise. */
static int parse_args(int argc, char **argv, struct child_env *env)
{
	int opt;

	/* "+": the options after COMMAND are COMMAND's. */
	while ((opt = getopt_long(argc, argv, "+h", long_options, NULL)) != -1) {
		if (opt == 'h') {
			usage(stdout);
			return 1;
		}
		if (opt == '?') {
			fputs("Try 'numashim preload --help' for more information.\n",
			      stderr);
			return -1;
		}
		if (shim_option_take("preload", opt, optarg, env))
			return -1;
	}
	if (optind == argc)
		return shim_bad_usage("preload", "%s", "no command to execute");
	return 0;
}

int numashim_preload_main(int argc, char **argv)
{
	struct child_env env = { NULL };
	char *path;
	int ret;

	ret = parse_args(argc, argv, &env);
	if (ret) {
		free(env.rewrite);
		return ret > 0 ? EXIT_SUCCESS : EXIT_USAGE;
	}
	path = child_resolve("preload", argv[optind]);
	if (!path || child_env_init(&env, "preload"))
		return EXIT_NOT_RUN;
	/* The gate stays for the program, its creator once executed. */
	if (!child_env_export(&env))
		execv(path, argv + optind);
	fprintf(stderr, "numashim preload: %s: %s\n", argv[optind],
		strerror(errno));
	run_gate_release(&env.gate);
	return EXIT_NOT_RUN;
}
