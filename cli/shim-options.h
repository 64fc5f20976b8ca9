/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The options that set how the shim records and rewrites, which the
 * program gets in its environment when it starts: numashim record and
 * numashim preload take them alike.
 */
#ifndef NUMASHIM_CLI_SHIM_OPTIONS_H
#define NUMASHIM_CLI_SHIM_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>

#include "child.h"

enum {
	OPT_SHIM_BLOCKING = 256,
	OPT_SHIM_BACKTRACE_DEPTH,
	OPT_SHIM_REWRITE,
	OPT_SHIM_REWRITE_FILE,
	OPT_SHIM_VERIFY_PLACEMENT,
	OPT_SHIM_END,		/* the commands' own options follow */
};

#define SHIM_LONG_OPTIONS						\
	{ "backtrace-depth", required_argument, NULL,			\
	  OPT_SHIM_BACKTRACE_DEPTH },					\
	{ "blocking", no_argument, NULL, OPT_SHIM_BLOCKING },		\
	{ "rewrite", required_argument, NULL, OPT_SHIM_REWRITE },	\
	{ "rewrite-file", required_argument, NULL, OPT_SHIM_REWRITE_FILE }, \
	{ "verify-placement", no_argument, NULL, OPT_SHIM_VERIFY_PLACEMENT }

/* Their lines of the commands' --help. */
#define SHIM_OPTIONS_HELP						\
	"      --backtrace-depth=N   return addresses per call, 0 to 128 (default: 16)\n" \
	"      --blocking            make the program wait rather than lose events\n" \
	"      --rewrite=RULES       rewrite the calls as RULES say (numashim-rewrite(7))\n" \
	"      --rewrite-file=FILE   the same, with the rules in FILE\n"	\
	"      --verify-placement    count where the pages of mbind's moves and of\n" \
	"                            migrate_pages are before and after each call\n"

/*
 * "numashim COMMAND: " and the message, then where help is: -1, for the
 * commands' usage errors.
 */
int shim_bad_usage(const char *command, const char *fmt, const char *arg);

/*
 * opt, one of SHIM_LONG_OPTIONS' with its argument arg, into env (whose
 * rewrite is then the caller's to free): 0, or -1 after saying why not.
 */
int shim_option_take(const char *command, int opt, const char *arg,
		     struct child_env *env);

/* Whether opt is one of SHIM_LONG_OPTIONS'. */
static inline bool shim_option(int opt)
{
	return opt >= OPT_SHIM_BLOCKING && opt < OPT_SHIM_END;
}

#endif /* NUMASHIM_CLI_SHIM_OPTIONS_H */
