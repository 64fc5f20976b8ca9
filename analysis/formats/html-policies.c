// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policies view in the HTML page: per thread, a lane of the
 * policies set_mempolicy put in force, each a bar from its call to the
 * thread's next one (or the trace's last event), coloured by mode, the
 * axis from the first of them; then
 * the ranges' policies (mbind, home nodes) as a table, in the policies
 * view's order; then how many calls the kernel refused. Times are in
 * seconds since the trace's first numashim event, as in the text.
 */
#include <inttypes.h>

#include "html.h"
#include "output.h"

#define WIDTH 720
#define LABEL_W 200	/* the lanes' names */
#define RIGHT 16
#define TOP 8
#define LANE_H 22
#define LANE_GAP 6
#define LEGEND_W 140	/* a mode's swatch and name */
#define LEGEND_H 16
/* The axis' labels, and the legend of every mode in two lines. */
#define BOTTOM (28 + 2 * LEGEND_H)
#define PLOT_W (WIDTH - LABEL_W - RIGHT)

/*
 * The times, in ns from the clock's origin: the trace's first and last
 * numashim events, and the span the lanes' x axis covers, from the
 * first policy in force to the last event, so that a program's few
 * policies among long placement work are not drawn as slivers.
 */
struct lanes_span {
	uint64_t origin;
	uint64_t first;
	uint64_t last;
};

static double seconds(const struct lanes_span *s, uint64_t ns)
{
	return ns > s->origin ? (ns - s->origin) / 1e9 : 0;
}

static double x_of(const struct lanes_span *s, uint64_t ns)
{
	double span = s->last > s->first ? (double) (s->last - s->first) : 1;

	return LABEL_W + (ns > s->first ? (double) (ns - s->first) : 0) *
	       PLOT_W / span;
}

static bool thread_in_force(const struct policy_row *row)
{
	return row->scope == POLICY_THREAD && !row->err;
}

static bool same_lane(const struct policy_row *a, const struct policy_row *b)
{
	return a->vpid == b->vpid && a->tid == b->tid;
}

/*
 * A lane per thread: its rows in force are together, in time order
 * (policies.h), as are the ranges'.
 */
static size_t lane_count(const struct view_figures *f, size_t *ranges,
			 struct lanes_span *s)
{
	const struct policy_row *prev = NULL;
	size_t i, n = 0;

	*ranges = 0;
	s->first = s->last;
	for (i = 0; i < f->in_force; i++) {
		const struct policy_row *row = &f->policies[i];

		if (!thread_in_force(row)) {
			++*ranges;
			continue;
		}
		n += !prev || !same_lane(prev, row);
		prev = row;
		if (row->time_ns < s->first)
			s->first = row->time_ns;
	}
	return n;
}

static void put_bar(FILE *out, const struct lanes_span *s,
		    const struct policy_row *row, size_t lane)
{
	uint64_t until = row->until_ns ? row->until_ns : s->last;
	double x = x_of(s, row->time_ns), w = x_of(s, until) - x;
	struct policy_words words;

	policy_row_words(row, &words);
	fprintf(out, "<rect class=\"policy\" data-vpid=\"%" PRId64 "\" "
		"data-tid=\"%" PRId64 "\" data-from=\"%" PRIu64 "\" "
		"data-until=\"", process_pid(row->vpid), row->tid,
		row->time_ns);
	if (row->until_ns)
		fprintf(out, "%" PRIu64, row->until_ns);
	fprintf(out, "\" data-mode=\"%s\" data-mode-flags=\"%s\" "
		"data-nodes=\"%s\" data-weights=\"%s\" x=\"%.2f\" y=\"%zu\" "
		"width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s (%s) on "
		"nodes %s%s%s from %.6f s %s</title></rect>\n",
		words.mode, words.mode_flags,
		words.nodes ? words.nodes : "",
		words.weights ? words.weights : "", x,
		TOP + lane * (LANE_H + LANE_GAP), w < 1 ? 1 : w, LANE_H,
		html_colour(numashim_mpol_mode_of(row->mode)), words.mode,
		words.mode_flags, words.nodes ? words.nodes : "unknown",
		words.weights ? ", weights " : "",
		words.weights ? words.weights : "", seconds(s, row->time_ns),
		row->until_ns ? "until replaced" : "to the end of the trace");
}

static void put_lane_name(FILE *out, const struct policy_row *row,
			  size_t lane)
{
	fprintf(out, "<text class=\"lane\" x=\"4\" y=\"%zu\">",
		TOP + lane * (LANE_H + LANE_GAP) + LANE_H / 2 + 4);
	html_text(out, row->procname);
	fprintf(out, "[%" PRId64 "] thread %" PRId64 "</text>\n",
		process_pid(row->vpid), row->tid);
}

/* A swatch and name per mode of the bars (a mode the kernel took). */
static void put_legend(FILE *out, uint32_t modes, int y)
{
	char name[NODE_LIST_MAX];
	unsigned int mode;
	int x = 4;

	for (mode = 0; mode < 32; mode++) {
		if (!(modes & 1U << mode))
			continue;
		if (x + LEGEND_W > WIDTH) {
			x = 4;
			y += LEGEND_H;
		}
		fprintf(out, "<rect class=\"swatch\" x=\"%d\" y=\"%d\" "
			"width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" "
			"y=\"%d\">%s</text>\n", x, y, html_colour(mode), x + 14,
			y + 9, mode_name(mode, name, sizeof(name)));
		x += LEGEND_W;
	}
}

static void threads_chart(FILE *out, const struct view_figures *f,
			  const struct lanes_span *s, size_t lanes)
{
	int height = TOP + lanes * (LANE_H + LANE_GAP) + BOTTOM;
	int axis = height - BOTTOM;
	const struct policy_row *prev = NULL;
	uint32_t modes = 0;
	size_t i, lane = 0;

	html_svg_open(out, "policies-threads", WIDTH, height,
		      "policies in force per thread");
	for (i = 0; i < f->in_force; i++) {
		const struct policy_row *row = &f->policies[i];

		if (!thread_in_force(row))
			continue;
		if (prev && !same_lane(prev, row))
			lane++;
		if (!prev || !same_lane(prev, row))
			put_lane_name(out, row, lane);
		put_bar(out, s, row, lane);
		modes |= 1U << (numashim_mpol_mode_of(row->mode) % 32);
		prev = row;
	}
	fprintf(out, "<path class=\"axis\" fill=\"none\" d=\"M%d %d H%d\"/>\n"
		"<text x=\"%d\" y=\"%d\">%.6f s</text>\n<text x=\"%d\" "
		"y=\"%d\" text-anchor=\"end\">%.6f s</text>\n", LABEL_W, axis,
		LABEL_W + PLOT_W, LABEL_W, axis + 16, seconds(s, s->first),
		LABEL_W + PLOT_W, axis + 16, seconds(s, s->last));
	put_legend(out, modes, axis + 26);
	html_svg_close(out, "each thread's policy from its set_mempolicy call "
		       "until its next one, coloured by mode");
}

static void put_range_row(FILE *out, const struct lanes_span *s,
			  const struct policy_row *row)
{
	char site[SITE_NAME_MAX];
	struct policy_words w;

	policy_row_words(row, &w);
	fputs("<tr><td>", out);
	html_text(out, row->procname);
	fprintf(out, "[%" PRId64 "]</td><td>%s</td><td>%#" PRIx64 "</td>"
		"<td>%#" PRIx64 "</td>", process_pid(row->vpid),
		policy_scope_names[row->scope], row->start, row->end);
	if (row->scope == POLICY_RANGE)
		fprintf(out, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
			"<td>%s</td>", w.mode, w.mode_flags,
			w.nodes ? w.nodes : "unknown",
			w.weights ? w.weights : "", w.flags);
	else
		fprintf(out, "<td colspan=\"5\">home node %" PRIu64 "</td>",
			row->home_node);
	fprintf(out, "<td>%" PRIu64 "</td><td>%.6f</td><td>%.6f</td><td>",
		row->calls, seconds(s, row->time_ns),
		seconds(s, row->last_ns));
	html_text(out, site_name(row->site, site, sizeof(site)));
	fputs("</td></tr>\n", out);
}

static void ranges_table(FILE *out, const struct view_figures *f,
			 const struct lanes_span *s)
{
	size_t i;

	fputs("<table id=\"policy-ranges\">\n<tr><th>process</th>"
	      "<th>scope</th><th>start</th><th>end</th><th>mode</th>"
	      "<th>mode flags</th><th>nodes</th><th>weights</th>"
	      "<th>flags</th><th>calls</th><th>first (s)</th>"
	      "<th>last (s)</th><th>site</th></tr>\n", out);
	for (i = 0; i < f->in_force; i++)
		if (f->policies[i].scope != POLICY_THREAD)
			put_range_row(out, s, &f->policies[i]);
	fputs("</table>\n", out);
}

void html_policies_section(FILE *out, const struct view_figures *f)
{
	struct lanes_span s = {
		.origin = f->v->summary.first_ns, .last = f->v->summary.last_ns,
	};
	size_t ranges, lanes = lane_count(f, &ranges, &s);

	if (!f->count)
		return;
	fputs("<section id=\"policies\"><h2>Memory policies</h2>\n"
	      "<h3>Policies in force per thread (set_mempolicy)</h3>\n", out);
	if (lanes)
		threads_chart(out, f, &s, lanes);
	else
		fputs("<p>No thread set a policy the kernel took.</p>\n", out);
	fputs("<h3>Policies of ranges (mbind, set_mempolicy_home_node)</h3>\n",
	      out);
	if (ranges)
		ranges_table(out, f, &s);
	else
		fputs("<p>No range was given a policy the kernel took.</p>\n",
		      out);
	fprintf(out, "<p>%zu policy calls the kernel refused, which left the "
		"policy as it was (numashim report --view policies lists "
		"them).</p>\n</section>\n", f->count - f->in_force);
}
