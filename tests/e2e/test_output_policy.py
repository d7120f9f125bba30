"""One output policy for every command (issue 17): text for people wraps at COLUMNS; a reader that stops
early (`| head -1`) ends makeorbuy quietly; output that cannot be written (`>/dev/full`) is exit 2 with a
message. Diagnostics, adr check findings and adr list rows stay one line each, for tools to read."""

import os
import re
import signal
import subprocess
import unicodedata

from harness import BIN, check, env, finish, run, scratch

R = ["--stage", "growth", "--monthly-spend", "50k", "--latency", "interactive", "--compliance", "none",
     "--team-size", "3"]
tmp = scratch()
records = os.path.join(tmp, "docs", "decisions")
r = run("adr", "new", "Pick a model", *R, "--dir", records)
check(r.returncode == 0, "adr new for the fixtures", r.stderr)

# Every command that writes to stdout, and whether its text is prose for people (wrapped at COLUMNS).
COMMANDS = [
    (["recommend", *R], "report"),
    (["recommend", *R, "--format", "json"], None),
    (["recommend", *R, "--format", "markdown"], None),
    (["cost", *R], "report"),
    (["cost", "--monthly-spend", "50k", "--format", "json"], None),
    (["questions"], "report"),
    (["questions", "--format", "json"], None),
    (["rules", "show"], None),
    (["rules", "schema"], None),
    (["prices", "show"], "report"),
    (["prices", "show", "--format", "json"], None),
    (["adr", "list", records], None),
    (["adr", "check", records], None),
    (["help", "recommend"], "help"),
    (["help", "adr", "check"], "help"),
    (["--help"], "help"),
    (["--version"], "report"),
]


def columns(line):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


for args, kind in COMMANDS:
    line = "makeorbuy " + " ".join(args)
    # 1. Output that cannot be written: exit 2, said on stderr.
    with open("/dev/full", "w") as full:
        p = subprocess.run([BIN, *args], stdout=full, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                           env=env(), timeout=60)
    check(p.returncode == 2 and "cannot write the output" in p.stderr, f"{line} >/dev/full: exit 2 and says so",
          f"exit {p.returncode}: {p.stderr[-500:]}")
    # 2. A reader that stops after one line: quietly, by SIGPIPE or with 0 when all fitted in the pipe.
    p = subprocess.Popen([BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                         env=env())
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    p.wait(timeout=60)
    check(p.returncode in (0, -signal.SIGPIPE), f"{line} | head -1: exit 0 or SIGPIPE", f"exit {p.returncode}")
    check(err == b"", f"{line} | head -1: nothing on stderr", err[-500:])
    # 3. COLUMNS=60: prose for people fits; examples to copy and option names are kept whole.
    if kind is None:
        continue
    r = run(*args, environment=env(COLUMNS="60"))
    check(r.returncode == 0, f"COLUMNS=60 {line}: exit 0", r.stderr[-500:])
    # A single word longer than the room left (a path, a model id) is not broken, as fmt(1) leaves it.
    wide = [text for text in r.stdout.splitlines() if columns(text) > 60 and " " in text.strip() and not (
        kind == "help" and (text.startswith("  makeorbuy ") or text.startswith("      ") or text.startswith("  -")))]
    check(not wide, f"COLUMNS=60 {line}: no line over 60 columns", "\n".join(wide[:5]))
    r = run(*args, environment=env(COLUMNS="100"))
    check(any(columns(text) > 60 for text in r.stdout.splitlines()) or kind == "report" and len(r.stdout) < 200,
          f"COLUMNS=100 {line}: lines use the width", r.stdout[:500])

finish()
