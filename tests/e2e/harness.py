"""Shared helpers for the end-to-end tests: each test_*.py script gets the
built binary as argv[1], runs it on files in tests/data, and checks exit
codes and output. CTest runs every script (tests/CMakeLists.txt)."""

import os
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/makeorbuy"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
SOURCE = os.environ.get("MAKEORBUY_SOURCE_DIR", os.path.normpath(os.path.join(HERE, "..", "..")))

_passed = 0
_failed = []


def env(**extra):
    """A clean environment: no colour surprises, a UTF-8 locale, no CI variables, no COLUMNS."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    e.update({"LANG": "C.UTF-8", "TERM": "dumb"})
    e.pop("NO_COLOR", None)
    e.pop("COLUMNS", None)  # expected output is 80 columns wide
    e.update(extra)
    return e


def run(*args, stdin=None, cwd=None, environment=None, timeout=60):
    """Runs the binary with stdin closed unless given; returns CompletedProcess with text output."""
    return subprocess.run([BIN, *args], input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, text=True, cwd=cwd, env=environment or env(), timeout=timeout)


def data(*parts):
    return os.path.join(DATA, *parts)


def check(condition, what, detail=""):
    """Records one assertion; prints it when it fails."""
    global _passed
    if condition:
        _passed += 1
    else:
        _failed.append(what)
        print(f"FAIL: {what}", file=sys.stderr)
        if detail:
            print("  " + str(detail).replace("\n", "\n  "), file=sys.stderr)


def expect(result, code, what, stdout_has=(), stderr_has=(), stdout_lacks=(), stderr_lacks=()):
    """Checks a run's exit code and that its streams hold (or lack) each string."""
    detail = f"exit {result.returncode}\n--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"
    check(result.returncode == code, f"{what}: exit code {code}", detail)
    for s in ([stdout_has] if isinstance(stdout_has, str) else stdout_has):
        check(s in result.stdout, f"{what}: stdout has {s!r}", detail)
    for s in ([stderr_has] if isinstance(stderr_has, str) else stderr_has):
        check(s in result.stderr, f"{what}: stderr has {s!r}", detail)
    for s in ([stdout_lacks] if isinstance(stdout_lacks, str) else stdout_lacks):
        check(s not in result.stdout, f"{what}: stdout lacks {s!r}", detail)
    for s in ([stderr_lacks] if isinstance(stderr_lacks, str) else stderr_lacks):
        check(s not in result.stderr, f"{what}: stderr lacks {s!r}", detail)


def scratch():
    """A temporary folder, removed at exit."""
    folder = tempfile.TemporaryDirectory(prefix="makeorbuy-e2e-")
    _keep.append(folder)
    return folder.name


_keep = []


def finish():
    """Prints the closing line and exits non-zero if anything failed."""
    print(f"{_passed} passed, {len(_failed)} failed")
    sys.exit(1 if _failed else 0)
