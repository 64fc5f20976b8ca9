// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <time.h>

#include "backtrace.h"
#include "record.h"
#include "self.h"
#include "thread.h"

static uint64_t last_call_id;

uint64_t numashim_call_number(void)
{
	return __atomic_add_fetch(&last_call_id, 1, __ATOMIC_RELAXED);
}

static void call_begin(struct numashim_call *call, uint64_t id,
		       struct numashim_scratch *s, const long *raw,
		       const void *ip)
{
	call->id = id;
	call->tid = numashim_self_tid();
	call->via = raw ? NUMASHIM_VIA_SYSCALL : NUMASHIM_VIA_FUNCTION;
	call->backtrace = s ? s->unwind.pcs : NULL;
	call->backtrace_len = 0;
	if (s && !numashim_td.unwinding) {
		numashim_td.unwinding = 1;
		call->backtrace_len = numashim_backtrace(&s->unwind, ip);
		numashim_td.unwinding = 0;
	}
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void numashim_record_enter(struct numashim_recorded_call *rc, uint64_t id,
			   struct numashim_scratch *s, const long *raw,
			   const void *ip)
{
	rc->program_errno = errno;
	call_begin(&rc->call, id, s, raw, ip);
}

void numashim_record_call_start(struct numashim_recorded_call *rc)
{
	errno = rc->program_errno;
	rc->start_ns = now_ns();
}

void numashim_record_call_end(struct numashim_recorded_call *rc, long ret)
{
	rc->program_errno = errno;
	rc->res.latency_ns = now_ns() - rc->start_ns;
	rc->res.id = rc->call.id;
	rc->res.ret = ret;
	rc->res.err = ret < 0 ? rc->program_errno : 0;
	rc->res.incomplete = 0;
}

size_t numashim_record_take(struct numashim_array_src *src,
			    struct numashim_scratch *s, uint64_t id,
			    void *exit_buf, void *ip)
{
	if (!s) {
		numashim_array_unbuffered(src);
		return 0;
	}
	return numashim_array_take(src, id, exit_buf, &s->chunk, ip);
}
