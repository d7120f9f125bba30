"""--format html end to end, without a browser (tests/browser/ has the one that uses chromium): the page is
well-formed XML, the same bytes on every run, self-contained, carries the JSON's figures, escapes every
string from a rules file; --output writes it whole and refuses a file that exists (without --force), a
folder or a place that cannot be written, with exit 2 and nothing written; adr new --html writes the
report beside the record and links it."""

import json
import os
import re
import xml.etree.ElementTree as ET

from harness import SOURCE, check, env, expect, finish, run, scratch

E = env(MAKEORBUY_TODAY="2026-12-07")
PROFILE = ["--stage", "growth", "--monthly-spend", "120k", "--latency", "interactive", "--compliance", "vendor-dpa",
           "--team-size", "12", "--volume-pattern", "steady", "--ml-ops", "some", "--no-input"]
SVG = "{http://www.w3.org/2000/svg}"


def parsed(text, what):
    try:
        return ET.fromstring(text)
    except ET.ParseError as e:
        check(False, f"{what}: the page is well-formed", e)
        return None


def self_contained(text, what):
    check("<script" not in text.lower(), f"{what}: no script")
    links = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', text)
    check(not links, f"{what}: nothing to fetch", links)
    check(not re.findall(r"https?://(?!www\.w3\.org/(?:2000/svg|1999/xhtml)\")", text), f"{what}: no URL but the namespaces")
    check("default-src 'none'" in text, f"{what}: its Content-Security-Policy forbids fetching anything")


# recommend: well-formed, byte-identical, self-contained, the JSON's figures.
first = run("recommend", *PROFILE, "--format", "html", environment=E)
expect(first, 0, "recommend --format html", stdout_has=["<!DOCTYPE html>", "Recommendation: Self-hosted open model"])
second = run("recommend", *PROFILE, "--format", "html", environment=E)
check(first.stdout == second.stdout, "two runs with the same answers give the same bytes")
self_contained(first.stdout, "recommend")
root = parsed(first.stdout, "recommend")
data = json.loads(run("recommend", *PROFILE, "--format", "json", environment=E).stdout)
if root is not None:
    charts = [s.get("data-chart") for s in root.iter(SVG + "svg")]
    check(charts == ["ranking-chart", "sure-chart", "cost-chart", "parts-chart"], "one SVG per chart", charts)
    for s in root.iter(SVG + "svg"):
        check(s.find(SVG + "title") is not None and s.find(SVG + "desc") is not None,
              f"{s.get('data-chart')}: a title and a description")
    ranking = next(s for s in root.iter(SVG + "svg") if s.get("data-chart") == "ranking-chart")
    bars = [(g.get("data-key"), float(g.get("data-value"))) for g in ranking.iter(SVG + "g") if g.get("data-value")]
    check(bars == [(r["option"], r["score"]) for r in data["ranking"] if not r["excluded"]],
          "the ranking chart holds the JSON's scores", bars)
    text = "".join(root.itertext())
    for item in ("Rules default version", data["rules"]["fingerprint"], data["cost"]["prices_as_of"]):
        check(item in re.sub(r"\s+", " ", text), f"the page is traced: {item!r}")
    check(data["cost"]["tier_note"] and data["cost"]["tier_note"] in re.sub(r"\s+", " ", text),
          "the page says which quality tier each option is in, as the JSON does", data["cost"]["tier_note"])

# A default that means "work it out" reads as what it means, not as a 0 (HTML and Markdown alike).
check("<code>requests-per-month</code> derived from monthly spend" in first.stdout,
      "the page shows requests-per-month as derived from monthly spend")
markdown = run("recommend", *PROFILE, "--format", "markdown", environment=E).stdout
check("| `requests-per-month` | derived from monthly spend (default) |" in markdown,
      "Markdown shows requests-per-month as derived from monthly spend", markdown[-1500:])

# Token prices as the answers bill them: the same sentence as the text output.
batch = run("cost", *PROFILE[:-1], "--latency", "batch", "--format", "html", environment=E)
plain = run("cost", *PROFILE[:-1], "--latency", "batch", environment=E)
pricing = next((line.strip() for line in plain.stdout.splitlines() if line.strip().startswith("Token prices:")), None)
check(pricing is not None and pricing.split(";")[0] in batch.stdout,
      "the cost page says batch prices are billed, as the text does", pricing)

# docs/example-report.html is this page (MAKEORBUY_UPDATE_EXPECTED=1 rewrites it).
example = os.path.join(SOURCE, "docs", "example-report.html")
if os.environ.get("MAKEORBUY_UPDATE_EXPECTED") == "1":
    with open(example, "w", encoding="utf-8") as f:
        f.write(first.stdout)
check(open(example, encoding="utf-8").read() == first.stdout,
      "docs/example-report.html is the report of the README's profile (regenerate with MAKEORBUY_UPDATE_EXPECTED=1)")

# cost: the same checks.
cost = run("cost", "--monthly-spend", "120k", "--format", "html", environment=E)
expect(cost, 0, "cost --format html", stdout_has="Cost against volume")
check(cost.stdout == run("cost", "--monthly-spend", "120k", "--format", "html", environment=E).stdout,
      "cost: the same bytes twice")
self_contained(cost.stdout, "cost")
parsed(cost.stdout, "cost")

# Hostile names: every string from a rules file is escaped.
folder = scratch()
with open(os.path.join(SOURCE, "rules", "default.json"), encoding="utf-8") as f:
    rules = json.load(f)
rules["options"][2]["name"] = "<script>alert(1)</script>"
rules["options"][0]["summary"] = "<img src=x onerror=alert(2)> & \"quoted\" 'text'"
for rule in rules["rules"]:
    rule["rationale"] = "<b onmouseover=alert(3)>" + rule["rationale"]
for constraint in rules["constraints"]:
    constraint["rationale"] = "</table><iframe>" + constraint["rationale"]
hostile = os.path.join(folder, "hostile.json")
with open(hostile, "w", encoding="utf-8") as f:
    json.dump(rules, f)
for answers in (PROFILE, [a if a != "vendor-dpa" else "in-house-only" for a in PROFILE]):
    r = run("recommend", "--rules", hostile, *answers, "--format", "html", environment=E)
    expect(r, 0, "hostile names: recommend --format html")
    for raw in ("<script", "<img", "<b ", "<iframe"):
        check(raw not in r.stdout, f"hostile names: {raw!r} never reaches the page unescaped")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in r.stdout, "hostile names: the name is shown, escaped")
    page = parsed(r.stdout, "hostile names")
    if page is not None:
        check("<script>alert(1)</script>" in "".join(page.itertext()), "hostile names: read back as the text given")
r = run("cost", "--rules", hostile, "--monthly-spend", "120k", "--format", "html", environment=E)
expect(r, 0, "hostile names: cost --format html", stdout_lacks=["<script", "<img"])

# --output: written whole; never over a file without --force; a folder or an unwritable place refused.
out = os.path.join(folder, "report.html")
expect(run("recommend", *PROFILE, "--format", "html", "--output", out, environment=E), 0, "--output FILE",
       stdout_lacks="<html")
check(open(out, encoding="utf-8").read() == first.stdout, "--output writes the bytes stdout would get")
with open(out, "w", encoding="utf-8") as f:
    f.write("keep me\n")
r = run("recommend", *PROFILE, "--format", "html", "--output", out, environment=E)
expect(r, 2, "--output over an existing file", stderr_has=[out, "--force"])
check(open(out, encoding="utf-8").read() == "keep me\n", "--output: an existing file is left as it was")
expect(run("recommend", *PROFILE, "--format", "html", "--output", out, "--force", environment=E), 0,
       "--output --force replaces it")
check(open(out, encoding="utf-8").read() == first.stdout, "--force: the new report is in place")
before = sorted(os.listdir(folder))
r = run("recommend", *PROFILE, "--format", "html", "--output", folder, "--force", environment=E)
expect(r, 2, "--output naming a folder", stderr_has=[folder, "folder"])
missing = os.path.join(folder, "no-such-folder", "report.html")
r = run("recommend", *PROFILE, "--format", "html", "--output", missing, environment=E)
expect(r, 2, "--output in a folder that does not exist", stderr_has=missing)
check(sorted(os.listdir(folder)) == before, "refused outputs leave nothing behind", os.listdir(folder))
expect(run("recommend", *PROFILE, "--output", "", environment=E), 2, "--output with no name", stderr_has="--output")
cost_out = os.path.join(folder, "cost.json")
expect(run("cost", "--monthly-spend", "120k", "--format", "json", "--output", cost_out, environment=E), 0,
       "cost --output")
check("curves" in json.load(open(cost_out, encoding="utf-8"))["cost"], "cost --output: the JSON is in the file")
r = run("cost", "--monthly-spend", "120k", "--format", "html", "--output", cost_out, environment=E)
expect(r, 2, "cost --output over an existing file", stderr_has=cost_out)

# adr new --html: the report beside the record, linked from it.
repo = scratch()
os.mkdir(os.path.join(repo, ".git"))
r = run("adr", "new", "Model for support triage", *PROFILE, "--html", cwd=repo, environment=E)
expect(r, 0, "adr new --html", stdout_has="docs/decisions/0001-model-for-support-triage.md")
record = os.path.join(repo, "docs", "decisions", "0001-model-for-support-triage.md")
report = os.path.join(repo, "docs", "decisions", "0001-model-for-support-triage.html")
check(os.path.exists(report), "adr new --html: the report is beside the record")
if os.path.exists(report):
    check(open(report, encoding="utf-8").read() == first.stdout,
          "adr new --html: the report is recommend --format html for the same answers")
check("](0001-model-for-support-triage.html)" in open(record, encoding="utf-8").read(),
      "adr new --html: the record links the report")
expect(run("adr", "check", cwd=repo, environment=E), 0, "adr check passes beside a report")
r = run("adr", "new", "Model for support triage", *PROFILE, cwd=repo, environment=E)
check("0002-model-for-support-triage.html" not in open(os.path.join(repo, "docs", "decisions",
                                                                     "0002-model-for-support-triage.md"),
                                                        encoding="utf-8").read(),
      "adr new without --html: no link")

finish()
