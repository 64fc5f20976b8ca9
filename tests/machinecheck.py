#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check the machine's NUMA facts in a numashim trace.

machinecheck.py TRACE [EXPECT] reads the numashim:machine events of
TRACE, and the machine_node events after each, with babeltrace2, and
checks:
- when they were recorded: before the exit of the first call of each
  process image (the first call of its thread, when threads race to it)
  and of every call the kernel failed whole (move_pages, migrate_pages,
  mbind, set_mempolicy, set_mempolicy_home_node; not a failure a rewrite
  rule made up, nor get_mempolicy's), and at no other call; where
  EXPECT (expect.c's lines) says of a call, as it says;
- what they say: each fact equal to what /sys and /proc say now, read
  here (the online nodes, which have memory and which CPUs, each node's
  distances and MemTotal, Mems_allowed_list, numa_balancing, the weighted
  interleave weights, the kernel's release), the host's name as uname
  gives it here, and the rank in a job that --rank VARIABLE=RANK says
  the process was given (without it: none); MemFree at most MemTotal,
  and within what the program read just before and after the call
  (give or take SLACK_KB, for the other processes of the machine), where
  EXPECT gives that.
With --topology FILE.topo, the facts of a guest of tests/vm are checked
on the host instead: its online nodes, nodes with memory and with CPUs
as the topology's words NODE:MIB:CPU say, and the distances QEMU gives
without a distance table (the kernel's local 10 and remote 20).
--alter FACT alters that expectation (release, numa_balancing,
mems_allowed, weights, online, memory, memory_only, distance, total,
host, rank), so
that a test can require the check to fail. Exits 1 and names every
difference when there is one.
"""
import argparse
import collections
import json
import os
import re
import sys

import bt2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

NODE_DIR = "/sys/devices/system/node"
WEIGHTS_DIR = "/sys/kernel/mm/mempolicy/weighted_interleave"
# The calls whose whole failure the facts may explain.
WHOLE_FAILURE_KINDS = {"move_pages", "migrate_pages", "mbind",
                       "set_mempolicy", "set_mempolicy_home_node"}
SLACK_KB = 32 << 10
LOCAL_DISTANCE, REMOTE_DISTANCE = 10, 20
ALTERATIONS = ("release", "numa_balancing", "mems_allowed", "weights",
               "online", "memory", "memory_only", "distance", "total",
               "host", "rank")


def node_list(text):
    """The nodes of a list as the kernel prints it ("0-1,3")."""
    nodes = []
    for part in text.strip().split(","):
        if part:
            lo, _, hi = part.partition("-")
            nodes.extend(range(int(lo), int(hi or lo) + 1))
    return nodes


def read(path, default=None):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        if default is None:
            raise
        return default


def host_facts():
    """The facts as this machine's /sys and /proc say them now."""
    memory = set(node_list(read(f"{NODE_DIR}/has_memory")))
    cpu = set(node_list(read(f"{NODE_DIR}/has_cpu", "")))
    nodes = []
    for n in node_list(read(f"{NODE_DIR}/online")):
        meminfo = read(f"{NODE_DIR}/node{n}/meminfo")
        nodes.append({
            "node": n, "has_memory": n in memory, "has_cpu": n in cpu,
            "mem_total_kb": int(re.search(r"MemTotal:\s*(\d+) kB",
                                          meminfo).group(1)),
            "distances": [int(v) for v in
                          read(f"{NODE_DIR}/node{n}/distance").split()]})
    mems = re.search(r"^Mems_allowed_list:\s*(\S*)$",
                     read("/proc/self/status"), re.M).group(1)
    weights = []
    if os.path.isdir(WEIGHTS_DIR):
        for name in os.listdir(WEIGHTS_DIR):
            if re.fullmatch(r"node\d+", name):
                weights.append([int(name[4:]),
                                int(read(f"{WEIGHTS_DIR}/{name}"))])
    balancing = read("/proc/sys/kernel/numa_balancing", "-1")
    return {"release": os.uname().release, "host": os.uname().nodename,
            "numa_balancing": int(balancing),
            "mems_allowed": node_list(mems), "weights": sorted(weights),
            "nodes": nodes}


def topology_facts(path):
    """The guest's topology facts, from a tests/vm/*.topo file."""
    words = re.search(r'^nodes="([^"]*)"', read(path), re.M).group(1)
    ids = [w.split(":") for w in words.split()]
    online = [int(i) for i, _, _ in ids]
    return {"nodes": [{"node": int(i), "has_memory": int(mib) > 0,
                       "has_cpu": cpu != "",
                       "distances": [LOCAL_DISTANCE if int(i) == o else
                                     REMOTE_DISTANCE for o in online]}
                      for i, mib, cpu in ids]}


def alter(facts, what):
    """facts with the fact what made wrong."""
    n0 = facts["nodes"][0]
    if what == "release":
        facts["release"] += "x"
    elif what == "numa_balancing":
        facts["numa_balancing"] += 1
    elif what == "mems_allowed":
        facts["mems_allowed"].append(max(facts["mems_allowed"]) + 1)
    elif what == "weights":
        facts["weights"] = ([[w[0], w[1] % 255 + 1] for w in facts["weights"]]
                            or [[0, 1]])
    elif what == "online":
        facts["nodes"].append(dict(n0, node=facts["nodes"][-1]["node"] + 1))
    elif what == "memory":
        n0["has_memory"] = not n0["has_memory"]
    elif what == "memory_only":
        n0["has_cpu"] = not n0["has_cpu"]
    elif what == "distance":
        n0["distances"][0] += 1
    elif what == "total":
        n0["mem_total_kb"] += 1
    elif what == "host":
        facts["host"] += "x"
    elif what == "rank":
        facts["rank"] += 1
    return facts


def read_machines(path):
    """Each call's machine records by (pid, procname, call_id), in order."""
    records = collections.defaultdict(list)
    for msg in bt2.TraceCollectionMessageIterator(path):
        if type(msg) is not bt2._EventMessageConst:
            continue
        ev = msg.event
        if ev.name not in ("numashim:machine", "numashim:machine_node"):
            continue
        ctx, p = ev.common_context_field, ev.payload_field
        key = (int(ctx["vpid"]), str(ctx["procname"]), int(p["call_id"]))
        if ev.name == "numashim:machine":
            records[key].append({
                "ts": msg.default_clock_snapshot.ns_from_origin,
                "announced": int(p["nodes"]),
                "release": str(p["release"]),
                "host": str(p["host"]), "rank": int(p["rank"]),
                "rank_variable": str(p["rank_variable"]),
                "numa_balancing": int(p["numa_balancing"]),
                "mems_allowed": [int(v) for v in p["mems_allowed"]],
                "weights": [[int(n), int(w)] for n, w in
                            zip(p["weight_nodes"], p["weights"])],
                "nodes": [], "free": []})
        elif records[key]:
            records[key][-1]["nodes"].append({
                "node": int(p["node"]),
                "has_memory": bool(p["has_memory"]),
                "has_cpu": bool(p["has_cpu"]),
                "mem_total_kb": int(p["mem_total_kb"]),
                "distances": [int(v) for v in p["distances"]]})
            records[key][-1]["free"].append(int(p["mem_free_kb"]))
    return records


def check_facts(rec, want, say):
    """A machine record against the facts expected of it."""
    if rec["announced"] != len(rec["nodes"]):
        say(f"{rec['announced']} nodes announced, {len(rec['nodes'])} "
            "machine_node events")
    for k, v in want.items():
        if k != "nodes" and rec[k] != v:
            say(f"{k} recorded as {rec[k]}, expected {v}")
    got = {n["node"]: n for n in rec["nodes"]}
    wanted = {n["node"]: n for n in want["nodes"]}
    if sorted(got) != sorted(wanted):
        say(f"online nodes recorded as {sorted(got)}, expected "
            f"{sorted(wanted)}")
    for n in sorted(set(got) & set(wanted)):
        for k, v in wanted[n].items():
            if got[n][k] != v:
                say(f"node {n}: {k} recorded as {got[n][k]}, expected {v}")
    for node, free in zip(rec["nodes"], rec["free"]):
        if not 0 <= free <= node["mem_total_kb"]:
            say(f"node {node['node']}: {free} kB free of "
                f"{node['mem_total_kb']}")


def check_free(rec, brackets, say):
    """MemFree against what the program read around the call."""
    if len(brackets) != len(rec["free"]):
        return say(f"{len(rec['free'])} nodes recorded, the program read "
                   f"{len(brackets)}")
    for node, free, (lo, hi) in zip(rec["nodes"], rec["free"], brackets):
        if not min(lo, hi) - SLACK_KB <= free <= max(lo, hi) + SLACK_KB:
            say(f"node {node['node']}: {free} kB free recorded, the "
                f"program read {lo} then {hi}")


def whole_failure(call):
    """Whether the kernel failed the call whole, as the trace says."""
    return (call.kind in WHOLE_FAILURE_KINDS and call.exit is not None and
            int(call.exit["ret"]) < 0 and
            not (call.rewrite is not None and
                 int(call.rewrite["injected_err"])))


def check_when(calls, records, errors):
    """Records at each image's first call and at whole failures only."""
    images = collections.defaultdict(list)
    for key, call in calls.items():
        call.key = key
        images[key[:2]].append(call)
    for key in records:
        if key not in calls:
            errors.append(f"machine facts of {key}, a call not in the trace")
    for image, image_calls in sorted(images.items()):
        image_calls.sort(key=lambda c: c.ts)
        first_of_thread = {}
        for c in image_calls:
            first_of_thread.setdefault(int(c.entry["tid"]), c)
        carrying = [c for c in image_calls if records.get(c.key)]
        if not carrying:
            errors.append(f"{image}: no machine facts")
            continue
        first = min(carrying, key=lambda c: records[c.key][0]["ts"])
        if first_of_thread[int(first.entry["tid"])] is not first:
            errors.append(f"{image}: first facts at call {first.key[2]}, "
                          "not its thread's first call")
        for c in image_calls:
            n = len(records.get(c.key, ()))
            if n > 1:
                errors.append(f"{image} call {c.key[2]}: {n} records")
            if whole_failure(c) and not n:
                errors.append(f"{image} call {c.key[2]} ({c.kind}) failed "
                              "whole without machine facts")
            if n and c is not first and not whole_failure(c):
                errors.append(f"{image} call {c.key[2]} ({c.kind}) "
                              "recorded machine facts")
            for rec in records.get(c.key, ()):
                if c.exit is None or not c.ts <= rec["ts"] <= c.exit_ts:
                    errors.append(f"{image} call {c.key[2]}: facts not "
                                  "between its entry and its exit")
    return sum(len(v) for v in records.values())


def check_expected(calls, records, expected, errors):
    """What the program says of its calls: facts or none, free memory."""
    told = 0
    for call, exp, say in tracecheck.matched_calls(calls, expected, errors):
        if "machine" not in exp:
            continue
        told += 1
        recs = records.get(call.key, [])
        if (exp["machine"] is None) != (not recs):
            say("machine facts recorded" if recs else
                "no machine facts recorded")
        elif recs:
            check_free(recs[0], exp["machine"]["free_kb"], say)
    return told


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trace")
    ap.add_argument("expect", nargs="?")
    ap.add_argument("--topology")
    ap.add_argument("--alter", choices=ALTERATIONS)
    ap.add_argument("--rank", metavar="VARIABLE=RANK")
    args = ap.parse_args()

    want = (topology_facts(args.topology) if args.topology else
            host_facts())
    variable, _, rank = (args.rank or "=-1").partition("=")
    want.update(rank=int(rank), rank_variable=variable)
    if args.alter:
        want = alter(want, args.alter)
    calls, _, discarded = tracecheck.read_trace(args.trace)
    records = read_machines(args.trace)
    errors = [f"{discarded} events discarded"] if discarded else []
    checked = check_when(calls, records, errors)
    for key, recs in sorted(records.items()):
        for rec in recs:
            check_facts(rec, want, lambda msg, key=key: errors.append(
                f"{key}: {msg}"))
    told = 0
    if args.expect:
        with open(args.expect) as f:
            expected = [json.loads(line) for line in f]
        told = check_expected(calls, records, expected, errors)
        if not told:
            errors.append("the program told of no call's machine facts")
    if not checked:
        errors.append("no machine facts in the trace")
    return tracecheck.finish(
        "machinecheck", errors,
        f"{checked} records of {len({k[:2] for k in records})} process "
        f"images, {told} calls told of")


if __name__ == "__main__":
    sys.exit(main())
