// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * numabench [-f] [-t MS] [-w MS] [-n CALLS] [-j THREADS] [-p PAGES]
 *           [-o FILE] KIND...
 *
 * Times placement calls from inside the process, so that neither its
 * start-up nor the set-up of a recording session counts: for each KIND,
 * after a warm-up of -w milliseconds, a loop of calls that lasts -t
 * milliseconds (or makes exactly -n calls), in each of -j threads at once.
 * Prints one line per KIND:
 *
 *   kind=K threads=J calls=C measured=M ns_per_call=X calls_per_s=Y
 *
 * where calls counts every call made (warm-up too), so that a trace can
 * be checked against it, and the rates are those of the M measured calls.
 * A call that fails ends the run: it would time an error path.
 *
 * With -f, the calls are the floor library's (floor.c), which must be
 * preloaded: numaif.h's between the shim's events, and nothing else.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kinds.h"

/*
 * Calls between two clock reads, at most: the reads then cost nothing per
 * call. Batches start at one call and double, so that a slow call (a
 * million pages, or under strace) does not overshoot the time asked for.
 */
#define BATCH_MAX 64
#define THREADS_MAX 64

struct options {
	uint64_t time_ns;
	uint64_t warmup_ns;
	uint64_t calls;		/* 0: time-boxed */
	unsigned int threads;
	unsigned long pages;
	FILE *out;
};

struct worker {
	pthread_t thread;
	const struct bench_kind *kind;
	const struct options *opt;
	pthread_barrier_t *start;
	uint64_t calls;
	uint64_t measured;
	uint64_t begin_ns;
	uint64_t end_ns;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void call(const struct bench_kind *kind, struct bench_mem *m)
{
	long ret = kind->run(m);

	if (ret) {
		fprintf(stderr, "numabench: %s returned %ld: %s\n", kind->name,
			ret, strerror(errno));
		exit(1);
	}
}

/*
 * Calls until limit_ns have passed since begin, or, when count is not 0,
 * exactly count calls; returns how many were made.
 */
static uint64_t loop(const struct bench_kind *kind, struct bench_mem *m,
		     uint64_t begin, uint64_t limit_ns, uint64_t count)
{
	uint64_t n = 0, batch = 1;
	uint64_t i;

	do {
		if (count && count - n < batch)
			batch = count - n;
		for (i = 0; i < batch; i++)
			call(kind, m);
		n += batch;
		if (batch < BATCH_MAX)
			batch *= 2;
	} while (count ? n < count : now_ns() - begin < limit_ns);
	return n;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct bench_mem m = { 0 };

	w->kind->setup(&m, w->opt->pages);
	w->calls = loop(w->kind, &m, now_ns(), w->opt->warmup_ns, 0);
	pthread_barrier_wait(w->start);
	w->begin_ns = now_ns();
	w->measured = loop(w->kind, &m, w->begin_ns, w->opt->time_ns,
			   w->opt->calls);
	w->end_ns = now_ns();
	w->calls += w->measured;
	return NULL;
}

static void report(const struct options *opt, const struct worker *w)
{
	uint64_t calls = 0, measured = 0, busy_ns = 0;
	uint64_t begin = w[0].begin_ns, end = w[0].end_ns;
	unsigned int t;

	for (t = 0; t < opt->threads; t++) {
		calls += w[t].calls;
		measured += w[t].measured;
		busy_ns += w[t].end_ns - w[t].begin_ns;
		begin = w[t].begin_ns < begin ? w[t].begin_ns : begin;
		end = w[t].end_ns > end ? w[t].end_ns : end;
	}
	fprintf(opt->out,
		"kind=%s threads=%u calls=%llu measured=%llu ns_per_call=%.1f calls_per_s=%.0f\n",
		w[0].kind->name, opt->threads, (unsigned long long) calls,
		(unsigned long long) measured, (double) busy_ns / measured,
		measured * 1e9 / (end - begin));
}

static void run_kind(const struct bench_kind *kind, const struct options *opt)
{
	struct worker w[THREADS_MAX];
	pthread_barrier_t start;
	unsigned int t;

	pthread_barrier_init(&start, NULL, opt->threads);
	for (t = 0; t < opt->threads; t++) {
		w[t] = (struct worker) { .kind = kind, .opt = opt,
					 .start = &start };
		if (pthread_create(&w[t].thread, NULL, work, &w[t])) {
			fputs("numabench: cannot start a thread\n", stderr);
			exit(2);
		}
	}
	for (t = 0; t < opt->threads; t++)
		pthread_join(w[t].thread, NULL);
	pthread_barrier_destroy(&start);
	report(opt, w);
}

static void *floor_call(const char *name)
{
	void *f = dlsym(RTLD_DEFAULT, name);

	if (!f) {
		fprintf(stderr, "numabench: -f: %s is not loaded; preload libnumabench-floor.so\n",
			name);
		exit(2);
	}
	return f;
}

static void floor_use(void)
{
	bench_calls = (struct bench_calls) {
		floor_call("numabench_floor_move_pages"),
		floor_call("numabench_floor_mbind"),
		floor_call("numabench_floor_migrate_pages"),
	};
}

static void usage(void)
{
	size_t i;

	fputs("usage: numabench [-f] [-t MS] [-w MS] [-n CALLS] [-j THREADS] [-p PAGES] [-o FILE] KIND...\nkinds:",
	      stderr);
	for (i = 0; i < bench_nkinds; i++)
		fprintf(stderr, " %s", bench_kinds[i].name);
	fputc('\n', stderr);
	exit(2);
}

static unsigned long number(const char *s, unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v > max)
		usage();
	return v;
}

static void parse(int argc, char **argv, struct options *opt)
{
	int c;

	while ((c = getopt(argc, argv, "ft:w:n:j:p:o:")) != -1) {
		switch (c) {
		case 'f': floor_use(); break;
		case 't': opt->time_ns = number(optarg, 3600000) * 1000000; break;
		case 'w': opt->warmup_ns = number(optarg, 3600000) * 1000000; break;
		case 'n': opt->calls = number(optarg, UINT32_MAX); break;
		case 'j': opt->threads = number(optarg, THREADS_MAX); break;
		case 'p': opt->pages = number(optarg, 1UL << 30); break;
		case 'o':
			opt->out = fopen(optarg, "w");
			if (!opt->out) {
				perror(optarg);
				exit(2);
			}
			break;
		default: usage();
		}
	}
	if (optind == argc || !opt->threads || !opt->pages)
		usage();
}

int main(int argc, char **argv)
{
	struct options opt = {
		.time_ns = 200000000, .warmup_ns = 20000000, .threads = 1,
		.pages = 1000000, .out = stdout,
	};
	int i;

	parse(argc, argv, &opt);
	for (i = optind; i < argc; i++)
		if (!bench_kind_find(argv[i]))
			usage();
	for (i = optind; i < argc; i++)
		run_kind(bench_kind_find(argv[i]), &opt);
	return fclose(opt.out) ? 2 : 0;
}
