// SPDX-License-Identifier: LGPL-2.1-or-later
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "sink-params.h"

#define SECONDS "seconds from the clock's origin, as a string to keep " \
		"its decimals (\"1700000000.25\")"

/*
 * What each parameter takes, in the words of its errors: expected, or
 * one of the count names of a table, stride bytes apart, or (list)
 * several of them.
 */
static const struct sink_param {
	const char *name;
	const char *expected;
	const char *list;	/* the words before the names of a list */
	bool flag;		/* a boolean, not a value */
	const void *names;
	size_t count, stride;
} sink_params[SINK_PARAMS] = {
	{ .name = "view", .names = report_views,
	  .count = NUMASHIM_REPORT_VIEW_COUNT, .stride = sizeof(report_views[0]) },
	{ .name = "format", .names = report_format_names,
	  .count = NUMASHIM_REPORT_FORMATS,
	  .stride = sizeof(report_format_names[0]) },
	{ .name = "weight", .names = report_weight_names,
	  .count = NUMASHIM_REPORT_WEIGHT_COUNT,
	  .stride = sizeof(report_weight_names[0]) },
	{ .name = "per-thread", .expected = "a boolean", .flag = true },
	{ .name = "pid", .expected = "a process id" },
	{ .name = "host", .expected = "a host name" },
	{ .name = "rank", .expected = "a rank of a job" },
	{ .name = "tid", .expected = "a thread id" },
	{ .name = "procname", .expected = "a process name" },
	{ .name = "call", .list = "call kinds separated by commas: ",
	  .names = call_kind_names, .count = CALL_KINDS,
	  .stride = sizeof(call_kind_names[0]) },
	{ .name = "begin", .expected = SECONDS },
	{ .name = "end", .expected = SECONDS },
	{ .name = "min-latency", .expected = "a duration with its unit, ns, us, "
					     "ms or s (\"50us\")" },
};

struct reading {
	struct sink_params *p;
	bt_self_component *self;
	struct numashim_report_options *options;
};

static const struct sink_param *find_param(const char *name)
{
	size_t i;

	for (i = 0; i < SINK_PARAMS; i++)
		if (!strcmp(sink_params[i].name, name))
			return &sink_params[i];
	return NULL;
}

/* value as the command line's text; NULL when it cannot be one. */
static const char *param_text(struct sink_params *p,
			      const struct sink_param *param,
			      const bt_value *value)
{
	char *number = p->numbers[param - sink_params];

	if (bt_value_is_string(value))
		return bt_value_string_get(value);
	if (bt_value_is_signed_integer(value))
		snprintf(number, sizeof(p->numbers[0]), "%" PRId64,
			 bt_value_integer_signed_get(value));
	else if (bt_value_is_unsigned_integer(value))
		snprintf(number, sizeof(p->numbers[0]), "%" PRIu64,
			 bt_value_integer_unsigned_get(value));
	else
		return NULL;
	return number;
}

static int set_flag(struct reading *r, const struct sink_param *param,
		    const bt_value *value)
{
	if (!bt_value_is_bool(value))
		return -1;
	if (!bt_value_bool_get(value))
		return 0;
	return numashim_report_option(r->options, param->name, NULL);
}

static int set_param(struct reading *r, const struct sink_param *param,
		     const bt_value *value)
{
	const char *text;

	if (param->flag)
		return set_flag(r, param, value);
	text = param_text(r->p, param, value);
	return text ? numashim_report_option(r->options, param->name, text) :
		      -1;
}

const char *numashim_report_option_expected(const char *name, char *buf,
					    size_t size)
{
	const struct sink_param *param = find_param(name);
	char names[256];

	if (!param)
		return NULL;
	if (param->expected)
		return param->expected;
	report_names_join(names, sizeof(names), param->names, param->count,
			  param->stride, "\"", param->list ? NULL : "or");
	snprintf(buf, size, "%s%s", param->list ? param->list : "", names);
	return buf;
}

static void say_bad_value(struct reading *r, const struct sink_param *param,
			  const bt_value *value)
{
	char buf[320];
	const char *expected = numashim_report_option_expected(param->name, buf,
							       sizeof(buf));

	if (bt_value_is_string(value))
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(r->self,
			"the %s parameter must be %s, not \"%s\"", param->name,
			expected, bt_value_string_get(value));
	else
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(r->self,
			"the %s parameter must be %s", param->name, expected);
}

static bt_value_map_foreach_entry_const_func_status read_param(
	const char *name, const bt_value *value, void *data)
{
	struct reading *r = data;
	const struct sink_param *param = find_param(name);

	if (!param) {
		char names[256];

		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(r->self,
			"unknown parameter \"%s\": the parameters are %s", name,
			report_names_join(names, sizeof(names), sink_params,
					  SINK_PARAMS, sizeof(sink_params[0]),
					  "", "and"));
		return BT_VALUE_MAP_FOREACH_ENTRY_CONST_FUNC_STATUS_ERROR;
	}
	if (set_param(r, param, value)) {
		say_bad_value(r, param, value);
		return BT_VALUE_MAP_FOREACH_ENTRY_CONST_FUNC_STATUS_ERROR;
	}
	return BT_VALUE_MAP_FOREACH_ENTRY_CONST_FUNC_STATUS_OK;
}

int sink_params_read(struct sink_params *p, bt_self_component *self,
		     const bt_value *params,
		     struct numashim_report_options *options)
{
	struct reading r = { p, self, options };

	if (!params)
		return 0;
	p->map = params;
	bt_value_get_ref(params);
	if (bt_value_map_foreach_entry_const(params, read_param, &r) !=
	    BT_VALUE_MAP_FOREACH_ENTRY_CONST_STATUS_OK)
		return -1;
	if (options->format == NUMASHIM_REPORT_LAMI &&
	    !report_views[options->view].lami) {
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(self,
			"the view parameter must be one with a LAMI table, "
			"for format \"lami\"");
		return -1;
	}
	if (report_format_streams(options->format) &&
	    (bt_value_map_has_entry(params, "view") ||
	     bt_value_map_has_entry(params, "per-thread"))) {
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(self,
			"format \"%s\" writes every call, of no view: it takes "
			"no view or per-thread parameter",
			report_format_names[options->format]);
		return -1;
	}
	if (bt_value_map_has_entry(params, "weight") &&
	    options->format != NUMASHIM_REPORT_FOLDED) {
		BT_CURRENT_THREAD_ERROR_APPEND_CAUSE_FROM_COMPONENT(self,
			"the weight parameter is one of format \"folded\"");
		return -1;
	}
	return 0;
}

void sink_params_fini(struct sink_params *p)
{
	bt_value_put_ref(p->map);
	p->map = NULL;
}
