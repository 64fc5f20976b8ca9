// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

const struct latency_quantile latency_quantiles[3] = {
	{ "p50", 0.50 }, { "p90", 0.90 }, { "p99", 0.99 },
};

static const char avoid_losses[] =
	"to lose none, record with `numashim record --blocking`, or give "
	"the channel larger or more sub-buffers (lttng enable-channel "
	"--subbuf-size, --num-subbuf)";

const char report_no_events[] =
	"no numashim events: was the program run with libnumashim.so "
	"preloaded while a session recorded numashim:*?";

const char *const report_format_names[NUMASHIM_REPORT_FORMATS] = {
	[NUMASHIM_REPORT_TEXT] = "text",
	[NUMASHIM_REPORT_JSON] = "json",
	[NUMASHIM_REPORT_CSV] = "csv",
	[NUMASHIM_REPORT_LAMI] = "lami",
};

int report_format_parse(const char *name, enum numashim_report_format *format)
{
	size_t i;

	for (i = 0; i < NUMASHIM_REPORT_FORMATS; i++) {
		if (!strcmp(name, report_format_names[i])) {
			*format = i;
			return 0;
		}
	}
	return -1;
}

double pages_per_second(const struct summary_row *row)
{
	if (!row->latency.sum)
		return -1;
	return (double) row->asked * 1e9 / (double) row->latency.sum;
}

/* Some discarded-events messages cannot say how many were lost. */
static void warn_losses(const struct summary *s, warning_fn say, void *data)
{
	char msg[512], count[48] = "";

	if (s->discarded_events && !s->uncounted_discards)
		snprintf(count, sizeof(count), "%" PRIu64 " ",
			 s->discarded_events);
	else if (s->discarded_events)
		snprintf(count, sizeof(count), "at least %" PRIu64 " ",
			 s->discarded_events);
	if (s->discarded_events || s->uncounted_discards) {
		snprintf(msg, sizeof(msg),
			 "the trace reports %sdiscarded events: calls may be "
			 "missing or lack some of their events, and the "
			 "figures with them; %s", count, avoid_losses);
		say(data, msg);
	}
	if (s->discarded_packets) {
		snprintf(msg, sizeof(msg),
			 "the trace reports %" PRIu64 " discarded packets of "
			 "events; %s", s->discarded_packets, avoid_losses);
		say(data, msg);
	}
}

/* The warnings that count calls or events the figures leave out. */
static const struct {
	size_t offset;		/* of the count in struct summary */
	const char *format;	/* with the count's one conversion */
} counted_warnings[] = {
	{ offsetof(struct summary, calls_without_entry),
	  "%" PRIu64 " calls have an exit event but no entry event: their "
	  "pages are not counted" },
	{ offsetof(struct summary, calls_without_exit),
	  "%" PRIu64 " calls have an entry event but no exit event (the "
	  "program ended within them, or the exit was lost): their results "
	  "are not known" },
	{ offsetof(struct summary, calls_in_no_binary),
	  "%" PRIu64 " calls were made from code in no binary the trace "
	  "tells of (generated code, or lttng_ust_statedump:bin_info and "
	  "lttng_ust_dl events missing or damaged): their call sites are not "
	  "named" },
	{ offsetof(struct summary, calls_without_page_size),
	  "%" PRIu64 " mbind calls have no page size (a trace of an older numashim, "
	  "or a damaged metadata): their bytes are counted in pages of 4 KiB" },
	{ offsetof(struct summary, malformed_events),
	  "%" PRIu64 " events lack fields that their tracepoint gives, hold "
	  "them in another type, or are numashim events of no known name (a "
	  "damaged or foreign metadata): they are not counted" },
};

void summary_warnings(const struct summary *s, warning_fn say, void *data)
{
	char msg[512];
	size_t i;

	warn_losses(s, say, data);
	for (i = 0; i < sizeof(counted_warnings) / sizeof(counted_warnings[0]);
	     i++) {
		uint64_t n;

		memcpy(&n, (const char *) s + counted_warnings[i].offset,
		       sizeof(n));
		if (!n)
			continue;
		snprintf(msg, sizeof(msg), counted_warnings[i].format, n);
		say(data, msg);
	}
	if (s->no_vpid)
		say(data, "events lack the vpid context (lttng add-context "
			  "-t vpid): calls of different processes may be "
			  "mixed up");
	if (s->read_error) {
		snprintf(msg, sizeof(msg),
			 "the trace could not be read to its end (%s): the "
			 "figures cover what was read", s->read_error);
		say(data, msg);
	}
}

#define WRAP_COLUMNS 78

void put_wrapped(FILE *out, const char *first, const char *indent,
		 const char *text)
{
	size_t room = WRAP_COLUMNS - strlen(indent), len;

	while (*text) {
		len = strlen(text);
		if (len > room) {
			/* Break at the last space that fits, if any. */
			for (len = room; len && text[len] != ' '; len--)
				;
			if (!len)
				len = strcspn(text, " ");
		}
		fprintf(out, "%s%.*s\n", first, (int) len, text);
		text += len + strspn(text + len, " ");
		first = indent;
	}
}

static int print_summary(FILE *out, const struct views *v,
			 enum numashim_report_format format)
{
	const struct summary *s = &v->summary;
	size_t count;
	struct summary_row **rows = summary_rows(s, &count);

	if (!rows)
		return -1;
	if (format == NUMASHIM_REPORT_JSON)
		print_json(out, s, rows, count);
	else if (format == NUMASHIM_REPORT_CSV)
		print_csv(out, s, rows, count);
	else
		print_text(out, s, rows, count);
	free(rows);
	return 0;
}

static int print_failures(FILE *out, const struct views *v,
			  enum numashim_report_format format)
{
	size_t count;
	struct failure_group **groups = failures_list(&v->failures, &count);

	if (!groups)
		return -1;
	if (format == NUMASHIM_REPORT_JSON)
		print_failures_json(out, v, groups, count);
	else if (format == NUMASHIM_REPORT_CSV)
		print_failures_csv(out, v, groups, count);
	else
		print_failures_text(out, v, groups, count);
	free(groups);
	return 0;
}

static int print_callsites(FILE *out, const struct views *v,
			   enum numashim_report_format format)
{
	struct symbolizer symbols = { 0 };
	struct callsite *sites;
	size_t count;

	sites = callsites_rank(&v->sites, &symbols, &count);
	if (sites && format == NUMASHIM_REPORT_JSON)
		print_callsites_json(out, v, sites, count);
	else if (sites && format == NUMASHIM_REPORT_CSV)
		print_callsites_csv(out, v, sites, count);
	else if (sites)
		print_callsites_text(out, v, sites, count);
	free(sites);
	symbolizer_fini(&symbols);
	return sites ? 0 : -1;
}

static int print_nodes(FILE *out, const struct views *v,
		       enum numashim_report_format format)
{
	struct node_cells sorted = { 0 };
	int32_t *columns = NULL;
	size_t count;

	if (!node_cells_merge(&sorted, &v->nodes)) {
		node_cells_sort(&sorted);
		columns = node_cells_results(&sorted, &count);
	}
	if (columns && format == NUMASHIM_REPORT_JSON)
		print_nodes_json(out, v, &sorted);
	else if (columns && format == NUMASHIM_REPORT_CSV)
		print_nodes_csv(out, v, &sorted);
	else if (columns)
		print_nodes_text(out, v, &sorted, columns, count);
	free(columns);
	node_cells_fini(&sorted);
	return columns ? 0 : -1;
}

static int print_rewrites(FILE *out, const struct views *v,
			  enum numashim_report_format format)
{
	size_t count;
	struct rule_tally **rules = rewrites_list(&v->rewrites, &count);

	if (!rules)
		return -1;
	if (format == NUMASHIM_REPORT_JSON)
		print_rewrites_json(out, v, rules, count);
	else if (format == NUMASHIM_REPORT_CSV)
		print_rewrites_csv(out, v, rules, count);
	else
		print_rewrites_text(out, v, rules, count);
	free(rules);
	return 0;
}

static int print_timeline(FILE *out, const struct views *v,
			  enum numashim_report_format format)
{
	if (format == NUMASHIM_REPORT_JSON)
		print_timeline_json(out, v);
	else if (format == NUMASHIM_REPORT_CSV)
		print_timeline_csv(out, v);
	else
		print_timeline_text(out, v);
	return 0;
}

#define VIEW_PRINTER(ID, id, lami, help) [NUMASHIM_REPORT_##ID] = print_##id,
static int (*const view_printers[NUMASHIM_REPORT_VIEW_COUNT])(
	FILE *out, const struct views *v, enum numashim_report_format format) = {
	NUMASHIM_REPORT_VIEWS(VIEW_PRINTER)
};
#undef VIEW_PRINTER

int report_print(FILE *out, const struct views *v,
		 const struct numashim_report_options *options)
{
	if (options->format == NUMASHIM_REPORT_LAMI)
		return print_lami(out, v, options);
	return view_printers[options->view](out, v, options->format);
}
