"""Bad command lines and files, one table: every flag's wrong value, every command's unknown flag, ambiguous
numbers, duplicate keys, missing arguments and `help` for every command path (issue 17). Each exits 2, names
the flag or the place, offers what is allowed, and shows none of CLI11's internal wording."""

import os
import re

from harness import check, data, finish, run

REQUIRED = ["--stage", "growth", "--monthly-spend", "50k", "--latency", "interactive", "--compliance", "none",
            "--team-size", "3"]
# CLI11's own wording, which never reaches a user.
INTERNAL = ["->", "FAILED", "Could not convert", "OR {", "A subcommand is required", " is required",
            "required but received", " excludes ", "The following arguments", "Expected exactly",
            "Exactly 1 option"]


def bad(*parts):
    return os.path.relpath(data("bad-input", *parts))


R = REQUIRED
CASES = [
    # (command line, what stderr must hold)
    (["recommend", *R, "--format", "yaml"], ["--format", "'yaml'", "text, json, markdown"]),
    (["recommend", *R, "--format", "1"], ["--format", "'1'", "text, json, markdown"]),
    (["recommend", *R, "--format"], ["--format needs a value", "text, json, markdown or html"]),
    (["recommend", *R, "--color", "sometimes"], ["--color", "'sometimes'", "auto, always, never"]),
    (["recommend", *R, "--seed", "abc"], ["--seed", "'abc'", "whole number"]),
    (["recommend", *R, "--seed", "-1"], ["--seed", "'-1'", "from 0"]),
    (["recommend", *R, "--samples", "0"], ["--samples", "'0'", "from 1"]),
    (["recommend", *R, "--samples", "many"], ["--samples", "'many'"]),
    (["recommend", *R, "--bogus"], ["unknown flag '--bogus'", "makeorbuy recommend --help"]),
    (["recommend", *R, "--stag", "growth"], ["unknown flag '--stag'", "did you mean '--stage'?"]),
    (["recommend", *R, "extra-arg"], ["unexpected argument 'extra-arg'", "--config"]),
    (["recommend", *R, "--no-input", "--interactive"], ["--no-input and --interactive cannot be given together"]),
    (["recommend", *R, "--stage"], ["--stage needs a value", "prototype, pre-pmf, growth or scale"]),
    (["recommend", *R, "--stage", "groth"], ["--stage", "did you mean 'growth'?"]),
    (["recommend", *R, "--stage", "growth", "scale"], ["unexpected argument 'scale'"]),
    (["recommend", *R, "--team-size", "2.5"], ["--team-size", "whole number", "2.5"]),
    (["recommend", *R, "--team-size", "0"], ["--team-size", "out of range", "from 1"]),
    (["recommend", *R, "--monthly-spend", "35,5k"], ["--monthly-spend", "'35,5k'", "30,000"]),
    (["recommend", *R, "--monthly-spend", "1,,2"], ["--monthly-spend", "'1,,2'"]),
    (["recommend", *R, "--monthly-spend", "1.234,56"], ["--monthly-spend", "'1.234,56'"]),
    (["recommend", *R, "--monthly-spend", "35.000"], ["--monthly-spend", "ambiguous", "35000", "35 for"]),
    (["recommend", *R, "--monthly-spend", "inf"], ["--monthly-spend", "'inf'", "50k"]),
    (["recommend", *R, "--latency", "fast"], ["--latency", "'fast'", "batch, interactive, realtime"]),
    (["recommend", *R, "--fine-tune-drivers", "cost-wall,bogus"], ["--fine-tune-drivers", "'bogus'", "cost-wall"]),
    (["recommend", "--config", bad("duplicate-key.json")],
     [bad("duplicate-key.json") + ":4:", "'stage' is given twice", "line 2"]),
    (["recommend", "--config", bad("case-clash.json")], [bad("case-clash.json") + ":3:", "'Stage'"]),
    (["recommend", "--config", bad("comma-decimal.toml")], [bad("comma-decimal.toml") + ":2:", "'35,5k'"]),
    (["recommend", "--config", bad("point-thousands.toml")], [bad("point-thousands.toml") + ":2:", "ambiguous"]),
    (["recommend", "--config", bad("truncated.json")], [bad("truncated.json") + ":", "JSON"]),
    (["recommend", "--config", bad("no-such-file.toml")], ["no-such-file.toml", "cannot read"]),
    (["recommend", *R, "--rules", bad("rules-bad.json")], [bad("rules-bad.json") + ":1:", "version"]),
    (["recommend", *R, "--prices", bad("truncated.json")], [bad("truncated.json") + ":"]),
    (["recommend", *R, "--save-answers", "/"], ["/", "is a folder"]),
    (["questions", "--format", "markdown"], ["--format", "'markdown'", "text, json"]),
    (["questions", "--bogus"], ["unknown flag '--bogus'", "makeorbuy questions --help"]),
    (["rules"], ["makeorbuy rules needs a command", "validate, show"]),
    (["rules", "bogus"], ["makeorbuy rules has no command 'bogus'", "validate, show"]),
    (["rules", "valdate", "x.json"], ["has no command 'valdate'", "did you mean 'validate'?"]),
    (["rules", "validate"], ["makeorbuy rules validate needs FILE"]),
    (["rules", "validate", bad("rules-bad.json")], [bad("rules-bad.json") + ":1:", "missing required field"]),
    (["rules", "show", "--format", "yaml"], ["unknown flag '--format'", "makeorbuy rules show --help"]),
    (["cost", *R, "--format", "yaml"], ["--format", "'yaml'", "text, json, markdown, html"]),
    (["cost", *R, "--bogus"], ["unknown flag '--bogus'", "makeorbuy cost --help"]),
    (["prices"], ["makeorbuy prices needs a command", "show"]),
    (["prices", "show", "--format", "yaml"], ["--format", "'yaml'", "text, json"]),
    (["prices", "import"], ["makeorbuy prices import needs a command", "litellm"]),
    (["prices", "import", "bogus", "x.json", "--output", "y.json"], ["has no command 'bogus'", "litellm"]),
    (["prices", "import", "litellm"], ["makeorbuy prices import litellm needs FILE"]),
    (["prices", "import", "litellm", bad("truncated.json")], ["needs --output"]),
    (["adr"], ["makeorbuy adr needs a command", "new, check, list"]),
    (["adr", "bogus"], ["makeorbuy adr has no command 'bogus'", "new, check, list"]),
    (["adr", "new"], ["makeorbuy adr new needs TITLE"]),
    (["adr", "new", "x", *R, "--status", "acepted"], ["--status", "did you mean 'accepted'?"]),
    (["adr", "new", "x", *R, "--review-by", "tomorrow"], ["--review-by", "'tomorrow'", "YYYY-MM-DD"]),
    (["adr", "new", "x", *R, "--chosen", "frontier"], ["--chosen", "did you mean 'frontier-api'?"]),
    (["adr", "check", "--fail-on", "2"], ["--fail-on", "'2'", "error, warning, never"]),
    (["adr", "check", "--fail-on", "warnings"], ["--fail-on", "did you mean 'warning'?"]),
    (["adr", "check", "--format", "yaml"], ["--format", "'yaml'", "junit, github, sarif"]),
    (["adr", "check", "--format", "junit="], ["--format", "junit=PATH"]),
    (["adr", "list", "--format", "yaml"], ["--format", "'yaml'", "text, json, markdown"]),
    (["help", "bogus"], ["no command 'bogus'", "recommend"]),
    (["help", "adr", "bogus"], ["no command 'bogus'", "new, check, list"]),
    (["help", "rules", "validate", "extra"], ["extra"]),
    (["bogus"], ["unknown command 'bogus'", "recommend"]),
    (["recommnd"], ["unknown command 'recommnd'", "did you mean 'recommend'?"]),
    (["--bogus"], ["unknown flag '--bogus'"]),
]

check(len(CASES) >= 40, f"at least 40 bad command lines ({len(CASES)})")
for args in [["recommend"], ["questions"], ["rules"], ["rules", "validate"], ["rules", "show"], ["rules", "schema"],
             ["cost"], ["prices"], ["prices", "show"], ["prices", "import"], ["prices", "import", "litellm"],
             ["adr"], ["adr", "new"], ["adr", "check"], ["adr", "list"]]:
    r = run("help", *args)
    check(r.returncode == 0 and ("Usage: makeorbuy " + " ".join(args)) in r.stdout,
          f"makeorbuy help {' '.join(args)}: its usage", r.stderr[-500:])
    check(not [w for w in ("->", "FAILED", "OR {") if w in r.stdout], f"help {' '.join(args)}: no CLI11 maps",
          r.stdout[-1500:])

for args, wanted in CASES:
    line = "makeorbuy " + " ".join(args)
    r = run(*args)
    detail = f"exit {r.returncode}\n--- stderr\n{r.stderr[-2000:]}"
    check(r.returncode == 2, f"{line}: exit 2", detail)
    check(r.stderr.startswith("makeorbuy: error: "), f"{line}: an error line first", detail)
    check(r.stdout == "", f"{line}: nothing on stdout", r.stdout[-500:])
    for text in wanted:
        check(text in r.stderr, f"{line}: stderr has {text!r}", detail)
    leaked = [w for w in INTERNAL if w in r.stderr] + re.findall(r"\d+ required \S+ missing", r.stderr)
    check(not leaked, f"{line}: none of CLI11's wording ({leaked})", detail)

finish()
