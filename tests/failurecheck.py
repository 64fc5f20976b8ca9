#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --view failures --format json` against the programs.

failurecheck.py REPORT EXPECT TRACE... derives the failures from the calls
the test programs wrote to EXPECT (see expect.c): failed calls by call and
errno, move_pages' failed pages by status code, and how many calls each
came from; every code must come with an explanation. The call sites, which
only the trace holds, are checked by function: the report's binary and
offset turned into a function with addr2line must be the function that
the trace's ip context names, read independently with tracecheck.py's
reader and symbolizer. Failures that a rewrite rule made up, as the
trace's numashim:rewrite events tell, are groups of their own (injected).
Exits 1 and names every difference.
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402


def injected(call):
    """What a rule made up in the traced call: its errno, its pages."""
    if call.rewrite is None:
        return 0, set()
    return int(call.rewrite["injected_err"]), set(call.array("injected"))


def call_failures(call, ret, err, statuses, made_up=(0, set())):
    """The (call, scope, code, injected) keys of one call, with their
    counts; made_up is what a rewrite rule made up (injected())."""
    if ret < 0:
        return {(call, "call", tracecheck.errno_name(err),
                 bool(made_up[0])): 1}
    failed = collections.Counter()
    if call == "move_pages":
        for i, s in enumerate(statuses):
            if s < 0:
                failed[(call, "page", tracecheck.status_name(s),
                        i in made_up[1])] += 1
    return failed


def expected_groups(traces, expected):
    counts, calls = collections.Counter(), collections.Counter()
    for call, exp, _ in tracecheck.paired_calls(traces, expected):
        for key, n in call_failures(
                exp["call"], exp["ret"], exp["err"],
                exp.get("status", []), injected(call)).items():
            counts[key] += n
            calls[key] += 1
    return counts, calls


def trace_sites(traces):
    """(key, function of the ip) -> count, from the traces alone."""
    sites = collections.Counter()
    for trace in traces:
        calls, bins, _ = tracecheck.read_trace(trace)
        symbols = tracecheck.Symbolizer(bins)
        for call in calls.values():
            if call.exit is None:
                continue
            statuses = (call.array("status") if call.kind == "move_pages"
                        else [])
            where = symbols.function(call.pid, call.ctx["ip"])
            for key, n in call_failures(call.kind, int(call.exit["ret"]),
                                        int(call.exit["err"]), statuses,
                                        injected(call)).items():
                sites[(key, where)] += n
    return sites


def site_function(site, symbols=tracecheck.Symbolizer([])):
    return symbols.source(site["binary"], site["offset"])[0]


def check_group(got, counts, calls, say):
    key = (got["call"], got["scope"], got["code"], got["injected"])
    if got["count"] != counts[key] or got["calls"] != calls[key]:
        say(f"{key}: {got['count']} in {got['calls']} calls, the programs "
            f"saw {counts[key]} in {calls[key]}")
    if not got["meaning"] or not got["advice"]:
        say(f"{key} is not explained")
    if sum(s["count"] for s in got["sites"]) != got["count"]:
        say(f"{key}: the sites' counts do not add up to {got['count']}")


def main():
    args, report, expected = tracecheck.checker_inputs(__doc__)
    counts, calls = expected_groups(args.traces, expected)

    errors = []
    got_sites = collections.Counter()
    for got in report["failures"]:
        check_group(got, counts, calls, errors.append)
        key = (got["call"], got["scope"], got["code"], got["injected"])
        for site in got["sites"]:
            got_sites[(key, site_function(site))] += site["count"]
    missing = set(counts) - {(g["call"], g["scope"], g["code"],
                              g["injected"]) for g in report["failures"]}
    for key in sorted(missing):
        errors.append(f"{key} missing: the programs saw {counts[key]}")
    want_sites = trace_sites(args.traces)
    if got_sites != want_sites:
        errors.append(f"sites {dict(got_sites)}, the trace's ip context "
                      f"says {dict(want_sites)}")
    if report["warnings"]:
        errors.append(f"warnings {report['warnings']}")

    return tracecheck.finish("failurecheck", errors,
                             f"{len(report['failures'])} codes")


if __name__ == "__main__":
    sys.exit(main())
