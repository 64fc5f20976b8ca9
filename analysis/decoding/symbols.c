// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <elfutils/libdwfl.h>
#include <stdlib.h>
#include <string.h>

#include "symbols.h"

/* A binary as libdwfl sees it alone, at the addresses of the trace's offsets. */
struct symbol_binary {
	char *path;
	Dwfl *dwfl;
	Dwfl_Module *module;	/* NULL: the binary could not be read */
};

static const Dwfl_Callbacks offline_callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

/*
 * Offsets are from the binary's first loaded segment when it is
 * position-independent (placed there by add_p_vaddr), and addresses as
 * linked otherwise, which libdwfl keeps for an executable: both are then
 * libdwfl's addresses too. One Dwfl a binary, as libraries all start at 0.
 */
static void open_binary(struct symbol_binary *b)
{
	b->dwfl = dwfl_begin(&offline_callbacks);
	if (!b->dwfl)
		return;
	b->module = dwfl_report_elf(b->dwfl, b->path, b->path, -1, 0, true);
	dwfl_report_end(b->dwfl, NULL, NULL);
}

static struct symbol_binary *binary_get(struct symbolizer *s, const char *path)
{
	struct symbol_binary *v;
	size_t i;

	for (i = 0; i < s->count; i++)
		if (!strcmp(s->binaries[i].path, path))
			return &s->binaries[i];
	v = realloc(s->binaries, (s->count + 1) * sizeof(*v));
	if (!v)
		return NULL;
	s->binaries = v;
	v = &s->binaries[s->count];
	*v = (struct symbol_binary) { strdup(path), NULL, NULL };
	if (!v->path)
		return NULL;
	s->count++;
	open_binary(v);
	return v;
}

static bool same_build(Dwfl_Module *module, const uint8_t *build_id,
		       size_t build_id_len)
{
	const unsigned char *bits;
	GElf_Addr vaddr;
	int len;

	if (!build_id_len)
		return true;
	len = dwfl_module_build_id(module, &bits, &vaddr);
	return len > 0 && (size_t) len == build_id_len &&
	       !memcmp(bits, build_id, len);
}

/*
 * The call instruction ends at the return address: its function and
 * line are the byte before, which may be the last of a function that
 * does not return.
 */
static void lookup(Dwfl_Module *module, uint64_t offset, struct symbol *sym)
{
	Dwarf_Addr call = offset - 1;
	GElf_Off function_offset = 0;
	GElf_Sym elf_sym;
	Dwfl_Line *line;

	sym->function = dwfl_module_addrinfo(module, call, &function_offset,
					     &elf_sym, NULL, NULL, NULL);
	sym->function_offset = function_offset + 1;
	line = dwfl_module_getsrc(module, call);
	if (line)
		sym->file = dwfl_lineinfo(line, NULL, &sym->line, NULL, NULL,
					  NULL);
	if (!sym->function && !sym->file)
		sym->problem = "no symbol or debug information for it";
}

struct symbol symbolize(struct symbolizer *s, const char *path,
			const uint8_t *build_id, size_t build_id_len,
			uint64_t offset)
{
	struct symbol sym = { 0 };
	struct symbol_binary *b;

	if (!path || !*path) {
		sym.problem = "in no binary the trace knows";
		return sym;
	}
	b = binary_get(s, path);
	if (!b)
		sym.problem = "out of memory";
	else if (!b->module)
		sym.problem = "the binary cannot be read here";
	else if (!same_build(b->module, build_id, build_id_len))
		sym.problem = "the binary here is another build than the "
			      "trace's (its build-id differs)";
	else if (offset)
		lookup(b->module, offset, &sym);
	return sym;
}

void symbolizer_fini(struct symbolizer *s)
{
	size_t i;

	for (i = 0; i < s->count; i++) {
		if (s->binaries[i].dwfl)
			dwfl_end(s->binaries[i].dwfl);
		free(s->binaries[i].path);
	}
	free(s->binaries);
	*s = (struct symbolizer) { 0 };
}
