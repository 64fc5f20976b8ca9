/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef NUMASHIM_CLI_SESSION_H
#define NUMASHIM_CLI_SESSION_H

#include <stdbool.h>
#include <stdint.h>

/* What the record session is asked to be. */
struct session_config {
	const char *name;
	const char *path;	/* local output folder, absolute; or NULL */
	const char *relayd_url;	/* or NULL */
	uint64_t run;		/* the only NUMASHIM_RUN whose events are kept */
	int pid;		/* with run 0, the only process's; 0: any */
	uint64_t subbuf_size;
	uint64_t num_subbuf;
	bool snapshot;
	bool blocking;
};

/* Counted by the tracer while the session ran. */
struct session_losses {
	uint64_t discarded_events;
	uint64_t lost_packets;
};

int session_daemon_ensure(void);
int session_create(const struct session_config *cfg);
int session_start(const struct session_config *cfg);
int session_finish(const struct session_config *cfg,
		   struct session_losses *losses);
void session_discard(const struct session_config *cfg);

#endif /* NUMASHIM_CLI_SESSION_H */
