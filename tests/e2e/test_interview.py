"""The interview in a real pseudo-terminal: selecting with arrows and digits,
numbers refused and re-asked, going back, changing an answer at the summary,
saving and replaying, and the ways out (Ctrl-C, end of input, no terminal)."""

import json
import os
import re
import signal
import subprocess
import sys
import time

import pexpect

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import SOURCE, check, finish, run, scratch  # noqa: E402
from interview_support import (ADR_OFFER, CTRL_U, DOWN, DRIVERS, ENTER, ESC, LEFT, REGION, RULES, SAVE_OFFER,  # noqa: E402
                               SHIFT_TAB, SPEND, STAGE, SUMMARY, TEAM, VOLUME, answered, command_line, result_json,
                               spawn, spawn_default, spawn_shell, transcript, tty_env, wait_exit)


def decline_offer(child):
    child.expect_exact(SAVE_OFFER)
    child.send("n")
    child.expect_exact(ADR_OFFER)
    child.send("n")


def test_arrows_and_digits():
    out = os.path.join(scratch(), "out.json")
    child = spawn(["--format", "json"], stdout=out)
    child.expect_exact(STAGE)
    child.send(DOWN + DOWN + DOWN)  # the first Down highlights prototype: nothing is highlighted before
    child.send(ENTER)
    child.expect(answered("1 of about 5", STAGE, "growth"))
    child.expect_exact(SPEND)
    child.send("5000" + ENTER)
    child.expect_exact(REGION)  # volume is asked only from $20,000 a month
    child.send("1")
    child.send(ENTER)
    child.expect(answered("3 of 5", REGION, "eu"))
    child.expect_exact(DRIVERS)
    child.send(" ")
    child.send("3")
    child.send(" ")
    child.send(ENTER)
    child.expect_exact(TEAM)
    child.send(ENTER)
    child.expect_exact(SUMMARY)
    child.send(ENTER)
    decline_offer(child)
    code = wait_exit(child)
    check(code == 0, "arrows and digits: exit 0", transcript(child))
    answers = result_json(out)["answers"]
    check(answers["stage"] == "growth", "arrows: Down Down Enter chose growth", answers)
    check(answers["hosting-region"] == "eu", "digits: 1 chose eu (a question only the custom rules have)", answers)
    check(answers["fine-tune-drivers"] == ["output-format", "brand-voice"], "space ticked two drivers", answers)
    check(answers["team-size"] == 3 and answers["volume-pattern"] == "unknown", "Enter took the defaults", answers)


def test_bad_number_then_good():
    child = spawn([])
    child.expect_exact(STAGE)
    child.send("1" + ENTER)
    child.expect_exact(SPEND)
    child.send("lots" + ENTER)
    child.expect_exact("'lots' is not a number for monthly-spend")
    child.send(CTRL_U + "-5" + ENTER)
    child.expect_exact("out of range for monthly-spend")
    child.send(CTRL_U + "$30,000" + ENTER)
    child.expect(answered("2 of about 5", SPEND, "30000 USD per month"))
    child.expect_exact(VOLUME)  # 30000 makes it relevant: the plan grew to six, as "about" warned
    check("[3 of 6]" in transcript(child), "bad number: progress counts the newly relevant question",
          transcript(child)[-2000:])
    child.sendcontrol("c")
    wait_exit(child)


def test_going_back():
    out = os.path.join(scratch(), "out.json")
    child = spawn(["--format", "json"], stdout=out)
    child.expect_exact(STAGE)
    child.send("2" + ENTER)
    child.expect_exact(SPEND)
    child.send("100" + ENTER)
    child.expect_exact(REGION)
    child.send(ESC)  # a lone Esc: back
    child.expect_exact("❯ 100")  # the earlier answer, typed in again
    child.send(CTRL_U + "200" + ENTER)
    child.expect_exact(REGION)
    child.send("b")
    child.expect_exact("❯ 200")
    child.send(ENTER)
    child.expect_exact(REGION)
    child.send(LEFT)
    child.expect_exact("❯ 200")
    child.send(ENTER)
    child.expect_exact(REGION)
    child.send(SHIFT_TAB)
    child.expect_exact("❯ 200")
    child.send(SHIFT_TAB)  # back again, to the first question
    child.expect_exact(STAGE)
    child.send(ENTER)  # keeps pre-pmf, highlighted as answered before
    child.expect(answered("1 of 5", STAGE, "pre-pmf"))
    for prompt in (SPEND, REGION, DRIVERS, TEAM):
        child.expect_exact(prompt)
        child.send(ENTER)
    child.expect_exact(SUMMARY)
    child.send(ENTER)
    decline_offer(child)
    check(wait_exit(child) == 0, "going back: exit 0", transcript(child))
    answers = result_json(out)["answers"]
    check(answers["stage"] == "pre-pmf" and answers["monthly-spend"] == 200,
          "going back: the changed answer counts, the kept one stays", answers)


def answer_everything(child, spend="100"):
    """Enter everywhere but the stage, which needs a pick (the volume question too, when the spend asks for it)."""
    child.expect_exact(STAGE)
    child.send("1" + ENTER)
    child.expect_exact(SPEND)
    child.send(spend + ENTER)
    if child.expect_exact([VOLUME, REGION]) == 0:
        child.send(ENTER)
        child.expect_exact(REGION)
    child.send(ENTER)
    for prompt in (DRIVERS, TEAM):
        child.expect_exact(prompt)
        child.send(ENTER)
    child.expect_exact(SUMMARY)


def test_summary_change():
    out = os.path.join(scratch(), "out.json")
    child = spawn(["--format", "json"], stdout=out)
    answer_everything(child)
    child.send("1")
    child.send(ENTER)
    child.expect_exact(STAGE)
    child.send("4" + ENTER)
    child.expect(r"1 stage\s+scale")
    child.expect_exact(SUMMARY)
    child.send("2" + ENTER)
    child.expect_exact(SPEND)
    child.send(CTRL_U + "50k" + ENTER)
    child.expect_exact(VOLUME)  # newly relevant: asked before the summary returns
    child.send("1" + ENTER)
    child.expect(r"3 volume-pattern\s+steady")
    child.expect_exact(SUMMARY)
    child.send(ENTER)
    decline_offer(child)
    check(wait_exit(child) == 0, "summary change: exit 0", transcript(child))
    answers = result_json(out)["answers"]
    check(answers["stage"] == "scale" and answers["monthly-spend"] == 50000 and answers["volume-pattern"] == "steady",
          "summary change: the changed answers count", answers)


def sane(stty):
    """icanon and echo on (not '-icanon', '-echo')."""
    return re.search(r"(?<![-\w])icanon\b", stty) and re.search(r"(?<![-\w])echo\b", stty)


def test_ctrl_c():
    folder = scratch()
    saved = os.path.join(folder, "answers.toml")
    out = os.path.join(folder, "out.txt")
    for where in ("question", "summary"):
        child = spawn_shell(command_line("--save-answers", saved) + f" > '{out}'; echo RC=$?; stty -a")
        if where == "question":
            child.expect_exact(STAGE)
            child.send(DOWN)
        else:
            answer_everything(child)
        child.sendcontrol("c")
        child.expect_exact("RC=")
        code = child.readline().strip()
        child.expect(pexpect.EOF)
        stty = child.before
        check(code == "130", f"Ctrl-C at the {where}: exit 130", code)
        check(sane(stty), f"Ctrl-C at the {where}: stty shows icanon and echo", stty)
        check(not os.path.exists(saved), f"Ctrl-C at the {where}: no answers file written")
        check(os.path.getsize(out) == 0, f"Ctrl-C at the {where}: nothing on stdout")


def test_terminated():
    """SIGTERM and SIGHUP in raw mode: the terminal is restored before the process dies of the signal."""
    for name, number in (("SIGTERM", signal.SIGTERM), ("SIGHUP", signal.SIGHUP)):
        child = spawn_shell(command_line() + "; echo RC=$?; stty -a")
        child.expect_exact(STAGE)
        found = subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True, text=True).stdout.split()
        check(len(found) == 1, f"{name}: found the makeorbuy process", found)
        if len(found) != 1:
            child.close(force=True)
            continue
        os.kill(int(found[0]), number)
        child.expect_exact("RC=")
        code = child.readline().strip()
        child.expect(pexpect.EOF)
        check(code == str(128 + number), f"{name}: the process dies of the signal", code)
        check(sane(child.before), f"{name}: stty shows icanon and echo", child.before)


def test_end_of_input():
    child = spawn([])
    child.expect_exact(STAGE)
    child.send("1" + ENTER)
    child.expect_exact(SPEND)
    child.sendcontrol("d")
    code = wait_exit(child)
    text = transcript(child)
    check(code == 2, "Ctrl-D: exit 2", text[-2000:])
    check("missing answer to 'monthly-spend'" in text and "--monthly-spend NUMBER" in text,
          "Ctrl-D: names the missing answer and its flag", text[-2000:])
    check("'stage'" not in text.split("input ended")[-1], "Ctrl-D: what was answered is not listed", text[-2000:])

    # No terminal at all: nothing blocks, the missing keys are listed.
    r = run("--rules", RULES)
    check(r.returncode == 2 and "missing answer to 'stage'" in r.stderr and "missing answer to 'monthly-spend'"
          in r.stderr, "no terminal: exit 2 listing what is missing", r.stderr)
    r = run("--rules", RULES, "--interactive")
    check(r.returncode == 2 and "needs a terminal" in r.stderr, "--interactive without a terminal: exit 2", r.stderr)


def test_no_input_and_ci():
    child = spawn(["--no-input"])
    code = wait_exit(child)
    check(code == 2 and "missing answer to 'stage'" in transcript(child), "--no-input on a terminal never asks",
          transcript(child))
    child = spawn([], environment=tty_env(CI="true"))
    code = wait_exit(child)
    check(code == 2 and "[1 of" not in transcript(child), "CI set: no interview", transcript(child))
    child = spawn(["--interactive"], environment=tty_env(CI="true"))
    child.expect_exact(STAGE)
    child.sendcontrol("c")
    check(wait_exit(child) == 130, "--interactive with CI set: interviews anyway")


def test_colour():
    child = spawn([])
    answer_everything(child)
    child.sendcontrol("c")
    wait_exit(child)
    check(not re.search(r"\x1b\[[0-9;]*m", transcript(child)), "NO_COLOR: no colour codes in the interview",
          repr(transcript(child)[-500:]))
    child = spawn([], environment=tty_env(NO_COLOR=None))
    child.expect_exact(STAGE)
    child.send("1" + ENTER)
    child.expect_exact(SPEND)
    child.sendcontrol("c")
    wait_exit(child)
    check(re.search(r"\x1b\[[0-9;]*m", transcript(child)), "without NO_COLOR the interview has colour")
    child = spawn(["--color", "never"], environment=tty_env(NO_COLOR=None))
    child.expect_exact(STAGE)
    child.send("1" + ENTER)
    child.expect_exact(SPEND)
    child.sendcontrol("c")
    wait_exit(child)
    check(not re.search(r"\x1b\[[0-9;]*m", transcript(child)), "--color never: no colour codes")


def test_save_and_replay():
    folder = scratch()
    saved = os.path.join(folder, "answers.toml")
    out = os.path.join(folder, "interview.json")
    child = spawn(["--format", "json", "--save-answers", saved], stdout=out)
    child.expect_exact(STAGE)
    child.send("3" + ENTER)
    child.expect_exact(SPEND)
    child.send("120k" + ENTER)
    child.expect_exact(VOLUME)
    child.send("1" + ENTER)
    child.expect_exact(REGION)
    child.send(ENTER)
    child.expect_exact(DRIVERS)
    child.send("2 " + ENTER)
    child.expect_exact(TEAM)
    child.send("12" + ENTER)
    child.expect_exact(SUMMARY)
    child.send(ENTER)
    child.expect_exact(ADR_OFFER)
    child.send("n")
    check(wait_exit(child) == 0, "--save-answers: exit 0", transcript(child))
    check(SAVE_OFFER not in transcript(child), "--save-answers: no offer to save again")
    replay = run("--rules", RULES, "--config", saved, "--format", "json")
    with open(out, encoding="utf-8") as f:
        check(replay.returncode == 0 and replay.stdout == f.read(), "--save-answers then --config: the same JSON",
              replay.stderr + replay.stdout[:400])

    # The offer after the result: an existing file is kept and the name asked again.
    with open(os.path.join(folder, "makeorbuy-answers.toml"), "w", encoding="utf-8") as f:
        f.write("# mine\n")
    out2 = os.path.join(folder, "offer.json")
    child = spawn(["--format", "json"], cwd=folder, stdout=out2)
    answer_everything(child, spend="75k")
    child.send(ENTER)
    child.expect_exact(SAVE_OFFER)
    child.send("y")
    child.expect_exact("makeorbuy-answers-2.toml")  # the name offered is one Enter can take
    child.send(CTRL_U + "makeorbuy-answers.toml" + ENTER)
    child.expect_exact("already exists and is kept")
    child.send(CTRL_U + "offered.toml" + ENTER)
    child.expect_exact("Saved the answers to offered.toml")
    # Then the decision record: typing replaces the suggested title.
    child.expect_exact(ADR_OFFER)
    child.send("y")
    child.expect_exact("Title of the decision record")
    child.send("Pick a model" + ENTER)
    child.expect_exact("Wrote the decision record")
    check(wait_exit(child) == 0, "save offer: exit 0", transcript(child))
    record = os.path.join(folder, "docs", "decisions", "0001-pick-a-model.md")
    check(os.path.exists(record), "the ADR offer writes docs/decisions/0001-pick-a-model.md", os.listdir(folder))
    if os.path.exists(record):
        with open(record, encoding="utf-8") as f:
            text = f.read()
        check(text.startswith("---\n") and "makeorbuy:" in text and "# Pick a model" in text,
              "the record has the makeorbuy block and the title typed", text[:300])
    with open(os.path.join(folder, "makeorbuy-answers.toml"), encoding="utf-8") as f:
        check(f.read() == "# mine\n", "save offer: the existing file is untouched")
    replay = run("--rules", RULES, "--config", os.path.join(folder, "offered.toml"), "--format", "json")
    with open(out2, encoding="utf-8") as f:
        check(replay.stdout == f.read(), "save offer then --config: the same JSON", replay.stderr)


def test_plain_mode():
    for how, args, environment in (("--plain", ["--plain"], tty_env()),
                                   ("TERM=dumb", [], tty_env(TERM="dumb")),
                                   ("ACCESSIBLE", [], tty_env(ACCESSIBLE="1"))):
        out = os.path.join(scratch(), "out.json")
        child = spawn(["--format", "json", *args], environment=environment, stdout=out)
        child.expect_exact("[1 of about 5] " + STAGE)
        child.expect_exact("2. pre-pmf")
        child.expect_exact("Your answer: ")
        child.sendline("growth")
        child.expect_exact(SPEND)
        child.expect_exact("Amount: ")
        child.sendline("abc")
        child.expect_exact("'abc' is not a number")
        child.sendline("30k")
        child.expect_exact(VOLUME)
        child.sendline("<")
        child.expect_exact("Amount (Enter for 30000): ")
        child.sendline("")
        child.expect_exact(VOLUME)
        child.sendline("2")
        child.expect_exact(REGION)
        child.sendline("?")
        child.expect_exact("Only in this test table.")
        child.sendline("")
        child.expect_exact(DRIVERS)
        child.sendline("1, brand-voice")
        child.expect_exact(TEAM)
        child.sendline("")
        child.expect_exact("Your answers:")
        child.expect_exact("Type a number to change that answer, or press Enter to score: ")
        child.sendline("1")
        child.expect_exact(STAGE)
        child.sendline("4")
        child.expect_exact("1. stage: scale")
        child.expect_exact("press Enter to score")
        child.sendline("")
        child.expect_exact(SAVE_OFFER + " (y/N): ")
        child.sendline("")
        child.expect_exact(ADR_OFFER + " (y/N): ")
        child.sendline("")
        check(wait_exit(child) == 0, f"plain mode ({how}): exit 0", transcript(child))
        check("\x1b" not in transcript(child), f"plain mode ({how}): no escape codes at all",
              repr(transcript(child)[:300]))
        answers = result_json(out)["answers"]
        check(answers["stage"] == "scale" and answers["monthly-spend"] == 30000 and answers["volume-pattern"] ==
              "spiky" and answers["fine-tune-drivers"] == ["output-format", "brand-voice"],
              f"plain mode ({how}): the answers typed", answers)

    # Ctrl-C and end of input in plain mode.
    child = spawn(["--plain"])
    child.expect_exact("Your answer: ")
    child.sendcontrol("c")
    check(wait_exit(child) == 130, "plain mode: Ctrl-C exits 130", transcript(child))
    child = spawn(["--plain"])
    child.expect_exact("Your answer: ")
    child.sendline("2")
    child.expect_exact("Amount: ")
    child.sendeof()
    code = wait_exit(child)
    check(code == 2 and "missing answer to 'monthly-spend'" in transcript(child), "plain mode: Ctrl-D exits 2",
          transcript(child))


def test_required_choice_needs_a_pick():
    child = spawn([])
    child.expect_exact(STAGE)
    child.send(ENTER)
    child.expect_exact("stage needs an answer")
    check("❯ 1 prototype" not in transcript(child), "required choice: nothing is highlighted before a pick",
          transcript(child)[-1500:])
    child.send(DOWN)
    child.expect_exact("❯ 1 prototype")
    child.send("3" + ENTER)
    child.expect(answered("1 of about 5", STAGE, "growth"))
    child.sendcontrol("c")
    wait_exit(child)


def test_filter():
    child = spawn([])
    child.expect_exact(STAGE)
    child.send("/")
    child.expect_exact("Esc drop filter")
    child.send("sca")
    child.expect_exact("❯ 4 scale")
    child.send(ENTER)
    child.expect(answered("1 of about 5", STAGE, "scale"))
    child.sendcontrol("c")
    wait_exit(child)


def default_prompts():
    """The built-in questions' prompts, cut to 40 characters: long ones wrap on an 80-column screen."""
    with open(os.path.join(SOURCE, "rules", "default.json"), encoding="utf-8") as f:
        return {q["key"]: q["prompt"][:40] for q in json.load(f)["questions"]}


def test_yes_no_and_cost_questions():
    """The built-in rules: y/n keys, the offer to refine the cost estimate, and a cost answer changed at the
    summary, which never shows an unset request count as zero traffic."""
    prompts = default_prompts()
    out = os.path.join(scratch(), "out.json")
    child = spawn_default(["--format", "json"], stdout=out)
    for key, keys in (("stage", "1" + ENTER), ("monthly-spend", "5000" + ENTER), ("latency", "2" + ENTER),
                      ("compliance", "1" + ENTER), ("team-size", "3" + ENTER), ("ml-ops", ENTER), ("task", ENTER),
                      ("quality-is-product", "y"), ("cost-pressure", "n"), ("pipeline", ENTER),
                      ("weights-control", ENTER), ("lock-in", ENTER), ("fine-tune-drivers", ENTER)):
        child.expect_exact(prompts[key])
        child.send(keys)
    child.expect_exact("Refine the cost estimate? (y/N)")
    check(re.search(re.escape(prompts["quality-is-product"]) + ".* yes\r", transcript(child)),
          "y answered the yes/no question at once", transcript(child)[-3000:])
    child.expect_exact("requests-per-month derived from monthly spend")
    child.send("n")
    child.expect(r"14 requests-per-month\s+derived from monthly spend  \(default\)")
    child.expect_exact(SUMMARY)
    check("0 requests per month" not in transcript(child), "summary: no '0 requests per month'",
          transcript(child)[-2500:])
    child.send("x")
    child.expect_exact("'x' does nothing here")
    child.send("14" + ENTER)
    child.expect_exact(prompts["requests-per-month"])
    child.expect_exact("Enter for 0: derived from monthly spend")
    child.send("2M" + ENTER)
    child.expect(r"14 requests-per-month\s+2000000 requests per month")
    child.expect_exact(SUMMARY)
    child.send("17" + ENTER)
    child.expect_exact(prompts["cost-profile"])
    child.send("2" + ENTER)
    child.expect(r"17 cost-profile\s+lean")
    child.expect_exact(SUMMARY)
    child.send(ENTER)
    decline_offer(child)
    check(wait_exit(child) == 0, "cost questions: exit 0", transcript(child)[-3000:])
    answers = result_json(out)["answers"]
    check(answers["quality-is-product"] == "yes" and answers["cost-pressure"] == "no", "y and n answered",
          answers)
    check(answers["requests-per-month"] == 2000000 and answers["cost-profile"] == "lean",
          "cost answers from the summary count", answers)

    # Saying yes asks them in turn, counted on from the plan.
    child = spawn_default([])
    for key, keys in (("stage", "1" + ENTER), ("monthly-spend", "5000" + ENTER), ("latency", "2" + ENTER),
                      ("compliance", "1" + ENTER), ("team-size", "3" + ENTER)):
        child.expect_exact(prompts[key])
        child.send(keys)
    for key in ("ml-ops", "task", "quality-is-product", "cost-pressure", "pipeline", "weights-control", "lock-in",
                "fine-tune-drivers"):
        child.expect_exact(prompts[key])
        child.send(ENTER)
    child.expect_exact("Refine the cost estimate? (y/N)")
    child.send("y")
    child.expect_exact("[14 of 19] " + prompts["requests-per-month"])
    child.sendcontrol("c")
    wait_exit(child)


def test_ctrl_c_after_save():
    folder = scratch()
    child = spawn([], cwd=folder)
    answer_everything(child)
    child.send(ENTER)
    child.expect_exact(SAVE_OFFER)
    child.send("y")
    child.expect_exact("makeorbuy-answers.toml")
    child.send(ENTER)
    child.expect_exact("Saved the answers to makeorbuy-answers.toml")
    child.expect_exact(ADR_OFFER)
    child.send("y")
    child.expect_exact("Title of the decision record")
    child.sendcontrol("c")
    code = wait_exit(child)
    text = transcript(child)
    check(code == 130, "Ctrl-C after a save: exit 130", text[-1500:])
    check("interrupted after writing makeorbuy-answers.toml; nothing else was written" in text,
          "Ctrl-C after a save names the saved file", text[-1500:])
    check("nothing was written" not in text, "Ctrl-C after a save: never 'nothing was written'", text[-1500:])
    check(os.path.exists(os.path.join(folder, "makeorbuy-answers.toml")), "the saved file is there")


def test_bracketed_paste():
    """A paste arrives bracketed: its line break types a space, never Enter; the mode is set while the
    interview reads keys and reset when it gives the terminal back."""
    child = spawn([])
    child.expect_exact("\x1b[?2004h")
    child.expect_exact(STAGE)
    child.send("1" + ENTER)
    child.expect_exact(SPEND)
    child.send("\x1b[200~$30,000\r\n\x1b[201~")
    child.expect_exact("$30,000")
    time.sleep(0.3)
    check(answered("2 of about 5", SPEND, "30000 USD per month") not in transcript(child)[-800:] and
          "[3 of" not in transcript(child)[-800:], "a pasted line break did not accept the number",
          transcript(child)[-800:])
    child.send(ENTER)
    child.expect(answered("2 of about 5", SPEND, "30000 USD per month"))
    child.sendcontrol("c")
    wait_exit(child)
    check(transcript(child).rstrip().endswith("\x1b[?2004l") or "\x1b[?2004l" in transcript(child)[-400:],
          "bracketed paste reset at the end", repr(transcript(child)[-400:]))


def main():
    tests = (test_arrows_and_digits, test_bad_number_then_good, test_going_back, test_summary_change, test_ctrl_c,
             test_terminated, test_end_of_input, test_no_input_and_ci, test_colour, test_save_and_replay,
             test_plain_mode, test_required_choice_needs_a_pick, test_yes_no_and_cost_questions,
             test_ctrl_c_after_save, test_filter, test_bracketed_paste)
    for test in tests:
        try:
            test()
        except Exception as e:  # a timeout or EOF in one test must not hide the others
            check(False, f"{test.__name__}: {type(e).__name__}", str(e)[:3000])
    finish()


if __name__ == "__main__":
    main()
