/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The sink component class sink.numashim.report: it reads the messages of
 * its one input port into the views of views.h. An instance that the
 * babeltrace2 command line makes prints a view at the end of the trace;
 * one that a program adds with views as initialization method data fills
 * them and leaves the printing to the program.
 *
 * Parameters (of the former): the options of `numashim report` that
 * choose a view and a format and filter the calls (sink-params.h).
 */
#ifndef NUMASHIM_SINK_H
#define NUMASHIM_SINK_H

#include <babeltrace2/babeltrace.h>

#define REPORT_SINK_NAME "report"

bt_component_class_initialize_method_status report_sink_initialize(
	bt_self_component_sink *self, bt_self_component_sink_configuration *conf,
	const bt_value *params, void *views);
void report_sink_finalize(bt_self_component_sink *self);
bt_component_class_sink_graph_is_configured_method_status
report_sink_graph_is_configured(bt_self_component_sink *self);
bt_component_class_sink_consume_method_status
report_sink_consume(bt_self_component_sink *self);

/* The same class, for a program's own graph; NULL when out of memory. */
bt_component_class_sink *report_sink_class_create(void);

#endif /* NUMASHIM_SINK_H */
