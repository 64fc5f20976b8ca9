// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim record [OPTION]... [--] COMMAND [ARG]...: run a program under
 * the shim while an LTTng session of its own records it, and end with the
 * program's exit status. See numashim-record(1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "commands.h"
#include "outdir.h"
#include "reader.h"
#include "relay.h"
#include "report.h"
#include "rules.h"
#include "session.h"

/* Exit statuses of record's own failures, as env(1) and timeout(1) use. */
#define EXIT_USAGE 2
#define EXIT_RECORD_FAILED 125
#define EXIT_NOT_RUN 127

/* The shim's largest event is about 8 KiB: see numashim-payload.h. */
#define SUBBUF_SIZE_DEFAULT (1024 * 1024)
#define NUM_SUBBUF_DEFAULT 4
#define BACKTRACE_DEPTH_MAX 128

struct record_options {
	const char *output;
	const char *session;
	const char *backtrace_depth;
	const char *relayd_url;
	char *rewrite;		/* the rule set, checked */
	uint64_t subbuf_size;
	uint64_t num_subbuf;
	bool force;
	bool blocking;
	bool snapshot;
	bool verify_placement;
};

enum {
	OPT_BLOCKING = 256,
	OPT_SNAPSHOT,
	OPT_RELAYD,
	OPT_SUBBUF_SIZE,
	OPT_NUM_SUBBUF,
	OPT_BACKTRACE_DEPTH,
	OPT_REWRITE,
	OPT_REWRITE_FILE,
	OPT_VERIFY_PLACEMENT,
};

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "force", no_argument, NULL, 'f' },
	{ "session", required_argument, NULL, 's' },
	{ "backtrace-depth", required_argument, NULL, OPT_BACKTRACE_DEPTH },
	{ "blocking", no_argument, NULL, OPT_BLOCKING },
	{ "snapshot", no_argument, NULL, OPT_SNAPSHOT },
	{ "relayd", required_argument, NULL, OPT_RELAYD },
	{ "subbuf-size", required_argument, NULL, OPT_SUBBUF_SIZE },
	{ "num-subbuf", required_argument, NULL, OPT_NUM_SUBBUF },
	{ "rewrite", required_argument, NULL, OPT_REWRITE },
	{ "rewrite-file", required_argument, NULL, OPT_REWRITE_FILE },
	{ "verify-placement", no_argument, NULL, OPT_VERIFY_PLACEMENT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out)
{
	fputs("Usage: numashim record [OPTION]... [--] COMMAND [ARG]...\n"
	      "Run COMMAND with libnumashim.so preloaded while an LTTng session records\n"
	      "its move_pages, migrate_pages, mbind, set_mempolicy, get_mempolicy and\n"
	      "set_mempolicy_home_node calls.\n"
	      "\n"
	      "  -o, --output=DIR          write the trace to DIR (default: ./SESSION)\n"
	      "  -f, --force               replace a trace already in DIR\n"
	      "  -s, --session=NAME        name the LTTng session (default: numashim-DATE-TIME-PID)\n"
	      "      --backtrace-depth=N   return addresses per call, 0 to 128 (default: 16)\n"
	      "      --blocking            make the program wait rather than lose events\n"
	      "      --snapshot            keep the newest events in memory, write them at the end\n"
	      "      --relayd=URL          stream the trace to an lttng-relayd (net://HOST[:PORT[:PORT]])\n"
	      "      --subbuf-size=SIZE    sub-buffer size, a power of 2 with k, M or G (default: 1M)\n"
	      "      --num-subbuf=N        sub-buffers per CPU, a power of 2 (default: 4)\n"
	      "      --rewrite=RULES       rewrite the calls as RULES say (numashim-rewrite(7))\n"
	      "      --rewrite-file=FILE   the same, with the rules in FILE\n"
	      "      --verify-placement    count where the pages of mbind's moves and of\n"
	      "                            migrate_pages are before and after each call\n"
	      "  -h, --help                show this help\n"
	      "\n"
	      "The exit status is COMMAND's, 128+N if it died of signal N; 127 if COMMAND\n"
	      "could not be run, 125 if the recording failed, 2 for bad options.\n",
	      out);
}

static int bad_usage(const char *fmt, const char *arg)
{
	fputs("numashim record: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'numashim record --help' for more information.\n", stderr);
	return -1;
}

static bool power_of_2(uint64_t v)
{
	return v && !(v & (v - 1));
}

/* A power of 2, with an optional k, M or G suffix. */
static int parse_size(const char *arg, const char *opt, bool suffix_ok,
		      uint64_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (suffix_ok && end != arg && end[0] && !end[1]) {
		const char *suffixes = "kMG";
		const char *s = strchr(suffixes, *end);

		if (s) {
			v <<= 10 * (s - suffixes + 1);
			end++;
		}
	}
	if (errno || end == arg || *end || *arg == '-' || !power_of_2(v))
		return bad_usage(opt, arg);
	*out = v;
	return 0;
}

static int parse_depth(const char *arg)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || *arg == '-' || v > BACKTRACE_DEPTH_MAX)
		return bad_usage("--backtrace-depth=%s: not a number from 0 to 128", arg);
	return 0;
}

#define RULE_FILE_MAX (64 * 1024)

static char *file_read(const char *path)
{
	FILE *f = fopen(path, "re");
	char *text = NULL;
	size_t len;

	if (!f) {
		fprintf(stderr, "numashim record: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	text = malloc(RULE_FILE_MAX + 1);
	len = text ? fread(text, 1, RULE_FILE_MAX + 1, f) : 0;
	if (text && (ferror(f) || len > RULE_FILE_MAX)) {
		fprintf(stderr, "numashim record: %s: %s\n", path,
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
static int rewrite_take(struct record_options *o, bool from_file,
			const char *arg)
{
	struct numashim_rules rules;
	char explanation[1024], source[256];

	o->rewrite = from_file ? file_read(arg) : strdup(arg);
	if (!o->rewrite)
		return -1;
	snprintf(source, sizeof(source), "numashim record: %s",
		 from_file ? arg : "--rewrite");
	if (numashim_rules_load(o->rewrite, &rules, source, explanation,
				sizeof(explanation))) {
		fputs(explanation, stderr);
		return -1;
	}
	numashim_rules_free(&rules);
	return 0;
}

static int parse_option(int opt, struct record_options *o)
{
	switch (opt) {
	case 'o':
		o->output = optarg;
		return 0;
	case 'f':
		o->force = true;
		return 0;
	case 's':
		o->session = optarg;
		return strchr(optarg, '/') || !*optarg ?
			bad_usage("--session=%s: a session name has no '/' and is not empty", optarg) : 0;
	case OPT_BACKTRACE_DEPTH:
		o->backtrace_depth = optarg;
		return parse_depth(optarg);
	case OPT_BLOCKING:
		o->blocking = true;
		return 0;
	case OPT_SNAPSHOT:
		o->snapshot = true;
		return 0;
	case OPT_RELAYD:
		o->relayd_url = optarg;
		return 0;
	case OPT_SUBBUF_SIZE:
		return parse_size(optarg, "--subbuf-size=%s: not a power of 2 (with k, M or G)",
				  true, &o->subbuf_size);
	case OPT_NUM_SUBBUF:
		return parse_size(optarg, "--num-subbuf=%s: not a power of 2", false,
				  &o->num_subbuf);
	case OPT_REWRITE:
	case OPT_REWRITE_FILE:
		if (o->rewrite)
			return bad_usage("%s", "one --rewrite or --rewrite-file, not more");
		return rewrite_take(o, opt == OPT_REWRITE_FILE, optarg);
	case OPT_VERIFY_PLACEMENT:
		o->verify_placement = true;
		return 0;
	}
	return bad_usage("%s", "unhandled option");
}

static int options_check(const struct record_options *o)
{
	if (o->relayd_url && o->output)
		return bad_usage("%s", "--output and --relayd exclude each other: the relay daemon chooses where the trace goes");
	if (o->snapshot && o->blocking)
		return bad_usage("%s", "--snapshot and --blocking exclude each other: a flight recorder overwrites, it never waits");
	return 0;
}

/* 1 after --help, 0 when the command line holds a command to run, -1 otherwise. */
static int parse_args(int argc, char **argv, struct record_options *o)
{
	int opt;

	*o = (struct record_options) {
		.subbuf_size = SUBBUF_SIZE_DEFAULT,
		.num_subbuf = NUM_SUBBUF_DEFAULT,
	};
	/* "+": the options after COMMAND are COMMAND's. */
	while ((opt = getopt_long(argc, argv, "+o:fs:h", long_options, NULL)) != -1) {
		if (opt == 'h') {
			usage(stdout);
			return 1;
		}
		if (opt == '?') {
			fputs("Try 'numashim record --help' for more information.\n", stderr);
			return -1;
		}
		if (parse_option(opt, o))
			return -1;
	}
	if (optind == argc)
		return bad_usage("%s", "no command to record");
	return options_check(o);
}

static uint64_t run_number(void)
{
	uint64_t run = 0;

	while (!run)
		if (getrandom(&run, sizeof(run), 0) != sizeof(run))
			run = ((uint64_t) getpid() << 32) ^ (uint64_t) time(NULL);
	return run;
}

static char *default_session_name(void)
{
	char stamp[32], *name;
	time_t now = time(NULL);

	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", localtime(&now));
	if (asprintf(&name, "numashim-%s-%d", stamp, (int) getpid()) < 0)
		return NULL;
	return name;
}

static const char *shim_path(void)
{
	const char *path = getenv("NUMASHIM_LIB");

	return path && *path ? path : NUMASHIM_LIBDIR "/libnumashim.so";
}

static void trace_location(const struct record_options *o,
			   const struct session_config *cfg)
{
	char host[256] = "";

	if (!cfg->relayd_url) {
		fprintf(stderr, "numashim record: the trace is in %s\n", cfg->path);
		return;
	}
	gethostname(host, sizeof(host) - 1);
	fprintf(stderr,
		"numashim record: the trace went to the relay daemon at %s, into %s/%s-* below its output folder\n",
		o->relayd_url, host, cfg->name);
}

/* What the recorded calls did, in the report's own words. */
static void summary_print(const struct session_config *cfg)
{
	const struct numashim_report_options options = {
		.format = NUMASHIM_REPORT_TEXT,
	};

	if (cfg->relayd_url) {
		fputs("numashim record: run numashim report on the relay host for a summary\n",
		      stderr);
		return;
	}
	fputc('\n', stderr);
	if (reader_summary(stderr, &cfg->path, 1, &options,
			   READER_STALL_TIMEOUT) == NUMASHIM_REPORT_NO_EVENTS)
		fputs("numashim record: no move_pages, migrate_pages, mbind or memory policy call was recorded\n",
		      stderr);
}

static void losses_report(const struct session_config *cfg,
			  const struct session_losses *losses)
{
	if (losses->discarded_events)
		fprintf(stderr,
			"numashim record: warning: %" PRIu64 " events were discarded because the ring buffers were full: record with --blocking, or larger --subbuf-size or --num-subbuf\n",
			losses->discarded_events);
	if (losses->lost_packets && !cfg->snapshot)
		fprintf(stderr,
			"numashim record: warning: %" PRIu64 " packets were lost: record with larger --subbuf-size or --num-subbuf\n",
			losses->lost_packets);
}

/* Set up the session, run the program, close the trace. */
static int record(const struct record_options *o, char **cmd, const char *path)
{
	struct session_config cfg = {
		.relayd_url = o->relayd_url,
		.run = run_number(),
		.subbuf_size = o->subbuf_size,
		.num_subbuf = o->num_subbuf,
		.snapshot = o->snapshot,
		.blocking = o->blocking,
	};
	struct child_env env = {
		.shim = shim_path(),
		.run = cfg.run,
		.backtrace_depth = o->backtrace_depth,
		.rewrite = o->rewrite,
		.blocking = o->blocking,
		.verify_placement = o->verify_placement,
	};
	struct outdir dir = { NULL, false };
	struct session_losses losses;
	char *name = NULL;
	int status, sig;
	pid_t pid;

	if (access(env.shim, R_OK)) {
		fprintf(stderr, "numashim record: %s: %s (NUMASHIM_LIB names another)\n",
			env.shim, strerror(errno));
		return EXIT_RECORD_FAILED;
	}
	cfg.name = o->session ? o->session : (name = default_session_name());
	if (!cfg.name)
		return EXIT_RECORD_FAILED;
	if (!o->relayd_url) {
		if (outdir_prepare(&dir, o->output ? o->output : cfg.name, o->force))
			goto failed;
		cfg.path = dir.path;
	}
	if ((o->relayd_url && relay_check(o->relayd_url)) ||
	    session_daemon_ensure() || session_create(&cfg))
		goto failed;
	if (session_start(&cfg))
		goto failed;
	sig = child_interrupted();
	pid = sig ? -1 : child_spawn(path, cmd, &env);
	if (pid < 0) {
		session_discard(&cfg);
		outdir_abandon(&dir);
		status = sig ? 128 + sig : EXIT_NOT_RUN;
		goto out;
	}
	status = child_wait(pid);
	if (session_finish(&cfg, &losses)) {
		fprintf(stderr, "numashim record: the trace of session \"%s\" may be incomplete\n",
			cfg.name);
	} else {
		summary_print(&cfg);
		trace_location(o, &cfg);
		losses_report(&cfg, &losses);
	}
	goto out;
failed:
	outdir_abandon(&dir);
	status = EXIT_RECORD_FAILED;
out:
	free(dir.path);
	free(name);
	return status;
}

int numashim_record_main(int argc, char **argv)
{
	struct record_options o;
	char *path;
	int ret, status;

	ret = parse_args(argc, argv, &o);
	if (ret)
		return ret > 0 ? EXIT_SUCCESS : EXIT_USAGE;
	path = child_resolve(argv[optind]);
	if (!path)
		return EXIT_NOT_RUN;
	child_signals_hold();
	status = record(&o, argv + optind, path);
	free(path);
	free(o.rewrite);
	return status;
}
