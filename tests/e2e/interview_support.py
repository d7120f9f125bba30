"""Helpers for the interview tests: the binary in a real pseudo-terminal
(pexpect), on a small rules table of the tests' own, with a clean and
predictable environment."""

import io
import json
import os
import re
import shlex

import pexpect

from harness import BIN, data, env

RULES = data("interview", "rules.json")
SGR = re.compile(r"\x1b\[[0-9;]*m")
TIMEOUT = 20

DOWN, UP, LEFT = "\x1b[B", "\x1b[A", "\x1b[D"
ESC, SHIFT_TAB, ENTER, CTRL_U = "\x1b", "\x1b[Z", "\r", "\x15"


def tty_env(**extra):
    """A terminal that can do everything, no colour, and no CI or ACCESSIBLE
    variables (either would change whether and how the interview runs)."""
    e = env(TERM="xterm-256color", NO_COLOR="1")
    for name in ("CI", "ACCESSIBLE", "COLUMNS", "LINES"):
        e.pop(name, None)
    for name, value in extra.items():
        if value is None:
            e.pop(name, None)
        else:
            e[name] = value
    return e


def spawn(args, environment=None, cwd=None, stdout=None):
    """Runs `makeorbuy --rules RULES ARGS` in an 80x24 pty. With `stdout`
    a file path, the result goes there (only the interview is on the pty)."""
    command = [BIN, "--rules", RULES, *args]
    if stdout is not None:
        line = "exec " + " ".join(shlex.quote(a) for a in command) + " > " + shlex.quote(stdout)
        child = pexpect.spawn("/bin/sh", ["-c", line], env=environment or tty_env(), cwd=cwd,
                              dimensions=(24, 80), encoding="utf-8", codec_errors="replace", timeout=TIMEOUT)
    else:
        child = pexpect.spawn(command[0], command[1:], env=environment or tty_env(), cwd=cwd,
                              dimensions=(24, 80), encoding="utf-8", codec_errors="replace", timeout=TIMEOUT)
    child.logfile_read = io.StringIO()
    return child


def spawn_default(args, environment=None, cwd=None, stdout=None):
    """As spawn(), on the built-in rules instead of the tests' table."""
    command = [BIN, *args]
    line = "exec " + " ".join(shlex.quote(a) for a in command) + (" > " + shlex.quote(stdout) if stdout else "")
    child = pexpect.spawn("/bin/sh", ["-c", line], env=environment or tty_env(), cwd=cwd, dimensions=(24, 80),
                          encoding="utf-8", codec_errors="replace", timeout=TIMEOUT)
    child.logfile_read = io.StringIO()
    return child


def spawn_shell(line, environment=None):
    """Runs a shell command line in an 80x24 pty (for `BIN; echo RC=$?; stty -a`)."""
    child = pexpect.spawn("/bin/sh", ["-c", line], env=environment or tty_env(), dimensions=(24, 80),
                          encoding="utf-8", codec_errors="replace", timeout=TIMEOUT)
    child.logfile_read = io.StringIO()
    return child


def command_line(*args):
    """`makeorbuy --rules RULES ARGS` quoted for sh."""
    return " ".join(shlex.quote(a) for a in (BIN, "--rules", RULES, *args))


def transcript(child):
    return child.logfile_read.getvalue()


def wait_exit(child):
    """Waits for the end; returns the exit code (128 + signal if killed)."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)


def answered(position, prompt, value):
    """The line an answered question leaves, as a regex: "[2 of 5] Prompt 30000 …" (the prompt may be cut
    short with an ellipsis to leave room for the value)."""
    return re.escape(f"[{position}] ") + re.escape(prompt[:20]) + "[^\r\n]* " + re.escape(value)


def result_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


STAGE = "Where does the product stand today?"
SPEND = "About how much does inference cost you per month?"
VOLUME = "How predictable is your request volume?"
REGION = "Where must the model run?"
DRIVERS = "Which reasons for a custom model apply?"
TEAM = "How many engineers would build and run this?"
SUMMARY = "Number to change, or Enter to score:"
SAVE_OFFER = "Save these answers to replay them later with --config?"
ADR_OFFER = "Write a decision record (ADR) for this decision?"
