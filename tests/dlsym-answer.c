// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "dlsym-answer.h"

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path ? path : "?";
}

const char *dlsym_answer(void *found, char *buf, size_t size)
{
	const char *err = dlerror();
	Dl_info info;

	if (!found)
		snprintf(buf, size, "NULL: %s", err ? err : "(no error)");
	else if (!dladdr(found, &info))
		snprintf(buf, size, "%p in no object", found);
	else
		snprintf(buf, size, "%s %s+%#lx%s",
			 base_name(info.dli_fname),
			 info.dli_sname ? info.dli_sname : "?",
			 (unsigned long) ((char *) found -
					  (char *) (info.dli_sname ?
						    info.dli_saddr :
						    info.dli_fbase)),
			 err ? " (error pending)" : "");
	return buf;
}
