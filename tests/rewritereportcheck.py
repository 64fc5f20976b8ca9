#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --view rewrites --format json` against the programs.

rewritereportcheck.py REPORT EXPECT TRACE... [--call KINDS] derives, for
each rule that changed a call (the calls the --call filter lets through),
every figure of the view: from the calls the test programs wrote to
EXPECT (see expect.c), what each call passed (nodes, mode, flags, node
masks) and what it got (its errno, its pages' statuses); from the
trace's numashim:rewrite events, read independently with babeltrace2's
Python bindings (tracecheck.py's reader), which rule fired and what the
kernel got instead, the only place that holds it (rewritecheck.py holds
that against the rules). Exits 1 and names every difference.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import failurecheck  # noqa: E402
import tracecheck  # noqa: E402

KINDS = tracecheck.KINDS
MODES = ("default", "preferred", "bind", "interleave", "local",
         "preferred_many", "weighted_interleave")
MODE_FLAGS = ((1 << 13, "numa_balancing"), (1 << 14, "relative_nodes"),
              (1 << 15, "static_nodes"))
MF_FLAGS = ((1, "strict"), (2, "move"), (4, "move_all"))
FIELDS = ("mode", "flags", "nodemask", "new_nodes", "old_nodes", "home_node")


def bits(value, table):
    return [name for bit, name in table if value & bit]


def mode_text(mode):
    base = mode & ~sum(f for f, _ in MODE_FLAGS)
    name = MODES[base] if base < len(MODES) else str(base)
    return "|".join([name] + bits(mode, MODE_FLAGS))


def flags_text(flags):
    return "|".join(bits(flags, MF_FLAGS)) or "none"


def mask_text(nodes):
    runs = []
    for n in sorted(nodes):
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs) or "none"


class Rule:
    def __init__(self):
        self.calls = collections.Counter({k: 0 for k in KINDS})
        self.dry_runs = 0
        self.nodes = collections.Counter()
        self.changes = {f: collections.Counter() for f in FIELDS}
        self.injected_errors = collections.Counter()
        self.injected_status = collections.Counter()
        self.errors = collections.Counter()
        self.status = collections.Counter()

    def as_json(self):
        return {"calls": dict(self.calls), "dry_runs": self.dry_runs,
                "nodes": dict(self.nodes),
                "changes": {f: dict(c) for f, c in self.changes.items()},
                "injected_errors": dict(self.injected_errors),
                "injected_status": dict(self.injected_status),
                "errors": dict(self.errors), "status": dict(self.status)}


def changed(rule, field, passed, kernel):
    if passed != kernel:
        rule.changes[field][f"{passed}->{kernel}"] += 1


def count_changes(rule, call, exp):
    w = call.rewrite
    if exp["call"] in ("move_pages", "mbind"):
        changed(rule, "flags", flags_text(exp["flags"]),
                flags_text(int(w["flags"])))
    if exp["call"] in ("mbind", "set_mempolicy"):
        # set_mempolicy's account keeps the mode flags apart.
        mode = exp["mode"] | exp.get("mode_flags", 0)
        mask = exp.get("nodemask", exp.get("policy_nodemask"))
        changed(rule, "mode", mode_text(mode), mode_text(int(w["mode"])))
        changed(rule, "nodemask", mask_text(mask),
                mask_text(call.array("kernel_nodes")))
    elif exp["call"] == "set_mempolicy_home_node":
        changed(rule, "home_node", mask_text([exp["home_node"]]),
                mask_text(call.array("kernel_nodes")))
    elif exp["call"] == "migrate_pages":
        changed(rule, "new_nodes", mask_text(exp["new_nodes"]),
                mask_text(call.array("kernel_nodes")))
        changed(rule, "old_nodes", mask_text(exp["old_nodes"]),
                mask_text(call.array("kernel_old_nodes")))
    elif exp["call"] == "move_pages" and exp["nodes_ptr"]:
        for asked, kernel in zip(exp["nodes"], call.array("kernel_nodes")):
            if asked != kernel:
                rule.nodes[f"{asked}->{kernel}"] += 1


def count_failures(rule, call, exp):
    made_up_err, made_up_pages = failurecheck.injected(call)
    for (_, _, code, injected), n in failurecheck.call_failures(
            exp["call"], exp["ret"], exp["err"], exp.get("status", []),
            (made_up_err, made_up_pages)).items():
        if code.startswith("-"):
            (rule.injected_status if injected else rule.status)[code] += n
        else:
            (rule.injected_errors if injected else rule.errors)[code] += n


def expected_rules(pairs):
    rules = collections.defaultdict(Rule)
    for call, exp in pairs:
        if call.rewrite is None:
            continue
        rule = rules[(int(call.rewrite["rule"]), str(call.rewrite["rule_text"]))]
        rule.calls[exp["call"]] += 1
        rule.dry_runs += int(call.rewrite["dry_run"])
        count_changes(rule, call, exp)
        count_failures(rule, call, exp)
    return rules


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--call")
    args, report, expected = tracecheck.checker_inputs(__doc__, ap)
    pairs = [(c, e) for c, e, _ in tracecheck.paired_calls(args.traces,
                                                           expected)
             if args.call is None or e["call"] in args.call.split(",")]
    rules = expected_rules(pairs)

    errors = []
    got_keys = [(g["rule"], g["text"]) for g in report["rewrites"]]
    if got_keys != sorted(rules):
        errors.append(f"rules {got_keys}, the trace has {sorted(rules)}")
    for got in report["rewrites"]:
        key = (got["rule"], got["text"])
        if key not in rules:
            continue
        want = rules[key].as_json()
        for k, v in want.items():
            if got[k] != v:
                errors.append(f"rule {key} {k}: {got[k]}, the programs "
                              f"and the trace say {v}")
    if report["warnings"]:
        errors.append(f"warnings {report['warnings']}")
    return tracecheck.finish("rewritereportcheck", errors,
                             f"{len(rules)} rules")


if __name__ == "__main__":
    sys.exit(main())
