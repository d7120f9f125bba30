"""Hostile input: deep nesting, huge files, huge lines, invalid UTF-8, unreadable
files, a full disk, existing files. Each gets a clear error and exit 2 in
bounded time and memory; nothing is ever half-written or replaced."""

import os
import stat
import subprocess
import threading
import time

from harness import BIN, check, env, expect, finish, run, scratch

REQUIRED = ["--stage", "growth", "--monthly-spend", "8000", "--latency", "batch", "--compliance", "none",
            "--team-size", "3"]
ANSWERS = 'stage = "growth"\nmonthly-spend = 8000\nlatency = "batch"\ncompliance = "none"\nteam-size = 3\n'
MB = 1 << 20
MAX_SECONDS = 30     # wall time for any single hostile run (generous: Debug and ASan builds on a busy CI)
MAX_RSS_MB = 200     # peak memory for any single hostile run (the caps are 16 MB and 64 MB)
# AddressSanitizer's shadow memory and redzones multiply peak memory; under the
# asan preset (which sets ASAN_OPTIONS) the bound is for hangs, not for size.
if "ASAN_OPTIONS" in os.environ:
    MAX_RSS_MB = 1000


def measured(*args, cwd=None, user=None):
    """Runs the binary; returns (CompletedProcess, seconds, peak RSS in MB of that one run)."""

    def drop():
        os.setgid(user)
        os.setuid(user)

    start = time.monotonic()
    p = subprocess.Popen([BIN, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         cwd=cwd, env=env(), preexec_fn=drop if user is not None else None)
    streams = {}
    readers = [threading.Thread(target=lambda name, pipe: streams.__setitem__(name, pipe.read()), args=(n, f))
               for n, f in (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    timer = threading.Timer(60, p.kill)
    timer.start()
    _, status, usage = os.wait4(p.pid, 0)  # the rusage of this child alone
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    for t in readers:
        t.join()
    seconds = time.monotonic() - start
    result = subprocess.CompletedProcess(p.args, p.returncode, streams["out"].decode("utf-8", "replace"),
                                         streams["err"].decode("utf-8", "replace"))
    return result, seconds, usage.ru_maxrss / 1024


def bounded(what, result, seconds, rss, stderr_has=(), code=2):
    """Exit `code`, each of `stderr_has` in the output (adr check reports problems in its report
    on stdout), in bounded time, memory and message size, and no crash."""
    expect(result, code, what)
    for s in [stderr_has] if isinstance(stderr_has, str) else stderr_has:
        check(s in result.stderr + result.stdout, f"{what}: the message has {s!r}", result.stderr[-1500:])
    check(seconds < MAX_SECONDS, f"{what}: done in {seconds:.1f}s (< {MAX_SECONDS}s)")
    check(rss < MAX_RSS_MB, f"{what}: peak memory {rss:.0f} MB (< {MAX_RSS_MB} MB)")
    check(len(result.stderr) < 64 * 1024, f"{what}: a short message ({len(result.stderr)} bytes of stderr)")
    check("Traceback" not in result.stderr and "terminate called" not in result.stderr
          and "Sanitizer" not in result.stderr, f"{what}: no crash", result.stderr[-2000:])


def write(path, content, mode="w"):
    with open(path, mode) as f:
        f.write(content)
    return path


tmp = scratch()

# --- Deeply nested JSON: refused by depth before any recursive code sees it.
for depth in (100, 100_000):
    deep = write(os.path.join(tmp, f"deep-rules-{depth}.json"), '{"id": ' + "[" * depth + "]" * depth + "}")
    bounded(f"rules file nested {depth} deep", *measured("recommend", "--rules", deep, *REQUIRED),
            stderr_has=[f"{deep}:1:", "nested more than"])
    bounded(f"rules validate, nested {depth} deep", *measured("rules", "validate", deep),
            stderr_has=["nested more than"])
    deep_answers = write(os.path.join(tmp, f"deep-answers-{depth}.json"), '{"stage": ' + "[" * depth + "]" * depth + "}")
    bounded(f"answers file nested {depth} deep", *measured("recommend", "--config", deep_answers),
            stderr_has=[f"{deep_answers}:1:", "nested more than"])
# Deep nesting of objects inside a condition, under the JSON limit: the condition depth limit applies.
unclosed = write(os.path.join(tmp, "unclosed.json"), "[" * 1_000_000)
bounded("a million unclosed brackets", *measured("rules", "validate", unclosed), stderr_has="nested more than")

# --- A 1 GB file (sparse, so the test is cheap): refused by its size, at once.
huge = os.path.join(tmp, "huge.toml")
with open(huge, "wb") as f:
    f.truncate(1 << 30)
bounded("a 1 GB flags file", *measured("recommend", "--config", huge), stderr_has=[huge, "refused"])
huge_json = os.path.join(tmp, "huge.json")
os.link(huge, huge_json)
bounded("a 1 GB answers file", *measured("recommend", "--config", huge_json), stderr_has=[huge_json, "refused"])
bounded("a 1 GB rules file", *measured("rules", "validate", huge_json), stderr_has=[huge_json, "refused"])
# A device that never ends is refused before it is read: only regular files are read (issue 16).
bounded("an endless flags file (/dev/zero)", *measured("recommend", "--config", "/dev/zero"),
        stderr_has=["/dev/zero", "not a regular file"])
bounded("an endless rules file (/dev/zero)", *measured("rules", "validate", "/dev/zero"),
        stderr_has=["/dev/zero", "not a regular file"])

# --- A 10 MB line: read, rejected with a short message naming the line.
long_value = write(os.path.join(tmp, "long-value.toml"), ANSWERS.replace('"growth"', '"' + "g" * (10 * MB) + '"'))
bounded("a 10 MB value in a flags file", *measured("recommend", "--config", long_value),
        stderr_has=[f"{long_value}:1:", "unknown value"])
long_comment = write(os.path.join(tmp, "long-comment.toml"), "# " + "c" * (10 * MB) + "\n" + ANSWERS)
bounded("a 10 MB comment in a flags file", *measured("recommend", "--config", long_comment, "--format", "json"),
        code=0)
long_key = write(os.path.join(tmp, "long-key.toml"), "k" * (10 * MB) + " = 1\n" + ANSWERS)
bounded("a 10 MB key in a flags file", *measured("recommend", "--config", long_key),
        stderr_has=[f"{long_key}:1:", "unknown question"])
no_newline = write(os.path.join(tmp, "one-line.toml"), "stage = [" + '"a", ' * (2 * MB))
bounded("a 10 MB unclosed list", *measured("recommend", "--config", no_newline),
        stderr_has=[f"{no_newline}:1:", "no closing"])
long_json = write(os.path.join(tmp, "long.json"), '{"stage": "' + "x" * (10 * MB) + '"}')
bounded("a 10 MB string in an answers file", *measured("recommend", "--config", long_json),
        stderr_has=[f"{long_json}:1:", "unknown value"])
bounded("a 100 kB flag value (the most one argument may hold)", *measured("recommend", *REQUIRED, "--latency", "l" * 100_000),
        stderr_has=["unknown value"])

# --- Invalid UTF-8 in every text input: a located error, never a crash or garbage JSON.
bad_bytes = b"\xff\xfe\xc3\x28\xed\xa0\x80"
flags_utf8 = write(os.path.join(tmp, "bad-utf8.toml"), ANSWERS.encode().replace(b'"growth"', b'"' + bad_bytes + b'"'),
                   "wb")
bounded("invalid UTF-8 in a flags file", *measured("recommend", "--config", flags_utf8),
        stderr_has=[f"{flags_utf8}:1:", "stage"])
key_utf8 = write(os.path.join(tmp, "bad-utf8-key.toml"), bad_bytes + b" = 1\n" + ANSWERS.encode(), "wb")
bounded("invalid UTF-8 as a flags-file key", *measured("recommend", "--config", key_utf8),
        stderr_has=[f"{key_utf8}:1:"])
json_utf8 = write(os.path.join(tmp, "bad-utf8.json"), b'{"stage": "' + bad_bytes + b'"}', "wb")
bounded("invalid UTF-8 in an answers file", *measured("recommend", "--config", json_utf8),
        stderr_has=[f"{json_utf8}:1:", "UTF-8"])
rules_utf8 = write(os.path.join(tmp, "bad-utf8-rules.json"), b'{"id": "x", "title": "' + bad_bytes + b'"}', "wb")
bounded("invalid UTF-8 in a rules file", *measured("rules", "validate", rules_utf8),
        stderr_has=[f"{rules_utf8}:1:", "UTF-8"])
r = subprocess.run([BIN, "recommend", *REQUIRED, "--format", "json", "--latency", bad_bytes.decode("latin-1")],
                   capture_output=True, stdin=subprocess.DEVNULL, env=env(), timeout=MAX_SECONDS)
check(r.returncode == 2 and b"unknown value" in r.stderr, "invalid UTF-8 in a flag value: exit 2, unknown value",
      r.stderr[-500:])
check(r.stdout == b"", "invalid UTF-8 in a flag value: nothing on stdout")

# --- An unreadable file, and a folder given as a file.
secret = write(os.path.join(tmp, "secret.toml"), ANSWERS)
os.chmod(secret, 0)
if os.geteuid() == 0:
    # Root reads anything: drop to nobody, who can reach the binary and the file but not read it.
    os.chmod(tmp, 0o755)
    result, seconds, rss = measured("recommend", "--config", secret, user=65534)
else:
    result, seconds, rss = measured("recommend", "--config", secret)
bounded("an unreadable flags file", result, seconds, rss, stderr_has=[secret, "ermission denied"])
bounded("a folder as a flags file", *measured("recommend", "--config", tmp), stderr_has=[tmp, "folder"])
bounded("a folder as a rules file", *measured("rules", "validate", tmp), stderr_has=[tmp, "folder"])
bounded("a missing flags file", *measured("recommend", "--config", os.path.join(tmp, "nope.toml")),
        stderr_has=["nope.toml", "No such file"])


def leftovers(folder):
    return [n for n in os.listdir(folder) if n.startswith(".makeorbuy-")]


# --- Saving: never replace an existing file, never leave a partial or temporary one.
saves = os.path.join(tmp, "saves")
os.mkdir(saves)
existing = write(os.path.join(saves, "answers.toml"), "# mine, keep me\n")
r = run("recommend", *REQUIRED, "--save-answers", existing)
expect(r, 2, "--save-answers onto an existing file", stderr_has=[existing, "already exists"])
check(open(existing).read() == "# mine, keep me\n", "--save-answers: the existing file is untouched")
link = os.path.join(saves, "link.toml")
os.symlink(existing, link)
expect(run("recommend", *REQUIRED, "--save-answers", link), 2, "--save-answers onto a symlink",
       stderr_has="already exists")
check(open(existing).read() == "# mine, keep me\n", "--save-answers: a symlink's target is untouched")
dangling = os.path.join(saves, "dangling.toml")
os.symlink(os.path.join(saves, "nowhere"), dangling)
expect(run("recommend", *REQUIRED, "--save-answers", dangling), 2, "--save-answers onto a dangling symlink",
       stderr_has="already exists")
check(not os.path.exists(os.path.join(saves, "nowhere")), "--save-answers: nothing created through a dangling link")
expect(run("recommend", *REQUIRED, "--save-answers", existing, "--force"), 0, "--save-answers --force replaces")
check(open(existing).read().startswith("# makeorbuy answers"), "--save-answers --force: the new content")
check(leftovers(saves) == [], "--save-answers: no temporary file left", os.listdir(saves))
expect(run("recommend", *REQUIRED, "--save-answers", os.path.join(saves, "missing", "a.toml")), 2,
       "--save-answers into a missing folder", stderr_has=["missing/a.toml", "cannot write"])

# /dev/full: refused as existing; with --force written through (the device stays a device), ENOSPC, exit 2.
expect(run("recommend", *REQUIRED, "--save-answers", "/dev/full"), 2, "--save-answers /dev/full",
       stderr_has=["/dev/full", "already exists"])
before = set(leftovers("/dev")) if os.access("/dev", os.W_OK) else set()
expect(run("recommend", *REQUIRED, "--save-answers", "/dev/full", "--force"), 2, "--save-answers /dev/full --force",
       stderr_has=["/dev/full", "No space left"])
check(stat.S_ISCHR(os.stat("/dev/full").st_mode), "--save-answers /dev/full --force: /dev/full is still a device")
check(set(leftovers("/dev")) == before, "--save-answers /dev/full --force: no temporary file in /dev")
expect(run("recommend", *REQUIRED, "--save-answers", "/dev/null", "--force"), 0, "--save-answers /dev/null --force")
check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "--save-answers /dev/null --force: /dev/null is still a device")

# stdout on a full disk: exit 2 and a message, not a silent success.
with open("/dev/full", "w") as full:
    r = subprocess.run([BIN, "recommend", *REQUIRED], stdout=full, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                       env=env(), text=True, timeout=MAX_SECONDS)
check(r.returncode == 2 and "No space left" in r.stderr, "stdout on a full disk: exit 2 with a message", r.stderr)

# A real full filesystem: a 64 KiB tmpfs (needs root and mount; skipped otherwise).
mountpoint = os.path.join(tmp, "tiny")
os.mkdir(mountpoint)
mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountpoint],
                                                capture_output=True).returncode == 0
if not mounted:
    print("SKIP: full-filesystem test (needs root and `mount -t tmpfs`); /dev/full covered above")
else:
    try:
        try:
            with open(os.path.join(mountpoint, "filler"), "wb") as f:
                while True:
                    f.write(b"x" * 4096)
                    f.flush()
        except OSError:
            pass  # full
        target = os.path.join(mountpoint, "answers.toml")
        r = run("recommend", *REQUIRED, "--save-answers", target)
        expect(r, 2, "--save-answers on a full filesystem", stderr_has=[target, "No space left"])
        check(not os.path.exists(target), "full filesystem: no partial file")
        check(leftovers(mountpoint) == [], "full filesystem: no temporary file", os.listdir(mountpoint))
    finally:
        subprocess.run(["umount", mountpoint], check=False)

# --- adr check on hostile trees: loops, unreadable folders, huge and endless files, deep YAML.
RECORD = """---
status: "accepted"
date: 2026-11-29
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
---

# A decision
"""
tree = os.path.join(tmp, "adr-tree")
decisions = os.path.join(tree, "docs", "decisions")
os.makedirs(os.path.join(decisions, "sub"))
write(os.path.join(decisions, "0001-a.md"), RECORD)
os.symlink("..", os.path.join(decisions, "sub", "up"))       # a loop back to its parent
os.symlink("self", os.path.join(decisions, "self"))          # a link to itself
os.symlink(decisions, os.path.join(decisions, "sub", "again"))
result = measured("adr", "check", tree, "--format", "json")
bounded("adr check with symlink loops", *result, code=2)
check('"0001-a.md"' in result[0].stdout or "0001-a.md" in result[0].stdout,
      "adr check with symlink loops: the records are still checked", result[0].stdout[-1500:])
check("symlink loop" in result[0].stdout + result[0].stderr, "adr check names the symlink loop",
      result[0].stdout[-1500:] + result[0].stderr[-1500:])
check(result[0].stdout.count("0001-a.md") >= 1, "adr check: the record is checked once despite the loops")

locked = os.path.join(tree, "locked")
os.makedirs(locked)
write(os.path.join(locked, "0002-b.md"), RECORD)
os.chmod(locked, 0)
os.chmod(tree, 0o755)
if os.geteuid() == 0:
    result = measured("adr", "check", tree, user=65534)
else:
    result = measured("adr", "check", tree)
bounded("adr check with an unreadable folder", *result, stderr_has=["locked", "ermission denied"])
os.chmod(locked, 0o755)

big_record = os.path.join(tmp, "big", "0003-big.md")
os.makedirs(os.path.dirname(big_record))
write(big_record, RECORD)
with open(big_record, "r+b") as f:
    f.truncate(1 << 30)
bounded("adr check on a 1 GB record", *measured("adr", "check", os.path.dirname(big_record)),
        stderr_has=["0003-big.md", "refused"])

fifo = os.path.join(tmp, "fifo.md")
os.mkfifo(fifo)
result = measured("adr", "check", fifo)
bounded("adr check on a FIFO", *result, code=result[0].returncode)
bounded("adr check on /dev/zero", *measured("adr", "check", "/dev/zero"), code=0)

deep_yaml = os.path.join(tmp, "deep-yaml")
os.makedirs(deep_yaml)
write(os.path.join(deep_yaml, "0004-flow.md"), "---\nmakeorbuy: " + "[" * 100_000 + "\n---\n")
write(os.path.join(deep_yaml, "0005-block.md"), "---\nmakeorbuy:\n  " + "- " * 100_000 + "x\n---\n")
write(os.path.join(deep_yaml, "0006-closed.md"),
      "---\nmakeorbuy: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n---\n")
write(os.path.join(deep_yaml, "0007-utf8.md"), RECORD.encode().replace(b"growth", b"\xff\xfe"), "wb")
write(os.path.join(deep_yaml, "0008-long-line.md"), RECORD.replace("# A decision", "x" * (10 * MB)))
result = measured("adr", "check", deep_yaml, "--format", "json")
bounded("adr check on deeply nested YAML, invalid UTF-8 and a 10 MB line", *result, code=1)
for name in ("0004-flow.md", "0005-block.md", "0006-closed.md", "0007-utf8.md"):
    check(name in result[0].stdout, f"adr check reports {name}", result[0].stdout[-2000:])

finish()
