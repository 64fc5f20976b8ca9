// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compare.h"
#include "graph.h"
#include "html.h"
#include "lami.h"
#include "output.h"
#include "progress.h"
#include "report.h"
#include "views.h"
#include "traces.h"

#define PREFIX "numashim report: "

static int find_all(struct trace_list *traces, const char *const *paths,
		    size_t count)
{
	size_t i, before;

	for (i = 0; i < count; i++) {
		before = traces->count;
		if (traces_find(traces, paths[i])) {
			fprintf(stderr, PREFIX "%s: %s\n", paths[i],
				strerror(errno));
			return -1;
		}
		if (traces->count == before) {
			fprintf(stderr, PREFIX "%s: no CTF trace here (no "
				"folder with a metadata file)\n", paths[i]);
			return -1;
		}
	}
	return 0;
}

/* The root cause, the last line of a babeltrace2 error. */
static const char *root_cause(const char *error)
{
	const char *last = strrchr(error, '\n');

	return last ? last + strspn(last, "\n ") : error;
}

/* The traces whose reading failed, for the error message. */
static void put_paths(const char *const *paths, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", paths[i]);
}

/* What stopped the reading of the traces, said of them. */
static void put_read_error(const struct trace_list *traces, const char *what,
			   const char *error)
{
	fputs(PREFIX, stderr);
	put_paths((const char *const *) traces->paths, traces->count);
	fprintf(stderr, ": %s:\n  %s\n", what, error);
}

static const char not_to_the_end[] = "the trace could not be read to its end";

/* Print what was read; a trace that stopped early is said so, and fails. */
static int report(FILE *out, struct views *v, enum graph_status status,
		  const char *error, const struct trace_list *traces,
		  const struct numashim_report_options *options)
{
	struct summary *s = &v->summary;

	if (status == GRAPH_NOT_BUILT) {
		fprintf(stderr, PREFIX "%s\n", error);
		return 1;
	}
	if (!s->numashim_events && !error)
		return NUMASHIM_REPORT_NO_EVENTS;
	if (!s->numashim_events) {
		put_read_error(traces, report_no_events, error);
		return 1;
	}
	if (error)
		s->read_error = root_cause(error);
	if (options->test_compatibility)
		return 0;
	if (options->format == NUMASHIM_REPORT_LAMI && error) {
		lami_put_error(out, s->read_error);
		put_read_error(traces, not_to_the_end, error);
		return 1;
	}
	if (report_print(out, v, options)) {
		fprintf(stderr, PREFIX "out of memory\n");
		return 1;
	}
	if (options->html && report_html(options->html, v)) {
		fprintf(stderr, PREFIX "%s: %s\n", options->html,
			strerror(errno));
		return 1;
	}
	if (error)
		put_read_error(traces, not_to_the_end, error);
	return error ? 1 : 0;
}

/*
 * One side of a comparison read into v: 0, or 1 when it cannot be
 * compared, said on stderr. A side read in part is compared, and *error
 * said after the comparison.
 */
static int read_side(struct views *v, const char *const *paths, size_t count,
		     char **error)
{
	struct trace_list traces = { 0 };
	enum graph_status status = GRAPH_NOT_BUILT;
	int found = !find_all(&traces, paths, count);

	if (found)
		status = graph_run(&traces, v, error);
	traces_fini(&traces);
	if (!found)
		return 1;
	if (status == GRAPH_NOT_BUILT || !v->summary.numashim_events) {
		fprintf(stderr, PREFIX "%s: %s\n", paths[0],
			status == GRAPH_NOT_BUILT ? *error : report_no_events);
		return 1;
	}
	if (*error)
		v->summary.read_error = root_cause(*error);
	return 0;
}

static int print_compared(FILE *out, struct comparison *c,
			  const struct views *v, char *const *error,
			  enum numashim_report_format format)
{
	enum compare_side side;

	if (comparison_build(c, &v[BASELINE].summary,
			     &v[EXPERIMENT].summary)) {
		fprintf(stderr, PREFIX "out of memory\n");
		return 1;
	}
	print_comparison(out, c, format);
	for (side = 0; side < SIDES; side++)
		if (error[side])
			fprintf(stderr, PREFIX "the %s could not be read to "
				"its end:\n  %s\n", compare_side_names[side],
				error[side]);
	return error[BASELINE] || error[EXPERIMENT];
}

static int compare(FILE *out, const char *const *paths, size_t count,
		   const struct numashim_report_options *options)
{
	struct comparison c = {
		.paths = { &options->compare, paths },
		.path_count = { 1, count },
	};
	char *error[SIDES] = { NULL, NULL };
	struct views v[SIDES];
	enum compare_side side;
	int ret;

	for (side = 0; side < SIDES; side++)
		views_init(&v[side], false, &options->filter);
	ret = read_side(&v[BASELINE], &options->compare, 1, &error[BASELINE]) ||
	      read_side(&v[EXPERIMENT], paths, count, &error[EXPERIMENT]);
	if (!ret)
		ret = print_compared(out, &c, v, error, options->format);
	comparison_fini(&c);
	for (side = 0; side < SIDES; side++) {
		views_fini(&v[side]);
		free(error[side]);
	}
	return ret;
}

static int summarize(FILE *out, const char *const *paths, size_t count,
		     const struct numashim_report_options *options)
{
	if (options->compare)
		return compare(out, paths, count, options);
	struct trace_list traces = { 0 };
	enum graph_status status = GRAPH_NOT_BUILT;
	struct views v;
	char *error = NULL;
	int ret = 1;

	views_init(&v, options->per_thread, &options->filter);
	if (!find_all(&traces, paths, count)) {
		status = graph_run(&traces, &v, &error);
		ret = report(out, &v, status, error, &traces, options);
	}
	free(error);
	views_fini(&v);
	traces_fini(&traces);
	return ret;
}

/*
 * AddressSanitizer has reserved terabytes of address space for its shadow
 * memory before main(): under it, any limit would fail every allocation.
 */
static void limit_memory(void)
{
#ifndef __SANITIZE_ADDRESS__
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	struct rlimit half;

	if (pages <= 0 || size <= 0)
		return;
	half.rlim_cur = half.rlim_max = (rlim_t) pages * size / 2;
	setrlimit(RLIMIT_AS, &half);
#endif
}

/*
 * The child dies with the parent that waits for it, killed by timeout or
 * by a user, rather than read on as an orphan; the parent may have died
 * before the child asked.
 */
static void die_with(pid_t parent)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != parent)
		_exit(1);
}

static double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/*
 * Wait for the child as long as its count of messages moves; kill it once
 * the count stood still for stall seconds. A pidfd wakes us as soon as
 * the child ends; without one (Linux before 5.3), poll() merely sleeps.
 * Returns what waitpid() does; *read, the messages read, once stalled.
 */
static pid_t watch(pid_t pid, int *status, unsigned int stall,
		   uint64_t *read)
{
	struct pollfd child = {
		.fd = syscall(SYS_pidfd_open, pid, 0), .events = POLLIN,
	};
	uint64_t first = progress_count(), seen = first, now;
	double since = seconds_now();
	pid_t ret;

	while (!(ret = waitpid(pid, status, WNOHANG))) {
		poll(&child, child.fd >= 0, 100);
		now = progress_count();
		if (now != seen) {
			seen = now;
			since = seconds_now();
		} else if (seconds_now() - since >= stall) {
			*read = seen - first;
			kill(pid, SIGKILL);
			ret = waitpid(pid, status, 0);
			break;
		}
	}
	if (child.fd >= 0)
		close(child.fd);
	return ret;
}

/*
 * The reading child's end, told as an error unless it exited: killed as
 * it made no progress for stall seconds (0: not watched), or by a signal
 * of its own.
 */
static int child_end(pid_t pid, const char *const *paths, size_t count,
		     unsigned int stall)
{
	uint64_t read = UINT64_MAX;
	int status;
	pid_t ret;

	ret = stall ? watch(pid, &status, stall, &read) :
		      waitpid(pid, &status, 0);
	if (ret > 0 && WIFEXITED(status))
		return WEXITSTATUS(status);
	if (read != UINT64_MAX) {
		fputs(PREFIX, stderr);
		put_paths(paths, count);
		fprintf(stderr, ": babeltrace2 made no progress for %u s after "
			"%" PRIu64 " messages; a trace is likely damaged\n",
			stall, read);
	} else {
		fputs(PREFIX "reading ", stderr);
		put_paths(paths, count);
		fprintf(stderr, " failed (%s): a trace is damaged beyond what "
			"babeltrace2 can read\n",
			ret > 0 && WIFSIGNALED(status) ?
			strsignal(WTERMSIG(status)) : strerror(errno));
	}
	return 1;
}

/*
 * libbabeltrace2 2.0 aborts on some damaged traces (glib gives up
 * allocating a sequence whose length field was garbled to billions), and
 * reads others without end, so the traces are read in a child process,
 * whose death or stall is then told as an error rather than taking the
 * caller with it. The child may use half of the machine's memory, so that
 * such an allocation fails at once instead of calling in the kernel's
 * out-of-memory killer.
 */
int numashim_report_summary(FILE *out, const char *const *paths, size_t count,
			    const struct numashim_report_options *options)
{
	unsigned int stall = options->stall_timeout ?
			     options->stall_timeout :
			     NUMASHIM_REPORT_STALL_TIMEOUT;
	pid_t pid, parent = getpid();
	int status;

	if (!progress_share())
		stall = 0;

	fflush(out);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return summarize(out, paths, count, options);
	if (!pid) {
		die_with(parent);
		limit_memory();
		status = summarize(out, paths, count, options);
		fflush(out);
		_exit(status);
	}
	return child_end(pid, paths, count, stall);
}

static int usage(const char *name, FILE *to, int status)
{
	fprintf(to, "usage: %s [--view summary|failures|callsites|nodes|"
		"rewrites|timeline]\n         [--per-thread] "
		"[--format text|json|csv|lami] [--html FILE] [FILTER]...\n"
		"         [--compare BASELINE] [--stall-timeout S] TRACE...\n"
		"Report on the numashim events of the CTF traces at or under "
		"each TRACE folder:\n"
		"  summary   per call kind and process, the calls, their "
		"errors, pages and\n"
		"            latency (the default)\n"
		"  failures  failed calls and pages by code, explained, with "
		"their call sites\n"
		"  callsites the call sites, most calls first, with their "
		"time and failures,\n"
		"            named by function and source line where debug "
		"information exists\n"
		"  nodes     move_pages' pages and bytes by requested node and "
		"resulting node\n"
		"            or status, and the node the kernel got when a "
		"rewrite rule\n            changed it\n"
		"  rewrites  per rewrite rule, the calls it changed, what "
		"the kernel got\n"
		"            instead, and the failures it made up\n"
		"  timeline  calls by kind, failed calls and pages moved by "
		"node, over time\n"
		"Filters count only the calls\n"
		"  --pid PID, --tid TID  of a process or thread\n"
		"  --procname NAME       of processes of that name\n"
		"  --call KIND[,KIND]    move_pages, migrate_pages, mbind\n"
		"  --begin S, --end S    made in that span of trace time, "
		"seconds from the\n"
		"                        clock's origin (babeltrace2 "
		"--clock-seconds)\n"
		"  --min-latency D       that took at least D (ns, us, ms or "
		"s: 50us)\n"
		"--html FILE writes the summary, failures, nodes and timeline, "
		"with charts, to\n  FILE as one HTML page too\n"
		"--compare BASELINE compares the summary of the TRACE folders, "
		"the experiment,\n  with that of the traces under BASELINE: "
		"every figure per call kind and\n  process name on both "
		"sides, their difference and its percent of the\n  "
		"baseline\n"
		"--stall-timeout S gives up, as on a damaged trace, when "
		"babeltrace2 reads\n  no message for S seconds (default 10)\n"
		"--format lami speaks LAMI 1.0, for Trace Compass's external "
		"analyses:\n"
		"  --mi-version, --metadata, --test-compatibility, "
		"--output-progress,\n"
		"  --limit N|unlimited; --begin and --end in ns since the "
		"Epoch\n", name);
	return status;
}

/* An integer option's value: a process or thread id. */
static int parse_id(const char *text, bool *given, int64_t *id)
{
	char *end;

	errno = 0;
	*id = strtoll(text, &end, 10);
	if (errno || end == text || *end || *id < 0)
		return -1;
	*given = true;
	return 0;
}

/* The value of a filter option; -1 when it is not one. */
static int parse_filter(int opt, const char *arg, struct call_filter *f)
{
	switch (opt) {
	case 'p':
		return parse_id(arg, &f->by_pid, &f->pid);
	case 'T':
		return parse_id(arg, &f->by_tid, &f->tid);
	case 'n':
		f->procname = arg;
		return 0;
	case 'c':
		return call_filter_parse_kinds(arg, &f->kinds);
	case 'l':
		return call_filter_parse_latency(arg, &f->min_latency_ns);
	default:
		return -1;
	}
}

/* --stall-timeout: whole seconds, at least one. */
static int parse_stall(const char *text, unsigned int *seconds)
{
	unsigned long value;
	char *end;

	errno = 0;
	value = strtoul(text, &end, 10);
	if (errno || end == text || *end || *text == '-' || !value ||
	    value > 86400)
		return -1;
	*seconds = value;
	return 0;
}

/* What the command line asks besides the report's options. */
struct request {
	/* --begin and --end as given: the format says in what unit. */
	const char *begin, *end;
	bool mi_version, metadata;
	/* --limit, --output-progress...: options of --format lami alone. */
	const char *lami_only;
};

/* LAMI's options; -1 when opt is not one, or arg not its value. */
static int parse_lami(int opt, const char *arg,
		      struct numashim_report_options *o, struct request *req)
{
	switch (opt) {
	case 'V':
		req->mi_version = true;
		return 0;
	case 'M':
		req->metadata = true;
		req->lami_only = "--metadata";
		return 0;
	case 'C':
		o->test_compatibility = true;
		req->lami_only = "--test-compatibility";
		return 0;
	case 'P':
		/* Progress lines are optional: none are written. */
		req->lami_only = "--output-progress";
		return 0;
	case 'L':
		req->lami_only = "--limit";
		return lami_parse_limit(arg, &o->limit);
	default:
		return -1;
	}
}

static int parse_option(int opt, const char *arg,
			struct numashim_report_options *o, struct request *req)
{
	switch (opt) {
	case 'v':
		return report_view_parse(arg, &o->view);
	case 't':
		o->per_thread = true;
		return 0;
	case 'f':
		return report_format_parse(arg, &o->format);
	case 'H':
		o->html = arg;
		return 0;
	case 'B':
		o->compare = arg;
		return 0;
	case 'S':
		return parse_stall(arg, &o->stall_timeout);
	case 'b':
		req->begin = arg;
		return 0;
	case 'e':
		req->end = arg;
		return 0;
	case 'l':
	case 'p':
	case 'T':
	case 'n':
	case 'c':
		return parse_filter(opt, arg, &o->filter);
	default:
		return parse_lami(opt, arg, o, req);
	}
}

/* Options that take no trace, or that need another; -1: none is. */
static int answer_alone(const struct request *req,
			const struct numashim_report_options *o)
{
	if (req->mi_version) {
		puts(NUMASHIM_REPORT_LAMI_VERSION);
		return 0;
	}
	if (req->lami_only && o->format != NUMASHIM_REPORT_LAMI) {
		fprintf(stderr, PREFIX "%s is an option of --format lami\n",
			req->lami_only);
		return 2;
	}
	if (o->format == NUMASHIM_REPORT_LAMI && !report_views[o->view].lami) {
		fprintf(stderr, PREFIX "this view has no LAMI table\n");
		return 2;
	}
	if (req->metadata) {
		print_lami_metadata(stdout, o->view);
		return 0;
	}
	return -1;
}

typedef int (*time_parser)(const char *text, uint64_t *ns);

static int parse_span_in(const struct request *req, struct call_filter *f,
			 time_parser parse)
{
	if (req->begin && parse(req->begin, &f->begin_ns))
		return -1;
	return req->end ? parse(req->end, &f->end_ns) : 0;
}

/* The span asked for: seconds, or LAMI's nanoseconds since the Epoch. */
static int parse_span(const struct request *req,
		      struct numashim_report_options *o)
{
	return parse_span_in(req, &o->filter,
			     o->format == NUMASHIM_REPORT_LAMI ?
			     lami_parse_time : call_filter_parse_time);
}

static const struct option longopts[] = {
	{ "view", required_argument, NULL, 'v' },
	{ "per-thread", no_argument, NULL, 't' },
	{ "format", required_argument, NULL, 'f' },
	{ "html", required_argument, NULL, 'H' },
	{ "compare", required_argument, NULL, 'B' },
	{ "stall-timeout", required_argument, NULL, 'S' },
	{ "pid", required_argument, NULL, 'p' },
	{ "tid", required_argument, NULL, 'T' },
	{ "procname", required_argument, NULL, 'n' },
	{ "call", required_argument, NULL, 'c' },
	{ "begin", required_argument, NULL, 'b' },
	{ "end", required_argument, NULL, 'e' },
	{ "min-latency", required_argument, NULL, 'l' },
	{ "mi-version", no_argument, NULL, 'V' },
	{ "metadata", no_argument, NULL, 'M' },
	{ "test-compatibility", no_argument, NULL, 'C' },
	{ "output-progress", no_argument, NULL, 'P' },
	{ "limit", required_argument, NULL, 'L' },
	{ "help", no_argument, NULL, 'h' },
	{ 0 },
};

/*
 * The sink's span is in seconds, whatever its format; it has no
 * --stall-timeout, as no parent of ours waits for babeltrace2 there.
 */
int numashim_report_option(struct numashim_report_options *options,
			   const char *name, const char *value)
{
	struct request req = { 0 };
	const struct option *o;

	for (o = longopts; o->name; o++)
		if (!strcmp(o->name, name) && !strchr("hS", o->val) &&
		    (o->has_arg == required_argument) == !!value)
			return parse_option(o->val, value, options, &req) ||
			       parse_span_in(&req, &options->filter,
					     call_filter_parse_time) ? -1 : 0;
	return -1;
}

int numashim_report_main(int argc, char **argv)
{
	struct numashim_report_options options = { 0 };
	const char *name = argc > 0 ? argv[0] : "numashim report";
	struct request req = { 0 };
	int opt, status;

	/* The caller may have parsed its own options with getopt already. */
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (opt == 'h')
			return usage(name, stdout, 0);
		if (opt == '?' || parse_option(opt, optarg, &options, &req))
			return usage(name, stderr, 2);
	}
	status = answer_alone(&req, &options);
	if (status >= 0)
		return status;
	if (parse_span(&req, &options) || optind >= argc)
		return usage(name, stderr, 2);
	if (options.compare && compare_conflict(&options)) {
		fprintf(stderr, PREFIX "--compare compares summaries per call "
			"kind and process name: it takes no %s\n",
			compare_conflict(&options));
		return 2;
	}
	status = numashim_report_summary(stdout,
					 (const char *const *) argv + optind,
					 argc - optind, &options);
	if (status != NUMASHIM_REPORT_NO_EVENTS)
		return status;
	fputs(PREFIX, stderr);
	put_paths((const char *const *) argv + optind, argc - optind);
	fprintf(stderr, ": %s\n", report_no_events);
	if (options.format == NUMASHIM_REPORT_LAMI)
		lami_put_error(stdout, report_no_events);
	return 1;
}
