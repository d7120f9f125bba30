"""Golden text: `recommend` on a few profiles read as a product manager would,
compared byte for byte with tests/data/golden/NAME.txt (the answers are in
NAME.args, one argument a line). Each golden output was read for figures that
contradict one another; the checks below keep the arithmetic honest on every
run: the winner's listed reasons add up to its score, the "why not" figures
to the printed gap, and no amount or duration reads oddly.
Set MAKEORBUY_UPDATE_EXPECTED=1 to rewrite the expected files after a legitimate change."""

import glob
import os
import re

from harness import check, data, env, expect, finish, run

UPDATE = os.environ.get("MAKEORBUY_UPDATE_EXPECTED") == "1"
# Today is pinned: the cost section's stale-prices notice depends on the date.
TODAY = env(MAKEORBUY_TODAY="2026-11-29")


def figures_under(text, heading_prefix):
    """The signed figures printed at four spaces under the heading that starts with heading_prefix."""
    out, inside = [], False
    for line in text.splitlines():
        if line and not line.startswith(" "):
            inside = line.startswith(heading_prefix)
        m = re.match(r"^    ([+-]\d+\.\d\d) ", line)
        if inside and m:
            out.append(float(m.group(1)))
    return out


for args_file in sorted(glob.glob(data("golden", "*.args"))):
    name = os.path.basename(args_file)[:-5]
    args = [a for a in open(args_file, encoding="utf-8").read().splitlines() if a]
    result = run("recommend", "--no-input", *args, environment=TODAY)
    expect(result, 0, f"golden {name}")
    text = result.stdout
    expected_file = data("golden", name + ".txt")
    if UPDATE:
        with open(expected_file, "w", encoding="utf-8") as f:
            f.write(text)
    expected = open(expected_file, encoding="utf-8").read() if os.path.exists(expected_file) else ""
    check(text == expected, f"golden {name}: output as in {name}.txt", text)

    m = re.search(r"^Why (.+) \(score (-?\d+\.\d\d)\)$", text, re.M)
    check(m is not None, f"golden {name}: a 'Why' heading with the score", text[:800])
    if m:
        listed = sum(figures_under(text, f"Why {m.group(1)} (score"))
        check(round(listed * 100) == round(float(m.group(2)) * 100),
              f"golden {name}: the reasons add up to the score", (listed, m.group(2)))
    m = re.search(r"^Why not (.+) \((\d+(?:\.\d+)?) points? behind\)$", text, re.M)
    if m:
        listed = sum(figures_under(text, f"Why not {m.group(1)}"))
        check(round(listed * 100) == round(float(m.group(2)) * 100),
              f"golden {name}: the differences add up to the gap", (listed, m.group(2)))
        check(not re.search(r"\b1 points\b|\(1\.0+ point", text), f"golden {name}: '1 point', not '1 points'")
    m = re.search(r"^Why not (.+) \(level on points;", text, re.M)
    if m:
        listed = sum(figures_under(text, f"Why not {m.group(1)}"))
        check(round(listed * 100) == 0, f"golden {name}: a level runner-up's differences add up to 0", listed)
    check("in 0 months" not in text and "0 months" not in text, f"golden {name}: no 'paid back in 0 months'")
    check(not re.search(r"\$\d{4,}(\.\d+)?[KMBT]", text), f"golden {name}: no '$112500B'-style amounts", text)
    shares = re.search(r"^  (Clear|Leaning|Contested): ", text, re.M)
    check(shares is not None, f"golden {name}: a verdict", text)

finish()
