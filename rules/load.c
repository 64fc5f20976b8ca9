// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What becomes of a parsed rule set: its nodes checked against this
 * machine, its errors explained with a caret.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "rules.h"

static int check_set(const struct numashim_node_set *set,
		     const struct numashim_node_set *possible,
		     const struct numashim_rule *r, struct numashim_rules_error *err)
{
	unsigned int node;

	for (node = 0; node < NUMASHIM_RULE_NODES; node++) {
		if (!numashim_node_set_has(set, node) ||
		    numashim_node_set_has(possible, node))
			continue;
		err->offset = r->offset;
		snprintf(err->msg, sizeof(err->msg),
			 "node %u is not a possible node of this machine (/sys/devices/system/node/possible)",
			 node);
		return -1;
	}
	return 0;
}

/*
 * Target nodes that cannot exist here: a rule sending pages there is a
 * mistake. The nodes a rule maps from are what the program asks for,
 * which may well be impossible (that is what such a rule is for).
 */
int numashim_rules_check_nodes(const struct numashim_rules *rules,
			       const struct numashim_node_set *possible,
			       struct numashim_rules_error *err)
{
	size_t i;
	unsigned int m;

	for (i = 0; i < rules->n; i++) {
		const struct numashim_rule *r = &rules->v[i];

		for (m = 0; m < r->n_maps; m++)
			if (check_set(&r->maps[m].to, possible, r, err))
				return -1;
	}
	return 0;
}

/*
 * "SOURCE: MESSAGE", then the line of the rules at fault and a caret
 * under the place, as compilers show errors.
 */
void numashim_rules_explain(const char *text,
			    const struct numashim_rules_error *err,
			    const char *source, char *out, size_t size)
{
	const char *at = text + err->offset, *line = at, *eol;
	int column;

	while (line > text && line[-1] != '\n')
		line--;
	eol = strchrnul(at, '\n');
	column = at - line;
	snprintf(out, size, "%s: %s\n  %.*s\n  %*s^\n", source, err->msg,
		 (int) (eol - line), line, column, "");
}

/*
 * The kernel's possible nodes, in the format of the rules' own node sets;
 * all of them when the file cannot be read (no sysfs), so that only the
 * parser's limit applies.
 */
static void possible_nodes(struct numashim_node_set *set)
{
	char text[256] = "";
	FILE *f = fopen("/sys/devices/system/node/possible", "re");
	size_t len = f ? fread(text, 1, sizeof(text) - 1, f) : 0;

	if (f)
		fclose(f);
	text[len] = 0;
	text[strcspn(text, "\n")] = 0;
	if (!len || numashim_node_set_parse(text, set))
		memset(set, 0xff, sizeof(*set));
}

/*
 * Parse text and check its nodes against this machine: 0, or -1 with an
 * explanation that quotes the rule at fault, for the shim and for
 * numashim record alike.
 */
int numashim_rules_load(const char *text, struct numashim_rules *rules,
			const char *source, char *explanation, size_t size)
{
	struct numashim_rules_error err;
	struct numashim_node_set possible;

	if (numashim_rules_parse(text, rules, &err))
		goto error;
	possible_nodes(&possible);
	if (!numashim_rules_check_nodes(rules, &possible, &err))
		return 0;
	numashim_rules_free(rules);
error:
	numashim_rules_explain(text, &err, source, explanation, size);
	return -1;
}
