#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Load `numashim report --format chrome` or `folded` in speedscope.

speedscopecheck.py SPEEDSCOPE chrome|folded FILE [--expect OTHER] serves
speedscope's release (SPEEDSCOPE, the dist/release folder of its npm
package) and FILE on 127.0.0.1, opens FILE in it in headless Chromium,
and reads back its sandwich view, a row per frame with its total and
self weight, profile by profile (speedscope makes one per thread of a
Trace Event Format file). The browser must log no error, and the rows
must be what FILE (or OTHER, an altered copy that must be refused) says:
for chrome, per process and thread, a frame per slice name and
arguments (as speedscope names a slice) whose total is the sum of their
durations, to the 3 digits speedscope shows; for folded, a frame per
function, its total the weight of the stacks it is in, its self weight
that of the stacks it ends, exactly. Exits 0, 1 (a difference) or 77 (no
browser).
"""
import argparse
import collections
import decimal
import functools
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmlcheck  # noqa: E402  (exits 77 without selenium)
from selenium.webdriver.common.by import By  # noqa: E402

# speedscope's durations: a number of 3 significant digits and its unit.
UNITS = {"ns": 1, "µs": 10**3, "ms": 10**6, "s": 10**9}
HEADER = "Total Self Symbol Name"


class Server:
    """An HTTP server of one folder on 127.0.0.1, in a thread."""

    def __init__(self, folder):
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass
        handler = functools.partial(Quiet, directory=folder)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                     handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def weight(text, timed):
    """A figure of the sandwich view, without its percent: ns or a count."""
    text = text.split(" (")[0].replace(",", "")
    if not timed:
        return int(text)
    m = re.fullmatch(r"([0-9.]+)(ns|µs|ms|s)", text)
    if not m:
        raise ValueError(f"duration {text!r}")
    return decimal.Decimal(m[1]) * UNITS[m[2]]


def read_rows(driver, timed, say):
    """The sandwich view's rows: {name: (total, self)}."""
    text = driver.find_element(By.TAG_NAME, "body").text
    if HEADER not in text:
        say(f"no sandwich table: {text[:200]!r}")
        return {}
    cells = text.split(HEADER, 1)[1].strip().split("\n")
    rows = {}
    for i in range(0, len(cells) - 2, 3):
        total, self_, name = cells[i:i + 3]
        if name in rows:
            say(f"{name} has two rows")
        rows[name] = (weight(total, timed), weight(self_, timed))
    return rows


def profile_title(driver):
    """The profile shown, as "calls[12] (pid 12), thread 12 (tid 12) (1/3)"."""
    text = driver.find_element(By.TAG_NAME, "body").text.split("\n")
    return next((line for line in text if re.search(r"\(\d+/\d+\)$", line)),
                text[1] if len(text) > 1 else "")


def shown_profiles(driver, timed, say):
    """Each profile's title and rows, going to the next with n."""
    profiles = {}
    title = profile_title(driver)
    count = int(re.search(r"/(\d+)\)$", title)[1]) if "/" in title else 1
    for i in range(count):
        if i:
            driver.find_element(By.TAG_NAME, "body").send_keys("n")
            deadline = time.monotonic() + 10
            while (profile_title(driver) == title and
                   time.monotonic() < deadline):
                time.sleep(0.1)
        title = profile_title(driver)
        profiles[re.sub(r" \(\d+/\d+\)$", "", title)] = read_rows(
            driver, timed, say)
    return profiles


def chrome_expected(path):
    """Per thread's profile title, each slice frame's total duration."""
    with open(path) as f:
        doc = json.load(f, parse_float=decimal.Decimal)
    names = {}
    totals = collections.defaultdict(collections.Counter)
    for e in doc["traceEvents"]:
        if e["ph"] == "M":
            names[(e["name"], e["pid"], e.get("tid"))] = e["args"]["name"]
    for e in doc["traceEvents"]:
        if e["ph"] != "X":
            continue
        process = names[("process_name", e["pid"], None)]
        thread = names[("thread_name", e["pid"], e["tid"])]
        title = f"{process} (pid {e['pid']}), {thread} (tid {e['tid']})"
        args = json.dumps(e.get("args", {}), separators=(",", ":"),
                          ensure_ascii=False)
        totals[title][f"{e['name']} {args}"] += e["dur"] * 1000
    return totals


def folded_expected(path, title):
    """The one profile's frames: {name: (total, self)}."""
    totals, selfs = collections.Counter(), collections.Counter()
    with open(path) as f:
        for line in f.read().splitlines():
            stack, count = line.rsplit(" ", 1)
            frames = stack.split(";")
            for name in set(frames):
                totals[name] += int(count)
            selfs[frames[-1]] += int(count)
    return {title: {n: (totals[n], selfs[n]) for n in totals}}


def close_enough(shown, want):
    """Whether shown is want to the 3 significant digits speedscope shows."""
    return abs(shown - want) <= max(abs(want) * decimal.Decimal("0.006"), 1)


def compare(profiles, expected, timed, say):
    for title in sorted(set(profiles) | set(expected)):
        got, want = profiles.get(title), expected.get(title)
        if got is None or want is None:
            say(f"profile {title!r} is {'not ' if got is None else ''}shown "
                f"by speedscope, {'not ' if want is None else ''}in the file")
            continue
        for name in sorted(set(got) | set(want)):
            if name not in got or name not in want:
                say(f"{title}: frame {name!r} only in "
                    f"{'the file' if name in want else 'speedscope'}")
            elif timed and not close_enough(got[name][0], want[name]):
                say(f"{title}: {name}: {got[name][0]} ns in speedscope, "
                    f"{want[name]} ns in the file")
            elif not timed and got[name] != want[name]:
                say(f"{title}: {name}: total and self {got[name]} in "
                    f"speedscope, {want[name]} in the file")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("speedscope")
    ap.add_argument("format", choices=("chrome", "folded"))
    ap.add_argument("file")
    ap.add_argument("--expect")
    args = ap.parse_args()
    errors = []
    timed = args.format == "chrome"
    name = os.path.basename(args.file)
    expect = args.expect or args.file
    expected = (chrome_expected(expect) if timed else
                folded_expected(expect, name))

    with tempfile.TemporaryDirectory() as root:
        shutil.copytree(args.speedscope, os.path.join(root, "speedscope"))
        shutil.copy(args.file, os.path.join(root, name))
        server = Server(root)
        driver = htmlcheck.browser()
        try:
            driver.set_window_size(1400, 8000)
            driver.get(f"{server.url}/speedscope/index.html#profileURL="
                       f"{server.url}/{name}&view=sandwich")
            deadline = time.monotonic() + 30
            while (HEADER not in driver.find_element(By.TAG_NAME,
                                                     "body").text and
                   time.monotonic() < deadline):
                time.sleep(0.2)
            profiles = shown_profiles(driver, timed, errors.append)
            for entry in driver.get_log("browser"):
                if entry["level"] == "SEVERE":
                    errors.append(f"browser: {entry['message']}")
        finally:
            driver.quit()
            server.close()
    compare(profiles, expected, timed, errors.append)
    for err in errors[:50]:
        print("speedscopecheck:", err, file=sys.stderr)
    frames = sum(len(rows) for rows in profiles.values())
    print(f"speedscopecheck: {len(profiles)} profiles, {frames} frames, "
          f"{len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
