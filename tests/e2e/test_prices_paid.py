"""Token prices as teams pay them and quality tiers end to end: --reference-model (valid, unknown with a
did-you-mean), cached-input-percent from a flags file, batch prices, the tier note, and a price file with
an unknown tier, a negative cached price and a batch price without its source, each located."""

import json

from harness import check, data, expect, finish, run


def cost_json(*args):
    r = run("cost", "--format", "json", *args)
    expect(r, 0, "cost json " + " ".join(args))
    return json.loads(r.stdout or "{}").get("cost", {})


def option(cost, option_id):
    return {o["option"]: o for o in cost.get("options", [])}.get(option_id, {})


# --reference-model: 1M requests at Claude Opus 4.5, 1,000 x $5/M + 300 x $25/M = $0.0125 each: $12,500.
cost = cost_json("--requests-per-month", "1M", "--reference-model", "claude-opus-4-5")
check(option(cost, "frontier-api").get("monthly_usd") == 12500, "the frontier option at Claude Opus 4.5",
      option(cost, "frontier-api"))
check(option(cost, "frontier-api").get("model") == "claude-opus-4-5", "the option names its model",
      option(cost, "frontier-api"))
check(cost.get("workload", {}).get("reference_model") == "claude-opus-4-5", "the workload names it",
      cost.get("workload"))
# $125,000 of spend at $0.0125 a request is 10M requests, and the curves price it the same.
cost = cost_json("--monthly-spend", "125k", "--reference-model", "claude-opus-4-5")
check(cost.get("workload", {}).get("requests_per_month") == 10000000, "spend converts at the chosen model",
      cost.get("workload"))
curves = cost.get("curves", {})
series = {s["option"]: s for s in curves.get("options", [])}
check(series.get("frontier-api", {}).get("monthly_usd", [None] * 99)[curves.get("current_index") or 0] == 125000,
      "the curve at the volume is the chosen model's cost", curves.get("current_index"))
r = run("cost", "--requests-per-month", "1M", "--reference-model", "claude-opus-4-5")
expect(r, 0, "cost text with a reference model")
check("the reference option is priced at claude-opus-4-5 (reference-model)" in " ".join(r.stdout.split()),
      "the text names the reference model", r.stdout[:800])
r = run("recommend", "--no-input", "--stage", "growth", "--monthly-spend", "125k", "--latency", "interactive",
        "--compliance", "none", "--team-size", "10", "--reference-model", "claude-opus-4-5", "--format", "json")
expect(r, 0, "recommend with a reference model")
doc = json.loads(r.stdout or "{}")
check(doc.get("answers", {}).get("reference-model") == "claude-opus-4-5", "the answer is recorded",
      doc.get("answers", {}).get("reference-model"))
check(doc.get("cost", {}).get("workload", {}).get("requests_per_month") == 10000000,
      "recommend's cost section uses it", doc.get("cost", {}).get("workload"))

# An unknown model: exit 2 with the allowed values and a did-you-mean.
r = run("cost", "--requests-per-month", "1M", "--reference-model", "gpt-6")
expect(r, 2, "unknown reference model", stderr_has=["gpt-6", "did you mean 'gpt-5'?", "claude-opus-4-5"])
r = run("recommend", "--no-input", "--stage", "growth", "--monthly-spend", "125k", "--latency", "interactive",
        "--compliance", "none", "--team-size", "10", "--reference-model", "claude-opus-45")
expect(r, 2, "unknown reference model in recommend", stderr_has="did you mean 'claude-opus-4-5'?")
# The valid ids are listed.
r = run("questions", "--format", "json")
expect(r, 0, "questions json")
questions = {q.get("key"): q for q in json.loads(r.stdout or "[]")} if r.stdout.lstrip().startswith("[") else {
    q.get("key"): q for q in json.loads(r.stdout or "{}").get("questions", [])}
values = [v.get("value") for v in questions.get("reference-model", {}).get("values", [])]
check(values[:2] == ["profile", "gpt-5"] and "gemini-2.5-pro" in values, "questions lists the frontier models",
      values)
r = run("prices", "show")
expect(r, 0, "prices show names tiers", stdout_has=["api_models/gpt-5 [frontier tier]:",
                                                    "api_models/gpt-5-mini [mid tier]:",
                                                    "api_models/gpt-5 (batch):"])

# cached-input-percent from a flags file: 1,000 x (60% x $1.25/M + 40% x $0.125/M) + 300 x $10/M = $0.0038.
cost = cost_json("--config", data("answers", "cached-input.toml"))
check(option(cost, "frontier-api").get("monthly_usd") == 3800, "40% cached input from a flags file",
      option(cost, "frontier-api"))
check(cost.get("workload", {}).get("cached_input_share") == 0.4, "the workload's cached share", cost.get("workload"))
r = run("cost", "--requests-per-month", "1M", "--cached-input-percent", "140")
expect(r, 2, "a share over 100% is refused", stderr_has="cached-input-percent")

# Batch latency: GPT-5 at half its list price, $2,125 for 1M requests; the text says so.
cost = cost_json("--requests-per-month", "1M", "--latency", "batch")
check(option(cost, "frontier-api").get("monthly_usd") == 2125, "batch prices", option(cost, "frontier-api"))
check(cost.get("workload", {}).get("batch_prices") is True, "the workload pays batch prices", cost.get("workload"))

# A complex task generates twice its output tokens: 1,000 x $1.25/M + 600 x $10/M = $0.00725, $7,250.
cost = cost_json("--requests-per-month", "1M", "--task", "complex")
check(option(cost, "frontier-api").get("monthly_usd") == 7250, "reasoning tokens", option(cost, "frontier-api"))

# The tier note: the mid-tier open model and the smaller hosted model against a frontier API.
r = run("cost", "--requests-per-month", "10M")
expect(r, 0, "cost text with tiers")
flat = " ".join(r.stdout.split())  # the sentence as one line, whatever the width
for sentence in ("Quality tiers: Frontier hosted API (gpt-5) is frontier tier. Not like with like: ",
                 "Smaller hosted model (gpt-5-mini) is mid tier",
                 "Self-hosted open model (70B-class open model, or deepinfra-llama-3.3-70b per token) is mid tier",
                 "Fine-tuned or custom model (Llama 3.1 8B FP8) is small tier"):
    check(sentence in flat, f"cost text names tiers: {sentence}", flat[-1200:])
cost = cost_json("--requests-per-month", "10M")
check(option(cost, "self-hosted").get("tier") == "mid" and option(cost, "self-hosted").get("alternative", {})
      .get("tier") == "mid" and option(cost, "self-hosted").get("same_tier_as_reference") is False,
      "self-hosted is mid tier, per token too", option(cost, "self-hosted"))
check("Not like with like" in cost.get("tier_note", ""), "JSON carries the tier note", cost.get("tier_note"))
r = run("cost", "--requests-per-month", "10M", "--format", "markdown")
expect(r, 0, "markdown names tiers", stdout_has="Not like with like")

# A price file with an unknown tier, a negative cached price and a batch price without its source.
r = run("cost", "--monthly-spend", "1k", "--prices", data("prices", "bad-tier.json"))
expect(r, 2, "bad tiers and discounts are located",
       stderr_has=["bad-tier.json:6:", "unknown tier 'frontir'; did you mean 'frontier'?",
                   "bad-tier.json:8:", "cache_read_input_token_cost", "'batch_source'",
                   "the per-token form must be of the same tier"])

finish()
