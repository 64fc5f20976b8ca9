#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check that a report shows the trace's names safely.

namecheck.py FORMAT REPORT [NAME]... reads REPORT, written in FORMAT
(text, csv, json or html) from a trace whose program chose names holding
control characters and markup. Text and CSV must hold no control
character but the newlines that end their lines, and each NAME escaped as
numashim-report(1) says (\\xHH a byte, \\\\ a backslash); JSON must be
valid UTF-8, parse, and hold each NAME with its bytes that are not UTF-8
as U+FFFD, HTML each NAME with its control characters
as U+FFFD. Exits 1 and names what is wrong.
"""
import csv
import html.parser
import io
import json
import os
import re
import sys

# C0 but the newline, DEL, and C1 as UTF-8.
RAW = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def escaped(name):
    """NAME (str, undecodable bytes as surrogates) as text and CSV show it."""
    out = []
    for ch in name:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif 0xdc80 <= code <= 0xdcff:
            out.append(f"\\x{code - 0xdc00:02x}")
        elif code < 0x20 or 0x7f <= code < 0xa0:
            out.extend(f"\\x{b:02x}" for b in ch.encode())
        else:
            out.append(ch)
    return "".join(out)


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


class Texts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_data(self, data):
        self.texts.append(data)


def check(fmt, data, names):
    text = data.decode("utf-8", "surrogateescape")
    if fmt in ("text", "csv", "html"):
        allowed = RAW if fmt != "html" else re.compile(
            rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
        for m in allowed.finditer(data):
            yield f"raw {m.group()!r} at byte {m.start()}"
    if fmt == "text":
        for name in names:
            if escaped(name) not in text:
                yield f"{escaped(name)!r} not in the text"
    elif fmt == "csv":
        fields = [f for row in csv.reader(io.StringIO(text)) for f in row]
        for name in names:
            if not any(escaped(name) in f for f in fields):
                yield f"no field holds {escaped(name)!r}"
    elif fmt == "json":
        try:
            got = list(strings(json.loads(data.decode("utf-8"))))
        except UnicodeDecodeError as e:
            yield f"not UTF-8: {e}"
            return
        for name in names:
            shown = re.sub("[\udc80-\udcff]", "\ufffd", name)
            if not any(shown in s for s in got):
                yield f"no string holds {shown!r}"
    else:
        parser = Texts()
        parser.feed(text)
        for name in names:
            shown = re.sub("[\x00-\x08\x0a-\x1f]", "\ufffd", name)
            if not any(shown in t for t in parser.texts):
                yield f"no text holds {shown!r}"


def main():
    fmt, path, *names = sys.argv[1:]
    with open(path, "rb") as f:
        data = f.read()
    names = [os.fsdecode(os.fsencode(n)) for n in names]
    errors = list(check(fmt, data, names))
    for err in errors:
        print(f"namecheck: {path}: {err}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
