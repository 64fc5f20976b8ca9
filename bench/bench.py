#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The benchmarks: the shim's cost per call against bare runs, strace and
ltrace and the floor (the same events around bare calls: what LTTng
itself costs), the cost per page of recording a huge call, calls per
second from 1 and 2 threads, the cost of a recording to a program that
forks, and numashim report's speed against babeltrace2's floor.

Variants run interleaved (A B C A B C ...), a round at a time, so that a
burst of load on the machine hits them all alike; each figure is the
median of the rounds, with their min-max spread. The time is taken inside
numabench, around loops of calls after a warm-up. A variant that should
have recorded or traced the calls and did not fails the run: a benchmark
that measured nothing must not print a figure. Timings never fail it.

Run through bench/run, which gives it a session daemon of its own; the
environment names the programs: NUMASHIM_LIB, NS_NUMASHIM, NS_NUMABENCH,
NS_FLOOR_LIB (bench/.libs/libnumabench-floor.so).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

import table

# The call kinds timed per variant: numabench's name, the call it makes,
# pages per call, whether it moves, and the table's label.
KINDS = [
    ("query1", "move_pages", 1, False, "move_pages status, 1 page"),
    ("query512", "move_pages", 512, False, "move_pages status, 512 pages"),
    ("move1", "move_pages", 1, True, "move_pages move to own node"),
    ("mbind", "mbind", 0, False, "mbind MPOL_MF_MOVE, 1 page"),
    ("migrate", "migrate_pages", 0, False, "migrate_pages node to itself"),
]
# The fork-heavy kinds: a child that exits at once, one that executes
# /bin/true; neither makes a placement call.
FORK_KINDS = [
    ("fork", None, 0, False, "fork+exit"),
    ("exec", None, 0, False, "fork+exec /bin/true"),
]
CALLS = ("move_pages", "migrate_pages", "mbind")
TRACED_CALL = re.compile(r"^\d+\s+(?:\S+->)?(move_pages|migrate_pages|mbind)\(")


class BenchError(Exception):
    """A variant that did not run, or did not record what it ran."""


def options():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tmp", required=True, help="scratch folder")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--time-ms", type=int, default=200,
                   help="measured loop per call kind and run")
    p.add_argument("--warmup-ms", type=int, default=20)
    p.add_argument("--big-pages", type=int, default=1000000)
    p.add_argument("--big-calls", type=int, default=3)
    p.add_argument("--report-calls", type=int, default=1000000)
    p.add_argument("--fork-count", type=int, default=1000,
                   help="children of each fork-heavy kind per run")
    return p.parse_args()


class Runner:
    """Runs numabench under a variant and checks what the variant saw."""

    def __init__(self, opt):
        self.opt = opt
        self.lib = os.environ["NUMASHIM_LIB"]
        self.numashim = os.environ["NS_NUMASHIM"]
        self.numabench = os.environ["NS_NUMABENCH"]
        self.floor_lib = os.environ["NS_FLOOR_LIB"]
        self.runs = 0
        self.env = dict(os.environ)
        self.env.pop("LD_PRELOAD", None)

    def path(self, name):
        self.runs += 1
        return os.path.join(self.opt.tmp, f"{self.runs}-{name}")

    def numabench_argv(self, out, args):
        return [self.numabench, "-o", out, "-w", str(self.opt.warmup_ms)] + args

    def run(self, variant, args, keep=None):
        """numabench ARGS under VARIANT: its result lines, checked. What
        the variant recorded or printed is removed, or kept in KEEP."""
        out = self.path(variant.name + ".out")
        seen = keep or self.path(variant.name + ".seen")
        cmd = variant.wrap(self, seen,
                           self.numabench_argv(out, variant.args + args))
        env = dict(self.env, **variant.env(self))
        with open(out + ".log", "w") as log:
            status = subprocess.call(cmd, env=env, stdout=log, stderr=log)
        if status:
            raise BenchError(f"{variant.name}: {' '.join(cmd)} exited with "
                             f"{status}; see {out}.log")
        results = parse_numabench(out)
        variant.check(self, seen, results)
        if not keep:
            remove(seen)
        return results

    def report_json(self, name, trace):
        res = subprocess.run([self.numashim, "report", "--format", "json",
                              trace], env=self.env, capture_output=True,
                             text=True)
        if res.returncode:
            raise BenchError(f"{name}: {res.stderr.strip()}")
        return json.loads(res.stdout)


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def parse_numabench(path):
    results = {}
    with open(path) as f:
        for line in f:
            fields = dict(kv.split("=", 1) for kv in line.split())
            results[fields["kind"]] = {
                k: (v if k == "kind" else float(v)) for k, v in fields.items()}
    return results


# The huge call: as many pages as --big-pages says.
BIG = ("big", "move_pages", None, True, "move_pages move, huge call")


def kind_of(name):
    return next(k for k in KINDS + [BIG] + FORK_KINDS if k[0] == name)


def expected_calls(results, pages_big):
    """Calls, pages asked, pages located and moved, as the trace should say."""
    want = {c: 0 for c in CALLS}
    pages = {"asked": 0, "located": 0, "on_target": 0}
    for name, r in results.items():
        _, call, npages, moves, _ = kind_of(name)
        npages = pages_big if npages is None else npages
        if not call:
            continue
        want[call] += int(r["calls"])
        if call == "move_pages":
            n = int(r["calls"]) * npages
            pages["asked"] += n
            pages["on_target" if moves else "located"] += n
    return want, pages


class Variant:
    """Bare: numabench alone. The others wrap it."""
    name = "bare"
    label = "bare"
    args = []

    def wrap(self, runner, seen, cmd):
        return cmd

    def env(self, runner):
        return {}

    def check(self, runner, seen, results):
        pass


class Preloaded(Variant):
    name = "preload"
    label = "preloaded, not recording"

    def env(self, runner):
        return {"LD_PRELOAD": runner.lib}


class Recorded(Variant):
    """numashim record, every call checked in the trace."""

    def __init__(self, depth, blocking=True, subbufs=None, label=None):
        self.depth = depth
        self.blocking = blocking
        self.subbufs = subbufs
        self.name = f"record{depth}" + ("" if blocking else "-lossy")
        self.label = label or f"recording, backtrace depth {depth}"
        self.lost = []

    def wrap(self, runner, seen, cmd):
        argv = [runner.numashim, "record", f"--backtrace-depth={self.depth}",
                "-o", seen]
        if self.blocking:
            argv.append("--blocking")
        if self.subbufs:
            argv.append(f"--num-subbuf={self.subbufs}")
        return argv + ["--"] + cmd

    def env(self, runner):
        return {"NUMASHIM_LIB": runner.lib}

    def check(self, runner, seen, results):
        if all(not kind_of(k)[1] for k in results):
            check_registrations(self.name, seen, results)
            return
        report = runner.report_json(self.name, seen)
        self.lost.append(report["discarded_events"])
        want, pages = expected_calls(results, runner.opt.big_pages)
        got = {c: sum(r["calls"] for r in report["rows"] if r["call"] == c)
               for c in CALLS}
        if not self.blocking:
            if not sum(got.values()):
                raise BenchError(f"{self.name}: the trace holds no call")
            return
        if got != want or report["discarded_events"]:
            raise BenchError(f"{self.name}: the trace holds {got} calls and "
                             f"lost {report['discarded_events']} events; "
                             f"the program made {want}")
        check_pages(self.name, report, pages)


class Floor(Recorded):
    """numabench -f recorded: the shim's events around bare calls, by the
    floor library, which numashim record preloads in the shim's place."""

    args = ["-f"]

    def __init__(self, label="floor (LTTng alone)"):
        super().__init__(0, label=label)
        self.name = "floor"

    def env(self, runner):
        return {"NUMASHIM_LIB": runner.floor_lib}


STATEDUMP_START = re.compile(r" lttng_ust_statedump:start: ")


def check_registrations(name, seen, results):
    """A fork-heavy run: every process registered with the session and
    dumped its state (numabench, each child of fork(), each /bin/true it
    became), and the session daemon discarded nothing."""
    want = 1 + sum(int(r["calls"]) * (2 if k == "exec" else 1)
                   for k, r in results.items())
    res = subprocess.run(["babeltrace2", seen], capture_output=True,
                         text=True)
    if res.returncode:
        raise BenchError(f"{name}: babeltrace2 {seen}: {res.stderr.strip()}")
    got = sum(1 for line in res.stdout.splitlines()
              if STATEDUMP_START.search(line))
    discarded = "Tracer discarded" in res.stdout + res.stderr
    if got != want or discarded:
        raise BenchError(f"{name}: the trace holds {got} statedumps, "
                         f"{'with' if discarded else 'without'} discarded "
                         f"events; the run made {want} processes")


def check_pages(name, report, want):
    rows = [r["pages"] for r in report["rows"] if r["call"] == "move_pages"]
    got = {k: sum(r[k] for r in rows) for k in want}
    unknown = sum(r["unknown"] for r in rows)
    if got != want or unknown:
        raise BenchError(f"{name}: the trace tells {got} pages and "
                         f"{unknown} of unknown fate; the program asked {want}")


class Traced(Variant):
    """strace or ltrace, each call it printed counted."""

    def __init__(self, tool, argv, must_work):
        self.name = tool
        self.label = f"under {tool}"
        self.argv = argv
        self.must_work = must_work
        self.broken = None

    def wrap(self, runner, seen, cmd):
        return self.argv + ["-o", seen] + cmd

    def check(self, runner, seen, results):
        want = sum(expected_calls(results, runner.opt.big_pages)[0].values())
        with open(seen) as f:
            got = sum(1 for line in f if TRACED_CALL.match(line))
        if got == want:
            return
        message = f"{self.name} printed {got} of the {want} calls"
        if self.must_work:
            raise BenchError(message)
        self.broken = message


def tracers():
    found = []
    if shutil.which("strace"):
        found.append(Traced("strace", [
            "strace", "-f", "-e", "trace=move_pages,migrate_pages,mbind"],
            True))
    if shutil.which("ltrace"):
        found.append(Traced("ltrace", [
            "ltrace", "-f", "-e", "move_pages+migrate_pages+mbind"], False))
    return found


def summary(samples):
    return {"median": statistics.median(samples), "min": min(samples),
            "max": max(samples), "n": len(samples)}


def interleaved(runner, variants, args, metric):
    """Rounds of every variant in turn; per variant, per kind, the samples."""
    samples = {v.name: {} for v in variants}
    for _ in range(runner.opt.rounds):
        for v in variants:
            for kind, r in runner.run(v, args).items():
                samples[v.name].setdefault(kind, []).append(r[metric])
    return {v: {k: summary(s) for k, s in ks.items()}
            for v, ks in samples.items()}


def per_call(runner):
    variants = ([Variant(), Preloaded(), Recorded(0), Floor(), Recorded(16)] +
                tracers())
    args = ["-t", str(runner.opt.time_ms)] + [k[0] for k in KINDS]
    stats = interleaved(runner, variants, args, "ns_per_call")
    return variants, stats


def big_call(runner):
    # A million-page call writes 16 bytes a page in one burst: 32 MiB of
    # sub-buffers a CPU take it whole, as numashim-record(1) advises.
    variants = [Variant(), Recorded(0, subbufs=32)]
    args = ["-n", str(runner.opt.big_calls), "-p", str(runner.opt.big_pages),
            "big"]
    stats = interleaved(runner, variants, args, "ns_per_call")
    return {v: s["big"] for v, s in stats.items()}


def threads(runner):
    rows = {}
    for j in (1, 2):
        variants = [Variant(), Recorded(16, label="recording, --blocking"),
                    Recorded(16, blocking=False,
                             label="recording, not blocking")]
        args = ["-j", str(j), "-t", str(runner.opt.time_ms), "query1"]
        stats = interleaved(runner, variants, args, "calls_per_s")
        for v in variants:
            rows[(j, v.label)] = (stats[v.name]["query1"],
                                  getattr(v, "lost", None))
    return rows


def forking(runner):
    """A child's life, bare, under numashim record and under the floor."""
    variants = [Variant(), Recorded(0, label="numashim record"),
                Floor()]
    args = ["-w", "0", "-n", str(runner.opt.fork_count)] + \
        [k[0] for k in FORK_KINDS]
    return variants, interleaved(runner, variants, args, "ns_per_call")


def timed(argv, env):
    """Wall seconds and peak resident megabytes of one run of argv."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if status:
        raise BenchError(f"{' '.join(argv)} failed: {err}")
    return elapsed, usage.ru_maxrss / 1024


def report_speed(runner):
    """numashim report and babeltrace2's dummy sink on one trace."""
    trace = os.path.join(runner.opt.tmp, "report-trace")
    results = runner.run(Recorded(16), ["-w", "0", "-n",
                                        str(runner.opt.report_calls),
                                        "query1"], keep=trace)
    tools = {"report": [runner.numashim, "report", trace],
             "babeltrace2": ["babeltrace2", trace, "-c", "sink.utils.dummy"]}
    samples = {name: ([], []) for name in tools}
    for _ in range(runner.opt.rounds):
        for name, argv in tools.items():
            secs, mb = timed(argv, runner.env)
            samples[name][0].append(secs)
            samples[name][1].append(mb)
    remove(trace)
    calls = int(results["query1"]["calls"])
    return calls, {n: (summary(s), summary(m)) for n, (s, m) in samples.items()}


def main():
    opt = options()
    runner = Runner(opt)
    try:
        results = {"kinds": [(k[0], k[4]) for k in KINDS],
                   "per_call": per_call(runner), "big": big_call(runner),
                   "threads": threads(runner),
                   "forking": ([(k[0], k[4]) for k in FORK_KINDS],
                               *forking(runner)),
                   "report": report_speed(runner)}
    except BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    table.print_all(opt, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
