// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Strings from a trace, written for a terminal. A trace holds names the
 * traced program chose (its process name, the paths of its libraries,
 * its symbols): written raw, an escape sequence among them would drive
 * the terminal that shows the report. As strace does, every control
 * character (C0, DEL and C1), and every byte that is not part of valid
 * UTF-8, is written as \xHH, one escape a byte; a backslash as \\, so
 * that the escaped text tells every original byte.
 */
#include <stddef.h>

#include "output.h"

size_t utf8_decode(const char *str, unsigned long *code)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t len, i;
	unsigned long c;

	if (*s < 0x80)
		len = 1, c = *s;
	else if (*s >= 0xc2 && *s <= 0xdf)
		len = 2, c = *s & 0x1f;
	else if (*s >= 0xe0 && *s <= 0xef)
		len = 3, c = *s & 0x0f;
	else if (*s >= 0xf0 && *s <= 0xf4)
		len = 4, c = *s & 0x07;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*code = c;
	return len;
}

/* The length of the valid UTF-8 character at s that is no control, or 0. */
static size_t printable_length(const char *s)
{
	unsigned long c;
	size_t len = utf8_decode(s, &c);

	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 0;
	return len;
}

size_t put_escaped(FILE *out, const char *s, char twice)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t len, written = 0;

	while (*p) {
		len = printable_length((const char *) p);
		if (*p == '\\' || (twice && *p == (unsigned char) twice)) {
			fprintf(out, "%c%c", *p, *p);
			written += 2;
		} else if (len) {
			written += fwrite(p, 1, len, out);
		} else {
			written += fprintf(out, "\\x%02x", *p);
		}
		p += len ? len : 1;
	}
	return written;
}
