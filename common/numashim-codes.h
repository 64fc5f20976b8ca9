/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The error codes of move_pages(2), migrate_pages(2), mbind(2),
 * set_mempolicy(2), get_mempolicy(2) and set_mempolicy_home_node(2): the
 * errno values of failed calls and the negative per-page statuses of
 * move_pages, each named once here. The tracepoint provider turns the
 * list into the enumeration of the exit events' err field, so that a
 * trace names its codes as the recording system numbers them; the
 * analysis names and explains the codes it reports from the same list.
 */
#ifndef NUMASHIM_CODES_H
#define NUMASHIM_CODES_H

#include <errno.h>

#include "numashim-calls.h"

/* X(NAME) for every code the kernel documents for the calls. */
#define NUMASHIM_ERRNOS(X)						\
	X(EPERM) X(ENOENT) X(ESRCH) X(EIO) X(E2BIG) X(ENOMEM)		\
	X(EACCES) X(EFAULT) X(EBUSY) X(ENODEV) X(EINVAL) X(ENOSYS)	\
	X(EOPNOTSUPP)	/* set_mempolicy_home_node */

#define NUMASHIM_SCOPE_CONSTANT(name, TAG, flags, arrays) NUMASHIM_SCOPE_##TAG,

/* Whose code an explanation is about. */
enum numashim_code_scope {
	NUMASHIM_SCOPE_PAGE,		/* a move_pages status, negated */
	/* The errno of a failed call: NUMASHIM_SCOPE_MOVE_PAGES, ... */
	NUMASHIM_CALLS(NUMASHIM_SCOPE_CONSTANT)
	NUMASHIM_SCOPES,
};

struct numashim_code_text {
	const char *meaning;	/* what the kernel says, in plain words */
	const char *advice;	/* what to try */
};

/* "EBUSY" for EBUSY (positive); NULL for a code not in the list. */
const char *numashim_code_name(int code);

/*
 * What code (positive) means in scope and what to try; NULL when the
 * kernel's documentation does not give that code there.
 */
const struct numashim_code_text *numashim_code_explain(
	enum numashim_code_scope scope, int code);

#endif /* NUMASHIM_CODES_H */
