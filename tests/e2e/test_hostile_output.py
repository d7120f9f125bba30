"""Hostile input, part 1 (issue 16, items 1, 2, 9 and 11): writing output never
crashes, and nothing echoed from a file or an argument acts on a terminal, a CI
log, Markdown or XML.

- A failed write to stderr or stdout is exit 2 (never SIGABRT); a closed pipe
  on stdout ends quietly by SIGPIPE; --help and --version fail when stdout does.
- Values are neutralised in every format: text, errors, GitHub workflow
  commands, the step summary, JUnit, SARIF, JSON.
Each check here failed before the fix (see the commit messages)."""

import json
import os
import re
import signal
import subprocess
import xml.dom.minidom

from harness import BIN, check, env, expect, finish, run, scratch

TODAY = {"MAKEORBUY_TODAY": "2026-11-29"}
REQUIRED = ["--stage", "growth", "--monthly-spend", "8000", "--latency", "batch", "--compliance", "none",
            "--team-size", "3"]
ESC = "\x1b"
OSC52 = "\x1b]52;c;Z2hwX3NlY3JldA==\x07"  # writes the terminal's clipboard
RLO = "\u202e"                             # right-to-left override
INJECTION = "ok\n::add-mask::ghp_x\n::error file=README.md,line=1::Fake" + OSC52 + RLO + "\u0085\u2028"


def shell(command, environment=None, timeout=60):
    """Runs a shell line (for 2>&- and the like); returns CompletedProcess with bytes."""
    return subprocess.run(["/bin/sh", "-c", command], capture_output=True, env=environment or env(),
                          timeout=timeout, stdin=subprocess.DEVNULL)


def quoted(*args):
    return " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)


def record(path, status='"accepted"', chosen="small-hosted", reason="", extra=""):
    reason_yaml = json.dumps(reason)  # a YAML double-quoted string is a JSON string
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(f"""---
status: {status}
makeorbuy:
  schema: 1
  rules: "default@2026.11"
  answers:
    stage: growth
    monthly-spend: 15000
    volume-pattern: unknown
    latency: interactive
    compliance: vendor-dpa
    team-size: 12
    ml-ops: none
{extra}  recommended: frontier-api
  chosen: {chosen}
  override-reason: {reason_yaml}
---

# A record
""")
    return path


def no_actors(text, what):
    """Nothing in `text` acts: no ESC, C1, BiDi override, line separator; no workflow command smuggled in."""
    check(ESC not in text, f"{what}: no ESC", repr(text[-800:]))
    check("\x07" not in text, f"{what}: no BEL", repr(text[-800:]))
    check(RLO not in text and "\u2028" not in text and "\u0085" not in text,
          f"{what}: no BiDi override, NEL or line separator", repr(text[-800:]))
    for line in text.splitlines():
        check(not line.startswith("::add-mask") and not line.startswith("::error file=README.md"),
              f"{what}: no smuggled workflow command", line)


tmp = scratch()

# --- 1. stderr or stdout that cannot be written: exit 2, never SIGABRT.
bad = quoted(BIN, "recommend", "--stage", "bogus", *REQUIRED[2:])
for redirect in ("2>&-", "2>/dev/full"):
    r = shell(f"{bad} {redirect}")
    check(r.returncode == 2, f"recommend --stage bogus {redirect}: exit 2 (was 134, SIGABRT)",
          f"exit {r.returncode}")
r = shell(f"{quoted(BIN, 'recommend', *REQUIRED)} >/dev/full")
check(r.returncode == 2, "recommend >/dev/full: exit 2", f"exit {r.returncode}")
check(b"cannot write the output" in r.stderr, "recommend >/dev/full: says so", r.stderr)
r = shell(f"{quoted(BIN, 'recommend', *REQUIRED)} >&- 2>&-")
check(r.returncode == 2, "recommend with stdout and stderr closed: exit 2", f"exit {r.returncode}")

recs = os.path.join(tmp, "recs")
os.mkdir(recs)
record(os.path.join(recs, "0001-ok.md"), chosen="frontier-api")
summary_env = env(GITHUB_STEP_SUMMARY="/dev/full", **TODAY)
r = shell(f"{quoted(BIN, 'adr', 'check', recs)} 2>&-", environment=summary_env)
check(r.returncode == 2, "GITHUB_STEP_SUMMARY=/dev/full adr check 2>&-: exit 2, a lost warning (was SIGABRT)",
      f"exit {r.returncode}")
r = shell(quoted(BIN, "adr", "check", recs), environment=summary_env)
check(r.returncode == 0, "GITHUB_STEP_SUMMARY=/dev/full adr check: the check passes", f"exit {r.returncode}")
check(b"warning" in r.stderr and b"GITHUB_STEP_SUMMARY" in r.stderr, "GITHUB_STEP_SUMMARY=/dev/full: warned",
      r.stderr)

# A closed pipe on stdout: SIGPIPE, quietly (the shell's 141).
p = subprocess.Popen([BIN, "rules", "show"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     stdin=subprocess.DEVNULL, env=env())
p.stdout.close()
_, err = p.communicate(timeout=60)
# 0 when the whole output was in the pipe before the reader closed it (a race the machine's load decides).
check(p.returncode in (-signal.SIGPIPE, 0), "rules show | (closed): SIGPIPE, or 0 when it all fitted",
      f"exit {p.returncode}")
check(err == b"", "rules show | (closed): nothing on stderr", err)
check(b"terminate" not in err and b"Abort" not in err, "closed pipe: no crash", err)

# --- 11. --help and --version fail when stdout does.
for flag in ("--help", "--version"):
    for redirect in (">/dev/full", ">&-"):
        r = shell(f"{quoted(BIN, flag)} {redirect}")
        check(r.returncode == 2, f"makeorbuy {flag} {redirect}: exit 2 (was 0)", f"exit {r.returncode}")
r = shell(f"{quoted(BIN, 'help', 'recommend')} >/dev/full")
check(r.returncode == 2, "makeorbuy help recommend >/dev/full: exit 2", f"exit {r.returncode}")

# --- 2. Injection through a record: text, GitHub, SARIF, JSON, JUnit, step summary.
inj = os.path.join(tmp, "inj")
os.mkdir(inj)
record(os.path.join(inj, "0001-override.md"), reason=INJECTION + "x" * 5000)
record(os.path.join(inj, "0002-status.md"), status=json.dumps("pending" + OSC52 + "\n::error::status"),
       chosen="frontier-api")
record(os.path.join(inj, "0003-value.md"), chosen=json.dumps("frontier" + OSC52 + "\n::warning::chosen"))
record(os.path.join(inj, "0004-key.md"), chosen="frontier-api",
       extra='  "bad' + "\\e]52;c;eA==\\a" + '\\n::error::key": 1\n')
record(os.path.join(inj, "0005-name\n::add-mask::ghp_y\n::warning file=x::name.md"), chosen="frontier-api")
summary = os.path.join(tmp, "summary.md")
junit = os.path.join(tmp, "junit.xml")
sarif = os.path.join(tmp, "out.sarif")
as_json = os.path.join(tmp, "out.json")
r = run("adr", "check", inj, "--no-proposed", "--format", "text", "--format", f"junit={junit}", "--format",
        f"sarif={sarif}", "--format", f"json={as_json}",
        environment=env(GITHUB_STEP_SUMMARY=summary, **TODAY))
expect(r, 1, "adr check on hostile records")
no_actors(r.stdout, "adr check text")
no_actors(r.stderr, "adr check stderr")
check("override-reason: ok\\n::add-mask::ghp_x\\n::error file=README.md" in r.stdout,
      "adr check text: the reason shown with its line breaks as \\n", r.stdout[:3000])
check("x" * 300 not in r.stdout, "adr check text: a 5 KB override-reason is cut (was printed whole)")
check("\\x1B]52;c;" in r.stdout, "adr check text: ESC shown as \\x1B", r.stdout[:3000])
r = run("adr", "check", inj, "--no-proposed", "--format", "github", environment=env(**TODAY))
expect(r, 1, "adr check --format github on hostile records")
no_actors(r.stdout, "adr check github")
for line in r.stdout.splitlines():
    check(line.startswith("::error file=") or line.startswith("::warning file=") or "records checked" in line,
          "adr check github: every line is one of ours", line)
with open(sarif, encoding="utf-8") as f:
    sarif_text = f.read()
    no_actors(json.dumps(json.loads(sarif_text), ensure_ascii=False), "SARIF")
with open(as_json, encoding="utf-8") as f:
    no_actors(json.dumps([x.get("message", "") for rec in json.load(f)["records"]
                          for x in rec.get("findings", [])], ensure_ascii=False), "JSON messages")
with open(summary, encoding="utf-8") as f:
    no_actors(f.read(), "step summary")
with open(junit, "rb") as f:
    junit_bytes = f.read()
try:
    xml.dom.minidom.parseString(junit_bytes)
    check(True, "JUnit well-formed")
except Exception as e:  # noqa: BLE001 - any parse error is the failure
    check(False, "JUnit well-formed", str(e))
no_actors(junit_bytes.decode("utf-8"), "JUnit")
# A JUnit file printed to a CI log (--format junit on stdout) starts no line with a record's text:
# a reason's line break inside an attribute was kept, so "::add-mask::" began a line (found by fuzz_echo).
for name, text in (("JUnit", junit_bytes.decode("utf-8")), ("SARIF", sarif_text)):
    starts = [line for line in text.splitlines() if line.lstrip().startswith("::")]
    check(not starts, f"{name}: no line starts a workflow command", "\n".join(starts)[:2000])

# Errors on stderr: an answers file and a flag with escapes.
answers = os.path.join(tmp, "evil.toml")
with open(answers, "w", encoding="utf-8") as f:
    f.write('stage = "growth' + OSC52 + RLO + '\\n::error::x"\n' + '"k' + ESC + '[2J" = 1\n')
r = run("recommend", "--config", answers, *REQUIRED[2:])
expect(r, 2, "recommend --config with escapes in values and keys")
no_actors(r.stderr, "errors for a flags file")
r = run("recommend", *REQUIRED, "--stage", "growth" + OSC52 + "\n::error::flag")
expect(r, 2, "recommend --stage with escapes")
no_actors(r.stderr, "errors for a flag")
r = run("recommend", *REQUIRED, "--bogus" + OSC52, "x")
no_actors(r.stderr, "unknown flag")
r = run("bogus" + OSC52)
no_actors(r.stderr, "unknown command")

# --- 9. JUnit well-formed for U+FFFE/U+FFFF in values and an invalid UTF-8 file name; the step
#     summary keeps a backtick in a file name inside its code span and passes no HTML.
nx = os.path.join(tmp, "nx")
os.mkdir(nx)
record(os.path.join(nx, "0001-fffe.md"), chosen=json.dumps("\ufffe\uffff"))
bad_name = os.path.join(nx.encode(), b"0002-\xff\xfe-`x`-<img src=x>.md")
with open(bad_name, "w") as f:
    pass
record(bad_name.decode("utf-8", "surrogateescape"), chosen=json.dumps("<img src=https://e.invalid/x>"))
junit = os.path.join(tmp, "nx.xml")
summary = os.path.join(tmp, "nx-summary.md")
r = run("adr", "check", nx, "--format", f"junit={junit}", environment=env(GITHUB_STEP_SUMMARY=summary, **TODAY))
expect(r, 1, "adr check on U+FFFE and an invalid UTF-8 name")
r = subprocess.run(["xmllint", "--noout", junit], capture_output=True, text=True)
check(r.returncode == 0, "JUnit with U+FFFE/U+FFFF and an invalid UTF-8 file name: xmllint accepts it", r.stderr)
with open(summary, encoding="utf-8") as f:
    md = f.read()
check("<img src=https" not in md.replace("\\<img", "") and "\\<img src=https" in md,
      "step summary: the message's <img> escaped", md)
rows = [line for line in md.splitlines() if "0002-" in line]
check(rows and all(line.startswith("| ``/") and "`` |" in line for line in rows),
      "step summary: a file name with backticks in a longer code span", "\n".join(rows))

# --- 11. Small ones.
r = run("recommend", *REQUIRED, "--save-answers", "")
expect(r, 2, "--save-answers ''", stderr_has="--save-answers: names no file")
os.chdir(tmp)
r = run("adr", "check", recs, "--format", "sarif=-", environment=env(**TODAY), cwd=tmp)
expect(r, 0, "--format sarif=- writes to stdout")
check(r.stdout.lstrip().startswith("{") and not os.path.exists(os.path.join(tmp, "-")),
      "--format sarif=-: SARIF on stdout, no file named '-'", r.stdout[:200])
r = run("adr", "check", recs, "--format", "sarif=-", "--format", "text", environment=env(**TODAY))
expect(r, 2, "--format sarif=- with text: two formats on stdout refused")
r = run("recommend", "--config", "-", "--format", "json", *REQUIRED[:2],
        stdin='monthly-spend = 8000\nlatency = "batch"\ncompliance = "none"\nteam-size = 3\n')
expect(r, 0, "--config - reads stdin")
check('"monthly-spend": 8000' in r.stdout, "--config -: the answers from stdin are used", r.stdout[:400])
dangling = os.path.join(tmp, "dangling")
os.symlink(os.path.join(tmp, "nowhere"), dangling)
r = run("adr", "new", "T", *REQUIRED, "--dir", dangling)
expect(r, 2, "adr new --dir on a dangling symlink", stderr_has=["symbolic link", "does not exist"],
       stderr_lacks="File exists")
r = run("recommend", *REQUIRED[:2], "--monthly-spend", "1e309", *REQUIRED[4:])
expect(r, 2, "--monthly-spend 1e309", stderr_has="too large", stderr_lacks="not a number")
big = '{"stage": "growth", "monthly-spend": 1e300, "latency": "batch", "compliance": "none", "team-size": 3}'
big_path = os.path.join(tmp, "big.json")
with open(big_path, "w") as f:
    f.write(big)
r = run("recommend", "--config", big_path)
expect(r, 2, "monthly-spend 1e300 in a JSON file")
check(not re.search(r"\d{20}", r.stderr), "no 300-digit number in a message", r.stderr)

finish()
