"""Issue 14 item 8: `adr list`, the decisions portfolio, in every format (text,
JSON, Markdown) on tests/data/adr-list: one row per makeorbuy record with its
path, title, status, date, chosen, recommended now, verdict, review-by and
findings count, the same verdicts and counts as `adr check`; values from the
records neutralised (text: control characters; Markdown: cell escaping); exit
codes; found in --help and the shell completions. Also item 7 end to end:
review-due, successor-missing and successor-no-backlink in every check format."""

import json
import os
import shutil

from harness import check, data, env, expect, finish, run, scratch

E = env(MAKEORBUY_TODAY="2026-11-29")
LIST = "data/adr-list"
RECORDS = ["0001-frontier-api-for-triage.md", "0002-hostile-title.md", "0003-superseded.md", "0004-successor.md"]

# JSON: every field of every row, and the verdicts and counts agree with adr check's own JSON.
r = run("adr", "list", LIST, "--format", "json", environment=E)
expect(r, 0, "adr list --format json")
doc = json.loads(r.stdout)
check(doc["schema"] == "makeorbuy.adr-list/1" and doc["today"] == "2026-11-29", "list JSON header", r.stdout[:400])
rows = {os.path.basename(x["path"]): x for x in doc["records"]}
check(sorted(rows) == RECORDS, "one row per makeorbuy record, README.md left out", sorted(rows))
first = rows["0001-frontier-api-for-triage.md"]
check(first == {"path": "data/adr-list/0001-frontier-api-for-triage.md",
                "title": "Use a frontier API for support triage", "status": "accepted", "date": "2026-03-01",
                "chosen": "frontier-api", "recommended_now": "frontier-api", "verdict": "passed",
                "review_by": "2027-05-29", "findings": 0}, "a passing record's row", json.dumps(first))
hostile = rows["0002-hostile-title.md"]
check(hostile["chosen"] == "small-hosted" and hostile["recommended_now"] == "frontier-api" and
      hostile["verdict"] == "warning" and hostile["findings"] == 3 and hostile["review_by"] == "2026-12-10",
      "an overridden record: re-scored, warning, 3 findings (2 warnings and the review-due note)", json.dumps(hostile))
check("\x1b" not in hostile["title"] and "\u202e" not in hostile["title"] and "\\x1B[31m" in hostile["title"],
      "the title's escape and bidi override are neutralised in JSON", hostile["title"])
old = rows["0003-superseded.md"]
check(old["verdict"] == "skipped" and old["chosen"] is None and old["findings"] == 0,
      "a superseded record whose successor links back is listed as skipped", json.dumps(old))
c = run("adr", "check", LIST, "--format", "json", environment=E)
verdicts = {os.path.basename(x["file"]): (x["result"], len(x.get("findings", []))) for x in json.loads(c.stdout)["records"]
            if x["result"] != "other"}
check(verdicts == {k: (v["verdict"], v["findings"]) for k, v in rows.items()},
      "list and check agree on every verdict and findings count", f"{verdicts}\n{rows}")

# Text: a header and a row per record; no raw escape or bidi character reaches the terminal.
r = run("adr", "list", LIST, environment=E)
expect(r, 0, "adr list (text)", stdout_has=["PATH", "VERDICT", "REVIEW-BY", "Use a frontier API for support triage",
                                             "\\x1B[31mred", "\\u202Eevil",
                                             "3 records checked: 0 with errors, 1 with warnings, 2 passed"],
       stdout_lacks=["\x1b", "\u202e"])
lines = r.stdout.splitlines()
check(len(lines) == 6 and lines[0].startswith("PATH") and lines[1].startswith("data/adr-list/0001-"),
      "text: header, four rows, summary", r.stdout)
check(lines[0].index("STATUS") == lines[1].index("accepted"), "text columns line up", r.stdout)

# Markdown: a table a wiki renders as is; nothing in a title can add a cell, a tag or a link.
r = run("adr", "list", LIST, "--format", "markdown", environment=E)
expect(r, 0, "adr list --format markdown",
       stdout_has=["# Decision log", "Re-scored on 2026-11-29 with the rules default@2026.11.",
                   "| Decision | Record | Status | Date | Chosen | Recommended now | Verdict | Review by | Findings |",
                   "| Use a frontier API for support triage | `data/adr-list/0001-frontier-api-for-triage.md` | accepted "
                   "| 2026-03-01 | `frontier-api` | `frontier-api` | passed | 2027-05-29 | 0 |",
                   "Pipes \\| \\`ticks\\` \\<b\\>bold\\</b\\>"],
       stdout_lacks=["\x1b", "\u202e", "<b>"])
table = [l for l in r.stdout.splitlines() if l.startswith("| ")]
check(len(table) == 5 and all(l.replace("\\|", "").count("|") == 10 for l in table),
      "markdown: every row has exactly nine cells", "\n".join(table))

# Exit codes: 0 whatever the verdicts; 2 for a path that cannot be read or a bad format.
expect(run("adr", "list", "data/adr", environment=E), 0, "a tree with failing records still lists (exit 0)",
       stdout_has=["data/adr/findings/0005-chosen-not-recommended.md", "error"])
expect(run("adr", "list", "data/no-such-folder", environment=E), 2, "an unreadable path",
       stdout_has="data/no-such-folder: error: cannot read")
expect(run("adr", "list", LIST, "--format", "sarif", environment=E), 2, "a format list does not have",
       stderr_has="sarif")
empty = scratch()
expect(run("adr", "list", cwd=empty, environment=E), 0, "no record folder: a note, exit 0",
       stderr_has="nothing to list")
expect(run("adr", "list", LIST, environment=env(MAKEORBUY_TODAY="29/11/2026")), 2, "a bad MAKEORBUY_TODAY")

# Found where people look: --help of adr and of adr list, and the completions.
expect(run("adr", "--help"), 0, "adr --help names list", stdout_has="list")
expect(run("adr", "list", "--help"), 0, "adr list --help",
       stdout_has=["--format", "text", "markdown", "MAKEORBUY_TODAY", "Exit codes"])
for shell in ("bash", "zsh", "fish"):
    r = run("completions", shell)
    expect(r, 0, f"{shell} completions", stdout_has="list")
    check("markdown" in r.stdout, f"{shell} completions offer list's formats", r.stdout[-800:])

# Item 7 end to end, in every check format: the three new findings with their places.
tree = scratch()
for name in ("0013-review-due.md", "0014-successor-missing.md", "0010-superseded.md", "0011-deprecated.md"):
    shutil.copy(data("adr", "findings", name), tree)
texts = {}
for fmt in ("text", "json", "junit", "github", "sarif", "gitlab"):
    r = run("adr", "check", tree, "--format", fmt, environment=E)
    expect(r, 1, f"lifecycle findings, --format {fmt} (successor-missing fails)")
    texts[fmt] = r.stdout
    for rule in ("review-due", "successor-missing", "successor-no-backlink"):
        check(rule in r.stdout, f"--format {fmt} reports {rule}", r.stdout[-1500:])
check(f"{tree}/0013-review-due.md:17:3: note: review-by 2026-12-15 is in 16 days (today is 2026-11-29)" in
      texts["text"], "text: review-due at FILE:LINE:COLUMN as a note", texts["text"])
check(f"{tree}/0014-successor-missing.md:3:1: error: the record is superseded by '0099-gone.md'" in texts["text"],
      "text: successor-missing at the superseded-by key", texts["text"])
check(f"{tree}/0010-superseded.md:2:1: warning: the record is superseded by {tree}/0011-deprecated.md, which "
      "does not link back" in texts["text"], "text: successor-no-backlink at the status", texts["text"])
check(f"::notice file={tree}/0013-review-due.md,line=17,col=3,title=makeorbuy review-due::" in texts["github"],
      "github: a note is a ::notice", texts["github"])
sarif = json.loads(texts["sarif"])["runs"][0]
levels = {x["ruleId"]: x["level"] for x in sarif["results"]}
check(levels == {"review-due": "note", "successor-missing": "error", "successor-no-backlink": "warning"},
      "sarif levels", levels)
rules = {x["id"]: x["defaultConfiguration"]["level"] for x in sarif["tool"]["driver"]["rules"]}
check(rules.get("review-due") == "note" and rules.get("successor-missing") == "error" and
      rules.get("successor-no-backlink") == "warning", "sarif rule defaults", rules)
gitlab = {x["check_name"]: (x["severity"], x["location"]["lines"]["begin"]) for x in json.loads(texts["gitlab"])}
check(gitlab == {"review-due": ("info", 17), "successor-missing": ("major", 3), "successor-no-backlink": ("minor", 2)},
      "gitlab severities and lines", gitlab)
junit = texts["junit"]
check('failures="1"' in junit and 'type="successor-missing"' in junit, "junit: only successor-missing fails", junit)
# A note alone never fails, even under --fail-on warning.
expect(run("adr", "check", os.path.join(tree, "0013-review-due.md"), "--fail-on", "warning", environment=E), 0,
       "review-due alone passes --fail-on warning", stdout_has="[review-due]")
# The successor linking back clears the warning; restoring the missing one clears the error.
with open(os.path.join(tree, "0011-deprecated.md"), "a", encoding="utf-8") as f:
    f.write("\nSupersedes [ADR-0010](0010-superseded.md)\n")
with open(os.path.join(tree, "0099-gone.md"), "w", encoding="utf-8") as f:
    f.write("---\nsupersedes: 0014-successor-missing.md\n---\n# 99. The successor\n")
r = run("adr", "check", tree, environment=E)
expect(r, 0, "successors present and linking back", stdout_lacks=["[successor-missing]", "[successor-no-backlink]"])
# Past its date, review-due becomes review-overdue (a warning), from the same MAKEORBUY_TODAY clock.
expect(run("adr", "check", os.path.join(tree, "0013-review-due.md"), "--fail-on", "warning",
           environment=env(MAKEORBUY_TODAY="2026-12-16")), 1, "a day after review-by: review-overdue",
       stdout_has="[review-overdue]")
expect(run("adr", "check", os.path.join(tree, "0013-review-due.md"), environment=env(MAKEORBUY_TODAY="2026-11-14")),
       0, "31 days before review-by: nothing", stdout_lacks="[review-due]")

finish()
