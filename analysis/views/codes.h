/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * How often each error code came up: errno values of failed calls, and the
 * negative status codes of move_pages pages. A short array sorted by code,
 * as a trace holds few distinct codes.
 */
#ifndef NUMASHIM_CODE_COUNTS_H
#define NUMASHIM_CODE_COUNTS_H

#include <stddef.h>
#include <stdint.h>

struct code_count {
	int code;
	uint64_t count;
};

struct code_counts {
	struct code_count *v;
	size_t len;
};

/* Both return 0, or -1 when out of memory. */
int code_counts_add(struct code_counts *cc, int code, uint64_t n);
int code_counts_merge(struct code_counts *dst, const struct code_counts *src);

uint64_t code_counts_total(const struct code_counts *cc);
void code_counts_fini(struct code_counts *cc);

/*
 * The code's name: "ENODEV" for an errno value, "-ENOENT" for a negative
 * status, from numashim-codes.h's list, or glibc's for a code not in it;
 * its number when neither has a name.
 */
const char *code_name(int code, char *buf, size_t size);

#define CODE_NAME_MAX 32

#endif /* NUMASHIM_CODE_COUNTS_H */
