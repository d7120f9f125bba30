"""makeorbuy cost end to end: formats, --prices replacing the table with
located errors, and the volume it needs."""

import json
import os

from harness import check, expect, finish, run, scratch

# Text, JSON and Markdown.
r = run("cost", "--monthly-spend", "120k")
expect(r, 0, "cost text", stdout_has=["Cost per month (profile typical", "Frontier hosted API", "Break-even volumes",
                                      "Self-hosted open model costs less than Frontier hosted API"])
r = run("cost", "--monthly-spend", "120k", "--format", "json")
expect(r, 0, "cost json")
doc = json.loads(r.stdout or "{}")
check(doc.get("schema") == "makeorbuy.cost/1", "cost schema", doc.get("schema"))
options = {o["option"]: o for o in doc.get("cost", {}).get("options", [])}
check(abs(options.get("frontier-api", {}).get("monthly_usd", 0) - 120000) < 0.01, "frontier cost is the spend", options)
check(options.get("self-hosted", {}).get("parts", [{}])[0].get("part") == "gpus", "self-hosted parts", options)
r = run("cost", "--requests-per-month", "1M", "--format", "markdown")
expect(r, 0, "cost markdown", stdout_has=["## AI make-or-buy: cost", "| Option | Per month |", "1M requests a month"])
r = run("cost", "--requests-per-month", "1000000", "--format", "json")
opts = {o["option"]: o for o in json.loads(r.stdout)["cost"]["options"]}
check(opts["frontier-api"]["monthly_usd"] == 4250, "GPT-5 at the reference workload costs $4,250", opts["frontier-api"])
check(opts["small-hosted"]["monthly_usd"] == 850, "GPT-5-mini at the reference workload costs $850", opts["small-hosted"])

# Profiles and their break-even with the frontier API.
for profile, low, high in (("lean", 50000, 200000), ("typical", 50000, 200000), ("enterprise", 50000, 200000),
                           ("minimal", 20000, 50000)):
    r = run("cost", "--monthly-spend", "100k", "--cost-profile", profile, "--format", "json")
    expect(r, 0, f"profile {profile}")
    points = [b for b in json.loads(r.stdout)["cost"]["break_even"]
              if b["cheaper_above"] == "self-hosted" and b["cheaper_below"] == "frontier-api"]
    check(len(points) >= 1 and low <= points[0]["reference_monthly_usd"] <= high,
          f"{profile}: self-hosting breaks even between {low} and {high}", points)

# The volume is required.
expect(run("cost"), 2, "cost without a volume", stderr_has="--monthly-spend")

# --prices: a replacement table is used; its problems are located.
folder = scratch()
with open(os.path.join(os.environ.get("MAKEORBUY_SOURCE_DIR", ".."), "rules", "prices.json")) as f:
    table = json.load(f)
table["api_models"]["gpt-5"]["output_cost_per_token"] = 2.0e-5
cheap = os.path.join(folder, "prices.json")
with open(cheap, "w") as f:
    json.dump(table, f, indent=2)
r = run("cost", "--requests-per-month", "1000000", "--prices", cheap, "--format", "json")
expect(r, 0, "cost with --prices")
check(json.loads(r.stdout or "{}").get("cost", {}).get("options", [{}])[0].get("monthly_usd") == 7250,
      "--prices replaces the table")
table["profiles"]["typical"]["options"]["self-hosted"]["gpu_offer"] = "h100-aws-p6"
bad = os.path.join(folder, "bad.json")
with open(bad, "w") as f:
    json.dump(table, f, indent=2)
r = run("cost", "--monthly-spend", "1k", "--prices", bad)
expect(r, 2, "bad price file", stderr_has=["bad.json:", "unknown GPU offer 'h100-aws-p6'", "did you mean 'h100-aws-p5'?"])
r = run("recommend", "--no-input", "--stage", "growth", "--monthly-spend", "1k", "--latency", "batch",
        "--compliance", "none", "--team-size", "3", "--prices", bad)
expect(r, 2, "recommend with a bad price file", stderr_has="unknown GPU offer")

# Text output fits 80 columns: a long list of cost parts wraps under itself.
r = run("cost", "--stage", "growth", "--monthly-spend", "120000", "--latency", "batch", "--compliance", "none",
        "--team-size", "8")
expect(r, 0, "cost with four parts to one option", stdout_has="fine-tuning")
long_lines = [line for line in r.stdout.splitlines() if len(line) > 80]
check(not long_lines, "cost text fits 80 columns", "\n".join(long_lines))
lines = r.stdout.splitlines()
at = next(i for i, line in enumerate(lines) if "fine-tuning" in line)
check(lines[at].rstrip().endswith("fine-tuning") and lines[at + 1] == " " * 40 + lines[at + 1].lstrip()
      and lines[at + 1].lstrip().startswith("$"), "the cost parts wrap under themselves",
      "\n".join(lines[at:at + 2]))

finish()
