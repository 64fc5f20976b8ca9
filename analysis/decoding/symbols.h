/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Call sites named offline with elfutils: a binary and an offset in it
 * (maps.h) become a function, an offset in it and, where the binary or
 * its separate debug information (found by build-id or debug link, as
 * libdwfl does) has DWARF line tables, a source file and line. Each
 * binary is opened once, however many sites it holds.
 */
#ifndef NUMASHIM_SYMBOLS_H
#define NUMASHIM_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

struct symbolizer {
	struct symbol_binary *binaries;
	size_t count;
};

/* What is known of one site; strings live as long as the symbolizer. */
struct symbol {
	const char *function;	/* NULL: no symbol covers the site */
	uint64_t function_offset;
	const char *file;	/* NULL: no line table covers the site */
	int line;
	/* Why nothing is named: the binary is missing, another build... */
	const char *problem;
};

/*
 * The symbol of the return address at offset in the binary at path, as
 * the trace's maps give it; build_id (length build_id_len, 0 when the
 * trace recorded none) must be the binary's own for it to be trusted.
 */
struct symbol symbolize(struct symbolizer *s, const char *path,
			const uint8_t *build_id, size_t build_id_len,
			uint64_t offset);

void symbolizer_fini(struct symbolizer *s);

#endif /* NUMASHIM_SYMBOLS_H */
