"""What `cmake --install` ships: the man page agrees with --help of every
command, and the bash/zsh/fish completions offer every command, flag and
allowed answer value of the rules (bash ones are exercised in bash)."""

import json
import os
import re
import shutil
import subprocess

from harness import BIN, check, env, expect, finish, run, scratch


def roff_unescape(text):
    return text.replace("\\e", "\\").replace("\\&", "")


def man_body(page):
    """The man page as the lines a reader sees in its .nf blocks."""
    return [roff_unescape(line) for line in page.splitlines() if not line.startswith(".")]


man = run("manpage")
expect(man, 0, "makeorbuy manpage")
check(man.stdout.startswith(".TH MAKEORBUY 1"), "the man page has a .TH header")
body = "\n".join(man_body(man.stdout))

# Every line of every command's --help is in the man page, so they cannot drift apart.
commands = [[]]
top = run("--help")
for line in top.stdout.splitlines():
    m = re.match(r"^  (\w[\w-]*)\s{2,}", line)
    if m and m.group(1) not in ("help",) and not line.strip().startswith("-"):
        commands.append([m.group(1)])
for sub in ("adr", "rules"):
    for line in run(sub, "--help").stdout.splitlines():
        m = re.match(r"^  (\w[\w-]*)\s{2,}", line)
        if m and not line.strip().startswith("-"):
            commands.append([sub, m.group(1)])
check(len(commands) >= 6, "found the commands in --help", commands)
for command in commands:
    helped = run(*command, "--help")
    missing = [line for line in helped.stdout.splitlines() if line.strip() and line not in body]
    check(not missing, f"the man page holds `makeorbuy {' '.join(command)} --help`", "\n".join(missing[:5]))
check("completions" not in top.stdout and "manpage" not in top.stdout, "the generator commands are hidden")

# The completions name every question's flag and every allowed value, from the rules.
questions = json.loads(run("questions", "--format", "json").stdout)
items = questions["questions"] if isinstance(questions, dict) else questions
scripts = {}
for shell in ("bash", "zsh", "fish"):
    r = run("completions", shell)
    expect(r, 0, f"completions {shell}")
    scripts[shell] = r.stdout
    for q in items:
        check(f"--{q['key']}" in r.stdout or f"-l {q['key']}" in r.stdout, f"{shell} completes --{q['key']}")
        for v in q.get("values", []):
            value = v["value"] if isinstance(v, dict) else v
            check(value in r.stdout, f"{shell} completes {value} for --{q['key']}")
    for command in ("recommend", "questions", "adr", "rules", "check", "validate"):
        check(command in r.stdout, f"{shell} completes the command {command}")
expect(run("completions", "tcsh"), 2, "completions for an unknown shell")

tmp = scratch()
paths = {}
for shell, text in scripts.items():
    paths[shell] = os.path.join(tmp, f"makeorbuy.{shell}")
    with open(paths[shell], "w") as f:
        f.write(text)

# bash: the script parses, and completing typed words gives the expected candidates.
check(subprocess.run(["bash", "-n", paths["bash"]]).returncode == 0, "the bash completion parses")


def bash_complete(*words):
    line = " ".join(["makeorbuy", *words])
    script = (f"source {paths['bash']}\nCOMP_WORDS=(makeorbuy {' '.join(repr(w) for w in words)})\n"
              f"COMP_CWORD={len(words)}\nCOMP_LINE={line!r}\n_makeorbuy\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env())
    return r.stdout.split()


check(set(bash_complete("")) >= {"recommend", "questions", "adr", "rules"}, "bash: commands",
      bash_complete(""))
check(bash_complete("recommend", "--sta") == ["--stage"], "bash: a flag", bash_complete("recommend", "--sta"))
check(bash_complete("recommend", "--stage", "") == ["prototype", "pre-pmf", "growth", "scale"],
      "bash: the values of an answer", bash_complete("recommend", "--stage", ""))
check(bash_complete("--stage", "gr") == ["growth"], "bash: without a command, recommend's flags")
check(bash_complete("recommend", "--fine-tune-drivers", "cost-wall,br") == ["cost-wall,brand-voice"],
      "bash: the next item of a list", bash_complete("recommend", "--fine-tune-drivers", "cost-wall,br"))
check(set(bash_complete("adr", "")) >= {"new", "check"}, "bash: adr's commands", bash_complete("adr", ""))
check(bash_complete("questions", "--format", "") == ["text", "json"], "bash: the values of --format",
      bash_complete("questions", "--format", ""))

for shell in ("zsh", "fish"):
    if shutil.which(shell):
        check(subprocess.run([shell, "-n", paths[shell]]).returncode == 0, f"the {shell} completion parses")
    else:
        print(f"SKIP: {shell} is not installed; its completion is checked by content only")

# A rules file's own questions show up in the completions.
rules = json.loads(run("rules", "show").stdout)
rules["questions"][0]["values"].append({"value": "zzz-extra", "text": "an extra stage"})
custom = os.path.join(tmp, "rules.json")
with open(custom, "w") as f:
    json.dump(rules, f)
r = run("completions", "bash", "--rules", custom)
check(r.returncode == 0 and "zzz-extra" in r.stdout, "completions follow --rules", r.stderr)

finish()
