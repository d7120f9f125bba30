"""adr new end to end: the record written matches tests/data/adr-expected
exactly, adr check passes on it, editing `chosen` fails on that line, files
are never replaced, folders are found as interface.md says."""

import os
import subprocess

from harness import check, data, env, expect, finish, run, scratch

E = env(MAKEORBUY_TODAY="2026-11-29")
ANSWERS = ["--stage", "growth", "--monthly-spend", "15k", "--latency", "interactive", "--compliance", "vendor-dpa",
           "--team-size", "12"]
UPDATE = os.environ.get("MAKEORBUY_UPDATE_EXPECTED") == "1"


def repo():
    folder = scratch()
    os.mkdir(os.path.join(folder, ".git"))
    return folder


# A record written in a fresh repository, then checked.
root = repo()
r = run("adr", "new", "Model for support triage", *ANSWERS, "--review-by", "2027-05-29", cwd=root, environment=E)
expect(r, 0, "adr new", stdout_has="docs/decisions/0001-model-for-support-triage.md")
path = os.path.join(root, "docs", "decisions", "0001-model-for-support-triage.md")
written = open(path, encoding="utf-8").read()
expected_path = data("adr-expected", "new-0001.md")
if UPDATE:
    open(expected_path, "w", encoding="utf-8").write(written)
check(written == open(expected_path, encoding="utf-8").read(), "the record is new-0001.md exactly")
for heading in ("## Context and Problem Statement", "## Decision Drivers", "## Considered Options",
                "## Decision Outcome", "Chosen option: \"Frontier hosted API\", because", "### Consequences",
                "### Confirmation", "## Pros and Cons of the Options"):
    check(heading in written, f"the record has {heading!r}")
expect(run("adr", "check", cwd=root, environment=E), 0, "adr check passes on a new record", stdout_has=": ok")

# Never replaces: the same title again takes the next number.
r = run("adr", "new", "Model for support triage", *ANSWERS, cwd=root, environment=E)
expect(r, 0, "adr new again", stdout_has="0002-model-for-support-triage.md")
check(open(path, encoding="utf-8").read() == written, "the first record is untouched")

# Editing chosen makes the check fail on that line.
lines = written.split("\n")
chosen_line = next(i for i, l in enumerate(lines) if l.startswith("  chosen:")) + 1
edited = written.replace("  chosen: frontier-api", "  chosen: self-hosted")
open(path, "w", encoding="utf-8").write(edited)
before = open(path, "rb").read()
r = run("adr", "check", "--format", "github", cwd=root, environment=E)
expect(r, 1, "edited chosen fails",
       stdout_has=f"::error file=docs/decisions/0001-model-for-support-triage.md,line={chosen_line},col=3,"
                  "title=makeorbuy chosen-not-recommended::")
check(open(path, "rb").read() == before, "the record is byte-identical after the check")

# A choice other than the recommendation needs a reason.
expect(run("adr", "new", "Self-host anyway", *ANSWERS, "--chosen", "self-hosted", cwd=root, environment=E), 2,
       "--chosen without --override-reason", stderr_has="--override-reason")
r = run("adr", "new", "Self-host anyway", *ANSWERS, "--chosen", "self-hosted", "--override-reason",
        "We already run GPUs", "--status", "accepted", cwd=root, environment=E)
expect(r, 0, "--chosen with --override-reason", stdout_has="0003-self-host-anyway.md")
record = open(os.path.join(root, "docs", "decisions", "0003-self-host-anyway.md"), encoding="utf-8").read()
check('override-reason: "We already run GPUs"' in record and 'status: "accepted"' in record, "reason and status kept")
expect(run("adr", "check", "docs/decisions/0003-self-host-anyway.md", cwd=root, environment=E), 0,
       "an overridden choice warns", stdout_has="chosen-overridden")
expect(run("adr", "new", "X", *ANSWERS, "--chosen", "self-hostd", "--override-reason", "r", cwd=root, environment=E),
       2, "unknown --chosen", stderr_has="did you mean 'self-hosted'?")
expect(run("adr", "new", "X", *ANSWERS, "--review-by", "next year", cwd=root, environment=E), 2, "bad --review-by",
       stderr_has="YYYY-MM-DD")

# Missing answers are listed, with nothing written.
r = run("adr", "new", "Nothing answered", cwd=root, environment=E)
expect(r, 2, "missing answers", stderr_has=["--stage", "--monthly-spend"])
check(not any("nothing-answered" in n for n in os.listdir(os.path.join(root, "docs", "decisions"))),
      "nothing written on error")

# Answers from a flags file.
config = os.path.join(root, "answers.toml")
open(config, "w").write('stage = "growth"\nmonthly-spend = 15000\nlatency = "interactive"\n'
                        'compliance = "vendor-dpa"\nteam-size = 12\n')
expect(run("adr", "new", "From a file", "--config", config, cwd=root, environment=E), 0, "--config",
       stdout_has="0004-from-a-file.md")

# Folders: docs/adr and doc/adr when they exist, .adr-dir, --dir; from a subfolder too.
for existing in ("docs/adr", "doc/adr"):
    other = repo()
    os.makedirs(os.path.join(other, existing))
    open(os.path.join(other, existing, "0007-older.md"), "w").write("# 7. Older\n")
    os.makedirs(os.path.join(other, "src", "deep"))
    expect(run("adr", "new", "Next one", *ANSWERS, cwd=os.path.join(other, "src", "deep"), environment=E), 0,
           f"existing {existing}", stdout_has=f"{existing}/0008-next-one.md")
other = repo()
open(os.path.join(other, ".adr-dir"), "w").write("architecture/decisions\n")
expect(run("adr", "new", "Named folder", *ANSWERS, cwd=other, environment=E), 0, ".adr-dir",
       stdout_has="architecture/decisions/0001-named-folder.md")
expect(run("adr", "check", cwd=other, environment=E), 0, "check finds .adr-dir", stdout_has="1 record checked")
expect(run("adr", "new", "Elsewhere", *ANSWERS, "--dir", "records", cwd=other, environment=E), 0, "--dir",
       stdout_has="records/0001-elsewhere.md")
empty = repo()
expect(run("adr", "check", cwd=empty, environment=E), 0, "no record folder: a note, exit 0 (issue 14)",
       stderr_has="no makeorbuy decision records yet (no decision-record folder here)")
expect(run("adr", "check", "--require-records", cwd=empty, environment=E), 2, "no record folder under --require-records",
       stderr_has="no decision-record folder")

finish()
