// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim record [OPTION]... [--] COMMAND [ARG]...: run a program under
 * the shim while an LTTng session of its own records it, and end with the
 * program's exit status; numashim record --pid PID: record a process
 * that runs already (attach.c). See numashim-record(1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "attach.h"
#include "child.h"
#include "commands.h"
#include "outdir.h"
#include "reader.h"
#include "relay.h"
#include "report.h"
#include "session.h"
#include "shim-options.h"

/* Exit statuses of record's own failures, as env(1) and timeout(1) use. */
#define EXIT_USAGE 2
#define EXIT_RECORD_FAILED 125
#define EXIT_NOT_RUN 127

/* The shim's largest event is about 8 KiB: see numashim-payload.h. */
#define SUBBUF_SIZE_DEFAULT (1024 * 1024)
#define NUM_SUBBUF_DEFAULT 4

struct record_options {
	const char *output;
	const char *session;
	const char *relayd_url;
	struct child_env shim;	/* its rewrite: the rule set, checked */
	uint64_t subbuf_size;
	uint64_t num_subbuf;
	pid_t pid;		/* --pid's; 0: a command to run */
	const char *duration;	/* --duration's, or NULL */
	double seconds;		/* of the duration; 0: none */
	bool force;
	bool snapshot;
};

enum {
	OPT_SNAPSHOT = OPT_SHIM_END,
	OPT_RELAYD,
	OPT_SUBBUF_SIZE,
	OPT_NUM_SUBBUF,
	OPT_PID,
	OPT_DURATION,
};

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "force", no_argument, NULL, 'f' },
	{ "session", required_argument, NULL, 's' },
	{ "snapshot", no_argument, NULL, OPT_SNAPSHOT },
	{ "relayd", required_argument, NULL, OPT_RELAYD },
	{ "subbuf-size", required_argument, NULL, OPT_SUBBUF_SIZE },
	{ "num-subbuf", required_argument, NULL, OPT_NUM_SUBBUF },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "duration", required_argument, NULL, OPT_DURATION },
	SHIM_LONG_OPTIONS,
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out)
{
	fputs("Usage: numashim record [OPTION]... [--] COMMAND [ARG]...\n"
	      "  or:  numashim record --pid=PID [--duration=SECONDS] [OPTION]...\n"
	      "Run COMMAND with libnumashim.so preloaded while an LTTng session records\n"
	      "its move_pages, migrate_pages, mbind, set_mempolicy, get_mempolicy and\n"
	      "set_mempolicy_home_node calls; or record those of process PID, started\n"
	      "with numashim preload, and of the processes it starts, from now on.\n"
	      "\n"
	      "  -o, --output=DIR          write the trace to DIR (default: ./SESSION)\n"
	      "  -f, --force               replace a trace already in DIR\n"
	      "  -s, --session=NAME        name the LTTng session (default: numashim-DATE-TIME-PID)\n"
	      "      --snapshot            keep the newest events in memory, write them at the end\n"
	      "      --relayd=URL          stream the trace to an lttng-relayd (net://HOST[:PORT[:PORT]])\n"
	      "      --subbuf-size=SIZE    sub-buffer size, a power of 2 with k, M or G (default: 1M)\n"
	      "      --num-subbuf=N        sub-buffers per CPU, a power of 2 (default: 4)\n"
	      "      --pid=PID             record the running process PID (numashim preload)\n"
	      "      --duration=SECONDS    with --pid: stop after SECONDS (default: at its end)\n"
	      SHIM_OPTIONS_HELP
	      "  -h, --help                show this help\n"
	      "\n"
	      "The exit status is COMMAND's, 128+N if it died of signal N; 127 if COMMAND\n"
	      "could not be run, 125 if the recording failed, 2 for bad options. With --pid:\n"
	      "0, or 125.\n",
	      out);
}

static int bad_usage(const char *fmt, const char *arg)
{
	return shim_bad_usage("record", fmt, arg);
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

/* A PID of a process: a positive decimal number. */
static int parse_pid(const char *arg, pid_t *pid)
{
	long v;
	char *end;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v <= 0 || v > INT32_MAX)
		return bad_usage("--pid=%s: not a process id", arg);
	*pid = v;
	return 0;
}

/* Seconds, more than 0, with a fraction. */
static int parse_duration(const char *arg, double *seconds)
{
	char *end;

	errno = 0;
	*seconds = strtod(arg, &end);
	if (errno || end == arg || *end || !(*seconds > 0) ||
	    *seconds > 1e9)
		return bad_usage("--duration=%s: not a number of seconds above 0", arg);
	return 0;
}

static int parse_option(int opt, struct record_options *o)
{
	if (shim_option(opt))
		return shim_option_take("record", opt, optarg, &o->shim);
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
	case OPT_PID:
		return parse_pid(optarg, &o->pid);
	case OPT_DURATION:
		o->duration = optarg;
		return parse_duration(optarg, &o->seconds);
	}
	return bad_usage("%s", "unhandled option");
}

/* A process that runs already took its shim's settings when it started. */
static int attach_check(const struct record_options *o, bool command)
{
	const char *started = NULL;

	if (!o->pid)
		return o->duration ? bad_usage("%s", "--duration goes with --pid: a command is recorded to its end") : 0;
	if (command)
		return bad_usage("%s", "--pid and a command exclude each other: record a running process, or run one");
	if (o->shim.backtrace_depth)
		started = "--backtrace-depth";
	else if (o->shim.rewrite)
		started = "--rewrite";
	else if (o->shim.verify_placement)
		started = "--verify-placement";
	if (started)
		return bad_usage("%s goes with a command: a running process took its shim's settings when it started (numashim preload)", started);
	return 0;
}

static int options_check(const struct record_options *o)
{
	if (o->relayd_url && o->output)
		return bad_usage("%s", "--output and --relayd exclude each other: the relay daemon chooses where the trace goes");
	if (o->snapshot && o->shim.blocking)
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
	if (optind == argc && !o->pid)
		return bad_usage("%s", "no command to record");
	if (attach_check(o, optind < argc))
		return -1;
	return options_check(o);
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

static void trace_location(const struct record_options *o,
			   const struct session_config *cfg)
{
	char host[256];
	pid_t sessiond;

	if (!cfg->relayd_url) {
		fprintf(stderr, "numashim record: the trace is in %s\n", cfg->path);
		return;
	}
	if (relay_session_host(host, sizeof(host), &sessiond))
		fprintf(stderr,
			"numashim record: the trace went to the relay daemon at %s, into HOST/%s-* below its output folder, HOST being the host name of the session daemon (pid %d), which runs in another UTS namespace\n",
			o->relayd_url, cfg->name, (int) sessiond);
	else
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

/*
 * The process whose calls are recorded: the program, started, or the
 * running process of --pid; -1 when the program could not be started,
 * with *status set.
 */
static pid_t recorded_start(const struct record_options *o, char **cmd,
			    const char *path, int *status)
{
	int sig = child_interrupted();
	pid_t pid;

	if (o->pid && !sig)
		return o->pid;
	pid = sig ? -1 : child_spawn(path, cmd, &o->shim);
	if (pid < 0)
		*status = sig ? 128 + sig : EXIT_NOT_RUN;
	return pid;
}

/* Set up the session, run the program or wait for the process, close the trace. */
static int record(struct record_options *o, char **cmd, const char *path)
{
	struct session_config cfg = {
		.relayd_url = o->relayd_url,
		.subbuf_size = o->subbuf_size,
		.num_subbuf = o->num_subbuf,
		.snapshot = o->snapshot,
		.blocking = o->shim.blocking,
	};
	struct outdir dir = { NULL, false };
	struct session_losses losses;
	char *name = NULL;
	int status;
	pid_t pid;

	if (o->pid ? attach_find(o->pid, &cfg.run, &cfg.pid, &o->shim.gate) :
		     child_env_init(&o->shim, "record"))
		return EXIT_RECORD_FAILED;
	if (!o->pid)
		cfg.run = o->shim.run;
	cfg.name = o->session ? o->session : (name = default_session_name());
	if (!cfg.name)
		goto failed;
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
	/*
	 * Once the session is active: a call the shim numbers before is
	 * one whose events the session would drop.
	 */
	run_gate_switch(&o->shim.gate, true);
	pid = recorded_start(o, cmd, path, &status);
	if (pid < 0) {
		session_discard(&cfg);
		outdir_abandon(&dir);
		goto out;
	}
	status = o->pid ? attach_wait(o->pid, o->seconds) : child_wait(pid);
	run_gate_switch(&o->shim.gate, false);
	if (session_finish(&cfg, &losses)) {
		fprintf(stderr, "numashim record: the trace of session \"%s\" may be incomplete\n",
			cfg.name);
		if (o->pid)
			status = EXIT_RECORD_FAILED;
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
	run_gate_release(&o->shim.gate);
	free(dir.path);
	free(name);
	return status;
}

int numashim_record_main(int argc, char **argv)
{
	struct record_options o;
	char *path = NULL;
	int ret, status;

	ret = parse_args(argc, argv, &o);
	if (ret) {
		free(o.shim.rewrite);
		return ret > 0 ? EXIT_SUCCESS : EXIT_USAGE;
	}
	if (!o.pid) {
		path = child_resolve("record", argv[optind]);
		if (!path)
			return EXIT_NOT_RUN;
	}
	child_signals_hold();
	status = record(&o, argv + optind, path);
	free(path);
	free(o.shim.rewrite);
	return status;
}
