/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_RELAY_H
#define NUMASHIM_RELAY_H

/*
 * 0 when the control port of url, a net:// URL, takes a connection (or
 * url is of another kind); -1, said on stderr, when it does not.
 */
int relay_check(const char *url);

#endif
