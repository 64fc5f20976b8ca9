#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --format chrome` and `--format folded`.

chromecheck.py chrome REPORT TRACE checks that REPORT is a Trace Event
Format object (a traceEvents array of well-formed events, metadata naming
every process and thread that shows) and that it holds TRACE's calls, read
independently with babeltrace2's Python bindings (tracecheck.py's reader):
a complete slice ("X") per call with an exit, from its entry event, in
microseconds from the trace's first numashim event, lasting the latency
its exit recorded, with its result, errno, pages asked and pages failed
by status; an instant ("i") per call without exit; per process and node a
counter ("C") of the pages moved there so far.

chromecheck.py folded --weight W FOLDED SUMMARY TRACE checks the folded
stacks FOLDED: one line "outer;...;inner weight" per distinct stack, the
stacks of TRACE's calls with an exit from their recorded backtraces
(innermost frame last, each named as addr2line names its function), or
their call site alone when the entry recorded no backtrace, each weighing
what W says the calls do; and the total of the weights is the figure of
the summary `numashim report --format json` wrote to SUMMARY.

Exits 1 and names every difference.
"""
import argparse
import collections
import decimal
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402
import bt2  # noqa: E402

PHASES = {"X", "i", "M", "C"}
NUMBER = (int, decimal.Decimal)


def first_event_ns(path):
    """The time of the trace's first numashim event, the format's origin."""
    for msg in bt2.TraceCollectionMessageIterator(path):
        if (isinstance(msg, bt2._EventMessageConst) and
                msg.event.name.startswith("numashim:")):
            return msg.default_clock_snapshot.ns_from_origin
    raise SystemExit(f"{path}: no numashim event")


def read_calls(path):
    """The trace's calls, each with the name of its process."""
    calls, bins, _ = tracecheck.read_trace(path)
    for (_, procname, _), call in calls.items():
        call.procname = procname
    return list(calls.values()), tracecheck.Symbolizer(bins)


def us(ns):
    """ns in the format's microseconds, exactly."""
    return decimal.Decimal(ns) / 1000


def node_set(text):
    """The nodes of a node list such as "0-2,5"."""
    nodes = set()
    for part in text.split(","):
        low, _, high = part.partition("-")
        nodes.update(range(int(low), int(high or low) + 1))
    return nodes


def call_tid(call):
    return int(call.entry["tid"])


def failed_pages(call):
    """move_pages' pages the kernel failed, by status name."""
    if call.kind != "move_pages" or int(call.exit["ret"]) < 0:
        return collections.Counter()
    return collections.Counter(tracecheck.status_name(s)
                               for s in call.array("status") if s < 0)


def moved_to(call):
    """The pages move_pages sent to each node (none for a query)."""
    if (call.kind != "move_pages" or not call.array("nodes") or
            int(call.exit["ret"]) < 0):
        return collections.Counter()
    return collections.Counter(s for s in call.array("status") if s >= 0)


def check_shape(doc, say):
    """The Trace Event Format's rules; the events whose shape is right."""
    if not isinstance(doc, dict) or not isinstance(
            doc.get("traceEvents"), list):
        say("not an object with a traceEvents array")
        return []
    good = []
    for i, e in enumerate(doc["traceEvents"]):
        where = f"event {i} {e!r:.100}"
        if not isinstance(e, dict) or e.get("ph") not in PHASES:
            say(f"{where}: no phase of {sorted(PHASES)}")
            continue
        need = {"name": str, "pid": int}
        if e["ph"] != "M":
            need["ts"] = NUMBER
        if e["ph"] in ("X", "i"):
            need["tid"] = int
        if e["ph"] == "X":
            need["dur"] = NUMBER
        bad = [k for k, t in need.items() if not isinstance(e.get(k), t)
               or isinstance(e.get(k), bool)]
        if bad:
            say(f"{where}: no {', '.join(bad)} of the right type")
        elif e["ph"] == "X" and e["dur"] < 0:
            say(f"{where}: negative duration")
        elif not isinstance(e.get("args", {}), dict):
            say(f"{where}: args is not an object")
        else:
            good.append(e)
    return good


def check_names(events, calls, say):
    """Metadata naming each process and thread once, as the trace does."""
    procnames = {c.pid: c.procname for c in calls}
    names = collections.defaultdict(list)
    for e in events:
        if e["ph"] == "M":
            names[(e["name"], e["pid"], e.get("tid"))].append(
                e.get("args", {}).get("name"))
    for key, said in names.items():
        if len(said) > 1:
            say(f"{key} named {len(said)} times")
    for e in events:
        if e["ph"] == "M":
            continue
        proc = names.get(("process_name", e["pid"], None))
        want = f"{procnames.get(e['pid'], '?')}[{e['pid']}]"
        if proc != [want]:
            say(f"process {e['pid']} named {proc}, expected {want}")
        if e["ph"] in ("X", "i"):
            thread = names.get(("thread_name", e["pid"], e["tid"]))
            if thread != [f"thread {e['tid']}"]:
                say(f"thread {e['tid']} of {e['pid']} named {thread}")


def check_slice(e, call, first, say):
    x = call.exit
    args = e.get("args", {})
    if e.get("cat") != "numashim":
        say(f"category {e.get('cat')}")
    if e["dur"] != us(int(x["latency_ns"])):
        say(f"dur {e['dur']} us, the exit says {int(x['latency_ns'])} ns")
    if e["ts"] + e["dur"] > us(call.exit_ts - first):
        say(f"ends at {e['ts'] + e['dur']} us, after its exit event at "
            f"{us(call.exit_ts - first)} us")
    if args.get("result") != int(x["ret"]):
        say(f"result {args.get('result')}, the exit says {int(x['ret'])}")
    err = tracecheck.errno_name(int(x["err"])) if int(x["ret"]) < 0 else None
    if args.get("errno") != err:
        say(f"errno {args.get('errno')}, the exit says {err}")
    if not isinstance(args.get("call_site"), str):
        say("no call site")
    if call.kind == "move_pages":
        if args.get("pages") != int(call.entry["count"]):
            say(f"pages {args.get('pages')}, the entry asks "
                f"{int(call.entry['count'])}")
        targets = set(call.array("nodes"))
        said = args.get("target_nodes")
        if (node_set(said) if said else set()) != targets:
            say(f"target nodes {said}, the call asks {sorted(targets)}")
    failed = collections.Counter(args.get("failed_pages", {}))
    if failed != failed_pages(call):
        say(f"failed pages {dict(failed)}, the status says "
            f"{dict(failed_pages(call))}")


def check_instant(e, say):
    if e.get("s") != "t" or e.get("args", {}).get("exit_lost") is not True:
        say(f"instant {e} is not a thread's with exit_lost")


def check_counters(events, calls, first, say):
    """Per process and node, the pages moved there after each call."""
    want = collections.defaultdict(list)
    total = collections.Counter()
    done = sorted((c for c in calls if c.exit is not None),
                  key=lambda c: c.exit_ts)
    for c in done:
        for node, pages in sorted(moved_to(c).items()):
            total[(c.pid, node)] += pages
            want[(c.pid, node)].append(
                (us(c.ts + int(c.exit["latency_ns"]) - first),
                 total[(c.pid, node)]))
    got = collections.defaultdict(list)
    for e in events:
        if e["ph"] != "C":
            continue
        m = re.fullmatch(r"pages moved to node (\d+)", e["name"])
        if not m:
            say(f"counter {e['name']!r}")
            continue
        got[(e["pid"], int(m[1]))].append(
            (e["ts"], e.get("args", {}).get("pages")))
    for key in sorted(set(want) | set(got)):
        if got[key] != want[key]:
            say(f"process {key[0]}, node {key[1]}: counter {got[key][:4]}"
                f" ({len(got[key])}), the trace moves {want[key][:4]} "
                f"({len(want[key])})")


def check_chrome(args):
    errors = []
    with open(args.report) as f:
        doc = json.load(f, parse_float=decimal.Decimal)
    events = check_shape(doc, errors.append)
    calls, _ = read_calls(args.trace)
    first = first_event_ns(args.trace)
    check_names(events, calls, errors.append)

    by_key = {}
    for c in calls:
        ph = "X" if c.exit is not None else "i"
        by_key[(ph, c.kind, c.pid, call_tid(c), us(c.ts - first))] = c
    seen = collections.Counter()
    for e in events:
        if e["ph"] not in ("X", "i"):
            continue
        key = (e["ph"], e["name"], e["pid"], e["tid"], e["ts"])
        call = by_key.pop(key, None)

        def say(msg, key=key):
            errors.append(f"{key}: {msg}")
        if call is None:
            say("no such call in the trace")
            continue
        seen[key[:2]] += 1
        if e["ph"] == "X":
            check_slice(e, call, first, say)
        else:
            check_instant(e, say)
    for key in by_key:
        errors.append(f"{key}: the trace's call has no event")
    check_counters(events, calls, first, errors.append)

    unfinished = sum(c.exit is None for c in calls)
    other = doc.get("otherData", {}) if isinstance(doc, dict) else {}
    if other.get("calls_without_exit") != unfinished:
        errors.append(f"otherData.calls_without_exit "
                      f"{other.get('calls_without_exit')}, the trace has "
                      f"{unfinished}")
    counts = ", ".join(f"{n} {ph} {k}" for (ph, k), n in sorted(seen.items()))
    return tracecheck.finish("chromecheck", errors, counts or "no calls")


# What each weight counts of a call with an exit, and the summary's
# figure (of a row of --format json) that totals it.
WEIGHTS = {
    "calls": (lambda c: 1, lambda row: row["calls"]),
    "time": (lambda c: int(c.exit["latency_ns"]),
             lambda row: row["latency_ns"]["sum"]),
    "pages": (lambda c: int(c.entry["count"]) if c.kind == "move_pages"
              else 0, lambda row: row.get("pages", {}).get("asked", 0)),
    "failed-pages": (lambda c: sum(failed_pages(c).values()),
                     lambda row: row.get("pages", {}).get("failed", 0)),
}


def base_name(name):
    """A function's name without symbol version or the suffix of a copy
    the compiler made (checked_mbind.constprop.0)."""
    return re.sub(r"(\.(constprop|isra|part|cold|lto_priv)\.[0-9]+)+$", "",
                  name.split("@")[0])


def same_function(said, frame):
    """Whether the report's name said is that of frame (name, strict).

    The program's own functions must be named as addr2line names them;
    a library's may be named by an alias at the same address (a
    versioned symbol for an _impl, __clone3 for clone3).
    """
    name, strict = frame
    a, b = base_name(said), base_name(name)
    if a == b:
        return True
    if strict:
        return False
    if name == "??":
        return True
    a, b = a.strip("_"), b.strip("_")
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def expected_stacks(calls, symbols, weigh):
    """The weight of each stack of the calls, outermost frame first, a
    frame as (function, whether it is the program's own)."""
    stacks = collections.Counter()
    for c in calls:
        if c.exit is None or not weigh(c):
            continue
        pcs = [int(v) for v in c.entry["backtrace"]] or [c.ctx["ip"]]
        frames = []
        for pc in reversed(pcs):
            where = symbols.locate(c.pid, pc)
            name = symbols.source(*where)[0] if where else "??"
            own = bool(where) and os.path.basename(where[0]) == c.procname
            frames.append((name, own))
        stacks[tuple(frames)] += weigh(c)
    return stacks


def read_folded(path, say):
    """The lines of path as (frames, weight)."""
    lines = []
    with open(path) as f:
        text = f.read()
    for i, line in enumerate(text.splitlines()):
        m = re.fullmatch(r"([^ ;\n][^\n]*) ([1-9][0-9]*)", line)
        if not m or "" in m[1].split(";"):
            say(f"line {i + 1} {line!r} is not \"frame;...;frame weight\"")
            continue
        lines.append((m[1], int(m[2])))
    if text and not text.endswith("\n"):
        say("the last line does not end")
    names = [frames for frames, _ in lines]
    if len(set(names)) != len(names):
        say("a stack has several lines")
    if names != sorted(names, key=lambda n: n.encode()):
        say("the stacks are not in the order of their names")
    return lines


def check_folded(args):
    errors = []
    weigh, figure = WEIGHTS[args.weight]
    lines = read_folded(args.folded, errors.append)
    with open(args.summary) as f:
        summary = json.load(f)
    total = sum(figure(row) for row in summary["rows"])
    if sum(w for _, w in lines) != total:
        errors.append(f"the weights sum to {sum(w for _, w in lines)}, the "
                      f"summary's {args.weight} to {total}")

    calls, symbols = read_calls(args.trace)
    stacks = expected_stacks(calls, symbols, weigh)
    for frames, weight in lines:
        said = frames.split(";")
        matches = [s for s in stacks if len(s) == len(said) and
                   all(map(same_function, said, s))]
        want = sum(stacks.pop(s) for s in matches)
        if want != weight:
            errors.append(f"{frames}: {weight}, the trace's calls with "
                          f"that stack {want}")
    for frames, weight in stacks.items():
        errors.append(f"{';'.join(n for n, _ in frames)} ({weight}) has no "
                      "line")
    return tracecheck.finish("chromecheck", errors,
                             f"{len(lines)} stacks weighing {total} "
                             f"{args.weight}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="format", required=True)
    chrome = sub.add_parser("chrome")
    chrome.add_argument("report")
    chrome.add_argument("trace")
    folded = sub.add_parser("folded")
    folded.add_argument("--weight", choices=WEIGHTS, required=True)
    folded.add_argument("folded")
    folded.add_argument("summary")
    folded.add_argument("trace")
    args = ap.parse_args()
    return (check_chrome if args.format == "chrome" else check_folded)(args)


if __name__ == "__main__":
    sys.exit(main())
