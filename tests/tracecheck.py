#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check a numashim trace against what the test programs saw.

tracecheck.py TRACE EXPECT reads every numashim event of TRACE with
babeltrace2, puts each call back together (entry, chunks, incompleteness
notes, exit) and compares it, field by field, with the calls the programs
wrote to EXPECT (one JSON object per line, see expect.c), thread by thread
in the order they were made. Call sites are checked by turning the
recorded addresses back into function names with the lttng-ust statedump
and addr2line. Exits 1 and names every difference when there is one.
"""
import argparse
import collections
import errno
import json
import os
import subprocess
import sys

import bt2

# The call kinds, in the order of common/numashim-calls.h.
KINDS = ("move_pages", "migrate_pages", "mbind", "set_mempolicy",
         "get_mempolicy", "set_mempolicy_home_node")
ARRAY_BIT = {"pages": 0, "nodes": 1, "status": 2, "nodemask": 3,
             "old_nodes": 4, "new_nodes": 5, "policy_nodemask": 9,
             "returned_nodemask": 10}
# Arrays of up to INLINE_LEN elements ride in the exit event, longer ones
# in chunk events (trace/numashim-payload.h).
INLINE_LEN = 512
EXIT_ARRAYS = {"move_pages": ("pages", "nodes", "status"),
               "mbind": ("nodemask",),
               "migrate_pages": ("old_nodes", "new_nodes"),
               "set_mempolicy": ("policy_nodemask",),
               "get_mempolicy": ("returned_nodemask",),
               "set_mempolicy_home_node": ()}
# The exit field of an array that is not named after it.
EXIT_FIELD = {"policy_nodemask": "nodemask", "returned_nodemask": "nodemask"}
SCALARS = {"move_pages": ("count", "page_size", "flags", "pages_ptr",
                          "nodes_ptr", "status_ptr"),
           "mbind": ("addr", "len", "page_size", "mode", "maxnode", "flags"),
           "migrate_pages": ("maxnode",),
           "set_mempolicy": ("mode", "mode_flags", "nodemask_ptr", "maxnode"),
           "get_mempolicy": ("mode_ptr", "nodemask_ptr", "maxnode", "addr",
                             "flags"),
           "set_mempolicy_home_node": ("start", "len", "home_node", "flags")}
# What the exit event tells of the kernel's answer, as exit_NAME in EXPECT.
EXIT_SCALARS = {"get_mempolicy": ("mode", "mode_flags", "node")}
# Calls libnuma makes on its own (numa_available() asks get_mempolicy):
# checked only in the runs of programs that write them down.
POLICY_CALLS = {"set_mempolicy", "get_mempolicy", "set_mempolicy_home_node"}


class Call:
    def __init__(self, kind, pid, ts):
        self.kind = kind
        self.pid = pid
        self.ts = ts
        self.entry = None
        self.exit = None
        self.ctx = None
        self.segments = collections.defaultdict(list)
        self.incomplete = {}
        self.rewrite = None
        self.weights = None

    def array(self, name):
        """The array as recorded, or an error if its pieces do not join."""
        values = []
        for offset, chunk in sorted(self.segments[name]):
            if offset != len(values):
                raise ValueError(f"{name}: chunk at {offset} after "
                                 f"{len(values)} elements")
            values.extend(chunk)
        return values


def bound_bytes(exp):
    """The bytes an mbind call the program made had the kernel bind.

    Told by the call's own answer: none when it failed; else len rounded
    up to whole pages of the program's page size, as do_mbind() rounds it
    in an unsigned long, where a len within a page of the end of the
    address space rounds to 0 bytes, which the kernel takes as nothing to
    do.
    """
    if exp["ret"] != 0:
        return 0
    page = exp["page_size"]
    return (exp["len"] + page - 1) // page * page % 2**64


# Python's errno names a few numbers by an alias of the name the calls'
# manual pages, and numashim's codes, give them.
MANUAL_NAMES = {"ENOTSUP": "EOPNOTSUPP"}


def errno_name(code):
    """The name of errno code as the calls' manual pages give it."""
    name = errno.errorcode[code]
    return MANUAL_NAMES.get(name, name)


def status_name(code):
    """A negative errno, as a status or a return, as reports write it."""
    return "-" + errno_name(-code)


def checker_inputs(doc, ap=None):
    """A checker's arguments REPORT EXPECT TRACE..., and the first two read."""
    ap = ap or argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("report")
    ap.add_argument("expect")
    ap.add_argument("traces", nargs="+")
    args = ap.parse_args()
    with open(args.report) as f:
        report = json.load(f)
    with open(args.expect) as f:
        expected = [json.loads(line) for line in f]
    return args, report, expected


def finish(tool, errors, summary):
    """Name the first differences, sum up, and give the exit status."""
    for err in errors[:50]:
        print(f"{tool}:", err, file=sys.stderr)
    print(f"{tool}: {summary}, {len(errors)} differences")
    return 1 if errors else 0


def label(field):
    return field.labels[0]


def numashim_events(path):
    """Each numashim event of the trace at path, in time order, as its
    name without the provider, its process's vpid, its call_id (None for
    an event without one) and its payload."""
    for msg in bt2.TraceCollectionMessageIterator(path):
        if not isinstance(msg, bt2._EventMessageConst):
            continue
        provider, _, name = msg.event.name.partition(":")
        if provider != "numashim":
            continue
        p = msg.event.payload_field
        call_id = int(p["call_id"]) if "call_id" in p else None
        yield (name, int(msg.event.common_context_field["vpid"]), call_id,
               p)


def read_trace(path):
    calls = {}
    bins = []
    discarded = 0
    for msg in bt2.TraceCollectionMessageIterator(path):
        if isinstance(msg, (bt2._DiscardedEventsMessageConst,
                            bt2._DiscardedPacketsMessageConst)):
            discarded += msg.count or 1
            continue
        if not isinstance(msg, bt2._EventMessageConst):
            continue
        ev = msg.event
        provider, _, name = ev.name.partition(":")
        ctx = ev.common_context_field
        pid = int(ctx["vpid"])
        p = ev.payload_field
        if provider == "lttng_ust_statedump" and name == "bin_info":
            bins.append((pid, int(p["baddr"]), int(p["memsz"]),
                         str(p["path"]), bool(p["is_pic"])))
            continue
        if (provider, name) in (("lttng_ust_dl", "dlopen"),
                                ("lttng_ust_lib", "load")):
            # A shared object opened after the statedump, or loaded with
            # one (liblttng-ust-dl).
            bins.append((pid, int(p["baddr"]), int(p["memsz"]),
                         str(p["path"]), True))
            continue
        if provider != "numashim":
            continue
        # Call ids start again in the image an exec() brings.
        key = (pid, str(ctx["procname"]), int(p["call_id"]))
        ts = msg.default_clock_snapshot.ns_from_origin
        if name.endswith("_entry"):
            if key in calls:
                raise SystemExit(f"call_id {key} recorded twice")
            call = calls[key] = Call(name[:-6], pid, ts)
            call.entry = p
            call.ctx = {k: int(ctx[k]) for k in ("vtid", "ip")}
            continue
        call = calls.get(key)
        if call is None:
            raise SystemExit(f"{ev.name} of call {key} without its entry")
        if name.endswith("_exit"):
            if call.exit is not None or name[:-5] != call.kind:
                raise SystemExit(f"unexpected {ev.name} for call {key}")
            call.exit = p
            call.exit_ts = ts
            for a in EXIT_ARRAYS[call.kind]:
                call.segments[a].append(
                    (0, [int(v) for v in p[EXIT_FIELD.get(a, a)]]))
        elif name == "rewrite":
            call.rewrite = p
            for a in ("kernel_nodes", "injected"):
                call.segments[a].append((0, [int(v) for v in p[a]]))
        elif name in ("addr_chunk", "int_chunk"):
            call.segments[label(p["array"])].append(
                (int(p["offset"]), [int(v) for v in p["values"]]))
        elif name == "interleave_weights":
            if call.exit is not None or call.weights is not None:
                raise SystemExit(f"{ev.name} of call {key} after its exit "
                                 "or twice")
            call.weights = {f: [int(v) for v in p[f]]
                            for f in ("nodes", "weights")}
        elif name == "array_incomplete":
            call.incomplete[label(p["array"])] = (
                int(p["recorded"]), int(p["expected"]), int(p["err"]))
    return calls, bins, discarded


class Symbolizer:
    def __init__(self, bins):
        self.bins = bins
        self.cache = {}

    def locate(self, pid, addr):
        """(binary, offset in it) of addr, or None when in no binary."""
        # A child forked without exec has its parent's mappings and may
        # have no statedump of its own.
        found = ([b for b in self.bins if b[0] == pid
                  and b[1] <= addr < b[1] + b[2]] or
                 [b for b in self.bins if b[1] <= addr < b[1] + b[2]])
        if not found:
            return None
        _, base, _, path, pic = found[0]
        return (path, addr - base if pic else addr)

    def function(self, pid, addr):
        """The function that holds the call before return address addr."""
        where = self.locate(pid, addr)
        return where and self.source(*where)[0]

    def source(self, path, offset):
        """(function, file:line) of the call before return address offset."""
        where = (path, offset - 1)
        if where not in self.cache:
            out = subprocess.run(["addr2line", "-f", "-e", path,
                                  hex(where[1])], capture_output=True,
                                 text=True, check=True).stdout
            self.cache[where] = tuple(out.split("\n")[:2])
        return self.cache[where]


def by_thread(calls, expected):
    """The recorded calls and the expectations per (pid, tid), in order."""
    policy = any(exp["call"] in POLICY_CALLS for exp in expected)
    recorded = collections.defaultdict(list)
    for call in sorted(calls.values(), key=lambda c: c.ts):
        if policy or call.kind not in POLICY_CALLS:
            recorded[(call.pid, int(call.entry["tid"]))].append(call)
    wanted = collections.defaultdict(list)
    for exp in expected:
        wanted[(exp["pid"], exp["tid"])].append(exp)
    return recorded, wanted


def matched_calls(calls, expected, errors):
    """Each recorded call and what the program wrote of it, thread by
    thread in order, as (call, expectation, say), say(msg) adding msg
    to errors as a difference of that call; a thread that made another
    number of calls than it recorded is a difference of its own.

    Calls of kinds the program did not make are its launcher's or its
    libraries' (numactl's set_mempolicy before it execs the program,
    libnuma's get_mempolicy at load), and left out; policy.scn checks
    those kinds.
    """
    kinds = {exp["call"] for exp in expected}
    calls = {k: c for k, c in calls.items() if c.kind in kinds}
    recorded, wanted = by_thread(calls, expected)
    for thread in sorted(set(recorded) | set(wanted)):
        got, want = recorded[thread], wanted[thread]
        if len(got) != len(want):
            errors.append(f"thread {thread}: {len(got)} calls recorded, "
                          f"{len(want)} made")
        for i, (call, exp) in enumerate(zip(got, want)):
            def say(msg, thread=thread, i=i, exp=exp):
                errors.append(f"thread {thread} call {i} "
                              f"({exp['call']} from {exp['func']}): {msg}")
            yield call, exp, say


def each_trace(traces, expected):
    """Per trace: its calls, the Symbolizer of its call sites and the
    expectations of the processes it holds."""
    for trace in traces:
        calls, bins, _ = read_trace(trace)
        pids = {call.pid for call in calls.values()}
        yield calls, Symbolizer(bins), [exp for exp in expected
                                        if exp["pid"] in pids]


def paired_calls(traces, expected, errors=None):
    """matched_calls over each of the traces, with the Symbolizer of its
    trace in place of say; a thread whose calls recorded are not as many
    as those made is named in errors, when given."""
    for calls, symbols, here in each_trace(traces, expected):
        for call, exp, _ in matched_calls(calls, here,
                                          [] if errors is None else errors):
            yield call, exp, symbols


def check_call(call, exp, sym, depth, say):
    e, x = call.entry, call.exit
    if x is None:
        return say("no exit event")
    if call.kind != exp["call"]:
        return say(f"recorded {call.kind}, the program called {exp['call']}")
    if label(e["via"]) != exp["via"]:
        say(f"via {label(e['via'])}, expected {exp['via']}")
    if int(e["tid"]) != exp["tid"] or call.ctx["vtid"] != exp["tid"]:
        say(f"tid {int(e['tid'])} (vtid {call.ctx['vtid']}), "
            f"expected {exp['tid']}")
    if "target_pid" in exp and int(e["pid"]) != exp["target_pid"]:
        say(f"pid {int(e['pid'])}, expected {exp['target_pid']}")
    for f in SCALARS[call.kind]:
        if f in exp and int(e[f]) != exp[f]:
            say(f"{f} {int(e[f])}, expected {exp[f]}")
    for f in EXIT_SCALARS.get(call.kind, ()):
        if int(x[f]) != exp["exit_" + f]:
            say(f"{f} answered {int(x[f])}, the program got "
                f"{exp['exit_' + f]}")
    for f in ("ret", "err"):
        if int(x[f]) != exp[f]:
            say(f"{f} {int(x[f])}, the program saw {exp[f]}")
    name = errno_name(exp["err"]) if exp["err"] else "none"
    if x["err"].labels != [name]:
        say(f"err named {x['err'].labels}, the program saw {name}")
    # The weights of weighted interleave, where the program says which.
    if "weights" in exp and call.weights != exp["weights"]:
        say(f"interleave weights recorded as {call.weights}, "
            f"expected {exp['weights']}")
    if int(x["latency_ns"]) <= 0 or call.exit_ts < call.ts:
        say(f"latency {int(x['latency_ns'])} ns")

    incomplete_bits = 0
    for a, bit in ARRAY_BIT.items():
        if a not in exp:
            continue
        try:
            got = call.array(a)
        except ValueError as err:
            say(str(err))
            continue
        if got != exp[a]:
            say(f"{a} recorded as {got[:8]}... ({len(got)}), the program "
                f"had {exp[a][:8]}... ({len(exp[a])})")
        want = exp.get(f"{a}_expected", len(exp[a]))
        inline = (len(x[EXIT_FIELD.get(a, a)])
                  if a in EXIT_ARRAYS[call.kind] else 0)
        if (len(exp[a]) == want and
                inline != (len(got) if len(got) <= INLINE_LEN else 0)):
            say(f"{a}: {inline} of its {len(got)} elements in the exit "
                f"event; it holds arrays of up to {INLINE_LEN} whole")
        if len(exp[a]) < want:
            incomplete_bits |= 1 << bit
            note = call.incomplete.get(a)
            if note != (len(exp[a]), want, errno.EFAULT):
                say(f"{a}: incompleteness note {note}, expected "
                    f"{(len(exp[a]), want, errno.EFAULT)}")
        elif a in call.incomplete:
            say(f"{a}: recorded whole but noted {call.incomplete[a]}")
    # The exit's bit mask can be predicted only when the program could
    # describe every array of the call.
    if (all(a in exp for a in EXIT_ARRAYS[call.kind]) and
            int(x["incomplete"]) != incomplete_bits):
        say(f"incomplete {int(x['incomplete']):#x}, "
            f"expected {incomplete_bits:#x}")

    bt = [int(v) for v in e["backtrace"]]
    if len(bt) > depth or (depth and not bt):
        say(f"backtrace of {len(bt)} frames with depth {depth}")
    if bt and bt[0] != call.ctx["ip"]:
        say(f"backtrace[0] {bt[0]:#x} is not the ip {call.ctx['ip']:#x}")
    frame = exp["frame"]
    site = call.ctx["ip"] if frame == 0 else (
        bt[frame] if frame < len(bt) else None)
    if site is not None and "site_outside" in exp:
        # A call from code without symbols (Python's, through libffi):
        # its site must at least lie outside the libraries listed.
        where = sym.locate(call.pid, site)
        lib = where and os.path.basename(where[0])
        if not lib or any(lib.startswith(n) for n in exp["site_outside"]):
            say(f"call site {site:#x} is in {lib}, expected none of "
                f"{exp['site_outside']}")
    elif site is not None:
        func = sym.function(call.pid, site)
        if func != exp["func"]:
            say(f"call site {site:#x} is in {func}, expected {exp['func']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trace")
    ap.add_argument("expect")
    ap.add_argument("--depth", type=int, default=16,
                    help="backtrace depth the run was configured with")
    args = ap.parse_args()

    calls, bins, discarded = read_trace(args.trace)
    with open(args.expect) as f:
        expected = [json.loads(line) for line in f]
    if not expected:
        raise SystemExit("the program wrote no expectations")

    errors = []
    if discarded:
        errors.append(f"{discarded} events discarded")
    sym = Symbolizer(bins)
    for call, exp, say in matched_calls(calls, expected, errors):
        check_call(call, exp, sym, args.depth, say)

    threads = {(exp["pid"], exp["tid"]) for exp in expected}
    return finish("tracecheck", errors,
                  f"{len(expected)} calls in {len(threads)} threads of "
                  f"{len({t[0] for t in threads})} processes")

if __name__ == "__main__":
    sys.exit(main())
