// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "shim-options.h"

#define BACKTRACE_DEPTH_MAX 128
#define RULE_FILE_MAX (64 * 1024)

int shim_bad_usage(const char *command, const char *fmt, const char *arg)
{
	fprintf(stderr, "numashim %s: ", command);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'numashim %s --help' for more information.\n",
		command);
	return -1;
}

static int depth_check(const char *command, const char *arg)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || *arg == '-' || v > BACKTRACE_DEPTH_MAX)
		return shim_bad_usage(command, "--backtrace-depth=%s: not a number from 0 to 128", arg);
	return 0;
}

static char *file_read(const char *command, const char *path)
{
	FILE *f = fopen(path, "re");
	char *text = NULL;
	size_t len;

	if (!f) {
		fprintf(stderr, "numashim %s: %s: %s\n", command, path,
			strerror(errno));
		return NULL;
	}
	text = malloc(RULE_FILE_MAX + 1);
	len = text ? fread(text, 1, RULE_FILE_MAX + 1, f) : 0;
	if (text && (ferror(f) || len > RULE_FILE_MAX)) {
		fprintf(stderr, "numashim %s: %s: %s\n", command, path,
			ferror(f) ? strerror(errno) : "more than 64 KiB of rules");
		free(text);
		text = NULL;
	} else if (text) {
		text[len] = 0;
	}
	fclose(f);
	return text;
}

/*
 * The rules are checked here, with the shim's own parser, so that a bad
 * rule set is refused before anything is set up.
 */
static int rewrite_take(const char *command, bool from_file, const char *arg,
			struct child_env *env)
{
	struct numashim_rules rules;
	char explanation[1024], source[256];

	if (env->rewrite)
		return shim_bad_usage(command, "%s", "one --rewrite or --rewrite-file, not more");
	env->rewrite = from_file ? file_read(command, arg) : strdup(arg);
	if (!env->rewrite)
		return -1;
	snprintf(source, sizeof(source), "numashim %s: %s", command,
		 from_file ? arg : "--rewrite");
	if (numashim_rules_load(env->rewrite, &rules, source, explanation,
				sizeof(explanation))) {
		fputs(explanation, stderr);
		return -1;
	}
	numashim_rules_free(&rules);
	return 0;
}

int shim_option_take(const char *command, int opt, const char *arg,
		     struct child_env *env)
{
	switch (opt) {
	case OPT_SHIM_BACKTRACE_DEPTH:
		env->backtrace_depth = arg;
		return depth_check(command, arg);
	case OPT_SHIM_BLOCKING:
		env->blocking = true;
		return 0;
	case OPT_SHIM_REWRITE:
	case OPT_SHIM_REWRITE_FILE:
		return rewrite_take(command, opt == OPT_SHIM_REWRITE_FILE, arg,
				    env);
	case OPT_SHIM_VERIFY_PLACEMENT:
		env->verify_placement = true;
		return 0;
	}
	return shim_bad_usage(command, "%s", "unhandled option");
}
