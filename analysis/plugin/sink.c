// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdbool.h>
#include <stdlib.h>

#include "events.h"
#include "output.h"
#include "progress.h"
#include "sink-params.h"
#include "sink.h"
#include "views.h"

struct report_sink {
	bt_self_component *self;
	bt_message_iterator *iterator;
	struct views *views;
	struct views own;	/* the views, when no program gave any */
	struct numashim_report_options options;
	struct sink_params params;	/* what options were read from */
	struct event_reader reader;
};

static struct report_sink *sink_of(bt_self_component_sink *self)
{
	return bt_self_component_get_data(
		bt_self_component_sink_as_self_component(self));
}

bt_component_class_initialize_method_status report_sink_initialize(
	bt_self_component_sink *self, bt_self_component_sink_configuration *conf,
	const bt_value *params, void *views)
{
	struct report_sink *sink = calloc(1, sizeof(*sink));

	(void) conf;
	if (!sink)
		return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_MEMORY_ERROR;
	sink->self = bt_self_component_sink_as_self_component(self);
	sink->views = views;
	if (!views) {
		if (sink_params_read(&sink->params, sink->self, params,
				     &sink->options)) {
			sink_params_fini(&sink->params);
			free(sink);
			return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_ERROR;
		}
		views_init(&sink->own, sink->options.per_thread,
			   &sink->options.filter);
		sink->views = &sink->own;
		if (report_writer_open(sink->views, stdout, &sink->options)) {
			views_fini(&sink->own);
			sink_params_fini(&sink->params);
			free(sink);
			return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_MEMORY_ERROR;
		}
	}
	event_reader_init(&sink->reader, sink->views);
	bt_self_component_set_data(sink->self, sink);
	if (bt_self_component_sink_add_input_port(self, "in", NULL, NULL)) {
		report_sink_finalize(self);
		return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_MEMORY_ERROR;
	}
	return BT_COMPONENT_CLASS_INITIALIZE_METHOD_STATUS_OK;
}

void report_sink_finalize(bt_self_component_sink *self)
{
	struct report_sink *sink = sink_of(self);

	if (!sink)
		return;
	bt_message_iterator_put_ref(sink->iterator);
	event_reader_fini(&sink->reader);
	if (sink->views == &sink->own) {
		report_writer_close(&sink->own);
		views_fini(&sink->own);
	}
	sink_params_fini(&sink->params);
	free(sink);
}

bt_component_class_sink_graph_is_configured_method_status
report_sink_graph_is_configured(bt_self_component_sink *self)
{
	struct report_sink *sink = sink_of(self);

	if (bt_message_iterator_create_from_sink_component(self,
			bt_self_component_sink_borrow_input_port_by_index(self, 0),
			&sink->iterator))
		return BT_COMPONENT_CLASS_SINK_GRAPH_IS_CONFIGURED_METHOD_STATUS_ERROR;
	return BT_COMPONENT_CLASS_SINK_GRAPH_IS_CONFIGURED_METHOD_STATUS_OK;
}

/* Discarded-events messages may not know how many were lost. */
static void count_losses(struct summary *s, const bt_message *msg)
{
	uint64_t n;

	if (bt_message_get_type(msg) == BT_MESSAGE_TYPE_DISCARDED_EVENTS) {
		if (bt_message_discarded_events_get_count(msg, &n) ==
		    BT_PROPERTY_AVAILABILITY_AVAILABLE)
			s->discarded_events += n;
		else
			s->uncounted_discards++;
	} else if (bt_message_get_type(msg) ==
		   BT_MESSAGE_TYPE_DISCARDED_PACKETS) {
		if (bt_message_discarded_packets_get_count(msg, &n) ==
		    BT_PROPERTY_AVAILABILITY_AVAILABLE)
			s->discarded_packets += n;
		else
			s->discarded_packets++;
	}
}

/*
 * LTTng's clocks count from boot, and their offset says where the Unix
 * epoch lies; without it, every time the report prints as a date or
 * from the epoch is wrong.
 */
static void check_clock(struct summary *s, const bt_message *msg)
{
	const bt_stream *stream =
		bt_message_stream_beginning_borrow_stream_const(msg);
	const bt_clock_class *clock =
		bt_stream_class_borrow_default_clock_class_const(
			bt_stream_borrow_class_const(stream));
	int64_t seconds;
	uint64_t cycles;

	if (!clock)
		return;
	bt_clock_class_get_offset(clock, &seconds, &cycles);
	if (!bt_clock_class_origin_is_unix_epoch(clock) ||
	    (!seconds && !cycles))
		s->streams_without_epoch++;
}

static int read_messages(struct report_sink *sink,
			 bt_message_array_const msgs, uint64_t count)
{
	int ret = 0;
	uint64_t i;

	progress_advance(count);
	for (i = 0; i < count; i++) {
		if (!ret && bt_message_get_type(msgs[i]) == BT_MESSAGE_TYPE_EVENT)
			ret = event_reader_handle(&sink->reader, msgs[i]);
		else if (bt_message_get_type(msgs[i]) ==
			 BT_MESSAGE_TYPE_STREAM_BEGINNING)
			check_clock(&sink->views->summary, msgs[i]);
		else
			count_losses(&sink->views->summary, msgs[i]);
		bt_message_put_ref(msgs[i]);
	}
	return ret;
}

/* The end of the trace: count what is left, and print if we are to. */
static bt_component_class_sink_consume_method_status finish(
	struct report_sink *sink)
{
	if (event_reader_finish(&sink->reader))
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_MEMORY_ERROR;
	if (sink->views != &sink->own)
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_END;
	if (!sink->views->summary.numashim_events) {
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(sink->self,
			"%s", report_no_events);
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_ERROR;
	}
	if (report_print(stdout, sink->views, &sink->options))
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_MEMORY_ERROR;
	return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_END;
}

bt_component_class_sink_consume_method_status
report_sink_consume(bt_self_component_sink *self)
{
	struct report_sink *sink = sink_of(self);
	bt_message_array_const msgs;
	uint64_t count;

	switch (bt_message_iterator_next(sink->iterator, &msgs, &count)) {
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_OK:
		if (read_messages(sink, msgs, count))
			return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_MEMORY_ERROR;
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_OK;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_END:
		return finish(sink);
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_AGAIN:
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_AGAIN;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_MEMORY_ERROR:
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_MEMORY_ERROR;
	default:
		return BT_COMPONENT_CLASS_SINK_CONSUME_METHOD_STATUS_ERROR;
	}
}

bt_component_class_sink *report_sink_class_create(void)
{
	bt_component_class_sink *cls =
		bt_component_class_sink_create(REPORT_SINK_NAME,
					       report_sink_consume);

	if (!cls)
		return NULL;
	if (bt_component_class_sink_set_initialize_method(cls,
			report_sink_initialize) ||
	    bt_component_class_sink_set_finalize_method(cls,
			report_sink_finalize) ||
	    bt_component_class_sink_set_graph_is_configured_method(cls,
			report_sink_graph_is_configured)) {
		bt_component_class_sink_put_ref(cls);
		return NULL;
	}
	return cls;
}
