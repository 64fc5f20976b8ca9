// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The LTTng session of one record run, driven through liblttng-ctl: every
 * step's failure is reported with the session daemon's own reason.
 *
 * The session lives in the user's session daemon beside whatever other
 * sessions it has, under a name of its own. Its numashim events are
 * filtered on the run's number, so that a second run of the same user,
 * whose program registers with the same daemon, stays out of this trace.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <lttng/lttng.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "session.h"

#define CHANNEL_NAME "numashim"

static int fail(const char *what, const struct session_config *cfg, int code)
{
	fprintf(stderr, "numashim record: %s of session \"%s\": %s\n",
		what, cfg->name, lttng_strerror(code < 0 ? code : -code));
	return -1;
}

/* How long a session daemon that another run started may take. */
#define DAEMON_START_WAIT_MS 10000

static bool daemon_alive_within(int ms)
{
	const struct timespec step = { 0, 50 * 1000 * 1000 };

	for (; ms > 0; ms -= 50) {
		if (lttng_session_daemon_alive() == 1)
			return true;
		nanosleep(&step, NULL);
	}
	return false;
}

/*
 * Start the user's session daemon the way lttng(1) does when none runs;
 * it stays up after the run, for the next one and for other tools.
 */
int session_daemon_ensure(void)
{
	const char *path = getenv("LTTNG_SESSIOND_PATH");
	char *argv[] = { NULL, "--daemonize", "--quiet", NULL };
	int status;
	pid_t pid;

	if (lttng_session_daemon_alive() == 1)
		return 0;
	argv[0] = (char *) (path && *path ? path : LTTNG_SESSIOND);
	if (access(argv[0], X_OK)) {
		fprintf(stderr,
			"numashim record: no session daemon runs and %s cannot be started (%s): install the Debian package lttng-tools\n",
			argv[0], strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		perror("numashim record: fork");
		return -1;
	}
	if (!pid) {
		sigset_t none;

		/* Not the signals record holds: the daemon must stay stoppable. */
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execv(argv[0], argv);
		_exit(127);
	}
	/*
	 * With --daemonize, lttng-sessiond returns once it accepts clients.
	 * It fails when another run started one first, which may still be
	 * getting ready: all that matters is that one runs.
	 */
	waitpid(pid, &status, 0);
	if (!daemon_alive_within(DAEMON_START_WAIT_MS)) {
		fprintf(stderr,
			"numashim record: %s --daemonize failed; run it by hand to see why\n",
			argv[0]);
		return -1;
	}
	return 0;
}

static struct lttng_session_descriptor *
descriptor_create(const struct session_config *cfg)
{
	if (cfg->relayd_url && cfg->snapshot)
		return lttng_session_descriptor_snapshot_network_create(
			cfg->name, cfg->relayd_url, NULL);
	if (cfg->relayd_url)
		return lttng_session_descriptor_network_create(
			cfg->name, cfg->relayd_url, NULL);
	if (cfg->snapshot)
		return lttng_session_descriptor_snapshot_local_create(
			cfg->name, cfg->path);
	return lttng_session_descriptor_local_create(cfg->name, cfg->path);
}

static int channel_enable(struct lttng_handle *handle,
			  struct lttng_domain *domain,
			  const struct session_config *cfg)
{
	struct lttng_channel *chan = lttng_channel_create(domain);
	int ret;

	if (!chan)
		return -LTTNG_ERR_NOMEM;
	strcpy(chan->name, CHANNEL_NAME);
	chan->attr.subbuf_size = cfg->subbuf_size;
	chan->attr.num_subbuf = cfg->num_subbuf;
	/* A flight recorder keeps the newest events, others the oldest. */
	chan->attr.overwrite = cfg->snapshot;
	ret = lttng_channel_set_blocking_timeout(chan, cfg->blocking ? -1 : 0);
	if (!ret)
		ret = lttng_enable_channel(handle, chan);
	lttng_channel_destroy(chan);
	return ret;
}

static int events_enable(struct lttng_handle *handle, const char *pattern,
			 const char *filter)
{
	struct lttng_event *ev = lttng_event_create();
	int ret;

	if (!ev)
		return -LTTNG_ERR_NOMEM;
	ev->type = LTTNG_EVENT_TRACEPOINT;
	ev->loglevel_type = LTTNG_EVENT_LOGLEVEL_ALL;
	strcpy(ev->name, pattern);
	ret = lttng_enable_event_with_filter(handle, ev, CHANNEL_NAME, filter);
	lttng_event_destroy(ev);
	return ret;
}

/*
 * What the report needs beside the numashim events: which process and
 * thread, and where the code that made the call was mapped (the
 * statedump at registration, the dl events for later dlopen()s).
 */
static const enum lttng_event_context_type contexts[] = {
	LTTNG_EVENT_CONTEXT_VPID, LTTNG_EVENT_CONTEXT_VTID,
	LTTNG_EVENT_CONTEXT_PROCNAME, LTTNG_EVENT_CONTEXT_IP,
};

static int session_populate(struct lttng_handle *handle,
			    struct lttng_domain *domain,
			    const struct session_config *cfg)
{
	char filter[64];
	size_t i;
	int ret;

	ret = channel_enable(handle, domain, cfg);
	if (ret < 0)
		return fail("cannot enable the channel", cfg, ret);
	if (cfg->pid)
		snprintf(filter, sizeof(filter),
			 "run == %" PRIu64 " && $ctx.vpid == %d", cfg->run,
			 cfg->pid);
	else
		snprintf(filter, sizeof(filter), "run == %" PRIu64, cfg->run);
	ret = events_enable(handle, "numashim:*", filter);
	if (!ret)
		ret = events_enable(handle, "lttng_ust_statedump:*", NULL);
	if (!ret)
		ret = events_enable(handle, "lttng_ust_dl:*", NULL);
	if (ret < 0)
		return fail("cannot enable the events", cfg, ret);
	for (i = 0; i < sizeof(contexts) / sizeof(contexts[0]); i++) {
		struct lttng_event_context ctx = { .ctx = contexts[i] };

		ret = lttng_add_context(handle, &ctx, NULL, CHANNEL_NAME);
		if (ret < 0)
			return fail("cannot add a context", cfg, ret);
	}
	return 0;
}

int session_create(const struct session_config *cfg)
{
	struct lttng_session_descriptor *desc = descriptor_create(cfg);
	struct lttng_domain domain = {
		.type = LTTNG_DOMAIN_UST,
		.buf_type = LTTNG_BUFFER_PER_UID,
	};
	struct lttng_handle *handle;
	enum lttng_error_code code;
	int ret;

	if (!desc) {
		fprintf(stderr, "numashim record: cannot describe session \"%s\" (is \"%s\" a valid URL?)\n",
			cfg->name, cfg->relayd_url ? cfg->relayd_url : cfg->path);
		return -1;
	}
	code = lttng_create_session_ext(desc);
	lttng_session_descriptor_destroy(desc);
	if (code != LTTNG_OK)
		return fail("cannot create", cfg, code);
	handle = lttng_create_handle(cfg->name, &domain);
	if (!handle) {
		session_discard(cfg);
		return fail("cannot get a handle", cfg, LTTNG_ERR_NOMEM);
	}
	ret = session_populate(handle, &domain, cfg);
	lttng_destroy_handle(handle);
	if (ret)
		session_discard(cfg);
	return ret;
}

int session_start(const struct session_config *cfg)
{
	int ret = lttng_start_tracing(cfg->name);

	if (ret < 0) {
		session_discard(cfg);
		return fail("cannot start", cfg, ret);
	}
	return 0;
}

static int losses_get(const struct session_config *cfg,
		      struct session_losses *losses)
{
	struct lttng_domain domain = { .type = LTTNG_DOMAIN_UST };
	struct lttng_channel *chans = NULL;
	struct lttng_handle *handle;
	int n, i;

	memset(losses, 0, sizeof(*losses));
	handle = lttng_create_handle(cfg->name, &domain);
	if (!handle)
		return fail("cannot get a handle", cfg, LTTNG_ERR_NOMEM);
	n = lttng_list_channels(handle, &chans);
	lttng_destroy_handle(handle);
	if (n < 0)
		return fail("cannot count discarded events", cfg, n);
	for (i = 0; i < n; i++) {
		uint64_t discarded = 0, lost = 0;

		lttng_channel_get_discarded_event_count(&chans[i], &discarded);
		lttng_channel_get_lost_packet_count(&chans[i], &lost);
		losses->discarded_events += discarded;
		losses->lost_packets += lost;
	}
	free(chans);
	return 0;
}

static int snapshot_take(const struct session_config *cfg)
{
	int ret = lttng_snapshot_record(cfg->name, NULL, 1);

	return ret < 0 ? fail("cannot take a snapshot", cfg, ret) : 0;
}

static int destroy_wait(const struct session_config *cfg)
{
	struct lttng_destruction_handle *handle = NULL;
	enum lttng_error_code code = lttng_destroy_session_ext(cfg->name, &handle);

	if (code == LTTNG_OK &&
	    lttng_destruction_handle_wait_for_completion(handle, -1) !=
		    LTTNG_DESTRUCTION_HANDLE_STATUS_COMPLETED)
		code = LTTNG_ERR_UNK;
	if (code == LTTNG_OK &&
	    lttng_destruction_handle_get_result(handle, &code) !=
		    LTTNG_DESTRUCTION_HANDLE_STATUS_OK)
		code = LTTNG_ERR_UNK;
	lttng_destruction_handle_destroy(handle);
	return code == LTTNG_OK ? 0 : fail("cannot destroy", cfg, code);
}

/*
 * Stop (which flushes the buffers), write the snapshot of a flight
 * recorder, count what was lost, and destroy the session, which closes
 * the trace: it is whole and readable once this returns 0.
 */
int session_finish(const struct session_config *cfg,
		   struct session_losses *losses)
{
	int ret = lttng_stop_tracing(cfg->name);

	if (ret < 0) {
		fail("cannot stop", cfg, ret);
		destroy_wait(cfg);
		return -1;
	}
	ret = cfg->snapshot ? snapshot_take(cfg) : 0;
	ret |= losses_get(cfg, losses);
	ret |= destroy_wait(cfg);
	return ret ? -1 : 0;
}

/*
 * A session whose program never ran: destroyed, and waited for, so that
 * the caller can remove its output folder once nothing writes there.
 */
void session_discard(const struct session_config *cfg)
{
	destroy_wait(cfg);
}
