#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check numashim:page_state events against what the program saw.

pagestatecheck.py TRACE EXPECT reads the move_pages calls of TRACE and
their numashim:page_state and numashim:page_states events with
babeltrace2, and holds them to EXPECT, the lines tests/page-state
wrote, matched by process and in order:
- the call's return is the program's, its errno and status array came
  back as without the shim (the program's own second, raw call);
- a call without a failed page has neither event; one with failed pages
  has one page_states event, between its entry and exit, after its
  page_state events, saying how many failed, how many have a page_state
  (NUMASHIM_PAGE_STATES_MAX at most) and the rest by status, as the
  program's own status array counts them;
- one page_state event for each of the first failed pages, in the order
  of the pages array, with the program's address and status, and its own
  readings after the call: the pagemap entry (present, swapped,
  exclusive, file_shared, soft_dirty, pfn), kpageflags (the bits of
  KPAGEFLAGS) and kpagecount where it could read them (ENODATA without a
  page frame), and the smaps entry (start, end, permissions, path,
  VmFlags, AnonHugePages) of the mapping, of the kind the program made
  it (LABEL_KIND); an address in no mapping is of the kind "none";
- what each kind of page must show on any kernel: the zero page is
  present (and with kpageflags, has KPF_ZERO_PAGE), an mlocked range
  "lo", a shared one "sh", a MADV_HUGEPAGE range "hg" and huge pages.
With --failures FILE, FILE is numashim report's failures view of TRACE
in JSON: the page_states object of each page status's group must count
the program's own readings of its first failed pages (the pagemap bits,
the mapping kinds, the VmFlags and kpageflags of the report's tables,
the huge-page backing and what was unreadable), and the pages left out;
with --view-only as well, only the view is checked.
With --none, the trace must hold the calls and no page_state or
page_states event at all. --alter WHAT alters the expectations (see
ALTERATIONS), so that a test can require the check to fail. Exits 1 and
names every difference.
"""
import argparse
import errno
import json
import os
import sys

import bt2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

STATES_MAX = 1024
KPF_ZERO_PAGE = 24
# The kpageflags bits that do not change by themselves: locked, the
# compound, hugetlb, KSM, THP, zero page and anonymous bits.
KPAGEFLAGS = (1 << 15) | (1 << 16) | (1 << 17) | (1 << 21) | (1 << 22) | \
    (1 << 24) | (1 << 12)
LABEL_KIND = {
    "anonymous written": "anonymous",
    "anonymous untouched": "anonymous",
    "zero page": "anonymous",
    "unmapped": "none",
    "file read": "file",
    "file untouched": "file",
    "mlocked": "anonymous",
    "mlocked on fault": "anonymous",
    "mlocked on fault untouched": "anonymous",
    "shared after fork": "shared_memory",
    "shared untouched": "shared_memory",
    "heap": "heap",
    "stack": "stack",
    "huge page head": "anonymous",
    "huge page tail": "anonymous",
    "huge range untouched": "anonymous",
}
LABEL_VM_FLAG = {
    "mlocked on fault untouched": "lo",
    "shared untouched": "sh",
    "huge range untouched": "hg",
}
# The VmFlags codes and kpageflags bits that the report counts.
VM_FLAGS = ("lo", "sh", "ht", "io", "pf", "hg", "nh", "mg")
KPAGEFLAG_BITS = {"locked": 0, "dirty": 4, "writeback": 8,
                  "compound_head": 15, "compound_tail": 16, "hugetlb": 17,
                  "thp": 22, "ksm": 21, "zero_page": 24, "unevictable": 18,
                  "anonymous": 12, "swapcache": 13}
ALTERATIONS = ("status", "present", "mapping", "path", "vm-flags",
               "left-out", "kpageflags", "anon-huge")
PAGEMAP = ("present", "swapped", "exclusive", "file_shared", "soft_dirty",
           "pfn")
MAPS = ("map_start", "map_end", "map_perms", "map_path", "vm_flags",
        "anon_huge_kb")


class Call:
    def __init__(self):
        self.exit = None
        self.states = []
        self.summary = None
        self.late = []


def value(field):
    if isinstance(field, bt2._StringFieldConst):
        # NUMASHIM_NO_TEXT: nothing to say.
        return "" if str(field) == "-" else str(field)
    if isinstance(field, bt2._ArrayFieldConst):
        return [int(e) for e in field]
    if isinstance(field, bt2._EnumerationFieldConst):
        return field.labels[0] if field.labels else int(field)
    return int(field)


def read_trace(path):
    """The move_pages calls per process in order, and the stray events."""
    calls, order, strays = {}, {}, []
    for name, pid, call_id, p in tracecheck.numashim_events(path):
        key = (pid, call_id)
        if name == "move_pages_entry":
            calls[key] = Call()
            order.setdefault(pid, []).append(calls[key])
        elif name == "move_pages_exit" and key in calls:
            calls[key].exit = p
        elif name in ("page_state", "page_states"):
            event = {k: value(p[k]) for k in p.keys()}
            call = calls.get(key)
            if call is None:
                strays.append(f"{name} of call {key}, no move_pages")
                continue
            if call.exit is not None or call.summary is not None:
                call.late.append(name)
            if name == "page_state":
                call.states.append(event)
            else:
                call.summary = event
    return order, strays


def alter(expect, what):
    """The expectations with one fact changed."""
    kinds = next(e for e in expect if e["what"] == "kinds")
    first = kinds["pages"][0]
    if what == "status":
        first["status"] -= 1
    elif what == "present":
        first["present"] ^= 1
    elif what == "mapping":
        first["label"] = "file untouched"
    elif what == "path":
        page = next(p for p in kinds["pages"] if p.get("map_path"))
        page["map_path"] += "x"
    elif what == "vm-flags":
        page = next(p for p in kinds["pages"] if "lo" in
                    p.get("vm_flags", "").split())
        page["vm_flags"] = " ".join(f for f in page["vm_flags"].split()
                                    if f != "lo")
    elif what == "left-out":
        bound = next(e for e in expect if e["what"] == "bound")
        bound["pages"][-1]["status"] = -errno.ENOENT
    elif what == "kpageflags":
        page = next(p for p in kinds["pages"] if "kpageflags" in p)
        page["kpageflags"] ^= 1 << KPF_ZERO_PAGE
    elif what == "anon-huge":
        page = next(p for p in kinds["pages"] if p.get("anon_huge_kb"))
        page["anon_huge_kb"] = 0


def check_page(where, got, want, errors):
    def differ(field, g, w):
        errors.append(f"{where}: {field} {g!r}, the program saw {w!r}")

    for field in ("index", "addr", "status", "pagemap_err"):
        if got[field] != want[field]:
            differ(field, got[field], want[field])
    if not want["pagemap_err"]:
        for field in PAGEMAP:
            if got[field] != want[field]:
                differ(field, got[field], want[field])
    if "kpage_err" not in want:
        if got["kpage_err"] != errno.ENODATA:
            differ("kpage_err", got["kpage_err"], "ENODATA (no pfn)")
    elif got["kpage_err"] != want["kpage_err"]:
        differ("kpage_err", got["kpage_err"], want["kpage_err"])
    elif not want["kpage_err"]:
        if got["kpagecount"] != want["kpagecount"]:
            differ("kpagecount", got["kpagecount"], want["kpagecount"])
        if got["kpageflags"] & KPAGEFLAGS != want["kpageflags"] & KPAGEFLAGS:
            differ("kpageflags", hex(got["kpageflags"]),
                   hex(want["kpageflags"]))
    kind = LABEL_KIND[want["label"]]
    if got["map_err"]:
        differ("map_err", got["map_err"], 0)
    if got["mapping"] != kind:
        differ("mapping", got["mapping"], f"{kind} ({want['label']})")
    if want["mapped"]:
        for field in MAPS:
            if got[field] != want.get(field, -1):
                differ(field, got[field], want.get(field, -1))
    flag = LABEL_VM_FLAG.get(want["label"])
    if flag and flag not in got["vm_flags"].split():
        differ("vm_flags", got["vm_flags"], f"with {flag}")
    if want["label"] == "huge range untouched" and got["anon_huge_kb"] <= 0:
        differ("anon_huge_kb", got["anon_huge_kb"], "huge pages")
    if want["label"] == "zero page":
        if not got["present"]:
            differ("present", got["present"], "the zero page")
        if not got["kpage_err"] and \
                not got["kpageflags"] >> KPF_ZERO_PAGE & 1:
            differ("kpageflags", hex(got["kpageflags"]), "KPF_ZERO_PAGE")


def check_call(where, call, want, errors):
    if call.exit is None:
        errors.append(f"{where}: no exit event")
        return 0
    if int(call.exit["ret"]) != want["ret"] or want["ret"] != want["raw_ret"]:
        errors.append(f"{where}: ret {int(call.exit['ret'])}, the program "
                      f"got {want['ret']}, without the shim {want['raw_ret']}")
    if not want["errno_kept"] or not want["status_same"]:
        errors.append(f"{where}: the program's errno or status array "
                      "changed under the shim")
    failed = sorted(want["pages"], key=lambda p: p["index"])
    if len(failed) != want["failed"]:
        errors.append(f"{where}: {len(failed)} failed pages written down "
                      f"of {want['failed']}")
    if call.late:
        errors.append(f"{where}: {', '.join(call.late)} after the exit or "
                      "after page_states")
    if not failed:
        if call.states or call.summary:
            errors.append(f"{where}: page states of a call without failures")
        return 0
    recorded = failed[:STATES_MAX]
    left = {}
    for page in failed[STATES_MAX:]:
        left[page["status"]] = left.get(page["status"], 0) + 1
    s = call.summary
    if s is None:
        errors.append(f"{where}: no page_states event")
    else:
        got_left = dict(zip(s["left_statuses"], s["left_counts"]))
        want_summary = (len(failed), len(recorded),
                        len(failed) - len(recorded))
        got_summary = (s["failed"], s["recorded"], s["left_out"])
        if got_summary != want_summary:
            errors.append(f"{where}: page_states failed, recorded, left_out "
                          f"{got_summary}, not {want_summary}")
        if got_left != left:
            errors.append(f"{where}: left out by status {got_left}, "
                          f"not {left}")
    if len(call.states) != len(recorded):
        errors.append(f"{where}: {len(call.states)} page_state events, "
                      f"not {len(recorded)}")
    got = sorted(call.states, key=lambda g: g["index"])
    for g, w in zip(got, recorded):
        check_page(f"{where} page {w['index']} ({w['label']})", g, w,
                   errors)
    return len(got)


def count(counts, key, n=1):
    if n:
        counts[key] = counts.get(key, 0) + n


def expected_facts(expect):
    """The page_states object of each page status, from the program's own
    readings of its calls' first failed pages."""
    facts = {}
    for want in expect:
        failed = sorted(want["pages"], key=lambda p: p["index"])
        for page in failed[:STATES_MAX]:
            f = facts.setdefault(page["status"], {"pages": 0, "left_out": 0})
            f["pages"] += 1
            if page["pagemap_err"]:
                count(f, ("pagemap_unreadable", page["pagemap_err"]))
            else:
                for field in PAGEMAP[:-1]:
                    count(f, field, page[field])
                count(f, "pfn_known", int(page["pfn"] != 0))
            count(f, ("mappings", LABEL_KIND[page["label"]]))
            flags = page.get("vm_flags", "").split()
            for flag in VM_FLAGS:
                count(f, ("vm_flags", flag), int(flag in flags))
            count(f, "thp_backed", int(page.get("anon_huge_kb", 0) > 0))
            kerr = page.get("kpage_err", errno.ENODATA)
            if kerr:
                count(f, ("kpage_unreadable", kerr))
                continue
            for name, bit in KPAGEFLAG_BITS.items():
                count(f, ("kpageflags", name), page["kpageflags"] >> bit & 1)
            count(f, "mapped_more_than_once", int(page["kpagecount"] > 1))
        for page in failed[STATES_MAX:]:
            f = facts.setdefault(page["status"], {"pages": 0, "left_out": 0})
            f["left_out"] += 1
    return facts


def report_facts(path):
    """The page_states objects of the report's page groups, flattened as
    expected_facts() has them, by status."""
    with open(path) as f:
        groups = json.load(f)["failures"]
    facts = {}
    for g in groups:
        if g["scope"] != "page" or g["injected"] or "page_states" not in g:
            continue
        status = -getattr(errno, g["code"].lstrip("-"))
        flat = {}
        for key, value in g["page_states"].items():
            if not isinstance(value, dict):
                count(flat, key, value)
                continue
            for name, n in value.items():
                if key.endswith("_unreadable"):
                    name = getattr(errno, name)
                count(flat, (key, name), n)
        flat.setdefault("pages", 0)
        flat.setdefault("left_out", 0)
        facts[status] = flat
    return facts


def check_failures(path, expect, errors):
    want, got = expected_facts(expect), report_facts(path)
    for status in sorted(set(want) | set(got)):
        w, g = want.get(status, {}), got.get(status, {})
        for key in sorted(set(w) | set(g), key=str):
            if w.get(key, 0) != g.get(key, 0):
                errors.append(f"failures view, status {status}: {key} "
                              f"{g.get(key, 0)}, the program saw "
                              f"{w.get(key, 0)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--none", action="store_true")
    ap.add_argument("--alter", choices=ALTERATIONS)
    ap.add_argument("--failures")
    ap.add_argument("--view-only", action="store_true")
    ap.add_argument("trace")
    ap.add_argument("expect")
    args = ap.parse_args()
    with open(args.expect) as f:
        expect = [json.loads(line) for line in f if line.strip()]
    if args.alter:
        alter(expect, args.alter)
    order, errors = read_trace(args.trace)
    if args.view_only:
        order, errors = {}, []
    by_pid = {}
    for e in expect:
        by_pid.setdefault(e["pid"], []).append(e)
    calls = pages = 0
    for pid, wants in by_pid.items():
        got = order.get(pid, [])
        if args.view_only:
            continue
        if len(got) != len(wants):
            errors.append(f"process {pid}: {len(got)} move_pages calls in "
                          f"the trace, {len(wants)} written down")
        for call, want in zip(got, wants):
            where = f"process {pid} call {want['what']}"
            if args.none:
                if call.states or call.summary:
                    errors.append(f"{where}: page states recorded")
                continue
            pages += check_call(where, call, want, errors)
            calls += 1
    if args.failures:
        check_failures(args.failures, expect, errors)
    for e in errors:
        print(e)
    if errors:
        return 1
    if args.view_only:
        print("pagestatecheck: the failures view checked")
        return 0
    print(f"pagestatecheck: {calls} calls and {pages} page states checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
