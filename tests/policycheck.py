#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --view policies` against the programs.

policycheck.py REPORT EXPECT TRACE... [--csv F] [--lami F] [--text F]
derives every row of the view: from the calls the test programs wrote to
EXPECT (see expect.c), what each set_mempolicy, mbind and
set_mempolicy_home_node call passed (mode, flags, node mask, range, home
node) and what the kernel answered; from TRACE, read independently with
tracecheck.py's reader, when each call was made and where (its ip
context), and the weights of weighted interleave in force for it: those
of the process's last numashim:interleave_weights event. A call the
kernel refused must be a row of "refused", never of "policies", and a
thread's policy is in force until the next one the kernel took from that
thread. The same mbind call made again over a range, with no other call
setting a policy over part of it in between, adds to the row of the last
call over it (calls, last_ns). REPORT is the JSON; the CSV, LAMI and text
outputs of the same trace, when given, must hold the same rows. Exits 1
and names every difference.
"""
import argparse
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rewritereportcheck as names  # noqa: E402
import tracecheck  # noqa: E402

SCOPES = {"set_mempolicy": "thread", "mbind": "range",
          "set_mempolicy_home_node": "home_node"}
SCOPE_ORDER = ("thread", "range", "home_node")
# A row as every format is brought to: site is (binary's name, offset).
FIELDS = ("scope", "vpid", "tid", "time_ns", "until_ns", "calls", "last_ns",
          "mode", "mode_flags", "nodes", "weights", "flags", "start", "end",
          "home_node", "site", "error")


def mode_name(mode):
    base = mode & ~0xe000
    return names.MODES[base] if base < len(names.MODES) else str(base)


def mode_flags(mode):
    return "|".join(names.bits(mode, names.MODE_FLAGS)) or "none"


WEIGHTED_INTERLEAVE = names.MODES.index("weighted_interleave")


def weights_text(weights):
    return ",".join(f"{n}:{w}" for n, w in
                    zip(weights["nodes"], weights["weights"]))


def weights_in_force(calls):
    """Each call's weights in force, by its id: for a call that gave the
    kernel weighted interleave (policycheck.py knows no rewrite rule),
    the weights its process recorded last, with the call or before its
    exit."""
    last, found = {}, {}
    for key, call in sorted(calls.items(),
                            key=lambda kc: getattr(kc[1], "exit_ts", None)
                            or kc[1].ts):
        if call.weights is not None:
            last[call.pid] = call.weights
        if call.kind in ("set_mempolicy", "mbind") and \
                int(call.entry["mode"]) & ~0xe000 == WEIGHTED_INTERLEAVE \
                and call.pid in last:
            found[key] = weights_text(last[call.pid])
    return found


def expected_row(call, exp, where, weights):
    scope = SCOPES[exp["call"]]
    row = dict.fromkeys(FIELDS)
    row.update(scope=scope, vpid=call.pid, tid=int(call.entry["tid"]),
               time_ns=call.ts, calls=1, last_ns=call.ts,
               site=(os.path.basename(where[0]), where[1]) if where else None,
               error=tracecheck.errno_name(exp["err"]) if exp["ret"] < 0
               else None)
    if scope == "thread":
        mode = exp["mode"] | exp["mode_flags"]
        nodes = exp.get("policy_nodemask")
    elif scope == "range":
        mode, nodes = exp["mode"], exp.get("nodemask")
        row.update(flags=names.flags_text(exp["flags"]))
    if scope != "home_node":
        row.update(mode=mode_name(mode), mode_flags=mode_flags(mode),
                   nodes=None if nodes is None else names.mask_text(nodes),
                   weights=weights)
    else:
        row.update(home_node=exp["home_node"])
    if scope != "thread":
        start = exp["addr"] if scope == "range" else exp["start"]
        row.update(start=start, end=start + exp["len"])
    return row


def overlap(a, b):
    return (a["start"] < b["end"] and b["start"] < a["end"]) or \
        (a["start"], a["end"]) == (b["start"], b["end"])


def same_call(a, b):
    """The same mbind call, by the same thread from the same site."""
    return a["scope"] == b["scope"] == "range" and all(
        a[k] == b[k] for k in FIELDS
        if k not in ("time_ns", "until_ns", "calls", "last_ns"))


def coalesce(rows, finished):
    """The rows, a call made again over a range added to the row of the
    last call over part of it (of those the kernel took, or refused),
    in the order the trace finished the calls."""
    kept = []  # in the order of their last call
    for row in sorted(rows, key=lambda r: finished[id(r)]):
        last = None
        if row["scope"] != "thread":
            last = next((k for k in reversed(kept)
                         if k["vpid"] == row["vpid"] and
                         k["scope"] != "thread" and
                         (k["error"] is None) == (row["error"] is None) and
                         overlap(k, row)), None)
        if last is not None and same_call(last, row):
            last["calls"] += 1
            last["last_ns"] = row["time_ns"]
            kept.remove(last)
            kept.append(last)
        else:
            kept.append(row)
    return kept


def sort_key(row):
    return (row["error"] is not None, row["vpid"],
            SCOPE_ORDER.index(row["scope"]),
            row["tid"] if row["scope"] == "thread" else row["start"],
            row["time_ns"])


def expected_rows(traces, expected, errors):
    rows, finished = [], {}
    for calls, symbols, here in tracecheck.each_trace(traces, expected):
        weights = weights_in_force(calls)
        ids = {id(call): key for key, call in calls.items()}
        for call, exp, _ in tracecheck.matched_calls(calls, here, errors):
            if call.kind != exp["call"]:
                errors.append(f"thread {(exp['pid'], exp['tid'])}: "
                              f"{call.kind} recorded, {exp['call']} made")
            elif call.kind in SCOPES:
                rows.append(expected_row(
                    call, exp, symbols.locate(call.pid, call.ctx["ip"]),
                    weights.get(ids[id(call)])))
                finished[id(rows[-1])] = call.exit_ts
    rows = coalesce(rows, finished)
    rows.sort(key=sort_key)
    # In force until the thread's next policy that the kernel took.
    last = {}
    for row in rows:
        if row["scope"] == "thread" and row["error"] is None:
            previous = last.get((row["vpid"], row["tid"]))
            if previous:
                previous["until_ns"] = row["time_ns"]
            last[(row["vpid"], row["tid"])] = row
    return rows


def json_rows(report, errors):
    rows = []
    for listed, refused in (("policies", False), ("refused", True)):
        for r in report[listed]:
            if (r["error"] is not None) != refused:
                errors.append(f"{listed} holds a row with error "
                              f"{r['error']}: {r}")
            row = {k: r[k] for k in FIELDS if k != "site"}
            row["site"] = (os.path.basename(r["binary"]), r["offset"])
            rows.append(row)
    return rows


def csv_rows(path):
    rows = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            row = {k: (r[k] or None) for k in FIELDS if k != "site"}
            for k in ("vpid", "tid", "time_ns", "until_ns", "calls",
                      "last_ns", "start", "end", "home_node"):
                row[k] = None if row[k] is None else int(row[k])
            row["site"] = (os.path.basename(r["binary"]), int(r["offset"]))
            rows.append(row)
    return rows


def site_of(name):
    binary, _, offset = name.rpartition("+")
    return (binary, int(offset, 16))


# The LAMI table's columns, in order.
LAMI_COLUMNS = ("process", "scope", "time", "replaced", "calls", "mode",
                "mode_flags", "nodes", "weights", "flags", "start", "end",
                "home_node", "site", "error")


def lami_rows(path):
    rows = []
    with open(path) as f:
        table = json.load(f)["results"][0]
    for data in table["data"]:
        cell = dict(zip(LAMI_COLUMNS, (c and c.get("value") for c in data)))
        proc, time = data[0], data[2]
        begin = time["begin"]["value"]
        row = {k: cell[k] for k in ("scope", "mode", "mode_flags", "nodes",
                                    "weights", "flags", "start", "end",
                                    "home_node", "error")}
        row.update(vpid=proc["pid"], tid=proc["tid"], time_ns=begin,
                   calls=cell["calls"], last_ns=time["end"]["value"],
                   until_ns=None if cell["replaced"] is None else
                   begin + cell["replaced"], site=site_of(cell["site"]))
        rows.append(row)
    return rows


ERRNO = re.compile(r"^E[A-Z0-9]+$")
HEADING = re.compile(r"^(.*) \(vpid (\d+)\)(?:, thread (\d+))?: (\S+)")


def text_rows(path):
    """The text's rows, times as written, in seconds since the first
    event; a thread's until only in force."""
    rows, refused, ctx = [], False, None
    with open(path) as f:
        for line in f:
            words = line.split()
            if line.startswith("refused by the kernel"):
                refused = True
            m = HEADING.match(line)
            if m:
                scope = {"set_mempolicy": "thread", "mbind": "range",
                         "home": "home_node"}[m.group(4)]
                ctx = (scope, int(m.group(2)), m.group(3))
                next(f)  # the columns
                continue
            if not line.startswith("  ") or ctx is None or not words:
                continue
            scope, vpid, tid = ctx
            row = dict.fromkeys(FIELDS)
            row.update(scope=scope, vpid=vpid,
                       tid=int(tid) if tid else None)
            # A refused row ends with its errno's name, after the site.
            error = words.pop() if ERRNO.match(words[-1]) else None
            row.update(error=error, site=site_of(words.pop()))
            if scope == "thread":
                row["time_ns"] = words.pop(0)
                if not refused:
                    until = words.pop(0)
                    row["until_ns"] = None if until == "-" else until
                row.update(mode=words[0], mode_flags=words[1],
                           nodes=None if words[2] == "unknown" else words[2],
                           weights=None if words[3] == "-" else words[3])
            else:
                row.update(start=int(words[0], 16), end=int(words[1], 16),
                           time_ns=words[-1])
                if scope == "range":
                    row.update(calls=int(words[-3]), time_ns=words[-2],
                               last_ns=words[-1])
                if scope == "range":
                    row.update(mode=words[2], mode_flags=words[3],
                               nodes=None if words[4] == "unknown" else
                               words[4],
                               weights=None if words[5] == "-" else words[5],
                               flags=words[6])
                else:
                    row["home_node"] = int(words[2])
            rows.append(row)
    return rows


def as_text(row, first_ns):
    """What the text tells of an expected row: seconds to the µs, no tid
    for a range."""
    row = dict(row)
    if row["scope"] != "range":
        row.update(calls=None, last_ns=None)
    for k in ("time_ns", "until_ns", "last_ns"):
        if row[k] is not None:
            row[k] = f"{(row[k] - first_ns) / 1e9:.6f}"
    if row["scope"] != "thread":
        row["tid"] = None
    return row


def compare(fmt, got, want, errors):
    if len(got) != len(want):
        errors.append(f"{fmt}: {len(got)} rows, {len(want)} expected")
    for i, (g, w) in enumerate(zip(got, want)):
        for k in FIELDS:
            if g[k] != w[k]:
                errors.append(f"{fmt}: row {i} ({w['scope']} at "
                              f"{w['time_ns']}): {k} is {g[k]!r}, "
                              f"expected {w[k]!r}")


def text_close(got, want):
    """Times in text are rounded: a row's times within a µs match."""
    for g, w in zip(got, want):
        for k in ("time_ns", "until_ns", "last_ns"):
            if g[k] is not None and w[k] is not None and \
                    abs(float(g[k]) - float(w[k])) <= 1.5e-6:
                g[k] = w[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for fmt in ("csv", "lami", "text"):
        ap.add_argument(f"--{fmt}")
    args, report, expected = tracecheck.checker_inputs(__doc__, ap)
    errors = []
    want = expected_rows(args.traces, expected, errors)
    compare("json", json_rows(report, errors), want, errors)
    if args.csv:
        compare("csv", csv_rows(args.csv), want, errors)
    if args.lami:
        compare("lami", lami_rows(args.lami), want, errors)
    if args.text:
        first_ns = min(c.ts for t in args.traces
                       for c in tracecheck.read_trace(t)[0].values())
        got = text_rows(args.text)
        want_text = [as_text(w, first_ns) for w in want]
        text_close(got, want_text)
        compare("text", got, want_text, errors)
    in_force = sum(1 for w in want if w["error"] is None)
    return tracecheck.finish(
        "policycheck.py", errors,
        f"{in_force} policies in force, {len(want) - in_force} refused")


if __name__ == "__main__":
    sys.exit(main())
