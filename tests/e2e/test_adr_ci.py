"""adr check as CI and pre-commit run it (issue 14): flags that never eat paths,
fail-closed reading of records it cannot read, report files that never replace
an input or a stranger's file, and a repository with no records yet passing with
report files written."""

import json
import os
import shutil
import subprocess

from harness import SOURCE, check, data, env, expect, finish, run, scratch

TODAY = {"MAKEORBUY_TODAY": "2026-11-29"}
FAILING = data("adr", "findings", "0005-chosen-not-recommended.md")
PASSING = data("adr", "formats", "0001-madr4.md")
NOT_RECORD = data("adr", "wild", "0004-no-front-matter.md")


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(path, content, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(content)


# --- 1. --format takes one value per use: the paths around it stay paths ---------------------------------------
for before, after in (([], []), (["--format", "github"], []), ([], ["--format", "github"]),
                      (["--format=github"], []), ([], ["--format=github"])):
    args = before + [FAILING, PASSING] + after
    r = run("adr", "check", *args, environment=env(**TODAY))
    expect(r, 1, f"flags {before} paths {after}: both files checked",
           stdout_has=["0005-chosen-not-recommended.md", "2 records checked"])
for spelled in (["--format", "sarif=OUT"], ["--format=sarif=OUT"]):
    out = os.path.join(scratch(), "r.sarif")
    args = [a.replace("OUT", out) for a in spelled]
    r = run("adr", "check", *args, FAILING, PASSING, environment=env(**TODAY))
    expect(r, 1, f"{' '.join(spelled)} before two paths")
    check(len(json.loads(read(out))["runs"][0]["results"]) >= 1 and '"0001-madr4.md"' not in read(out),
          f"{spelled[0]}: both paths checked, not taken as formats")
    check(len(json.loads(read(out))["runs"][0]["results"]) >= 1, f"{spelled[0]}: SARIF written with the failing result")
# `--` ends the flags: a file named like a flag is a path.
dash = scratch()
shutil.copy(FAILING, os.path.join(dash, "--format"))
r = run("adr", "check", "--format", "text", "--", "--format", PASSING, cwd=dash, environment=env(**TODAY))
expect(r, 1, "-- before a path named --format", stdout_has=["--format:15:3", "2 records checked"])
# Every other flag, before and after the paths.
for flags in (["--fail-on", "never"], ["--fail-on=never"], ["--no-proposed"], ["-v"], ["--verbose"],
              ["--rules", os.path.join(SOURCE, "rules", "default.json")], ["--require-records"], ["--force"]):
    for place in ("before", "after"):
        args = flags + [FAILING, NOT_RECORD] if place == "before" else [FAILING, NOT_RECORD] + flags
        r = run("adr", "check", *args, environment=env(**TODAY))
        expect(r, 0 if "never" in " ".join(flags) else 1, f"{' '.join(flags)} {place} the paths",
               stdout_has="1 record checked", stderr_lacks="unknown")
# pre-commit appends file names after the hook's args.
r = run("adr", "check", "--format", "github", "docs/decisions/0019-x.md", "README.md", cwd=scratch())
expect(r, 2, "pre-commit style: missing files are files, not formats", stdout_has="docs/decisions/0019-x.md",
       stderr_lacks="unknown format")
# --config takes one file per use too (adr new TITLE after it stays the title).
answers = os.path.join(SOURCE, "tests", "bench", "answers.toml")
repo = scratch()
os.mkdir(os.path.join(repo, ".git"))
r = run("adr", "new", "--config", answers, "Title after config", cwd=repo, environment=env(**TODAY))
expect(r, 0, "adr new --config FILE TITLE", stdout_has="title-after-config.md")

# --- 10. Messages name the full command; --fail-on takes its three words -------------------------------------------
expect(run("adr", "check", "--bogus", PASSING), 2, "unknown flag names the full command",
       stderr_has="makeorbuy adr check --help")
expect(run("adr", "new", "x", "--bogus-flag-zz"), 2, "unknown flag in adr new names the full command",
       stderr_has="makeorbuy adr new --help")
for bad in ("2", "0", "sometimes", "errors"):
    expect(run("adr", "check", PASSING, "--fail-on", bad), 2, f"--fail-on {bad} is refused",
           stderr_has="(levels: error, warning, never)")
expect(run("adr", "check", PASSING, "--fail-on", "errror"), 2, "--fail-on did-you-mean", stderr_has="'error'?")
expect(run("adr", "check", FAILING, "--fail-on", "Warning", environment=env(**TODAY)), 1, "--fail-on ignores case")
r = run("adr", "check", "--help")
expect(r, 0, "adr check --help", stdout_has=["--fail-on", "--require-records", "--force"], stdout_lacks="->")
expect(run("adr", "new", "--help"), 0, "adr new --help lists --no-input", stdout_has="--no-input")

# --- 2. Fail closed: a makeorbuy block the check cannot read is an error at its line ---------------------------
original = read(FAILING)
variants = {
    "blank-line.md": ("\n" + original, 4),
    "two-blank-lines.md": ("\n\n" + original, 5),
    "html-comment.md": ("<!-- generated: do not edit by hand -->\n" + original, 4),
    "multi-line-comment.md": ("<!--\n  licence header\n-->\n" + original, 6),
    "crlf-blank-line.md": (("\n" + original).replace("\n", "\r\n"), 4),
    "bom-blank-line.md": ("\ufeff\n" + original, 4),
    "no-fence.md": ("# A decision\n\n" + original.replace("---\n", "", 1), 4),
}
fc = scratch()
for name, (content, _) in variants.items():
    write(os.path.join(fc, name), content)
write(os.path.join(fc, "utf16.md"), original.encode("utf-16"), "wb")
write(os.path.join(fc, "utf16-be.md"), original.encode("utf-16-be"), "wb")
# Beside them, documents that only talk about makeorbuy are still no records.
write(os.path.join(fc, "readme-with-example.md"),
      "# Records\n\nA record holds a block like this:\n\n```yaml\nmakeorbuy:\n  schema: 1\n```\n\n"
      "<!--\nmakeorbuy: disabled\n-->\n")
write(os.path.join(fc, "utf16-other.md"), "# Notes\nnothing here\n".encode("utf-16"), "wb")
r = run("adr", "check", fc, "--format", "json", environment=env(**TODAY))
expect(r, 1, "records that cannot be read fail the check")
by_name = {os.path.basename(x["file"]): x for x in json.loads(r.stdout)["records"]}
for name, (_, line) in variants.items():
    rec = by_name.get(name, {})
    findings = rec.get("findings", [])
    check(rec.get("result") == "error" and findings and findings[0]["rule"] == "malformed-block"
          and findings[0]["line"] == line, f"fail closed: {name} is an error at line {line}", json.dumps(rec))
for name in ("utf16.md", "utf16-be.md"):
    rec = by_name.get(name, {})
    check(rec.get("result") == "error" and "UTF-16" in json.dumps(rec), f"fail closed: {name} refused as UTF-16",
          json.dumps(rec))
for name in ("readme-with-example.md", "utf16-other.md"):
    check(by_name.get(name, {}).get("result") == "other", f"{name} is not a record", json.dumps(by_name.get(name)))
r = run("adr", "check", os.path.join(fc, "blank-line.md"), environment=env(**TODAY))
expect(r, 1, "text names the line and says why",
       stdout_has=["blank-line.md:4:1: error: this looks like a makeorbuy record but its front matter could not "
                   "be read", "move the --- to line 1"])
# A makeorbuy block past the first 4 KB of comments is still found.
write(os.path.join(fc, "deep", "long-preamble.md"), "<!--\n" + "licence text\n" * 600 + "-->\n" + original)
r = run("adr", "check", os.path.join(fc, "deep"), environment=env(**TODAY))
expect(r, 1, "a block after 7 KB of comments", stdout_has="long-preamble.md:605:1: error: this looks like")

# --- 3. --format FMT=PATH never overwrites an input or a stranger's file ---------------------------------------
repo = scratch()
shutil.copytree(data("adr", "formats"), os.path.join(repo, "doc", "adr"))
record = os.path.join(repo, "doc", "adr", "0001-madr4.md")
before = read(record)
r = run("adr", "check", ".", "--format", f"sarif={record}", cwd=repo, environment=env(**TODAY))
expect(r, 2, "sarif=RECORD under check is refused", stderr_has=["would write the report over a file being checked"])
check(read(record) == before, "the record under check is untouched")
r = run("adr", "check", ".", "--format", f"sarif={record}", "--force", cwd=repo, environment=env(**TODAY))
expect(r, 2, "--force never writes over an input", stderr_has="being checked")
check(read(record) == before, "the record under check is untouched with --force")
named = os.path.join(repo, "doc", "adr", "0002-madr3.md")
r = run("adr", "check", named, "--format", f"json={named}", cwd=repo, environment=env(**TODAY))
expect(r, 2, "json=the file named", stderr_has="being checked")
stranger = os.path.join(repo, "notes.txt")
write(stranger, "my notes\n")
for fmt in ("text", "github", "json", "junit", "sarif"):
    r = run("adr", "check", "doc/adr", "--format", f"{fmt}={stranger}", cwd=repo, environment=env(**TODAY))
    expect(r, 2, f"{fmt}=an existing file that is no report is refused",
           stderr_has=f"not an earlier makeorbuy {fmt} report")
    check(read(stranger) == "my notes\n", f"{fmt}: the stranger's file is untouched")
r = run("adr", "check", "doc/adr", "--format", f"json={stranger}", "--force", cwd=repo, environment=env(**TODAY))
expect(r, 0, "--force replaces a file that is not an input")
check(read(stranger).startswith("{"), "--force wrote the report")
for fmt in ("text", "github", "json", "junit", "sarif"):
    out = os.path.join(repo, f"report.{fmt}")
    for attempt in (1, 2):
        r = run("adr", "check", "doc/adr", "--format", f"{fmt}={out}", cwd=repo, environment=env(**TODAY))
        expect(r, 0, f"{fmt}=PATH run {attempt}: an earlier report is replaced")
other = os.path.join(repo, "report.json")
r = run("adr", "check", "doc/adr", "--format", f"sarif={other}", cwd=repo, environment=env(**TODAY))
expect(r, 2, "a JSON report is not replaced by SARIF", stderr_has="not an earlier makeorbuy sarif report")
r = run("adr", "check", "doc/adr", "--format", "sarif=/dev/null", cwd=repo, environment=env(**TODAY))
expect(r, 0, "a character device is written through")
r = run("adr", "check", "doc/adr", "--format", "sarif=.", cwd=repo, environment=env(**TODAY))
expect(r, 2, "a folder is refused", stderr_has=["a folder, not a regular file", "sarif=."])
r = run("adr", "check", "doc/adr", "--format", "json=a.json", "--format", "sarif=a.json", cwd=repo,
        environment=env(**TODAY))
expect(r, 2, "two formats to one file", stderr_has="give each its own file")
leftovers = [n for n in os.listdir(repo) if n.startswith(".") or "tmp" in n]
check(not leftovers, "no temporary files left beside the reports", leftovers)

# --- 9. CI from the first commit: no folder, no records ---------------------------------------------------------
empty = scratch()
os.mkdir(os.path.join(empty, ".git"))
write(os.path.join(empty, "README.md"), "# A new project\n")
ci = ["adr", "check", "--no-proposed", "--format", "github", "--format", "sarif=makeorbuy.sarif",
      "--format", "junit=makeorbuy-junit.xml", "--format", "json=makeorbuy.json"]
r = run(*ci, cwd=empty, environment=env(**TODAY))
expect(r, 0, "no record folder: exit 0", stderr_has="note: no makeorbuy decision records yet")
check(len(r.stderr.strip().splitlines()) == 1, "the notice is one line", r.stderr)
sarif = json.loads(read(os.path.join(empty, "makeorbuy.sarif")))
check(sarif["runs"][0]["results"] == [], "empty SARIF written")
check(json.loads(read(os.path.join(empty, "makeorbuy.json")))["records"] == [], "empty JSON written")
schemas = data("schemas")
x = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(schemas, "JUnit.xsd"),
                    os.path.join(empty, "makeorbuy-junit.xml")], capture_output=True, text=True)
check(x.returncode == 0, "empty JUnit validates", x.stderr)
code = ("import json,sys,jsonschema;"
        "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))")
x = subprocess.run(["/usr/bin/python3", "-c", code, os.path.join(empty, "makeorbuy.sarif"),
                    os.path.join(schemas, "sarif-schema-2.1.0.json")], capture_output=True, text=True)
check(x.returncode == 0, "empty SARIF validates", x.stderr[-2000:])
r = run(*ci, cwd=empty, environment=env(**TODAY))
expect(r, 0, "the CI command runs twice (earlier reports replaced)")
expect(run("adr", "check", "--require-records", cwd=empty), 2, "--require-records with no folder",
       stderr_has="--require-records")
os.makedirs(os.path.join(empty, "docs", "decisions"))
shutil.copy(data("adr", "formats", "0004-nygard.md"), os.path.join(empty, "docs", "decisions", "0001-x.md"))
with open(os.path.join(empty, "docs", "decisions", "0001-x.md"), "r+", encoding="utf-8") as f:
    text = f.read().replace("makeorbuy:", "notours:")
    f.seek(0)
    f.truncate()
    f.write(text)
r = run("adr", "check", cwd=empty, environment=env(**TODAY))
expect(r, 0, "a folder without makeorbuy records: exit 0", stderr_has="no makeorbuy decision records yet")
expect(run("adr", "check", "--require-records", cwd=empty), 2, "--require-records with no makeorbuy record",
       stderr_has="--require-records")

# The step summary labels each finding by its own severity (a warning beside an error stays a warning).
both = os.path.join(scratch(), "0001-both.md")
write(both, original.replace('  override-reason: ""\n', '  override-reason: ""\n  review-by: 2020-01-01\n', 1))
summary = os.path.join(scratch(), "summary.md")
r = run("adr", "check", both, environment=env(GITHUB_STEP_SUMMARY=summary, **TODAY))
expect(r, 1, "a record with an error and a warning", stdout_has=["chosen-not-recommended", "review-overdue"])
rows = [l for l in read(summary).splitlines() if l.startswith("| `")]
check(any("❌ error" in l and "chosen-not-recommended" in l for l in rows) and
      any("⚠️ warning" in l and "review-overdue" in l for l in rows), "step summary rows carry their own severity",
      "\n".join(rows))

# Counted once: overlapping paths, a symlinked file, and a file over 16 MiB.
twice = scratch()
shutil.copytree(data("adr", "formats"), os.path.join(twice, "doc", "adr"))
os.symlink("0001-madr4.md", os.path.join(twice, "doc", "adr", "0009-link.md"))
r = run("adr", "check", "doc/adr", "doc/adr/0001-madr4.md", ".", "--format", "json", cwd=twice,
        environment=env(**TODAY))
files = [x["file"] for x in json.loads(r.stdout)["records"]]
# Seven files: six records and 0006-something-newer.md, the plain successor of the superseded one.
check(len(files) == 7 and sum("0001-madr4.md" in f or "0009-link.md" in f for f in files) == 1,
      "overlapping paths and a link: each file once", files)
big = os.path.join(twice, "big")
write(os.path.join(big, "0001-big.md"), original + "x" * (17 << 20))
r = run("adr", "check", big, "--format", "json", environment=env(**TODAY))
doc = json.loads(r.stdout)
expect(r, 2, "a record over 16 MiB is refused")
check(doc["records"] == [] and len(doc["problems"]) == 1, "the big file is reported once, as a problem",
      json.dumps(doc)[:1000])

# --format gitlab: Code Quality JSON, valid against the schema written from GitLab's documented fields;
# fingerprints identical across runs and distinct across findings.
gl = scratch()
runs = []
for attempt in (1, 2):
    out = os.path.join(gl, f"cq{attempt}.json")
    r = run("adr", "check", "data/adr", "--format", f"gitlab={out}", environment=env(**TODAY))
    expect(r, 1, f"--format gitlab run {attempt}")
    runs.append(json.loads(read(out)))
x = subprocess.run(["/usr/bin/python3", "-c", code, os.path.join(gl, "cq1.json"),
                    os.path.join(schemas, "gitlab-codequality.json")], capture_output=True, text=True)
check(x.returncode == 0, "Code Quality validates against gitlab-codequality.json", x.stderr[-2000:])
prints = [i["fingerprint"] for i in runs[0]]
check(len(prints) >= 10 and len(set(prints)) == len(prints), "fingerprints distinct across findings", prints)
check(prints == [i["fingerprint"] for i in runs[1]], "fingerprints identical across runs")
check({i["severity"] for i in runs[0]} <= {"major", "minor", "info"} and
      all(i["check_name"] == "review-due" for i in runs[0] if i["severity"] == "info") and
      any(i["check_name"] == "chosen-not-recommended" and i["location"]["lines"]["begin"] == 15 for i in runs[0]),
      "Code Quality severities and lines", json.dumps(runs[0])[:1500])
r = run("adr", "check", "--format", "gitlab=cq.json", cwd=empty, environment=env(**TODAY))
expect(r, 0, "Code Quality with no records")
check(json.loads(read(os.path.join(empty, "cq.json"))) == [], "an empty Code Quality report is []")
r = run("adr", "check", "--format", "gitlab=cq.json", cwd=empty, environment=env(**TODAY))
expect(r, 0, "an earlier Code Quality report is replaced")

# The composite action's check step (action.yml runs .ci/action-check), run locally.
script = os.path.join(SOURCE, ".ci", "action-check")
action_repo = scratch()
os.mkdir(os.path.join(action_repo, ".git"))
outputs = os.path.join(action_repo, "github-output")
for label, setup, code in (("no records", None, "0"), ("a failing record", FAILING, "1")):
    if setup:
        os.makedirs(os.path.join(action_repo, "docs", "decisions"), exist_ok=True)
        shutil.copy(setup, os.path.join(action_repo, "docs", "decisions", "0001-x.md"))
    x = subprocess.run(["bash", script], cwd=action_repo, capture_output=True, text=True,
                       env=env(MAKEORBUY_BINARY=os.path.abspath(__import__("harness").BIN), GITHUB_OUTPUT=outputs,
                               MAKEORBUY_ARGS="--no-proposed", **TODAY))
    check(x.returncode == 0, f"action check step, {label}: the step passes so SARIF is uploaded", x.stderr)
    check(read(outputs).splitlines()[-1] == f"exit-code={code}", f"action check step, {label}: exit-code={code}",
          read(outputs))
    check(json.loads(read(os.path.join(action_repo, "makeorbuy.sarif")))["version"] == "2.1.0",
          f"action check step, {label}: SARIF written")
x = subprocess.run(["bash", script], cwd=action_repo, capture_output=True, text=True,
                   env=env(MAKEORBUY_BINARY=os.path.abspath(__import__("harness").BIN), MAKEORBUY_ARGS="--bogus"))
check(x.returncode == 2, "action check step: bad flags fail the step", x.stderr)
check("uses: github/codeql-action/upload-sarif@v3" in read(os.path.join(SOURCE, "action.yml")) and
      "category: ${{ inputs.category }}" in read(os.path.join(SOURCE, "action.yml")), "action.yml uploads with a category")

# The pre-commit hooks as pre-commit runs them: entry + args + the staged file names.
import yaml  # Debian's python3-yaml
hooks = {h["id"]: h for h in yaml.safe_load(read(os.path.join(SOURCE, ".pre-commit-hooks.yaml")))}
fresh = scratch()
os.mkdir(os.path.join(fresh, ".git"))
write(os.path.join(fresh, "README.md"), "# New\n")
answers = os.path.join(SOURCE, "tests", "bench", "answers.toml")
r = run("adr", "new", "First decision", "--config", answers, cwd=fresh, environment=env(**TODAY))
new_record = r.stdout.strip()
for hid, hook in hooks.items():
    entry = hook["entry"].split()
    assert entry[0] == "makeorbuy"
    files = [] if hook.get("pass_filenames") is False else ["README.md", new_record]
    r = run(*entry[1:], *hook.get("args", []), *files, cwd=fresh, environment=env(**TODAY))
    expect(r, 0, f"pre-commit hook {hid} passes a fresh proposed record")
    r = run(*entry[1:], *hook.get("args", []), cwd=empty if hook.get("pass_filenames") is False else fresh,
            environment=env(**TODAY))
    check(r.returncode == 0, f"pre-commit hook {hid} in a repository with no records", r.stderr)
readme = read(os.path.join(SOURCE, "README.md"))
check("rev: v0.1.0" not in readme, "README names no nonexistent tag")

finish()
