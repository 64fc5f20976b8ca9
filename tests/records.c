// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numashim report's summary of the traces given, which also writes down
 * each call record the views are given, one JSON line a call, into the
 * file $NUMASHIM_RECORDS, for a test to hold to what its program
 * expected (weightscheck.py). Linked with --wrap=views_add_call: the
 * report's own views_add_call counts every call as it does without.
 *
 *	records TRACE...
 */
#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "views.h"
#include "weights.h"

int __real_views_add_call(struct views *v, const struct call_record *c);
int __wrap_views_add_call(struct views *v, const struct call_record *c);

static FILE *records;

static void put_list(const char *name, const void *v, size_t n, int bytes)
{
	size_t i;

	fprintf(records, "\"%s\": [", name);
	for (i = 0; i < n; i++)
		fprintf(records, "%s%u", i ? ", " : "",
			bytes ? ((const uint8_t *) v)[i] :
				((const uint32_t *) v)[i]);
	fputc(']', records);
}

int __wrap_views_add_call(struct views *v, const struct call_record *c)
{
	const struct interleave_weights *w = c->weights;

	fprintf(records, "{\"call\": \"%s\", \"pid\": %lld, \"tid\": %lld, ",
		call_kind_names[c->kind], (long long) c->vpid,
		(long long) c->tid);
	fputs("\"weights\": ", records);
	if (w) {
		fputc('{', records);
		put_list("nodes", w->nodes, w->len, 0);
		fputs(", ", records);
		put_list("weights", w->weights, w->len, 1);
		fputc('}', records);
	} else {
		fputs("null", records);
	}
	fputs("}\n", records);
	return __real_views_add_call(v, c);
}

int main(int argc, char **argv)
{
	const char *path = getenv("NUMASHIM_RECORDS");
	struct numashim_report_options options = { 0 };
	FILE *out = fopen("/dev/null", "w");
	int ret;

	if (argc < 2 || !path) {
		fputs("usage: NUMASHIM_RECORDS=FILE records TRACE...\n", stderr);
		return 2;
	}
	records = fopen(path, "w");
	if (!records || !out) {
		perror(records ? "/dev/null" : path);
		return 2;
	}
	ret = numashim_report_summary(out, (const char *const *) argv + 1,
				      argc - 1, &options);
	if (fclose(records)) {
		perror(path);
		return 2;
	}
	return ret;
}
