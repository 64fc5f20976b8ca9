#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check the calls a third-party program made under the shim.

toolcheck.py TRACE CALLS reads the numashim calls of TRACE the way
tracecheck.py does and compares them, in the order they were made, with
CALLS: a JSON list of the calls the program must have made, each an
object with "call" (move_pages, mbind, migrate_pages or set_mempolicy)
and any of the entry fields (target_pid for pid, scalars such as mode or
len), the arrays (pages, nodes, old_nodes, new_nodes, nodemask,
policy_nodemask, status) and the exit's ret and err. Fields not given are not checked. Exits 1 and names
every difference when there is one.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import tracecheck  # noqa: E402

ARRAYS = tracecheck.ARRAY_BIT.keys()


def check(call, want, say):
    if call.kind != want["call"]:
        return say(f"recorded {call.kind}, expected {want['call']}")
    if call.exit is None:
        return say("no exit event")
    for field, value in want.items():
        if field == "call":
            continue
        if field in ARRAYS:
            got = call.array(field)
        elif field in ("ret", "err"):
            got = int(call.exit[field])
        elif field == "target_pid":
            got = int(call.entry["pid"])
        else:
            got = int(call.entry[field])
        if got != value:
            say(f"{field} recorded as {got}, expected {value}")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(f"usage: {sys.argv[0]} TRACE CALLS")
    calls, _, discarded = tracecheck.read_trace(sys.argv[1])
    with open(sys.argv[2]) as f:
        wanted = json.load(f)
    # The tool's memory policy calls (libnuma's get_mempolicy at load)
    # are not those it is run for here.
    kinds = {want["call"] for want in wanted}
    recorded = sorted((c for c in calls.values() if c.kind in kinds),
                      key=lambda c: c.ts)
    errors = []
    if discarded:
        errors.append(f"{discarded} events discarded")
    if len(recorded) != len(wanted):
        errors.append(f"{len(recorded)} calls recorded, {len(wanted)} "
                      f"expected")
    for i, (call, want) in enumerate(zip(recorded, wanted)):
        def say(msg, i=i):
            errors.append(f"call {i} ({want['call']}): {msg}")
        check(call, want, say)
    for err in errors:
        print("toolcheck:", err, file=sys.stderr)
    print(f"toolcheck: {len(recorded)} calls, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
