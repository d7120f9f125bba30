"""The HTML report in a real browser: Debian's chromium, headless, started once.
Each page loads with no console error and no network request, its screenshot at
1280x1800 is not blank, every chart is an SVG whose data points are the figures
of --format json for the same answers (and whose bars start at the zero line),
and axe-core finds no serious or critical violation. Mermaid's own parser reads
the Markdown report's chart.

Needs chromium, python3-websocket and the npm packages of package.json (all
installed by .ci/install-deps). Without them it exits 77, which CTest reports
as skipped, unless MAKEORBUY_REQUIRE_BROWSER=1 (set by .ci/run), when it fails."""

import json
import os
import shutil
import struct
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import harness  # noqa: E402
from harness import check, run  # noqa: E402

SKIP = 77
MODULES = os.path.join(HERE, "node_modules")
AXE = os.path.join(MODULES, "axe-core", "axe.min.js")
MERMAID = os.path.join(MODULES, "mermaid", "dist", "mermaid.min.js")
PROFILE = ["--stage", "growth", "--monthly-spend", "120k", "--latency", "interactive", "--compliance",
           "vendor-dpa", "--team-size", "12", "--volume-pattern", "steady", "--ml-ops", "some", "--no-input"]


def missing():
    what = []
    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if chromium is None:
        what.append("chromium (apt-get install chromium)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        what.append("python3-websocket")
    for path in (AXE, MERMAID):
        if not os.path.exists(path):
            what.append(f"{os.path.relpath(path, HERE)} (npm ci in tests/browser)")
    return chromium, what


def non_blank(png):
    """True when the PNG's pixels are not all one colour (decoded by hand: no PIL needed)."""
    data = b""
    at = 8
    width = height = 0
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IHDR":
            width, height = struct.unpack(">II", png[at + 8:at + 16])
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    return width == 1280 and height == 1800 and len(set(raw)) > 16


PAGE_FIGURES = """(() => {
  const num = s => s === null ? null : Number(s);
  const list = s => s.trim().split(/\\s+/).map(Number);
  const bars = id => [...document.querySelectorAll(`svg[data-chart="${id}"] g.bar`)].map(g => {
    const rect = g.querySelector('rect');
    return {key: g.dataset.key, value: num(g.getAttribute('data-value')), ruledOut: g.dataset.ruledOut === 'true',
            x: rect ? rect.x.baseVal.value : null, width: rect ? rect.width.baseVal.value : null};
  });
  const zero = id => { const l = document.querySelector(`svg[data-chart="${id}"] line.zero`); return l ? l.x1.baseVal.value : null; };
  const svg = id => document.querySelector(`svg[data-chart="${id}"]`);
  const inView = id => { const r = svg(id) ? svg(id).getBoundingClientRect() : null;
                          return !!r && r.top >= 0 && r.bottom <= 1800 && r.width > 300; };
  const lines = document.querySelector('svg[data-chart="cost-chart"] g.lines');
  return {
    charts: [...document.querySelectorAll('figure.chart > svg')].map(s => s.dataset.chart),
    titled: [...document.querySelectorAll('figure.chart > svg')].every(s => s.querySelector('title') && s.querySelector('desc')),
    tables: document.querySelectorAll('figure.chart > .sr-only > table').length,
    ranking: bars('ranking-chart'), rankingZero: zero('ranking-chart'), rankingInView: inView('ranking-chart'),
    sure: bars('sure-chart'),
    costX: lines ? list(lines.dataset.x) : null,
    costLines: lines ? [...lines.querySelectorAll('polyline')].map(p => ({key: p.dataset.key, values: list(p.dataset.values)})) : null,
    markers: [...document.querySelectorAll('svg[data-chart="cost-chart"] g.marker')].map(g => ({kind: g.classList[1], x: Number(g.dataset.x)})),
    stacks: [...document.querySelectorAll('svg[data-chart="parts-chart"] g.stack')].map(g => ({key: g.dataset.key,
      total: Number(g.dataset.value), parts: [...g.querySelectorAll('rect')].map(r => [r.dataset.part, Number(r.dataset.value)])})),
    costInView: inView('cost-chart'),
    verdict: document.getElementById('verdict') ? document.getElementById('verdict').textContent : null,
  };
})()"""


def check_cost(name, page, cost):
    curves = cost["curves"]
    check(page["costX"] == curves["requests_per_month"], f"{name}: the cost chart's volumes are cost.curves'",
          (page["costX"], curves["requests_per_month"]))
    expected = []
    for series in curves["options"]:
        expected.append({"key": series["option"], "values": series["monthly_usd"]})
        if "alternative" in series:
            expected.append({"key": series["option"] + "/alternative", "values": series["alternative"]["monthly_usd"]})
    check(page["costLines"] == expected, f"{name}: each cost line holds the JSON's monthly_usd at each volume",
          json.dumps(page["costLines"])[:600])
    markers = [{"kind": "current", "x": curves["requests_per_month"][curves["current_index"]]}]
    markers += [{"kind": "crossing", "x": b["requests_per_month"]} for b in cost["break_even"]]
    check(page["markers"] == markers, f"{name}: the current volume and every break-even crossing are marked",
          (page["markers"], markers))
    stacks = [{"key": o["option"], "total": o["monthly_usd"], "parts": [[p["part"], p["monthly_usd"]] for p in o["parts"]]}
              for o in cost["options"]]
    check(page["stacks"] == stacks, f"{name}: each option's parts at the current volume are the JSON's",
          json.dumps(page["stacks"])[:600])


def load(browser, path, name):
    """Opens the page; checks console, network, screenshot and accessibility; returns its figures."""
    browser.open("file://" + path)
    time.sleep(0.2)
    page = browser.evaluate(PAGE_FIGURES)
    shot = browser.screenshot()
    with open(AXE, encoding="utf-8") as f:
        browser.evaluate(f.read())
    violations = browser.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "
        "({id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help})))")
    # The dark scheme too: its colours must keep their contrast.
    browser.call("Emulation.setEmulatedMedia", session=True, features=[{"name": "prefers-color-scheme", "value": "dark"}])
    dark = browser.evaluate(
        "axe.run(document, {runOnly: ['color-contrast', 'link-in-text-block']}).then(r => r.violations.map(v => "
        "({id: v.id, impact: v.impact, nodes: v.nodes.length})))")
    background = browser.evaluate("getComputedStyle(document.body).backgroundColor")
    browser.call("Emulation.setEmulatedMedia", session=True, features=[])
    check(background != "rgb(255, 255, 255)", f"{name}: the dark scheme applies", background)
    check(not [v for v in dark if v["impact"] in ("serious", "critical")],
          f"{name}: axe-core finds no contrast violation in the dark scheme", dark)
    events = browser.drain()
    errors = [e for e in events if e.get("method") == "Runtime.exceptionThrown"
              or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"))
              or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")]
    requests = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"]
    check(not errors, f"{name}: no console errors", json.dumps(errors)[:1500])
    check(not [u for u in requests if u != "file://" + path], f"{name}: no network requests", requests)
    check(non_blank(shot), f"{name}: a 1280x1800 screenshot that is not blank")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    check(not serious, f"{name}: axe-core finds no serious or critical violation", json.dumps(serious, indent=1))
    print(f"{name}: axe-core: {len(violations)} violations below serious: {[v['id'] for v in violations]}")
    return page, shot


def main():
    chromium, absent = missing()
    required = os.environ.get("MAKEORBUY_REQUIRE_BROWSER") == "1"
    if absent:
        message = "browser test: missing " + ", ".join(absent)
        if required:
            print(f"FAIL: {message} (MAKEORBUY_REQUIRE_BROWSER=1)", file=sys.stderr)
            return 1
        print(f"SKIP: {message}; .ci/install-deps installs them", file=sys.stderr)
        return SKIP
    import cdp

    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.html")
        cost_page = os.path.join(tmp, "cost.html")
        r = run("recommend", *PROFILE, "--format", "html", "--output", report)
        check(r.returncode == 0, "recommend --format html --output: exit 0", r.stderr)
        data = json.loads(run("recommend", *PROFILE, "--format", "json").stdout)
        r = run("cost", "--monthly-spend", "120k", "--format", "html", "--output", cost_page)
        check(r.returncode == 0, "cost --format html --output: exit 0", r.stderr)
        cost = json.loads(run("cost", "--monthly-spend", "120k", "--format", "json").stdout)["cost"]

        # Mermaid's chart appears only when no drawn score is negative: rules whose effects are all
        # turned positive give one, with ruled-out options and names that need quoting.
        with open(os.path.join(harness.SOURCE, "rules", "default.json"), encoding="utf-8") as f:
            rules = json.load(f)
        for rule in rules["rules"]:
            rule["effects"] = {k: abs(v) if isinstance(v, (int, float)) else v for k, v in rule["effects"].items()}
        rules["options"][2]["name"] = 'Self-hosted "open", model'
        rules_path = os.path.join(tmp, "positive.json")
        with open(rules_path, "w", encoding="utf-8") as f:
            json.dump(rules, f)
        markdown = run("recommend", "--rules", rules_path, *PROFILE[:6], "--compliance", "in-house-only",
                       "--team-size", "12", "--no-input", "--format", "markdown")
        check(markdown.returncode == 0, "markdown with positive rules: exit 0", markdown.stderr)
        chart = markdown.stdout.split("```mermaid\n")[1].split("```")[0] if "```mermaid\n" in markdown.stdout else ""
        check("xychart-beta" in chart and 'y-axis "Score" 0 --> ' in chart, "the Mermaid chart is drawn from zero", chart)
        check("ruled out, not drawn: " in chart, "the Mermaid chart names the ruled-out options", chart)

        browser = cdp.Browser(chromium)
        try:
            page, _ = load(browser, report, "recommend")
            check(page["charts"] == ["ranking-chart", "sure-chart", "cost-chart", "parts-chart"],
                  "recommend: one SVG per chart", page["charts"])
            check(page["titled"] and page["tables"] == 4, "recommend: each chart has a title, a description and a table")
            check(page["rankingInView"], "recommend: the ranking chart is in view at 1280x1800")
            ranked = [{"key": r["option"], "value": None if r["excluded"] else r["score"], "ruledOut": r["excluded"]}
                      for r in data["ranking"]]
            check([{k: b[k] for k in ("key", "value", "ruledOut")} for b in page["ranking"]] == ranked,
                  "recommend: the ranking bars hold the JSON's scores", (page["ranking"], ranked))
            zero = page["rankingZero"]
            for bar in page["ranking"]:
                if bar["ruledOut"]:
                    continue
                start, end = bar["x"], bar["x"] + bar["width"]
                check(abs((end if bar["value"] < 0 else start) - zero) < 0.01,
                      f"recommend: the bar of {bar['key']} ({bar['value']}) starts at the zero line", (bar, zero))
            shares = data["analysis"]["robustness"]["first_place_share"]
            check({b["key"]: b["value"] for b in page["sure"]} == shares,
                  "recommend: the 'how sure' bars hold the JSON's first-place shares", (page["sure"], shares))
            check_cost("recommend", page, data["cost"])
            check(page["verdict"].startswith("Recommendation: " + data["ranking"][0]["name"]),
                  "recommend: the verdict names the recommendation first", page["verdict"])

            page, _ = load(browser, cost_page, "cost")
            check(page["charts"] == ["cost-chart", "parts-chart"], "cost: one SVG per chart", page["charts"])
            check(page["costInView"], "cost: the cost chart is in view at 1280x1800")
            check_cost("cost", page, cost)

            browser.open("about:blank")
            with open(MERMAID, encoding="utf-8") as f:
                browser.evaluate(f.read())
            parsed = browser.evaluate(
                f"mermaid.parse({json.dumps(chart)}).then(r => r ? r.diagramType : 'none', e => 'error: ' + e.message)")
            check(parsed == "xychart", "Mermaid's parser reads the Markdown chart", parsed)
            bad = browser.evaluate(
                "mermaid.parse('xychart-beta\\n    x-axis [\"a]\\n    bar [1').then(() => 'read', () => 'refused')")
            check(bad == "refused", "Mermaid's parser refuses a broken chart (the check can fail)", bad)
        finally:
            browser.close()
    print(f"browser test: {time.time() - started:.1f} s")
    return harness.finish() if hasattr(harness, "finish") else 0


if __name__ == "__main__":
    sys.exit(main())
