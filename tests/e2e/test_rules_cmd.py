"""rules validate | show | schema, and a --rules table that adds a question
and an option with no code change."""

import json
import os

from harness import SOURCE, check, data, expect, finish, run, scratch

PREFIX = "makeorbuy: error: "


def rel(*parts):
    return os.path.relpath(data(*parts))


def at(path, line, needle):
    with open(path, encoding="utf-8") as f:
        text = f.read().splitlines()[line - 1]
    return f"{path}:{line}:{text.index(needle) + 1}"


def errors(result):
    return [line for line in result.stderr.splitlines() if line.startswith(PREFIX)]


# The built-in table and the shipped file are valid; so is the small fixture.
r = run("rules", "validate", os.path.join(SOURCE, "rules", "default.json"))
expect(r, 0, "rules validate rules/default.json", stdout_has="valid: rules default@")
r = run("rules", "validate", rel("rules", "good.json"))
expect(r, 0, "rules validate good.json", stdout_has=["valid: rules tiny@1", "2 questions", "2 options"],
       stderr_lacks=PREFIX)

# Each bad fixture: its problem at the exact FILE:LINE:COLUMN, exit 2.
CASES = [
    ("bad-unknown-question.json", 16, '"stag"', "unknown question 'stag' in condition; did you mean 'stage'?"),
    ("bad-unknown-option.json", 17, '"onw"', "unknown option 'onw'; did you mean 'own'?"),
    ("bad-unknown-value.json", 16, '"erly"',
     "unknown value 'erly' for stage; did you mean 'early'? (allowed: early, late)"),
    ("bad-duplicate-id.json", 17, '"early-api"', "duplicate id 'early-api' (first used at line 16)"),
    ("bad-weight.json", 17, '9,', "'weight' is 9, outside the allowed range 0 to 5"),
    ("bad-never-holds.json", 17, '2000000', "the condition of 'spend-own' can never hold (spend >= 2000000)"),
    ("bad-unknown-field.json", 17, '"wieght"', "unknown field 'wieght' in a rule; did you mean 'weight'?"),
    ("bad-reserved-key.json", 8, '"format"', "'format' is a makeorbuy flag; choose another key"),
    # Cost figures (issue 13): an unknown figure, an unknown option, a ratio of an option to itself,
    # and a placeholder in a text naming an unknown option.
    ("bad-figure-unknown.json", 17, '"cost:monthly-cost:own"',
     "unknown cost figure 'monthly-cost'; did you mean 'monthly-usd'? (figures: monthly-usd, ratio, "),
    ("bad-figure-option.json", 17, '"cost:ratio:api/onw"',
     "unknown option 'onw' in cost figure 'cost:ratio:api/onw'; did you mean 'own'?"),
    ("bad-figure-self-ratio.json", 18, '"cost:ratio:own/own"',
     "'cost:ratio:own/own' is a ratio of an option to itself, always 1; name two different options"),
    ("bad-figure-placeholder.json", 18, '"Own costs',
     "unknown option 'owm' in cost figure 'cost:monthly-usd:owm'; did you mean 'own'?"),
]
for name, line, needle, message in CASES:
    path = rel("rules", name)
    r = run("rules", "validate", path)
    expect(r, 2, f"rules validate {name}", stderr_has=PREFIX + at(path, line, needle) + ": " + message,
           stdout_lacks="valid")

r = run("rules", "validate", rel("rules", "bad-malformed.json"))
expect(r, 2, "rules validate bad-malformed.json", stderr_has=[PREFIX + rel("rules", "bad-malformed.json") + ":4:",
                                                              "malformed JSON"])

# Several problems: all of them, at once.
many = rel("rules", "bad-many.json")
r = run("rules", "validate", many)
expect(r, 2, "rules validate bad-many.json", stderr_has=[
    PREFIX + at(many, 16, '"stag"') + ": unknown question 'stag'",
    PREFIX + at(many, 17, '"onw"') + ": unknown option 'onw'",
    PREFIX + at(many, 17, '9,') + ": 'weight' is 9",
    PREFIX + at(many, 20, '"early-api"') + ": duplicate id 'early-api'",
    PREFIX + at(many, 20, '"colour"') + ": unknown field 'colour' in a constraint",
])
check(len(errors(r)) == 5, "five problems, five messages", r.stderr)

# The same errors stop recommend --rules.
r = run("recommend", "--rules", many, "--stage", "early")
expect(r, 2, "recommend --rules with a bad table", stderr_has=at(many, 16, '"stag"'))

# rules show is the shipped rules/default.json, byte for byte; rules schema is JSON Schema.
r = run("rules", "show")
expect(r, 0, "rules show")
with open(os.path.join(SOURCE, "rules", "default.json"), encoding="utf-8") as f:
    check(r.stdout == f.read(), "rules show equals rules/default.json byte for byte")
r = run("rules", "schema")
expect(r, 0, "rules schema")
with open(os.path.join(SOURCE, "rules", "schema.json"), encoding="utf-8") as f:
    check(r.stdout == f.read(), "rules schema equals rules/schema.json")

# The shipped table, with its cost figures, scale lists and 'answered' tests, follows the shipped schema.
import importlib.util
if importlib.util.find_spec("jsonschema") is not None:
    import jsonschema
    with open(os.path.join(SOURCE, "rules", "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(os.path.join(SOURCE, "rules", "default.json"), encoding="utf-8") as f:
        table = json.load(f)
    problems = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(table)]
    check(not problems, "rules/default.json follows rules/schema.json", "\n".join(problems[:5]))
try:
    schema = json.loads(r.stdout)
except ValueError:
    schema = {}
check("$schema" in schema and "json-schema.org" in schema.get("$schema", ""), "the schema names its dialect")

# A table of one's own: the default rules plus a question and an option, no code change.
table = json.loads(run("rules", "show").stdout)
table["id"] = "extended"
table["questions"].append({
    "key": "on-device", "prompt": "Must it run on the user's device?", "help": "Offline or private use.",
    "type": "choice", "values": [{"value": "yes", "text": "it must", "aliases": ["true"]},
                                 {"value": "no", "text": "it need not", "aliases": ["false"]}],
    "default": "no"})
table["options"].append({"id": "edge-model", "name": "On-device model", "summary": "A small model on the device."})
table["rules"].append({"id": "offline-needs-edge", "when": {"on-device": "yes"}, "effects": {"edge-model": 5},
                       "weight": 5, "rationale": "Only a model on the device works offline.", "guide": "test"})
table["constraints"].append({"id": "device-only", "when": {"on-device": "yes"},
                             "exclude": ["frontier-api", "small-hosted"], "rationale": "No network.", "guide": "test"})
custom = os.path.join(scratch(), "extended.json")
with open(custom, "w", encoding="utf-8") as f:
    json.dump(table, f, indent=2)
r = run("rules", "validate", custom)
expect(r, 0, "the extended table is valid")
r = run("questions", "--rules", custom)
expect(r, 0, "questions --rules lists the new question", stdout_has=["on-device", "Must it run on the user's device?"])
r = run("recommend", "--rules", custom, "--help")
expect(r, 0, "the new question has a flag", stdout_has="--on-device")
base = ["--stage", "growth", "--monthly-spend", "8000", "--latency", "batch", "--compliance", "none", "--team-size", "3"]
r = run("recommend", "--rules", custom, *base, "--on-device", "YES", "--format", "json")
expect(r, 0, "recommend with the new question")
try:
    out = json.loads(r.stdout)
except ValueError:
    out = {}
check(out.get("recommendation") == "edge-model", "the new option can win", out.get("ranking"))
check(out.get("rules", {}).get("id") == "extended", "the JSON names the table used")
check(out.get("answers", {}).get("on-device") == "yes", "the new answer is in the JSON")
check(len(out.get("ranking", [])) == 5, "five options ranked")
r = run("recommend", "--rules", custom, *base, "--on-devise", "yes")
expect(r, 2, "a typo of the new flag", stderr_has="did you mean '--on-device'?")
r = run("recommend", "--rules", custom, *base, "--on-device", "maybe")
expect(r, 2, "a bad value of the new question", stderr_has="unknown value 'maybe' for on-device")

finish()
