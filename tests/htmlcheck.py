#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Check `numashim report --html` in headless Chromium against the report.

htmlcheck.py PAGE JSON-DIR [--must-fail PAGE]... loads PAGE by file:// in
one headless Chromium and holds it against the JSON views in JSON-DIR
(summary.json, failures.json, nodes.json, timeline.json, policies.json,
callsites.json, rewrites.json, and threads.json, the summary per
thread),
whose figures
the other checkers hold against the programs: the browser logs no error;
nothing is loaded from elsewhere; the summary table has the JSON's rows,
with the processes' names as text (no markup of theirs came through);
each chart's SVG is there, of non-zero size, and its marks hold the
report's figures: a latency bar per bucket, adding up to the calls of the
kind and spanning its minimum and maximum, as tall as their counts are
ordered, none wider than a sixteenth of the chart nor less than a pixel
tall; a failure bar per code, as long as their counts are ordered,
with the code's explanation and its call sites named by function and
line as the callsites view names them; a heat map cell per cell of the nodes view,
darker where it has more pages; a timeline lane per thread with a mark
per bucket where it made calls, holding its calls and failures, which
add up to the timeline's buckets and to the thread's calls; a timeline
line per series with a point per bucket, higher as its values are; when the trace has policies, and
only then, their section: a bar per thread's policy in force, in a lane
of its thread, from its call to the next, ending where the next begins,
and a table row per range's policy; the call sites' table, a row per
call site in the report's order with its site, function, line, calls
and failed calls, and when the trace has rewrites, their table, a row
per rule with its number, text and calls per kind. A screenshot of each chart must
show more than the background. Each --must-fail page (an altered copy)
must be found to differ. Exits 0, 1 (a difference) or 77 (no browser).
"""
import argparse
import errno
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tracecheck  # noqa: E402

try:
    from PIL import Image
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError as err:
    print(f"SKIP: {err.name} not found (Debian packages python3-selenium, "
          "python3-pil)", file=sys.stderr)
    sys.exit(77)

DRIVER = "/usr/bin/chromedriver"
KINDS = tracecheck.KINDS
# The fewest latency buckets a chart spans (html-charts.c).
LATENCY_SPAN_MIN = 16


def browser():
    if not os.access(DRIVER, os.X_OK):
        print("SKIP: chromedriver not found (Debian packages chromium, "
              "chromium-driver)", file=sys.stderr)
        sys.exit(77)
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--window-size=1000,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def ordered_alike(marks, figures):
    """Whether marks are ordered as figures are, pair by pair."""
    def sign(x):
        return (x > 0) - (x < 0)
    return all(sign(marks[i] - marks[j]) == sign(figures[i] - figures[j])
               for i in range(len(marks)) for j in range(i))


def fnum(el, attr):
    return float(el.get_attribute(attr))


def check_self_contained(html, say):
    for pattern in (r"<script", r"<link", r"\bsrc=", r"\bhref=", r"url\(",
                    r"@import", r"https?://(?!www\.w3\.org/2000/svg\")"):
        if re.search(pattern, html, re.I):
            say(f"the page refers outside itself: {pattern}")


def check_summary(d, rows, say):
    lines = d.find_elements(By.CSS_SELECTOR, "#summary table tr")[1:]
    if len(lines) != len(rows):
        say(f"{len(lines)} summary rows, the report has {len(rows)}")
    for line, row in zip(lines, rows):
        cells = [c.text for c in line.find_elements(By.TAG_NAME, "td")]
        want = [row["call"], f"{row['procname']}[{row['vpid']}]",
                str(row["calls"]), str(row["failed"]), str(row["no_exit"])]
        if cells[:5] != want:
            say(f"summary row {cells[:5]}, the report has {want}")
    for tag in ("b", "i", "img", "script"):
        if d.find_elements(By.TAG_NAME, tag):
            say(f"a <{tag}> element came from the trace's text")


def doc_rows(d, view):
    """The rows of the page's table of view, as dicts by column title."""
    tables = d.find_elements(By.CSS_SELECTOR,
                             f'table.doc[data-view="{view}"]')
    if not tables:
        return None
    lines = tables[0].find_elements(By.TAG_NAME, "tr")
    heads = [h.text for h in lines[0].find_elements(By.TAG_NAME, "th")]
    return [dict(zip(heads, (c.text for c in
                             line.find_elements(By.TAG_NAME, "td"))))
            for line in lines[1:]]


def text_of(v):
    return "" if v is None else str(v)


def check_documents(d, views, say):
    checks = {
        "callsites": (views["callsites"]["callsites"],
                      lambda r: {"Site": r["site"],
                                 "Function": text_of(r.get("function")),
                                 "Line": text_of(r.get("line")),
                                 "Calls": str(r["calls"]),
                                 "Failed": str(r["failed"])}),
        "rewrites": (views["rewrites"]["rewrites"],
                     lambda r: dict({"Rule": str(r["rule"]),
                                     "Rule text": r["text"]},
                                    **{f"{k} calls": str(n)
                                       for k, n in r["calls"].items()})),
    }
    for view, (rows, want_of) in checks.items():
        got = doc_rows(d, view)
        if got is None:
            if rows:
                say(f"no table of {view}, the report has {len(rows)} rows")
            continue
        if len(got) != len(rows):
            say(f"{len(got)} rows of {view}, the report has {len(rows)}")
        for line, row in zip(got, rows):
            want = want_of(row)
            have = {k: line.get(k) for k in want}
            if have != want:
                say(f"{view} row {have}, the report has {want}")


def check_latency(d, rows, say):
    for kind in KINDS:
        mine = [r["latency_ns"] for r in rows if r["call"] == kind]
        charts = d.find_elements(By.ID, f"latency-{kind}")
        if not mine:
            if charts:
                say(f"a latency chart for {kind}, which has no call")
            continue
        if not charts:
            say(f"no latency chart for {kind}")
            continue
        bars = charts[0].find_elements(By.CSS_SELECTOR, "rect.bar")
        counts = [int(b.get_attribute("data-count")) for b in bars]
        lows = [int(b.get_attribute("data-low")) for b in bars]
        highs = [int(b.get_attribute("data-high")) for b in bars]
        if sum(counts) != sum(m["count"] for m in mine):
            say(f"{kind} latency bars hold {sum(counts)} calls")
        least, most = min(m["min"] for m in mine), max(m["max"] for m in mine)
        if not bars or not lows[0] <= least <= highs[0] or \
                not lows[-1] <= most <= highs[-1]:
            say(f"{kind} latency bars do not span {least} to {most} ns")
        xs = [fnum(b, "x") for b in bars]
        if xs != sorted(xs) or lows != sorted(lows):
            say(f"{kind} latency bars out of order")
        if not ordered_alike([fnum(b, "height") for b in bars], counts):
            say(f"{kind} latency bars not as tall as their counts")
        # Narrow on an axis around them, however few; each one seen,
        # however many calls the others have.
        width = fnum(charts[0], "width")
        if any(fnum(b, "width") > width / LATENCY_SPAN_MIN for b in bars):
            say(f"{kind} latency bars wider than a {LATENCY_SPAN_MIN}th of "
                "the chart")
        if any(fnum(b, "height") < 1 for b in bars):
            say(f"{kind} latency bars less than a pixel tall")


def failure_label(g):
    call = "move_pages page" if g["scope"] == "page" else g["call"]
    return f"{call} {g['code']}"


def site_place(site):
    """A call site as the callsites view names it."""
    if not site.get("function"):
        return site["site"]
    where = (f"at {os.path.basename(site['file'])}:{site['line']}"
             if site.get("file") else f"in {site['site']}")
    return f"{site['function']}+{site['function_offset']:#x} {where}"


def check_failure_sites(d, groups, sites, say):
    places = {s["site"]: site_place(s) for s in sites}
    lines = d.find_elements(By.CSS_SELECTOR, "#failures dd.sites")
    if len(lines) != len(groups):
        say(f"{len(lines)} lines of failure sites, the report has "
            f"{len(groups)} codes")
    for line, g in zip(lines, groups):
        got = [(e.get_attribute("data-site"), e.get_attribute("data-count"),
                e.text) for e in line.find_elements(By.CSS_SELECTOR,
                                                    "span.site")]
        want = [(s["site"], str(s["count"]),
                 f"{places.get(s['site'], s['site'])} ({s['count']})")
                for s in g["sites"]]
        if got != want:
            say(f"failure sites {got}, the report has {want}")


def check_failures(d, groups, say):
    bars = d.find_elements(By.CSS_SELECTOR, "#failures-chart rect.bar")
    if len(bars) != len(groups):
        say(f"{len(bars)} failure bars, the report has {len(groups)} codes")
    got = [(b.get_attribute("data-code"), int(b.get_attribute("data-count")))
           for b in bars]
    want = [(failure_label(g), g["count"]) for g in groups]
    if got != want:
        say(f"failure bars {got}, the report has {want}")
    if not ordered_alike([fnum(b, "width") for b in bars],
                         [g["count"] for g in groups]):
        say("failure bars not as long as their counts")
    meanings = [m.text for m in d.find_elements(By.CSS_SELECTOR,
                                                 "#failures dd.meaning")]
    if meanings != [g["meaning"] for g in groups if g["meaning"]]:
        say(f"failure explanations {meanings}")


def result_number(result):
    return result if isinstance(result, int) else \
        -getattr(errno, result.lstrip("-"))


def darkness(fill):
    r, g, b = map(int, re.fullmatch(r"rgb\((\d+),(\d+),(\d+)\)",
                                    fill).groups())
    return -(0.299 * r + 0.587 * g + 0.114 * b)


def check_nodes(d, cells, say):
    marks = d.find_elements(By.CSS_SELECTOR, "#nodes-chart rect.cell")
    none = -1
    got = sorted((int(m.get_attribute("data-requested")),
                  int(m.get_attribute("data-kernel")),
                  int(m.get_attribute("data-result")),
                  int(m.get_attribute("data-pages"))) for m in marks)
    want = sorted((none if c["requested"] is None else c["requested"],
                   none if c["kernel"] is None else c["kernel"],
                   result_number(c["result"]), c["pages"]) for c in cells)
    if got != want:
        say(f"heat map cells {got}, the report has {want}")
    if not ordered_alike([darkness(m.get_attribute("fill")) for m in marks],
                         [int(m.get_attribute("data-pages")) for m in marks]):
        say("heat map cells not as dark as their pages")


def timeline_series(t):
    """The lines of each chart; the policy calls' only when they exist."""
    def calls_of(kinds):
        return {k: [b["calls"][k] for b in t["buckets"]] for k in kinds}
    calls = calls_of(KINDS[:3])
    calls["failed"] = [sum(b["failed"].values()) for b in t["buckets"]]
    policy = calls_of(KINDS[3:])
    pages = {f"node {n}": [b["moved"][str(n)] for b in t["buckets"]]
             for n in t["nodes"]}
    pages["not migrated"] = [b["not_migrated"] for b in t["buckets"]]
    charts = {"timeline-calls": calls, "timeline-pages": pages}
    if any(any(v) for v in policy.values()):
        charts["timeline-policy"] = policy
    return charts


def policy_bar(r):
    return (r["vpid"], r["tid"], r["time_ns"], r["until_ns"], r["mode"],
            r["mode_flags"], r["nodes"], r["weights"])


def bar_of(m):
    def attr(name):
        return m.get_attribute(f"data-{name}") or None
    until = attr("until")
    return (int(attr("vpid")), int(attr("tid")), int(attr("from")),
            until and int(until), attr("mode"), attr("mode-flags"),
            attr("nodes"), attr("weights"))


def check_lanes(bars, say):
    """A lane per thread; each bar from its call, ending where the
    thread's next begins, and those to the end of the trace together."""
    lanes, ends = {}, set()
    for (m, b), nxt in zip(bars, bars[1:] + [None]):
        x, w = fnum(m, "x"), fnum(m, "width")
        lanes.setdefault(b[:2], set()).add(fnum(m, "y"))
        if b[3] is None and w > 1:  # not drawn 1 wide as too short
            ends.add(round(x + w, 2))
        elif nxt and nxt[1][:2] == b[:2] and nxt[1][2] == b[3] and \
                w > 1 and abs(x + w - fnum(nxt[0], "x")) > 0.02:
            say(f"policy bar {b} does not end where the next begins")
    ys = [y for v in lanes.values() for y in v]
    if any(len(v) != 1 for v in lanes.values()) or len(set(ys)) != len(ys):
        say(f"policy bars not in a lane per thread: {lanes}")
    if len(ends) > 1:
        say(f"policies in force to the end of the trace end at {ends}")
    xs, times = [fnum(m, "x") for m, _ in bars], [b[2] for _, b in bars]
    if any(xs[i] > xs[j] for i in range(len(xs)) for j in range(len(xs))
           if times[i] < times[j]):
        say("policy bars not placed in the order of their calls")


def range_cells(r):
    if r["scope"] == "range":
        policy = [r["mode"], r["mode_flags"], r["nodes"] or "unknown",
                  r["weights"] or "", r["flags"]]
    else:
        policy = [f"home node {r['home_node']}"]
    return [f"{r['procname']}[{r['vpid']}]", r["scope"], hex(r["start"]),
            hex(r["end"]), *policy, str(r["calls"])]


def check_policies(d, doc, say):
    sections = d.find_elements(By.ID, "policies")
    if not doc["policies"] and not doc["refused"]:
        if sections:
            say("a policies section for a trace without policies")
        return
    if not sections:
        return say("no policies section")
    marks = d.find_elements(By.CSS_SELECTOR, "#policies-threads rect.policy")
    bars = [bar_of(m) for m in marks]
    want = [policy_bar(r) for r in doc["policies"] if r["scope"] == "thread"]
    if bars != want:
        say(f"policy bars {bars}, the report has {want}")
    check_lanes(list(zip(marks, bars)), say)
    lines = d.find_elements(By.CSS_SELECTOR, "#policy-ranges tr")[1:]
    ranges = [r for r in doc["policies"] if r["scope"] != "thread"]
    if len(lines) != len(ranges):
        say(f"{len(lines)} range rows, the report has {len(ranges)}")
    for line, r in zip(lines, ranges):
        cells = [c.text for c in line.find_elements(By.TAG_NAME, "td")]
        want = range_cells(r)
        if cells[:len(want)] != want or cells[-1] != r["site"] or \
                abs(float(cells[-2]) - float(cells[-3]) -
                    (r["last_ns"] - r["time_ns"]) / 1e9) > 2e-6:
            say(f"range row {cells}, the report has {want}, "
                f"{r['time_ns']}..{r['last_ns']}, {r['site']}")
    refused = d.find_element(By.ID, "policies").text
    if f"{len(doc['refused'])} policy calls the kernel refused" \
            not in refused:
        say(f"the policies section does not count {len(doc['refused'])} "
            "refused calls")


def check_timeline_lanes(d, t, threads, say):
    """The lanes' marks against the timeline's buckets and the calls of
    each thread (the summary per thread, less its calls without exit)."""
    marks = d.find_elements(By.CSS_SELECTOR, "#timeline-lanes rect.calls")
    by_bucket, by_thread, failed = {}, {}, {}
    for m in marks:
        b, key = int(m.get_attribute("data-bucket")), (
            int(m.get_attribute("data-pid")), int(m.get_attribute("data-tid")))
        n = int(m.get_attribute("data-calls"))
        by_bucket[b] = by_bucket.get(b, 0) + n
        by_thread[key] = by_thread.get(key, 0) + n
        failed[b] = failed.get(b, 0) + int(m.get_attribute("data-failed"))
    want_b = {i: sum(bk["calls"].values())
              for i, bk in enumerate(t["buckets"]) if sum(bk["calls"].values())}
    want_f = {i: sum(bk["failed"].values())
              for i, bk in enumerate(t["buckets"]) if i in want_b}
    if by_bucket != want_b or failed != want_f:
        say(f"lane marks by bucket {by_bucket} calls, {failed} failed; the "
            f"timeline has {want_b} and {want_f}")
    want_t = {}
    for r in threads:
        key = (r["vpid"], r["tid"])
        want_t[key] = want_t.get(key, 0) + r["calls"] - r["no_exit"]
    want_t = {k: v for k, v in want_t.items() if v}
    if by_thread != want_t:
        say(f"lanes {by_thread} calls by thread, the summary per thread "
            f"{want_t}")


def check_timeline(d, t, say):
    for chart, want in timeline_series(t).items():
        lines = d.find_elements(By.CSS_SELECTOR, f"#{chart} polyline.line")
        got = {ln.get_attribute("data-series"):
               [int(v) for v in ln.get_attribute("data-values").split()]
               for ln in lines}
        if got != want:
            say(f"{chart} lines {got}, the report has {want}")
        values, heights = [], []
        for ln in lines:
            points = ln.get_attribute("points").split()
            values += [int(v) for v in ln.get_attribute("data-values").split()]
            heights += [-float(p.split(",")[1]) for p in points]
        if len(heights) != len(values) or not ordered_alike(heights, values):
            say(f"{chart} points not as high as their values")


# Each mark's box in its chart, in CSS pixels.
MARK_BOXES = """
const chart = arguments[0].getBoundingClientRect();
return Array.from(arguments[0].querySelectorAll(
    "rect.bar, rect.cell, rect.policy, rect.calls, polyline.line"), m => {
  const r = m.getBoundingClientRect();
  return [r.left - chart.left, r.top - chart.top, r.width, r.height];
});
"""


def painted(shot, box, scale, background):
    """Whether some pixel of the screenshot in box is not background."""
    x, y, w, h = (round(v * scale) for v in box)
    crop = shot.crop((x, y, x + max(w, 1), y + max(h, 1)))
    return any(p != background for p in crop.getdata())


def check_pixels(d, say):
    """A screenshot of each chart: its marks are drawn where they are."""
    scale = d.execute_script("return window.devicePixelRatio")
    background = (255, 255, 255)
    for chart in d.find_elements(By.CSS_SELECTOR, "svg.chart"):
        name = chart.get_attribute("id")
        if not chart.size["width"] or not chart.size["height"]:
            say(f"chart {name} has no size")
            continue
        shot = Image.open(io.BytesIO(chart.screenshot_as_png)).convert("RGB")
        if all(p == background for p in shot.getdata()):
            say(f"chart {name} shows nothing but its background")
        boxes = [b for b in d.execute_script(MARK_BOXES, chart)
                 if b[2] >= 1 and b[3] >= 1]
        blank = [b for b in boxes if not painted(shot, b, scale, background)]
        if not boxes or blank:
            say(f"chart {name}: {len(blank)} of its {len(boxes)} marks "
                "show nothing on the screen")


def check_page(d, path, views):
    errors = []
    say = errors.append
    with open(path, encoding="utf-8") as f:
        check_self_contained(f.read(), say)
    d.get("file://" + os.path.abspath(path))
    for entry in d.get_log("browser"):
        if entry["level"] == "SEVERE":
            say(f"browser error: {entry['message']}")
    for chart in ("failures-chart", "nodes-chart", "timeline-calls",
                  "timeline-pages"):
        if not d.find_elements(By.ID, chart):
            say(f"no chart {chart}")
    check_summary(d, views["summary"]["rows"], say)
    check_latency(d, views["summary"]["rows"], say)
    check_failures(d, views["failures"]["failures"], say)
    check_failure_sites(d, views["failures"]["failures"],
                        views["callsites"]["callsites"], say)
    check_nodes(d, views["nodes"]["nodes"], say)
    check_timeline(d, views["timeline"], say)
    check_timeline_lanes(d, views["timeline"], views["threads"]["rows"], say)
    check_policies(d, views["policies"], say)
    check_documents(d, views, say)
    check_pixels(d, say)
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page")
    ap.add_argument("json_dir")
    ap.add_argument("--must-fail", action="append", default=[])
    args = ap.parse_args()
    views = {}
    for view in ("summary", "failures", "nodes", "timeline", "policies",
                 "callsites", "rewrites", "threads"):
        with open(os.path.join(args.json_dir, f"{view}.json")) as f:
            views[view] = json.load(f)

    d = browser()
    try:
        errors = check_page(d, args.page, views)
        for altered in args.must_fail:
            if not check_page(d, altered, views):
                errors.append(f"{altered}: an altered page passed")
    finally:
        d.quit()
    for err in errors[:50]:
        print("htmlcheck:", err, file=sys.stderr)
    print(f"htmlcheck: {len(views['summary']['rows'])} summary rows, "
          f"{len(views['failures']['failures'])} failure codes, "
          f"{len(views['nodes']['nodes'])} node cells, "
          f"{len(views['timeline']['buckets'])} buckets, "
          f"{len(views['policies']['policies'])} policies in force, "
          f"{len(views['callsites']['callsites'])} call sites, "
          f"{len(views['rewrites']['rewrites'])} rules, "
          f"{len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
