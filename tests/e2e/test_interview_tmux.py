"""How the choice list is drawn, as a person sees it: the interview in a
detached tmux window of 80x24, keys sent with send-keys, the screen read
back with capture-pane. Also: a resized window is redrawn cleanly."""

import json
import os
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import BIN, SOURCE, check, finish  # noqa: E402
from interview_support import command_line  # noqa: E402

SOCKET = f"makeorbuy-e2e-{os.getpid()}"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True,
                          timeout=30)


def screen(target="interview"):
    return tmux("capture-pane", "-p", "-t", target).stdout


def wait_for(predicate, what, timeout=20, target="interview"):
    """Polls the screen until `predicate(screen)` holds; returns the screen."""
    deadline = time.monotonic() + timeout
    text = screen(target)
    while time.monotonic() < deadline:
        text = screen(target)
        if predicate(text):
            return text
        time.sleep(0.1)
    check(False, f"tmux: waited for {what}", text)
    return text


def lines(text):
    return [line.rstrip() for line in text.splitlines()]


EXPECTED_LIST = [
    "[1 of about 5] Where does the product stand today?",
    "    1 prototype  A demo with no real users",
    "  ❯ 2 pre-pmf    Real users, still searching for fit",
    "    3 growth     Fit found and usage is climbing",
    "    4 scale      Large, settled usage",
    "↑↓ 1-4 move · Enter choose · ? help · ← b Esc back · Ctrl-C quit",
]


def small_window(environment):
    """60x20, the built-in rules, every answer but the drivers given: the longest multi-select with its help
    open shows every value and the key hints."""
    with open(os.path.join(SOURCE, "rules", "default.json"), encoding="utf-8") as f:
        questions = json.load(f)["questions"]
    multi = [q for q in questions if q["type"] == "multi"]
    longest = max(multi, key=lambda q: len(q.get("help", "")) + sum(len(v["text"]) for v in q["values"]))
    given = {"stage": "growth", "monthly-spend": "5000", "latency": "batch", "compliance": "none",
             "team-size": "3"}
    flags = [f"--{key}={value}" for key, value in given.items() if key != longest["key"]]
    line = " ".join(shlex.quote(a) for a in (BIN, *flags)) + " > /dev/null; sleep 60"
    tmux("new-session", "-d", "-s", "small", "-x", "60", "-y", "20", *environment, "sh -c " + shlex.quote(line))
    prompt = longest["prompt"][:30]
    for _ in range(len(questions)):  # Enter through the questions before it (their defaults)
        text = wait_for(lambda s: "Ctrl-C quit" in s, "a question at 60x20", target="small")
        if prompt in text:
            break
        tmux("send-keys", "-t", "small", "Enter")
        time.sleep(0.3)
    tmux("send-keys", "-t", "small", "?")
    text = wait_for(lambda s: longest["help"][:25] in s, "the help open at 60x20", target="small")
    shown = lines(text)
    missing = [v["value"] for v in longest["values"] if not any(f" {v['value']} " in row for row in shown)]
    check(not missing, "tmux 60x20: every value of the longest multi-select shows with its help open",
          f"missing {missing}\n{text}")
    check("Ctrl-C quit" in text, "tmux 60x20: the key-hint footer shows, Ctrl-C included", text)
    check(all(len(row) <= 60 for row in shown), "tmux 60x20: no line wider than the window", text)


def main():
    if shutil.which("tmux") is None:
        check(False, "tmux is installed (.ci/install-deps installs it)")
        finish()
    environment = ["-e", "TERM=xterm-256color", "-e", "LANG=C.UTF-8", "-e", "NO_COLOR=1", "-e", "CI="]
    shell = f"{command_line()} > /dev/null; echo RC=$?; sleep 60"
    try:
        started = tmux("new-session", "-d", "-s", "interview", "-x", "80", "-y", "24", *environment,
                       "sh -c " + shlex.quote(shell))
        check(started.returncode == 0, "tmux: session started", started.stderr)
        text = wait_for(lambda s: "Ctrl-C quit" in s, "the first question")
        check("❯" not in text, "tmux: a required choice starts with nothing highlighted", text)
        tmux("send-keys", "-t", "interview", "Enter")
        text = wait_for(lambda s: "stage needs an answer" in s, "Enter refused without a pick")
        check("About how much" not in text, "tmux: Enter without a pick stays on the question", text)
        tmux("send-keys", "-t", "interview", "Down")
        wait_for(lambda s: "❯ 1 prototype" in s, "the first Down highlights the first value")
        tmux("send-keys", "-t", "interview", "Down")
        text = wait_for(lambda s: "❯ 2 pre-pmf" in s, "the highlight on pre-pmf")
        check(lines(text)[:6] == EXPECTED_LIST, "tmux: the choice list as drawn", "\n".join(lines(text)[:8]))
        check(all(line == "" for line in lines(text)[6:]), "tmux: nothing else on screen", text)
        cursor = tmux("display-message", "-p", "-t", "interview", "#{cursor_y} #{cursor_x}").stdout.split()
        check(cursor == ["2", "2"], "tmux: the cursor sits on the highlighted choice (screen readers follow it)",
              cursor)

        # Narrower: the window is cleared and the list drawn again, wrapped to fit.
        tmux("resize-window", "-t", "interview", "-x", "44", "-y", "20")
        text = wait_for(lambda s: s.count("prototype") == 1 and "❯ 2 pre-pmf" in s and
                        all(len(line) <= 44 for line in lines(s)) and lines(s)[0].startswith("[1 of about 5]"),
                        "a clean redraw at 44 columns")
        check(text.count("Where does the product") == 1, "tmux: after a resize the question is drawn once", text)

        tmux("send-keys", "-t", "interview", "Enter")
        text = wait_for(lambda s: "About how much" in s, "the second question")
        first = lines(text)[0]
        check(first.startswith("[1 of about 5] Where does the") and first.endswith(" pre-pmf") and
              len(first) <= 44, "tmux: an answered question leaves one line, cut to the width", text)
        small_window(environment)
        tmux("send-keys", "-t", "interview", "C-c")
        text = wait_for(lambda s: "RC=130" in s, "exit 130 after Ctrl-C")
        check("interrupted; nothing was written" in text, "tmux: Ctrl-C says nothing was written", text)
    finally:
        tmux("kill-server")
    finish()


if __name__ == "__main__":
    main()
