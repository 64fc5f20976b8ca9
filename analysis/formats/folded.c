// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * --format folded: the calls' backtraces as folded stacks, a line
 * "outermost;...;innermost weight" per distinct stack, frames named by
 * function, for flamegraph.pl, inferno and speedscope. A call whose
 * entry recorded no backtrace stands under its call site alone. The
 * weight (--weight) is the calls, their latency in ns, the pages they
 * asked for, or their pages the kernel failed (not those a rule made
 * up, as the call sites count them); a stack that weighs nothing is
 * left out, and so are the calls without exit. What is kept is a count
 * per distinct stack.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "site-labels.h"

struct stack {
	char *frames;		/* "main;work;query" */
	uint64_t weight;
};

struct folded {
	struct call_writer base;
	FILE *out;
	enum numashim_report_weight weight;
	void *stacks;		/* tsearch(3) tree of struct stack */
	struct site_labels labels;
	char *line;		/* the stack being named, grown as needed */
	size_t len, cap;
};

static int stack_cmp(const void *a, const void *b)
{
	return strcmp(((const struct stack *) a)->frames,
		      ((const struct stack *) b)->frames);
}

static void stack_free(void *p)
{
	struct stack *s = p;

	free(s->frames);
	free(s);
}

static uint64_t weight_of(const struct folded *w, const struct call_record *c)
{
	switch (w->weight) {
	case NUMASHIM_WEIGHT_TIME:
		return c->latency_ns;
	case NUMASHIM_WEIGHT_PAGES:
		return c->asked;
	case NUMASHIM_WEIGHT_FAILED_PAGES:
		return c->pages ? code_counts_total(&c->pages->failed) : 0;
	default:
		return 1;
	}
}

/*
 * A frame's name after the others: ';' separates frames and a line ends
 * the stack, so ';' and control characters in a name become '_'.
 */
static int append_frame(struct folded *w, const char *name)
{
	size_t n = strlen(name), i, cap;
	char *grown;

	if (w->len + n + 2 > w->cap) {
		cap = 2 * (w->len + n + 2);
		grown = realloc(w->line, cap);
		if (!grown)
			return -1;
		w->line = grown;
		w->cap = cap;
	}
	if (w->len)
		w->line[w->len++] = ';';
	for (i = 0; i < n; i++)
		w->line[w->len++] = name[i] == ';' ||
				    (unsigned char) name[i] < 0x20 ? '_' :
				    name[i];
	w->line[w->len] = '\0';
	return 0;
}

static int append_site(struct folded *w, const struct site *site)
{
	const struct site_label *label = site_label(&w->labels, site);

	return label ? append_frame(w, label->function) : -1;
}

/* c's stack in w->line, outermost first. */
static int name_stack(struct folded *w, const struct call_record *c)
{
	size_t i;

	w->len = 0;
	if (!c->frame_count)
		return append_site(w, c->site);
	for (i = c->frame_count; i-- > 0;)
		if (append_site(w, c->frames[i]))
			return -1;
	return 0;
}

static int add_call(struct call_writer *base, const struct views *v,
		    const struct call_record *c)
{
	struct folded *w = (struct folded *) base;
	uint64_t weight = weight_of(w, c);
	struct stack key, *s, **found;

	(void) v;
	if (!weight)
		return 0;
	if (name_stack(w, c))
		return -1;
	key.frames = w->line;
	found = tfind(&key, &w->stacks, stack_cmp);
	if (found) {
		(*found)->weight += weight;
		return 0;
	}
	s = malloc(sizeof(*s));
	if (!s || !(s->frames = strdup(w->line))) {
		free(s);
		return -1;
	}
	s->weight = weight;
	if (!tsearch(s, &w->stacks, stack_cmp)) {
		stack_free(s);
		return -1;
	}
	return 0;
}

static void put_stack(const void *node, VISIT which, void *out)
{
	const struct stack *s = *(const struct stack *const *) node;

	if (which == postorder || which == leaf)
		fprintf(out, "%s %" PRIu64 "\n", s->frames, s->weight);
}

/* The stacks in the order of their names, as flamegraph.pl sorts them. */
static int finish(struct call_writer *base, const struct views *v)
{
	struct folded *w = (struct folded *) base;

	(void) v;
	twalk_r(w->stacks, put_stack, w->out);
	return 0;
}

static void close_writer(struct call_writer *base)
{
	struct folded *w = (struct folded *) base;

	tdestroy(w->stacks, stack_free);
	site_labels_fini(&w->labels);
	free(w->line);
	free(w);
}

static const struct call_writer_ops folded_ops = {
	.call = add_call,
	.finish = finish,
	.close = close_writer,
};

struct call_writer *folded_writer_open(FILE *out,
	const struct numashim_report_options *options)
{
	struct folded *w = calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	w->base = (struct call_writer) { .ops = &folded_ops, .frames = true };
	w->out = out;
	w->weight = options->weight;
	return &w->base;
}
