// SPDX-License-Identifier: LGPL-2.1-or-later
#include "field-values.h"
#include "machine-events.h"
#include "numashim-payload.h"

/*
 * The weights in the arrays nodes_name and weights_name of p, of the
 * same length: how many, or -1 when they are not.
 */
static int64_t read_weights(const bt_field *p, const char *nodes_name,
			    const char *weights_name, uint32_t *nodes,
			    uint8_t *weights)
{
	const bt_field *array = field_member(p, nodes_name);
	uint32_t weight_v[NUMASHIM_WEIGHTS_MAX];
	uint64_t n, i;

	if (!field_is_array(array))
		return -1;
	n = bt_field_array_get_length(array);
	if (n > NUMASHIM_WEIGHTS_MAX || !field_uint_elements(array, n, nodes) ||
	    !field_uint_elements(field_member(p, weights_name), n, weight_v))
		return -1;
	for (i = 0; i < n; i++)
		weights[i] = weight_v[i];
	return n;
}

int weights_read(struct weights_table *t, int64_t vpid, const bt_field *p)
{
	uint32_t nodes[NUMASHIM_WEIGHTS_MAX];
	uint8_t weights[NUMASHIM_WEIGHTS_MAX];
	int64_t n = read_weights(p, "nodes", "weights", nodes, weights);

	if (n < 0)
		return 0;
	return weights_set(t, vpid, nodes, weights, n);
}

/* An array of node numbers or weights, n at most, into v: how many. */
static uint64_t uint_array(const bt_field *array, uint64_t n, uint32_t *v)
{
	uint64_t len;

	if (!field_is_array(array))
		return 0;
	len = bt_field_array_get_length(array);
	if (len > n)
		len = n;
	return field_uint_elements(array, len, v) ? len : 0;
}

int machines_read(struct machines *m, int64_t vpid, uint64_t call_id,
		  const bt_field *p)
{
	uint32_t mems[NUMASHIM_NODES_MAX], nodes[NUMASHIM_WEIGHTS_MAX];
	int32_t mems_allowed[NUMASHIM_NODES_MAX];
	uint8_t weights[NUMASHIM_WEIGHTS_MAX];
	struct machine_facts f = {
		.call_id = call_id,
		.release = (char *) field_string_member(p, "release"),
		.numa_balancing = field_int_member(p, "numa_balancing"),
		.nodes_announced = field_int_member(p, "nodes"),
		.mems_allowed = mems_allowed, .weight_nodes = nodes,
		.weights = weights,
		.host = (char *) field_string_member(p, "host"),
		.rank = field_member(p, "rank") ?
			field_int_member(p, "rank") : -1,
		.rank_variable = (char *) field_string_member(p,
							      "rank_variable"),
	};
	int64_t n_weights;
	uint64_t i;

	if (f.nodes_announced > NUMASHIM_NODES_MAX)
		f.nodes_announced = NUMASHIM_NODES_MAX;
	f.mems_allowed_len = uint_array(field_member(p, "mems_allowed"),
					NUMASHIM_NODES_MAX, mems);
	for (i = 0; i < f.mems_allowed_len; i++)
		mems_allowed[i] = mems[i];
	n_weights = read_weights(p, "weight_nodes", "weights", nodes, weights);
	f.weights_len = n_weights < 0 ? 0 : n_weights;
	return machines_begin(m, vpid, &f);
}

int machines_read_node(struct machines *m, int64_t vpid, uint64_t call_id,
		       const bt_field *p)
{
	uint32_t v[NUMASHIM_NODES_MAX];
	uint8_t distances[NUMASHIM_NODES_MAX];
	struct machine_node n = {
		.node = field_int_member(p, "node"),
		.has_memory = field_int_member(p, "has_memory"),
		.has_cpu = field_int_member(p, "has_cpu"),
		.mem_total_kb = field_int_member(p, "mem_total_kb"),
		.mem_free_kb = field_int_member(p, "mem_free_kb"),
		.distances = distances,
	};
	uint64_t i;

	n.distances_len = uint_array(field_member(p, "distances"),
				     NUMASHIM_NODES_MAX, v);
	for (i = 0; i < n.distances_len; i++)
		distances[i] = v[i];
	return machines_add_node(m, vpid, call_id, &n);
}
