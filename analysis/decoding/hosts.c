// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>
#include <string.h>

#include "hosts.h"

void hosts_fini(struct hosts *h)
{
	size_t i;

	for (i = 0; i < h->count; i++)
		free(h->names[i]);
	free(h->names);
	*h = (struct hosts) { NULL };
}

static const char *hostname_of(const bt_trace *trace)
{
	const bt_value *v = bt_trace_borrow_environment_entry_value_by_name_const(
		trace, "hostname");

	return v && bt_value_is_string(v) ? bt_value_string_get(v) : "";
}

/* The index of name, added when new; -1: out of memory. */
static int64_t host_index(struct hosts *h, const char *name)
{
	char **names;
	size_t i;

	for (i = 0; i < h->count; i++)
		if (!strcmp(h->names[i], name))
			return i;
	if (h->count == h->size) {
		names = realloc(h->names, (2 * h->size + 1) * sizeof(*names));
		if (!names)
			return -1;
		h->names = names;
		h->size = 2 * h->size + 1;
	}
	h->names[h->count] = strdup(name);
	return h->names[h->count] ? (int64_t) h->count++ : -1;
}

int hosts_of_trace(struct hosts *h, const bt_trace *trace, uint32_t *index)
{
	int64_t i;

	/* Events come in runs of one trace: look the name up once a run. */
	if (trace != h->last || !h->count) {
		i = host_index(h, hostname_of(trace));
		if (i < 0)
			return -1;
		h->last = trace;
		h->last_index = i;
	}
	*index = h->last_index;
	return 0;
}

const char *hosts_name(const struct hosts *h, int64_t key)
{
	uint32_t i = process_host(key);

	return key >= 0 && i < h->count ? h->names[i] : "";
}
