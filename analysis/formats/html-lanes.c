// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The HTML page's timeline of calls: a lane per thread, and in it a
 * mark per bucket of time where the thread made calls, darker as it
 * made more (on a logarithmic scale), outlined in red when some failed.
 * Each mark carries its thread, bucket and counts in data- attributes.
 * The first LANES_MAX threads, by process and thread, are drawn; the
 * caption says how many more there are.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include "html.h"

#define WIDTH 720
#define LABEL_W 220
#define TOP 8
#define BOTTOM 24
#define LANE_H 14
#define LANE_GAP 4
#define LANES_MAX 64
#define PLOT_W (WIDTH - LABEL_W - 8)

static void put_label(FILE *out, const struct views *v,
		      const struct timeline_lane *lane, size_t i)
{
	fprintf(out, "<text class=\"lane\" x=\"4\" y=\"%zu\">",
		TOP + i * (LANE_H + LANE_GAP) + LANE_H - 3);
	html_text(out, lane->procname);
	fprintf(out, "[%" PRId64 "]", process_pid(lane->vpid));
	if (v->hosts.count > 1) {
		fputc('@', out);
		html_text(out, hosts_name(&v->hosts, lane->vpid));
	}
	fprintf(out, " thread %" PRId64 "</text>\n", lane->tid);
}

static void put_marks(FILE *out, const struct timeline *t,
		      const struct timeline_lane *lane, size_t i,
		      uint64_t top)
{
	double step = (double) PLOT_W / t->used;
	size_t b;

	for (b = 0; b < t->used; b++) {
		if (!lane->calls[b])
			continue;
		fprintf(out, "<rect class=\"calls\" data-pid=\"%" PRId64 "\" "
			"data-tid=\"%" PRId64 "\" data-bucket=\"%zu\" "
			"data-calls=\"%" PRIu64 "\" data-failed=\"%" PRIu64 "\" "
			"x=\"%.2f\" y=\"%zu\" width=\"%.2f\" height=\"%d\" "
			"fill=\"%s\" fill-opacity=\"%.2f\"%s><title>%" PRIu64
			" calls, %" PRIu64 " failed, from %.6f s</title></rect>\n",
			process_pid(lane->vpid), lane->tid, b, lane->calls[b],
			lane->failed[b], LABEL_W + b * step,
			TOP + i * (LANE_H + LANE_GAP), step < 1 ? 1 : step,
			LANE_H, html_colour(0),
			0.25 + 0.75 * log1p((double) lane->calls[b]) /
				     log1p((double) top),
			lane->failed[b] ? " stroke=\"#d62728\" stroke-width=\"2\"" :
					  "",
			lane->calls[b], lane->failed[b],
			b * t->width_ns / 1e9);
	}
}

int html_timeline_lanes(FILE *out, const struct views *v)
{
	const struct timeline *t = &v->timeline;
	const struct timeline_lane **lanes;
	size_t i, b, shown;
	uint64_t top = 1;
	char caption[160];

	if (!t->lane_count)
		return 0;
	lanes = timeline_lanes(t);
	if (!lanes)
		return -1;
	shown = t->lane_count < LANES_MAX ? t->lane_count : LANES_MAX;
	for (i = 0; i < shown; i++)
		for (b = 0; b < t->used; b++)
			if (lanes[i]->calls[b] > top)
				top = lanes[i]->calls[b];
	html_svg_open(out, "timeline-lanes", WIDTH,
		      TOP + shown * (LANE_H + LANE_GAP) + BOTTOM,
		      "calls per thread over time");
	for (i = 0; i < shown; i++) {
		put_label(out, v, lanes[i], i);
		put_marks(out, t, lanes[i], i, top);
	}
	fprintf(out, "<text x=\"%d\" y=\"%zu\">0 s</text>\n<text x=\"%d\" "
		"y=\"%zu\" text-anchor=\"end\">%.6f s</text>\n", LABEL_W,
		TOP + shown * (LANE_H + LANE_GAP) + 14, WIDTH - 8,
		TOP + shown * (LANE_H + LANE_GAP) + 14,
		t->used * t->width_ns / 1e9);
	if (t->lane_count > shown)
		snprintf(caption, sizeof(caption), "calls of each thread by the "
			 "time of their entry, darker: more, outlined: some "
			 "failed; %zu more threads not drawn",
			 t->lane_count - shown);
	else
		snprintf(caption, sizeof(caption), "calls of each thread by the "
			 "time of their entry, darker: more, outlined: some "
			 "failed");
	html_svg_close(out, caption);
	free(lanes);
	return 0;
}
