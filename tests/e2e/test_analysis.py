"""Decision analysis end to end: the JSON fields, determinism for a seed,
--samples/--seed/--no-analysis, and the contested warning at the top."""

import json
import sys

from harness import check, data, expect, finish, run

SELF_HOSTING = ["--stage", "growth", "--monthly-spend", "120k", "--latency", "interactive",
                "--compliance", "vendor-dpa", "--team-size", "12", "--volume-pattern", "steady", "--ml-ops", "some"]


def recommend_json(*extra):
    result = run("recommend", "--no-input", "--format", "json", *SELF_HOSTING, *extra)
    expect(result, 0, f"recommend json {extra}")
    return result.stdout, json.loads(result.stdout or "{}")


# The analysis and cost fields are there, with the documented names.
text, doc = recommend_json()
analysis = doc.get("analysis", {})
robustness = analysis.get("robustness", {})
check(robustness.get("samples") == 10000, "default samples 10000", robustness)
check(robustness.get("seed") == 20261129, "default seed", robustness)
shares = robustness.get("first_place_share", {})
check(set(shares) == {"frontier-api", "small-hosted", "self-hosted", "fine-tuned"}, "a share per option", shares)
check(abs(sum(shares.values()) - 1) < 1e-9, "shares sum to 1", shares)
check(robustness.get("verdict") in ("clear", "leaning", "contested"), "a verdict", robustness)
points = analysis.get("tipping_points", [])
check(len(points) > 0, "tipping points present", points)
for p in points:
    check("question" in p and "recommendation" in p and "direction" in p, "tipping point fields", p)
    check(("value" in p) != ("threshold" in p), "value or threshold", p)
spend = [p for p in points if p["question"] == "monthly-spend" and p["direction"] == "below"]
# The open model is costed bought per token (about 22x below the frontier API): its saving fades across the
# $10K-$40K band around the guide's $20K, where the frontier API takes over (issue 13).
check(len(spend) == 1 and 20000 < spend[0]["threshold"] < 40000 and spend[0]["recommendation"] == "frontier-api",
      "the open model gives way to the frontier API below a spend inside the $10K-$40K band", spend)
cost = doc.get("cost", {})
check([o.get("option") for o in cost.get("options", [])] ==
      ["frontier-api", "small-hosted", "self-hosted", "fine-tuned"], "cost of every option", cost)
check(all(isinstance(o.get("monthly_usd"), (int, float)) for o in cost.get("options", [])), "monthly_usd numbers")
forms = {o.get("option"): o.get("costed_form") for o in cost.get("options", [])}
check(forms == {"frontier-api": "api", "small-hosted": "api", "self-hosted": "per-token", "fine-tuned": "own-gpus"},
      "costed_form says which form the ranking costed", forms)
self_cost = [o for o in cost.get("options", []) if o.get("option") == "self-hosted"]
check(self_cost and self_cost[0]["costed_monthly_usd"] == self_cost[0]["alternative"]["monthly_usd"]
      and self_cost[0]["costed_monthly_usd"] < self_cost[0]["monthly_usd"],
      "the per-token form is the cheaper one the ranking counts", self_cost)
check(any(b["cheaper_above"] == "self-hosted" and b["cheaper_below"] == "frontier-api"
          for b in cost.get("break_even", [])), "a self-hosting break-even", cost.get("break_even"))

# Same seed: the same bytes. Another seed: the same fields, other shares possible.
again, _ = recommend_json()
check(text == again, "same input and seed give byte-identical JSON")
_, seeded = recommend_json("--seed", "7", "--samples", "500")
check(seeded["analysis"]["robustness"]["seed"] == 7 and seeded["analysis"]["robustness"]["samples"] == 500,
      "--seed and --samples are used", seeded["analysis"]["robustness"])
seeded_again, _ = recommend_json("--seed", "7", "--samples", "500")
check(seeded_again == recommend_json("--seed", "7", "--samples", "500")[0], "a given seed is deterministic")

# --no-analysis leaves the sections out.
_, plain = recommend_json("--no-analysis")
check("analysis" not in plain and "cost" not in plain, "--no-analysis drops analysis and cost", list(plain))
expect(run("recommend", "--no-input", *SELF_HOSTING, "--samples", "0"), 2, "--samples 0 is refused")

# Text: the sections are there; a clear result has no warning at the top.
result = run("recommend", "--no-input", *SELF_HOSTING)
expect(result, 0, "text", stdout_has=["How sure is this", "What would change this", "Cost per month",
                                      "monthly-spend below"])
check(not result.stdout.startswith("Contested"), "no contested warning for a clear result")

# A contested result: three options whose rules carry equal weights, so each
# comes first in about a third of the weight samples (tests/data/rules/contested.json).
contested = ["--rules", data("rules", "contested.json")]
r = run("recommend", "--no-input", "--format", "json", *contested)
expect(r, 0, "contested json")
robustness = json.loads(r.stdout)["analysis"]["robustness"]
check(robustness["verdict"] == "contested", "equal weights give a contested verdict", robustness)
check(all(0.25 < share < 0.42 for share in robustness["first_place_share"].values()),
      "each option first in about a third of the samples", robustness)
r = run("recommend", "--no-input", *contested)
expect(r, 0, "contested text")
check(r.stdout.startswith("Contested:"), "the contested verdict is the first line", r.stdout[:400])
md = run("recommend", "--no-input", "--format", "markdown", *contested)
expect(md, 0, "contested markdown", stdout_has=["### How sure is this", "> [!WARNING]\n> Contested: "])

# Issue 13: the ranking reads the cost model. The chosen --cost-profile can change it (the same answers,
# weights needed so the open model runs on your own GPUs: cheap GPUs and half an engineer tip it).
WEIGHTS = ["--stage", "growth", "--monthly-spend", "60k", "--latency", "interactive", "--compliance", "none",
           "--team-size", "20", "--ml-ops", "dedicated", "--weights-control", "yes", "--fine-tune-drivers",
           "output-format", "--tried-cheaper", "yes", "--no-analysis"]
winners = {}
for profile in ("minimal", "typical"):
    r = run("recommend", "--no-input", "--format", "json", *WEIGHTS, "--cost-profile", profile)
    expect(r, 0, f"recommend --cost-profile {profile}")
    winners[profile] = json.loads(r.stdout or "{}").get("ranking", [{}])[0].get("option")
check(winners == {"minimal": "self-hosted", "typical": "fine-tuned"}, "--cost-profile changes the ranking", winners)

# --prices reaches the ranking too: with the provider's open model priced 100x higher, the per-token form
# is no longer the cheaper, and the open model is costed (and ranked) on its own GPUs.
import os
import tempfile
with open(os.path.join(data(), "..", "..", "rules", "prices.json"), encoding="utf-8") as f:
    prices = json.load(f)
for key in ("input_cost_per_token", "output_cost_per_token"):
    prices["api_models"]["deepinfra-llama-3.3-70b"][key] *= 100
dearer = os.path.join(tempfile.mkdtemp(), "prices.json")
with open(dearer, "w", encoding="utf-8") as f:
    json.dump(prices, f)
r = run("recommend", "--no-input", "--format", "json", *SELF_HOSTING, "--prices", dearer)
expect(r, 0, "recommend --prices with a dearer provider")
doc2 = json.loads(r.stdout or "{}")
forms2 = {o.get("option"): o.get("costed_form") for o in doc2.get("cost", {}).get("options", [])}
check(forms2.get("self-hosted") == "own-gpus", "a dearer provider: the open model is costed on its own GPUs", forms2)
check(doc2.get("ranking", [{}])[0].get("option") != "self-hosted",
      "a dearer provider: the open model, dearer than the API on its own GPUs, is not recommended",
      doc2.get("ranking"))

finish()
