"""Bad input of every kind: located messages, every problem at once, exit 2,
never blocking on stdin; --help of every command shows examples."""

import os

from harness import SOURCE, check, data, expect, finish, run, scratch

REQUIRED = ["--stage", "growth", "--monthly-spend", "8000", "--latency", "batch", "--compliance", "none",
            "--team-size", "3"]
PREFIX = "makeorbuy: error: "


def rel(*parts):
    """A fixture path as given on the command line (tests run from tests/)."""
    return os.path.relpath(data(*parts))


def at(path, line, needle):
    """FILE:LINE:COLUMN of `needle` on `line` of the fixture."""
    with open(path, encoding="utf-8-sig") as f:
        text = f.read().splitlines()[line - 1]
    return f"{path}:{line}:{text.index(needle) + 1}"


def errors(result):
    return [line for line in result.stderr.splitlines() if line.startswith(PREFIX)]


# Every invalid value and unknown key in a flags file, at once, located, with the allowed values and a did-you-mean.
bad = rel("answers", "bad-values.toml")
r = run("recommend", "--config", bad)
expect(r, 2, "bad values in a flags file", stderr_has=[
    PREFIX + at(bad, 1, '"pre_pmf') + ": " + "unknown value 'pre_pmf' for stage; did you mean 'pre-pmf'? "
    "(allowed: prototype, pre-pmf, growth, scale)",
    PREFIX + at(bad, 2, '"lots') + ": " + "'lots' is not a number for monthly-spend",
    PREFIX + at(bad, 3, '"fast') + ": " + "unknown value 'fast' for latency (allowed: batch, interactive, realtime)",
    PREFIX + at(bad, 5, '2.5') + ": " + "team-size must be a whole number, not 2.5",
    f"{bad}:6:", "unknown question 'stge'; did you mean 'stage'?",
    PREFIX + at(bad, 7, '[') + ": " + "unknown value 'brand_voice' for fine-tune-drivers; did you mean 'brand-voice'?",
], stdout_lacks="Recommendation")
check(len(errors(r)) == 6, "six problems, six messages", r.stderr)

# The same in a .json answers file.
bad_json = rel("answers", "bad-values.json")
r = run("recommend", "--config", bad_json)
expect(r, 2, "bad values in a JSON answers file", stderr_has=[
    at(bad_json, 2, '"groth') + ": " + "unknown value 'groth' for stage; did you mean 'growth'?",
    at(bad_json, 5, '"vendor_dpa') + ": " + "unknown value 'vendor_dpa' for compliance; did you mean 'vendor-dpa'?",
    at(bad_json, 7, '"low') + ": " + "unknown question 'lock_in'; did you mean 'lock-in'?",
])
check(len(errors(r)) == 3, "three problems in the JSON file", r.stderr)

# Flags are located by the flag; file and flag problems come together.
r = run("recommend", "--stage", "groth", "--monthly-spend", "abc", "--latency", "batch", "--compliance", "nope",
        "--team-size", "0", "--config", bad_json)
expect(r, 2, "bad flags", stderr_has=[
    f"{PREFIX}--stage: unknown value 'groth' for stage; did you mean 'growth'?",
    f"{PREFIX}--monthly-spend: 'abc' is not a number for monthly-spend",
    f"{PREFIX}--compliance: unknown value 'nope' for compliance; did you mean 'none'? "
    "(allowed: none, vendor-dpa, in-house-only)",
    f"{PREFIX}--team-size: 0 is out of range for team-size",
    f"{bad_json}:7:",
])
# A comma is a thousands separator or nothing: 35,5k is refused, not read as 355,000.
for amount in ["35,5k", "1,,2", "1.234,56"]:
    r = run("recommend", *REQUIRED[:2], "--monthly-spend", amount, *REQUIRED[4:])
    expect(r, 2, f"--monthly-spend {amount} is refused", stderr_has=[
        f"{PREFIX}--monthly-spend: '{amount}' is not a number for monthly-spend: a comma may only separate "
        "thousands (30,000 or 1,234,567); write decimals with a point, as in 35.5k"])
# A point before three digits is a thousands separator in much of Europe: 35.000 is refused with both
# readings, not taken as 35; a decimal that cannot be thousands still reads as one.
r = run("recommend", *REQUIRED[:2], "--monthly-spend", "35.000", *REQUIRED[4:])
expect(r, 2, "--monthly-spend 35.000 is refused", stderr_has=[
    f"{PREFIX}--monthly-spend: '35.000' is ambiguous for monthly-spend: a point before three digits separates "
    "thousands in some countries and starts decimals in others; write 35000 for thousands or 35 for the decimal"])
r = run("recommend", *REQUIRED[:2], "--monthly-spend", "$1.250", *REQUIRED[4:])
expect(r, 2, "--monthly-spend $1.250 is refused", stderr_has="write $1250 for thousands or $1.25 for the decimal")
for amount, value in [("35.5k", "35500"), ("0.125M", "125000"), ("35.00", "35")]:
    r = run("recommend", *REQUIRED[:2], "--monthly-spend", amount, *REQUIRED[4:], "--format", "json")
    check(r.returncode == 0 and f'"monthly-spend": {value}' in r.stdout, f"--monthly-spend {amount} is {value}",
          r.stderr)
r = run("recommend", *REQUIRED[:2], "--monthly-spend", "$35,500", *REQUIRED[4:], "--format", "json")
check(r.returncode == 0 and '"monthly-spend": 35500' in r.stdout, "$35,500 is 35500", r.stderr)
for amount in ["inf", "nan", "1e999", "--5", "-5"]:
    r = run("recommend", *REQUIRED[:2], "--monthly-spend=" + amount, *REQUIRED[4:])
    expect(r, 2, f"--monthly-spend={amount} is refused", stderr_has="--monthly-spend: ")

# Syntax errors in a flags file, every one located.
syntax = rel("answers", "bad-syntax.toml")
r = run("recommend", "--config", syntax)
expect(r, 2, "syntax errors in a flags file", stderr_has=[
    at(syntax, 1, '"') + ": " + "this string has no closing quote",
    at(syntax, 2, 'interactive') + ": " + "expected '=' after 'latency'",
    f"{syntax}:3:1: unknown section [other]",
    at(syntax, 4, 'trailing') + ": " + "unexpected text after the value",
    f"{syntax}:6:1: 'team-size' is set twice in this file (first on line 5)",
])
check(len(errors(r)) == 5, "five syntax errors", r.stderr)

# Missing answers: every one listed with its flag, exit 2, stdin closed, nothing blocks.
r = run("recommend", "--config", rel("answers", "partial.toml"), timeout=20)
expect(r, 2, "missing answers", stderr_has=["missing answer to 'monthly-spend'", "--monthly-spend NUMBER",
                                             "missing answer to 'compliance'", "--compliance none|vendor-dpa|in-house-only",
                                             "missing answer to 'team-size'", "--team-size INTEGER"],
       stderr_lacks="missing answer to 'stage'")
check(len(errors(r)) == 3, "three missing answers", r.stderr)
r = run(timeout=20)
expect(r, 2, "no answers at all, no terminal", stderr_has=["missing answer to 'stage'", "--stage prototype|pre-pmf|growth|scale"])
r = run("recommend", "--no-input", *REQUIRED[:4], timeout=20)
expect(r, 2, "--no-input lists what is missing", stderr_has="missing answer to 'compliance'")
r = run("recommend", stdin="growth\n", timeout=20)
expect(r, 2, "stdin that is not a terminal is not an interview", stderr_has="missing answer to 'stage'")

# Unknown flags and commands: a did-you-mean.
r = run("recommend", *REQUIRED, "--stge", "growth")
expect(r, 2, "unknown flag", stderr_has=[PREFIX, "unknown flag '--stge'; did you mean '--stage'?"])
r = run("recommend", *REQUIRED, "--format", "yaml")
expect(r, 2, "unknown format", stderr_has=f"{PREFIX}--format: unknown format 'yaml' (formats: text, json, markdown, html)")
r = run("recommend", *REQUIRED, "--format", "jsn")
expect(r, 2, "a misspelt format", stderr_has="unknown format 'jsn'; did you mean 'json'? (formats: text, json, markdown, html)")
r = run("cost", "--monthly-spend", "8000", "--format", "1")
expect(r, 2, "a format is a word, not its position", stderr_has="unknown format '1'")
r = run("recommend", *REQUIRED, "--color", "sometimes")
expect(r, 2, "unknown colour mode", stderr_has="unknown colour mode 'sometimes' (colour modes: auto, always, never)")
for seed in ["-1", "abc", "1.5", "18446744073709551616"]:
    r = run("recommend", *REQUIRED, "--seed", seed)
    expect(r, 2, f"--seed {seed} is refused",
           stderr_has=f"--seed: '{seed}' is not a whole number from 0 to 18446744073709551615")
r = run("recommend", *REQUIRED, "--samples", "0")
expect(r, 2, "--samples 0 is refused", stderr_has="--samples: '0' is not a whole number from 1 to 10000000")
for args in [["recommend", "--help"], ["cost", "--help"], ["questions", "--help"]]:
    r = run(*args)
    check(r.returncode == 0 and "->" not in r.stdout and "{" not in r.stdout.split("Examples")[0],
          f"{' '.join(args)} shows no library maps", r.stdout[:2000])
r = run("recomend", *REQUIRED)
expect(r, 2, "unknown command", stderr_has=f"{PREFIX}unknown command 'recomend'; did you mean 'recommend'?")
r = run("frobnicate")
expect(r, 2, "unknown command without a near miss", stderr_has=["unknown command 'frobnicate'", "recommend"])
r = run("questions", "--formt", "json")
expect(r, 2, "unknown flag of questions", stderr_has="did you mean '--format'?")

# Files that cannot be read or written.
r = run("recommend", "--config", "no/such/file.toml")
expect(r, 2, "missing --config file", stderr_has=f"{PREFIX}no/such/file.toml: ")
r = run("recommend", "--config", rel("answers"))
expect(r, 2, "a folder as --config", stderr_has="is a folder")
r = run("recommend", *REQUIRED, "--save-answers", os.path.join(scratch(), "no", "such", "dir.toml"))
expect(r, 2, "--save-answers into a missing folder", stderr_has="cannot write the file")
r = run("recommend", *REQUIRED, "--rules", "no-such-rules.json")
expect(r, 2, "missing --rules file", stderr_has=f"{PREFIX}no-such-rules.json: ")

# A JSON file that gives a key twice is refused at the second, as a flags file is (JSON
# parsers keep the last silently); answers match keys without case, so Stage and stage clash.
folder = scratch()
twice = os.path.join(folder, "twice.json")
with open(twice, "w") as f:
    f.write('{"stage": "growth",\n "stage": "scale"}\n')
r = run("recommend", "--config", twice, *REQUIRED[2:])
expect(r, 2, "a JSON answers file with a key twice", stderr_has=f"{PREFIX}{twice}:2:2: 'stage' is given twice")
cased = os.path.join(folder, "cased.json")
with open(cased, "w") as f:
    f.write('{"stage": "growth",\n "Stage": "scale"}\n')
r = run("recommend", "--config", cased, *REQUIRED[2:])
expect(r, 2, "a JSON answers file with Stage and stage",
       stderr_has=f"{PREFIX}{cased}:2:2: 'Stage' is set twice in this file (first on line 1, as 'stage')")
rules_twice = os.path.join(folder, "rules-twice.json")
with open(os.path.join(SOURCE, "rules", "default.json")) as f:
    text = f.read()
with open(rules_twice, "w") as f:
    f.write(text.replace('"version":', '"version": "9",\n  "version":', 1))
r = run("rules", "validate", rules_twice)
expect(r, 2, "a rules file with a key twice", stderr_has=[rules_twice, "'version' is given twice"])

# A word after an answer flag is not a second value that wins: it is reported as what it is.
r = run("recommend", *REQUIRED, "extra-arg")
expect(r, 2, "a stray argument after a value", stderr_has="unexpected argument 'extra-arg'; 'makeorbuy recommend' "
       "takes flags only (an answers file goes after --config)", stderr_lacks="not a number")
r = run("questions", "extra")
expect(r, 2, "a stray argument to questions", stderr_has="'makeorbuy questions' takes no other arguments")

# --help of every command shows examples; help COMMAND too.
for args in [["--help"], ["recommend", "--help"], ["questions", "--help"], ["rules", "--help"],
             ["rules", "validate", "--help"], ["rules", "show", "--help"], ["rules", "schema", "--help"],
             ["help", "recommend"], ["help"]]:
    r = run(*args)
    expect(r, 0, " ".join(args), stdout_has="Example")
r = run("recommend", "--help")
expect(r, 0, "recommend --help lists the answer flags", stdout_has=["--stage", "--monthly-spend", "--config",
                                                                     "--save-answers", "--format"])
r = run("--version")
expect(r, 0, "--version", stdout_has=["makeorbuy 0.1.0", "rules default@"])
r = run("help", "nonsense")
expect(r, 2, "help of an unknown command", stderr_has="no command 'nonsense'")
r = run("help")
expect(r, 0, "help is the overview", stdout_has=["Usage: makeorbuy [OPTIONS] SUBCOMMAND", "recommend", "adr"],
       stdout_lacks="Positionals")
# help follows a command path, and each help names its whole path.
r = run("help", "adr", "check")
expect(r, 0, "help adr check", stdout_has=["Usage: makeorbuy adr check", "--fail-on"])
r = run("help", "adr", "chek")
expect(r, 2, "help adr chek", stderr_has="did you mean 'check'?")
r = run("help", "adr", "check", "more")
expect(r, 2, "help past the last subcommand", stderr_has="has no subcommand 'more'")
# A command's help ends with its own examples, not the overview's.
r = run("adr", "--help")
expect(r, 0, "adr --help", stdout_has=["new", "check"], stdout_lacks="makeorbuy recommend --config answers.toml")

finish()
