"""Issue 14 items 5 and 6: the status as teams write it in the body (every form
honoured, retired records skipped in every form), `adr new --status` limited to
known statuses, and a moved recommendation blamed on its real cause
(answers-edited or rules-changed)."""

import json
import os
import re

from harness import SOURCE, check, data, env, expect, finish, run, scratch

E = env(MAKEORBUY_TODAY="2026-11-29")
ANSWERS = ["--config", os.path.join(SOURCE, "tests", "bench", "answers.toml")]

with open(data("adr", "findings", "0005-chosen-not-recommended.md"), encoding="utf-8") as f:
    FAILING = f.read().replace('status: "accepted"\n', "", 1)  # no status in the front matter

FORMS = {
    "heading": "## Status\n\n{}\n",
    "heading-bold": "## Status\n\n**{}**\n",
    "heading-h3": "### Status\n{}\n",
    "heading-colon": "## Status: {}\n",
    "bold-colon-inside": "**Status:** {}\n",
    "bold-colon-outside": "**Status**: {}\n",
    "plain": "Status: {}\n",
    "bullet": "* Status: {}\n",
    "bullet-bold": "- **Status**: {}\n",
    "table-row": "| Field | Value |\n|---|---|\n| Status | {} |\n| Date | 2024-01-01 |\n",
    "table-column": "| Status | Date |\n|--------|------|\n| {} | 2024-01-01 |\n",
}
RETIRED = ["Superseded", "superseded by [ADR-0009](0009-x.md)", "Deprecated", "Rejected", "~~Accepted~~ Superseded"]
tree = scratch()
for form, template in FORMS.items():
    for i, word in enumerate(RETIRED + ["Accepted"]):
        name = f"{form}-{i}.md"
        body = "\n# A decision\n\n" + template.format(word) + "\n## Context\n\nWhy.\n"
        with open(os.path.join(tree, name), "w", encoding="utf-8") as f:
            f.write(FAILING.replace("\n# Chosen differs without a reason\n", body, 1))
# The successor the linked status names, linking back to each record that names it (else the
# superseded record's link is a successor-missing error, item 7, and not a plain skip).
with open(os.path.join(tree, "0009-x.md"), "w", encoding="utf-8") as f:
    f.write("# 9. X\n\nSupersedes " + ", ".join(f"{form}-1.md" for form in FORMS) + "\n")
r = run("adr", "check", tree, "--format", "json", environment=E)
records = {os.path.basename(x["file"]): x for x in json.loads(r.stdout)["records"]}
for form in FORMS:
    for i, word in enumerate(RETIRED):
        rec = records.get(f"{form}-{i}.md", {})
        check(rec.get("result") == "skipped", f"status form {form} with {word!r} is skipped", json.dumps(rec))
    rec = records.get(f"{form}-{len(RETIRED)}.md", {})
    check(rec.get("result") == "error" and rec.get("status") == "accepted",
          f"status form {form} with 'Accepted' is checked", json.dumps(rec))
# The --no-proposed gate sees a body status too, at its line.
proposed = os.path.join(tree, "proposed.md")
with open(proposed, "w", encoding="utf-8") as f:
    f.write(FAILING.replace("\n# Chosen differs without a reason\n", "\n# X\n\n**Status:** Proposed\n", 1))
r = run("adr", "check", proposed, "--no-proposed", environment=E)
expect(r, 1, "a bold body status 'Proposed' under --no-proposed", stdout_has="proposed.md:20:13: error: status is")

# adr new --status: known statuses only, with a did-you-mean.
repo = scratch()
os.mkdir(os.path.join(repo, ".git"))
for good in ("accepted", "Proposed", "superseded by ADR-0003", "draft"):
    expect(run("adr", "new", f"Status {good}", *ANSWERS, "--status", good, cwd=repo, environment=E), 0,
           f"--status {good}")
for bad, hint in (("acepted", "accepted"), ("in review", None), ("supersede", "superseded"), ("accepted by Ana", None)):
    r = run("adr", "new", "Bad status", *ANSWERS, "--status", bad, cwd=repo, environment=E)
    expect(r, 2, f"--status {bad!r} refused", stderr_has=["--status: ", "unknown status"] +
           ([f"did you mean '{hint}'?"] if hint else []))

# Item 6: the cause of a moved recommendation.
repo = scratch()
os.mkdir(os.path.join(repo, ".git"))
r = run("adr", "new", "Cause", *ANSWERS, "--status", "accepted", cwd=repo, environment=E)
expect(r, 0, "adr new for the cause test")
path = os.path.join(repo, r.stdout.strip())
with open(path, encoding="utf-8") as f:
    written = f.read()
check(re.search(r'answers-digest: "fnv1a64:[0-9a-f]{16}"', written) is not None, "adr new writes answers-digest")
expect(run("adr", "check", path, environment=E), 0, "the new record passes")
recommended = re.search(r"  recommended: (\S+)", written).group(1)
others = [o for o in ("frontier-api", "small-hosted", "self-hosted", "fine-tuned") if o != recommended]


def variant(name, text):
    p = os.path.join(repo, name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    return p


# Answers edited so the recommendation moves (in-house-only rules out the hosted options).
p = variant("edited.md", written.replace("compliance: vendor-dpa", "compliance: in-house-only"))
r = run("adr", "check", p, "--format", "json", environment=E)
rec = json.loads(r.stdout)["records"][0]
ids = [f["rule"] for f in rec.get("findings", [])]
check(rec.get("recommended_now") not in (None, recommended), "editing compliance moves the recommendation", r.stdout)
check("answers-edited" in ids and "rules-changed" not in ids, "edited answers: answers-edited, not rules-changed",
      r.stdout[-1500:])
# recommended edited by hand to another option, answers untouched, same rules: the digest still matches.
p = variant("rules.md", written.replace(f"  recommended: {recommended}", f"  recommended: {others[0]}"))
r = run("adr", "check", p, environment=E)
expect(r, 0, "same answers, same rules version, recommendation differs: rules-changed (edited in place)",
       stdout_has=["[rules-changed]", "the same version"], stdout_lacks="answers-edited")
p = variant("old-rules.md", written.replace(f"  recommended: {recommended}", f"  recommended: {others[0]}")
            .replace('rules: "default@2026.11"', 'rules: "default@2025.01"'))
r = run("adr", "check", p, environment=E)
expect(r, 0, "older rules version: rules-changed", stdout_has=["[rules-changed]", "scored with default@2025.01"],
       stdout_lacks="answers-edited")
# A record without a digest (written before it existed), same rules version: the answers were edited.
no_digest = re.sub(r'  answers-digest: "[^"]*"\n', "", written)
p = variant("no-digest.md", no_digest.replace(f"  recommended: {recommended}", f"  recommended: {others[0]}"))
r = run("adr", "check", p, environment=E)
expect(r, 0, "no digest, same rules version: answers-edited", stdout_has=["[answers-edited]", "same rules"])
r = run("adr", "check", "--help")
expect(r, 0, "help lists answers-edited", stdout_has="answers-edited")

finish()
