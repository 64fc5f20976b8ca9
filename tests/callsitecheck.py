#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --view callsites --format json` against the programs.

callsitecheck.py REPORT EXPECT TRACE... pairs each call the test programs
wrote to EXPECT (see expect.c) with its call in TRACE, read independently
with tracecheck.py's reader, and places it at its site, the binary and
offset of its ip context. Per site: calls by kind, failed calls and failed
pages as the programs saw them, and the latency the trace holds. The
function of a site is the one the programs name when they made the call
themselves (frame 0); for calls made one frame deeper, and for file:line,
it is what binutils' addr2line says, a symbolizer other than the report's.
Sites must be ranked by calls, then time. Exits 1 and names every
difference.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

# The suffixes GCC gives the copies of a function it specialises; the
# programs and the debug information name the function they came from.
CLONE_SUFFIX = re.compile(r"(\.(constprop|isra|part|cold)\.\d+)+$")


class Site:
    def __init__(self):
        self.by_kind = collections.Counter()
        self.failed = 0
        self.failed_pages = 0
        self.latencies = []
        self.functions = set()


def failed_pages(exp):
    if exp["call"] != "move_pages" or exp["ret"] < 0:
        return 0
    return sum(1 for s in exp["status"] if s < 0)


def expected_sites(traces, expected, errors):
    sites = collections.defaultdict(Site)
    symbols = None
    for call, exp, symbols in tracecheck.paired_calls(traces, expected,
                                                      errors):
        where = symbols.locate(call.pid, call.ctx["ip"])
        site = sites[where]
        site.by_kind[exp["call"]] += 1
        site.failed += exp["ret"] < 0
        site.failed_pages += failed_pages(exp)
        site.latencies.append(int(call.exit["latency_ns"]))
        site.functions.add(exp["func"] if exp["frame"] == 0 else
                           symbols.source(*where)[0])
    return sites, symbols


def check_source(got, symbols, say):
    function, line = symbols.source(got["binary"], got["offset"])
    file, _, number = line.rpartition(":")
    if file == "??":
        if got["file"] is not None:
            say(f"file {got['file']}: addr2line knows none")
    elif (got["file"] is None or
          os.path.basename(got["file"]) != os.path.basename(file) or
          str(got["line"]) != number):
        say(f"at {got['file']}:{got.get('line')}, addr2line says {line}")


def check_site(got, want, symbols, say):
    function = CLONE_SUFFIX.sub("", got["function"] or "")
    if want.functions != {function}:
        say(f"function {got['function']}, the programs say {want.functions}")
    for k, v in (("calls", sum(want.by_kind.values())),
                 ("calls_by_kind", dict(want.by_kind)),
                 ("failed", want.failed),
                 ("failed_pages", want.failed_pages)):
        if got[k] != v:
            say(f"{k} {got[k]}, the programs saw {v}")
    lat = got["latency_ns"]
    if (lat["sum"], lat["max"]) != (sum(want.latencies), max(want.latencies)):
        say(f"latency {lat}, the trace's sum is {sum(want.latencies)} and "
            f"max {max(want.latencies)}")
    check_source(got, symbols, say)


def check_ranking(sites, errors):
    keys = [(s["calls"], s["latency_ns"]["sum"]) for s in sites]
    if keys != sorted(keys, reverse=True):
        errors.append(f"sites not ranked by calls, then time: {keys}")


def main():
    args, report, expected = tracecheck.checker_inputs(__doc__)
    errors = []
    want, symbols = expected_sites(args.traces, expected, errors)

    seen = set()
    for got in report["callsites"]:
        key = (got["binary"], got["offset"])
        seen.add(key)
        if key not in want:
            errors.append(f"site {got['site']}: the programs made no call "
                          "there")
            continue

        def say(msg, site=got["site"]):
            errors.append(f"site {site}: {msg}")
        check_site(got, want[key], symbols, say)
    for key in sorted(set(want) - seen, key=str):
        errors.append(f"site {key} missing")
    check_ranking(report["callsites"], errors)
    if report["warnings"]:
        errors.append(f"warnings {report['warnings']}")

    return tracecheck.finish("callsitecheck", errors,
                             f"{len(report['callsites'])} sites")


if __name__ == "__main__":
    sys.exit(main())
