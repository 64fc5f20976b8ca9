#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check the weights of weighted interleave the report gives each call.

weightscheck.py RECORDS EXPECT holds the call records the report's views
got (RECORDS, written by tests/records) to the calls the test program
wrote to EXPECT (see expect.c): a call that gave the kernel weighted
interleave ("in_force") carries the weights its process recorded last,
the last "weights" EXPECT holds for that process up to the call; every
other call carries none; a call written down without "in_force" is not
checked. Calls and records are matched per process and thread, in
order, among the kinds EXPECT names. Exits 1 and names every difference.
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402


UNCHECKED = object()


def wanted_weights(expected):
    """Each expectation with the weights in force for it, in file order."""
    last = {}
    for exp in expected:
        if exp.get("weights"):
            last[exp["pid"]] = exp["weights"]
        if "in_force" not in exp:
            yield exp, UNCHECKED
        else:
            yield exp, last.get(exp["pid"]) if exp["in_force"] else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records")
    ap.add_argument("expect")
    args = ap.parse_args()
    with open(args.records) as f:
        records = [json.loads(line) for line in f]
    with open(args.expect) as f:
        expected = [json.loads(line) for line in f]
    if not any("in_force" in exp for exp in expected):
        raise SystemExit("the program wrote no expectations of weights")

    kinds = {exp["call"] for exp in expected}
    got = collections.defaultdict(list)
    for rec in records:
        if rec["call"] in kinds:
            got[(rec["pid"], rec["tid"])].append(rec)
    want = collections.defaultdict(list)
    for exp, weights in wanted_weights(expected):
        want[(exp["pid"], exp["tid"])].append((exp, weights))

    errors = []
    for thread in sorted(set(got) | set(want)):
        if len(got[thread]) != len(want[thread]):
            errors.append(f"thread {thread}: {len(got[thread])} calls "
                          f"in the report, {len(want[thread])} made")
        for i, (rec, (exp, weights)) in enumerate(zip(got[thread],
                                                      want[thread])):
            where = f"thread {thread} call {i} ({exp['call']} " \
                    f"from {exp['func']})"
            if rec["call"] != exp["call"]:
                errors.append(f"{where}: the report has {rec['call']}")
            elif weights is not UNCHECKED and rec["weights"] != weights:
                errors.append(f"{where}: weights {rec['weights']} in "
                              f"force, expected {weights}")
    return tracecheck.finish("weightscheck", errors,
                             f"{len(expected)} calls in {len(want)} threads")


if __name__ == "__main__":
    sys.exit(main())
