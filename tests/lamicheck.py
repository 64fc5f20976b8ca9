#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --format lami` against LAMI 1.0 and the JSON.

lamicheck.py metadata METADATA checks a --metadata output against the
shape LAMI 1.0 gives it: mi-version 1.0, a title, table classes whose
columns are each of a LAMI class, with a unit for numbers alone.

lamicheck.py results METADATA LAMI JSON LIST [--begin NS --end NS]
[--limit N] TRACE... checks a results output: one result table of the
metadata's class, named or, for a table whose columns depend on the
trace, given whole with the metadata's columns first; its time range the
span asked for or else that of the numashim events of TRACE (read with
babeltrace2's Python bindings), each row as long as the class has
columns and each cell null or a data object of its column's class; and
figure by figure, the rows of the JSON format's LIST (whose figures the
other checkers hold against the programs), in the same order, the first
N of them under --limit; LIST may join lists with +, one after the
other (the policies view's "policies+refused"). The timeline's buckets count from the JSON's
origin; its LAMI time ranges from the Epoch, and its columns of pages
moved must be the JSON's nodes. Exits 1 and names every difference.
"""
import argparse
import json
import numbers
import os
import sys

import bt2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

COLUMN_CLASSES = {"bool", "number", "string", "ratio", "timestamp",
                  "duration", "size", "bitrate", "time-range", "syscall",
                  "process", "path", "fd", "irq", "cpu", "disk", "part",
                  "netif", "mixed"}
KINDS = tracecheck.KINDS
NUMBERS = {"number", "ratio", "timestamp", "duration", "size", "bitrate"}


def codes(counts):
    """A JSON list of counts by code as the LAMI string gives it."""
    return " ".join(f"{k}={v}" for k, v in counts.items()) or None


def at(*keys):
    """The JSON member under keys, one in the other."""
    def figure(r):
        for key in keys:
            r = r[key]
        return r
    return figure


def listed(*keys):
    """Counts by code or by change, "FROM->TO=N", as LAMI strings."""
    return lambda r: codes(at(*keys)(r))


def process(r):
    p = {"name": r["procname"], "pid": r["vpid"], "tid": r["tid"]}
    return {k: v for k, v in p.items() if v not in (None, "", -1)}


def latency(key):
    return lambda r: r["latency_ns"][key] if r["latency_ns"]["count"] else None


def pages(key):
    return lambda r: r["pages"][key] if "pages" in r else None


# Per view, the JSON figure behind each column of its LAMI table.
FIGURES = {
    "summary": {
        "Call": lambda r: r["call"],
        "Process": process,
        "Calls": lambda r: r["calls"],
        "Failed": lambda r: r["failed"],
        "No exit": lambda r: r["no_exit"],
        "Errors": lambda r: codes(r["errors"]),
        "Minimum latency": latency("min"),
        "Median latency": latency("p50"),
        "90th percentile latency": latency("p90"),
        "99th percentile latency": latency("p99"),
        "Maximum latency": latency("max"),
        "Mean latency": latency("mean"),
        "Total latency": latency("sum"),
        "Pages asked": pages("asked"),
        "Pages on target": pages("on_target"),
        "Pages elsewhere": pages("elsewhere"),
        "Pages located": pages("located"),
        "Pages failed": pages("failed"),
        "Pages unknown": pages("unknown"),
        "Pages not moved": lambda r: (r["pages"]["not_moved"] if "pages" in r
                                      else r.get("not_moved")),
        "Page status": lambda r: codes(r["pages"]["status"]) if "pages" in r
        else None,
        "Pages per second": pages("per_second"),
        "Bytes bound": lambda r: r.get("bytes"),
    },
    "failures": {
        title: (lambda key: lambda r: r[key])(key) for title, key in (
            ("Call", "call"), ("Scope", "scope"), ("Code", "code"),
            ("Count", "count"), ("Calls", "calls"),
            ("Made up by a rule", "injected"), ("Meaning", "meaning"),
            ("Advice", "advice"))
    },
    "callsites": {
        "Site": lambda r: r["site"],
        "Binary": lambda r: r["binary"],
        "Offset": lambda r: r["offset"],
        "Function": lambda r: r["function"],
        "Function offset": lambda r: r.get("function_offset"),
        "File": lambda r: r["file"],
        "Line": lambda r: r.get("line"),
        "Not named because": lambda r: r["problem"],
        "Calls": lambda r: r["calls"],
        "Failed": lambda r: r["failed"],
        "Failed pages": lambda r: r["failed_pages"],
        "Total latency": lambda r: r["latency_ns"]["sum"],
        "Maximum latency": lambda r: r["latency_ns"]["max"],
        "Mean latency": lambda r: r["latency_ns"]["mean"],
    },
    "nodes": {
        "Requested node": lambda r: r["requested"],
        "Kernel node": lambda r: r["kernel"],
        "Rewritten": lambda r: r["rewritten"],
        "Resulting node": lambda r: r["result"] if isinstance(
            r["result"], int) else None,
        "Status": lambda r: r["result"] if isinstance(r["result"], str)
        else None,
        "Page size": lambda r: r["page_size"],
        "Pages": lambda r: r["pages"],
        "Bytes": lambda r: r["bytes"],
    },
    "rewrites": {
        "Rule": at("rule"),
        "Rule text": at("text"),
        **{f"{kind} calls": at("calls", kind) for kind in KINDS},
        "Dry runs": at("dry_runs"),
        "Pages sent elsewhere": listed("nodes"),
        "Mode changes": listed("changes", "mode"),
        "Flags changes": listed("changes", "flags"),
        "Node mask changes": listed("changes", "nodemask"),
        "New nodes changes": listed("changes", "new_nodes"),
        "Old nodes changes": listed("changes", "old_nodes"),
        "Home node changes": listed("changes", "home_node"),
        "Errors made up": listed("injected_errors"),
        "Page status made up": listed("injected_status"),
        "Kernel errors": listed("errors"),
        "Kernel page status": listed("status"),
    },
    "timeline": {
        "Time range": lambda r: (r["origin_ns"] + r["start_ns"],
                                 r["origin_ns"] + r["end_ns"]),
        **{f"{kind} calls": at("calls", kind) for kind in KINDS},
        **{f"Failed {kind} calls": at("failed", kind) for kind in KINDS},
        "Pages not migrated": at("not_migrated"),
        "Bytes bound": at("mbind_bytes"),
    },
    "policies": {
        "Process": process,
        "Scope": at("scope"),
        "Time": lambda r: (r["time_ns"], r["last_ns"]),
        "Replaced after": lambda r: r["until_ns"] and
        r["until_ns"] - r["time_ns"],
        "Calls": at("calls"),
        "Mode": at("mode"),
        "Mode flags": at("mode_flags"),
        "Nodes": at("nodes"),
        "Weights": at("weights"),
        "Flags": at("flags"),
        "Start": at("start"),
        "End": at("end"),
        "Home node": at("home_node"),
        "Call site": at("site"),
        "Error": at("error"),
    },
}
NODE_COLUMN = "Pages moved to node "


def node_figure(title):
    """The figure of a timeline column of pages moved to a node."""
    node = title[len(NODE_COLUMN):]
    return lambda r: r["moved"].get(node)


def check_table_class(name, tc, say):
    if not isinstance(tc.get("title"), str):
        say(f"table class {name} has no title")
    columns = tc.get("column-descriptions")
    if not isinstance(columns, list) or not columns:
        return say(f"table class {name} has no columns")
    for col in columns:
        if not isinstance(col.get("title"), str):
            say(f"{name}: a column without title: {col}")
        if col.get("class") not in COLUMN_CLASSES:
            say(f"{name}: column {col.get('title')} of class "
                f"{col.get('class')}, not a LAMI 1.0 class")
        if "unit" in col and (col["class"] != "number" or
                              not isinstance(col["unit"], str)):
            say(f"{name}: column {col['title']} has a unit, "
                f"{col['unit']!r}, but is not a number")


def check_metadata(meta, say):
    if meta.get("mi-version") != {"major": 1, "minor": 0}:
        say(f"mi-version {meta.get('mi-version')}, not 1.0")
    if not isinstance(meta.get("title"), str):
        say("no title")
    classes = meta.get("table-classes")
    if not isinstance(classes, dict) or not classes:
        return say("no table classes")
    for name, tc in classes.items():
        check_table_class(name, tc, say)


def is_number(v):
    return isinstance(v, numbers.Number) and not isinstance(v, bool)


def cell_value(cell, cls, say):
    """The value of a cell of class cls, or None; complains if malformed."""
    if cell is None:
        return None
    if not isinstance(cell, dict) or cell.get("class") != cls:
        say(f"cell {cell}: not a {cls} object")
        return None
    if cls in NUMBERS:
        if not is_number(cell.get("value")):
            say(f"cell {cell}: value is not a number")
        return cell.get("value")
    if cls == "string":
        if not isinstance(cell.get("value"), str):
            say(f"cell {cell}: value is not a string")
        return cell.get("value")
    if cls == "bool":
        if not isinstance(cell.get("value"), bool):
            say(f"cell {cell}: value is not a boolean")
        return cell.get("value")
    if cls == "path":
        if not isinstance(cell.get("path"), str):
            say(f"cell {cell}: path is not a string")
        return cell.get("path")
    if cls == "process":
        p = {k: v for k, v in cell.items() if k != "class"}
        if not (isinstance(p.get("name", ""), str) and
                all(isinstance(p.get(k, 0), int) for k in ("pid", "tid"))):
            say(f"cell {cell}: not a process object")
        return p
    if cls == "time-range":
        return (timestamp(cell.get("begin"), say),
                timestamp(cell.get("end"), say))
    say(f"cell {cell}: class {cls} is not checked here")
    return None


def timestamp(obj, say):
    if not (isinstance(obj, dict) and obj.get("class") == "timestamp" and
            isinstance(obj.get("value"), int)):
        say(f"{obj} is not a timestamp object")
        return None
    return obj["value"]


def event_span(traces):
    """The first and last numashim events' times, ns since the Epoch."""
    times = [msg.default_clock_snapshot.ns_from_origin
             for msg in bt2.TraceCollectionMessageIterator(traces)
             if type(msg) is bt2._EventMessageConst and
             msg.event.name.startswith("numashim:")]
    return min(times), max(times)


def table_class(meta, table, say):
    """The view a result table is of and its columns; None if unknown."""
    cls = table.get("class")
    if not isinstance(cls, dict):
        tc = meta["table-classes"].get(cls)
        if tc is None:
            say(f"table class {cls} not in the metadata")
            return None, None
        return cls, tc["column-descriptions"]
    # Given whole: the metadata's one class, and columns of the trace's.
    (name, tc), = meta["table-classes"].items()
    check_table_class("of the results", cls, say)
    columns = cls.get("column-descriptions", [])
    fixed = tc["column-descriptions"]
    if columns[:len(fixed)] != fixed:
        say(f"the results' columns do not begin with those of {name}")
    return name, columns


def figures_of(view, columns, doc, say):
    """The figure behind each column, from the view's JSON document."""
    figures = dict(FIGURES[view])
    if view == "timeline":
        nodes = [c["title"] for c in columns
                 if c["title"].startswith(NODE_COLUMN)]
        want = [f"{NODE_COLUMN}{n}" for n in doc["nodes"]]
        if nodes != want:
            say(f"columns {nodes}, the JSON has nodes {doc['nodes']}")
        figures.update((title, node_figure(title)) for title in nodes)
    for col in columns:
        if col["title"] not in figures:
            say(f"column {col['title']} is not checked here")
    return figures


def check_results(args, meta, res, doc, say):
    tables = res.get("results")
    if not isinstance(tables, list) or len(tables) != 1:
        return say(f"results: {tables!r:.80}, not one result table")
    table = tables[0]
    view, columns = table_class(meta, table, say)
    if view is None:
        return None
    tr = table.get("time-range", {})
    span = (timestamp(tr.get("begin"), say), timestamp(tr.get("end"), say))
    if tr.get("class") != "time-range":
        say(f"time range {tr}: not a time-range object")
    first, last = event_span(args.traces)
    expected = (args.begin or first, args.end or last)
    if span != expected:
        say(f"time range {span}, expected {expected}")
    figures = figures_of(view, columns, doc, say)
    want = [r for name in args.list.split("+") for r in doc[name]]
    if "origin_ns" in doc:
        want = [dict(r, origin_ns=doc["origin_ns"]) for r in want]
    if args.limit:
        want = want[:args.limit]
    if len(table["data"]) != len(want):
        say(f"{len(table['data'])} rows, the JSON has {len(want)}")
    for i, (row, obj) in enumerate(zip(table["data"], want)):
        if len(row) != len(columns):
            say(f"row {i}: {len(row)} cells for {len(columns)} columns")
            continue
        for col, cell in zip(columns, row):
            got = cell_value(cell, col["class"], say)
            figure = figures.get(col["title"])
            if figure and got != figure(obj):
                say(f"row {i} {col['title']}: {got!r}, the JSON has "
                    f"{figure(obj)!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="phase", required=True)
    sub.add_parser("metadata").add_argument("metadata")
    rp = sub.add_parser("results")
    for name in ("metadata", "lami", "json", "list"):
        rp.add_argument(name)
    rp.add_argument("traces", nargs="+")
    rp.add_argument("--begin", type=int)
    rp.add_argument("--end", type=int)
    rp.add_argument("--limit", type=int)
    args = ap.parse_args()
    errors = []
    with open(args.metadata) as f:
        meta = json.load(f)
    check_metadata(meta, errors.append)
    rows = 0
    if args.phase == "results" and not errors:
        with open(args.lami) as f:
            res = json.load(f)
        with open(args.json) as f:
            doc = json.load(f)
        check_results(args, meta, res, doc, errors.append)
        rows = len(res["results"][0]["data"]) if "results" in res else 0
    for err in errors[:50]:
        print("lamicheck:", err, file=sys.stderr)
    print(f"lamicheck: {args.phase}, {rows} rows, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
