// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <babeltrace2/babeltrace.h>

#include "graph.h"
#include "metadata.h"
#include "sink.h"

/*
 * The components' own log stays quiet: what goes wrong reaches the user
 * as the error's causes, and lost events as the report's warnings.
 */
#define LOG_LEVEL BT_LOGGING_LEVEL_NONE

/* What the plugins and components of one run hold. */
struct graph {
	bt_graph *graph;
	const bt_plugin *ctf;
	const bt_plugin *utils;
	bt_component_class_sink *sink_class;
	const bt_component_filter *muxer;
};

/*
 * The current thread's error, one cause a line from ours to the root
 * cause, without the library's own, which repeat the components' in
 * terms of its internals.
 */
static char *take_error(const char *fallback)
{
	const bt_error *err = bt_current_thread_take_error();
	uint64_t i, n = err ? bt_error_get_cause_count(err) : 0;
	const bt_error_cause *cause;
	char *text = NULL, *more;

	for (i = n; i-- > 0;) {
		cause = bt_error_borrow_cause_by_index(err, i);
		if (!strcmp(bt_error_cause_get_module_name(cause),
			    "libbabeltrace2"))
			continue;
		if (asprintf(&more, "%s%s%s", text ? text : "",
			     text ? "\n  " : "",
			     bt_error_cause_get_message(cause)) < 0)
			more = NULL;
		free(text);
		text = more;
	}
	bt_error_release(err);
	return text ? text : strdup(fallback);
}

static int find_plugin(const char *name, const bt_plugin **plugin)
{
	if (bt_plugin_find(name, BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, BT_FALSE,
			   plugin) == BT_PLUGIN_FIND_STATUS_OK)
		return 0;
	BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_UNKNOWN("numashim",
		"babeltrace2's %s plugin was not found (Debian package "
		"babeltrace2)", name);
	return -1;
}

static int add_source(struct graph *g, const char *trace, size_t index,
		      const bt_component_source **source)
{
	bt_value *params = bt_value_map_create(), *inputs = NULL;
	char name[32];
	int ret = -1;

	snprintf(name, sizeof(name), "trace-%zu", index);
	if (params && !metadata_check(trace) &&
	    !bt_value_map_insert_empty_array_entry(params, "inputs", &inputs) &&
	    !bt_value_array_append_string_element(inputs, trace))
		ret = bt_graph_add_source_component(g->graph,
			bt_plugin_borrow_source_component_class_by_name_const(
				g->ctf, "fs"),
			name, params, LOG_LEVEL, source) ? -1 : 0;
	bt_value_put_ref(params);
	if (ret)
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_UNKNOWN("numashim",
			"cannot open the trace %s", trace);
	return ret;
}

/* The muxer always has one free input port, added after each connection. */
static const bt_port_input *free_muxer_port(const struct graph *g)
{
	uint64_t i, n = bt_component_filter_get_input_port_count(g->muxer);
	const bt_port_input *port;

	for (i = 0; i < n; i++) {
		port = bt_component_filter_borrow_input_port_by_index_const(
			g->muxer, i);
		if (!bt_port_is_connected(bt_port_input_as_port_const(port)))
			return port;
	}
	return NULL;
}

static int connect_source(struct graph *g, const bt_component_source *source)
{
	uint64_t i, n = bt_component_source_get_output_port_count(source);
	const bt_port_input *in;

	for (i = 0; i < n; i++) {
		in = free_muxer_port(g);
		if (!in || bt_graph_connect_ports(g->graph,
				bt_component_source_borrow_output_port_by_index_const(
					source, i), in, NULL))
			return -1;
	}
	return 0;
}

static int add_sources(struct graph *g, const struct trace_list *traces)
{
	const bt_component_source *source;
	size_t i;

	for (i = 0; i < traces->count; i++)
		if (add_source(g, traces->paths[i], i, &source) ||
		    connect_source(g, source))
			return -1;
	return 0;
}

static int build(struct graph *g, const struct trace_list *traces,
		 struct views *v)
{
	const bt_component_sink *sink;

	g->graph = bt_graph_create(0);
	g->sink_class = report_sink_class_create();
	if (!g->graph || !g->sink_class || find_plugin("ctf", &g->ctf) ||
	    find_plugin("utils", &g->utils))
		return -1;
	if (bt_graph_add_filter_component(g->graph,
			bt_plugin_borrow_filter_component_class_by_name_const(
				g->utils, "muxer"),
			"muxer", NULL, LOG_LEVEL, &g->muxer) ||
	    bt_graph_add_sink_component_with_initialize_method_data(g->graph,
			g->sink_class, REPORT_SINK_NAME, NULL, v, LOG_LEVEL,
			&sink) ||
	    add_sources(g, traces))
		return -1;
	return bt_graph_connect_ports(g->graph,
		bt_component_filter_borrow_output_port_by_index_const(g->muxer, 0),
		bt_component_sink_borrow_input_port_by_index_const(sink, 0),
		NULL) ? -1 : 0;
}

static bt_graph_run_status run(struct graph *g)
{
	bt_graph_run_status status;

	while ((status = bt_graph_run(g->graph)) == BT_GRAPH_RUN_STATUS_AGAIN)
		usleep(1000);
	return status;
}

static void destroy(struct graph *g)
{
	bt_graph_put_ref(g->graph);
	bt_component_class_sink_put_ref(g->sink_class);
	bt_plugin_put_ref(g->ctf);
	bt_plugin_put_ref(g->utils);
}

enum graph_status graph_run(const struct trace_list *traces,
			    struct views *v, char **error)
{
	struct graph g = { 0 };
	enum graph_status status = GRAPH_OK;

	if (build(&g, traces, v)) {
		*error = take_error("cannot set up babeltrace2 to read the traces");
		status = GRAPH_NOT_BUILT;
	} else if (run(&g) != BT_GRAPH_RUN_STATUS_OK) {
		*error = take_error("babeltrace2 stopped reading the traces");
		status = GRAPH_STOPPED;
	}
	destroy(&g);
	return status;
}
