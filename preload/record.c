// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <time.h>

#include "backtrace.h"
#include "machine.h"
#include "record.h"
#include "rewrite.h"
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

void numashim_record_enter(struct numashim_recorded_call *rc,
			   const struct numashim_rewrite *rw, const void *ip)
{
	rc->program_errno = errno;
	call_begin(&rc->call, rw->seq, rw->scratch, rw->raw, ip);
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

uint32_t numashim_record_mask(struct numashim_ints *rec,
			      enum numashim_array id,
			      const unsigned long *mask, unsigned long maxnode,
			      unsigned long *words, bool accessed,
			      struct numashim_scratch *s, uint64_t call_id,
			      void *ip)
{
	struct numashim_array_src src;

	numashim_mask_init(&src, id, mask, maxnode, words);
	if (accessed)
		numashim_array_accessed(&src);
	rec->len = numashim_record_take(&src, s, call_id, (void *) rec->v, ip);
	return numashim_array_finish(&src, call_id, ip);
}

/* The pages given a made-up status, from *next on, a chunk at most. */
static size_t injected_next(const struct numashim_rewrite *rw, uint64_t pages,
			    uint64_t *next, uint64_t *out)
{
	size_t n = 0;

	for (; *next < pages && n < NUMASHIM_CHUNK_LEN; (*next)++)
		if (numashim_rewrite_page_injected(rw, *next))
			out[n++] = *next;
	return n;
}

/* The rest of the made-up statuses, in chunk events. */
static void injected_emit_rest(const struct numashim_rewrite *rw,
			       uint64_t id, uint64_t pages, uint64_t next,
			       uint64_t offset, void *ip)
{
	struct numashim_addrs chunk = { .v = rw->scratch->chunk.addrs };

	for (; next < pages; offset += chunk.len) {
		chunk.len = injected_next(rw, pages, &next,
					  rw->scratch->chunk.addrs);
		if (chunk.len)
			lttng_ust_do_tracepoint(numashim, addr_chunk, id,
						NUMASHIM_ARRAY_INJECTED, offset,
						&chunk, ip);
	}
}

uint32_t numashim_record_rewrite(const struct numashim_rewrite *rw, uint64_t id,
				 int32_t flags, uint64_t mode, uint64_t maxnode,
				 struct numashim_array_src *kernel_nodes,
				 struct numashim_array_src *kernel_old_nodes,
				 uint64_t pages, void *ip)
{
	struct numashim_scratch *s = rw->scratch;
	const struct numashim_rule *r = rw->rule;
	const struct numashim_rewrite_rec w = {
		.id = id,
		.rule_no = rw->rule_no,
		.rule_text = r->text,
		.injected_err = r->fail_errno,
		.dry_run = r->dry_run,
		.flags = flags,
		.mode = mode,
		.maxnode = maxnode,
	};
	struct numashim_ints nodes_rec = { 0 };
	struct numashim_addrs injected_rec = { 0 };
	uint64_t next = 0;

	if (!s) {
		numashim_array_unbuffered(kernel_nodes);
		if (kernel_old_nodes)
			numashim_array_unbuffered(kernel_old_nodes);
		pages = 0;
	} else {
		nodes_rec.v = s->exit.rewrite.kernel_nodes;
		injected_rec.v = s->exit.rewrite.injected;
		nodes_rec.len = numashim_array_next(kernel_nodes,
						    s->exit.rewrite.kernel_nodes);
	}
	if (rw->injected_pages)
		injected_rec.len = injected_next(rw, pages, &next,
						 s->exit.rewrite.injected);
	lttng_ust_do_tracepoint(numashim, rewrite, &w, &nodes_rec,
				&injected_rec, ip);
	if (s) {
		numashim_array_emit_rest(kernel_nodes, id, &s->chunk, ip);
		if (rw->injected_pages)
			injected_emit_rest(rw, id, pages, next,
					   injected_rec.len, ip);
	}
	if (!kernel_old_nodes)
		return numashim_array_finish(kernel_nodes, id, ip);
	if (s)
		numashim_array_emit_rest(kernel_old_nodes, id, &s->chunk, ip);
	return numashim_array_finish(kernel_nodes, id, ip) |
	       numashim_array_finish(kernel_old_nodes, id, ip);
}

void numashim_record_machine(const struct numashim_recorded_call *rc,
			     const struct numashim_rewrite *rw,
			     bool whole_failures, void *ip)
{
	bool failed = whole_failures && rc->res.ret < 0 &&
		      !(rw->rule && rw->rule->fail_errno);

	numashim_machine_record(rw->scratch, rc->call.id, failed, ip);
}
