#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check a view of `numashim report --format csv` against its JSON.

csvcheck.py JSON CSV LIST reads the view's JSON (whose figures the other
checkers hold against the programs) and its CSV: the CSV must have a line
per element of the JSON's LIST, in the same order, and each column, named
after a JSON member ("latency_ns.p50" for a nested one), its value; counts
by key are one column, "ENODEV=2 EPERM=1", "1->0=5"; null is an empty field. Exits
1 and names every difference.
"""
import csv
import json
import sys

# Counts by key, one column each: by code, by node move, by value change.
ONE_COLUMN = ("errors", "status", "nodes", "mode", "flags", "nodemask")


def flatten(obj, prefix=""):
    flat = {}
    for key, value in obj.items():
        if isinstance(value, dict) and not key.endswith(ONE_COLUMN):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def as_csv(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def main():
    json_path, csv_path, key = sys.argv[1:]
    with open(json_path) as f:
        want = json.load(f)[key]
    with open(csv_path, newline="") as f:
        got = list(csv.DictReader(f))
    errors = []
    if len(got) != len(want):
        errors.append(f"{len(got)} lines, the JSON has {len(want)} {key}")
    for i, (line, obj) in enumerate(zip(got, want)):
        flat = flatten(obj)
        for column, value in line.items():
            if value != as_csv(flat.get(column)):
                errors.append(f"line {i + 1} {column}: {value!r}, the JSON "
                              f"has {flat.get(column)!r}")
    for err in errors[:50]:
        print("csvcheck:", err, file=sys.stderr)
    print(f"csvcheck: {len(got)} lines of {key}, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
