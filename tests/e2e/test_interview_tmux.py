"""How the choice list is drawn, as a person sees it: the interview in a
detached tmux window of 80x24, keys sent with send-keys, the screen read
back with capture-pane. Also: a resized window is redrawn cleanly."""

import os
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import check, finish  # noqa: E402
from interview_support import command_line  # noqa: E402

SOCKET = f"makeorbuy-e2e-{os.getpid()}"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True,
                          timeout=30)


def screen():
    return tmux("capture-pane", "-p", "-t", "interview").stdout


def wait_for(predicate, what, timeout=20):
    """Polls the screen until `predicate(screen)` holds; returns the screen."""
    deadline = time.monotonic() + timeout
    text = screen()
    while time.monotonic() < deadline:
        text = screen()
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
        tmux("send-keys", "-t", "interview", "C-c")
        text = wait_for(lambda s: "RC=130" in s, "exit 130 after Ctrl-C")
        check("interrupted; nothing was written" in text, "tmux: Ctrl-C says nothing was written", text)
    finally:
        tmux("kill-server")
    finish()


if __name__ == "__main__":
    main()
