"""makeorbuy prices show / import litellm end to end, and the stale-prices
notice of cost, recommend and adr check under the MAKEORBUY_TODAY clock."""

import datetime
import json
import os
import shutil

from harness import check, data, env, expect, finish, run, scratch

TODAY = "2026-12-01"
E = env(MAKEORBUY_TODAY=TODAY)

# --- prices show: every row, oldest first, text and JSON.
r = run("prices", "show", "--format", "json")
expect(r, 0, "prices show json")
doc = json.loads(r.stdout or "{}")
rows = doc.get("rows", [])
check(doc.get("prices", "").startswith("rules/prices.json"), "names the embedded table", doc.get("prices"))
ids = {(row["section"], row["id"]) for row in rows}
for want in (("api_models", "gpt-5"), ("gpu_offers", "h100-lambda"), ("serving_profiles", "llama-3.1-70b-vllm-4xh100"),
             ("defaults", "engineer_usd_per_year"), ("fine_tuning", "lora-8b-own-gpu")):
    check(want in ids, f"prices show lists {want}", sorted(ids)[:5])
dates = [row["retrieved_on"] for row in rows]
dated = [d for d in dates if d is not None]
check(dated == sorted(dated) and len(dated) > 10, "dated rows oldest first", dates)
check(all(d is None for d in dates[len(dated):]), "undated rows after every dated one", dates)
check(all(row["source"] for row in rows if row["section"] != "defaults"), "every row has a source", rows[:2])
gpt5 = next((row for row in rows if row["id"] == "gpt-5"), {})
check(gpt5.get("values", {}).get("input_cost_per_token") == 1.25e-6, "gpt-5's input price shown", gpt5)
oldest_table = dated[0] if dated else ""

r = run("prices", "show")
expect(r, 0, "prices show text", stdout_has=["Prices of rules/prices.json", "api_models/gpt-5 [frontier tier]:",
                                              "input_cost_per_token 1.25e-06", "source: BerriAI/litellm", "undated"])
lines = [l for l in r.stdout.splitlines() if l[:1].isdigit()]
check(lines and lines[0].startswith(oldest_table), "text starts with the oldest row", lines[:2])
expect(run("prices", "show", "--format", "yaml"), 2, "unknown format refused", stderr_has="format")

# --- import litellm: a fixture in LiteLLM's format.
folder = scratch()
out = os.path.join(folder, "new-prices.json")
r = run("prices", "import", "litellm", data("prices", "litellm.json"), "--output", out, environment=E)
expect(r, 0, "import litellm", stdout_has=[
    "gpt-5: input $1.25 → $1.5, output $10 → $12 per million tokens; dated 2026-11-29 → 2026-12-01",
    "gpt-5-mini: input $0.25 (unchanged), output $2 (unchanged)",
    "claude-3-haiku (LiteLLM claude-3-haiku-20240307): input $0.25 → $0.3",
    "deepinfra-llama-3.3-70b (LiteLLM deepinfra/meta-llama/Llama-3.3-70B-Instruct): input $0.1 → $0.23",
    "gemini-2.5-pro: not in the file", "3 other entries ignored"])
new = json.load(open(out)) if os.path.exists(out) else {}
models = new.get("api_models", {})
check(models.get("gpt-5", {}).get("input_cost_per_token") == 1.5e-6, "gpt-5 updated", models.get("gpt-5"))
check(models.get("gpt-5", {}).get("retrieved_on") == TODAY, "gpt-5 dated today", models.get("gpt-5"))
check("litellm.json" in models.get("gpt-5", {}).get("source", ""), "source names the file", models.get("gpt-5"))
check(models.get("gemini-2.5-pro", {}).get("retrieved_on") == "2026-07-24", "models not in the file kept",
      models.get("gemini-2.5-pro"))
check("gpt-4o" not in models and "text-embedding-3-small" not in models, "other entries not added", list(models))
check(list(new.get("api_models", {})) == list(json.load(open(os.path.join(os.environ.get("MAKEORBUY_SOURCE_DIR", "."),
      "rules", "prices.json"))).get("api_models", {})) if os.environ.get("MAKEORBUY_SOURCE_DIR") else True,
      "model order kept")
check(new.get("gpu_offers", {}).get("h100-lambda", {}).get("usd_per_gpu_hour") == 3.99, "GPU offers kept")
# The new table is usable.
r = run("cost", "--requests-per-month", "1000000", "--prices", out, "--format", "json", environment=E)
expect(r, 0, "cost with the imported table")
opts = {o["option"]: o for o in json.loads(r.stdout or '{"cost":{"options":[]}}')["cost"]["options"]}
# 1M requests x (1,000 x $1.5e-6 + 300 x $1.2e-5) = $1,500 + $3,600.
check(opts.get("frontier-api", {}).get("monthly_usd") == 5100, "imported gpt-5 price used", opts.get("frontier-api"))

# Never overwrites without --force; with it, it does.
before = open(out).read()
r = run("prices", "import", "litellm", data("prices", "litellm.json"), "--output", out, environment=env(MAKEORBUY_TODAY="2026-12-02"))
expect(r, 2, "refuses to overwrite", stderr_has=["new-prices.json", "--force"])
check(open(out).read() == before, "file untouched after a refusal")
r = run("prices", "import", "litellm", data("prices", "litellm.json"), "--output", out, "--force",
        environment=env(MAKEORBUY_TODAY="2026-12-02"))
expect(r, 0, "overwrites with --force")
check(json.load(open(out))["api_models"]["gpt-5"]["retrieved_on"] == "2026-12-02", "re-dated with --force")
# Importing on top of an imported table (--prices) reports no price change for gpt-5.
again = os.path.join(folder, "again.json")
r = run("prices", "import", "litellm", data("prices", "litellm.json"), "--prices", out, "--output", again,
        environment=E)
expect(r, 0, "import onto --prices", stdout_has="gpt-5: input $1.5 (unchanged), output $12 (unchanged)")

# Malformed files: exit 2 with FILE:LINE:COLUMN, nothing written.
bad = os.path.join(folder, "bad.json")
r = run("prices", "import", "litellm", data("prices", "litellm-malformed.json"), "--output", bad, environment=E)
expect(r, 2, "malformed LiteLLM file", stderr_has="litellm-malformed.json:17:")
check(not os.path.exists(bad), "nothing written for a malformed file")
r = run("prices", "import", "litellm", data("prices", "litellm-bad-price.json"), "--output", bad, environment=E)
expect(r, 2, "a price that is not a number", stderr_has=["litellm-bad-price.json:17:34", "output_cost_per_token"])
check(not os.path.exists(bad), "nothing written for a bad price")
expect(run("prices", "import", "litellm", data("prices", "missing.json"), "--output", bad), 2, "missing file",
       stderr_has="missing.json")
expect(run("prices", "import", "litellm", data("prices", "litellm.json")), 2, "--output is required",
       stderr_has="--output")

# --- staleness: the oldest price the profile uses, and 180 days after it.
r = run("cost", "--monthly-spend", "120k", "--format", "json", environment=E)
cost = json.loads(r.stdout or "{}").get("cost", {})
oldest = cost.get("oldest_price", "")
check(len(oldest) == 10, "cost JSON names the oldest price used", cost.get("oldest_price"))


def day(offset):
    return (datetime.date.fromisoformat(oldest) + datetime.timedelta(days=offset)).isoformat()


NOTICE = "The oldest price used is from"
for offset, stale in ((179, False), (180, False), (181, True)):
    e = env(MAKEORBUY_TODAY=day(offset))
    r = run("cost", "--monthly-spend", "120k", environment=e)
    expect(r, 0, f"cost text at {offset} days",
           stdout_has=[f"oldest price {oldest}"] + ([NOTICE, f"{offset} days ago"] if stale else []),
           stdout_lacks=[] if stale else [NOTICE])
    r = run("cost", "--monthly-spend", "120k", "--format", "json", environment=e)
    c = json.loads(r.stdout or "{}").get("cost", {})
    check(c.get("prices_age_days") == offset and c.get("prices_stale") is stale, f"cost json at {offset} days", c)
    r = run("cost", "--monthly-spend", "120k", "--format", "markdown", environment=e)
    expect(r, 0, f"cost markdown at {offset} days",
           stdout_has=[f"oldest price used {oldest}"] + (["> **Notice:**"] if stale else []),
           stdout_lacks=[] if stale else ["Notice:"])
    args = ("recommend", "--stage", "growth", "--monthly-spend", "120k", "--latency", "interactive", "--compliance",
            "vendor-dpa", "--team-size", "12", "--volume-pattern", "steady", "--ml-ops", "some", "--samples", "200")
    r = run(*args, environment=e)
    expect(r, 0, f"recommend text at {offset} days",
           **({"stdout_has": NOTICE} if stale else {"stdout_lacks": NOTICE}))
    r = run(*args, "--format", "json", environment=e)
    rc = (json.loads(r.stdout or "{}").get("cost") or {})
    check(rc.get("prices_stale") is stale and rc.get("oldest_price") == oldest, f"recommend json at {offset} days",
          {k: rc.get(k) for k in ("oldest_price", "prices_age_days", "prices_stale")})

# --- adr check: a prices-stale notice on each re-scored record, in every format; never a failure.
record = data("adr", "formats", "0001-madr4.md")


def table_day(offset):
    return (datetime.date.fromisoformat(oldest_table) + datetime.timedelta(days=offset)).isoformat()


r = run("adr", "check", record, environment=env(MAKEORBUY_TODAY=table_day(180)))
expect(r, 0, "adr check at 180 days", stdout_lacks="prices-stale")
e = env(MAKEORBUY_TODAY=table_day(181))
r = run("adr", "check", record, "--fail-on", "warning", environment=e)
expect(r, 0 if "warning:" not in r.stdout else 1, "adr check at 181 days",
       stdout_has=[f"0001-madr4.md:1:1: note: re-scored with a price table whose oldest price is from {oldest_table}, "
                   "181 days ago", "[prices-stale]"])
r = run("adr", "check", record, "--format", "github", environment=e)
expect(r, r.returncode, "github notice", stdout_has="::notice file=")
r = run("adr", "check", record, "--format", "json", environment=e)
findings = [f for rec in json.loads(r.stdout or "{}").get("records", []) for f in rec.get("findings", [])]
stale = [f for f in findings if f.get("kind", f.get("id")) == "prices-stale" or "prices-stale" in json.dumps(f)]
check(len(stale) == 1 and stale[0].get("severity") == "note", "json notice", findings)
r = run("adr", "check", record, "--format", "sarif", environment=e)
results = [x for run_ in json.loads(r.stdout or "{}").get("runs", []) for x in run_.get("results", [])]
check(any(x.get("ruleId") == "prices-stale" and x.get("level") == "note" for x in results), "sarif note", results)

finish()
