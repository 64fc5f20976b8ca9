# SPDX-License-Identifier: LGPL-2.1-or-later
"""The benchmarks' tables: the machine, the figures of each part, and the
issue's targets with whether this run met them and by how much it missed.
"""
import glob
import os
import platform
import time

PER_PAGE_NS_MAX = 3


def machine():
    with open("/proc/cpuinfo") as f:
        model = next((line.split(":", 1)[1].strip() for line in f
                      if line.startswith("model name")), "unknown CPU")
    nodes = len(glob.glob("/sys/devices/system/node/node[0-9]*"))
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    return (f"{time.strftime('%Y-%m-%d %H:%M')}, {model}, "
            f"{os.cpu_count()} CPUs, {nodes} NUMA node(s), "
            f"Linux {platform.release()}, load average {load}")


def us(ns):
    return f"{ns / 1000:.3f}"


def spread(s, fmt):
    return f"{fmt(s['median']):>10} {'[' + fmt(s['min']) + '-' + fmt(s['max']) + ']':<24}"


def print_per_call(opt, kinds, variants, stats, notes):
    print(f"PER CALL (microseconds a call: median [min-max] of "
          f"{opt.rounds} rounds; x bare: ratio of the medians)")
    print(f"{'call':30} {'variant':28} {'median':>10} {'[min-max]':<24} {'x bare':>8}")
    for kind, label in kinds:
        bare = stats["bare"][kind]["median"]
        for v in variants:
            s = stats[v.name][kind]
            ratio = f"{s['median'] / bare:8.2f}"
            if getattr(v, "broken", None):
                ratio = "   n/a *"
                notes.add(f"* {v.broken}: its figures time the program, "
                          "not the tracing")
            print(f"{label:30} {v.label:28} {spread(s, us)} {ratio}")
        print()


def added(stats, variant, kind):
    """What recording adds to a call, in ns: a difference of medians."""
    return stats[variant][kind]["median"] - stats["bare"][kind]["median"]


def above_floor(stats, kind):
    floor = added(stats, "floor", kind)
    return added(stats, "record0", kind) / floor if floor > 0 else float("inf")


def print_added(kinds, stats):
    print("ADDED BY RECORDING (microseconds a call over bare, medians; "
          "floor: the same events around a bare call, LTTng alone)")
    print(f"{'call':30} {'numashim, depth 0':>18} {'floor':>10} "
          f"{'x floor':>8}")
    for kind, label in kinds:
        print(f"{label:30} {us(added(stats, 'record0', kind)):>18} "
              f"{us(added(stats, 'floor', kind)):>10} "
              f"{above_floor(stats, kind):8.2f}")
    print()


def per_page(big, opt):
    return (big["record0"]["median"] - big["bare"]["median"]) / opt.big_pages


def print_big(opt, big):
    print(f"HUGE CALL ({opt.big_pages} pages moved to their own node, "
          f"{opt.big_calls} calls a run; milliseconds a call)")
    for name, label in (("bare", "bare"),
                        ("record0", "recording, arrays whole")):
        print(f"{label:30} "
              f"{spread(big[name], lambda v: f'{v / 1e6:.1f}')}".rstrip())
    print(f"{'recording cost per page':30} "
          f"{per_page(big, opt):10.2f} ns\n")


def print_threads(opt, rows):
    print("THREADS (move_pages status of 1 page, calls per second of all "
          "threads: median [min-max]; events lost in all rounds)")
    for (j, label), (s, lost) in rows.items():
        lost = "" if lost is None else f"{sum(lost):>10} lost"
        print(f"{j} thread{'s' if j > 1 else ' '} {label:28} "
              f"{spread(s, lambda v: f'{v:.0f}')} {lost}")
    print()


def fork_ratio(stats, kind):
    return stats["record0"][kind]["median"] / stats["floor"][kind]["median"]


def print_forking(opt, forking):
    kinds, variants, stats = forking
    print(f"FORK-HEAVY ({opt.fork_count} children of each kind a run; "
          "milliseconds a child, from fork() to its end: median [min-max]; "
          "x floor: ratio of the medians)")
    for kind, label in kinds:
        for v in variants:
            s = stats[v.name][kind]
            ratio = (f"{s['median'] / stats['floor'][kind]['median']:8.2f}"
                     if v.name != "bare" else "")
            print(f"{label:20} {v.label:22} "
                  f"{spread(s, lambda v: f'{v / 1e6:.3f}')} {ratio}".rstrip())
    print()


def print_report(opt, report):
    calls, tools = report
    print(f"REPORT (a trace of {calls} calls; seconds: median [min-max]; "
          "peak resident memory)")
    for name, (secs, mb) in tools.items():
        label = ("numashim report" if name == "report" else
                 "babeltrace2 -c sink.utils.dummy")
        print(f"{label:40} {spread(secs, lambda v: f'{v:.2f}')}"
              f" {mb['max']:6.0f} MB")
    print()


def verdict(value, limit, at_most):
    ok = value <= limit if at_most else value >= limit
    if ok:
        return "yes"
    if not limit:
        return "no"
    miss = value / limit - 1 if at_most else 1 - value / limit
    return f"no, {abs(miss) * 100:.0f}% {'over' if at_most else 'short'}"


def strace_factor(stats):
    bare = stats["bare"]["query1"]["median"]
    traced = stats["strace"]["query1"]["median"] - bare
    recorded = stats["record16"]["query1"]["median"] - bare
    return traced / recorded if recorded > 0 else float("inf")


def targets(opt, per_call, big, threads, forking, report):
    variants, stats = per_call

    def ratio(v, kind):
        return stats[v][kind]["median"] / stats["bare"][kind]["median"]

    rows = [
        ("not recording, 1-page query", ratio("preload", "query1"), 1.02,
         True, "x"),
        ("recording, 1-page query: added / floor's added",
         above_floor(stats, "query1"), 1.3, True, "x"),
        ("recording, 512-page query", ratio("record0", "query512"), 1.05,
         True, "x"),
        ("recording, depth 16, 1-page query", ratio("record16", "query1"),
         2.5, True, "x"),
        ("recording cost per page, huge call", per_page(big, opt),
         PER_PAGE_NS_MAX, True, " ns"),
    ]
    if "strace" in stats:
        rows.append(("strace's added time / ours, 1-page query",
                     strace_factor(stats), 100, False, "x"))
    _, _, fork_stats = forking
    rows += [(f"{label} recorded / under the floor",
              fork_ratio(fork_stats, kind), 2, True, "x")
             for kind, label in forking[0]]
    lost = sum(sum(lost) for (_, label), (_, lost) in threads.items()
               if label.endswith("--blocking"))
    rows.append(("events lost with --blocking, 1 and 2 threads", lost, 0,
                 True, ""))
    _, tools = report
    rows.append(("numashim report / babeltrace2 dummy sink",
                 tools["report"][0]["median"] /
                 tools["babeltrace2"][0]["median"], 1.3, True, "x"))
    rows.append(("numashim report peak memory", tools["report"][1]["max"],
                 200, True, " MB"))
    return rows


def print_targets(rows):
    print("TARGETS")
    print(f"{'target':50} {'limit':>10} {'this run':>10}  met")
    for label, value, limit, at_most, unit in rows:
        bound = f"{'<=' if at_most else '>='} {limit:g}{unit}"
        print(f"{label:50} {bound:>10} {f'{value:.2f}{unit}':>10}"
              f"  {verdict(value, limit, at_most)}")


def print_all(opt, results):
    notes = set()
    print(f"numashim benchmarks: {machine()}\n")
    print_per_call(opt, results["kinds"], *results["per_call"], notes)
    print_added(results["kinds"], results["per_call"][1])
    print_big(opt, results["big"])
    print_threads(opt, results["threads"])
    print_forking(opt, results["forking"])
    print_report(opt, results["report"])
    print_targets(targets(opt, results["per_call"], results["big"],
                          results["threads"], results["forking"],
                          results["report"]))
    for note in sorted(notes):
        print(note)
