// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "graph.h"
#include "html.h"
#include "lami.h"
#include "output.h"
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

void numashim_report_put_paths(const char *const *paths, size_t count)
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
	numashim_report_put_paths((const char *const *) traces->paths,
				  traces->count);
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

int numashim_report_summary(FILE *out, const char *const *paths, size_t count,
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
	if (report_writer_open(&v, out, options))
		fprintf(stderr, PREFIX "out of memory\n");
	else if (!find_all(&traces, paths, count)) {
		status = graph_run(&traces, &v, &error);
		ret = report(out, &v, status, error, &traces, options);
	}
	free(error);
	report_writer_close(&v);
	views_fini(&v);
	traces_fini(&traces);
	return ret;
}
