// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The options that the command and the sink share, read from their
 * names and values (numashim_report_option in report.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "report.h"

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
	case 'o':
		f->host = arg;
		return 0;
	case 'r':
		return parse_id(arg, &f->by_rank, &f->rank);
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

/* The value of one of the options; -1 when it is not one. */
static int parse_option(int opt, const char *arg,
			struct numashim_report_options *o)
{
	switch (opt) {
	case 'v':
		return report_view_parse(arg, &o->view);
	case 't':
		o->per_thread = true;
		return 0;
	case 'f':
		return report_format_parse(arg, &o->format);
	case 'w':
		return report_weight_parse(arg, &o->weight);
	case 'b':
		return call_filter_parse_time(arg, &o->filter.begin_ns);
	case 'e':
		return call_filter_parse_time(arg, &o->filter.end_ns);
	default:
		return parse_filter(opt, arg, &o->filter);
	}
}

#define OPTION(name, val, has_arg) { name, has_arg, NULL, val },

static const struct option options_shared[] = {
	NUMASHIM_REPORT_SHOW_OPTIONS(OPTION)
	NUMASHIM_REPORT_FILTER_OPTIONS(OPTION)
	{ 0 },
};

/* The sink's span is in seconds, whatever its format. */
int numashim_report_option(struct numashim_report_options *options,
			   const char *name, const char *value)
{
	const struct option *o;

	for (o = options_shared; o->name; o++)
		if (!strcmp(o->name, name) &&
		    (o->has_arg == required_argument) == !!value)
			return parse_option(o->val, value, options) ? -1 : 0;
	return -1;
}
