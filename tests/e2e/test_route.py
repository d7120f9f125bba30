"""The routing plan end to end: where the answers call for routing (a
pipeline) it is printed in text, JSON, Markdown and new decision records,
its figures are the cost section's own, and without a pipeline there is none
(JSON "route": null). Hand figures: at $85K of GPT-5 spend (20M requests a
month, $0.00425 each) the hard 20% cost $17,000; the routine 80% go to the
open model per token at $0.000196 a request, 16M x 0.000196 = $3,136."""

import json
import os
import re

from harness import check, env, expect, finish, run, scratch

BASE = ["--stage", "growth", "--monthly-spend", "85k", "--latency", "interactive", "--compliance", "vendor-dpa",
        "--team-size", "12", "--no-input"]

# JSON: the plan, and the singles equal to the cost section's figures.
r = run("recommend", *BASE, "--pipeline", "yes", "--format", "json")
expect(r, 0, "route json")
doc = json.loads(r.stdout or "{}")
route = doc.get("route") or {}
check(route.get("id") == "route-pipeline", "the general pipeline route", route.get("id"))
lanes = route.get("lanes", [])
check(len(lanes) == 2, "two lanes", lanes)
if len(lanes) == 2:
    check(lanes[0]["option"] == "frontier-api" and lanes[0]["share"] == 0.2, "hard steps: 20% frontier", lanes[0])
    check(lanes[0]["monthly_usd"] == 17000, "hard steps cost $17,000", lanes[0])
    check(lanes[1]["option"] == "self-hosted" and lanes[1]["costed_form"] == "per-token", "routine: open per token",
          lanes[1])
    check(lanes[1]["monthly_usd"] == 3136, "routine steps cost $3,136", lanes[1])
check(route.get("monthly_usd") == 20136, "blended $20,136", route.get("monthly_usd"))
check(abs(sum(l["monthly_usd"] for l in lanes) - route.get("monthly_usd", 0)) < 0.01, "the lanes add up to the blend")
check((route.get("fallback") or {}).get("monthly_usd") == 784, "fallback $784 while it carries the hard steps",
      route.get("fallback"))
check("assumption" in route.get("share_source", ""), "the share is labelled as an assumption", route.get("share_source"))
costed = {o["option"]: o["costed_monthly_usd"] for o in doc.get("cost", {}).get("options", [])}
for single in route.get("single_options", []):
    check(single["monthly_usd"] == costed.get(single["option"]), f"single {single['option']} as the cost section",
          (single, costed))

# Text: the section, with the same amounts the cost section prints.
r = run("recommend", *BASE, "--pipeline", "yes")
expect(r, 0, "route text", stdout_has=["Routing plan", "20% of the calls", "$17K a month", "$3,136 a month",
                                        "Blended: $20.1K a month", "makeorbuy's assumption"])
cost_rows = dict(re.findall(r"^  (Frontier hosted API|Smaller hosted model)\s+(\$[\d.,]+K?)", r.stdout, re.M))
check(cost_rows.get("Frontier hosted API") == "$85K", "cost section prints $85K for the frontier API", cost_rows)
flat = re.sub(r"\s+", " ", r.stdout)
singles = flat.split("against each option alone:")[1].split(". ")[0] if "against each option alone:" in flat else ""
check("Frontier hosted API $85K" in singles and "Smaller hosted model $17K" in singles,
      "the plan's singles are the cost section's amounts", singles)
check("Self-hosted open model (bought per token) $3,920" in singles, "the open model alone, per token", singles)

# Markdown.
r = run("recommend", *BASE, "--pipeline", "yes", "--format", "markdown")
expect(r, 0, "route markdown", stdout_has=["### Routing plan", "- hard steps", "Blended: $20.1K a month"])

# No pipeline: no plan, JSON says null.
r = run("recommend", *BASE, "--format", "json")
expect(r, 0, "no route json")
doc = json.loads(r.stdout or "{}")
check("route" in doc and doc["route"] is None, "JSON route is null without a pipeline", doc.get("route", "absent"))
r = run("recommend", *BASE)
expect(r, 0, "no route text", stdout_lacks=["Routing plan"])
r = run("recommend", *BASE, "--format", "markdown")
expect(r, 0, "no route markdown", stdout_lacks=["### Routing plan"])

# A new decision record carries the same plan.
folder = scratch()
r = run("adr", "new", "Model for the agent", *BASE, "--pipeline", "yes", "--dir", folder,
        environment=env(MAKEORBUY_TODAY="2026-11-29"))
expect(r, 0, "adr new with a route")
path = r.stdout.strip()
text = open(path, encoding="utf-8").read() if path and os.path.exists(path) else ""
check("### Routing plan" in text and "$3,136 a month" in text and "Blended: $20.1K a month" in text,
      "the record holds the routing plan", text[-1500:])
r = run("adr", "check", folder)
expect(r, 0, "the record with a route passes adr check")

finish()
