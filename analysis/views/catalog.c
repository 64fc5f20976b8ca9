// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <string.h>

#include "catalog.h"

#define VIEW_ROW(ID, id, has_lami, text) \
	[NUMASHIM_REPORT_##ID] = { .name = #id, .lami = has_lami, .help = text },
const struct report_view report_views[NUMASHIM_REPORT_VIEW_COUNT] = {
	NUMASHIM_REPORT_VIEWS(VIEW_ROW)
};
#undef VIEW_ROW

int report_view_parse(const char *name, enum numashim_report_view *view)
{
	size_t i;

	for (i = 0; i < NUMASHIM_REPORT_VIEW_COUNT; i++) {
		if (!strcmp(name, report_views[i].name)) {
			*view = i;
			return 0;
		}
	}
	return -1;
}

/* The name in a column of its own, the help's lines beside it. */
#define NAME_COLUMNS 10

void report_views_usage(FILE *out)
{
	const char *line, *end;
	size_t i;

	for (i = 0; i < NUMASHIM_REPORT_VIEW_COUNT; i++) {
		fprintf(out, "  %-*s", NAME_COLUMNS - 1, report_views[i].name);
		for (line = report_views[i].help; *line; line = end + !!*end) {
			end = strchrnul(line, '\n');
			fprintf(out, "%*s%.*s\n", line == report_views[i].help ?
				1 : NAME_COLUMNS + 2, "", (int) (end - line),
				line);
		}
	}
}

char *report_names_join(char *buf, size_t size, const void *names, size_t n,
			size_t stride, const char *quote,
			const char *conjunction)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		const char *name = *(const char *const *)
			((const char *) names + i * stride);

		if (i + 1 == n && i && conjunction)
			len += snprintf(buf + len, size - len, " %s ",
					conjunction);
		else if (i)
			len += snprintf(buf + len, size - len, ", ");
		if (len < size)
			len += snprintf(buf + len, size - len, "%s%s%s", quote,
					name, quote);
	}
	return buf;
}
