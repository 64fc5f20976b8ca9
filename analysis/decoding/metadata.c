// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <byteswap.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <babeltrace2/babeltrace.h>

#include "metadata.h"

/* CTF 1.8's metadata packet header, as babeltrace2 reads it. */
#define TSDL_MAGIC 0x75d11d57
#define HEADER_SIZE 37
#define CONTENT_SIZE_AT 24	/* after magic, uuid and checksum */

struct metadata_file {
	const char *path;
	FILE *fp;
	uint64_t size;
	bool swapped;		/* written in the other byte order */
};

static int problem(const struct metadata_file *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int problem(const struct metadata_file *m, const char *fmt, ...)
{
	char *text = NULL;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	va_end(ap);
	BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_UNKNOWN("numashim",
		"%s: %s", m->path, text ? text : "damaged");
	free(text);
	return -1;
}

static uint32_t u32_at(const struct metadata_file *m, const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return m->swapped ? bswap_32(v) : v;
}

/* The packet at offset: its size in bytes, 0 at the end, -1 if damaged. */
static int64_t check_packet(const struct metadata_file *m, uint64_t offset,
			    unsigned int index)
{
	uint8_t header[HEADER_SIZE];
	uint64_t content, packet;

	if (offset == m->size)
		return 0;
	if (m->size - offset < HEADER_SIZE ||
	    fseeko(m->fp, offset, SEEK_SET) ||
	    fread(header, sizeof(header), 1, m->fp) != 1)
		return problem(m, "metadata packet %u at byte %llu is cut "
			       "short: the file ends at byte %llu, within "
			       "its header", index,
			       (unsigned long long) offset,
			       (unsigned long long) m->size);
	if (u32_at(m, header) != TSDL_MAGIC)
		return problem(m, "no metadata packet header at byte %llu "
			       "(packet %u)", (unsigned long long) offset,
			       index);
	content = u32_at(m, header + CONTENT_SIZE_AT) / 8;
	packet = u32_at(m, header + CONTENT_SIZE_AT + 4) / 8;
	if (content < HEADER_SIZE || packet < content)
		return problem(m, "metadata packet %u at byte %llu has "
			       "impossible sizes: content %llu bytes, packet "
			       "%llu bytes", index,
			       (unsigned long long) offset,
			       (unsigned long long) content,
			       (unsigned long long) packet);
	if (content > m->size - offset)
		return problem(m, "metadata packet %u at byte %llu is cut "
			       "short: its content ends at byte %llu, the "
			       "file at byte %llu", index,
			       (unsigned long long) offset,
			       (unsigned long long) (offset + content),
			       (unsigned long long) m->size);
	return packet < m->size - offset ? (int64_t) packet :
	       (int64_t) (m->size - offset);
}

static int check_packets(struct metadata_file *m)
{
	uint8_t magic[4];
	uint64_t offset = 0;
	unsigned int index = 0;
	int64_t size;

	if (fread(magic, sizeof(magic), 1, m->fp) != 1)
		return 0;	/* babeltrace2 says what is wrong with it */
	if (u32_at(m, magic) != TSDL_MAGIC) {
		m->swapped = true;
		if (u32_at(m, magic) != TSDL_MAGIC)
			return 0;	/* plain text metadata */
	}
	while ((size = check_packet(m, offset, index++)) > 0)
		offset += size;
	return size < 0 ? -1 : 0;
}

int metadata_check(const char *dir)
{
	struct metadata_file m = { 0 };
	char *path = NULL;
	struct stat st;
	int ret = 0;

	if (asprintf(&path, "%s/metadata", dir) < 0)
		return -1;
	m.path = path;
	m.fp = fopen(path, "rb");
	if (!m.fp || fstat(fileno(m.fp), &st))
		ret = problem(&m, "%s", strerror(errno));
	else {
		m.size = st.st_size;
		ret = check_packets(&m);
	}
	if (m.fp)
		fclose(m.fp);
	free(path);
	return ret;
}
