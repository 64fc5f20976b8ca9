// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A CSV field (RFC 4180), as every CSV writer puts a string: escaped as
 * in text (put_escaped), then quoted as RFC 4180 says when it must be.
 */
#include <string.h>

#include "output.h"

void put_csv_string(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!s[strcspn(s, ",\"")]) {
		put_escaped(out, s, 0);
		return;
	}
	fputc('"', out);
	put_escaped(out, s, '"');
	fputc('"', out);
}

