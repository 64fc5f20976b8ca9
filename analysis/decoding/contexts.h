/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The LTTng contexts the report reads from every numashim event, which
 * `numashim record` adds to its channel, and what the figures lose when
 * a trace's events lack one (a session set up by hand, or a damaged
 * metadata).
 *
 * X(TAG, name, class, loss): class is FIELD_INTEGER or FIELD_STRING.
 */
#ifndef NUMASHIM_CONTEXTS_H
#define NUMASHIM_CONTEXTS_H

#define NUMASHIM_CONTEXTS(X)						\
	X(VPID, "vpid", FIELD_INTEGER,					\
	  "calls of different processes may be mixed up")		\
	X(VTID, "vtid", FIELD_INTEGER,					\
	  "calls whose entry event is missing are given no thread")	\
	X(PROCNAME, "procname", FIELD_STRING,				\
	  "processes are named by their pid alone")			\
	X(IP, "ip", FIELD_INTEGER,					\
	  "the calls' sites are not named")

#define NUMASHIM_CONTEXT_BIT(TAG, name, class, loss) CONTEXT_BIT_##TAG,

enum context_bit {
	NUMASHIM_CONTEXTS(NUMASHIM_CONTEXT_BIT)
};

#define CONTEXT_MISSING(TAG) (1U << CONTEXT_BIT_##TAG)

#endif /* NUMASHIM_CONTEXTS_H */
