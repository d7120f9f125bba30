"""adr new and adr check in copies of repositories laid out like real decision
collections (tests/data/adr-repos: adr-tools, log4brains, MADR, Backstage-style
ADR-NNN- names, 3-digit and unpadded counters, ISO dates, a folder found only
because it holds most records): the record goes where a person would put it,
named like its neighbours; `.adr-dir` is read safely; concurrent runs never
share a number (issues 14 and 16)."""

import hashlib
import os
import shutil
import subprocess
import threading

from harness import BIN, SOURCE, check, data, env, expect, finish, run, scratch

E = env(MAKEORBUY_TODAY="2026-11-29")
ANSWERS = ["--config", os.path.join(SOURCE, "tests", "bench", "answers.toml")]


def tree_digest(folder):
    digest = hashlib.sha256()
    for root, dirs, files in sorted(os.walk(folder)):
        for name in sorted(files + dirs):
            path = os.path.join(root, name)
            digest.update(path.encode())
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    digest.update(f.read())
    return digest.hexdigest()


BEFORE = tree_digest(data("adr-repos"))


def repo(name):
    """A copy of a fixture repository, with a .git folder marking its root."""
    root = os.path.join(scratch(), name)
    shutil.copytree(data("adr-repos", name), root, symlinks=True)
    os.makedirs(os.path.join(root, ".git"), exist_ok=True)
    return root


# Each layout: where `adr new` writes, what it says it detected.
CASES = {
    "adr-tools": ("doc/architecture/decisions/0003-next-decision.md", ["named by .adr-dir", "NNNN-title.md"]),
    "log4brains": ("docs/adr/20261129-next-decision.md", ["named by .log4brains.yml", "YYYYMMDD-title.md"]),
    "prefixed": ("docs/adrs/ADR-064-next-decision.md", ["holds 2 numbered records", "ADR-NNN-title.md"]),
    "three-digit": ("adr/027-next-decision.md", ["NNN-title.md"]),
    "unpadded": ("decision-records/11-next-decision.md", ["N-title.md", "3 records"]),
    "iso-date": ("docs/architecture/decisions/2026-11-29-next-decision.md", ["YYYY-MM-DD-title.md"]),
    "busiest": ("engineering/rfcs/0004-next-decision.md", ["holds 3 numbered records"]),
    "madr": ("docs/madr/decisions/0002-next-decision.md", ["holds 1 numbered records"]),
}
for name, (expected, said) in CASES.items():
    root = repo(name)
    r = run("adr", "new", "Next decision", *ANSWERS, cwd=os.path.join(root), environment=E)
    expect(r, 0, f"{name}: adr new", stdout_has=expected, stderr_has=["note: writing to"] + said)
    check(os.path.isfile(os.path.join(root, expected)), f"{name}: {expected} written")
    # From a subfolder too: the repository root is found.
    sub = os.path.join(root, "src", "deep")
    os.makedirs(sub, exist_ok=True)
    r = run("adr", "new", "From below", *ANSWERS, cwd=sub, environment=E)
    expect(r, 0, f"{name}: adr new from a subfolder", stdout_has=os.path.dirname(expected))
    # adr check with no path finds the folder and checks the new records.
    r = run("adr", "check", cwd=root, environment=E)
    expect(r, 0, f"{name}: adr check with no path", stdout_has="records checked")
    check(f"{2 + (1 if name in ('prefixed', 'madr') else 0)} records checked" in r.stdout,
          f"{name}: the check found the new records", r.stdout)

# --dir and --name-style override what was detected.
root = repo("prefixed")
r = run("adr", "new", "Own style", *ANSWERS, "--name-style", "0001", cwd=root, environment=E)
expect(r, 0, "--name-style 0001", stdout_has="docs/adrs/0001-own-style.md", stderr_has="--name-style")
r = run("adr", "new", "Dated", *ANSWERS, "--name-style", "YYYYMMDD", "--dir", "records", cwd=root, environment=E)
expect(r, 0, "--name-style YYYYMMDD --dir records", stdout_has="records/20261129-dated.md")
r = run("adr", "new", "Dated", *ANSWERS, "--name-style", "YYYYMMDD", "--dir", "records", cwd=root, environment=E)
expect(r, 0, "the same dated name again", stdout_has="records/20261129-dated-2.md")
expect(run("adr", "new", "X", *ANSWERS, "--name-style", "NNNN", cwd=root, environment=E), 2, "bad --name-style",
       stderr_has="give a sample number such as 0001")

# 16.7: numbers that cannot be followed are refused, not widened.
root = repo("unpadded")
open(os.path.join(root, "decision-records", "999999999-last.md"), "w").write("# Last\n")
r = run("adr", "new", "After the last", *ANSWERS, cwd=root, environment=E)
expect(r, 2, "after 999999999", stderr_has=["999999999-last.md", "the highest makeorbuy can follow"])
check(not any(n.startswith("1000000000") for n in os.listdir(os.path.join(root, "decision-records"))),
      "no 1000000000 record written")

# 16.7: ten runs at once never share a number.
root = repo("three-digit")
results = []


def one(i):
    results.append(subprocess.run([BIN, "adr", "new", f"Concurrent {i}", *ANSWERS], cwd=root, env=E,
                                  capture_output=True, text=True, stdin=subprocess.DEVNULL))


threads = [threading.Thread(target=one, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
check(all(r.returncode == 0 for r in results), "ten concurrent runs succeed", [r.stderr for r in results])
numbers = sorted(n.split("-")[0] for n in os.listdir(os.path.join(root, "adr")) if n[0].isdigit())
check(len(numbers) == len(set(numbers)) == 12, "ten concurrent runs: every number distinct", numbers)
check(numbers[-1] == "036", "numbered 027..036", numbers)
check(not [n for n in os.listdir(os.path.join(root, "adr")) if n.endswith(".lock")], "no lock file left")

# 16.5: .adr-dir read only as a small regular file naming a folder inside the repository.
outside = scratch()
hostile = {
    "dev-zero": ("symlink", "/dev/zero", "not a regular file"),
    "fifo": ("fifo", None, "not a regular file"),
    "root": ("text", "/\n", "an absolute path"),
    "absolute": ("text", outside + "\n", "an absolute path"),
    "dot-dot": ("text", "../elsewhere\n", "a folder outside the repository"),
    "dot": ("text", ".\n", "the repository root itself"),
    "empty": ("text", "\n", "an empty name"),
    "big": ("text", "doc/adr\n" + "#" * 5000, "over 4 KB"),
    "file": ("text", "README.md\n", "not a folder"),
}
for what, (kind, content, message) in hostile.items():
    root = repo("adr-tools")
    adr_dir = os.path.join(root, ".adr-dir")
    os.remove(adr_dir)
    if kind == "symlink":
        os.symlink(content, adr_dir)
    elif kind == "fifo":
        os.mkfifo(adr_dir)
    else:
        open(adr_dir, "w").write(content)
    open(os.path.join(root, "README.md"), "w").write("# readme\n")
    for command in (["adr", "check"], ["adr", "new", "Hostile", *ANSWERS]):
        r = run(*command, cwd=root, environment=E, timeout=20)
        expect(r, 2, f".adr-dir {what}: {command[1]} refuses", stderr_has=[".adr-dir:", message])
    check(os.listdir(outside) == [], f".adr-dir {what}: nothing written outside")
# A symlinked folder inside the repository is fine; one leading outside is not.
root = repo("adr-tools")
os.symlink(outside, os.path.join(root, "escape"))
open(os.path.join(root, ".adr-dir"), "w").write("escape/adr\n")
r = run("adr", "new", "Escaping", *ANSWERS, cwd=root, environment=E)
expect(r, 2, ".adr-dir through a symlink out of the repository", stderr_has="outside the repository")
check(os.listdir(outside) == [], "nothing written through the symlink")

# Never written over: the fixtures themselves are unchanged (every run above used a copy).
check(tree_digest(data("adr-repos")) == BEFORE, "tests/data/adr-repos untouched")

finish()
