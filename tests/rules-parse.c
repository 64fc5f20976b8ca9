// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rewrite rule parser on its own: rule sets that parse, with what
 * each rule then holds, and rule sets that do not, with the message and
 * the place the parser points at. Prints a line per failed check; exits
 * 1 if any failed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "rules.h"

static int failures;

#define CHECK(cond, text)						\
	do {								\
		if (!(cond)) {						\
			printf("FAIL: \"%s\": %s\n", text, #cond);	\
			failures++;					\
		}							\
	} while (0)

static void parses(const char *text, size_t n_rules,
		   void (*check)(const char *, const struct numashim_rules *))
{
	struct numashim_rules rules;
	struct numashim_rules_error err;

	if (numashim_rules_parse(text, &rules, &err)) {
		printf("FAIL: \"%s\" does not parse: %s at %zu\n", text,
		       err.msg, err.offset);
		failures++;
		return;
	}
	CHECK(rules.n == n_rules, text);
	if (check && rules.n == n_rules)
		check(text, &rules);
	numashim_rules_free(&rules);
}

/* Where the last occurrence of marker starts in text. */
static size_t place(const char *text, const char *marker)
{
	const char *at = strstr(text, marker), *later;

	while (at && *marker && (later = strstr(at + 1, marker)))
		at = later;
	return at - text;
}

/*
 * text is refused with a message holding msg, pointing at the last place
 * marker stands.
 */
static void refused(const char *text, const char *msg, const char *marker)
{
	struct numashim_rules rules;
	struct numashim_rules_error err;

	if (!numashim_rules_parse(text, &rules, &err)) {
		printf("FAIL: \"%s\" parses\n", text);
		failures++;
		numashim_rules_free(&rules);
		return;
	}
	if (!strstr(err.msg, msg)) {
		printf("FAIL: \"%s\": \"%s\" does not say \"%s\"\n", text,
		       err.msg, msg);
		failures++;
	}
	if (err.offset != place(text, marker)) {
		printf("FAIL: \"%s\": points at %zu, not at \"%s\"\n", text,
		       err.offset, marker);
		failures++;
	}
}

/*
 * text is refused with the whole of explanation, as the shim and numashim
 * record print it: the message, the rule's line, a caret at the place.
 */
static void explained(const char *text, const char *explanation)
{
	struct numashim_rules rules;
	struct numashim_rules_error err;
	char out[512];

	if (!numashim_rules_parse(text, &rules, &err)) {
		printf("FAIL: \"%s\" parses\n", text);
		failures++;
		numashim_rules_free(&rules);
		return;
	}
	numashim_rules_explain(text, &err, "NUMASHIM_REWRITE", out, sizeof(out));
	if (strcmp(out, explanation)) {
		printf("FAIL: \"%s\" is explained as\n%s, not as\n%s", text,
		       out, explanation);
		failures++;
	}
}

static void check_map(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = &rs->v[0];

	CHECK(r->call == NUMASHIM_RULE_MOVE_PAGES, t);
	CHECK(r->n_maps == 1 && !r->maps[0].from_any, t);
	CHECK(numashim_node_set_has(&r->maps[0].from, 1), t);
	CHECK(!numashim_node_set_has(&r->maps[0].from, 0), t);
	CHECK(numashim_node_set_has(&r->maps[0].to, 0), t);
	CHECK(r->tid == -1 && r->chance_ppm == NUMASHIM_PPM, t);
	CHECK(!strcmp(r->text, "move_pages: node 1 -> 0"), t);
}

static void check_interleave(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = &rs->v[0];
	unsigned int n;

	CHECK(r->call == NUMASHIM_RULE_MBIND && r->set_mode, t);
	CHECK(r->mode == (3 | 1UL << 15), t);	/* interleave|static_nodes */
	CHECK(r->maps[0].from_any, t);
	for (n = 0; n < 6; n++)
		CHECK(numashim_node_set_has(&r->maps[0].to, n) == (n <= 3 || n == 5), t);
	CHECK(r->flags_add == 2 && r->flags_drop == 1, t);	/* +move -strict */
}

static void check_inject(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = &rs->v[0];

	CHECK(r->fail_pages_status == 16 && r->fail_pages_ppm == 100000, t);	/* EBUSY, 10% */
	CHECK(r->seed == 42 && r->seq_first == 5 && r->seq_last == 9, t);
	CHECK(r->caller && !strcmp(r->caller, "solver_*"), t);
	CHECK(r->tid == 1234 && r->chance_ppm == 500, t);	/* 0.05% */
	CHECK(rs->v[1].call == NUMASHIM_RULE_ANY_CALL && rs->v[1].fail_errno == 12, t);
	CHECK(!strcmp(rs->v[1].text, "*: fail=ENOMEM"), t);
}

static void check_ranges(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = &rs->v[0];

	CHECK(r->n_page_ranges == 3 && r->fail_pages_ppm == NUMASHIM_PPM, t);
	CHECK(r->page_ranges[0].first == 0 && r->page_ranges[0].last == 9, t);
	CHECK(r->page_ranges[1].first == 20 && r->page_ranges[1].last == 20, t);
	CHECK(r->page_ranges[2].first == 30 && r->page_ranges[2].last == 31, t);
	CHECK(r->flags_add == 2, t);
}

static void check_source(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = &rs->v[0];

	CHECK(r->n_maps == 2 && r->maps[0].source && !r->maps[1].source, t);
	CHECK(numashim_node_set_has(&r->maps[0].from, 1), t);
	CHECK(numashim_node_set_has(&r->maps[1].to, 1), t);
}

static void check_mbind_flags(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = &rs->v[0];

	CHECK(r->flags_add == (1 | 4) && r->flags_drop == 2, t);	/* +strict +move_all -move */
	CHECK(rs->v[1].flags_add == 4 && rs->v[1].flags_drop == 2, t);	/* +move_all -move */
}

static void check_new_modes(const char *t, const struct numashim_rules *rs)
{
	CHECK(rs->v[0].set_mode && rs->v[0].mode == 6, t);	/* weighted_interleave */
	CHECK(rs->v[1].mode == (5 | 1UL << 13), t);	/* preferred_many|numa_balancing */
	CHECK(rs->v[2].mode == (4 | 1UL << 14), t);	/* local|relative_nodes */
}

static void check_policy_calls(const char *t, const struct numashim_rules *rs)
{
	const struct numashim_rule *r = rs->v + 1;

	CHECK(r[-1].call == NUMASHIM_RULE_SET_MEMPOLICY && r[-1].dry_run, t);
	CHECK(r[0].call == NUMASHIM_RULE_SET_MEMPOLICY && r[0].set_mode, t);
	CHECK(r[0].mode == (NUMASHIM_MPOL_INTERLEAVE | NUMASHIM_MPOL_F_STATIC_NODES), t);
	CHECK(r[0].n_maps == 1 && r[0].maps[0].from_any, t);
	CHECK(numashim_node_set_has(&r[0].maps[0].to, 1), t);
	CHECK(r[1].call == NUMASHIM_RULE_SET_MEMPOLICY_HOME_NODE && r[1].n_maps == 1, t);
	CHECK(numashim_node_set_has(&r[1].maps[0].from, 1), t);
	CHECK(numashim_node_set_has(&r[1].maps[0].to, 0), t);
	CHECK(r[2].call == NUMASHIM_RULE_GET_MEMPOLICY && r[2].fail_errno == EPERM, t);
	CHECK(r[2].tid == 3 && r[2].seq_first == 2 && r[2].seq_last == 4, t);
	CHECK(r[3].call == NUMASHIM_RULE_SET_MEMPOLICY_HOME_NODE && r[3].fail_errno == EPERM, t);
}

int main(void)
{
	parses("move_pages: node 1 -> 0", 1, check_map);
	parses("  move_pages:node 1->0  # the slow node\n", 1, NULL);
	parses("mbind: mode=interleave|static_nodes, node * -> 0-3,5, flags +move -strict",
	       1, check_interleave);
	parses("move_pages caller=solver_* tid=1234 seq=5-9 chance=0.05% seed=42: fail-pages=-EBUSY@10%\n"
	       "*: fail=ENOMEM", 2, check_inject);
	parses("move_pages: dry-run; mbind: dry-run;; migrate_pages: node 0,1 -> 2", 3, NULL);
	parses("move_pages chance=50%: fail=EIO\nmove_pages: fail=EBUSY", 2, NULL);
	parses("move_pages: fail-pages=ENOMEM@0-9, 20,30-31, flags +move", 1, check_ranges);
	parses("migrate_pages: source-node 1 -> 0, node 0 -> 1", 1, check_source);
	parses("mbind: flags +strict +move_all -move\nmove_pages: flags +move_all -move",
	       2, check_mbind_flags);
	parses("mbind tid=1: mode=weighted_interleave\n"
	       "mbind tid=2: mode=preferred_many|numa_balancing\n"
	       "mbind: mode=local|relative_nodes", 3, check_new_modes);

	refused("", "no rule", "");
	refused("move_page: dry-run", "expected move_pages, migrate_pages, mbind, set_mempolicy, get_mempolicy, set_mempolicy_home_node or *", "move_page");
	refused("move_pages dry-run", "expected a condition", "dry-run");
	refused("move_pages: node 1 0", "expected '->'", "0");
	refused("move_pages: node 1 -> 1024", "out of range", "1024");
	refused("move_pages: node 3-1 -> 0", "node range goes upwards", "1 ->");
	refused("move_pages: node 1 -> 0, node 0-2 -> 3", "mapped twice", "0-2");
	refused("move_pages: flagz +move", "expected an action", "flagz");
	refused("move_pages: flags +move -move", "both added and dropped", "move");
	refused("mbind: mode=spread", "memory policy mode", "spread");
	refused("move_pages: mode=bind", "move_pages has no mode: its rules take node, flags, dry-run, fail or fail-pages", "mode");
	refused("migrate_pages: flags +move", "migrate_pages has no MPOL_MF_* flags: its rules take node, source-node or fail", "flags");
	refused("mbind: fail-pages=EBUSY", "mbind has no per-page failures", "fail-pages");
	refused("migrate_pages: dry-run", "migrate_pages has no dry run", "dry-run");
	refused("move_pages: fail=EBUSY, node 1 -> 0", "no other action", "move_pages");
	refused("move_pages: dry-run, node 1 -> 0", "contradicts", "move_pages");
	refused("move_pages: fail=EBUZY", "errno name", "EBUZY");
	refused("move_pages: fail-pages=EBUSY@101%", "at most 100%", "101");
	refused("move_pages: dry-run\nmove_pages: node 1 -> 0", "never fires: rule 1", "move_pages: node");
	refused("*: fail=EIO; mbind tid=7: dry-run", "never fires: rule 1", "mbind");
	refused("move_pages: dry-run extra", "',' and another action", "extra");
	refused("mbind: source-node 1 -> 0", "mbind has no source-node maps", "source-node");
	refused("migrate_pages: source-node 1 -> 0, source-node 0-2 -> 3", "mapped twice", "0-2");
	refused("move_pages seq=9-5: dry-run", "seq range goes upwards", "5:");
	refused("move_pages: fail-pages=EIO@7-3", "page range goes upwards", "3");
	refused("move_pages caller=a caller=b: dry-run", "caller= is given twice", "caller");

	/* Only the flags the kernel takes for the call (move_pages(2), mbind(2)). */
	refused("move_pages: flags +strict", "expected a flag of move_pages (move or move_all), found \"strict\"", "strict");
	refused("move_pages: flags +move -strict", "expected a flag of move_pages (move or move_all)", "strict");
	refused("mbind: flags +lazy", "expected a flag of mbind (strict, move or move_all), found \"lazy\"", "lazy");
	refused("*: flags +move", "flags: for move_pages and mbind only, and * stands for migrate_pages too", "flags");
	refused("*: mode=bind", "mode: for mbind and set_mempolicy only, and * stands for move_pages and migrate_pages too", "mode");
	refused("*: dry-run", "dry-run: for move_pages, mbind and set_mempolicy only, and * stands for migrate_pages too", "dry-run");
	refused("mbind: mode=spread", "expected a memory policy mode (default, preferred, bind, interleave, local, preferred_many or weighted_interleave), found \"spread\"", "spread");
	refused("mbind: mode=bind|static", "expected a mode flag (numa_balancing, relative_nodes or static_nodes), found \"static\"", "static");
	/* The policy calls: what each takes, from the shared table. */
	parses("set_mempolicy caller=main: dry-run\n"
	       "set_mempolicy: mode=interleave|static_nodes, node * -> 0-1\n"
	       "set_mempolicy_home_node seq=1: node 1 -> 0\n"
	       "get_mempolicy tid=3 seq=2-4 chance=50%: fail=EPERM\n"
	       "set_mempolicy_home_node: fail=EPERM",
	       5, check_policy_calls);
	parses("set_mempolicy_home_node: node 0-1 -> 2, node 3 -> 0", 1, NULL);
	refused("get_mempolicy: node 0 -> 1", "get_mempolicy has no node maps: its rules take fail", "node");
	refused("get_mempolicy: mode=bind", "get_mempolicy has no mode", "mode");
	refused("get_mempolicy: flags +move", "get_mempolicy has no MPOL_MF_* flags", "flags");
	refused("get_mempolicy: dry-run", "get_mempolicy has no dry run", "dry-run");
	refused("set_mempolicy_home_node: mode=bind", "set_mempolicy_home_node has no mode: its rules take node or fail", "mode");
	refused("set_mempolicy: flags +move", "set_mempolicy has no MPOL_MF_* flags: its rules take node, mode, dry-run or fail", "flags");
	refused("set_mempolicy: source-node 1 -> 0", "set_mempolicy has no source-node maps", "source-node");
	refused("set_mempolicy: fail-pages=EIO", "set_mempolicy has no per-page failures", "fail-pages");
	refused("set_mempolicy: mode=spread", "memory policy mode", "spread");
	refused("set_mempolicy_home_node: node 1 -> 0-1", "set_mempolicy_home_node takes one node: map to one node", "0-1");
	refused("set_mempolicy_home_node: node * -> 2,3", "takes one node", "2,3");
	refused("set_mempolicy: dry-run, node 1 -> 0", "contradicts", "set_mempolicy");
	refused("set_mempolicy: fail=EIO, mode=bind", "no other action", "set_mempolicy");
	/* * stands for the placement calls only: a rule for them never hides one for a policy call. */
	parses("*: fail=EIO\nset_mempolicy: fail=EPERM", 2, NULL);
	refused("set_mempolicy: fail=EIO\nset_mempolicy seq=3: fail=EPERM", "never fires: rule 1", "set_mempolicy seq");
	refused("set_mempolicy_home: dry-run", "expected move_pages, migrate_pages, mbind, set_mempolicy, get_mempolicy, set_mempolicy_home_node or *", "set_mempolicy_home");
	explained("move_pages: dry-run\n  get_mempolicy: node * -> 0-1",
		  "NUMASHIM_REWRITE: get_mempolicy has no node maps: its rules take fail\n"
		  "    get_mempolicy: node * -> 0-1\n"
		  "                   ^\n");
	explained("mbind: dry-run\nmove_pages: flags +move -strict",
		  "NUMASHIM_REWRITE: expected a flag of move_pages (move or move_all), found \"strict\"\n"
		  "  move_pages: flags +move -strict\n"
		  "                           ^\n");
	return failures ? 1 : 0;
}
