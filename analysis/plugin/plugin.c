// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The babeltrace2 plugin "numashim", so that
 * `babeltrace2 --plugin-path=DIR TRACE -c sink.numashim.report -p
 * 'view="failures",call="mbind"'` prints what `numashim report --view
 * failures --call mbind TRACE` prints.
 */
#include <babeltrace2/babeltrace.h>

#include "catalog.h"
#include "sink.h"

BT_PLUGIN_MODULE();

BT_PLUGIN(numashim);
BT_PLUGIN_DESCRIPTION("Summaries of the numashim events: NUMA page "
		      "placement calls traced with libnumashim.so");
BT_PLUGIN_LICENSE("LGPL-2.1-or-later");

BT_PLUGIN_SINK_COMPONENT_CLASS(report, report_sink_consume);
BT_PLUGIN_SINK_COMPONENT_CLASS_DESCRIPTION(report,
	"The views of numashim report (summary of the move_pages, "
	"migrate_pages, mbind and memory policy calls per process by "
	"default); parameters "
	"as its options: view, format, weight, per-thread, pid, tid, "
	"procname, call, begin, end, min-latency");
#define VIEW_HELP(ID, id, lami, help) "\n" #id ": " help "\n"
BT_PLUGIN_SINK_COMPONENT_CLASS_HELP(report,
	"The parameter view takes one of these (the default: summary):\n"
	NUMASHIM_REPORT_VIEWS(VIEW_HELP)
	"\nSee numashim-report(1): each parameter is the option of that name.");
#undef VIEW_HELP
BT_PLUGIN_SINK_COMPONENT_CLASS_INITIALIZE_METHOD(report,
	report_sink_initialize);
BT_PLUGIN_SINK_COMPONENT_CLASS_FINALIZE_METHOD(report, report_sink_finalize);
BT_PLUGIN_SINK_COMPONENT_CLASS_GRAPH_IS_CONFIGURED_METHOD(report,
	report_sink_graph_is_configured);
