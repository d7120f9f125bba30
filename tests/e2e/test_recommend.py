"""recommend: answers from flags, flags files and JSON files; precedence;
case-insensitive values; amounts; deterministic JSON; --save-answers; formats
and colour."""

import json
import os
import re

from harness import check, data, env, expect, finish, run, scratch

ISSUE_FLAGS = ["--stage", "pre-pmf", "--monthly-spend", "8000", "--latency", "interactive",
               "--compliance", "none", "--team-size", "3"]
GROWTH_FLAGS = ["--stage", "growth", "--monthly-spend", "150000", "--volume-pattern", "steady",
                "--latency", "interactive", "--compliance", "vendor-dpa", "--team-size", "12",
                "--ml-ops", "dedicated", "--task", "general", "--fine-tune-drivers", "output-format"]


def as_json(*args, what):
    r = run("recommend", *args, "--format", "json")
    expect(r, 0, what)
    try:
        return r.stdout, json.loads(r.stdout)
    except ValueError:
        check(False, f"{what}: stdout is JSON", r.stdout[:500])
        return r.stdout, {}


# From flags: the issue's own command line, with and without the command name.
r = run("recommend", *ISSUE_FLAGS)
expect(r, 0, "recommend from flags", stdout_has=["Recommendation: ", "Ranking", "Frontier hosted API"])
r2 = run(*ISSUE_FLAGS)
check(r2.returncode == 0 and r2.stdout == r.stdout, "makeorbuy FLAGS is makeorbuy recommend FLAGS", r2.stderr)

# From a TOML flags file, a .json answers file, and flags: the same answers give the same bytes.
toml_text, toml_json = as_json("--config", data("answers", "growth.toml"), what="from a TOML flags file")
json_text, _ = as_json("--config", data("answers", "growth.json"), what="from a JSON answers file")
flags_text, _ = as_json(*GROWTH_FLAGS, what="from flags")
check(toml_text == json_text, "TOML file and JSON file give byte-identical JSON")
check(toml_text == flags_text, "flags and flags file give byte-identical JSON")
again, _ = as_json("--config", data("answers", "growth.toml"), what="second run")
check(again == toml_text, "two runs give byte-identical JSON")

answers = toml_json.get("answers", {})
check(answers.get("monthly-spend") == 150000, "'$150,000' in a file is 150000", answers)
check(answers.get("fine-tune-drivers") == ["output-format"], "a TOML array over lines", answers)
check(answers.get("lock-in") == "medium" and answers.get("pipeline") == "no", "defaults are filled in", answers)
check(toml_json.get("schema") == "makeorbuy.recommendation/1", "schema field")
check(toml_json.get("tool", {}).get("name") == "makeorbuy", "tool field")
check(toml_json.get("rules", {}).get("id") == "default", "rules id")
ranking = toml_json.get("ranking", [])
check(len(ranking) == 4 and toml_json.get("recommendation") == ranking[0]["option"], "recommendation is rank 1")
check([x["rank"] for x in ranking] == [1, 2, 3, 4], "ranks 1..4")

# makeorbuy's own JSON output, fed back, gives the same bytes.
folder = scratch()
own = os.path.join(folder, "result.json")
with open(own, "w") as f:
    f.write(toml_text)
fed_back, _ = as_json("--config", own, what="own JSON output fed back")
check(fed_back == toml_text, "own JSON output fed back gives byte-identical JSON")

# Mixed case in keys' values and a [default] section: the same as lower case.
mixed, _ = as_json("--config", data("answers", "mixed-case.toml"), what="case-insensitive values")
check(mixed == toml_text, "values ignore case", mixed[:300])
_, upper = as_json("--stage", "GROWTH", "--monthly-spend", "8000", "--latency", "Batch", "--compliance", "NONE",
                   "--team-size", "3", "--pipeline", "TRUE", what="case-insensitive flags")
check(upper.get("answers", {}).get("stage") == "growth", "--stage GROWTH is growth")
check(upper.get("answers", {}).get("pipeline") == "yes", "--pipeline TRUE is yes")

# BOM and CRLF line ends in a flags file.
_, bom = as_json("--config", data("answers", "bom-crlf.toml"), what="a BOM and CRLF line ends")
check(bom.get("answers", {}).get("monthly-spend") == 50000, "50k in a CRLF file", bom.get("answers"))

# Amounts: 50k, 1.2M, $30,000.
for text, value in [("50k", 50000), ("1.2M", 1200000), ("$30,000", 30000), ("2.5e5", 250000)]:
    _, out = as_json("--stage", "growth", "--monthly-spend", text, "--latency", "batch", "--compliance", "none",
                     "--team-size", "4", what=f"--monthly-spend {text}")
    check(out.get("answers", {}).get("monthly-spend") == value, f"--monthly-spend {text} is {value}", out.get("answers"))

# Precedence: flags over files, later files over earlier ones, the last flag of several.
_, out = as_json("--config", data("answers", "base.toml"), "--stage", "growth", what="flag over file")
check(out.get("answers", {}).get("stage") == "growth", "a flag wins over a file")
_, out = as_json("--stage", "growth", "--config", data("answers", "base.toml"), what="flag before --config")
check(out.get("answers", {}).get("stage") == "growth", "a flag wins over a file wherever it is written")
_, out = as_json("--config", data("answers", "base.toml"), "--config", data("answers", "override.toml"),
                 what="later file wins")
a = out.get("answers", {})
check(a.get("stage") == "scale" and a.get("team-size") == 40 and a.get("monthly-spend") == 8000,
      "a later file wins, key by key", a)
_, out = as_json("--config", data("answers", "override.toml"), "--config", data("answers", "base.toml"),
                 what="earlier file loses")
check(out.get("answers", {}).get("stage") == "pre-pmf", "the order of --config decides")
_, out = as_json(*ISSUE_FLAGS, "--stage", "scale", what="flag given twice")
check(out.get("answers", {}).get("stage") == "scale", "the last of a repeated flag wins")
_, out = as_json(*ISSUE_FLAGS, "--fine-tune-drivers", "brand-voice", "--fine-tune-drivers", "cost-wall,output-format",
                 what="repeated multi flag")
check(out.get("answers", {}).get("fine-tune-drivers") == ["output-format", "cost-wall", "brand-voice"],
      "a multi answer takes repeated flags and comma lists", out.get("answers"))

# --save-answers writes a flags file that --config reads back to the same JSON.
saved = os.path.join(folder, "replay.toml")
first = run("recommend", "--config", data("answers", "growth.toml"), "--format", "json", "--save-answers", saved)
expect(first, 0, "--save-answers")
check(os.path.exists(saved), "--save-answers wrote the file")
replay, _ = as_json("--config", saved, what="--config of the saved answers")
check(replay == first.stdout == toml_text, "--save-answers then --config gives byte-identical JSON")
before = open(saved, "rb").read()
refused = run("recommend", *ISSUE_FLAGS, "--save-answers", saved)
expect(refused, 2, "--save-answers refuses an existing file", stderr_has=[saved, "already exists"])
check(open(saved, "rb").read() == before, "a refused --save-answers leaves the file unchanged")
forced = run("recommend", *ISSUE_FLAGS, "--save-answers", saved, "--force")
expect(forced, 0, "--save-answers --force replaces the file")
check(open(saved, "rb").read() != before and b"pre-pmf" in open(saved, "rb").read(), "--force wrote the new answers")
check(not [n for n in os.listdir(folder) if n.startswith(".makeorbuy-")], "no temporary files are left")

# Markdown: a table with bars from zero, and a Mermaid chart (from a zero axis) only when no
# drawn score is negative: Mermaid draws bars up from the axis minimum.
for answers in ("growth.toml", "base.toml", "regulated.toml"):
    r = run("recommend", "--config", data("answers", answers), "--format", "markdown")
    expect(r, 0, f"markdown output ({answers})", stdout_has=["## AI make-or-buy: ",
                                                             "| Rank | Option | Score | From zero | Status |", "│"])
    scores = json.loads(run("recommend", "--config", data("answers", answers), "--format", "json").stdout)
    drawn = [o["score"] for o in scores["ranking"] if not o.get("excluded")]
    check(("```mermaid\n" in r.stdout) == (min(drawn) >= 0), f"{answers}: a Mermaid chart only without negatives",
          r.stdout)
    if min(drawn) >= 0:
        check('y-axis "Score" 0 --> ' in r.stdout, f"{answers}: the Mermaid chart starts at zero")

# Colour: never with NO_COLOR or --color never, always with --color always.
ESC = "\x1b"
r = run("recommend", *ISSUE_FLAGS, environment=env(NO_COLOR="1"))
expect(r, 0, "NO_COLOR", stdout_lacks=ESC)
r = run("recommend", *ISSUE_FLAGS, "--color", "never")
expect(r, 0, "--color never", stdout_lacks=ESC)
r = run("recommend", *ISSUE_FLAGS)
expect(r, 0, "no terminal, no colour", stdout_lacks=ESC)
r = run("recommend", *ISSUE_FLAGS, "--color", "always")
expect(r, 0, "--color always", stdout_has=ESC)
r = run("recommend", *ISSUE_FLAGS, "--color", "always", environment=env(NO_COLOR="1"))
expect(r, 0, "--color always beats NO_COLOR", stdout_has=ESC)
r = run("recommend", *ISSUE_FLAGS, "--color", "always", "--format", "json")
expect(r, 0, "JSON is never coloured", stdout_lacks=ESC)

# Text output for a regulated profile: headline, ranking, reasons, runner-up, ruled out, advice.
r = run("recommend", "--config", data("answers", "regulated.toml"))
expect(r, 0, "text output, regulated profile",
       stdout_has=["Recommendation: Self-hosted open model", "Ranking", "Why Self-hosted open model", "Why not ",
                   "Ruled out", "Frontier hosted API: ", "Smaller hosted model: ", "Advice", "Answers: ",
                   "Rules: default@"])
lines = r.stdout.splitlines()
check(lines and lines[0].startswith("Recommendation: "), "the headline comes first", r.stdout[:200])
ranked = [line for line in lines if re.match(r"  [1-4]\. ", line)]
check(len(ranked) == 4 and "ruled out" in ranked[2] and "ruled out" in ranked[3],
      "both hosted options rank last, ruled out", "\n".join(ranked))
r = run("recommend", "--config", data("answers", "regulated.toml"), environment=env(LANG="C.UTF-8"))
check("█" in r.stdout, "bars are block characters in a UTF-8 locale")
r = run("recommend", "--config", data("answers", "regulated.toml"), environment=env(LANG="C", LC_ALL="C"))
check("█" not in r.stdout and "#" in r.stdout, "bars are ASCII in the C locale")

# Width: COLUMNS is honoured, piped or not (60 to 100 columns; 80 without it).
for columns in ("60", "72", "100"):
    r = run("recommend", "--config", data("answers", "growth.toml"), environment=env(COLUMNS=columns))
    wide = [line for line in r.stdout.splitlines() if len(line) > int(columns)]
    check(r.returncode == 0 and not wide, f"COLUMNS={columns}: no line is wider", wide[:3])
r72 = run("recommend", "--config", data("answers", "growth.toml"), environment=env(COLUMNS="72"))
r100 = run("recommend", "--config", data("answers", "growth.toml"), environment=env(COLUMNS="100"))
check(r72.stdout != r100.stdout, "COLUMNS changes where the text wraps")

finish()
