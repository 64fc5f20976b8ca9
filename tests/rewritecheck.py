#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""rewritecheck.py CHECK TRACE [ARG...]: what the numashim:rewrite events of
a trace say, checked against the program's own arguments and results in the
same trace (tracecheck.py checks those against what the program saw).

  map TRACE FROM TO     every move_pages call was rewritten, the kernel got
                        its nodes with FROM replaced by TO
  dry-run TRACE         every move_pages call became a status query
  fail TRACE KIND ERRNO every KIND call (KIND,KIND... for several kinds)
                        failed with ERRNO, made up, and no other call was
                        rewritten
  policy-map TRACE FROM TO
                        every set_mempolicy call with a node mask and every
                        set_mempolicy_home_node call was rewritten, the
                        kernel got the mask or the home node with FROM
                        replaced by TO, and succeeded; those without a mask
                        were left for the kernel to refuse
  pages TRACE ERRNO     the pages marked injected are exactly those whose
                        status is -ERRNO, some are; prints them, a call a line
  policy TRACE MODE FLAGS
                        every mbind call was rewritten, the kernel got mode
                        MODE and flags FLAGS, and the program's node mask
  policy-dry-run TRACE  every set_mempolicy call was made a dry run, the
                        kernel got the program's own mask
  share TRACE ERRNO LOW HIGH
                        between LOW% and HIGH% of the move_pages calls
                        failed with ERRNO, made up; the others reached the
                        kernel untouched
  none TRACE            no call was rewritten
"""
import errno
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tracecheck import read_trace  # noqa: E402


def fail(msg):
    raise SystemExit(f"rewritecheck: {msg}")


def calls_of(trace, kind=None):
    calls, _, discarded = read_trace(trace)
    if discarded:
        fail(f"{discarded} events were discarded")
    chosen = [c for c in calls.values() if kind in (None, c.kind)]
    if not chosen:
        fail(f"no {kind or ''} call in {trace}")
    return sorted(chosen, key=lambda c: c.ts)


def rewritten(call):
    if call.rewrite is None:
        fail(f"{call.kind} call at {call.ts} was not rewritten")
    return call.rewrite


def check_map(trace, old, new):
    old, new = int(old), int(new)
    for c in calls_of(trace, "move_pages"):
        rewritten(c)
        want = [new if n == old else n for n in c.array("nodes")]
        if c.array("kernel_nodes") != want:
            fail(f"the kernel got {c.array('kernel_nodes')}, not {want}")
        if int(c.exit["ret"]) < 0:
            fail(f"the mapped call failed with {int(c.exit['err'])}")


def check_dry_run(trace):
    for c in calls_of(trace, "move_pages"):
        w = rewritten(c)
        if not int(w["dry_run"]) or c.array("kernel_nodes"):
            fail("a move reached the kernel in a dry run")
        if not c.array("nodes"):
            fail("the program's call was a status query already")


def check_fail(trace, kinds, name):
    err = getattr(errno, name)
    kinds = kinds.split(",")
    for kind in kinds:
        calls_of(trace, kind)
    for c in calls_of(trace):
        if c.kind not in kinds:
            if c.rewrite is not None:
                fail(f"a {c.kind} call was rewritten too")
            continue
        w = rewritten(c)
        if int(w["injected_err"]) != err:
            fail(f"injected_err is {int(w['injected_err'])}, not {err}")
        if (int(c.exit["ret"]), int(c.exit["err"])) != (-1, err):
            fail(f"the call returned {int(c.exit['ret'])}, errno "
                 f"{int(c.exit['err'])}")


def check_pages(trace, name):
    err = getattr(errno, name)
    total = 0
    for c in calls_of(trace, "move_pages"):
        w = rewritten(c)
        injected = c.array("injected")
        status = c.array("status")
        want = [i for i, s in enumerate(status) if s == -err]
        if injected != want:
            fail(f"injected {injected}, but -{name} at {want}")
        if int(w["injected_err"]):
            fail("a whole call failed")
        total += len(injected)
        print(" ".join(map(str, injected)))
    if not total:
        fail("no page was given a made-up status")


def check_policy(trace, mode, flags):
    for c in calls_of(trace, "mbind"):
        w = rewritten(c)
        got = (int(w["mode"]), int(w["flags"]))
        if got != (int(mode, 0), int(flags, 0)):
            fail(f"the kernel got mode, flags {got}, not {mode}, {flags}")
        if c.array("kernel_nodes") != c.array("nodemask"):
            fail(f"the kernel got nodes {c.array('kernel_nodes')}, the "
                 f"program passed {c.array('nodemask')}")


def check_policy_map(trace, old, new):
    old, new = int(old), int(new)
    mapped = {"set_mempolicy": 0, "set_mempolicy_home_node": 0}
    for c in calls_of(trace):
        if c.kind == "set_mempolicy":
            nodes = c.array("policy_nodemask")
        elif c.kind == "set_mempolicy_home_node":
            nodes = [int(c.entry["home_node"])]
        else:
            if c.rewrite is not None:
                fail(f"a {c.kind} call was rewritten")
            continue
        if not nodes:
            if c.rewrite is not None or int(c.exit["ret"]) == 0:
                fail(f"a {c.kind} call without a mask was rewritten, or worked")
            continue
        rewritten(c)
        want = sorted({new if n == old else n for n in nodes})
        if c.array("kernel_nodes") != want:
            fail(f"the kernel got {c.array('kernel_nodes')} for "
                 f"{c.kind}, not {want}")
        if int(c.exit["ret"]) != 0:
            fail(f"the mapped {c.kind} failed with {int(c.exit['err'])}")
        mapped[c.kind] += 1
    for kind, n in mapped.items():
        if not n:
            fail(f"no {kind} call was mapped")


def check_policy_dry_run(trace):
    for c in calls_of(trace, "set_mempolicy"):
        w = rewritten(c)
        if not int(w["dry_run"]):
            fail("a set_mempolicy call was not a dry run")
        if c.array("kernel_nodes") != c.array("policy_nodemask"):
            fail(f"the kernel got {c.array('kernel_nodes')}, the program "
                 f"passed {c.array('policy_nodemask')}")


def check_share(trace, name, low, high):
    err = getattr(errno, name)
    calls = calls_of(trace, "move_pages")
    failed = 0
    for c in calls:
        if c.rewrite is None:
            if int(c.exit["ret"]) < 0:
                fail(f"a call the rule left alone failed: {int(c.exit['err'])}")
            continue
        if int(c.rewrite["injected_err"]) != err or int(c.exit["err"]) != err:
            fail("a rewritten call did not fail with the rule's errno")
        failed += 1
    share = 100 * failed / len(calls)
    if not float(low) <= share <= float(high):
        fail(f"{share:.1f}% of the calls failed, not {low}% to {high}%")


def check_none(trace):
    for c in calls_of(trace):
        if c.rewrite is not None:
            fail(f"a {c.kind} call was rewritten by rule "
                 f"{int(c.rewrite['rule'])}")


CHECKS = {"none": check_none, "share": check_share, "policy": check_policy, "map": check_map, "dry-run": check_dry_run, "fail": check_fail,
          "policy-map": check_policy_map,
          "policy-dry-run": check_policy_dry_run,
          "pages": check_pages}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in CHECKS:
        raise SystemExit(__doc__)
    CHECKS[sys.argv[1]](*sys.argv[2:])
