// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The SVG charts of the HTML page: a latency histogram per call kind,
 * the failures by code as bars, the nodes view as a heat map, and the
 * timeline as lines. Scales are linear from zero, so a mark twice as
 * long holds twice as much.
 */
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "html.h"
#include "output.h"

#define WIDTH 720
#define HEIGHT 240
#define LEFT 64
#define RIGHT 16
#define TOP 16
#define BOTTOM 36
#define PLOT_W (WIDTH - LEFT - RIGHT)
#define PLOT_H (HEIGHT - TOP - BOTTOM)

/* The plot's axes, with the largest value at the top of the y axis. */
static void svg_axes(FILE *out, uint64_t top, const char *x_low,
		     const char *x_high)
{
	fprintf(out, "<path class=\"axis\" fill=\"none\" d=\"M%d %d V%d "
		"H%d\"/>\n", LEFT, TOP, TOP + PLOT_H, LEFT + PLOT_W);
	fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%" PRIu64
		"</text>\n<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>"
		"\n", LEFT - 4, TOP + 8, top, LEFT - 4, TOP + PLOT_H);
	fprintf(out, "<text x=\"%d\" y=\"%d\">%s</text>\n<text x=\"%d\" "
		"y=\"%d\" text-anchor=\"end\">%s</text>\n", LEFT,
		TOP + PLOT_H + 16, x_low, LEFT + PLOT_W, TOP + PLOT_H + 16,
		x_high);
}

static double bar_height(uint64_t n, uint64_t top)
{
	return (double) n * PLOT_H / (double) top;
}

/*
 * The fewest buckets a latency chart spans (two powers of two), so that
 * a kind of one call, or of calls alike, is a narrow bar on an axis
 * around it, not one as wide as the chart.
 */
#define LATENCY_SPAN_MIN 16

/*
 * The buckets from the first to the last that hold a value, widened
 * around them to LATENCY_SPAN_MIN.
 */
static void histogram_span(const struct histogram *h, unsigned int *first,
			   unsigned int *last)
{
	unsigned int b, wanted;

	*first = HISTOGRAM_BUCKETS;
	*last = 0;
	for (b = 0; b < HISTOGRAM_BUCKETS; b++) {
		if (!h->buckets[b])
			continue;
		if (*first == HISTOGRAM_BUCKETS)
			*first = b;
		*last = b;
	}
	if (*last - *first + 1 >= LATENCY_SPAN_MIN)
		return;
	wanted = LATENCY_SPAN_MIN - (*last - *first + 1);
	*first -= *first < wanted / 2 ? *first : wanted / 2;
	*last = *first + LATENCY_SPAN_MIN - 1;
	if (*last >= HISTOGRAM_BUCKETS) {
		*last = HISTOGRAM_BUCKETS - 1;
		*first = *last - (LATENCY_SPAN_MIN - 1);
	}
}

/*
 * A latency bar's height, on a logarithmic scale of calls: with a
 * million calls in one bucket, a bucket of one call still shows.
 */
static double log_bar_height(uint64_t n, uint64_t top)
{
	return PLOT_H * log1p((double) n) / log1p((double) top);
}

static uint64_t bucket_high(unsigned int b)
{
	return b + 1 < HISTOGRAM_BUCKETS ? histogram_bucket_low(b + 1) - 1 :
	       UINT64_MAX;
}

static void latency_chart(FILE *out, enum call_kind kind,
			  const struct histogram *h)
{
	unsigned int first, last, b;
	uint64_t top = 0;
	char id[48], low[32], high[32];
	double w, y;

	histogram_span(h, &first, &last);
	for (b = first; b <= last; b++)
		if (h->buckets[b] > top)
			top = h->buckets[b];
	w = (double) PLOT_W / (last - first + 1);
	snprintf(id, sizeof(id), "latency-%s", call_kind_names[kind]);
	snprintf(low, sizeof(low), "%.1f us", histogram_bucket_low(first) / 1e3);
	snprintf(high, sizeof(high), "%.1f us", bucket_high(last) / 1e3);
	html_svg_open(out, id, WIDTH, HEIGHT, call_kind_names[kind]);
	svg_axes(out, top, low, high);
	for (b = first; b <= last; b++) {
		if (!h->buckets[b])
			continue;
		y = log_bar_height(h->buckets[b], top);
		fprintf(out, "<rect class=\"bar\" data-low=\"%" PRIu64 "\" "
			"data-high=\"%" PRIu64 "\" data-count=\"%" PRIu64 "\" "
			"x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
			"fill=\"%s\"><title>%" PRIu64 " calls of %" PRIu64
			" to %" PRIu64 " ns</title></rect>\n",
			histogram_bucket_low(b), bucket_high(b), h->buckets[b],
			LEFT + (b - first) * w, TOP + PLOT_H - y, w, y,
			html_colour(kind), h->buckets[b], histogram_bucket_low(b),
			bucket_high(b));
	}
	html_svg_close(out, "calls by latency, in buckets an eighth of a power "
		  "of two wide; the calls on a logarithmic scale");
}

void html_latency_charts(FILE *out, struct summary_row *const *rows,
			 size_t count)
{
	struct histogram kinds[CALL_KINDS] = { 0 };
	size_t i;
	int k;

	for (i = 0; i < count; i++)
		histogram_merge(&kinds[rows[i]->kind], &rows[i]->latency);
	for (k = 0; k < CALL_KINDS; k++) {
		if (!kinds[k].count)
			continue;
		fprintf(out, "<h3>Latency of %s</h3>\n", call_kind_names[k]);
		latency_chart(out, k, &kinds[k]);
	}
}

#define BAR_ROW 24
#define LABEL_W 240

static void failure_label(const struct failure_group *g, char *buf,
			  size_t size)
{
	bool page = g->scope == NUMASHIM_SCOPE_PAGE;
	char name[CODE_NAME_MAX];

	snprintf(buf, size, "%s %s", page ? "move_pages page" :
		 failure_scope_calls[g->scope],
		 code_name(failure_code(g), name, sizeof(name)));
}

void html_failures_chart(FILE *out, struct failure_group *const *groups,
			 size_t count)
{
	int height = TOP + BAR_ROW * count + BOTTOM;
	const double plot = WIDTH - LABEL_W - RIGHT - 48;
	char label[CODE_NAME_MAX + 32];
	uint64_t top = 0;
	size_t i;

	if (!count) {
		fputs("<p>No call and no page failed.</p>\n", out);
		return;
	}
	for (i = 0; i < count; i++)
		if (groups[i]->count > top)
			top = groups[i]->count;
	html_svg_open(out, "failures-chart", WIDTH, height, "failures by code");
	for (i = 0; i < count; i++) {
		int y = TOP + BAR_ROW * i;
		double w = (double) groups[i]->count * plot / (double) top;

		failure_label(groups[i], label, sizeof(label));
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s"
			"</text>\n<rect class=\"bar\" data-code=\"%s\" "
			"data-count=\"%" PRIu64 "\" x=\"%d\" y=\"%d\" "
			"width=\"%.2f\" height=\"%d\" fill=\"%s\"/>\n"
			"<text x=\"%.2f\" y=\"%d\">%" PRIu64 "</text>\n",
			LABEL_W - 6, y + 15, label, label, groups[i]->count,
			LABEL_W, y + 2, w, BAR_ROW - 4,
			html_colour(groups[i]->scope),
			LABEL_W + w + 4, y + 15, groups[i]->count);
	}
	html_svg_close(out, "failed calls (by errno) and move_pages pages (by "
		  "status), most first");
}

#define CELL_W 72
#define CELL_H 28
#define HEAD_W 150

/* From pale to dark blue as pages go from none to the most of a cell. */
static void cell_colour(uint64_t pages, uint64_t top, char *buf, size_t size)
{
	double f = (double) pages / (double) top;

	snprintf(buf, size, "rgb(%d,%d,%d)", (int) (230 - f * 222),
		 (int) (238 - f * 190), (int) (255 - f * 148));
}

static void put_node_label(FILE *out, int32_t node, const char *none)
{
	if (node == NODE_NONE)
		fputs(none, out);
	else
		fprintf(out, "node %" PRId32, node);
}

/* A page's status: the node it is on, or an error code. */
static void put_result_label(FILE *out, int32_t result)
{
	char name[CODE_NAME_MAX];

	if (result < 0)
		fputs(code_name(result, name, sizeof(name)), out);
	else
		put_node_label(out, result, "");
}

static size_t column_of(const int32_t *results, size_t count, int32_t r)
{
	size_t c;

	for (c = 0; c < count && results[c] != r; c++)
		;
	return c;
}

static void heat_cell(FILE *out, const struct node_cell *cell, size_t row,
		      size_t column, uint64_t top)
{
	int x = HEAD_W + CELL_W * (int) column, y = TOP + CELL_H * (int) (row + 1);
	char fill[32];

	cell_colour(cell->pages, top, fill, sizeof(fill));
	fprintf(out, "<rect class=\"cell\" data-requested=\"%" PRId32 "\" "
		"data-kernel=\"%" PRId32 "\" data-result=\"%" PRId32 "\" "
		"data-pages=\"%" PRIu64 "\" x=\"%d\" y=\"%d\" width=\"%d\" "
		"height=\"%d\" fill=\"%s\"/>\n<text x=\"%d\" y=\"%d\" "
		"text-anchor=\"middle\"%s>%" PRIu64 "</text>\n",
		cell->requested, cell->kernel, cell->result, cell->pages, x, y,
		CELL_W - 2, CELL_H - 2, fill, x + CELL_W / 2, y + 18,
		cell->pages * 2 > top ? " style=\"fill:#fff\"" : "",
		cell->pages);
}

/* The heading of the row of cell, the first of its row. */
static void row_heading(FILE *out, const struct node_cell *cell, size_t row)
{
	fprintf(out, "<text x=\"4\" y=\"%d\">", TOP + CELL_H * (int) (row + 1) + 18);
	put_node_label(out, cell->requested, "query");
	if (cell->kernel != cell->requested) {
		fputs(" (kernel: ", out);
		put_node_label(out, cell->kernel, "none");
		fputc(')', out);
	}
	fputs("</text>\n", out);
}

static bool same_row(const struct node_cell *a, const struct node_cell *b)
{
	return a->requested == b->requested && a->kernel == b->kernel;
}

static size_t count_rows(const struct node_cells *cells)
{
	size_t i, rows = 0;

	for (i = 0; i < cells->len; i++)
		rows += !i || !same_row(&cells->v[i - 1], &cells->v[i]);
	return rows;
}

static void heat_map(FILE *out, const struct node_cells *cells,
		     const int32_t *results, size_t count)
{
	uint64_t top = 0;
	size_t i, row = 0;

	for (i = 0; i < cells->len; i++)
		if (cells->v[i].pages > top)
			top = cells->v[i].pages;
	for (i = 0; i < count; i++) {
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
			HEAD_W + CELL_W * (int) i + CELL_W / 2, TOP + 18);
		put_result_label(out, results[i]);
		fputs("</text>\n", out);
	}
	for (i = 0; i < cells->len; i++) {
		if (i && !same_row(&cells->v[i - 1], &cells->v[i]))
			row++;
		if (!i || !same_row(&cells->v[i - 1], &cells->v[i]))
			row_heading(out, &cells->v[i], row);
		heat_cell(out, &cells->v[i], row, column_of(results, count,
			  cells->v[i].result), top);
	}
}

void html_nodes_chart(FILE *out, const struct node_cells *cells,
		      const int32_t *results, size_t count)
{
	size_t rows = count_rows(cells);

	if (!cells->len) {
		fputs("<p>No move_pages page status in the trace.</p>\n", out);
		return;
	}
	html_svg_open(out, "nodes-chart", HEAD_W + CELL_W * count + RIGHT,
		 TOP + CELL_H * (rows + 1) + 8, "pages by node");
	heat_map(out, cells, results, count);
	html_svg_close(out, "pages in each cell: darker, more");
}

/* A line per series, a point per bucket at the bucket's middle. */
struct series {
	const char *name;
	uint64_t (*value)(const struct timeline *t, size_t index, size_t b);
	size_t index;
};

static void line(FILE *out, const struct timeline *t, const struct series *s,
		 uint64_t top, const char *colour)
{
	double step = (double) PLOT_W / t->used;
	size_t b;

	fputs("<polyline class=\"line\" data-series=\"", out);
	html_text(out, s->name);
	fputs("\" data-values=\"", out);
	for (b = 0; b < t->used; b++)
		fprintf(out, "%s%" PRIu64, b ? " " : "", s->value(t, s->index, b));
	fputs("\" points=\"", out);
	for (b = 0; b < t->used; b++)
		fprintf(out, "%s%.2f,%.2f", b ? " " : "", LEFT + (b + 0.5) * step,
			TOP + PLOT_H - bar_height(s->value(t, s->index, b), top));
	fprintf(out, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
		colour);
}

static void legend(FILE *out, const struct series *s, size_t i)
{
	int x = LEFT + 8 + 130 * (int) i;

	fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" "
		"fill=\"%s\"/>\n<text x=\"%d\" y=\"%d\">", x, TOP,
		html_colour(i), x + 14, TOP + 9);
	html_text(out, s->name);
	fputs("</text>\n", out);
}

static void line_chart(FILE *out, const struct timeline *t, const char *id,
		       const struct series *series, size_t count,
		       const char *caption)
{
	char end[32];
	uint64_t top = 1, v;
	size_t i, b;

	for (i = 0; i < count; i++)
		for (b = 0; b < t->used; b++) {
			v = series[i].value(t, series[i].index, b);
			if (v > top)
				top = v;
		}
	snprintf(end, sizeof(end), "%.6f s", t->used * t->width_ns / 1e9);
	html_svg_open(out, id, WIDTH, HEIGHT, caption);
	svg_axes(out, top, "0 s", end);
	for (i = 0; i < count; i++) {
		line(out, t, &series[i], top, html_colour(i));
		legend(out, &series[i], i);
	}
	html_svg_close(out, caption);
}

static uint64_t calls_of(const struct timeline *t, size_t kind, size_t b)
{
	return t->buckets[b].calls[kind];
}

static uint64_t failed_in(const struct timeline *t, size_t kind, size_t b)
{
	uint64_t n = 0;
	int k;

	(void) kind;
	for (k = 0; k < CALL_KINDS; k++)
		n += t->buckets[b].failed[k];
	return n;
}

static uint64_t not_migrated(const struct timeline *t, size_t unused,
			     size_t b)
{
	(void) unused;
	return t->buckets[b].not_migrated;
}

static bool has_policy_calls(const struct timeline *t)
{
	size_t b;
	int k;

	for (b = 0; b < t->used; b++)
		for (k = CALL_SET_MEMPOLICY; k < CALL_KINDS; k++)
			if (t->buckets[b].calls[k])
				return true;
	return false;
}

int html_timeline_charts(FILE *out, const struct timeline *t)
{
	struct series calls[CALL_KINDS + 1], *pages;
	char (*names)[24];
	size_t n;
	int k;

	if (!t->used) {
		fputs("<p>No call in the timeline.</p>\n", out);
		return 0;
	}
	/*
	 * The placement calls and every failed call; the policy calls in a
	 * chart of their own, when there are some, for the legend to hold.
	 */
	for (k = 0; k < CALL_KINDS; k++)
		calls[k] = (struct series) { call_kind_names[k], calls_of, k };
	calls[CALL_SET_MEMPOLICY] = (struct series) { "failed", failed_in, 0 };
	line_chart(out, t, "timeline-calls", calls, CALL_SET_MEMPOLICY + 1,
		   "calls by the time of their entry");
	calls[CALL_SET_MEMPOLICY] = (struct series) {
		call_kind_names[CALL_SET_MEMPOLICY], calls_of,
		CALL_SET_MEMPOLICY,
	};
	if (has_policy_calls(t))
		line_chart(out, t, "timeline-policy",
			   calls + CALL_SET_MEMPOLICY,
			   CALL_KINDS - CALL_SET_MEMPOLICY,
			   "policy calls by the time of their entry");
	pages = calloc(t->node_count + 1, sizeof(*pages));
	names = calloc(t->node_count + 1, sizeof(*names));
	if (!pages || !names) {
		free(pages);
		free(names);
		return -1;
	}
	for (n = 0; n < t->node_count; n++) {
		snprintf(names[n], sizeof(*names), "node %" PRId32, t->nodes[n]);
		pages[n] = (struct series) { names[n], timeline_moved, n };
	}
	pages[n] = (struct series) { "not migrated", not_migrated, 0 };
	line_chart(out, t, "timeline-pages", pages, n + 1,
		   "pages moved to each node (move_pages), and pages "
		   "migrate_pages could not move");
	free(pages);
	free(names);
	return 0;
}
