#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check a trace that numashim record --pid made of tests/service.

attachcheck.py TRACE OUT PID [--after CALL_ID] reads the move_pages
calls of TRACE with babeltrace2 and holds them to OUT, the lines the
service wrote down:
- every call is of process PID, has its entry and its exit (but the
  last, which the session's stop may have cut), and the call ids follow
  each other without a gap, from 1 (the first call the shim numbered, as
  nothing recorded it before), or with --after from CALL_ID + 1 (a
  second recording: the shim's numbers went on from the first one's
  last), or CALL_ID + 2 (a call the first one's stop came within, whose
  events were dropped);
- the calls are a run of the service's own calls, in order, each with
  the pages, return value and statuses the service saw; at least
  MIN_CALLS of them, and not the first the service made (it ran before
  the recording began);
- the service received no signal.
Prints the calls checked and the last call id; exits 1 and names every
difference.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

MIN_CALLS = 20


def read_calls(path):
    calls = {}
    for name, pid, call_id, p in tracecheck.numashim_events(path):
        if name not in ("move_pages_entry", "move_pages_exit"):
            continue
        call = calls.setdefault((pid, call_id), {})
        if name.endswith("_entry"):
            call["count"] = int(p["count"])
        else:
            call["ret"] = int(p["ret"])
            call["status"] = [int(v) for v in p["status"]]
    return calls


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trace")
    ap.add_argument("out")
    ap.add_argument("pid", type=int)
    ap.add_argument("--after", type=int, default=0)
    args = ap.parse_args()
    with open(args.out) as f:
        lines = [json.loads(line) for line in f]
    made = [e for e in lines if "call" in e]
    signals = [e["signals"] for e in lines if "signals" in e]
    errors = []
    if signals != [0]:
        errors.append(f"the service received signals: {signals}")
    calls = read_calls(args.trace)
    pids = {pid for pid, _ in calls}
    if pids - {args.pid}:
        errors.append(f"calls of processes {sorted(pids - {args.pid})}, "
                      f"not only of {args.pid}")
    ids = sorted(i for pid, i in calls if pid == args.pid)
    firsts = (1,) if not args.after else (args.after + 1, args.after + 2)
    if ids and (ids[0] not in firsts or
                ids != list(range(ids[0], ids[0] + len(ids)))):
        errors.append(f"call ids {ids[:3]}...{ids[-3:]}, not from "
                      f"{' or '.join(map(str, firsts))} on without a gap")
    seq = [calls[(args.pid, i)] for i in ids]
    if seq and "ret" not in seq[-1]:
        seq.pop()
    if len(seq) < MIN_CALLS:
        errors.append(f"{len(seq)} calls recorded, fewer than {MIN_CALLS}")
    elif any("ret" not in c or "count" not in c for c in seq):
        errors.append("a call without its entry or its exit")
    else:
        want = [{"count": e["count"], "ret": e["ret"], "status": e["status"]}
                for e in made]
        starts = [i for i in range(1, len(want) - len(seq) + 1)
                  if want[i:i + len(seq)] == seq]
        if not starts:
            errors.append("the calls recorded are no run of the service's "
                          "own (after its first)")
    for err in errors:
        print("attachcheck:", err, file=sys.stderr)
    print(f"attachcheck: {len(seq)} calls checked, last call id "
          f"{ids[-1] if ids else 0}, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
