// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Instantiates the numashim probes. The events take the application's call
 * site as a parameter so that the ip context names it, not the shim.
 * The tracepoints themselves are the shim's (preload/provider.c), which
 * loads this library only to record.
 */
#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TP_IP_PARAM ip
#include "numashim-tp.h"
