#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --compare --format json` against both summaries.

comparecheck.py COMPARISON BASELINE EXPERIMENT BASELINE_TRACE EXPERIMENT_TRACE
reads the comparison and each side's own summary (`numashim report
--format json`, with the same filters, whose figures reportcheck.py holds
against the programs): each side's rows summed by call kind and process
name must give every figure of the comparison, with their difference and
its percent of the baseline; the latency percentiles of a name with
several processes, which the summaries cannot add up, are checked against
the latencies in the traces, read with babeltrace2's Python bindings.
Exits 1 and names every difference.
"""
import collections
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reportcheck  # noqa: E402
import tracecheck  # noqa: E402

SIDES = ("baseline", "experiment")
SUMMED = ("calls", "failed", "no_exit", "injected", "bytes", "not_moved")
PAGES = ("asked", "on_target", "elsewhere", "located", "failed", "unknown",
         "not_moved", "injected")


def summed(rows):
    """The figures of rows of one call kind and name, by figure name."""
    fig = collections.Counter()
    fig["processes"] = len(rows)
    lat = [r["latency_ns"] for r in rows if r["latency_ns"]["count"]]
    for r in rows:
        for k in SUMMED:
            fig[k] += r.get(k, 0)
        for k in ("errors", "injected_errors"):
            for code, n in r[k].items():
                fig[f"{k}.{code}"] += n
        fig["latency_ns.count"] += r["latency_ns"]["count"]
        fig["latency_ns.sum"] += r["latency_ns"]["sum"]
        for k in PAGES:
            if "pages" in r:
                fig[f"pages.{k}"] += r["pages"][k]
        for k in ("status", "injected_status"):
            for code, n in r.get("pages", {}).get(k, {}).items():
                fig[f"pages.{k}.{code}"] += n
    fig = dict(fig)
    if rows[0]["call"] != "mbind":
        del fig["bytes"]
    if rows[0]["call"] != "migrate_pages" or "pages" in rows[0]:
        del fig["not_moved"]
    known = bool(lat)
    fig["latency_ns.min"] = min(x["min"] for x in lat) if known else None
    fig["latency_ns.max"] = max(x["max"] for x in lat) if known else None
    fig["latency_ns.mean"] = (fig["latency_ns.sum"] / fig["latency_ns.count"]
                              if known else None)
    for q in reportcheck.QUANTILES:
        # One process: its own percentile; several: from the trace.
        fig[f"latency_ns.{q}"] = lat[0][q] if len(lat) == 1 else (
            "trace" if known else None)
    if "pages" in rows[0]:
        fig["pages.per_second"] = (fig["pages.asked"] * 1e9 /
                                   fig["latency_ns.sum"]
                                   if fig["latency_ns.sum"] else None)
    return fig


def latencies(trace, rows):
    """The trace's latencies by call kind and name, for the rows' processes."""
    names = {(r["call"], r["vpid"]): r["procname"] for r in rows}
    found = collections.defaultdict(list)
    for call in tracecheck.read_trace(trace)[0].values():
        name = names.get((call.kind, call.pid))
        if name is not None and call.exit is not None:
            found[(call.kind, name)].append(int(call.exit["latency_ns"]))
    return found


def close(got, want):
    if isinstance(want, float) or isinstance(got, float):
        return got is not None and abs(got - want) <= 0.05 + abs(want) * 1e-6
    return got == want


def check_side(got, summary, say):
    calls = sum(r["calls"] for r in summary["rows"])
    if got["calls"] != calls:
        say(f"calls {got['calls']}, the summary's rows have {calls}")
    for k in ("numashim_events", "discarded_events", "uncounted_discards",
              "discarded_packets", "calls_without_entry", "warnings"):
        if got[k] != summary[k]:
            say(f"{k} {got[k]}, the summary says {summary[k]}")


def check_figure(f, want, raw, say):
    """want: each side's expected value; "trace": a percentile of raw."""
    values = []
    for side in SIDES:
        w, got = want[side], f[side]
        if w == "trace":
            lat = sorted(raw[side])
            q = reportcheck.QUANTILES[f["figure"].split(".")[1]]
            w = lat[max(math.ceil(q * len(lat)), 1) - 1]
            if abs(got - w) > w * reportcheck.QUANTILE_ERROR:
                say(f"{side} {got}, the trace's is {w}")
            w = got
        elif w is None and got is not None or not close(got, w):
            say(f"{side} {got}, the summary gives {w}")
        values.append(w)
    a, b = values
    diff = None if a is None or b is None else b - a
    if not (diff is None and f["difference"] is None or
            diff is not None and close(f["difference"], diff)):
        say(f"difference {f['difference']}, not {diff}")
    pct = None if diff is None or not a else diff / a * 100
    if not (pct is None and f["percent"] is None or pct is not None and
            f["percent"] is not None and abs(f["percent"] - pct) <= 0.051):
        say(f"percent {f['percent']}, not {pct}")


def main():
    import json
    comp_path, base_path, exp_path, base_trace, exp_trace = sys.argv[1:]
    comparison = json.load(open(comp_path))
    summaries = dict(zip(SIDES, (json.load(open(base_path)),
                                 json.load(open(exp_path)))))
    traces = dict(zip(SIDES, (base_trace, exp_trace)))
    errors = []
    want, raw = {}, {}
    for side in SIDES:
        check_side(comparison[side], summaries[side],
                   lambda m, s=side: errors.append(f"{s}: {m}"))
        groups = collections.defaultdict(list)
        for r in summaries[side]["rows"]:
            groups[(r["call"], r["procname"])].append(r)
        raw[side] = latencies(traces[side], summaries[side]["rows"])
        for key, rows in groups.items():
            for name, v in summed(rows).items():
                want.setdefault(key + (name,), {s: None for s in SIDES})
                want[key + (name,)][side] = v
    seen = set()
    for f in comparison["figures"]:
        key = (f["call"], f["procname"], f["figure"])
        seen.add(key)
        if key not in want:
            errors.append(f"{key}: no such figure in the summaries")
            continue
        w = want[key]
        # A call kind and name missing on one side counts as zero there.
        for side in SIDES:
            if w[side] is None and not f["figure"].startswith(
                    ("latency_ns.m", "latency_ns.p", "pages.per_second")):
                w[side] = 0
        check_figure(f, w, {s: raw[s].get(key[:2], []) for s in SIDES},
                     lambda m, k=key: errors.append(f"{k}: {m}"))
    for key in sorted(set(want) - seen):
        errors.append(f"{key}: missing")
    return tracecheck.finish("comparecheck", errors,
                             f"{len(seen)} figures")


if __name__ == "__main__":
    sys.exit(main())
