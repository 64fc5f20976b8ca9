#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check numashim:placement events against what the program saw.

placementcheck.py TRACE EXPECT reads the mbind and migrate_pages calls
of TRACE and their numashim:placement events with babeltrace2, and
holds them to EXPECT, the lines tests/verify-placement wrote, matched
by process and in order:
- a call written down with "placement": false (mbind without
  MPOL_MF_MOVE) has no placement event; one with true has exactly one,
  between its entry and its exit, and its return and errno are the
  program's;
- "exact" (mbind's range): the pages, the pages queried, the counts by
  node before and after and the absent pages are those of the
  program's own move_pages() query, exactly, and no query failed;
- otherwise (migrate_pages' process): with "query_err", the event says
  that errno and queried nothing; else no query failed, the pages are
  the sum of the counts before, each node's counts are within SLACK
  pages of the program's own numa_maps readings around the call, and
  the pages moved to the target node (a node's gain as far as other
  nodes lost pages, as numashim report counts moves) are at least those
  of the program's range that its own queries saw move there;
- "long" (an mbind range beyond the query bound): the pages are the
  range's, the pages queried QUERY_BOUND (numashim(7)), no query
  failed, and of the touched pages the counts hold only the first, on
  the node the program saw it on before and after.
With --timeline FILE, FILE is numashim report's timeline of TRACE in
JSON: its pages moved to each node, over all buckets, must be the moves
the placements without a failed query give (the program makes no
move_pages move). With --nodes FILE, FILE is numashim report's nodes
view of TRACE in JSON: its "placed" rows must be, per call kind and
node, the pages those placements moved in and out. With --warnings FILE, FILE is numashim report's
summary of TRACE in JSON: it must warn of as many placements with a
failed query, and of as many cut short by the bound, as the trace holds.
With --none, the trace must hold the calls and no placement event at
all (the option was off). --alter WHAT alters the expectations
(mbind-after, migrate-before, query-err, placement), so that a test can
require the check to fail. Exits 1 and names every difference.
"""
import argparse
import errno
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

SLACK = 256
QUERY_BOUND = 1 << 20
CALLS = ("mbind", "migrate_pages")
ALTERATIONS = ("mbind-after", "migrate-before", "query-err", "placement",
               "long-first")
# The words that begin the report's warnings of placements (warnings.c).
UNREAD = "mbind or migrate_pages calls have a placement whose page queries failed"
CUT = "mbind calls have a range longer than the pages their placement queried"


class Call:
    def __init__(self, kind):
        self.kind = kind
        self.exit = None
        self.placements = []
        self.placement_after_exit = False


def read_trace(path):
    """The calls of CALLS per process in order, and every placement."""
    calls, order, placements = {}, {}, []
    for name, pid, call_id, p in tracecheck.numashim_events(path):
        key = (pid, call_id)
        if name == "placement":
            placements.append(p)
            call = calls.get(key)
            if call is None:
                raise SystemExit(f"placement of call {key}, not an mbind "
                                 "or migrate_pages with its entry")
            if call.exit is not None:
                call.placement_after_exit = True
            call.placements.append(p)
        elif name in (k + "_entry" for k in CALLS):
            calls[key] = Call(name[:-6])
            order.setdefault(pid, []).append(calls[key])
        elif name in (k + "_exit" for k in CALLS) and key in calls:
            calls[key].exit = p
    return order, placements


def counts(p, which):
    return {int(n): int(v) for n, v in zip(p["nodes"], p[which]) if int(v)}


def matched(p, node, own, other):
    """The change own(before, after) of node, as far as the opposite
    changes of all the nodes match it: cut in proportion when the own
    changes outgrow them (numashim report's rule, decoding/placement.c)."""
    before, after = counts(p, "before"), counts(p, "after")
    nodes = set(before) | set(after)
    mine = {n: own(before.get(n, 0), after.get(n, 0)) for n in nodes}
    others = sum(other(before.get(n, 0), after.get(n, 0)) for n in nodes)
    total = sum(mine.values())
    return (mine.get(node, 0) if total <= others else
            mine.get(node, 0) * others // total)


def gain(b, a):
    return max(0, a - b)


def loss(b, a):
    return max(0, b - a)


def moved_to(p, node):
    """A node's gain, as far as the other nodes lost pages."""
    return matched(p, node, gain, loss)


def err_name(p):
    return p["err"].labels[0] if p["err"].labels else str(int(p["err"]))


def check_exact(p, exp, say):
    want = {"pages": exp["pages"], "queried": exp["pages"],
            "absent_before": exp["absent_before"],
            "absent_after": exp["absent_after"]}
    for field, value in want.items():
        if int(p[field]) != value:
            say(f"{field} {int(p[field])}, the program saw {value}")
    if int(p["err"]):
        say(f"a query failed with {err_name(p)}")
    for which in ("before", "after"):
        got = counts(p, which)
        want = {int(n): v for n, v in exp[which].items()}
        if got != want:
            say(f"pages by node {which}: {got}, the program saw {want}")


def check_long(p, exp, say):
    want = {"pages": exp["pages"], "queried": QUERY_BOUND, "err": 0,
            "absent_before": QUERY_BOUND - 1, "absent_after": QUERY_BOUND - 1}
    for field, value in want.items():
        if int(p[field]) != value:
            say(f"{field} {int(p[field])}, not {value}")
    for which in ("before", "after"):
        got = counts(p, which)
        want = {exp["first_" + which]: 1}
        if got != want:
            say(f"pages by node {which}: {got}, the program saw {want}")


def check_process(p, exp, say):
    if "query_err" in exp:
        if err_name(p) != exp["query_err"] or int(p["queried"]):
            say(f"err {err_name(p)}, queried {int(p['queried'])}: not "
                f"{exp['query_err']} and none queried")
        return
    if int(p["err"]):
        say(f"reading numa_maps failed with {err_name(p)}")
    before = counts(p, "before")
    if int(p["pages"]) != sum(before.values()):
        say(f"pages {int(p['pages'])}, not the sum of the counts before")
    for which in ("before", "after"):
        got = counts(p, which)
        want = {int(n): v for n, v in exp[which].items()}
        for n in set(got) | set(want):
            if abs(got.get(n, 0) - want.get(n, 0)) > SLACK:
                say(f"node {n} {which}: {got.get(n, 0)} pages, the program "
                    f"read {want.get(n, 0)} (more than {SLACK} apart)")
    if moved_to(p, exp["to"]) < exp["range_moved"]:
        say(f"{moved_to(p, exp['to'])} pages moved to node {exp['to']}, "
            f"fewer than the {exp['range_moved']} the program saw move")


def check(order, expected, none, errors):
    by_pid = {}
    for exp in expected:
        by_pid.setdefault(exp["pid"], []).append(exp)
    checked = 0
    for pid, exps in by_pid.items():
        calls = order.get(pid, [])
        if len(calls) != len(exps):
            errors.append(f"process {pid}: {len(calls)} calls recorded, "
                          f"{len(exps)} made")
            continue
        for i, (call, exp) in enumerate(zip(calls, exps)):
            def say(msg):
                errors.append(f"process {pid}, {exp['call']} #{i}: {msg}")
            if call.kind != exp["call"] or call.exit is None:
                say(f"recorded as {call.kind}, exit "
                    f"{'missing' if call.exit is None else 'present'}")
                continue
            ret, err = int(call.exit["ret"]), int(call.exit["err"])
            if ret != exp["ret"] or err != exp["err"]:
                say(f"returned {ret} ({err}), the program got "
                    f"{exp['ret']} ({exp['err']})")
            want = 0 if none or not exp["placement"] else 1
            if len(call.placements) != want:
                say(f"{len(call.placements)} placement events, not {want}")
                continue
            if call.placement_after_exit:
                say("placement after the exit")
            if want:
                p = call.placements[0]
                if exp.get("long"):
                    check_long(p, exp, say)
                else:
                    (check_exact if exp["exact"] else check_process)(p, exp,
                                                                     say)
                checked += 1
    return checked


def check_timeline(path, placements, errors):
    with open(path) as f:
        buckets = json.load(f)["buckets"]
    got = {}
    for b in buckets:
        for node, pages in b["moved"].items():
            got[int(node)] = got.get(int(node), 0) + pages
    want = {}
    for p in placements:
        if int(p["err"]):
            continue
        for node in counts(p, "before").keys() | counts(p, "after").keys():
            want[node] = want.get(node, 0) + moved_to(p, node)
    got = {n: v for n, v in got.items() if v}
    want = {n: v for n, v in want.items() if v}
    if got != want:
        errors.append(f"the timeline moved {got} pages by node, the "
                      f"placements {want}")


def moved_from(p, node):
    """A node's loss, as far as the other nodes gained pages."""
    return matched(p, node, loss, gain)


def check_nodes(path, order, errors):
    with open(path) as f:
        placed = json.load(f).get("placed")
    if placed is None:
        errors.append("the nodes view has no placed table")
        return
    got = {(r["call"], r["node"]): (r["moved_in"], r["moved_out"])
           for r in placed}
    want = {}
    for calls in order.values():
        for call in calls:
            for p in call.placements:
                if int(p["err"]):
                    continue
                for node in counts(p, "before").keys() | counts(p, "after").keys():
                    moves = (moved_to(p, node), moved_from(p, node))
                    if not any(moves):
                        continue
                    old = want.get((call.kind, node), (0, 0))
                    want[(call.kind, node)] = (old[0] + moves[0],
                                               old[1] + moves[1])
    if got != want:
        errors.append(f"the nodes view's placed rows {got}, the placements "
                      f"{want}")


def check_warnings(path, placements, errors):
    with open(path) as f:
        warnings = json.load(f).get("warnings", [])
    unread = sum(1 for p in placements if int(p["err"]))
    cut = sum(1 for p in placements
              if not int(p["err"]) and int(p["queried"]) < int(p["pages"]))
    for words, want in ((UNREAD, unread), (CUT, cut)):
        said = [w for w in warnings if words in w]
        got = int(said[0].split()[0]) if said else 0
        if len(said) > 1 or got != want:
            errors.append(f"the report warns of {got} placements that "
                          f"\"{words}\", the trace holds {want}")


def alter(expected, what):
    if what == "mbind-after":
        exp = next(e for e in expected if e.get("exact"))
        node = next(iter(exp["after"]))
        exp["after"][node] += 1
    elif what == "migrate-before":
        exp = next(e for e in expected
                   if e["call"] == "migrate_pages" and "before" in e)
        node = next(iter(exp["before"]))
        exp["before"][node] += 4 * SLACK
    elif what == "query-err":
        exp = next(e for e in expected if "query_err" in e)
        exp["query_err"] = errno.errorcode[errno.ENOENT]
    elif what == "long-first":
        exp = next(e for e in expected if e.get("long"))
        exp["first_after"] += 1
    elif what == "placement":
        exp = next(e for e in expected if not e["placement"])
        exp.update(placement=True, exact=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trace")
    ap.add_argument("expect")
    ap.add_argument("--none", action="store_true")
    ap.add_argument("--alter", choices=ALTERATIONS)
    ap.add_argument("--timeline")
    ap.add_argument("--warnings")
    ap.add_argument("--nodes")
    args = ap.parse_args()
    with open(args.expect) as f:
        expected = [json.loads(line) for line in f]
    if args.alter:
        alter(expected, args.alter)
    order, placements = read_trace(args.trace)
    errors = []
    checked = check(order, expected, args.none, errors)
    if args.none and placements:
        errors.append(f"{len(placements)} placement events with the option "
                      "off")
    if args.timeline:
        check_timeline(args.timeline, placements, errors)
    if args.warnings:
        check_warnings(args.warnings, placements, errors)
    if args.nodes:
        check_nodes(args.nodes, order, errors)
    for err in errors[:50]:
        print("placementcheck:", err, file=sys.stderr)
    print(f"placementcheck: {len(expected)} calls, {checked} placements "
          f"checked, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
