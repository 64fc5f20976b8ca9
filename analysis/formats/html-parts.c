// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What the HTML page (html.c) and its sections (html-charts.c,
 * html-policies.c) share: text escaped for HTML, a chart's SVG frame,
 * and the colours of a chart's series.
 */
#include "html.h"

/*
 * The bytes at s that are a control character but tab, which a page
 * must not hold: C0, DEL, and C1 in UTF-8 (U+0080 to U+009F); 0: none.
 */
static size_t control_at(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;

	if ((*u < 0x20 && *u != '\t') || *u == 0x7f)
		return 1;
	return u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f ? 2 : 0;
}

void html_text(FILE *out, const char *s)
{
	size_t control;

	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default:
			control = control_at(s);
			if (control) {
				fputs("&#xFFFD;", out);
				s += control - 1;
			} else {
				fputc(*s, out);
			}
		}
	}
}

static const char *const colours[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
	"#e377c2", "#17becf",
};

#define COLOURS (sizeof(colours) / sizeof(*colours))

const char *html_colour(size_t i)
{
	return colours[i % COLOURS];
}

void html_svg_open(FILE *out, const char *id, int width, int height,
		   const char *title)
{
	fprintf(out, "<figure>\n<svg id=\"%s\" class=\"chart\" "
		"xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n"
		"<title>%s</title>\n", id, width, height, width, height, title);
}

void html_svg_close(FILE *out, const char *caption)
{
	fprintf(out, "</svg>\n<figcaption>%s</figcaption>\n</figure>\n",
		caption);
}
