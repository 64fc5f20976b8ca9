// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The machine that answered the calls, so that a trace explains itself
 * on another machine: the online nodes, which have memory and which
 * CPUs, how far apart they are and how full; the nodes the process may
 * allocate on; automatic NUMA balancing; weighted interleave's weights;
 * the kernel's release; and which host and rank of a job the process
 * is, so that the traces of many hosts tell their processes apart. All
 * of it is in sysfs, procfs and the environment for any process to read.
 *
 * A process records the facts once, at its first recorded call, and
 * again at each call the kernel failed whole (ENODEV, EINVAL, ENOMEM...),
 * when how full a node was or which nodes the process may use may be
 * why. A call that succeeds reads nothing after the first.
 *
 * Like weights.c, this runs inside the program's call: the files are
 * read with raw system calls (files.h) into the call's scratch slot,
 * and parsed without allocating. The process id that recorded last is
 * kept, so that a child of fork() records its own facts at its first
 * call; a new image starts with none.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "files.h"
#include "machine.h"
#include "record.h"
#include "self.h"
#include "weights.h"

#define NODE_DIR "/sys/devices/system/node"
#define BITMAP_WORDS (NUMASHIM_NODES_MAX / 64)

/*
 * Where MPI launchers and batch systems put a process's rank in its
 * job, in the order they are asked: Open MPI's, MPICH's and Intel MPI's
 * (PMI), PMIx's, Slurm's.
 */
static const char *const rank_variables[] = {
	"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK", "SLURM_PROCID",
};

/* The process that recorded the facts last; 0: none. */
static pid_t recorded_by;

static bool test_bit(const uint64_t *bits, uint32_t n)
{
	return bits[n / 64] >> (n % 64) & 1;
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A node list as the kernel prints it ("0-3,5"), into bits. */
static void parse_list(const char *s, uint64_t *bits)
{
	uint64_t lo, hi;

	memset(bits, 0, BITMAP_WORDS * sizeof(*bits));
	for (s = skip_blanks(s); (s = numashim_decimal(s, &lo)); s++) {
		hi = lo;
		if (*s == '-' && !(s = numashim_decimal(s + 1, &hi)))
			return;
		for (; lo <= hi && lo < NUMASHIM_NODES_MAX; lo++)
			bits[lo / 64] |= 1ULL << (lo % 64);
		if (*s != ',')
			return;
	}
}

/* The node list in the file path into bits: none when unreadable. */
static void read_list(struct numashim_machine *m, int dir, const char *path,
		      uint64_t *bits)
{
	if (numashim_file_read(dir, path, m->text, sizeof(m->text)) < 0)
		m->text[0] = '\0';
	parse_list(m->text, bits);
}

/* The nodes set in bits into list, ascending: how many. */
static size_t list_of(const uint64_t *bits, int32_t *list)
{
	size_t n = 0;
	uint32_t node;

	for (node = 0; node < NUMASHIM_NODES_MAX; node++)
		if (test_bit(bits, node))
			list[n++] = node;
	return n;
}

/* The number after the first key in text; -1 when it has none. */
static int64_t keyed_number(const char *text, const char *key)
{
	const char *at = strstr(text, key);
	uint64_t v;

	if (!at || !numashim_decimal(skip_blanks(at + strlen(key)), &v))
		return -1;
	return v;
}

/* "nodeN/" and file, into path (room for 32). */
static void node_path(char *path, uint32_t node, const char *file)
{
	memcpy(path, "node", 4);
	path = numashim_put_decimal(path + 4, node);
	*path++ = '/';
	strcpy(path, file);
}

/* The distances of node's file, one per online node: how many. */
static size_t read_distances(struct numashim_machine *m, int dir,
			     uint32_t node, size_t online)
{
	const char *s = m->text;
	char path[32];
	uint64_t v;
	size_t n = 0;

	node_path(path, node, "distance");
	if (numashim_file_read(dir, path, m->text, sizeof(m->text)) < 0)
		return 0;
	while (n < online && (s = numashim_decimal(skip_blanks(s), &v)))
		m->distances[n++] = v > UINT8_MAX ? UINT8_MAX : v;
	return n;
}

static void record_node(struct numashim_machine *m, int dir, uint32_t node,
			size_t online, uint64_t id, void *ip)
{
	struct numashim_machine_node_rec n = {
		.id = id, .node = node,
		.has_memory = test_bit(m->has_memory, node),
		.has_cpu = test_bit(m->has_cpu, node),
		.mem_total_kb = -1, .mem_free_kb = -1,
		.distances = m->distances,
	};
	char path[32];

	node_path(path, node, "meminfo");
	if (numashim_file_read(dir, path, m->text, sizeof(m->text)) >= 0) {
		n.mem_total_kb = keyed_number(m->text, "MemTotal:");
		n.mem_free_kb = keyed_number(m->text, "MemFree:");
	}
	n.distances_len = read_distances(m, dir, node, online);
	lttng_ust_do_tracepoint(numashim, machine_node, &n, ip);
}

static void mems_allowed_line(char *line, void *bits)
{
	static const char key[] = "Mems_allowed_list:";

	if (!strncmp(line, key, sizeof(key) - 1))
		parse_list(line + sizeof(key) - 1, bits);
}

/* What the process may allocate on, of the calling thread's cpuset. */
static size_t read_mems_allowed(struct numashim_machine *m)
{
	memset(m->mems_allowed_bits, 0, sizeof(m->mems_allowed_bits));
	numashim_file_lines(AT_FDCWD, "/proc/thread-self/status", m->text,
			    sizeof(m->text), mems_allowed_line,
			    m->mems_allowed_bits);
	return list_of(m->mems_allowed_bits, m->mems_allowed);
}

static int32_t read_numa_balancing(struct numashim_machine *m)
{
	uint64_t v;

	if (numashim_file_read(AT_FDCWD, "/proc/sys/kernel/numa_balancing",
			       m->text, sizeof(m->text)) < 0 ||
	    !numashim_decimal(m->text, &v))
		return -1;
	return v;
}

/* The rank of the first variable that holds a decimal one, into rec. */
static void read_rank(struct numashim_machine_rec *rec)
{
	const char *value, *end;
	uint64_t rank;
	size_t i;

	for (i = 0; i < sizeof(rank_variables) / sizeof(*rank_variables);
	     i++) {
		value = getenv(rank_variables[i]);
		if (!value || !(end = numashim_decimal(value, &rank)) || *end ||
		    rank > INT64_MAX)
			continue;
		rec->rank = rank;
		rec->rank_variable = rank_variables[i];
		return;
	}
}

static void record_facts(struct numashim_scratch *s, uint64_t id, void *ip)
{
	struct numashim_machine *m = &s->machine;
	struct numashim_weights *w = &s->weights;
	struct numashim_machine_rec rec = {
		.id = id, .release = "", .host = "", .rank = -1,
		.rank_variable = "",
	};
	size_t online, i;
	long dir;

	if (numashim_sys(SYS_uname, (long) &m->uts, 0, 0, 0) == 0) {
		rec.release = m->uts.release;
		rec.host = m->uts.nodename;
	}
	read_rank(&rec);
	rec.numa_balancing = read_numa_balancing(m);
	rec.mems_allowed_len = read_mems_allowed(m);
	rec.mems_allowed = m->mems_allowed;
	numashim_weights_read(w);
	rec.weight_nodes = w->nodes;
	rec.weights = w->weights;
	rec.weights_len = w->len;
	dir = numashim_sys(SYS_openat, AT_FDCWD, (long) NODE_DIR,
			   O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (dir >= 0) {
		read_list(m, dir, "online", m->online_bits);
		read_list(m, dir, "has_memory", m->has_memory);
		read_list(m, dir, "has_cpu", m->has_cpu);
	} else {
		memset(m->online_bits, 0, sizeof(m->online_bits));
	}
	online = list_of(m->online_bits, m->online);
	rec.nodes = online;
	lttng_ust_do_tracepoint(numashim, machine, &rec, ip);
	for (i = 0; i < online; i++)
		record_node(m, dir, m->online[i], online, id, ip);
	if (dir >= 0)
		numashim_sys(SYS_close, dir, 0, 0, 0);
}

/*
 * Whether this call is the process's first to record the facts: only
 * one of its threads wins the exchange.
 */
static bool first_of_process(void)
{
	pid_t self = numashim_self_pid();
	pid_t seen = __atomic_load_n(&recorded_by, __ATOMIC_RELAXED);

	return seen != self &&
	       __atomic_compare_exchange_n(&recorded_by, &seen, self, false,
					   __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}

void numashim_machine_record(struct numashim_scratch *s, uint64_t id,
			     bool failed, void *ip)
{
	if (!s || !lttng_ust_tracepoint_enabled(numashim, machine))
		return;
	if (failed)
		__atomic_store_n(&recorded_by, numashim_self_pid(),
				 __ATOMIC_RELAXED);
	else if (!first_of_process())
		return;
	record_facts(s, id, ip);
}
