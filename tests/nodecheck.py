#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --view nodes --format json` against the programs.

nodecheck.py REPORT EXPECT TRACE... [--map FROM TO] derives, from the
move_pages calls the test programs wrote to EXPECT (see expect.c), their
pages by the node each asked for (none for a query), the status it got
(a node or an error code) and the page size the program had; each cell's
bytes must be its pages times that page size. Under a rewrite rule `node FROM -> TO`, given
as --map, the kernel got TO where the program asked for FROM; under
`dry-run`, given as --dry-run, it got no node at all. Only calls
that succeeded count, as a failed call's status array means nothing.
Exits 1 and names every difference.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402


def result(status):
    return status if status >= 0 else tracecheck.status_name(status)


def expected_cells(expected, kernel_node):
    cells = collections.Counter()
    for exp in expected:
        if exp["call"] != "move_pages" or exp["ret"] < 0:
            continue
        nodes = exp["nodes"] if exp["nodes_ptr"] else None
        for i, status in enumerate(exp["status"]):
            if nodes is not None and i >= len(nodes):
                continue
            requested = nodes[i] if nodes is not None else None
            kernel = kernel_node(requested)
            cells[(requested, kernel, result(status),
                   exp["page_size"])] += 1
    return cells


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--map", nargs=2, type=int, action="append", default=[])
    ap.add_argument("--dry-run", action="store_true")
    args, report, expected = tracecheck.checker_inputs(__doc__, ap)

    node_map = dict(args.map)
    want = expected_cells(expected, lambda n: None if args.dry_run else
                          node_map.get(n, n))
    got = collections.Counter()
    errors = []
    for cell in report["nodes"]:
        key = (cell["requested"], cell["kernel"], cell["result"],
               cell["page_size"])
        if key in got:
            errors.append(f"cell {key} given twice")
        got[key] += cell["pages"]
        size = cell["page_size"]
        if cell["bytes"] != (cell["pages"] * size if size else None):
            errors.append(f"cell {key}: {cell['bytes']} bytes for "
                          f"{cell['pages']} pages")
        if cell["rewritten"] != (cell["kernel"] != cell["requested"]):
            errors.append(f"cell {key} rewritten is {cell['rewritten']}")
    for key in sorted(set(got) | set(want), key=str):
        if got[key] != want[key]:
            errors.append(f"{key}: {got[key]} pages, the programs saw "
                          f"{want[key]}")
    if report["warnings"]:
        errors.append(f"warnings {report['warnings']}")
    return tracecheck.finish("nodecheck", errors,
                             f"{sum(want.values())} pages in {len(want)} "
                             "cells")


if __name__ == "__main__":
    sys.exit(main())
