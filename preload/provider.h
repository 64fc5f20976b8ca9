/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_PROVIDER_H
#define NUMASHIM_PROVIDER_H

/*
 * Loads the tracepoint provider when the process is to be recorded;
 * returns whether it is loaded. From the library's constructor only.
 */
int numashim_provider_load(void);

#endif /* NUMASHIM_PROVIDER_H */
