// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Which rewrite rule applies to an intercepted call: the first whose
 * every condition holds (numashim-rewrite(7)). What the rule then does
 * to the call is rewrite.c's.
 */
#define _GNU_SOURCE
#define UNW_LOCAL_ONLY
#include <dlfcn.h>
#include <fnmatch.h>
#include <libunwind.h>
#include <stdbool.h>
#include <string.h>

#include "match.h"
#include "scratch.h"
#include "self.h"
#include "thread.h"

/*
 * caller=PATTERN holds for the function that made the call, for one of
 * the functions that called it (a program's own wrapper of move_pages()
 * must not hide the code that uses it), or for the object of the first.
 * Functions are named by unwinding to their frames: libunwind reads the
 * objects' full symbol tables, so static functions have names too. Not
 * reentrant, like libunwind: a call from a signal handler that interrupts
 * this does not match.
 */
#define CALLER_FRAMES 8
#define SHIM_FRAMES 8

/*
 * Function names by return address, looked up once: reading symbol
 * tables is the costly part. Slots are claimed with a compare-and-swap
 * and published with their state, so neither threads nor signal handlers
 * ever wait for each other; when the probed slots are taken, the name is
 * looked up again each time.
 */
#define NAME_SLOTS 256
#define NAME_PROBES 8
#define NAME_LEN 96

enum { SLOT_FREE, SLOT_FILLING, SLOT_READY };

static struct name_slot {
	uintptr_t pc;
	int state;
	char name[NAME_LEN];
} name_slots[NAME_SLOTS];

/* The name of the function at the cursor, as the source calls it. */
static void name_lookup(unw_cursor_t *cursor, char *name, size_t len)
{
	unw_word_t off;

	if (unw_get_proc_name(cursor, name, len, &off))
		name[0] = 0;
	/* Clones keep the source's name: foo.constprop.0, foo.cold. */
	name[strcspn(name, ".")] = 0;
}

static const char *function_name(unw_cursor_t *cursor, uintptr_t pc,
				 char *scratch)
{
	size_t i, slot = (pc >> 4) % NAME_SLOTS;

	for (i = 0; i < NAME_PROBES; i++, slot = (slot + 1) % NAME_SLOTS) {
		struct name_slot *s = &name_slots[slot];
		int state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);

		if (state == SLOT_READY && s->pc == pc)
			return s->name;
		if (state != SLOT_FREE ||
		    !__atomic_compare_exchange_n(&s->state, &state, SLOT_FILLING,
						 false, __ATOMIC_ACQUIRE,
						 __ATOMIC_RELAXED))
			continue;
		name_lookup(cursor, s->name, sizeof(s->name));
		s->pc = pc;
		__atomic_store_n(&s->state, SLOT_READY, __ATOMIC_RELEASE);
		return s->name;
	}
	name_lookup(cursor, scratch, NAME_LEN);
	return scratch;
}

/* The context and cursor are the call's scratch: they are 2 KiB. */
static bool functions_match(const char *pattern, const void *ip,
			    struct numashim_scratch *s)
{
	unw_cursor_t *cursor = &s->unwind.cursor;
	unw_word_t pc;
	char scratch[NAME_LEN];
	int frames, callers = 0;

	if (unw_getcontext(&s->unwind.context) ||
	    unw_init_local(cursor, &s->unwind.context))
		return false;
	for (frames = 0; frames < SHIM_FRAMES + CALLER_FRAMES &&
	     callers < CALLER_FRAMES && unw_step(cursor) > 0; frames++) {
		if (unw_get_reg(cursor, UNW_REG_IP, &pc))
			return false;
		if (!callers && pc != (uintptr_t) ip)
			continue;
		callers++;
		if (!fnmatch(pattern, function_name(cursor, pc, scratch), 0))
			return true;
	}
	return false;
}

/* A call without scratch matches no caller=, as a reentrant one. */
static bool caller_matches(const char *pattern, const void *ip,
			   struct numashim_scratch *s)
{
	Dl_info info;
	bool match;

	if (numashim_td.resolving || !s)
		return false;
	numashim_td.resolving = 1;
	match = functions_match(pattern, ip, s) ||
		(dladdr(ip, &info) && info.dli_fname &&
		 !fnmatch(pattern, basename(info.dli_fname), 0));
	numashim_td.resolving = 0;
	return match;
}

const struct numashim_rule *numashim_match(const struct numashim_rules *rules,
					   enum numashim_rule_call call,
					   const void *ip, uint64_t seq,
					   struct numashim_scratch *s,
					   unsigned int *rule_no)
{
	size_t i;

	for (i = 0; i < rules->n; i++) {
		const struct numashim_rule *r = &rules->v[i];

		/* * stands for the calls NUMASHIM_CALL_RULES says. */
		if (r->call == NUMASHIM_RULE_ANY_CALL ?
		    !numashim_call_rules[call - 1].in_any : r->call != call)
			continue;
		if (seq < r->seq_first || seq > r->seq_last)
			continue;
		if (r->tid >= 0 && r->tid != numashim_self_tid())
			continue;
		if (r->chance_ppm < NUMASHIM_PPM &&
		    numashim_match_draw(r->seed, i + 1, seq, UINT64_MAX) >= r->chance_ppm)
			continue;
		if (r->caller && !caller_matches(r->caller, ip, s))
			continue;
		*rule_no = i + 1;
		return r;
	}
	return NULL;
}
