"""adr check end to end: every fixture under tests/data/adr in every format,
compared byte for byte with tests/data/adr-expected; the JUnit and SARIF
validated against their schemas; exit codes, --fail-on, --no-proposed,
--format FMT=PATH, the step summary, symlink loops, unreadable folders, and
records left byte-identical.

MAKEORBUY_UPDATE_EXPECTED=1 rewrites the expected files instead of comparing."""

import hashlib
import json
import os
import shutil
import subprocess

from harness import check, data, env, expect, finish, run, scratch

TODAY = {"MAKEORBUY_TODAY": "2026-11-29"}
EXPECTED = data("adr-expected")
SCHEMAS = data("schemas")  # copies of ../shared/reference/schemas (see README.md there)
UPDATE = os.environ.get("MAKEORBUY_UPDATE_EXPECTED") == "1"
FORMATS = {"text": "check.txt", "json": "check.json", "junit": "check.junit.xml", "github": "check.github.txt",
           "sarif": "check.sarif.json"}


def tree_digest(folder):
    digest = hashlib.sha256()
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(root, name)
            digest.update(path.encode())
            with open(path, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()


def compare(actual, name, what):
    path = os.path.join(EXPECTED, name)
    if UPDATE:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(actual)
        return
    with open(path, encoding="utf-8", newline="") as f:
        expected = f.read()
    check(actual == expected, f"{what}: output is {name} exactly",
          "\n".join(l for l in __import__("difflib").unified_diff(expected.splitlines(), actual.splitlines(), "expected",
                                                                  "actual", lineterm=""))[:4000])


def validate_junit(path, what):
    schema = os.path.join(SCHEMAS, "JUnit.xsd")
    if not os.path.exists(schema):
        check(False, f"{what}: JUnit schema at {schema}")
        return
    r = subprocess.run(["xmllint", "--noout", "--schema", schema, path], capture_output=True, text=True)
    check(r.returncode == 0, f"{what}: JUnit validates against JUnit.xsd", r.stderr)


def validate_sarif(path, what):
    schema = os.path.join(SCHEMAS, "sarif-schema-2.1.0.json")
    if not os.path.exists(schema):
        check(False, f"{what}: SARIF schema at {schema}")
        return
    code = ("import json,sys,jsonschema;"
            "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))")
    r = subprocess.run(["/usr/bin/python3", "-c", code, path, schema], capture_output=True, text=True)
    check(r.returncode == 0, f"{what}: SARIF validates against sarif-schema-2.1.0.json", r.stderr[-2000:])


before = tree_digest(data("adr"))

# Every format over every fixture, compared exactly.
for fmt, name in FORMATS.items():
    r = run("adr", "check", "data/adr", "--format", fmt, environment=env(**TODAY))
    expect(r, 1, f"check --format {fmt}")
    compare(r.stdout, name, f"check --format {fmt}")

# Non-records listed, and the strict gate.
r = run("adr", "check", "data/adr", "--verbose", "--no-proposed", "--fail-on", "warning", environment=env(**TODAY))
expect(r, 1, "check --verbose --no-proposed --fail-on warning")
compare(r.stdout, "check-strict.txt", "check --verbose --no-proposed --fail-on warning")

# Several formats from one run: one to stdout, the others to files; the files validate.
out = scratch()
junit, sarif, js = (os.path.join(out, n) for n in ("report.xml", "results.sarif", "report.json"))
r = run("adr", "check", "data/adr", "--format", "github", "--format", f"sarif={sarif}", "--format", f"junit={junit}",
        "--format", f"json={js}", environment=env(**TODAY))
expect(r, 1, "check with three formats")
if not UPDATE:
    compare(r.stdout, "check.github.txt", "github to stdout beside files")
    for path, name in ((junit, "check.junit.xml"), (sarif, "check.sarif.json"), (js, "check.json")):
        with open(path, encoding="utf-8") as f:
            compare(f.read(), name, f"--format {name} to a file")
validate_junit(junit, "check")
validate_sarif(sarif, "check")
sarif_doc = json.load(open(sarif))
results = sarif_doc["runs"][0]["results"]
check(all(x["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for x in results),
      "every SARIF result has the line of its key")
check(sarif_doc["runs"][0]["invocations"][0]["exitCode"] == 1, "SARIF records the exit code")

# Exit codes and thresholds.
expect(run("adr", "check", "data/adr", "--fail-on", "never", environment=env(**TODAY)), 0, "--fail-on never")
expect(run("adr", "check", "data/adr/findings/0006-chosen-overridden.md", environment=env(**TODAY)), 0,
       "a warning passes by default", stdout_has="chosen-overridden")
expect(run("adr", "check", "data/adr/findings/0006-chosen-overridden.md", "--fail-on", "warning",
           environment=env(**TODAY)), 1, "a warning fails under --fail-on warning")
expect(run("adr", "check", "data/adr/findings/0009-proposed.md", environment=env(**TODAY)), 0, "proposed passes")
expect(run("adr", "check", "data/adr/findings/0009-proposed.md", "--no-proposed", environment=env(**TODAY)), 1,
       "proposed fails under --no-proposed", stdout_has="data/adr/findings/0009-proposed.md:2:1: error: status is")
expect(run("adr", "check", "data/adr/formats/20240201-log4brains.md", "--no-proposed", environment=env(**TODAY)), 1,
       "a log4brains bullet status is read", stdout_has="20240201-log4brains.md:19:11: error: status is 'proposed'")
expect(run("adr", "check", "data/adr/findings/0008-review-overdue.md", environment=env(MAKEORBUY_TODAY="2026-05-01")), 0,
       "review-by in the future is fine", stdout_has=": ok")
expect(run("adr", "check", "data/adr/wild/0006-asciidoc.adoc", environment=env(**TODAY)), 0,
       "a named non-record is skipped with a note", stdout_has="skipped: not a makeorbuy record (no front matter)")
expect(run("adr", "check", "data/adr/no-such-folder", environment=env(**TODAY)), 2, "a missing path",
       stdout_has="data/adr/no-such-folder: error: cannot read")
expect(run("adr", "check", "data/adr", "--format", "text", "--format", "json", environment=env(**TODAY)), 2,
       "two formats to stdout", stderr_has="more than one format goes to stdout")
expect(run("adr", "check", "data/adr", "--format", "sarf", environment=env(**TODAY)), 2, "unknown format",
       stderr_has="did you mean 'sarif'?")
expect(run("adr", "check", "data/adr", "--fail-on", "sometimes"), 2, "bad --fail-on")
expect(run("adr", "check", "data/adr", environment=env(MAKEORBUY_TODAY="29/11/2026")), 2, "bad MAKEORBUY_TODAY",
       stderr_has="MAKEORBUY_TODAY")

# The step summary is appended to, never replaced.
summary = os.path.join(out, "summary.md")
with open(summary, "w") as f:
    f.write("# Earlier step\n")
run("adr", "check", "data/adr", "--format", "github", environment=env(GITHUB_STEP_SUMMARY=summary, **TODAY))
text = open(summary, encoding="utf-8").read()
check(text.startswith("# Earlier step\n"), "step summary keeps what was there")
check("| `data/adr/findings/0005-chosen-not-recommended.md` | ❌ error | line 15:" in text, "step summary table row",
      text[:2000])

# Symlink loops and unreadable folders are errors (exit 2), reported after the rest is checked.
tree = scratch()
shutil.copytree(data("adr", "formats"), os.path.join(tree, "adr"))
os.symlink("..", os.path.join(tree, "adr", "loop"))
r = run("adr", "check", tree, environment=env(**TODAY))
expect(r, 2, "a symlink loop", stdout_has=["symlink loop", "not followed (remove the link", "5 records checked"])
if os.geteuid() != 0:
    locked = os.path.join(tree, "adr", "locked")
    os.mkdir(locked)
    os.chmod(locked, 0)
    r = run("adr", "check", tree, environment=env(**TODAY))
    expect(r, 2, "an unreadable folder", stdout_has=["cannot read the folder", "5 records checked"])
    os.chmod(locked, 0o755)

# A record whose status is in its body, past the first 4 KB the check reads:
# the rest of the file is read, and the verdict is the same as for the short
# fixture (a superseded record is skipped; an accepted one is checked).
long_tree = scratch()
padding = "\n".join(f"Paragraph {i}: the team compared the options on real traffic." for i in range(200)) + "\n"
for name in ("0004-nygard.md", "0005-nygard-superseded.md"):
    with open(data("adr", "formats", name), encoding="utf-8") as f:
        head, _, body = f.read().partition("\n## Status")
    with open(os.path.join(long_tree, name), "w", encoding="utf-8") as f:
        f.write(head + "\n" + padding + "\n## Status" + body)
# Its successor beside it, as in formats/ (else the superseded record's link is a successor-missing error).
shutil.copy(data("adr", "formats", "0006-something-newer.md"), long_tree)
check(os.path.getsize(os.path.join(long_tree, "0005-nygard-superseded.md")) > 3 * 4096, "the long records pass 12 KB")
r = run("adr", "check", long_tree, "--format", "json", environment=env(**TODAY))
expect(r, 0, "records with the status deep in the body")
states = {os.path.basename(x["file"]): x for x in json.loads(r.stdout)["records"]}
check(states["0004-nygard.md"]["result"] == "passed" and states["0004-nygard.md"]["status"] == "accepted",
      "a long Nygard record's status is read from its body", r.stdout[-2000:])
check(states["0005-nygard-superseded.md"]["result"] == "skipped", "a long superseded record is skipped",
      r.stdout[-2000:])

# Nothing under tests/data/adr changed.
check(tree_digest(data("adr")) == before, "every fixture is byte-identical after the checks")

finish()
