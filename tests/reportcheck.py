#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --format json` against what the programs saw.

reportcheck.py REPORT EXPECT TRACE... [--per-thread] [--procname NAME]
[--pid N] [--tid N] [--call KINDS] [--min-latency D] [--begin S] [--end S]
(the filters the report was given) derives every figure of the summary, for
the calls the filters let through, from the calls the test programs wrote
to EXPECT (see expect.c): calls, errors, pages by outcome and status
code, mbind's bytes, pages not moved; and the latencies, which only the
trace holds, from TRACE read independently with babeltrace2's Python
bindings (tracecheck.py's reader), as are the failures that a rewrite rule
made up (numashim:rewrite events), counted apart from the kernel's.
Exits 1 and names every difference.
"""
import argparse
import collections
import decimal
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import failurecheck  # noqa: E402
import tracecheck  # noqa: E402

QUANTILES = {"p50": 0.50, "p90": 0.90, "p99": 0.99}
# The report's quantiles come from buckets 1/8 of a power of two wide,
# reported by their middle.
QUANTILE_ERROR = 1 / 16


class Row:
    def __init__(self):
        self.calls = 0
        self.errors = collections.Counter()
        self.asked = 0
        self.bytes = 0
        self.not_moved = 0
        self.pages = collections.Counter()
        self.status = collections.Counter()
        self.injected_errors = collections.Counter()
        self.injected_status = collections.Counter()
        self.latencies = []


def count_pages(row, exp, made_up):
    """What became of each page, as the program's own arrays tell; a rule
    made up the statuses of the pages made_up."""
    count = exp["count"]
    if exp["ret"] < 0:
        row.pages["unknown"] += count
        return
    status, nodes = exp["status"], exp["nodes"]
    for i, s in enumerate(status):
        if s < 0 and i in made_up:
            row.injected_status[tracecheck.status_name(s)] += 1
        elif s < 0:
            row.status[tracecheck.status_name(s)] += 1
        elif not exp["nodes_ptr"]:
            row.pages["located"] += 1
        elif i >= len(nodes):
            row.pages["unknown"] += 1
        elif s == nodes[i]:
            row.pages["on_target"] += 1
        else:
            row.pages["elsewhere"] += 1
    row.pages["unknown"] += count - len(status)


def passes(call, exp, args):
    """Whether the report's filters, as given to it, let the call through."""
    latency = int(call.exit["latency_ns"])
    return ((args.pid is None or exp["pid"] == args.pid) and
            (args.tid is None or exp["tid"] == args.tid) and
            (args.call is None or exp["call"] in args.call.split(",")) and
            latency >= args.min_latency and
            args.begin <= call.ts <= args.end)


def seconds(text):
    """Trace time in ns from seconds with up to nine decimals."""
    return int(decimal.Decimal(text) * 10**9)


def duration(text):
    """A duration with its unit (50us) in ns."""
    number, unit = re.fullmatch(r"([0-9.]+)(ns|us|ms|s)", text).groups()
    scale = {"ns": 1, "us": 10**3, "ms": 10**6, "s": 10**9}[unit]
    return int(decimal.Decimal(number) * scale)


def expected_rows(pairs, per_thread):
    rows = collections.defaultdict(Row)
    for call, exp in pairs:
        row = rows[(exp["call"], exp["pid"],
                    exp["tid"] if per_thread else None)]
        row.calls += 1
        row.latencies.append(int(call.exit["latency_ns"]))
        made_up_err, made_up_pages = failurecheck.injected(call)
        if exp["ret"] < 0:
            errors = row.injected_errors if made_up_err else row.errors
            errors[tracecheck.errno_name(exp["err"])] += 1
        elif exp["ret"] > 0 and exp["call"] != "mbind":
            row.not_moved += exp["ret"]
        if exp["call"] == "move_pages":
            row.asked += exp["count"]
            count_pages(row, exp, made_up_pages)
        elif exp["call"] == "mbind":
            row.bytes += tracecheck.bound_bytes(exp)
    return rows


def check_latency(got, want, say):
    want = sorted(want)
    exact = {"count": len(want), "min": want[0], "max": want[-1],
             "sum": sum(want)}
    for k, v in exact.items():
        if got[k] != v:
            say(f"latency {k} {got[k]}, the trace says {v}")
    if abs(got["mean"] - exact["sum"] / len(want)) > 0.1:
        say(f"latency mean {got['mean']}")
    for k, q in QUANTILES.items():
        v = want[max(math.ceil(q * len(want)), 1) - 1]
        if abs(got[k] - v) > v * QUANTILE_ERROR:
            say(f"latency {k} {got[k]}, the trace's is {v}")


def check_pages(got, row, say):
    want = {"asked": row.asked, "not_moved": row.not_moved,
            "failed": sum(row.status.values()), "status": dict(row.status),
            "injected": sum(row.injected_status.values()),
            "injected_status": dict(row.injected_status)}
    for k in ("on_target", "elsewhere", "located", "unknown"):
        want[k] = row.pages[k]
    for k, v in want.items():
        if got[k] != v:
            say(f"pages {k} {got[k]}, the program saw {v}")
    total = sum(row.latencies)
    if got["per_second"] is None or not math.isclose(
            got["per_second"], row.asked * 1e9 / total, rel_tol=1e-3):
        say(f"pages per second {got['per_second']}")


def check_row(got, row, procname, say):
    if got["procname"] != procname:
        say(f"procname {got['procname']}, expected {procname}")
    for k, v in (("calls", row.calls), ("failed", sum(row.errors.values())),
                 ("errors", dict(row.errors)), ("no_exit", 0),
                 ("injected", sum(row.injected_errors.values())),
                 ("injected_errors", dict(row.injected_errors))):
        if got[k] != v:
            say(f"{k} {got[k]}, the program saw {v}")
    check_latency(got["latency_ns"], row.latencies, say)
    if got["call"] == "move_pages":
        check_pages(got["pages"], row, say)
    elif got["call"] == "mbind" and got["bytes"] != row.bytes:
        say(f"bytes {got['bytes']}, the kernel bound {row.bytes}")
    elif (got["call"] == "migrate_pages" and
          got["not_moved"] != row.not_moved):
        say(f"not moved {got['not_moved']}, the program saw {row.not_moved}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-thread", action="store_true")
    ap.add_argument("--procname", default="calls")
    ap.add_argument("--pid", type=int)
    ap.add_argument("--tid", type=int)
    ap.add_argument("--call")
    ap.add_argument("--min-latency", type=duration, default=0)
    ap.add_argument("--begin", type=seconds, default=0)
    ap.add_argument("--end", type=seconds, default=2**64)
    args, report, expected = tracecheck.checker_inputs(__doc__, ap)
    pairs = [(c, e) for c, e, _ in tracecheck.paired_calls(args.traces,
                                                           expected)
             if passes(c, e, args)]
    rows = expected_rows(pairs, args.per_thread)

    errors = []
    if report["per_thread"] != args.per_thread:
        errors.append(f"per_thread is {report['per_thread']}")
    if report["discarded_events"] or report["warnings"]:
        errors.append(f"warnings {report['warnings']} about a whole trace")
    seen = set()
    for got in report["rows"]:
        key = (got["call"], got["vpid"], got["tid"])
        seen.add(key)
        if key not in rows:
            errors.append(f"row {key}: the programs made no such call")
            continue

        def say(msg, key=key):
            errors.append(f"row {key}: {msg}")
        check_row(got, rows[key], args.procname, say)
    for key in sorted(set(rows) - seen, key=str):
        errors.append(f"row {key} missing")

    return tracecheck.finish("reportcheck", errors,
                             f"{len(pairs)} calls in {len(rows)} rows")


if __name__ == "__main__":
    sys.exit(main())
