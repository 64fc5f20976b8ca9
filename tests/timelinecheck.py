#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --view timeline --format json` against the programs.

timelinecheck.py REPORT EXPECT TRACE... [--pid N] [--tid N] [--call KINDS]
[--min-latency D] [--begin S] [--end S] (the filters the report was given)
reads the time of every call's entry event from TRACE with babeltrace2's
Python bindings (tracecheck.py's reader) and derives the timeline from it
and from what the programs wrote to EXPECT (see expect.c): the origin is
the first numashim event, or --begin when later; buckets are 1 us times
the smallest power of two for which 64 of them reach the last call; each
bucket holds the calls whose entry falls in it, by kind and failed,
move_pages' pages whose status after a move is a node, by that node,
migrate_pages' positive returns and mbind's lengths. Every bucket must
hold exactly those figures, and their sums the programs' totals. Exits 1
and names every difference.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reportcheck  # noqa: E402
import tracecheck  # noqa: E402

BUCKETS = 64
FIRST_WIDTH_NS = 1000
KINDS = tracecheck.KINDS


def moved_pages(exp):
    """A successful move's pages by the node their status names."""
    moved = collections.Counter()
    if exp["call"] != "move_pages" or exp["ret"] < 0 or not exp["nodes_ptr"]:
        return moved
    for i, status in enumerate(exp["status"]):
        if status >= 0 and i < len(exp["nodes"]):
            moved[str(status)] += 1
    return moved


def empty_bucket(b, width):
    return {"start_ns": b * width, "end_ns": (b + 1) * width,
            "calls": dict.fromkeys(KINDS, 0),
            "failed": dict.fromkeys(KINDS, 0),
            "moved": collections.Counter(), "not_migrated": 0,
            "mbind_bytes": 0}


def add_call(bucket, exp):
    bucket["calls"][exp["call"]] += 1
    if exp["ret"] < 0:
        bucket["failed"][exp["call"]] += 1
    elif exp["call"] == "migrate_pages":
        bucket["not_migrated"] += exp["ret"]
    if exp["call"] == "mbind":
        bucket["mbind_bytes"] += tracecheck.bound_bytes(exp)
    bucket["moved"].update(moved_pages(exp))


def expected_timeline(origin, pairs):
    since = [max(call.ts - origin, 0) for call, _ in pairs]
    width = FIRST_WIDTH_NS
    while max(since, default=0) // width >= BUCKETS:
        width *= 2
    buckets = [empty_bucket(b, width)
               for b in range(max(since, default=0) // width + 1)]
    for t, (_, exp) in zip(since, pairs):
        add_call(buckets[t // width], exp)
    nodes = sorted({int(n) for b in buckets for n in b["moved"]})
    for b in buckets:
        b["moved"] = {str(n): b["moved"][str(n)] for n in nodes}
    return width, buckets, nodes


def totals(buckets):
    """Each figure summed over the buckets."""
    sums = collections.Counter()
    for b in buckets:
        for key in ("calls", "failed", "moved"):
            sums.update({f"{key}.{k}": v for k, v in b[key].items()})
        sums.update(not_migrated=b["not_migrated"],
                    mbind_bytes=b["mbind_bytes"])
    return sums


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pid", type=int)
    ap.add_argument("--tid", type=int)
    ap.add_argument("--call")
    ap.add_argument("--min-latency", type=reportcheck.duration, default=0)
    ap.add_argument("--begin", type=reportcheck.seconds, default=0)
    ap.add_argument("--end", type=reportcheck.seconds, default=2**64)
    args, report, expected = tracecheck.checker_inputs(__doc__, ap)
    every = [(c, e) for c, e, _ in tracecheck.paired_calls(args.traces,
                                                           expected)]
    pairs = [(c, e) for c, e in every if reportcheck.passes(c, e, args)]
    origin = max(min(c.ts for c, _ in every), args.begin)
    width, want, nodes = expected_timeline(origin, pairs)

    errors = []
    for key, value in (("origin_ns", origin), ("bucket_ns", width),
                       ("nodes", nodes)):
        if report[key] != value:
            errors.append(f"{key} {report[key]}, the trace gives {value}")
    got = report["buckets"]
    if len(got) != len(want):
        errors.append(f"{len(got)} buckets, the calls span {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        for key in w:
            if g[key] != w[key]:
                errors.append(f"bucket {i} {key}: {g[key]}, the calls "
                              f"made in it give {w[key]}")
    sums, made = totals(got), collections.Counter()
    for _, exp in pairs:
        bucket = empty_bucket(0, 0)
        add_call(bucket, exp)
        made.update(totals([bucket]))
    for key in sorted(set(sums) | set(made)):
        if sums[key] != made[key]:
            errors.append(f"{key} sums to {sums[key]} over the buckets, "
                          f"the programs' total is {made[key]}")
    if report["warnings"]:
        errors.append(f"warnings {report['warnings']}")
    return tracecheck.finish("timelinecheck", errors,
                             f"{len(pairs)} calls in {len(want)} buckets "
                             f"of {width} ns")


if __name__ == "__main__":
    sys.exit(main())
