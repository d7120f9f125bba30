"""makeorbuy cost end to end: formats, --prices replacing the table with
located errors, and the volume it needs."""

import json
import os

from harness import check, expect, finish, run, scratch

# Text, JSON and Markdown.
r = run("cost", "--monthly-spend", "120k", "--volume-pattern", "steady", "--latency", "interactive")
expect(r, 0, "cost text", stdout_has=["Cost per month (profile typical", "Frontier hosted API", "Break-even volumes",
                                      "above it Self-hosted open model",
                                      "(steady traffic) at 50% of benchmark throughput"])
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

# Profiles and their break-even with the frontier API, for steady traffic (the guide's band). At batch
# latency GPT-5 bills its batch prices (half its list price), so the typical profile breaks even later, still
# in the band, and the enterprise profile (GCP list prices) never does: a GCP node costs $64.1K a month and
# carries 27.5M requests, $58.5K at GPT-5's batch price (tests/unit/test_cost_guide.cpp works it out).
for profile, latency, low, high in (("lean", "interactive", 50000, 200000),
                                    ("typical", "interactive", 50000, 200000),
                                    ("typical", "batch", 50000, 200000),
                                    ("minimal", "interactive", 20000, 50000)):
    r = run("cost", "--monthly-spend", "100k", "--cost-profile", profile, "--volume-pattern", "steady",
            "--latency", latency, "--format", "json")
    expect(r, 0, f"profile {profile}")
    points = [b for b in json.loads(r.stdout)["cost"]["break_even"]
              if b["cheaper_above"] == "self-hosted" and b["cheaper_below"] == "frontier-api"]
    check(len(points) >= 1 and low <= points[0]["reference_monthly_usd"] <= high,
          f"{profile}: self-hosting breaks even between {low} and {high}", points)

r = run("cost", "--monthly-spend", "100k", "--cost-profile", "enterprise", "--volume-pattern", "steady",
        "--latency", "batch", "--format", "json")
check(not [b for b in json.loads(r.stdout or "{}").get("cost", {}).get("break_even", [])
           if b["cheaper_above"] == "self-hosted" and b["cheaper_below"] == "frontier-api"],
      "enterprise at batch prices: self-hosting never breaks even")

# A fleet's cost is a staircase that can cross another option's cost several times within one step of the
# volume: those crossings are one range ("between A and B ... cost within N%"), never a list that flips back and
# forth (26.75M self-hosting cheaper, 32.42M the API cheaper, 36.2M self-hosting cheaper again).
for spend in ("60k", "120k", "300k", "1M"):
    r = run("cost", "--monthly-spend", spend, "--volume-pattern", "steady", "--latency", "interactive",
            "--format", "json")
    points = json.loads(r.stdout or "{}").get("cost", {}).get("break_even", [])
    by_pair = {}
    for b in points:
        by_pair.setdefault(frozenset((b["cheaper_above"], b["cheaper_below"])), []).append(b)
    for pair, listed in by_pair.items():
        for first, second in zip(listed, listed[1:]):
            end = first.get("requests_per_month_to") or first["requests_per_month"]
            check(second["requests_per_month"] >= 1.5 * end,
                  f"--monthly-spend {spend}: {sorted(pair)} cross again only after 1.5x the volume", listed)

# Spiky traffic is sized for its peak: more replicas, a higher cost on own GPUs, for the same volume.
costs = {}
for pattern in ("steady", "spiky"):
    r = run("cost", "--requests-per-month", "100M", "--volume-pattern", pattern, "--latency", "interactive",
            "--format", "json")
    expect(r, 0, f"cost for {pattern} traffic")
    doc = json.loads(r.stdout or "{}")["cost"]
    check(doc["workload"]["peak_to_average"] == {"steady": 2, "spiky": 4}[pattern]
          and doc["workload"]["target_utilization"] == 0.5, f"{pattern}: the workload's sizing", doc["workload"])
    costs[pattern] = {o["option"]: o for o in doc["options"]}["self-hosted"]
check(costs["spiky"]["replicas"] > costs["steady"]["replicas"]
      and costs["spiky"]["monthly_usd"] > costs["steady"]["monthly_usd"], "spiky costs more on own GPUs",
      {p: (c["replicas"], c["monthly_usd"]) for p, c in costs.items()})

# Curves: every option's cost over a log-spaced sweep of volumes, through the answers' own volume.
r = run("cost", "--requests-per-month", "28M", "--volume-pattern", "steady", "--latency", "interactive",
        "--format", "json")
doc = json.loads(r.stdout or "{}")["cost"]
curves = doc.get("curves", {})
volumes = curves.get("requests_per_month", [])
check(len(volumes) == 30 and volumes[0] == 1000 and volumes[-1] == 10 ** 10
      and all(b > a for a, b in zip(volumes, volumes[1:])), "curve volumes: 10^3 to 10^10, increasing", volumes)
at = curves.get("current_index")
check(at is not None and volumes[at] == 28000000, "the answers' volume is on the curve", at)
by_option = {o["option"]: o for o in doc["options"]}
for series in curves.get("options", []):
    usd = series["monthly_usd"]
    check(len(usd) == len(volumes) and all(b >= a for a, b in zip(usd, usd[1:])),
          f"{series['option']}: the curve never falls", usd)
    check(usd[at] == by_option[series["option"]]["monthly_usd"], f"{series['option']}: the curve at the volume is "
          "the option's cost", (usd[at], by_option[series["option"]]["monthly_usd"]))
    if "alternative" in series:
        check(series["alternative"]["monthly_usd"][at] == by_option[series["option"]]["alternative"]["monthly_usd"],
              f"{series['option']}: the alternative's curve at the volume", series["alternative"])
check(len(curves.get("options", [])) == 4, "a curve per option", curves.get("options"))
r = run("recommend", "--no-input", "--stage", "growth", "--monthly-spend", "120k", "--requests-per-month", "28M",
        "--latency", "interactive",
        "--compliance", "none", "--team-size", "10", "--volume-pattern", "steady", "--format", "json")
expect(r, 0, "recommend json with curves")
check(json.loads(r.stdout or "{}").get("cost", {}).get("curves") == curves, "recommend carries the same curves")

# Bad serving figures in a --prices file are located.
folder = scratch()
with open(os.path.join(os.environ.get("MAKEORBUY_SOURCE_DIR", ".."), "rules", "prices.json")) as f:
    table = json.load(f)
table["volume_patterns"]["spikey"] = {"peak_to_average": -1, "source": "s"}
table["latency_classes"]["batch"].pop("source")
bad = os.path.join(folder, "bad-serving.json")
with open(bad, "w") as f:
    json.dump(table, f, indent=2)
r = run("cost", "--monthly-spend", "1k", "--prices", bad)
expect(r, 2, "bad serving figures", stderr_has=["bad-serving.json:", "unknown volume pattern 'spikey'",
                                                "did you mean 'spiky'?", "missing required field 'source'"])

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
