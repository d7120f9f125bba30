"""Hostile input, part 2 (issue 16, items 3, 4, 6, 8 and 10): bounded time and
memory whatever the input, no reader waiting on a FIFO or device, and the
--no-proposed gate closed to every status that is not accepted.
Each check here failed before the fix (see the commit messages)."""

import json
import os
import re
import subprocess
import threading
import time

from harness import BIN, SOURCE, check, env, expect, finish, run, scratch

TODAY = {"MAKEORBUY_TODAY": "2026-11-29"}
REQUIRED = ["--stage", "growth", "--monthly-spend", "8000", "--latency", "batch", "--compliance", "none",
            "--team-size", "3"]
ASAN = "ASAN_OPTIONS" in os.environ
SLOW = 10 if ASAN else 1  # sanitizers slow everything down about tenfold
# Under the sanitizers the 100 MB adr check and the 10,000-question rules are
# cut to one record and 1,000 questions (memory is not measured there either);
# MAKEORBUY_HEAVY=1 runs them in full.
HEAVY = os.environ.get("MAKEORBUY_HEAVY") == "1" or not ASAN


def timed_rss(*args, stdin=None, environment=None, timeout=120):
    """Runs the binary under /usr/bin/time -v; returns (CompletedProcess, seconds, peak RSS in MB)."""
    start = time.monotonic()
    r = subprocess.run(["/usr/bin/time", "-v", BIN, *args], capture_output=True, text=True, errors="replace",
                       stdin=subprocess.DEVNULL if stdin is None else None, input=stdin,
                       env=environment or env(), timeout=timeout)
    seconds = time.monotonic() - start
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    rss = int(found.group(1)) / 1024 if found else float("inf")
    r.stderr = r.stderr[: r.stderr.rfind("\tCommand being timed")] if "\tCommand being timed" in r.stderr else r.stderr
    shown = " ".join(os.path.basename(a) if os.path.isabs(a) else a for a in args)
    print(f"measured: {seconds:6.2f} s {rss:6.0f} MB peak  makeorbuy {shown[:90]}")  # figures for the notes
    return r, seconds, rss


def write(path, content, mode="w"):
    with open(path, mode) as f:
        f.write(content)
    return path


tmp = scratch()

# --- 6. A location lookup that does not rescan the line: 160k unknown keys on one line take
#     about as long as on separate lines (18 s against 1.2 s before).
keys = 16_000 if ASAN else 160_000  # the sanitizers: a tenth of each size, same checks
one_line = write(os.path.join(tmp, "one-line.json"),
                 "{" + ", ".join(f'"k{i}": 1' for i in range(keys)) + "}")
many_lines = write(os.path.join(tmp, "many-lines.json"),
                   "{\n" + ",\n".join(f'"k{i}": 1' for i in range(keys)) + "\n}")
r1, t1, _ = timed_rss("recommend", "--config", one_line, *REQUIRED)
r2, t2, _ = timed_rss("recommend", "--config", many_lines, *REQUIRED)
expect(r1, 2, "160k unknown keys on one line")
# The bounds below catch a hang or a quadratic walk, not a slow machine (speed is measured
# in tests/bench): each is several times what a loaded 2-core machine takes.
check(t1 < 12.0 * SLOW, f"160k unknown keys on one line: {t1:.2f}s (< {12 * SLOW}s; was 18 s)")
check(t1 < 3 * t2 + 0.5, f"one line ({t1:.2f}s) about as fast as many lines ({t2:.2f}s)")
check(":1:" in r1.stderr and "unknown question 'k0'" in r1.stderr, "one line: the first key located",
      r1.stderr[:500])
# rules validate with 40k errors on one 3 MB line.
rules_line = write(os.path.join(tmp, "rules-line.json"),
                   '{"id": "x", "version": "1", "title": "t", "questions": [], "options": [], "rules": ['
                   + ", ".join(f'{{"id": "r{i}", "effects": {{"nope-{i}": 1}}, "rationale": "r"}}'
                               for i in range(4_000 if ASAN else 40_000)) + "]}")
rules_lines = write(os.path.join(tmp, "rules-lines.json"), open(rules_line).read().replace("}, {", "},\n{"))
r, t, _ = timed_rss("rules", "validate", rules_line)
r2, t2, _ = timed_rss("rules", "validate", rules_lines)
expect(r, 2, "rules validate with 40k errors on one line")
check(t < 3 * t2 + 0.5, f"rules validate, 40k errors: one line ({t:.2f}s) about as fast as many ({t2:.2f}s); was 8 s")

# --- 4. Caps on what is kept and printed: "... and N more", bounded memory.
repeats = 100_000 if ASAN else 1_000_000
repeated = write(os.path.join(tmp, "repeated.toml"), "stage = 1\n" * repeats)
r, t, rss = timed_rss("recommend", "--config", repeated, *REQUIRED)
expect(r, 2, "a flags file with 1M repeated keys")
check(rss < 100 or ASAN, f"1M repeated keys: peak {rss:.0f} MB (< 100 MB; was 316 MB)")
check(len(r.stderr) < 64 * 1024, f"1M repeated keys: {len(r.stderr)} bytes of errors (was 94 MB)")
check(f"... and {repeats - 100:,} more errors" in r.stderr, "1M repeated keys: the rest counted", r.stderr[-600:])
check(r.stderr.count("\n") <= 110, f"1M repeated keys: {r.stderr.count(chr(10))} lines of errors")

# adr check on hostile records: links to one 2.5 MB record with 200k unknown keys (41 of them,
# about 100 MB, with MAKEORBUY_HEAVY=1).
hostile = os.path.join(tmp, "hostile-records")
os.mkdir(hostile)
head = """---
status: "accepted"
makeorbuy:
  schema: 1
  rules: "default@2026.11"
  answers:
    stage: growth
    monthly-spend: 8000
    latency: batch
    compliance: none
    team-size: 3
  recommended: frontier-api
  chosen: frontier-api
"""
unknown_keys = 20_000 if ASAN else 200_000
first = write(os.path.join(hostile, "0000-hostile.md"),
              head + "".join(f"  k{i:06}: 1\n" for i in range(unknown_keys)) + "---\n\n# Hostile\n")
copies = 41 if HEAVY else 1
for n in range(1, copies):
    os.link(first, os.path.join(hostile, f"{n:04}-hostile.md"))
total = sum(os.path.getsize(os.path.join(hostile, f)) for f in os.listdir(hostile))
check(total > copies * unknown_keys * 12, f"the hostile records hold {total / (1 << 20):.0f} MB")
for fmt in ("text", "json"):  # about 1.5 s each for 100 MB (release build, 2 cores)
    r, t, rss = timed_rss("adr", "check", hostile, "--format", fmt, environment=env(**TODAY), timeout=300)
    expect(r, 1, f"adr check --format {fmt} on {total >> 20} MB of hostile records")
    check(rss < 200 or ASAN, f"adr check --format {fmt} on {total >> 20} MB of hostile records: peak {rss:.0f} MB "
                             "(< 200 MB; 100 MB took 3 GB before)")
    check(len(r.stdout) < 8 << 20, f"adr check --format {fmt}: {len(r.stdout) >> 10} KB of output (was 684 MB)")
    counted = f'"errors": {unknown_keys - 100}' if fmt == "json" else f"{unknown_keys - 100:,} more errors"
    check(counted in r.stdout, f"adr check --format {fmt}: the rest counted", r.stdout[-600:])

# Across records: at most 10,000 findings shown in all; the rest counted per record.
many = os.path.join(tmp, "many-records")
os.mkdir(many)
body = head + "".join(f"  k{i:03}: 1\n" for i in range(100)) + "---\n"
for n in range(150):
    write(os.path.join(many, f"{n:04}-r.md"), body)
r, t, rss = timed_rss("adr", "check", many, environment=env(**TODAY))
expect(r, 1, "adr check on 150 records with 100 findings each")
check(r.stdout.count("unknown key") == 10_000, f"150 x 100 findings: 10,000 shown ({r.stdout.count('unknown key')})")
check("... and 100 more errors in this record" in r.stdout, "150 x 100 findings: the rest counted",
      r.stdout[-800:])

# --- 3. The tipping-point search is bounded: rules with 1,000 number questions in well under a
#     second (74 s before), 10,000 stop at the budget and say so.
def hostile_rules(n):
    with open(os.path.join(SOURCE, "rules", "default.json")) as f:
        rules = json.load(f)
    for i in range(n):
        rules["questions"].append({"key": f"q{i}", "prompt": f"Q{i}?", "help": "h", "type": "number",
                                   "min": 0, "max": 100, "default": 50})
        rules["rules"].append({"id": f"r{i}", "when": {f"q{i}": {"gte": 40 + i % 20}},
                               "effects": {"frontier-api": 1 if i % 2 else -1}, "weight": 0.001,
                               "rationale": "r", "guide": "g"})
    path = os.path.join(tmp, f"rules-{n}.json")
    with open(path, "w") as f:
        json.dump(rules, f)
    return path


for n, limit in ((1_000, 5.0), (10_000, 30.0)) if HEAVY else ((1_000, 5.0),):  # were 74 s and over 300 s
    path = hostile_rules(n)
    r, t, rss = timed_rss("recommend", "--rules", path, *REQUIRED, "--format", "json", timeout=300)
    expect(r, 0, f"recommend with {n:,} number questions")
    check(t < limit * SLOW, f"recommend with {n:,} number questions: {t:.2f}s (< {limit * SLOW}s)")
    if r.returncode == 0:
        analysis = json.loads(r.stdout)["analysis"]
        if n == 10_000:
            search = analysis.get("tipping_search", {})
            check(search.get("complete") is False and search.get("questions_searched", n) < n,
                  "10,000 questions: the search stopped at its budget and says so", json.dumps(search))
            r = run("recommend", "--rules", path, *REQUIRED, timeout=300)
            check("stopped at its budget" in r.stdout, "10,000 questions: the text says the search stopped",
                  r.stdout[-1500:])
        else:
            check("tipping_search" not in analysis, "1,000 questions: searched to the end")

# --- 8. No reader waits on a FIFO or a device where a regular file is expected.
fifo = os.path.join(tmp, "fifo")
os.mkfifo(fifo)


def bounded_run(what, *args, code=2, has=(), environment=None):
    try:
        r = run(*args, environment=environment, timeout=20)
    except subprocess.TimeoutExpired:
        check(False, f"{what}: returns (it hung)")
        return None
    expect(r, code, what, stderr_has=has)
    return r


bounded_run("--config FIFO", "recommend", *REQUIRED, "--config", fifo, has=[fifo, "not a regular file"])
bounded_run("rules validate FIFO", "rules", "validate", fifo, has=[fifo, "not a regular file"])
bounded_run("--rules FIFO", "recommend", *REQUIRED, "--rules", fifo, has=[fifo, "not a regular file"])
bounded_run("--prices FIFO", "recommend", *REQUIRED, "--prices", fifo, has=[fifo, "not a regular file"])
bounded_run("--config /dev/zero", "recommend", *REQUIRED, "--config", "/dev/zero", has="not a regular file")
bounded_run("--save-answers FIFO --force", "recommend", *REQUIRED, "--save-answers", fifo, "--force",
            has=[fifo, "nobody is reading"])
# adr check named a FIFO whose writer stays open: what it sent is read, the
# wait for more is never a hang; a start of front matter it cannot finish
# reading is an error, never a skip.
for sent, code, has in ((b"# notes\n", 0, "not a makeorbuy record"),
                        (b"---\nstatus: accepted\nmakeorbuy:\n", 2, "cannot read the file")):
    pipe = os.path.join(tmp, "pipe.md")
    os.mkfifo(pipe)
    holder = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)  # the writer that stays
    os.write(holder, sent)
    r = bounded_run(f"adr check FIFO {sent[:3]!r}", "adr", "check", pipe, code=code, environment=env(**TODAY))
    if r is not None:
        check(has in r.stdout + r.stderr, f"adr check FIFO {sent[:3]!r}: says '{has}'", r.stdout + r.stderr)
    os.close(holder)
    os.remove(pipe)
recs = os.path.join(tmp, "recs")
os.mkdir(recs)
write(os.path.join(recs, "0001-a.md"), head + "---\n")
bounded_run("--format sarif=FIFO", "adr", "check", recs, "--format", f"sarif={fifo}", has="nobody is reading",
            environment=env(**TODAY))
bounded_run("GITHUB_STEP_SUMMARY=FIFO", "adr", "check", recs, code=0, has=["GITHUB_STEP_SUMMARY", "regular file"],
            environment=env(GITHUB_STEP_SUMMARY=fifo, **TODAY))
# A FIFO with a reader is written as usual (a pipe named /dev/stdout is one).
got = {}
reader = threading.Thread(target=lambda: got.__setitem__("data", open(fifo).read()), daemon=True)
reader.start()
time.sleep(0.2)
bounded_run("--format sarif=FIFO with a reader", "adr", "check", recs, "--format", f"sarif={fifo}", code=0,
            environment=env(**TODAY))
reader.join(timeout=20)
if reader.is_alive():  # the binary never opened the FIFO: open it once so the reader returns
    os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
check(got.get("data", "").lstrip().startswith("{"), "--format sarif=FIFO with a reader: SARIF written")

# --- 10. --no-proposed: every status that is not accepted is listed as not accepted.
gate = os.path.join(tmp, "gate")
os.mkdir(gate)
statuses = {"pending": '"pending"', "in-review": '"in review"', "empty": '""', "tilde": "~", "null": "null",
            "accent": '"pro\u0301posed"', "proposed": '"proposed"', "draft": "draft", "none": None,
            "accepted": '"accepted"', "accepted-dated": '"Accepted 2026-01-05"'}
for name, status in statuses.items():
    text = head.replace('status: "accepted"\n', "" if status is None else f"status: {status}\n")
    write(os.path.join(gate, f"0001-{name}.md"), text + "---\n")
r = run("adr", "check", gate, "--no-proposed", "--format", "json", environment=env(**TODAY))
expect(r, 1, "adr check --no-proposed on every kind of status")
records = {os.path.basename(rec["file"]): rec for rec in json.loads(r.stdout)["records"]}
for name in statuses:
    rec = records.get(f"0001-{name}.md", {})
    rules = [f["rule"] for f in rec.get("findings", [])]
    if name.startswith("accepted"):
        check(rec.get("result") == "passed", f"--no-proposed: status {name} passes", json.dumps(rec))
    else:
        check("proposed" in rules, f"--no-proposed: status {name} is listed as not accepted", json.dumps(rec))
r = run("adr", "check", gate, environment=env(**TODAY))
expect(r, 0, "adr check without --no-proposed: every status passes")

finish()
