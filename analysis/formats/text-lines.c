// SPDX-License-Identifier: LGPL-2.1-or-later
/* The lines of text every view writes for a terminal: paragraphs, warnings. */
#include <string.h>

#include "output.h"

#define WRAP_COLUMNS 78

void put_wrapped(FILE *out, const char *first, const char *indent,
		 const char *text)
{
	size_t room = WRAP_COLUMNS - strlen(indent), len;

	while (*text) {
		len = strlen(text);
		if (len > room) {
			/* Break at the last space that fits, if any. */
			for (len = room; len && text[len] != ' '; len--)
				;
			if (!len)
				len = strcspn(text, " ");
		}
		fprintf(out, "%s%.*s\n", first, (int) len, text);
		text += len + strspn(text + len, " ");
		first = indent;
	}
}

void put_warning(void *out, const char *message)
{
	fprintf(out, "\nwarning: %s\n", message);
}
