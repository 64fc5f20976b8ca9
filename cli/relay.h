/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_RELAY_H
#define NUMASHIM_RELAY_H

#include <stddef.h>
#include <sys/types.h>

/*
 * 0 when the control port of url, a net:// URL, takes a connection (or
 * url is of another kind); -1, said on stderr, when it does not.
 */
int relay_check(const char *url);

/*
 * The host name of the session daemon, into host[len]: the relay daemon
 * names its folder of the daemon's sessions after it. 0, or -1 with the
 * daemon's pid in *pid (0: unknown) when it cannot be told.
 */
int relay_session_host(char *host, size_t len, pid_t *pid);

#endif
