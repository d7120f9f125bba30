"""questions: every question with its values or range, default and help, in
text and JSON; a --rules table's own questions."""

import json

from harness import check, data, expect, finish, run

KEYS = ["stage", "monthly-spend", "volume-pattern", "latency", "compliance", "team-size", "ml-ops", "task",
        "quality-is-product", "cost-pressure", "pipeline", "weights-control", "lock-in", "tried-cheaper",
        "fine-tune-drivers"]

r = run("questions")
expect(r, 0, "questions", stdout_has=[*KEYS, "(required)", "(default: ", "pre-pmf", "in-house-only",
                                      "a number from 0", "Rules: default@"], stdout_lacks="\x1b")

r = run("questions", "--format", "json")
expect(r, 0, "questions --format json")
try:
    doc = json.loads(r.stdout)
except ValueError:
    doc = {}
check(doc.get("schema") == "makeorbuy.questions/1", "questions JSON schema")
questions = {q["key"]: q for q in doc.get("questions", [])}
check(set(KEYS) <= set(questions), "every question of interface.md is listed", sorted(questions))
for key, q in questions.items():
    check(q.get("help"), f"{key} has help")
    check(q.get("flag") == "--" + key, f"{key}'s flag is --{key}")
    if q.get("type") in ("choice", "multi"):
        check(q.get("values") and all(v.get("text") for v in q["values"]), f"every value of {key} has a text")
    else:
        check("min" in q and "max" in q, f"{key} has a range")
check(questions.get("stage", {}).get("required") is True, "stage is required")
check([v["value"] for v in questions.get("stage", {}).get("values", [])] == ["prototype", "pre-pmf", "growth", "scale"],
      "stage's values in order")
check(questions.get("monthly-spend", {}).get("min") == 0, "monthly-spend starts at 0")
check(questions.get("fine-tune-drivers", {}).get("default") == [], "fine-tune-drivers defaults to none")
check(run("questions", "--format", "json").stdout == r.stdout, "questions JSON is deterministic")

r = run("questions", "--rules", data("rules", "good.json"), "--format", "json")
expect(r, 0, "questions of a --rules table")
try:
    keys = [q["key"] for q in json.loads(r.stdout)["questions"]]
except (ValueError, KeyError):
    keys = []
check(keys == ["stage", "spend"], "a --rules table's own questions", keys)

finish()
