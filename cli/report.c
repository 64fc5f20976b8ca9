// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim report [OPTION]... TRACE...: what the numashim events of
 * recorded traces say, in one of the views and formats of analysis/,
 * read in a watched child (reader.c). See numashim-report(1).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "compare.h"
#include "lami.h"
#include "output.h"
#include "reader.h"
#include "report.h"

#define PREFIX "numashim report: "

/* The views' or the formats' names, as one of the usage's choices. */
static void put_choices(FILE *to, const char *option, const void *names,
			size_t count, size_t stride)
{
	size_t i;

	fprintf(to, "[%s ", option);
	for (i = 0; i < count; i++)
		fprintf(to, "%s%s", i ? "|" : "", *(const char *const *)
			((const char *) names + i * stride));
	fputc(']', to);
}

/* option and the call kinds after commas, wrapped as the usage is. */
static void put_call_kinds(FILE *to, const char *option)
{
	char kinds[256];

	report_names_join(kinds, sizeof(kinds), call_kind_names, CALL_KINDS,
			  sizeof(call_kind_names[0]), "", NULL);
	put_wrapped(to, option, "                        ", kinds);
}

static int usage(const char *name, FILE *to, int status)
{
	fprintf(to, "usage: %s ", name);
	put_choices(to, "--view", report_views, NUMASHIM_REPORT_VIEW_COUNT,
		    sizeof(report_views[0]));
	fputs("\n         [--per-thread] ", to);
	put_choices(to, "--format", report_format_names,
		    NUMASHIM_REPORT_FORMATS, sizeof(report_format_names[0]));
	fputs("\n         ", to);
	put_choices(to, "--weight", report_weight_names,
		    NUMASHIM_REPORT_WEIGHT_COUNT, sizeof(report_weight_names[0]));
	fputs(" [--html FILE] [FILTER]...\n"
	      "         [--compare BASELINE] [--stall-timeout S] TRACE...\n"
	      "Report on the numashim events of the CTF traces at or under "
	      "each TRACE folder:\n", to);
	report_views_usage(to);
	fputs("Filters count only the calls\n"
	      "  --pid PID, --tid TID  of a process or thread\n"
	      "  --host HOST           of processes of that host (its hostname)\n"
	      "  --rank R              of the process of rank R of a job\n"
	      "  --procname NAME       of processes of that name\n", to);
	put_call_kinds(to, "  --call KIND[,KIND]    ");
	fprintf(to,
		"  --begin S, --end S    made in that span of trace time, "
		"seconds from the\n"
		"                        clock's origin (babeltrace2 "
		"--clock-seconds)\n"
		"  --min-latency D       that took at least D (ns, us, ms or "
		"s: 50us)\n"
		"--html FILE writes the summary, failures, call sites, nodes, "
		"timeline, policies\n  and rewrites, with charts, to FILE as "
		"one HTML page too\n"
		"--compare BASELINE compares the summary of the TRACE folders, "
		"the experiment,\n  with that of the traces under BASELINE: "
		"every figure per call kind and\n  process name on both "
		"sides, their difference and its percent of the\n  "
		"baseline\n"
		"--stall-timeout S gives up, as on a damaged trace, when "
		"babeltrace2 reads\n  no message for S seconds (default %u)\n"
		"--format chrome writes every call as a slice of the Trace "
		"Event Format, for\n  ui.perfetto.dev, chrome://tracing and "
		"speedscope; --format folded the\n  backtraces as folded "
		"stacks, for flame graphs, weighted by --weight: calls\n  "
		"(the default), time (latency in ns), pages (asked for) or "
		"failed-pages\n"
		"--format lami speaks LAMI 1.0, for Trace Compass's external "
		"analyses:\n"
		"  --mi-version, --metadata, --test-compatibility, "
		"--output-progress,\n"
		"  --limit N|unlimited; --begin and --end in ns since the "
		"Epoch\n", READER_STALL_TIMEOUT);
	return status;
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
	const char *weight;	/* --weight as given: of --format folded */
	/* "view" or "per-thread", when given: options of the views' formats. */
	const char *view_option;
	unsigned int stall;	/* --stall-timeout */
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

/*
 * An option's value, the sink's options set as the sink sets them; -1
 * when arg is not one of opt's values.
 */
static int parse_option(int opt, const char *name, const char *arg,
			struct numashim_report_options *o, struct request *req)
{
	switch (opt) {
	case 'H':
		o->html = arg;
		return 0;
	case 'B':
		o->compare = arg;
		return 0;
	case 'S':
		return parse_stall(arg, &req->stall);
	case 'b':
		req->begin = arg;
		return 0;
	case 'e':
		req->end = arg;
		return 0;
	case 'w':
		req->weight = arg;
		return numashim_report_option(o, name, arg);
	case 'v':
	case 't':
		req->view_option = name;
		return numashim_report_option(o, name, arg);
	case 'V':
	case 'M':
	case 'C':
	case 'P':
	case 'L':
		return parse_lami(opt, arg, o, req);
	default:
		return numashim_report_option(o, name, arg);
	}
}

/* An option's value that is not one: what it must be, and the usage. */
static int bad_value(const char *name, const char *option, const char *arg)
{
	char buf[320];
	const char *expected = numashim_report_option_expected(option, buf,
							       sizeof(buf));

	if (expected)
		fprintf(stderr, PREFIX "--%s %s: not %s\n", option, arg,
			expected);
	return usage(name, stderr, 2);
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
	if (req->weight && o->format != NUMASHIM_REPORT_FOLDED) {
		fprintf(stderr, PREFIX "--weight is an option of --format "
			"folded\n");
		return 2;
	}
	if (req->view_option && report_format_streams(o->format)) {
		fprintf(stderr, PREFIX "--format %s writes every call, of no "
			"view: it takes no --%s\n", report_format_names[o->format],
			req->view_option);
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

/* The span asked for: seconds, or LAMI's nanoseconds since the Epoch. */
static int parse_span(const struct request *req,
		      struct numashim_report_options *o)
{
	int (*parse)(const char *text, uint64_t *ns) =
		o->format == NUMASHIM_REPORT_LAMI ? lami_parse_time :
						    call_filter_parse_time;

	if (req->begin && parse(req->begin, &o->filter.begin_ns))
		return -1;
	return req->end ? parse(req->end, &o->filter.end_ns) : 0;
}

/* --compare with a format it is not written in, and those it is. */
static int compare_formats(enum numashim_report_format format)
{
	enum numashim_report_format f, last = 0;
	bool first = true;

	for (f = 0; f < NUMASHIM_REPORT_FORMATS; f++)
		if (report_format_compares(f))
			last = f;
	fprintf(stderr, PREFIX "--compare writes no --format %s: it writes ",
		report_format_names[format]);
	for (f = 0; f <= last; f++) {
		if (!report_format_compares(f))
			continue;
		fprintf(stderr, "%s%s", first ? "" : f == last ? " or " : ", ",
			report_format_names[f]);
		first = false;
	}
	fputc('\n', stderr);
	return 2;
}

#define OPTION(name, val, has_arg) { name, has_arg, NULL, val },

static const struct option longopts[] = {
	NUMASHIM_REPORT_SHOW_OPTIONS(OPTION)
	{ "html", required_argument, NULL, 'H' },
	{ "compare", required_argument, NULL, 'B' },
	{ "stall-timeout", required_argument, NULL, 'S' },
	NUMASHIM_REPORT_FILTER_OPTIONS(OPTION)
	{ "mi-version", no_argument, NULL, 'V' },
	{ "metadata", no_argument, NULL, 'M' },
	{ "test-compatibility", no_argument, NULL, 'C' },
	{ "output-progress", no_argument, NULL, 'P' },
	{ "limit", required_argument, NULL, 'L' },
	{ "help", no_argument, NULL, 'h' },
	{ 0 },
};

int numashim_report_main(int argc, char **argv)
{
	struct numashim_report_options options = { 0 };
	const char *name = argc > 0 ? argv[0] : "numashim report";
	struct request req = { .stall = READER_STALL_TIMEOUT };
	int opt, longindex, status;

	/* The caller may have parsed its own options with getopt already. */
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, &longindex)) != -1) {
		if (opt == 'h')
			return usage(name, stdout, 0);
		if (opt == '?')
			return usage(name, stderr, 2);
		if (parse_option(opt, longopts[longindex].name, optarg,
				 &options, &req))
			return bad_value(name, longopts[longindex].name,
					 optarg);
	}
	status = answer_alone(&req, &options);
	if (status >= 0)
		return status;
	if (parse_span(&req, &options) || optind >= argc)
		return usage(name, stderr, 2);
	if (options.compare && !report_format_compares(options.format))
		return compare_formats(options.format);
	if (options.compare && compare_conflict(&options)) {
		fprintf(stderr, PREFIX "--compare compares summaries per call "
			"kind and process name: it takes no %s\n",
			compare_conflict(&options));
		return 2;
	}
	status = reader_summary(stdout, (const char *const *) argv + optind,
				argc - optind, &options, req.stall);
	if (status != NUMASHIM_REPORT_NO_EVENTS)
		return status;
	fputs(PREFIX, stderr);
	numashim_report_put_paths((const char *const *) argv + optind,
				  argc - optind);
	fprintf(stderr, ": %s\n", report_no_events);
	if (options.format == NUMASHIM_REPORT_LAMI)
		lami_put_error(stdout, report_no_events);
	return 1;
}
