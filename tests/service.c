// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * service OUT STOP: a long-running program to be recorded while it runs
 * (numashim record --pid). It queries the nodes of 1 to 8 pages, of
 * which every other one is touched, every 2 ms, and writes each call
 * down in OUT as a JSON line (its number from 1, the pages asked, the
 * return value and the status array) until the file STOP exists; then
 * a last line with the signals it received, which must be none. Exits
 * 0, or 1 when a call failed or STOP did not come within 60 s.
 */
#define _GNU_SOURCE
#include <numaif.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define PAGES 8
#define CALLS_MAX 30000		/* 60 s of calls */

static volatile sig_atomic_t signals;

static void count(int sig)
{
	(void) sig;
	signals++;
}

static void signals_count(void)
{
	struct sigaction sa = { .sa_handler = count };
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD)
			sigaction(sig, &sa, NULL);
}

int main(int argc, char **argv)
{
	const struct timespec pause = { 0, 2 * 1000 * 1000 };
	long page_size = sysconf(_SC_PAGESIZE);
	void *pages[PAGES];
	int status[PAGES], i, n;
	unsigned long call;
	char *base;
	FILE *out;
	long ret;

	if (argc != 3) {
		fprintf(stderr, "usage: %s OUT STOP\n", argv[0]);
		return 2;
	}
	signals_count();
	out = fopen(argv[1], "w");
	base = mmap(NULL, PAGES * page_size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!out || base == MAP_FAILED) {
		perror("service");
		return 1;
	}
	for (i = 0; i < PAGES; i += 2)
		base[i * page_size] = 1;
	for (i = 0; i < PAGES; i++)
		pages[i] = base + i * page_size;
	for (call = 1; access(argv[2], F_OK); call++) {
		if (call > CALLS_MAX) {
			fprintf(stderr, "service: %s did not come\n", argv[2]);
			return 1;
		}
		n = 1 + call % PAGES;
		ret = move_pages(0, n, pages, NULL, status, 0);
		fprintf(out, "{\"call\": %lu, \"count\": %d, \"ret\": %ld, \"status\": [",
			call, n, ret);
		for (i = 0; i < n; i++)
			fprintf(out, "%s%d", i ? ", " : "", status[i]);
		fputs("]}\n", out);
		fflush(out);
		if (ret) {
			perror("service: move_pages");
			return 1;
		}
		nanosleep(&pause, NULL);
	}
	fprintf(out, "{\"signals\": %d}\n", (int) signals);
	return fclose(out) ? 1 : 0;
}
