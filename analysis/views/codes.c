// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "numashim-codes.h"

int code_counts_add(struct code_counts *cc, int code, uint64_t n)
{
	struct code_count *v;
	size_t i;

	for (i = 0; i < cc->len && cc->v[i].code < code; i++)
		;
	if (i < cc->len && cc->v[i].code == code) {
		cc->v[i].count += n;
		return 0;
	}
	v = realloc(cc->v, (cc->len + 1) * sizeof(*v));
	if (!v)
		return -1;
	memmove(&v[i + 1], &v[i], (cc->len - i) * sizeof(*v));
	v[i] = (struct code_count) { code, n };
	cc->v = v;
	cc->len++;
	return 0;
}

int code_counts_merge(struct code_counts *dst, const struct code_counts *src)
{
	size_t i;

	for (i = 0; i < src->len; i++)
		if (code_counts_add(dst, src->v[i].code, src->v[i].count))
			return -1;
	return 0;
}

uint64_t code_counts_total(const struct code_counts *cc)
{
	uint64_t total = 0;
	size_t i;

	for (i = 0; i < cc->len; i++)
		total += cc->v[i].count;
	return total;
}

void code_counts_fini(struct code_counts *cc)
{
	free(cc->v);
	*cc = (struct code_counts) { 0 };
}

const char *code_name(int code, char *buf, size_t size)
{
	/* A damaged trace's status, and no errno: abs() cannot take it. */
	const char *name = code == INT_MIN ? NULL :
			   numashim_code_name(abs(code));

	/* A code the kernel's documentation does not give: glibc may know it. */
	if (!name && code != INT_MIN)
		name = strerrorname_np(abs(code));

	if (name)
		snprintf(buf, size, "%s%s", code < 0 ? "-" : "", name);
	else
		snprintf(buf, size, "%d", code);
	return buf;
}
