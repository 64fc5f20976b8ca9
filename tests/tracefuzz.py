#!/usr/bin/env python3
# Damaged copies of real traces through numashim report and the sink.
#
#   tracefuzz.py --seed S --variants N --numashim BIN --plugin-dir DIR
#                --work DIR TRACE...
#   tracefuzz.py --self-test
#
# Each variant is a copy of one TRACE folder (a folder with a metadata
# file) with one kind of damage: bits flipped in a stream file or in the
# metadata, a stream file or the metadata cut short, a line of the
# metadata deleted, an event of numashim renamed, one of its fields
# renamed. Each variant goes through RUNS_PER_VARIANT runs drawn from the
# seed among every view and format of the command (and --html) and of
# the sink, so that every combination is drawn many times.
#
# A run passes when (check()):
#  1. it ended by itself before the timeout (the command gives up on a
#     babeltrace2 that makes no progress for --stall-timeout seconds; a
#     run of the sink on a variant that babeltrace2 alone does not end
#     either, or not within half the timeout, is told as a KNOWN hang,
#     out of the sink's reach, and does not fail), without a signal (a status of 128 or more is a signal
#     to the shell) and without a sanitizer report on stderr;
#  2. its exit status is 0 or 1 (numashim-report(1), EXIT STATUS;
#     babeltrace2 exits 1 on an error);
#  3. when it is 1, stderr says what went wrong: for the command, a line
#     naming the damaged trace's folder; for the sink, babeltrace2's
#     "ERROR:" block;
#  4. when it is 1 and the view was printed all the same, the output
#     warns that the trace could not be read to its end;
#  5. when it is 0, the output is what the undamaged trace gives, or it
#     carries a warning, or the damage is one that nothing can see: only
#     stream bytes changed and babeltrace2's own reading of the variant
#     (sink.utils.dummy) ends without error -- a value flipped into
#     another valid value -- or an event renamed out of numashim's
#     provider, whose events are not the report's. Any other damaged
#     metadata file that babeltrace2 accepts (renamed events or fields,
#     a line gone) must be noticed by the report itself.
# --self-test feeds check() wrong answers of each kind and fails unless
# each is rejected.
import argparse
import json
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

VIEWS = ["summary", "failures", "callsites", "nodes", "rewrites",
         "timeline", "policies"]
FORMATS = ["text", "json", "csv", "lami"]
RUNS = ([("cmd", v, f) for v in VIEWS for f in FORMATS] +
        [("html", v, "text") for v in VIEWS] +
        [("sink", v, f) for v in VIEWS for f in FORMATS])
RUNS_PER_VARIANT = 3
TSDL_MAGIC = 0x75d11d57
HEADER = 37
SANITIZER = re.compile(r"ERROR: AddressSanitizer|ERROR: LeakSanitizer|"
                       r"runtime error:|AddressSanitizer:DEADLYSIGNAL")
READ_WARNING = "the trace could not be read to its end"
KNOWN = "known: "
# A frame of a sanitizer's stack in numashim's own code, in any
# folder of analysis/ or cli/.
OUR_FRAME = re.compile(r"/(analysis|cli)/(?:[a-z-]+/)*[a-z-]+\.c:\d+")
FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-f]+ in (.*)$", re.M)


def ours(err):
    """Whether the sanitizer report in err is about numashim's code: a
    runtime error in it, or a crash in its frame or in the library call
    it made. A crash deep inside babeltrace2's plugins is babeltrace2's."""
    m = re.search(r"^(\S+): runtime error:", err, re.M)
    if m:
        return bool(OUR_FRAME.search(m.group(1)))
    frames = [f for n, f in FRAME.findall(err) if int(n) <= 1]
    return any(OUR_FRAME.search(f) for f in frames)


class Variant:
    def __init__(self, index, base, kind, detail, path, unseeable):
        self.index, self.base, self.kind = index, base, kind
        self.detail, self.path = detail, path
        # Nothing can see this damage in a trace babeltrace2 reads: only
        # stream bytes or a clock's figures changed, or an event now has
        # another provider's name.
        self.unseeable = unseeable or "->other:" in detail

    def __str__(self):
        return "variant %d (%s %s of %s)" % (self.index, self.kind,
                                             self.detail, self.base)


# The metadata as text, and whether it was packetized.
def metadata_text(data):
    if len(data) < 4 or struct.unpack("<I", data[:4])[0] != TSDL_MAGIC:
        return data, False
    out, off = bytearray(), 0
    while off + HEADER <= len(data):
        content, packet = struct.unpack("<II", data[off + 24:off + 32])
        out += data[off + HEADER:off + content // 8]
        off += packet // 8
    return bytes(out), True


def packets_whole(data):
    """Whether every metadata packet lies whole in data (or it is text),
    as numashim report checks before babeltrace2 2.0 reads it: on a
    packet cut short, babeltrace2's own src.ctf.fs reads without end,
    before a sink exists."""
    for order in "<>":
        if len(data) >= 4 and struct.unpack(order + "I",
                                            data[:4])[0] == TSDL_MAGIC:
            break
    else:
        return True
    off = 0
    while off < len(data):
        if len(data) - off < HEADER or struct.unpack(
                order + "I", data[off:off + 4])[0] != TSDL_MAGIC:
            return False
        content, packet = struct.unpack(order + "II",
                                        data[off + 24:off + 32])
        if content // 8 < HEADER or packet < content or \
                off + content // 8 > len(data):
            return False
        off += packet // 8
    return True


def stream_files(trace):
    return sorted(f for f in os.listdir(trace)
                  if f != "metadata" and
                  os.path.isfile(os.path.join(trace, f)))


def used_length(data):
    return len(data.rstrip(b"\0")) or len(data)


def flip_bits(rng, data, count):
    data = bytearray(data)
    end = used_length(data)
    places = []
    for _ in range(count):
        at = rng.randrange(end)
        bit = rng.randrange(8)
        data[at] ^= 1 << bit
        places.append("%d.%d" % (at, bit))
    return bytes(data), ",".join(places)


CLOCK = re.compile(rb"\bclock\s*\{.*?\n\};", re.S)


def clock_digits_only(meta, damaged):
    """Whether the damage to the metadata only turned digits of the
    clock class into other digits (its offset, frequency or precision):
    a valid clock for another time origin, seen by no reader, like a
    flip of a timestamp in a stream."""
    text, _ = metadata_text(meta)
    new, _ = metadata_text(damaged)
    if len(text) != len(new):
        return False
    changed = [i for i in range(len(text)) if text[i] != new[i]]
    # A flip outside the text (a packet header) shows in the raw bytes
    # only.
    if not changed or len(changed) != sum(
            a != b for a, b in zip(meta, damaged)):
        return False
    clocks = [m.span() for m in CLOCK.finditer(text)]
    return all(any(lo <= i < hi for lo, hi in clocks) and
               chr(text[i]).isdigit() and chr(new[i]).isdigit()
               for i in changed)


def numashim_events(text):
    return sorted(set(re.findall(rb'name = "(numashim:[a-z_]+)";', text)))


def numashim_fields(text):
    fields = set()
    for block in re.findall(rb'name = "numashim:[^"]+";.*?\n};', text,
                            re.S):
        fields.update(re.findall(rb"\b(_[a-z_]+)(?:\[|;)", block))
    return sorted(fields)


def damage(rng, kind, trace, copy):
    """Damage the copy of trace in place: returns what was done, and
    whether no reader can see it."""
    meta_path = os.path.join(copy, "metadata")
    meta = open(meta_path, "rb").read()
    text, _ = metadata_text(meta)
    streams = stream_files(copy)
    if kind in ("stream-flip", "stream-cut"):
        name = rng.choice(streams)
        path = os.path.join(copy, name)
        data = open(path, "rb").read()
        if kind == "stream-flip":
            data, where = flip_bits(rng, data, rng.choice([1, 1, 2, 8]))
        else:
            at = rng.randrange(used_length(data))
            data, where = data[:at], str(at)
        open(path, "wb").write(data)
        return "%s@%s" % (name, where), True
    if kind == "metadata-flip":
        data, where = flip_bits(rng, meta, rng.choice([1, 1, 3]))
        open(meta_path, "wb").write(data)
        return "@" + where, clock_digits_only(meta, data)
    if kind == "metadata-cut":
        at = rng.randrange(1, len(meta))
        open(meta_path, "wb").write(meta[:at])
        return "@%d" % at, False
    lines = text.split(b"\n")
    if kind == "metadata-line":
        at = rng.randrange(1, len(lines))
        del lines[at]
        detail = "line %d" % (at + 1)
    elif kind == "event-rename":
        events = numashim_events(text)
        old = rng.choice(events)
        new = rng.choice([e for e in events if e != old] +
                         [b"numashim:bogus", b"other:" + old[9:]])
        text = text.replace(b'"' + old + b'"', b'"' + new + b'"', 1)
        lines = text.split(b"\n")
        detail = "%s->%s" % (old.decode(), new.decode())
    else:
        fields = numashim_fields(text)
        old = rng.choice(fields)
        new = rng.choice([f for f in fields if f != old] + [b"_bogus"])
        # One event's field, as a rename in a provider would do.
        spot = [m.start() for m in re.finditer(
            rb"\b" + re.escape(old) + rb"(?=\[|;)", text)]
        at = rng.choice(spot)
        text = text[:at] + new + text[at + len(old):]
        lines = text.split(b"\n")
        detail = "%s->%s@%d" % (old.decode(), new.decode(), at)
    open(meta_path, "wb").write(b"\n".join(lines))
    return detail, False


KINDS = ["stream-flip", "stream-cut", "metadata-flip", "metadata-cut",
         "metadata-line", "event-rename", "field-rename"]


def make_variants(rng, traces, count, work):
    variants = []
    for i in range(count):
        base = traces[i % len(traces)]
        kind = KINDS[(i // len(traces)) % len(KINDS)]
        path = os.path.join(work, "v%04d" % i)
        shutil.copytree(base, path)
        detail, unseeable = damage(rng, kind, base, path)
        v = Variant(i, base, kind, detail, path, unseeable)
        v.sink_safe = packets_whole(
            open(os.path.join(path, "metadata"), "rb").read())
        variants.append(v)
    return variants


class Runner:
    def __init__(self, args):
        self.args = args
        self.env = dict(os.environ)
        self.env["ASAN_OPTIONS"] = ("detect_leaks=0:"
                                    "allocator_may_return_null=1:"
                                    "abort_on_error=0")
        self.env["UBSAN_OPTIONS"] = "print_stacktrace=1"
        # babeltrace2 as the sink runs in it: libasan first, for the
        # sanitized plugin.
        self.bt_env = self.env
        if args.asan_preload:
            self.bt_env = dict(self.env, LD_PRELOAD=args.asan_preload)

    def argv(self, run, trace, html):
        where, view, fmt = run
        if where == "sink":
            return ["babeltrace2", "--plugin-path=" + self.args.plugin_dir,
                    trace, "-c", "sink.numashim.report", "-p",
                    'view="%s",format="%s"' % (view, fmt)]
        argv = [self.args.numashim, "report", "--view", view,
                "--format", fmt,
                "--stall-timeout", str(self.args.stall_timeout)]
        if where == "html":
            argv += ["--html", html]
        return argv + [trace]

    def run(self, run, trace, tag):
        html = os.path.join(self.args.work, tag + ".html")
        env = self.bt_env if run[0] == "sink" else self.env
        try:
            p = subprocess.run(self.argv(run, trace, html), env=env,
                               stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE,
                               timeout=self.args.timeout)
            status = p.returncode
            out, err = p.stdout.decode(errors="replace"), \
                p.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired as e:
            status, out, err = None, "", (e.stderr or b"").decode(
                errors="replace")
        if run[0] == "html" and os.path.exists(html):
            out += open(html, errors="replace").read()
            os.unlink(html)
        return status, out, err

    def babeltrace_status(self, trace):
        """babeltrace2's own reading of trace, no numashim component in
        it: its exit status, or None when it did not end, and the
        seconds it took. It runs as the sink does, under the sanitizer's
        runtime, which slows babeltrace2's own decoding too: the two
        times are then comparable."""
        start = time.monotonic()
        try:
            p = subprocess.run(
                ["babeltrace2", trace, "-c", "sink.utils.dummy"],
                env=self.bt_env,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                timeout=self.args.timeout)
            status = p.returncode
            # The sanitizer turns a crash into a report and exit status
            # 1 (abort_on_error=0): it is still a crash, the abort that
            # abort_on_error=1 would give.
            if SANITIZER.search(p.stderr.decode(errors="replace")):
                status = -signal.SIGABRT
        except subprocess.TimeoutExpired:
            status = None
        return status, time.monotonic() - start


def has_warning(run, out, err):
    if run[2] == "json":
        try:
            if json.loads(out).get("warnings"):
                return True
        except (ValueError, AttributeError):
            pass
    return bool(re.search(r"^(\S+: )?warning: |class=\"warning\"",
                          out + err, re.M))


def read_warning(out):
    # The text of summary_warnings(), in any format's quoting.
    return READ_WARNING in out or '"error-message"' in out


def check(run, variant, result, clean, bt_reads, bt_survives=None,
          bt_prompt=None):
    """None, or why the run fails. clean: the base trace's (status, out);
    bt_reads(): whether babeltrace2 reads the variant to its end;
    bt_survives(): whether it ends by itself, without a signal."""
    bt_survives = bt_survives or (lambda: True)
    status, out, err = result
    broken = status is None or status < 0 or status >= 128
    if SANITIZER.search(err):
        if ours(err):
            return "sanitizer report:\n" + err[-3000:]
        # babeltrace2 crashed: the command's child died, or the sink's
        # babeltrace2 with it.
        if run[0] == "sink":
            broken = True
        elif status == 1:
            return None
    if status is None and run[0] == "sink" and \
            not (bt_prompt or bt_survives)():
        # babeltrace2's own reader hangs, or reads so slowly that a
        # loaded machine takes it past the timeout; no parent of ours
        # watches it.
        return KNOWN + "did not end before the timeout, nor does " \
            "babeltrace2 -c sink.utils.dummy within half of it"
    if broken and run[0] == "sink" and not bt_survives():
        return None  # babeltrace2 itself, without the sink, fails so
    if status is None:
        return "did not end before the timeout"
    if broken:
        return "killed by signal %d" % (-status if status < 0 else
                                        status - 128)
    if status not in (0, 1):
        return "exit status %d" % status
    if status == 1:
        if run[0] == "sink":
            if "ERROR:" not in err:
                return "exit status 1 without babeltrace2's error"
        elif variant.path not in err:
            return "exit status 1 without naming %s: %s" % (variant.path,
                                                            err[-500:])
        # CSV and LAMI give their warnings on stderr.
        if out.strip() and not read_warning(out) and not (
                run[2] in ("csv", "lami") and READ_WARNING in err):
            return "a view printed for a failed read, without a warning"
        return None
    if out == clean[1] or has_warning(run, out, err):
        return None
    if variant.unseeable and bt_reads():
        return None
    return "damaged input reported as valid without a warning"


def self_test():
    v = Variant(0, "/base", "metadata-line", "line 3", "/work/v0000",
                False)
    s = Variant(1, "/base", "stream-flip", "x@1.0", "/work/v0001", True)
    clean = (0, "calls 5\n")
    cmd, sink = ("cmd", "summary", "text"), ("sink", "nodes", "json")
    wrong = [
        (cmd, v, (None, "", ""), "hang"),
        (cmd, v, (-11, "", ""), "segfault"),
        (cmd, v, (134, "", ""), "abort as a shell status"),
        (cmd, v, (1, "", "==1==ERROR: AddressSanitizer: heap-buffer-overflow\n"
                  "    #0 0x1 in put ../analysis/output.c:200\n"),
         "ASan report"),
        (cmd, v, (1, "", "../analysis/x.c:3:1: runtime error: shift"), "UBSan report"),
        (cmd, v, (0, "calls 5\n", "../analysis/views/views.c:34:7: runtime "
                  "error: negation of -2147483648"),
         "UBSan report in a folder of analysis/"),
        (sink, v, (1, "", "ERROR: x\n../analysis/views/views.c:34:7: "
                   "runtime error: negation"),
         "UBSan report of the sink"),
        (cmd, v, (2, "", "/work/v0000: bad"), "undocumented status"),
        (cmd, v, (1, "", "numashim report: cannot read"), "unnamed trace"),
        (sink, v, (1, "", "failed"), "sink error without ERROR:"),
        (cmd, v, (1, "calls 4\n", "/work/v0000: stopped"),
         "partial view without a warning"),
        (cmd, v, (0, "calls 4\n", ""), "changed figures, no warning"),
        (sink, v, (0, '{"calls": 4, "warnings": []}', ""),
         "changed JSON, empty warnings"),
        (cmd, s, (0, "calls 4\n", ""),
         "changed figures of a stream babeltrace2 refuses"),
        (sink, v, (-6, "", "ERROR:"), "sink abort babeltrace2 survives"),
        (cmd, v, (1, "", "==1==ERROR: AddressSanitizer: SEGV\n"
                  "    #0 0x1 in f ../analysis/nodes-text.c:12\n"),
         "crash in our frame"),
        (cmd, v, (1, "", "==1==ERROR: AddressSanitizer: SEGV\n"
                  "    #0 0x1 in watch ../cli/reader.c:80\n"),
         "crash in the command's frame"),
        (cmd, v, (1, "", "==1==ERROR: AddressSanitizer: SEGV\n"
                  "    #0 0x1 in bt_field_x (/lib/libbabeltrace2.so.0)\n"
                  "    #1 0x2 in member ../analysis/events.c:40\n"),
         "our bad call into the library"),
    ]
    right = [
        (cmd, v, (0, "calls 5\n", ""), "same figures"),
        (cmd, v, (0, "calls 4\n\nwarning: 1 calls have an exit\n", ""),
         "warned"),
        (sink, v, (0, '{"calls": 4, "warnings": ["x"]}', ""),
         "warned in JSON"),
        (cmd, v, (1, "", "numashim report: /work/v0000: cut short"),
         "clean error"),
        (cmd, v, (1, "calls 4\nwarning: %s (x)" % READ_WARNING,
                  "/work/v0000: stopped"), "partial view, warned"),
        (cmd, s, (0, "calls 4\n", ""), "undetectable flip"),
        (cmd, v, (1, "", "==1==ERROR: AddressSanitizer: SEGV\n"
                  "    #0 0x1 in f (/lib/libbabeltrace2.so.0+0x4)\n"
                  "    #1 0x2 in g (/lib/babeltrace-plugin-ctf.so+0x3)\n"),
         "babeltrace2's crash, the command's child dead"),
    ]
    failed = 0
    for run, variant, result, what in wrong:
        if check(run, variant, result, clean, lambda: False,
                 lambda: True) is None:
            print("self-test: accepted a wrong answer: %s" % what)
            failed = 1
    # Hangs, by what babeltrace2 alone does with the variant: (run, it
    # ends by itself, it ends within half the timeout, whether the hang
    # is KNOWN, what a wrong verdict would be). The command bounds
    # babeltrace2's hangs: one of the command's is never excused.
    hangs = [
        (cmd, False, False, False, "excused a hang of the command"),
        (sink, False, False, True,
         "a sink hang that babeltrace2 shares is not KNOWN"),
        (sink, True, False, True,
         "a sink hang of a slow babeltrace2 is not KNOWN"),
        (sink, True, True, False,
         "excused a sink hang that babeltrace2 does not share"),
    ]
    for run, survives, prompt, known, what in hangs:
        why = check(run, v, (None, "", ""), clean, lambda: False,
                    lambda: survives, lambda: prompt)
        if why is None or why.startswith(KNOWN) != known:
            print("self-test: " + what)
            failed = 1
    for run, variant, result, what in right:
        if check(run, variant, result, clean, lambda: True,
                 lambda: False) is not None:
            print("self-test: rejected a right answer: %s" % what)
            failed = 1
    # Metadata flips: (original, damaged, unseeable, what).
    meta = (b"clock {\n\tname = \"monotonic\";\n\tfreq = 1000000000;"
            b"\n\toffset = 1796275462042067334;\n};\n"
            b"event {\n\tfields := struct { integer { size = 32; } _x; };"
            b"\n};\n")
    flips = [
        (meta.replace(b"= 179", b"= 178"), True, "the clock's offset"),
        (meta.replace(b"1000000000", b"1000000001"), True,
         "the clock's frequency"),
        (meta.replace(b"size = 32", b"size = 33"), False,
         "an integer's size"),
        (meta.replace(b"= 179", b"= 1y9"), False,
         "a digit of the clock turned into a letter"),
        (meta.replace(b"monotonic", b"monotonia"), False,
         "the clock's name"),
        (meta, False, "no change"),
    ]
    for damaged, unseeable, what in flips:
        if clock_digits_only(meta, damaged) != unseeable:
            print("self-test: a flip of %s called %s" % (
                what, "seeable" if unseeable else "unseeable"))
            failed = 1
    return failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--variants", type=int, default=500)
    ap.add_argument("--numashim")
    ap.add_argument("--plugin-dir")
    ap.add_argument("--asan-preload", default="")
    ap.add_argument("--work")
    ap.add_argument("--timeout", type=float, default=20)
    # Below --timeout, so that the command's own bound is what ends a hang.
    ap.add_argument("--stall-timeout", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("traces", nargs="*")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    print("tracefuzz: seed %d, %d variants" % (args.seed, args.variants))
    rng = random.Random(args.seed)
    variants = make_variants(rng, args.traces, args.variants, args.work)
    runner = Runner(args)
    # Every variant several runs, drawn from a deck of every combination
    # shuffled again each time it runs out.
    plan, deck = [], []
    for v in variants:
        for _ in range(RUNS_PER_VARIANT):
            if not deck:
                deck = RUNS[:]
                rng.shuffle(deck)
            run = deck.pop()
            if run[0] == "sink" and not v.sink_safe:
                run = ("cmd",) + run[1:]
            plan.append((v, run))
    needed = sorted(set((v.base, r) for v, r in plan))
    with ThreadPoolExecutor(args.jobs) as pool:
        clean = dict(zip(needed, pool.map(
            lambda br: runner.run(br[1], br[0], "clean-%d" %
                                  needed.index(br)), needed)))
        for (base, run), (status, out, err) in clean.items():
            if status != 0:
                print("tracefuzz: the undamaged %s fails %s: %s" %
                      (base, run, err))
                return 1
        results = list(pool.map(
            lambda i: runner.run(plan[i][1], plan[i][0].path, "r%d" % i),
            range(len(plan))))
    failures = known = 0
    statuses = {}

    def bt_status(v):
        if v.path not in statuses:
            statuses[v.path] = runner.babeltrace_status(v.path)
        return statuses[v.path][0]

    def bt_prompt(v):
        bt_status(v)
        return statuses[v.path][0] in (0, 1) and \
            statuses[v.path][1] < args.timeout / 2

    for (v, run), result in zip(plan, results):
        why = check(run, v, result, clean[(v.base, run)],
                    lambda: bt_status(v) == 0,
                    lambda: bt_status(v) in (0, 1),
                    lambda: bt_prompt(v))
        if why and why.startswith(KNOWN):
            known += 1
            print("KNOWN: %s, %s: %s" % (v, " ".join(run),
                                         why[len(KNOWN):]))
        elif why:
            failures += 1
            print("FAIL: %s, %s: %s" % (v, " ".join(run), why))
    covered = {r for _, r in plan}
    print("tracefuzz: %d runs of %d variants, %d of %d combinations, "
          "%d failed, %d known hangs of babeltrace2" %
          (len(plan), len(variants), len(covered), len(RUNS), failures,
           known))
    if len(covered) < len(RUNS):
        print("tracefuzz: some combinations were never run")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
