// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "hosts.h"

bool call_filter_pass(const struct call_filter *f, const struct hosts *hosts,
		      const struct call_record *c, bool finished)
{
	if (f->by_pid && process_pid(c->vpid) != f->pid)
		return false;
	if (f->by_tid && c->tid != f->tid)
		return false;
	if (f->procname && (!c->procname || strcmp(c->procname, f->procname)))
		return false;
	if (f->host && strcmp(hosts_name(hosts, c->vpid), f->host))
		return false;
	if (f->by_rank && c->rank != f->rank)
		return false;
	if (f->kinds && !(f->kinds & 1U << c->kind))
		return false;
	if (c->start_ns < f->begin_ns || (f->end_ns && c->start_ns > f->end_ns))
		return false;
	if (!finished)
		return !f->min_latency_ns;
	return c->latency_ns >= f->min_latency_ns;
}

int call_filter_parse_kinds(const char *text, unsigned int *kinds)
{
	size_t len;
	int k;

	*kinds = 0;
	while (*text) {
		len = strcspn(text, ",");
		for (k = 0; k < CALL_KINDS; k++)
			if (strlen(call_kind_names[k]) == len &&
			    !strncmp(text, call_kind_names[k], len))
				break;
		if (k == CALL_KINDS)
			return -1;
		*kinds |= 1U << k;
		text += len + (text[len] == ',');
	}
	return *kinds ? 0 : -1;
}

/* text as a count of unit nanoseconds, up to nine decimals. */
static int parse_scaled(const char *text, uint64_t unit, const char **rest,
			uint64_t *ns)
{
	uint64_t whole, fraction = 0, scale = unit;
	char *end;

	if (*text < '0' || *text > '9')
		return -1;
	errno = 0;
	whole = strtoull(text, &end, 10);
	if (errno || whole > UINT64_MAX / unit)
		return -1;
	if (*end == '.') {
		for (end++; *end >= '0' && *end <= '9'; end++) {
			scale /= 10;
			fraction += (uint64_t) (*end - '0') * scale;
		}
	}
	*ns = whole * unit + fraction;
	*rest = end;
	return 0;
}

int call_filter_parse_time(const char *text, uint64_t *ns)
{
	const char *rest;

	if (parse_scaled(text, 1000000000, &rest, ns) || *rest)
		return -1;
	return 0;
}

int call_filter_parse_latency(const char *text, uint64_t *ns)
{
	static const struct { const char *suffix; uint64_t ns; } units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 },
		{ "s", 1000000000 },
	};
	const char *rest;
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(*units); i++) {
		const char *at = strstr(text, units[i].suffix);

		if (at && !strcmp(at, units[i].suffix) &&
		    !parse_scaled(text, units[i].ns, &rest, ns) &&
		    rest == at)
			return 0;
	}
	return -1;
}
